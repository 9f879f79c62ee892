#!/usr/bin/env bats
# A short, bounded fuzz run of each libFuzzer target (tests/fuzz/run.sh):
# the saved regression inputs first, then fuzzing from the seed corpus for
# a fixed number of inputs from a fixed random seed (XT_FUZZ_SEED, default
# 1), so that a run finds the same thing every time.  XT_FUZZ_TIME
# (default 180) only caps a run on a very slow machine: the counts take
# 10-25 s each on a quiet 2-core machine.  XT_FUZZ_SEED=random explores
# anew for XT_FUZZ_TIME seconds instead.
# Skipped without clang.

setup_file() {
	export FUZZ_WORK=$BATS_FILE_TMPDIR/fuzz
	export XT_FUZZ_TIME=${XT_FUZZ_TIME:-180}
	export XT_FUZZ_SEED=${XT_FUZZ_SEED:-1}
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
	local seed=()
	[ "$XT_FUZZ_SEED" = random ] || seed=(-s "$XT_FUZZ_SEED" -n "$2")
	run "$BATS_TEST_DIRNAME/fuzz/run.sh" -t "$XT_FUZZ_TIME" "${seed[@]}" -d "$FUZZ_WORK" "$1"
	echo "$output"
	[ "$status" != 77 ] || skip "fuzzing not possible here"
	[ "$status" = 0 ]
	if [ -n "${XT_REL_FIGURES:-}" ]; then
		printf '%s\n' "$output" | sed -n "s/^fuzz $1: \([0-9]*\) executions.*/fuzz_$1=\1/p" >>"$XT_REL_FIGURES"
	fi
}

@test "fuzz: restore rule lines (restore_words + cmd_parse)" { fuzz restore 40000; }
@test "fuzz: every extension's options (option core)" { fuzz ext_options 400000; }
@test "fuzz: kernel blobs (engine blob parser, printers)" { fuzz blob 1000000; }
