#!/bin/bash
# Run differential cases against the expected transcripts, in parallel,
# without bats: one line per failing case, then "N passed, N failed".
#
# usage: tests/diff/run-suite.sh (--build BUILDDIR | --bin BINDIR)
#            [-j JOBS] [--diffs DIR] [-v] [CASEFILE[:CASE]...]
#
#   --build    a build tree (uses iptables/.libs, extensions/.libs)
#   --bin      a directory holding iptables, iptables-save, iptables-restore
#   --diffs    write each failing case's diff to DIR/<casefile>/<case>.diff
#   -v         print the diff of every failing case
#   CASEFILE   a name (tcp), file name (tcp.cases) or path; :CASE picks one
# Exit status 0 when all passed, 1 otherwise.
set -u
here=$(cd "$(dirname "$0")" && pwd)
xt_tests=$(dirname "$here")
. "$xt_tests/lib/env.sh"

jobs=$(nproc) diffs= verbose=0 build= bin=
while [ $# -gt 0 ]; do
	case $1 in
	--build) build=$2; shift 2 ;;
	--bin) bin=$2; shift 2 ;;
	-j) jobs=$2; shift 2 ;;
	--diffs) diffs=$2; shift 2 ;;
	-v) verbose=1; shift ;;
	-h|--help) sed -n '2,15s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) echo "run-suite.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
if [ -n "$build" ]; then xt_use_build "$build" || exit 2
elif [ -n "$bin" ]; then xt_use_bin "$bin" || exit 2
else echo "run-suite.sh: give --build DIR or --bin DIR" >&2; exit 2
fi
xt_blobdump_tool "$build" || exit 2
results=$(mktemp -d "${TMPDIR:-/tmp}/xt-suite.XXXXXX")
trap 'rm -rf "$results" ${xt_tool_tmp:-}' EXIT

# the list of "casefile-name case" pairs
[ $# -gt 0 ] || set -- "$here"/cases/*.cases
for sel in "$@"; do
	f=${sel%%:*} c=
	[ "$f" = "$sel" ] || c=${sel#*:}
	f=$(basename "$f" .cases)
	[ -f "$here/cases/$f.cases" ] || { echo "run-suite.sh: no cases file $f" >&2; exit 2; }
	if [ -n "$c" ]; then echo "$f $c"
	else sed -n "s/^@case \(.*\)$/$f \1/p" "$here/cases/$f.cases"
	fi
done >"$results/list"

one() {
	local f=$1 c=$2 out=$results/out/$1/$2
	mkdir -p "$results/out/$f"
	"$here/run-case.sh" "$here/cases/$f.cases" "$c" >"$out.out" 2>"$out.stderr"
	if diff -u --label "expected/$f/$c.out" --label actual \
		"$here/expected/$f/$c.out" "$out.out" >"$out.diff" 2>&1; then
		echo "ok $f:$c"
	else
		echo "FAIL $f:$c"
	fi
}
export -f one
export here results

start=$(date +%s)
xargs -P "$jobs" -L 1 bash -c 'one "$0" "$1"' <"$results/list" >"$results/status"
end=$(date +%s)

pass=$(grep -c '^ok ' "$results/status")
fail=$(grep -c '^FAIL ' "$results/status")
sort "$results/status" | grep '^FAIL ' | while read -r _ id; do
	echo "FAIL $id"
	f=${id%%:*} c=${id#*:}
	if [ $verbose = 1 ]; then sed "s/^/    /" "$results/out/$f/$c.diff"; fi
	if [ -n "$diffs" ]; then
		mkdir -p "$diffs/$f"; cp "$results/out/$f/$c.diff" "$diffs/$f/$c.diff"
	fi
done
echo "# diff suite: $((end - start)) s"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
