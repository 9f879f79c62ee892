#!/bin/sh
# bench.sh - build and install this tree into a temporary prefix, then
# run the shared benchmark (../shared/bench/run-bench) against the
# reference, side by side.
#
# usage: utils/bench.sh [--ref DIR] [--prefix DIR] [run-bench options...]
#   --ref DIR     the reference's bin directory (default /tmp/ref/bin,
#                 materialized from ../shared/reference when missing)
#   --prefix DIR  where to install (default: a fresh temporary directory)
#   everything else goes to run-bench, e.g. --quick, --sizes 100000
#   --runs 3, --ops acf, --md out.md
#
# Installed binaries are measured, not the libtool wrappers of a build
# tree (a shell script per exec would cost ~9 ms).  Run as root.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
shared=${XT_SHARED:-$src/../shared}
ref=/tmp/ref/bin
prefix=
while [ $# -gt 0 ]; do
	case $1 in
	--ref) ref=$2; shift 2 ;;
	--prefix) prefix=$2; shift 2 ;;
	*) break ;;
	esac
done
[ -x "$shared/bench/run-bench" ] || { echo "bench.sh: no $shared/bench/run-bench" >&2; exit 2; }
if [ ! -x "$ref/iptables" ] && [ "$ref" = /tmp/ref/bin ]; then
	"$src/tests/ref/materialize.sh" "$shared/reference" /tmp/ref
fi
[ -f "$src/configure" ] || (cd "$src" && ./autogen.sh)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xt-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
[ -n "$prefix" ] || prefix=$tmp/inst
(cd "$tmp" && mkdir build && cd build &&
	"$src/configure" -q --prefix="$prefix" &&
	make -j"$(nproc)" >"$tmp/build.log" 2>&1 &&
	make install >>"$tmp/build.log" 2>&1) ||
	{ tail -30 "$tmp/build.log" >&2; exit 2; }
cd "$shared/bench"
./run-bench --bin "$prefix/sbin" --ref "$ref" "$@"
