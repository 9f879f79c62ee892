# Loaded by tests/tools-integration/*.bats: run a scenario with the
# programs under test (XT_BUILD: a build tree, set by `make check`; or
# XT_BIN: a directory of installed programs) and compare its transcript
# with the one the reference made (expected/SCENARIO.out).
tools_dir=$(cd "$BATS_TEST_DIRNAME" && pwd)
xt_tests=$(dirname "$tools_dir")
. "$xt_tests/lib/env.sh"

setup_file() {
	if [ -n "${XT_BUILD:-}" ]; then
		xt_use_build "$XT_BUILD"
	elif [ -z "${XT_BIN:-}" ]; then
		echo "set XT_BUILD (build tree) or XT_BIN (programs dir)" >&2
		return 1
	fi
	xt_blobdump_tool "${XT_BUILD:-}"
	export XT_TOOL_TMP=${xt_tool_tmp:-}
}

teardown_file() {
	[ -z "${XT_TOOL_TMP:-}" ] || rm -rf "$XT_TOOL_TMP"
}

# needs PROGRAM...: skip unless the tool (a Debian package) is installed
needs() {
	local p
	for p in "$@"; do
		command -v "$p" >/dev/null 2>&1 || skip "$p is not installed (apt-get install $p)"
	done
}

check_scenario() {
	local expected=$tools_dir/expected/$1.out actual=$BATS_TEST_TMPDIR/$1.out
	timeout 300 "$tools_dir/run-scenario.sh" "$1" >"$actual" 2>&1
	if ! diff -u --label "expected/$1.out" --label actual "$expected" "$actual"; then
		echo "# rerun: XT_BIN=$XT_BIN XT_BLOBDUMP=$XT_BLOBDUMP tests/tools-integration/run-scenario.sh $1"
		return 1
	fi
}
