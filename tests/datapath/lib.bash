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
#   dp_far                    add a third namespace "far" behind fw
#                             (fw veth2 10.200.1.1/24, far veth3 $FAR =
#                             10.200.1.2/24), fw forwarding between them
#   far CMD... / far pkt ...  like peer, in far
#   expect WHAT GOT WANT      fail with a message unless GOT = WANT
#   expect_match WHAT GOT RE  fail unless GOT matches the extended regex RE
dp_dir=${dp_dir:-$(cd "$BATS_TEST_DIRNAME" && pwd)}
FW=10.200.0.1 PEER=10.200.0.2 PEER2=10.200.0.3 FW_FAR=10.200.1.1 FAR=10.200.1.2

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
	local rc=0
	DP_SCRIPT=$1 timeout -k 2 20 unshare -n -m bash -c '. "$dp_dir/lib.bash"; dp_ns_setup || exit 125; trap dp_ns_exit EXIT; trap "dp_fail_line \$LINENO" ERR; set -e
'"$1" 3>&- || rc=$?
	[ "$rc" != 124 ] || echo "the test script timed out (20 s)" >&2
	[ "$rc" != 125 ] || echo "the namespaces could not be set up" >&2
	return "$rc"
}

# ---- in the namespaces ----

ipt()     { "$XT_BIN/iptables" "$@"; }
save()    { "$XT_BIN/iptables-save" "$@"; }
restore() { "$XT_BIN/iptables-restore" "$@"; }
pkt()     { "$DP_PYTHON" -S "$dp_dir/pkt.py" "$@"; }
peer()    { dp_in peer "$@"; }
far()     { dp_in far "$@"; }

# dp_in NS CMD...: run CMD (or `pkt ...`) in the namespace NS
dp_in() {
	local ns=$1
	shift
	if [ "$1" = pkt ]; then
		shift
		set -- "$DP_PYTHON" -S "$dp_dir/pkt.py" "$@"
	fi
	ip netns exec "$ns" "$@"
}

dp_mac() { dp_in "$1" ip -br link show dev "$2" | awk '{ print $3 }'; }

# dp_join NS FWDEV NSDEV FWADDR NSADDR...: a new namespace NS joined to fw
# by a veth pair, fixed neighbour entries both ways (no ARP traffic)
dp_join() {
	local ns=$1 fwdev=$2 nsdev=$3 fwaddr=$4 a _ fwmac nsmac
	shift 4
	ip netns add "$ns" &&
	dp_in "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 net.ipv4.icmp_ratelimit=0 &&
	ip link add "$fwdev" type veth peer name "$nsdev" netns "$ns" &&
	ip addr add "$fwaddr/24" dev "$fwdev" &&
	ip link set "$fwdev" up &&
	dp_in "$ns" ip link set lo up || return 1
	for a; do
		dp_in "$ns" ip addr add "$a/24" dev "$nsdev" || return 1
	done
	dp_in "$ns" ip link set "$nsdev" up || return 1
	fwmac=$(ip -br link show dev "$fwdev" | awk '{ print $3 }')
	nsmac=$(dp_mac "$ns" "$nsdev")
	for a; do
		ip neigh replace "$a" lladdr "$nsmac" dev "$fwdev" nud permanent || return 1
	done
	dp_in "$ns" ip neigh replace "$fwaddr" lladdr "$fwmac" dev "$nsdev" nud permanent || return 1
	for _ in $(seq 50); do
		ip link show "$fwdev" | grep -q LOWER_UP && return 0
		sleep 0.05
	done
	echo "$fwdev has no carrier" >&2
	return 1
}

dp_ns_setup() {
	mount -t tmpfs tmpfs /run || return 1
	dp_tmp=$(mktemp -d /run/dp.XXXXXX) || return 1
	sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 \
		net.ipv4.icmp_ratelimit=0 &&
	ip link set lo up &&
	dp_join peer veth0 veth1 "$FW" "$PEER" "$PEER2"
}

dp_far() {
	dp_join far veth2 veth3 "$FW_FAR" "$FAR" &&
	far ip route add default via "$FW_FAR" &&
	peer ip route add 10.200.1.0/24 via "$FW" &&
	sysctl -qw net.ipv4.ip_forward=1
}

dp_ns_exit() {
	local rc=$?
	trap - ERR
	set +e
	# shellcheck disable=SC2086 # a list of process ids
	if [ -n "${dp_pids:-}" ]; then kill $dp_pids 2>/dev/null; fi
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
	local ready=$dp_tmp/ready.$1.$2 _
	"$DP_PYTHON" -S "$dp_dir/pkt.py" serve "$1" "$2" --ready "$ready" --max-time 15 \
		</dev/null >/dev/null 2>&1 &
	dp_pids="${dp_pids:-} $!"
	for _ in $(seq 100); do
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
