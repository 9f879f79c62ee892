#!/usr/bin/env bats
# Data path of string: a payload holding the marker matches (bm and kmp),
# one without it does not (see lib.bash for the namespaces).

load lib
setup_file() { dp_setup_file; }

@test "datapath: string --algo bm and kmp match the marker only" {
	dp '
	serve udp 6000
	ipt -A INPUT -p udp --dport 6000 -m string --string XT-MARKER --algo bm
	ipt -A INPUT -p udp --dport 6000 -m string --string XT-MARKER --algo kmp
	ipt -A INPUT -p udp --dport 6000 -m string ! --string XT-MARKER --algo kmp
	ipt -A INPUT -p udp --dport 6000 -m string --string "DROP ME" --algo bm -j DROP
	ipt -A INPUT -p udp --dport 6000 -m string --string "drop me too" --algo kmp -j DROP
	expect "plain datagram" "$(peer pkt udp $FW 6000 --send "hello world")" "reply:hello world"
	expect "marked datagram" "$(peer pkt udp $FW 6000 --send "hello XT-MARKER world")" "reply:hello XT-MARKER world"
	expect "datagram dropped by bm" "$(peer pkt udp $FW 6000 --send "please DROP ME now" -W 0.3)" timeout
	expect "datagram dropped by kmp" "$(peer pkt udp $FW 6000 --send "please drop me too" -W 0.3)" timeout
	expect "case matters" "$(peer pkt udp $FW 6000 --send "please drop ME too")" "reply:please drop ME too"
	expect "bm" "$(pkts INPUT 1)" 1
	expect "kmp" "$(pkts INPUT 2)" 1
	expect "! --string" "$(pkts INPUT 3)" 4
	expect "bm DROP" "$(pkts INPUT 4)" 1
	expect "kmp DROP" "$(pkts INPUT 5)" 1
	'
}

@test "datapath: string --hex-string, --icase, --from/--to offsets" {
	dp '
	serve udp 6000
	# the UDP payload starts at offset 28 of the packet (IP 20 + UDP 8)
	ipt -A INPUT -p udp --dport 6000 -m string --hex-string "|58 54|-MARK" --algo bm
	ipt -A INPUT -p udp --dport 6000 -m string --string xt-marker --algo kmp --icase
	ipt -A INPUT -p udp --dport 6000 -m string --string XT-MARKER --algo bm --to 36
	ipt -A INPUT -p udp --dport 6000 -m string --string XT-MARKER --algo bm --from 28 --to 37
	ipt -A INPUT -p udp --dport 6000 -m string --string XT-MARKER --algo kmp --from 29
	ipt -A INPUT -p udp --dport 6000 -m string --string XT-MARKER --algo bm --from 31
	expect "datagram 1" "$(peer pkt udp $FW 6000 --send "XT-MARKER at the start")" "reply:XT-MARKER at the start"
	expect "datagram 2" "$(peer pkt udp $FW 6000 --send "...XT-MARKER later")" "reply:...XT-MARKER later"
	expect "--hex-string" "$(pkts INPUT 1)" 2
	expect "--icase" "$(pkts INPUT 2)" 2
	expect "--to 36 (the first marker covers bytes 28 to 36)" "$(pkts INPUT 3)" 0
	expect "--from 28 --to 37" "$(pkts INPUT 4)" 1
	expect "--from 29" "$(pkts INPUT 5)" 1
	expect "--from 31" "$(pkts INPUT 6)" 1
	'
}
