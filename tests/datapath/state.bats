#!/usr/bin/env bats
# Data path of state and conntrack: NEW, ESTABLISHED and INVALID counted
# separately on real traffic (see lib.bash for the namespaces).

load lib
setup_file() { dp_setup_file; }

@test "datapath: state NEW then ESTABLISHED over a ping exchange" {
	dp '
	ipt -A INPUT -p icmp -m state --state NEW
	ipt -A INPUT -p icmp -m state --state ESTABLISHED
	ipt -A INPUT -p icmp -m state --state RELATED,INVALID
	ipt -A OUTPUT -p icmp -m state --state NEW
	ipt -A OUTPUT -p icmp -m state --state ESTABLISHED
	# one echo identifier: the first request is NEW, the rest ESTABLISHED
	expect "replies" "$(peer pkt ping $FW -c 4 -i 0.01 --id 77)" 4
	expect "INPUT NEW" "$(pkts INPUT 1)" 1
	expect "INPUT ESTABLISHED" "$(pkts INPUT 2)" 3
	expect "INPUT RELATED,INVALID" "$(pkts INPUT 3)" 0
	expect "OUTPUT NEW" "$(pkts OUTPUT 1)" 0
	expect "OUTPUT ESTABLISHED (the replies)" "$(pkts OUTPUT 2)" 4
	# ESTABLISHED only: a new identifier is not let in
	ipt -I INPUT -p icmp -m state ! --state ESTABLISHED -j DROP
	expect "replies, new identifier" "$(peer pkt ping $FW -c 2 --id 78 -W 0.3)" 0
	expect "replies, known identifier" "$(peer pkt ping $FW -c 2 -i 0.01 --id 77)" 2
	expect "! --state ESTABLISHED DROP" "$(pkts INPUT 1)" 2
	'
}

@test "datapath: conntrack NEW and ESTABLISHED over a TCP connection" {
	dp '
	serve tcp 5000
	ipt -A INPUT -p tcp --dport 5000 -m conntrack --ctstate NEW -j ACCEPT
	ipt -A INPUT -p tcp --dport 5000 -m state --state ESTABLISHED -j ACCEPT
	ipt -A INPUT -p tcp --dport 5000 -j DROP
	ipt -A OUTPUT -p tcp --sport 5000 -m conntrack --ctstate NEW
	ipt -A OUTPUT -p tcp --sport 5000 -m conntrack --ctstate ESTABLISHED --ctdir REPLY
	ipt -A OUTPUT -p tcp --sport 5000 -m conntrack --ctstate ESTABLISHED --ctdir ORIGINAL
	expect "connection" "$(peer pkt tcp $FW 5000 --send hello | head -n 2 | tr "\n" " ")" "connected reply:hello "
	expect "INPUT NEW (the SYN)" "$(pkts INPUT 1)" 1
	est=$(pkts INPUT 2)
	expect_match "INPUT ESTABLISHED (ACK, data, FIN ...)" "$est" "^([3-9]|[1-9][0-9])$"
	expect "INPUT DROP" "$(pkts INPUT 3)" 0
	expect "OUTPUT NEW" "$(pkts OUTPUT 1)" 0
	expect_match "OUTPUT ESTABLISHED reply direction (SYN-ACK, data ...)" "$(pkts OUTPUT 2)" "^([3-9]|[1-9][0-9])$"
	expect "OUTPUT ESTABLISHED original direction" "$(pkts OUTPUT 3)" 0
	# NEW refused: the connection does not come up, nothing else is seen
	ipt -R INPUT 1 -p tcp --dport 5000 -m conntrack --ctstate NEW -j DROP
	expect "connection with NEW dropped" "$(peer pkt tcp $FW 5000 -W 0.3 | head -n 1)" timeout
	expect "INPUT NEW DROP" "$(pkts INPUT 1)" 1
	expect "INPUT ESTABLISHED unchanged" "$(pkts INPUT 2)" "$est"
	'
}

@test "datapath: conntrack INVALID and RELATED" {
	dp '
	ipt -A INPUT -p tcp -m conntrack --ctstate INVALID -j DROP
	ipt -A INPUT -p tcp -m state --state NEW
	ipt -A INPUT -p tcp -m state --state ESTABLISHED
	ipt -A OUTPUT -p icmp -m state --state RELATED
	ipt -A OUTPUT -p icmp -m state ! --state RELATED
	# SYN+FIN is an invalid flag combination for conntrack
	peer pkt tcpraw $FW 5000 --flags SF >/dev/null
	# a bare ACK without a connection is invalid once loose pickup is off
	sysctl -qw net.netfilter.nf_conntrack_tcp_loose=0
	peer pkt tcpraw $FW 5000 --flags A --sport 40001 >/dev/null
	# an ICMP error for a UDP datagram is related to its flow
	expect "udp to a closed port" "$(peer pkt udp $FW 5999)" icmp:3/3
	for i in $(seq 20); do [ "$(pkts INPUT 1)" = 2 ] && break; sleep 0.02; done
	expect "INVALID DROP" "$(pkts INPUT 1)" 2
	expect "NEW" "$(pkts INPUT 2)" 0
	expect "ESTABLISHED" "$(pkts INPUT 3)" 0
	expect "OUTPUT RELATED (the port unreachable)" "$(pkts OUTPUT 1)" 1
	expect "OUTPUT ! RELATED" "$(pkts OUTPUT 2)" 0
	'
}
