:INPUT,FORWARD,OUTPUT
-m ipv6header --header hop-by-hop;=;OK
-m ipv6header --header hop,dst,route,frag,auth,esp,none,prot;-m ipv6header --header hop-by-hop,ipv6-opts,ipv6-route,ipv6-frag,ah,esp,ipv6-nonxt,protocol;OK
-m ipv6header ! --header ipv6-frag --soft;=;OK
-m ipv6header --header 44,51;-m ipv6header --header ipv6-frag,ah;OK
-m ipv6header --header tcp;;FAIL
-m ipv6header --soft;;FAIL
