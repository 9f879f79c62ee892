#!/bin/sh
# Print an iptables-restore file with RULES rules in the filter table and
# RULES/3 in nat and mangle each, spread over a few user chains; SEED
# makes the addresses differ between two rulesets.
# usage: gen-ruleset.sh RULES SEED
awk -v n="$1" -v seed="$2" 'BEGIN {
	print "*filter"
	print ":INPUT ACCEPT [0:0]"; print ":FORWARD DROP [0:0]"; print ":OUTPUT ACCEPT [0:0]"
	for (c = 0; c < 4; c++) printf ":s%d_c%d - [0:0]\n", seed, c
	for (i = 0; i < n; i++) {
		if (i % 50 == 0) printf "-A INPUT -p tcp --dport %d -j s%d_c%d\n", 1000 + i % 60000, seed, (i / 50) % 4
		else if (i % 3 == 0) printf "-A s%d_c%d -s 10.%d.%d.%d/32 -p udp --sport %d -j ACCEPT\n", seed, i % 4, seed % 256, int(i / 256) % 256, i % 256, i % 65535 + 1
		else printf "-A FORWARD -d 172.%d.%d.%d/32 -m comment --comment \"rule %d\" -j DROP\n", 16 + seed % 16, int(i / 256) % 256, i % 256, i
	}
	print "COMMIT"
	print "*nat"
	print ":PREROUTING ACCEPT [0:0]"; print ":INPUT ACCEPT [0:0]"; print ":OUTPUT ACCEPT [0:0]"; print ":POSTROUTING ACCEPT [0:0]"
	for (i = 0; i < n / 3; i++)
		printf "-A PREROUTING -d 192.168.%d.%d/32 -p tcp --dport %d -j DNAT --to-destination 10.9.%d.%d:80\n", seed % 256, i % 256, 1 + i % 65535, int(i / 256) % 256, i % 256
	print "COMMIT"
	print "*mangle"
	print ":PREROUTING ACCEPT [0:0]"; print ":INPUT ACCEPT [0:0]"; print ":FORWARD ACCEPT [0:0]"; print ":OUTPUT ACCEPT [0:0]"; print ":POSTROUTING ACCEPT [0:0]"
	for (i = 0; i < n / 3; i++)
		printf "-A OUTPUT -s 10.%d.%d.%d/32 -j MARK --set-xmark 0x%x/0xffffffff\n", seed % 256, int(i / 256) % 256, i % 256, i + 1
	print "COMMIT"
}'
