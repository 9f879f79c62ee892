#!/bin/bash
# Build the project with ./configure --enable-sanitizers (AddressSanitizer
# + UndefinedBehaviorSanitizer, leak checking on) in a separate build
# directory and run the whole test suite against it (tests/run-all.sh).
# Any sanitizer report makes a test fail: reports go to stderr, which the
# differential transcripts compare, and UBSan aborts on the first error.
#
# usage: tests/run-sanitizers.sh [BUILDDIR]   (default: a temp dir, removed)
# Must run as root.  Ends with run-all.sh's "N passed, N failed" line.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -gt 0 ]; then
	build=$1; mkdir -p "$build" || exit 2
else
	build=$(mktemp -d "${TMPDIR:-/tmp}/xt-asan.XXXXXX") || exit 2
	trap 'rm -rf "$build"' EXIT
fi
build=$(cd "$build" && pwd)
[ -x "$top/configure" ] || (cd "$top" && ./autogen.sh) || exit 2
if [ ! -f "$build/Makefile" ]; then
	(cd "$build" && "$top/configure" -q --enable-sanitizers) || exit 2
fi
# the fuzzers have their own sanitizer build; valgrind skips itself
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:verify_asan_link_order=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export XT_FUZZ_TIME=${XT_FUZZ_TIME:-0}
"$top/tests/run-all.sh" "$build"
