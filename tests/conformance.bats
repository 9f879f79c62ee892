#!/usr/bin/env bats
# Extension rule tests (../shared/conformance, iptables 1.8.11 .t files):
# every case the reference passes (conformance/expected.txt) must pass for
# the programs under test.  Skipped when ../shared is not next to the project.
# The files are listed in conformance/files.txt; add a test here for a new one.

setup_file() {
	xt_tests=$BATS_TEST_DIRNAME
	. "$xt_tests/lib/env.sh"
	export XT_SHARED=${XT_SHARED:-$(cd "$xt_tests/../.." && pwd)/shared}
	if [ -n "${XT_BUILD:-}" ]; then xt_use_build "$XT_BUILD"; fi
}

conformance() {
	[ -x "$XT_SHARED/conformance/xt-t-run" ] ||
		skip "conformance runner not found: $XT_SHARED/conformance/xt-t-run (../shared absent)"
	[ -n "${XT_BIN:-}" ] || { echo "set XT_BUILD or XT_BIN"; return 1; }
	"$BATS_TEST_DIRNAME/conformance/check.sh" "$1"
}

@test "conformance: iptables.t" { conformance iptables.t; }
@test "conformance: libipt_standard.t" { conformance libipt_standard.t; }
@test "conformance: libxt_standard.t" { conformance libxt_standard.t; }
@test "conformance: libxt_tcp.t" { conformance libxt_tcp.t; }
@test "conformance: libxt_udp.t" { conformance libxt_udp.t; }
@test "conformance: libipt_icmp.t" { conformance libipt_icmp.t; }
@test "conformance: libxt_state.t" { conformance libxt_state.t; }
@test "conformance: libxt_limit.t" { conformance libxt_limit.t; }
@test "conformance: libxt_string.t" { conformance libxt_string.t; }
@test "conformance: libipt_connlimit.t" { conformance libipt_connlimit.t; }
@test "conformance: libxt_connlimit.t" { conformance libxt_connlimit.t; }
@test "conformance: libipt_iprange.t" { conformance libipt_iprange.t; }
@test "conformance: libxt_iprange.t" { conformance libxt_iprange.t; }
@test "conformance: libxt_time.t" { conformance libxt_time.t; }
@test "conformance: libxt_comment.t" { conformance libxt_comment.t; }
@test "conformance: libipt_REJECT.t" { conformance libipt_REJECT.t; }
@test "conformance: libipt_LOG.t" { conformance libipt_LOG.t; }
@test "conformance: libipt_MASQUERADE.t" { conformance libipt_MASQUERADE.t; }
@test "conformance: libipt_SNAT.t" { conformance libipt_SNAT.t; }
@test "conformance: libipt_DNAT.t" { conformance libipt_DNAT.t; }
@test "conformance: libxt_REDIRECT.t" { conformance libxt_REDIRECT.t; }
@test "conformance: libxt_MARK.t" { conformance libxt_MARK.t; }
