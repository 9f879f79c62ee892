#!/usr/bin/env bats
# Data path of limit: the burst lets exactly that many packets through
# (see lib.bash for the namespaces).

load lib
setup_file() { dp_setup_file; }

@test "datapath: limit 1/sec burst 3 lets 3 of 10 back-to-back pings through" {
	dp '
	ipt -A INPUT -p icmp --icmp-type echo-request -m limit --limit 1/sec --limit-burst 3 -j ACCEPT
	ipt -A INPUT -p icmp --icmp-type echo-request -j DROP
	expect "replies" "$(peer pkt ping $FW -c 10 -i 0 -W 0.3)" 3
	expect "limit ACCEPT" "$(pkts INPUT 1)" 3
	expect "DROP" "$(pkts INPUT 2)" 7
	'
}

@test "datapath: limit per minute and default burst" {
	dp '
	ipt -A INPUT -p icmp -s $PEER -m limit --limit 2/min --limit-burst 1 -j ACCEPT
	ipt -A INPUT -p icmp -s $PEER2 -m limit --limit 3/hour -j ACCEPT
	ipt -A INPUT -p icmp -j DROP
	expect "replies to $PEER" "$(peer pkt ping $FW -c 4 -i 0 -W 0.3)" 1
	# the default burst is 5
	expect "replies to $PEER2" "$(peer pkt ping $FW -s $PEER2 -c 8 -i 0 -W 0.3)" 5
	expect "2/min burst 1" "$(pkts INPUT 1)" 1
	expect "3/hour default burst" "$(pkts INPUT 2)" 5
	expect "DROP" "$(pkts INPUT 3)" 6
	'
}
