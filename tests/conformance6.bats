#!/usr/bin/env bats
# ip6tables conformance: the .t files of conformance6/files.txt run with
# --family 6 (../shared/conformance's libxt_* files, and the IPv6
# extension files in conformance6/); every case the reference passes
# (conformance6/expected.txt) must pass.  Skipped when ../shared is absent.

setup_file() {
	xt_tests=$BATS_TEST_DIRNAME
	. "$xt_tests/lib/env.sh"
	export XT_SHARED=${XT_SHARED:-$(cd "$xt_tests/../.." && pwd)/shared}
	if [ -n "${XT_BUILD:-}" ]; then xt_use_build "$XT_BUILD"; fi
}

conformance6() {
	[ -x "$XT_SHARED/conformance/xt-t-run" ] ||
		skip "conformance runner not found: $XT_SHARED/conformance/xt-t-run (../shared absent)"
	[ -n "${XT_BIN:-}" ] || { echo "set XT_BUILD or XT_BIN"; return 1; }
	"$BATS_TEST_DIRNAME/conformance6/check.sh" "$1"
}

@test "conformance6: shared/libxt_standard.t" { conformance6 shared/libxt_standard.t; }
@test "conformance6: shared/libxt_tcp.t" { conformance6 shared/libxt_tcp.t; }
@test "conformance6: shared/libxt_udp.t" { conformance6 shared/libxt_udp.t; }
@test "conformance6: shared/libxt_state.t" { conformance6 shared/libxt_state.t; }
@test "conformance6: shared/libxt_limit.t" { conformance6 shared/libxt_limit.t; }
@test "conformance6: shared/libxt_string.t" { conformance6 shared/libxt_string.t; }
@test "conformance6: shared/libxt_connlimit.t" { conformance6 shared/libxt_connlimit.t; }
@test "conformance6: shared/libxt_iprange.t" { conformance6 shared/libxt_iprange.t; }
@test "conformance6: shared/libxt_time.t" { conformance6 shared/libxt_time.t; }
@test "conformance6: shared/libxt_comment.t" { conformance6 shared/libxt_comment.t; }
@test "conformance6: shared/libxt_MARK.t" { conformance6 shared/libxt_MARK.t; }
@test "conformance6: shared/libxt_REDIRECT.t" { conformance6 shared/libxt_REDIRECT.t; }
@test "conformance6: local/libip6t_standard.t" { conformance6 local/libip6t_standard.t; }
@test "conformance6: local/libip6t_icmp6.t" { conformance6 local/libip6t_icmp6.t; }
@test "conformance6: local/libip6t_hl.t" { conformance6 local/libip6t_hl.t; }
@test "conformance6: local/libip6t_HL.t" { conformance6 local/libip6t_HL.t; }
@test "conformance6: local/libip6t_rt.t" { conformance6 local/libip6t_rt.t; }
@test "conformance6: local/libip6t_frag.t" { conformance6 local/libip6t_frag.t; }
@test "conformance6: local/libip6t_hbh.t" { conformance6 local/libip6t_hbh.t; }
@test "conformance6: local/libip6t_dst.t" { conformance6 local/libip6t_dst.t; }
@test "conformance6: local/libip6t_ipv6header.t" { conformance6 local/libip6t_ipv6header.t; }
@test "conformance6: local/libip6t_ah.t" { conformance6 local/libip6t_ah.t; }
@test "conformance6: local/libip6t_mh.t" { conformance6 local/libip6t_mh.t; }
@test "conformance6: local/libip6t_eui64.t" { conformance6 local/libip6t_eui64.t; }
@test "conformance6: local/libip6t_REJECT.t" { conformance6 local/libip6t_REJECT.t; }
