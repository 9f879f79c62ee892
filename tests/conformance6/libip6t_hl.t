:INPUT,FORWARD,OUTPUT
-m hl --hl-eq 5;=;OK
-m hl ! --hl-eq 5;=;OK
-m hl --hl-lt 1;=;OK
-m hl --hl-gt 254;=;OK
-m hl --hl 9;-m hl --hl-eq 9;OK
-m hl ! --hl-gt 5;;FAIL
-m hl --hl-eq 256;;FAIL
-m hl --hl-eq 1 --hl-lt 2;;FAIL
-m hl;;FAIL
