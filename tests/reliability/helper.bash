# Loaded by tests/reliability/*.bats.  The programs under test come from
# XT_BUILD (a build tree, set by `make check`) or XT_BIN (a directory of
# installed programs, or the reference).
#
#   rel_setup_file     finds the programs; exports XT_BIN, IPT, SAVE, RESTORE,
#                      OTHER (Debian's iptables-legacy, may be absent)
#   in_ns SCRIPT       runs the bash SCRIPT in a private network + mount
#                      namespace with a private /run (the xtables lock);
#                      the functions of ns-lib.sh are available in it
#   rel_record KEY VALUE   appends a figure to $XT_REL_FIGURES (if set), for
#                      the README's "Reliability testing" section
rel_dir=$BATS_TEST_DIRNAME
xt_tests=$(dirname "$rel_dir")
. "$xt_tests/lib/env.sh"

rel_setup_file() {
	if [ -n "${XT_BUILD:-}" ]; then
		xt_use_build "$XT_BUILD" || return 1
	elif [ -z "${XT_BIN:-}" ]; then
		echo "set XT_BUILD (build tree) or XT_BIN (programs dir)" >&2
		return 1
	fi
	export XT_BIN
	export IPT=$XT_BIN/iptables SAVE=$XT_BIN/iptables-save RESTORE=$XT_BIN/iptables-restore
	export OTHER=${XT_OTHER_BIN:-/usr/sbin}/iptables-legacy
	export REL_DIR=$rel_dir
}

# the LD_PRELOAD shim that makes commits lose a race (race_shim.c)
# (RACE_PRELOAD: what to put in LD_PRELOAD; a sanitizer build needs its
# runtime first)
rel_build_shim() {
	local asan
	export RACE_SHIM=$BATS_FILE_TMPDIR/race_shim.so
	[ -f "$RACE_SHIM" ] ||
		${CC:-cc} -shared -fPIC -O2 -o "$RACE_SHIM" "$rel_dir/race_shim.c" -ldl
	asan=$(ldd "$IPT" 2>/dev/null | sed -n 's/.*libasan[^ ]* => \([^ ]*\) .*/\1/p')
	export RACE_PRELOAD=${asan:+$asan }$RACE_SHIM
}

in_ns() {
	# (in a scratch directory: files the script writes stay out of the
	# build tree, which `make distcheck` requires to be clean)
	cd "$BATS_TEST_TMPDIR" || return 1
	unshare -n -m bash -c '
		mount -t tmpfs tmpfs /run || exit 125
		. "$REL_DIR/ns-lib.sh"
		'"$1"
}

need_root() {
	[ "$(id -u)" = 0 ] || skip "needs root (network namespaces)"
}

need_other() {
	[ -x "$OTHER" ] || skip "Debian's iptables-legacy is not installed (apt-get install iptables)"
}

rel_record() {
	[ -n "${XT_REL_FIGURES:-}" ] || return 0
	printf '%s=%s\n' "$1" "$2" >>"$XT_REL_FIGURES"
}

# check_rel_case CASEFILE_NAME CASE: run a differential case of
# tests/reliability/cases/ and compare it with the reference's transcript
check_rel_case() {
	local expected=$rel_dir/expected/$1/$2.out
	local actual=$BATS_TEST_TMPDIR/actual.out
	if [ "$2" = not-root ] &&
	   ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$XT_BIN/iptables"; then
		skip "user nobody cannot run $XT_BIN/iptables (build tree not world-readable)"
	fi
	"$xt_tests/diff/run-case.sh" "$rel_dir/cases/$1.cases" "$2" >"$actual"
	if ! diff -u --label "expected/$1/$2.out" --label "actual" "$expected" "$actual"; then
		echo "# rerun: XT_BIN=$XT_BIN XT_BLOBDUMP=$XT_BLOBDUMP tests/diff/run-case.sh tests/reliability/cases/$1.cases $2"
		return 1
	fi
}
