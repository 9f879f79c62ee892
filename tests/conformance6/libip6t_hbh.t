:INPUT,FORWARD,OUTPUT
-m hbh --hbh-len 8 --hbh-opts 1:2,3,5:0;=;OK
-m hbh ! --hbh-len 8;=;OK
-m hbh;=;OK
-m hbh --hbh-opts 0:2;;FAIL
-m hbh --hbh-opts x;;FAIL
-m hbh --hbh-opts 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17;;FAIL
