:INPUT,FORWARD,OUTPUT
-m frag --fragid 1:42 --fraglen 8 --fragres --fragfirst --fragmore;=;OK
-m frag ! --fragid 5 ! --fraglen 0 --fraglast;=;OK
-m frag ! --fragid 0:4294967295;=;OK
-m frag --fragid 0:4294967295;-m frag;OK
-m frag;=;OK
-m frag --fragmore --fraglast;;FAIL
-m frag --fragid 3:2;;FAIL
