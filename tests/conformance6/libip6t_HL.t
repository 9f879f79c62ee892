:PREROUTING,FORWARD,OUTPUT
*mangle
-j HL --hl-set 42;=;OK
-j HL --hl-inc 1;=;OK
-j HL --hl-dec 255;=;OK
-j HL --hl-dec 0;;FAIL
-j HL --hl-inc 256;;FAIL
-j HL --hl-set 1 --hl-inc 1;;FAIL
-j HL;;FAIL
