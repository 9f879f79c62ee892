#!/usr/bin/env bats
# Data path of the core: policies, -s/-d with masks, -i/-o, tcp/udp ports.
# Real packets between two namespaces joined by a veth (see lib.bash).

load lib
setup_file() { dp_setup_file; }

@test "datapath: DROP and ACCEPT policies, policy counters" {
	dp '
	# the filter table of a new namespace exists once a program asks for it
	ipt -L -n >/dev/null
	expect "replies under ACCEPT" "$(peer pkt ping $FW -c 2)" 2
	expect "INPUT policy packets" "$(policy_pkts INPUT)" 2
	expect "OUTPUT policy packets" "$(policy_pkts OUTPUT)" 2
	ipt -P INPUT DROP
	# -P starts the policy counters of that chain again from zero
	expect "INPUT policy packets after -P" "$(policy_pkts INPUT)" 0
	expect "OUTPUT policy packets after -P INPUT" "$(policy_pkts OUTPUT)" 2
	expect "replies under DROP" "$(peer pkt ping $FW -c 3 -W 0.3)" 0
	expect "INPUT policy packets" "$(policy_pkts INPUT)" 3
	expect "OUTPUT policy packets" "$(policy_pkts OUTPUT)" 2
	ipt -A INPUT -s $PEER -p icmp -j ACCEPT
	expect "replies from $PEER, rule ACCEPT" "$(peer pkt ping $FW -c 2)" 2
	expect "replies from $PEER2, policy DROP" "$(peer pkt ping $FW -s $PEER2 -c 1 -W 0.3)" 0
	expect "ACCEPT rule packets" "$(pkts INPUT 1)" 2
	expect "INPUT policy packets" "$(policy_pkts INPUT)" 4
	expect "OUTPUT policy packets" "$(policy_pkts OUTPUT)" 4
	ipt -P INPUT ACCEPT
	ipt -P OUTPUT DROP
	expect "replies under OUTPUT DROP" "$(peer pkt ping $FW -c 2 -W 0.3)" 0
	expect "ACCEPT rule packets" "$(pkts INPUT 1)" 4
	expect "INPUT policy packets" "$(policy_pkts INPUT)" 0
	expect "OUTPUT policy packets" "$(policy_pkts OUTPUT)" 2
	ipt -Z
	expect "OUTPUT policy after -Z" "$(policy_pkts OUTPUT)" 0
	expect "ACCEPT rule after -Z" "$(pkts INPUT 1)" 0
	'
}

@test "datapath: -s/-d with prefix lengths, dotted masks and negation" {
	dp '
	ipt -A INPUT -p icmp -s $PEER/32
	ipt -A INPUT -p icmp -s 10.200.0.2/31
	ipt -A INPUT -p icmp ! -s $PEER
	ipt -A INPUT -p icmp -d 10.0.0.1/255.0.0.255
	ipt -A INPUT -p icmp -s 10.200.0.0/255.255.255.253
	ipt -A INPUT -p icmp -s 10.201.0.0/16
	ipt -A INPUT -p icmp -s $PEER2 -d $FW/24 -j DROP
	expect "replies to $PEER" "$(peer pkt ping $FW -c 2)" 2
	expect "replies to $PEER2" "$(peer pkt ping $FW -s $PEER2 -c 3 -W 0.3)" 0
	expect "-s $PEER/32" "$(pkts INPUT 1)" 2
	expect "-s 10.200.0.2/31" "$(pkts INPUT 2)" 5
	expect "! -s $PEER" "$(pkts INPUT 3)" 3
	expect "-d 10.0.0.1/255.0.0.255" "$(pkts INPUT 4)" 5
	expect "-s 10.200.0.0/255.255.255.253 (matches .2, not .3)" "$(pkts INPUT 5)" 2
	expect "-s 10.201.0.0/16" "$(pkts INPUT 6)" 0
	expect "DROP of $PEER2" "$(pkts INPUT 7)" 3
	'
}

@test "datapath: -i and -o interface names, wildcards, negation" {
	dp '
	ipt -A INPUT -p icmp -i veth0
	ipt -A INPUT -p icmp -i vet+
	ipt -A INPUT -p icmp ! -i veth0
	ipt -A INPUT -p icmp -i veth1
	ipt -A INPUT -p icmp -i lo
	ipt -A OUTPUT -p icmp -o veth0
	ipt -A OUTPUT -p icmp -o v+
	ipt -A OUTPUT -p icmp ! -o veth+
	expect "replies" "$(peer pkt ping $FW -c 3)" 3
	expect "-i veth0" "$(pkts INPUT 1)" 3
	expect "-i vet+" "$(pkts INPUT 2)" 3
	expect "! -i veth0" "$(pkts INPUT 3)" 0
	expect "-i veth1" "$(pkts INPUT 4)" 0
	expect "-i lo" "$(pkts INPUT 5)" 0
	expect "-o veth0" "$(pkts OUTPUT 1)" 3
	expect "-o v+" "$(pkts OUTPUT 2)" 3
	expect "! -o veth+" "$(pkts OUTPUT 3)" 0
	# a ping to itself goes out and in through lo (request and reply)
	expect "local replies" "$(pkt ping $FW -c 1)" 1
	expect "! -i veth0 after local ping" "$(pkts INPUT 3)" 2
	expect "-i lo after local ping" "$(pkts INPUT 5)" 2
	expect "! -o veth+ after local ping" "$(pkts OUTPUT 3)" 2
	ipt -I OUTPUT -o veth0 -p icmp --icmp-type echo-reply -j DROP
	expect "replies with -o veth0 DROP" "$(peer pkt ping $FW -c 2 -W 0.3)" 0
	expect "-o veth0 DROP" "$(pkts OUTPUT 1)" 2
	ipt -F OUTPUT
	ipt -I INPUT -i veth+ -j DROP
	expect "replies with -i veth+ DROP" "$(peer pkt ping $FW -c 2 -W 0.3)" 0
	expect "-i veth+ DROP" "$(pkts INPUT 1)" 2
	'
}

@test "datapath: tcp --dport/--sport and udp --dport, single ports and ranges" {
	dp '
	serve tcp 5000
	serve tcp 5001
	serve udp 5002
	serve udp 5003
	ipt -A INPUT -p tcp --dport 5001 -j DROP
	ipt -A INPUT -p udp --dport 5003 -j DROP
	ipt -A INPUT -p tcp --sport 4444 -j DROP
	ipt -A INPUT -p udp --dport 5100:5199 -j DROP
	ipt -A INPUT -p tcp ! --dport 5000:5001
	ipt -A INPUT -p udp --sport 4000: --dport :5002
	expect "tcp 5000" "$(peer pkt tcp $FW 5000 --send hello | head -n 2 | tr "\n" " ")" "connected reply:hello "
	expect "tcp 5001" "$(peer pkt tcp $FW 5001 -W 0.3 | head -n 1)" timeout
	expect "tcp 5000 from port 4444" "$(peer pkt tcp $FW 5000 --sport 4444 -W 0.3 | head -n 1)" timeout
	expect "tcp 5000 from port 4445" "$(peer pkt tcp $FW 5000 --sport 4445 | head -n 1)" connected
	expect "tcp 5010 (closed)" "$(peer pkt tcp $FW 5010 | head -n 1)" ECONNREFUSED
	expect "udp 5002" "$(peer pkt udp $FW 5002 --send ping)" reply:ping
	expect "udp 5003" "$(peer pkt udp $FW 5003 -W 0.3)" timeout
	expect "udp 5150" "$(peer pkt udp $FW 5150 -W 0.3)" timeout
	expect "udp 5200 (closed)" "$(peer pkt udp $FW 5200)" icmp:3/3
	expect "udp 5002 from port 4001" "$(peer pkt udp $FW 5002 --sport 4001 --send x)" reply:x
	expect "--dport 5001 DROP" "$(pkts INPUT 1)" 1
	expect "--dport 5003 DROP" "$(pkts INPUT 2)" 1
	expect "--sport 4444 DROP" "$(pkts INPUT 3)" 1
	expect "--dport 5100:5199 DROP" "$(pkts INPUT 4)" 1
	expect "! --dport 5000:5001 (the SYN to 5010)" "$(pkts INPUT 5)" 1
	expect "--sport 4000: --dport :5002" "$(pkts INPUT 6)" 2
	'
}

@test "datapath: FORWARD with -i and -o together, FORWARD policy" {
	dp '
	dp_far
	ipt -A FORWARD -i veth0 -o veth2 -p icmp
	ipt -A FORWARD -i veth2 -o veth0 -p icmp
	ipt -A FORWARD -i veth0 -o veth0
	ipt -A FORWARD -i veth+ ! -o veth0 -p icmp --icmp-type echo-request
	ipt -A FORWARD -s $PEER -d $FAR/32 -p icmp -o veth2
	expect "replies through fw" "$(peer pkt ping $FAR -c 3)" 3
	expect "-i veth0 -o veth2" "$(pkts FORWARD 1)" 3
	expect "-i veth2 -o veth0" "$(pkts FORWARD 2)" 3
	expect "-i veth0 -o veth0" "$(pkts FORWARD 3)" 0
	expect "-i veth+ ! -o veth0 echo-request" "$(pkts FORWARD 4)" 3
	expect "-s -d -o" "$(pkts FORWARD 5)" 3
	expect "INPUT policy (nothing for fw itself)" "$(policy_pkts INPUT)" 0
	ipt -F FORWARD
	ipt -P FORWARD DROP
	ipt -A FORWARD -i veth0 -o veth2 -s $PEER -j ACCEPT
	ipt -A FORWARD -i veth2 -o veth0 -d $PEER -j ACCEPT
	expect "replies to $PEER through fw" "$(peer pkt ping $FAR -c 2)" 2
	expect "replies to $PEER2 through fw" "$(peer pkt ping $FAR -s $PEER2 -c 2 -W 0.3)" 0
	expect "FORWARD policy" "$(policy_pkts FORWARD)" 2
	expect "ACCEPT out" "$(pkts FORWARD 1)" 2
	expect "ACCEPT back" "$(pkts FORWARD 2)" 2
	'
}

@test "datapath: rules and counters loaded by iptables-restore keep counting" {
	dp '
	restore -c <<-EOF
	*filter
	:INPUT ACCEPT [100:5000]
	:FORWARD DROP [0:0]
	:OUTPUT ACCEPT [0:0]
	:icmp_in - [0:0]
	[7:700] -A INPUT -p icmp -j icmp_in
	[0:0] -A INPUT -p udp --dport 5300 -j DROP
	[1:84] -A icmp_in -s $PEER2 -j DROP
	[0:0] -A icmp_in -j RETURN
	COMMIT
	EOF
	expect "replies to $PEER" "$(peer pkt ping $FW -c 2)" 2
	expect "replies to $PEER2" "$(peer pkt ping $FW -s $PEER2 -c 1 -W 0.3)" 0
	expect "udp 5300" "$(peer pkt udp $FW 5300 -W 0.3)" timeout
	expect "jump to icmp_in" "$(pkts INPUT 1)" 10
	expect "udp DROP" "$(pkts INPUT 2)" 1
	expect "DROP of $PEER2" "$(pkts icmp_in 1)" 2
	expect "RETURN" "$(pkts icmp_in 2)" 2
	expect "INPUT policy" "$(policy_pkts INPUT)" 102
	# an echo request of pkt.py is 44 bytes (IP 20, ICMP 8, payload 16)
	expect "bytes of the jump" "$(save -c | sed -n "s/^\[[0-9]*:\([0-9]*\)\] -A INPUT -p icmp -j icmp_in$/\1/p")" $((700 + 3 * 44))
	# --noflush adds to what is there
	restore -n <<-EOF
	*filter
	-I INPUT -p icmp -s $PEER -j DROP
	COMMIT
	EOF
	expect "replies to $PEER after --noflush" "$(peer pkt ping $FW -c 1 -W 0.3)" 0
	expect "inserted DROP" "$(pkts INPUT 1)" 1
	expect "jump to icmp_in unchanged" "$(pkts INPUT 2)" 10
	'
}
