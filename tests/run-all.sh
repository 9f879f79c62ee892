#!/bin/bash
# Run the whole test suite of a build tree (unit tests, the differential
# suite, conformance, the data-path suite (tests/datapath: real packets)
# and the other bats suites) through `make check`, and
# end with the line "N passed, N failed" (skipped cases are counted apart).
#
# usage: tests/run-all.sh [BUILDDIR]   (default: the source tree itself,
#                                      as built by ./configure && make)
# Must run as root: every test works in its own network namespace.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top}" && pwd) || exit 2
[ -f "$build/tests/Makefile" ] || { echo "run-all.sh: $build is not a configured build tree" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "run-all.sh: must run as root (tests create network namespaces)" >&2; exit 2; }

start=$(date +%s)
make -C "$build" -j"$(nproc)" >/dev/null || { echo "run-all.sh: build failed" >&2; echo "0 passed, 1 failed"; exit 1; }
make -C "$build/tests" -j"$(nproc)" -k check
rc=$?
end=$(date +%s)

log=$build/tests/test-suite.log
if [ ! -f "$log" ]; then
	echo "run-all.sh: no test-suite.log" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
count() { sed -n "s/^# $1: *\([0-9]*\)$/\1/p" "$log" | head -n 1; }
pass=$(count PASS) fail=$(count FAIL) error=$(count ERROR) xpass=$(count XPASS) skip=$(count SKIP) xfail=$(count XFAIL)
failed=$((${fail:-0} + ${error:-0} + ${xpass:-0}))
passed=$((${pass:-0} + ${xfail:-0}))
if [ $failed != 0 ]; then
	echo "failing tests (details in $log):"
	grep -E '^(FAIL|ERROR|XPASS): |^not ok ' "$log" | sed 's/^/  /'
	# what each failing test printed (the end of it), so that a CI log
	# that keeps only the tail still says why
	for f in $(sed -n 's/^\(FAIL\|ERROR\|XPASS\): \([^ ]*\) .*/\2/p' "$log" | sort -u); do
		l=$build/tests/${f%.bats}.log
		[ -f "$l" ] || continue
		echo "---- $f (end of ${l#$build/}) ----"
		awk '/^not ok /{p=1} p' "$l" | tail -n 60
	done
fi
echo "# $((end - start)) s, ${skip:-0} skipped"
echo "$passed passed, $failed failed"
[ $rc = 0 ] && [ $failed = 0 ]
