:INPUT,FORWARD,OUTPUT
-p mobility-header -m mh --mh-type 1;=;OK
-p mobility-header -m mh ! --mh-type 4;=;OK
-p mobility-header -m mh --mh-type 4:123;=;OK
-p mobility-header -m mh --mh-type binding-update;-p mobility-header -m mh --mh-type 5;OK
-p mh -m mh --mh-type coti:hot;-p mobility-header -m mh --mh-type 2:3;OK
-p mobility-header -m mh --mh-type :;-p mobility-header -m mh;OK
-p mobility-header -m mh --mh-type 5:4;;FAIL
-p mobility-header -m mh --mh-type nosuch;;FAIL
-p mobility-header -m mh --mh-type 256;;FAIL
