#!/usr/bin/env bats
# Data path of iprange: two source addresses on the peer, one inside the
# range and one outside (see lib.bash for the namespaces).

load lib
setup_file() { dp_setup_file; }

@test "datapath: iprange --src-range matches inside, not outside" {
	dp '
	ipt -A INPUT -p icmp -m iprange --src-range 10.200.0.3-10.200.0.9 -j DROP
	ipt -A INPUT -p icmp -m iprange ! --src-range 10.200.0.3-10.200.0.9
	ipt -A INPUT -p icmp -m iprange --src-range 10.200.0.1-10.200.0.2
	expect "replies to $PEER (outside)" "$(peer pkt ping $FW -c 2)" 2
	expect "replies to $PEER2 (inside)" "$(peer pkt ping $FW -s $PEER2 -c 3 -W 0.3)" 0
	expect "--src-range DROP" "$(pkts INPUT 1)" 3
	expect "! --src-range" "$(pkts INPUT 2)" 2
	expect "--src-range 10.200.0.1-10.200.0.2" "$(pkts INPUT 3)" 2
	'
}

@test "datapath: iprange --dst-range on OUTPUT, both ranges in one rule" {
	dp '
	ipt -A OUTPUT -p icmp -m iprange --dst-range 10.200.0.3-10.200.0.3
	ipt -A OUTPUT -p icmp -m iprange --dst-range 10.200.0.0-10.200.0.2
	ipt -A INPUT -p icmp -m iprange --src-range 10.200.0.2-10.200.0.3 --dst-range 10.200.0.1-10.200.0.1
	ipt -A INPUT -p icmp -m iprange --src-range 10.200.0.2-10.200.0.3 ! --dst-range 10.200.0.1-10.200.0.1
	expect "replies to $PEER" "$(peer pkt ping $FW -c 2)" 2
	expect "replies to $PEER2" "$(peer pkt ping $FW -s $PEER2 -c 1)" 1
	expect "--dst-range .3" "$(pkts OUTPUT 1)" 1
	expect "--dst-range .0-.2" "$(pkts OUTPUT 2)" 2
	expect "both ranges" "$(pkts INPUT 1)" 3
	expect "! --dst-range" "$(pkts INPUT 2)" 0
	'
}
