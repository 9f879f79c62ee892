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
