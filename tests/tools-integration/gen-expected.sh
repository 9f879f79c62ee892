#!/bin/bash
# Regenerate tests/tools-integration/expected/ with the reference iptables
# 1.8.11 (legacy) standing in for the system's iptables programs.  Needs
# root, the tools (apt-get install ufw ferm fail2ban), and the reference
# (../shared/reference next to the project, or REFERENCE=DIR).
#
# usage: tests/tools-integration/gen-expected.sh [SCENARIO...]  (default: all)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
xt_tests=$(dirname "$here")
top=$(dirname "$xt_tests")
. "$xt_tests/lib/env.sh"

reference=${REFERENCE:-$top/../shared/reference}
[ -d "$reference" ] || { echo "reference not found: $reference" >&2; exit 2; }
for t in ufw ferm fail2ban-client script; do
	command -v "$t" >/dev/null || { echo "$t is missing (apt-get install ufw ferm fail2ban)" >&2; exit 2; }
done
refdir=$(mktemp -d "${TMPDIR:-/tmp}/xt-ref.XXXXXX")
trap 'rm -rf "$refdir" ${xt_tool_tmp:-}' EXIT
sh "$xt_tests/ref/materialize.sh" "$reference" "$refdir/ref"
xt_use_bin "$refdir/ref/bin"
unset XTABLES_LIBDIR LD_LIBRARY_PATH
xt_blobdump_tool

if [ $# = 0 ]; then
	set -- $(cd "$here/scenarios" && ls *.sh | sed 's/\.sh$//')
fi
mkdir -p "$here/expected"
for s in "$@"; do
	s=$(basename "$s" .sh)
	"$here/run-scenario.sh" "$s" >"$here/expected/$s.out" 2>&1
	echo "$s: $(wc -l <"$here/expected/$s.out") lines"
done
