#!/usr/bin/env bats
# iptables-restore killed (SIGKILL) at random points while it loads a
# large file: every table is afterwards either exactly as before or
# exactly as in the file, never in between; the lock dies with it.
# iptables-save to a full disk or a closed stdout fails clearly.

load helper

setup_file() {
	rel_setup_file
	"$rel_dir/gen-ruleset.sh" 90 1 >"$BATS_FILE_TMPDIR/old.rules"
	"$rel_dir/gen-ruleset.sh" 20000 2 >"$BATS_FILE_TMPDIR/new.rules"
	export OLD_RULES=$BATS_FILE_TMPDIR/old.rules NEW_RULES=$BATS_FILE_TMPDIR/new.rules
	export KILL_TRIALS=${XT_KILL_TRIALS:-30}
}

setup() {
	need_root
}

@test "atomicity: restore killed at random points leaves each table old or new" {
	run in_ns '
		tables="filter nat mangle"
		restore "$OLD_RULES" || exit 1
		for t in $tables; do rules_of $t >old.$t; done
		start=$(date +%s%N)
		restore "$NEW_RULES" || exit 1
		ms=$(( ($(date +%s%N) - start) / 1000000 + 1 ))
		for t in $tables; do rules_of $t >new.$t; done
		for t in $tables; do cmp -s old.$t new.$t && { echo "old = new for $t"; exit 1; }; done
		n_old=0 n_new=0 n_mixed=0
		for trial in $(seq 1 $KILL_TRIALS); do
			restore "$OLD_RULES" || { echo "reset failed"; exit 1; }
			delay=$(( RANDOM % (ms + ms / 5 + 1) ))
			"$RESTORE" "$NEW_RULES" & pid=$!
			sleep "$(printf "%d.%03d" $((delay / 1000)) $((delay % 1000)))"
			kill -9 $pid 2>/dev/null
			wait $pid 2>/dev/null
			state=
			for t in $tables; do
				rules_of $t >now
				if cmp -s now old.$t; then state="$state old"
				elif cmp -s now new.$t; then state="$state new"
				else echo "trial $trial (kill after ${delay} ms): table $t is neither old nor new"; diff old.$t now | head; exit 1
				fi
			done
			case $state in
			" old old old") n_old=$((n_old + 1)) ;;
			" new new new") n_new=$((n_new + 1)) ;;
			*) n_mixed=$((n_mixed + 1)) ;;
			esac
			# the lock went with the killed process
			ipt -A INPUT -j ACCEPT || { echo "lock left behind"; exit 1; }
		done
		echo "load ${ms} ms; trials: all-old $n_old, all-new $n_new, some tables new $n_mixed"'
	echo "$output"
	[ "$status" = 0 ]
	rel_record kill_trials "$KILL_TRIALS"
	rel_record kill_outcome "${lines[${#lines[@]}-1]}"
}

# the reference exits 0 here with nothing saved; we report it
@test "atomicity: iptables-save to a full disk: clear message, exit 1" {
	run in_ns '
		ipt -A INPUT -s 1.2.3.4 -j ACCEPT
		save >/dev/full; echo "rc=$?"
		save -c -t filter >/dev/full; echo "rc=$?"
		save -t filter | wc -l'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[0]}" = "iptables-save: write error: No space left on device" ]
	[ "${lines[1]}" = "rc=1" ]
	[ "${lines[2]}" = "iptables-save: write error: No space left on device" ]
	[ "${lines[3]}" = "rc=1" ]
	[ "${lines[4]}" = "8" ]
}

@test "atomicity: iptables-save with stdout closed: clear message, exit 1" {
	run in_ns '
		ipt -A INPUT -s 1.2.3.4 -j ACCEPT
		save >&-; echo "rc=$?"'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[0]}" = "iptables-save: write error: Bad file descriptor" ]
	[ "${lines[1]}" = "rc=1" ]
}
