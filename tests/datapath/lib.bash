# Loaded by tests/datapath/*.bats, and again inside each test's namespaces.
#
# Every test runs `dp 'SCRIPT'`: a fresh network + mount namespace ("fw",
# private tmpfs on /run) holding veth0 10.200.0.1/24, joined by a veth pair
# to a second namespace "peer" (veth1: 10.200.0.2/24 and 10.200.0.3/24).
# SCRIPT runs in fw under `set -e`; the rules are installed there with the
# programs under test and the packets come from peer.  When SCRIPT ends
# (or fails, or times out) its background servers are killed and both
# namespaces vanish with the mount namespace that holds them.
#
# Inside SCRIPT:
#   ipt / save / restore      the programs under test (in fw)
#   peer CMD...               run CMD in the peer namespace
#   pkt ARGS...               tests/datapath/pkt.py in fw; `peer pkt ...`
#                             sends from the peer
#   serve tcp|udp PORT        start an echo server in fw (background)
#   pkts CHAIN N [TABLE]      packet counter of rule N of CHAIN, read from
#                             `-L -v -x -n` and checked against `save -c`
#   policy_pkts CHAIN [TABLE] packet counter of the chain policy
#   expect WHAT GOT WANT      fail with a message unless GOT = WANT
#   expect_match WHAT GOT RE  fail unless GOT matches the extended regex RE
dp_dir=${dp_dir:-$BATS_TEST_DIRNAME}
FW=10.200.0.1 PEER=10.200.0.2 PEER2=10.200.0.3

# ---- in the bats process ----

dp_setup_file() {
	[ "$(id -u)" = 0 ] || return 0
	local xt_tests
	xt_tests=$(dirname "$dp_dir")
	. "$xt_tests/lib/env.sh"
	if [ -n "${XT_BUILD:-}" ]; then
		xt_use_build "$XT_BUILD" || return 1
	elif [ -z "${XT_BIN:-}" ]; then
		echo "set XT_BUILD (build tree) or XT_BIN (programs dir)" >&2
		return 1
	fi
	# the interpreter itself (not a wrapper such as a pyenv shim: it is
	# started many times)
	DP_PYTHON=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) || DP_PYTHON=
	export XT_BIN dp_dir DP_PYTHON
}

dp_need() {
	[ "$(id -u)" = 0 ] || skip "needs root (network namespaces)"
	[ -n "${DP_PYTHON:-}" ] || skip "python3 is not installed"
	command -v ip >/dev/null || skip "ip (iproute2) is not installed"
}

# dp SCRIPT: run SCRIPT in fresh namespaces (20 s at most)
dp() {
	dp_need
	DP_SCRIPT=$1 timeout -k 2 20 unshare -n -m bash -c '. "$dp_dir/lib.bash"; dp_ns_setup || exit 125; trap dp_ns_exit EXIT; trap "dp_fail_line \$LINENO" ERR; set -e
'"$1" 3>&-
}

# ---- in the namespaces ----

ipt()     { "$XT_BIN/iptables" "$@"; }
save()    { "$XT_BIN/iptables-save" "$@"; }
restore() { "$XT_BIN/iptables-restore" "$@"; }
peer() {
	if [ "$1" = pkt ]; then
		shift; ip netns exec peer "$DP_PYTHON" -S "$dp_dir/pkt.py" "$@"
	else
		ip netns exec peer "$@"
	fi
}
pkt()     { "$DP_PYTHON" -S "$dp_dir/pkt.py" "$@"; }

dp_mac() { ip -br link show dev "$1" | awk '{ print $3 }'; }

dp_ns_setup() {
	mount -t tmpfs tmpfs /run || return 1
	dp_tmp=$(mktemp -d /run/dp.XXXXXX) || return 1
	sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 \
		net.ipv4.icmp_ratelimit=0 || return 1
	ip link set lo up &&
	ip netns add peer &&
	peer sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 \
		net.ipv4.icmp_ratelimit=0 &&
	ip link add veth0 type veth peer name veth1 netns peer &&
	ip addr add "$FW/24" dev veth0 &&
	ip link set veth0 up &&
	peer ip link set lo up &&
	peer ip addr add "$PEER/24" dev veth1 &&
	peer ip addr add "$PEER2/24" dev veth1 &&
	peer ip link set veth1 up || return 1
	# fixed neighbours: no ARP traffic, no resolution delay
	local mac0 mac1
	mac0=$(dp_mac veth0) mac1=$(peer ip -br link show dev veth1 | awk '{ print $3 }')
	ip neigh replace "$PEER" lladdr "$mac1" dev veth0 nud permanent &&
	ip neigh replace "$PEER2" lladdr "$mac1" dev veth0 nud permanent &&
	peer ip neigh replace "$FW" lladdr "$mac0" dev veth1 nud permanent || return 1
	local i
	for i in $(seq 50); do
		ip link show veth0 | grep -q LOWER_UP && return 0
		sleep 0.05
	done
	echo "veth0 has no carrier" >&2
	return 1
}

dp_ns_exit() {
	local rc=$?
	trap - ERR
	[ -n "${dp_pids:-}" ] && kill $dp_pids 2>/dev/null
	if [ "$rc" != 0 ]; then
		echo "# --- fw: iptables-save -c at the failure ---"
		save -c 2>&1 | sed 's/^/# /'
	fi
	wait 2>/dev/null
	return $rc
}

dp_fail_line() {
	[ "$1" -gt 1 ] || return 0
	echo "failed at line $(($1 - 1)) of the test script:$(printf %s "$DP_SCRIPT" | sed -n "$(($1 - 1))p")" >&2
}

expect() {
	if [ "$2" != "$3" ]; then
		echo "FAIL: $1: got '$2', want '$3'" >&2
		return 1
	fi
}

expect_match() {
	if ! [[ $2 =~ $3 ]]; then
		echo "FAIL: $1: got '$2', want a match of /$3/" >&2
		return 1
	fi
}

# serve tcp|udp PORT: echo server in fw, ready when this returns
serve() {
	local ready=$dp_tmp/ready.$1.$2 i
	pkt serve "$1" "$2" --ready "$ready" --max-time 15 </dev/null >/dev/null 2>&1 &
	dp_pids="${dp_pids:-} $!"
	for i in $(seq 100); do
		[ -e "$ready" ] && return 0
		sleep 0.02
	done
	echo "echo server $1/$2 did not start" >&2
	return 1
}

# pkts CHAIN N [TABLE]: packets of rule N, from -L and from save -c (must agree)
pkts() {
	local t=${3:-filter} list saved
	list=$(ipt -t "$t" -L "$1" -v -x -n | awk -v n="$2" 'NR == n + 2 { print $1 }')
	saved=$(save -c -t "$t" | awk -v c="$1" -v n="$2" '
		$2 == "-A" && $3 == c && ++i == n { s = $1; gsub(/[^0-9:]/, "", s); split(s, a, ":"); print a[1] }')
	if [ -z "$list" ] || [ "$list" != "$saved" ]; then
		echo "FAIL: counter of $1 rule $2: -L says '$list', save -c says '$saved'" >&2
		return 1
	fi
	echo "$list"
}

# policy_pkts CHAIN [TABLE]: packets counted by the policy of a built-in chain
policy_pkts() {
	local t=${2:-filter} list saved
	list=$(ipt -t "$t" -L "$1" -v -x -n | sed -n '1s/.*(policy [A-Z]* \([0-9]*\) packets.*/\1/p')
	saved=$(save -c -t "$t" | awk -v c=":$1" '$1 == c { s = $3; gsub(/[^0-9:]/, "", s); split(s, a, ":"); print a[1] }')
	if [ -z "$list" ] || [ "$list" != "$saved" ]; then
		echo "FAIL: policy counter of $1: -L says '$list', save -c says '$saved'" >&2
		return 1
	fi
	echo "$list"
}
