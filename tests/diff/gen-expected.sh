#!/bin/bash
# Regenerate tests/diff/expected/ from the reference iptables 1.8.11
# (legacy).  Needs root, the reference (../shared/reference next to the
# project, or REFERENCE=DIR), and Debian's iptables-legacy for the
# other-* steps.
#
# usage: tests/diff/gen-expected.sh [CASEFILE...]     (default: all)
#
# Writes expected/<casefile>/<case>.out, removes stale .out files of the
# case files it regenerated, and rewrites the generated .bats files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
xt_tests=$(dirname "$here")
top=$(dirname "$xt_tests")
. "$xt_tests/lib/env.sh"

reference=${REFERENCE:-$top/../shared/reference}
[ -d "$reference" ] || { echo "reference not found: $reference" >&2; exit 2; }
refdir=$(mktemp -d "${TMPDIR:-/tmp}/xt-ref.XXXXXX")
trap 'rm -rf "$refdir" ${xt_tool_tmp:-}' EXIT
sh "$xt_tests/ref/materialize.sh" "$reference" "$refdir/ref"
xt_use_bin "$refdir/ref/bin"
unset XTABLES_LIBDIR
xt_blobdump_tool
[ -x /usr/sbin/iptables-legacy ] || { echo "Debian's iptables-legacy is missing (apt-get install iptables)" >&2; exit 2; }

if [ $# = 0 ]; then set -- "$here"/cases/*.cases; fi
for cf in "$@"; do
	name=$(basename "$cf" .cases)
	out=$here/expected/$name
	dups=$(sed -n 's/^@case \(.*\)$/\1/p' "$cf" | sort | uniq -d)
	[ -z "$dups" ] || { echo "$cf: duplicate cases:" $dups >&2; exit 1; }
	rm -rf "$out"; mkdir -p "$out"
	sed -n 's/^@case \(.*\)$/\1/p' "$cf" |
		xargs -P "$(nproc)" -I{} sh -c '"$1" "$2" "$3" >"$4/$3.out"' _ \
			"$here/run-case.sh" "$cf" {} "$out"
	echo "$name: $(ls "$out" | wc -l) cases"
done
"$here/gen-bats.sh"
