:INPUT,FORWARD,OUTPUT
-m ah --ahspi 0:7 --ahlen 8 --ahres;=;OK
-m ah ! --ahspi 42 ! --ahlen 0;=;OK
-m ah --ahlen 0;-m ah;OK
-m ah;=;OK
-m ah --ahspi 9:3;;FAIL
-m ah --ahspi 4294967296;;FAIL
