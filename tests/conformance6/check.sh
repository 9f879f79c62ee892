#!/bin/bash
# Run the conformance runner with --family 6 (ip6tables) over one .t file
# of files.txt and compare with the reference's results (expected.txt):
# every case the reference passes must pass.  Prints the regressions;
# exit 1 if any.
#
# usage: check.sh shared/FILE.t | local/FILE.t
#        (env: XT_BIN, XTABLES_LIBDIR, LD_LIBRARY_PATH, XT_SHARED)
set -u
here=$(cd "$(dirname "$0")" && pwd)
entry=$1
case $entry in
shared/*) path=$XT_SHARED/conformance/tests/${entry#shared/} ;;
local/*) path=$here/${entry#local/} ;;
*) echo "check.sh: $entry: not shared/... or local/..." >&2; exit 2 ;;
esac
out=$(mktemp -d "${TMPDIR:-/tmp}/xt-conf6.XXXXXX")
trap 'rm -rf "$out"' EXIT
"$XT_SHARED/conformance/xt-t-run" --bin "$XT_BIN" --family 6 \
	--json "$out/r.json" -q "$path" >"$out/log" 2>&1
python3 - "$out/r.json" "$here/expected.txt" "$(basename "$path")" <<'PY'
import json, sys
got = {c["id"]: c for c in json.load(open(sys.argv[1]))["cases"]}
want = {}
for line in open(sys.argv[2]):
    if line.startswith("#") or not line.strip():
        continue
    cid, status = line.split()
    if cid.split(":")[0] == sys.argv[3]:
        want[cid] = status
bad = 0
for cid, status in want.items():
    c = got.get(cid)
    if status == "pass" and (c is None or c["status"] != "pass"):
        bad += 1
        if c is None:
            print(f"{cid}: not run")
        else:
            print(f"{cid}: {c.get('text')} | {c.get('reason', '')} | got: {c.get('got', '')}")
print(f"{sys.argv[3]} (ip6tables): {len(want) - bad}/{len(want)} reference-passing cases pass")
sys.exit(1 if bad or not want else 0)
PY
