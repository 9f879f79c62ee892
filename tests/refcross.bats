#!/usr/bin/env bats
# Cross-writer round trips with the reference itself (iptables 1.8.11
# legacy, ../shared/reference) on one kernel table set: refcross/ext.rules
# uses every option of the extension set (state, limit, string,
# connlimit, iprange, time, comment, REJECT, LOG, the nat targets, MARK,
# mark, multiport, conntrack).  What one writes, the other lists, saves,
# rewrites, finds (-C) and deletes (-D); listings, save output and the
# kernel's bytes must agree.  Skipped when ../shared is absent (the
# differential suite keeps the reference's output as data; this one
# needs the reference at hand).  Steps: refcross/steps.sh.

setup_file() {
	xt_tests=$BATS_TEST_DIRNAME
	. "$xt_tests/lib/env.sh"
	export XT_SHARED=${XT_SHARED:-$(cd "$xt_tests/../.." && pwd)/shared}
	if [ -n "${XT_BUILD:-}" ]; then xt_use_build "$XT_BUILD"; fi
	[ -d "$XT_SHARED/reference" ] || return 0
	export XT_REF=$BATS_FILE_TMPDIR/ref
	sh "$xt_tests/ref/materialize.sh" "$XT_SHARED/reference" "$XT_REF"
	xt_blobdump_tool "${XT_BUILD:-}"
	export XT_TOOL_TMP=${xt_tool_tmp:-}
}

teardown_file() {
	[ -z "${XT_TOOL_TMP:-}" ] || rm -rf "$XT_TOOL_TMP"
}

step() {
	[ -d "$XT_SHARED/reference" ] ||
		skip "reference not found: $XT_SHARED/reference (../shared absent)"
	[ -n "${XT_BIN:-}" ] || { echo "set XT_BUILD or XT_BIN"; return 1; }
	unshare -n -m bash "$BATS_TEST_DIRNAME/refcross/steps.sh" "$1" \
		"$BATS_TEST_DIRNAME/refcross/ext.rules" "$BATS_TEST_TMPDIR"
}

@test "refcross: written by the reference, listed and saved by us" { step ref-writes; }
@test "refcross: written by the reference, rewritten by us, read back by the reference" { step we-rewrite; }
@test "refcross: written by us, read by the reference and by us" { step we-write; }
@test "refcross: rule by rule, each adds (-A), the other finds (-C) and deletes (-D)" { step rule-by-rule; }
