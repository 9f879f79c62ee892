#!/bin/bash
# Record the reference's per-case results (ip6tables, --family 6) for the
# files in files.txt into expected.txt: one line "ID STATUS" per case.
# tests/conformance6.bats requires every case that passes here to pass
# for the programs under test.
#
# usage: tests/conformance6/gen-expected.sh   (root; needs ../shared)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
shared=${XT_SHARED:-$top/../shared}
[ -x "$shared/conformance/xt-t-run" ] || { echo "no $shared/conformance/xt-t-run" >&2; exit 2; }
[ -d "$shared/reference" ] || { echo "no $shared/reference" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/xt-conf6.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
sh "$here/../ref/materialize.sh" "$shared/reference" "$tmp/ref"
files=$(grep -v '^#' "$here/files.txt" |
	sed -e "s|^shared/|$shared/conformance/tests/|" -e "s|^local/|$here/|")
# shellcheck disable=SC2086
"$shared/conformance/xt-t-run" --bin "$tmp/ref/bin" --family 6 \
	--json "$tmp/ref.json" -q $files || true
python3 - "$tmp/ref.json" >"$here/expected.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("# per-case results of the reference (ip6tables 1.8.11 legacy); made by gen-expected.sh")
for c in d["cases"]:
    print(c["id"], c["status"])
PY
echo "$(grep -c ' pass$' "$here/expected.txt") pass, $(grep -c ' fail$' "$here/expected.txt") fail recorded"
