:INPUT,FORWARD,OUTPUT
-s ::/128;=;OK
! -d ::;! -d ::/128;OK
! -s ::;! -s ::/128;OK
-s ::/64;=;OK
-d 2001:db8::/32 -s fe80::/ffff:0:ffff::;-s fe80::/ffff:0:ffff:: -d 2001:db8::/32;OK
-s 2001:db8::1/96 -d ::1 -p tcp;-s 2001:db8::/96 -d ::1/128 -p tcp;OK
-p ipv6-icmp;=;OK
-p icmpv6;-p ipv6-icmp;OK
-p 58;-p ipv6-icmp;OK
! -p all;;FAIL
-s 1.2.3.4;;FAIL
-f;;FAIL
:FORWARD
-i eth+ ! -o lo;=;OK
-j DROP;=;OK
