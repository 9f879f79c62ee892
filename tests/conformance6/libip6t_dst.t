:INPUT,FORWARD,OUTPUT
-m dst --dst-len 0 --dst-opts 149:92,12:12,123:12;=;OK
-m dst ! --dst-len 42;=;OK
-m dst;=;OK
-m dst --dst-opts 0:1;;FAIL
-m dst --dst-opts 1x;;FAIL
