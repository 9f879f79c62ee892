#!/usr/bin/env bats
# Data path of comment + REJECT: connections refused at once, the ICMP
# error that comes back is the one asked for, counters count, the comment
# is listed and saved (see lib.bash for the namespaces).

load lib
setup_file() { dp_setup_file; }

@test "datapath: comment + REJECT --reject-with tcp-reset refuses a TCP connect at once" {
	dp '
	serve tcp 7000
	expect "before the rule" "$(peer pkt tcp $FW 7000 --send hi | head -n 2 | tr "\n" " ")" "connected reply:hi "
	ipt -A INPUT -p tcp --dport 7000 -m comment --comment "no tcp 7000" -j REJECT --reject-with tcp-reset
	out=$(peer pkt tcp $FW 7000 -W 2)
	expect "connect" "$(echo "$out" | head -n 1)" ECONNREFUSED
	ms=${out##*ms=}
	[ "$ms" -lt 500 ] || { echo "FAIL: refused after $ms ms, not at once" >&2; false; }
	expect "REJECT" "$(pkts INPUT 1)" 1
	expect "listing" "$(ipt -L INPUT -n | tail -n 1)" "REJECT     tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:7000 /* no tcp 7000 */ reject-with tcp-reset"
	expect "save" "$(save | grep -- "^-A INPUT")" "-A INPUT -p tcp -m tcp --dport 7000 -m comment --comment \"no tcp 7000\" -j REJECT --reject-with tcp-reset"
	expect "connect again" "$(peer pkt tcp $FW 7000 -W 2 | head -n 1)" ECONNREFUSED
	expect "REJECT" "$(pkts INPUT 1)" 2
	ipt -D INPUT -p tcp --dport 7000 -m comment --comment "no tcp 7000" -j REJECT --reject-with tcp-reset
	expect "after -D" "$(peer pkt tcp $FW 7000 | head -n 1)" connected
	'
}

@test "datapath: REJECT on UDP sends the ICMP error asked for" {
	dp '
	serve udp 7001
	expect "before the rule" "$(peer pkt udp $FW 7001 --send hi)" reply:hi
	ipt -A INPUT -p udp --dport 7001 -m comment --comment "udp 7001: default reject" -j REJECT
	expect "default (icmp-port-unreachable)" "$(peer pkt udp $FW 7001 --send hi)" icmp:3/3
	expect "REJECT" "$(pkts INPUT 1)" 1
	expect "listing" "$(ipt -L INPUT -n | tail -n 1)" "REJECT     udp  --  0.0.0.0/0            0.0.0.0/0            udp dpt:7001 /* udp 7001: default reject */ reject-with icmp-port-unreachable"
	expect "save" "$(save | grep -- "^-A INPUT")" "-A INPUT -p udp -m udp --dport 7001 -m comment --comment \"udp 7001: default reject\" -j REJECT --reject-with icmp-port-unreachable"
	n=1
	for pair in icmp-net-unreachable:3/0 icmp-host-unreachable:3/1 icmp-proto-unreachable:3/2 \
	            icmp-port-unreachable:3/3 icmp-net-prohibited:3/9 icmp-host-prohibited:3/10 \
	            icmp-admin-prohibited:3/13 net-unreach:3/0 host-unreach:3/1 port-unreach:3/3; do
		with=${pair%%:*} want=icmp:${pair#*:}
		ipt -R INPUT 1 -p udp --dport 7001 -m comment --comment "reject $with" -j REJECT --reject-with $with
		expect "--reject-with $with" "$(peer pkt udp $FW 7001 --send hi)" "$want"
		expect "--reject-with $with counter" "$(pkts INPUT 1)" 1
	done
	'
}

@test "datapath: REJECT in OUTPUT and in a user chain, comment on a plain rule" {
	dp '
	serve udp 7002
	ipt -N reject_udp
	ipt -A reject_udp -m comment --comment "counted only"
	ipt -A reject_udp -p udp -j REJECT --reject-with icmp-host-prohibited
	ipt -A INPUT -p udp --dport 7002 -s $PEER2 -j reject_udp
	ipt -A OUTPUT -p udp --sport 7002 -d $PEER -j REJECT
	expect "from $PEER2, user chain REJECT" "$(peer pkt udp $FW 7002 -s $PEER2)" icmp:3/10
	# the reply is rejected on the way out: the echo server sees the error, the peer nothing
	expect "from $PEER, OUTPUT REJECT" "$(peer pkt udp $FW 7002 -W 0.3)" timeout
	expect "jump" "$(pkts INPUT 1)" 1
	expect "comment rule" "$(pkts reject_udp 1)" 1
	expect "chain REJECT" "$(pkts reject_udp 2)" 1
	expect "OUTPUT REJECT" "$(pkts OUTPUT 1)" 1
	expect "comment listed" "$(ipt -L reject_udp -n | sed -n 3p)" "           all  --  0.0.0.0/0            0.0.0.0/0            /* counted only */"
	'
}
