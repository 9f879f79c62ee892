#!/usr/bin/env bats
# A short, bounded fuzz run of each libFuzzer target (tests/fuzz/run.sh):
# the saved regression inputs first, then XT_FUZZ_TIME seconds (default
# 30) of fuzzing from the seed corpus.  Skipped without clang.

setup_file() {
	export FUZZ_WORK=$BATS_FILE_TMPDIR/fuzz
	export XT_FUZZ_TIME=${XT_FUZZ_TIME:-30}
	mkdir -p "$FUZZ_WORK"
	if [ -n "${XT_BUILD:-}" ] && [ -x "$XT_BUILD/iptables/.libs/iptables-restore" ]; then
		# the blob seeds load a ruleset with the restore under test
		export FUZZ_RESTORE=$XT_BUILD/iptables/.libs/iptables-restore
		export XTABLES_LIBDIR=$XT_BUILD/extensions/.libs
		export LD_LIBRARY_PATH=$XT_BUILD/libxtables/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
	fi
}

fuzz() {
	[ "$(id -u)" = 0 ] || skip "needs root (network namespaces)"
	command -v clang >/dev/null || skip "clang not installed"
	run "$BATS_TEST_DIRNAME/fuzz/run.sh" -t "$XT_FUZZ_TIME" -d "$FUZZ_WORK" "$1"
	echo "$output"
	[ "$status" != 77 ] || skip "fuzzing not possible here"
	[ "$status" = 0 ]
	if [ -n "${XT_REL_FIGURES:-}" ]; then
		printf '%s\n' "$output" | sed -n "s/^fuzz $1: \([0-9]*\) executions.*/fuzz_$1=\1/p" >>"$XT_REL_FIGURES"
	fi
}

@test "fuzz: restore rule lines (restore_words + cmd_parse)" { fuzz restore; }
@test "fuzz: every extension's options (option core)" { fuzz ext_options; }
@test "fuzz: kernel blobs (engine blob parser, printers)" { fuzz blob; }
