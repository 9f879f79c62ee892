# Loaded by the generated tests/diff/bats/*.bats files.
# The programs under test: XT_BUILD (a build tree, set by `make check`) or
# XT_BIN (a directory of installed programs).
diff_dir=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
xt_tests=$(dirname "$diff_dir")
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

# check_case CASEFILE_NAME CASE: run it, compare with the expected transcript
check_case() {
	local expected=$diff_dir/expected/$1/$2.out
	local actual=$BATS_TEST_TMPDIR/actual.out
	"$diff_dir/run-case.sh" "$diff_dir/cases/$1.cases" "$2" >"$actual"
	if ! diff -u --label "expected/$1/$2.out" --label "actual" "$expected" "$actual"; then
		echo "# rerun: XT_BIN=$XT_BIN XT_BLOBDUMP=$XT_BLOBDUMP tests/diff/run-case.sh tests/diff/cases/$1.cases $2"
		return 1
	fi
}
