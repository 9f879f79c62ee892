#!/usr/bin/env bats
# Many writers on one table at once: with the xtables lock (-w) every
# change lands; without -w a writer that finds the lock held fails as the
# reference does; without any lock, and when an LD_PRELOAD shim makes a
# commit lose the race on purpose, the kernel's EAGAIN is retried from a
# fresh read and nothing is committed over a table that changed.

load helper

setup_file() {
	rel_setup_file
	rel_build_shim
}

setup() {
	need_root
}

# 50 parallel appends with -w: all 50 rules, each exactly once
@test "concurrency: 50 parallel iptables -w -A all land" {
	run in_ns '
		pids=
		for i in $(seq 1 50); do
			ipt -w -A INPUT -s 10.0.0.$i -j ACCEPT & pids="$pids $!"
		done
		rc=0
		for p in $pids; do wait $p || rc=1; done
		[ $rc = 0 ] || { echo "a writer failed"; exit 1; }
		ipt -S INPUT | grep "^-A" | sort >got
		for i in $(seq 1 50); do echo "-A INPUT -s 10.0.0.$i/32 -j ACCEPT"; done | sort >want
		diff want got'
	echo "$output"
	[ "$status" = 0 ]
	rel_record writers_append 50
}

# a mix of -A, -I, -D, -N and iptables-restore --noflush, 10 of each
@test "concurrency: 50 parallel writers mixing -A -I -D -N restore --noflush" {
	run in_ns '
		for i in $(seq 1 10); do ipt -A FORWARD -s 172.16.0.$i -j DROP; done
		pids=
		for i in $(seq 1 10); do
			ipt -w -A INPUT -s 10.1.0.$i -j ACCEPT & pids="$pids $!"
			ipt -w -I INPUT -s 10.2.0.$i -j DROP & pids="$pids $!"
			ipt -w -D FORWARD -s 172.16.0.$i -j DROP & pids="$pids $!"
			ipt -w -N chain$i & pids="$pids $!"
			printf "*filter\n:rst$i - [0:0]\n-A rst$i -s 192.168.0.$i/32 -j RETURN\n-A OUTPUT -d 192.168.1.$i/32 -j rst$i\nCOMMIT\n" |
				restore -w --noflush & pids="$pids $!"
		done
		rc=0
		for p in $pids; do wait $p || rc=1; done
		[ $rc = 0 ] || { echo "a writer failed"; exit 1; }
		save -t filter | grep -v "^#" | sed "s/ \[[0-9:]*\]$//" | sort >got
		{
			printf "*filter\n:INPUT ACCEPT\n:FORWARD ACCEPT\n:OUTPUT ACCEPT\nCOMMIT\n"
			for i in $(seq 1 10); do
				echo ":chain$i -"
				echo ":rst$i -"
				echo "-A INPUT -s 10.1.0.$i/32 -j ACCEPT"
				echo "-A INPUT -s 10.2.0.$i/32 -j DROP"
				echo "-A rst$i -s 192.168.0.$i/32 -j RETURN"
				echo "-A OUTPUT -d 192.168.1.$i/32 -j rst$i"
			done
		} | sort >want
		diff want got'
	echo "$output"
	[ "$status" = 0 ]
	rel_record writers_mixed 50
}

# half of the writers are Debian's iptables-legacy, sharing /run/xtables.lock
@test "concurrency: 50 parallel writers, half of them iptables-legacy" {
	need_other
	run in_ns '
		pids=
		for i in $(seq 1 25); do
			ipt -w -A INPUT -s 10.3.0.$i -j ACCEPT & pids="$pids $!"
			other -w -A INPUT -s 10.4.0.$i -j ACCEPT & pids="$pids $!"
		done
		for i in $(seq 1 5); do
			ipt -w -N mine$i & pids="$pids $!"
			printf "*filter\n:theirs$i - [0:0]\n-A theirs$i -j RETURN\nCOMMIT\n" |
				other_restore -w --noflush & pids="$pids $!"
		done
		rc=0
		for p in $pids; do wait $p || rc=1; done
		[ $rc = 0 ] || { echo "a writer failed"; exit 1; }
		ipt -S | sort >got
		{
			printf -- "-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n"
			for i in $(seq 1 25); do
				echo "-A INPUT -s 10.3.0.$i/32 -j ACCEPT"
				echo "-A INPUT -s 10.4.0.$i/32 -j ACCEPT"
			done
			for i in $(seq 1 5); do
				echo "-N mine$i"
				echo "-N theirs$i"
				echo "-A theirs$i -j RETURN"
			done
		} | sort >want
		diff want got'
	echo "$output"
	[ "$status" = 0 ]
	rel_record writers_shared_lock 60
}

# the lock held by someone else: the reference's messages and status 4
@test "concurrency: lock held, no -w: the reference's message, exit 4" {
	run in_ns '
		exec 9>/run/xtables.lock
		flock 9
		ipt -A INPUT -j ACCEPT; echo "rc=$?"
		ipt -w 1 -A INPUT -j ACCEPT; echo "rc=$?"
		printf "*filter\nCOMMIT\n" | restore; echo "rc=$?"
		printf "*filter\nCOMMIT\n" | restore -w 1; echo "rc=$?"
		save >/dev/null; echo "save rc=$?"
		exec 9>&-
		ipt -S INPUT' 
	echo "$output"
	[ "$status" = 0 ]
	busy="Can't lock /run/xtables.lock: Resource temporarily unavailable"
	[ "${lines[0]}" = "$busy" ]
	[ "${lines[1]}" = "Another app is currently holding the xtables lock. Perhaps you want to use the -w option?" ]
	[ "${lines[2]}" = "rc=4" ]
	[ "${lines[3]}" = "$busy" ]
	[ "${lines[4]}" = "Another app is currently holding the xtables lock. Stopped waiting after 1s." ]
	[ "${lines[5]}" = "rc=4" ]
	[ "${lines[6]}" = "$busy" ]
	[ "${lines[7]}" = "Another app is currently holding the xtables lock. Perhaps you want to use the -w option?" ]
	[ "${lines[8]}" = "rc=4" ]
	[ "${lines[9]}" = "$busy" ]
	[ "${lines[10]}" = "Another app is currently holding the xtables lock. Stopped waiting after 1s." ]
	[ "${lines[11]}" = "rc=4" ]
	[ "${lines[12]}" = "save rc=0" ]
	[ "${lines[13]}" = "-P INPUT ACCEPT" ]
	[ "${#lines[@]}" = 14 ]
}

# -w waits for the holder, then succeeds
@test "concurrency: -w waits for the lock to be released" {
	run in_ns '
		flock /run/xtables.lock sleep 1 & holder=$!
		while ! [ -e /run/xtables.lock ]; do sleep 0.05; done
		ipt -w -A INPUT -j ACCEPT; echo "rc=$?"
		wait
		ipt -S INPUT'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[0]}" = "rc=0" ]
	[ "${lines[2]}" = "-A INPUT -j ACCEPT" ]
}

# a commit that loses the race once: retried on a fresh read, both land
@test "concurrency: EAGAIN on replace is retried from a fresh read" {
	run in_ns '
		export LD_PRELOAD=$RACE_PRELOAD XT_RACE_CMD="\"\$IPT\" -A INPUT -s 9.9.9.9 -j DROP"
		ipt -A INPUT -s 1.1.1.1 -j ACCEPT; echo "rc=$?"
		unset LD_PRELOAD
		ipt -S INPUT'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[0]}" = "rc=0" ]
	[ "${lines[1]}" = "-P INPUT ACCEPT" ]
	[ "${lines[2]}" = "-A INPUT -s 9.9.9.9/32 -j DROP" ]
	[ "${lines[3]}" = "-A INPUT -s 1.1.1.1/32 -j ACCEPT" ]
	[ "${#lines[@]}" = 4 ]
}

# every commit raced: bounded retries, then the reference's message and
# exit 4; the table holds only the racer's rules
@test "concurrency: EAGAIN on every attempt gives up with the reference's error" {
	run in_ns '
		export LD_PRELOAD=$RACE_PRELOAD XT_RACE_TIMES=1000 XT_RACE_CMD="\"\$IPT\" -A INPUT -s 9.9.9.9 -j DROP"
		ipt -A INPUT -s 1.1.1.1 -j ACCEPT 2>err; echo "rc=$?"
		unset LD_PRELOAD
		cat err
		ipt -S INPUT | sort | uniq -c | sed "s/^ *//"'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[0]}" = "rc=4" ]
	[ "${lines[1]}" = "iptables: Resource temporarily unavailable." ]
	[[ "${lines[2]}" =~ ^[0-9]+\ -A\ INPUT\ -s\ 9.9.9.9/32\ -j\ DROP$ ]]
	[ "${lines[3]}" = "1 -P INPUT ACCEPT" ]
	[ "${#lines[@]}" = 4 ]
}

# -L -Z / -v output is printed once even when the commit is retried
@test "concurrency: a retried command prints its output once" {
	run in_ns '
		export LD_PRELOAD=$RACE_PRELOAD XT_RACE_CMD="\"\$IPT\" -A INPUT -s 9.9.9.9 -j DROP"
		ipt -v -A INPUT -s 1.1.1.1 -j ACCEPT; echo "rc=$?"'
	echo "$output"
	[ "$status" = 0 ]
	[ "${#lines[@]}" = 2 ]
	[ "${lines[1]}" = "rc=0" ]
}

# iptables-restore: a section whose commit loses the race is replayed on
# a fresh read (flushing what the racer added, as restore without
# --noflush does); -v output is printed once
@test "concurrency: iptables-restore retries a raced table section" {
	run in_ns '
		printf "*filter\n:foo - [0:0]\n-A INPUT -s 1.1.1.1 -j foo\n-A foo -j ACCEPT\nCOMMIT\n*nat\n-A OUTPUT -d 2.2.2.2 -j ACCEPT\nCOMMIT\n" >/run/rules
		export LD_PRELOAD=$RACE_PRELOAD XT_RACE_TIMES=3
		export XT_RACE_CMD="\"\$IPT\" -A INPUT -s 9.9.9.9 -j DROP; \"\$IPT\" -t nat -A OUTPUT -d 9.9.9.9"
		restore -v /run/rules >out; echo "rc=$?"
		unset LD_PRELOAD
		grep -c "^Flushing chain .INPUT" out
		save | grep "^-A"'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[0]}" = "rc=0" ]
	[ "${lines[1]}" = "2" ]
	[ "${lines[2]}" = "-A OUTPUT -d 2.2.2.2/32 -j ACCEPT" ]
	[ "${lines[3]}" = "-A INPUT -s 1.1.1.1/32 -j foo" ]
	[ "${lines[4]}" = "-A foo -j ACCEPT" ]
	[ "${#lines[@]}" = 5 ]
}

@test "concurrency: iptables-restore --noflush keeps the racer's rules" {
	run in_ns '
		printf "*filter\n-A INPUT -s 1.1.1.1 -j ACCEPT\nCOMMIT\n" >/run/rules
		LD_PRELOAD=$RACE_PRELOAD XT_RACE_CMD="\"\$IPT\" -A INPUT -s 9.9.9.9 -j DROP" \
			restore --noflush /run/rules; echo "rc=$?"
		ipt -S INPUT'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[0]}" = "rc=0" ]
	[ "${lines[2]}" = "-A INPUT -s 9.9.9.9/32 -j DROP" ]
	[ "${lines[3]}" = "-A INPUT -s 1.1.1.1/32 -j ACCEPT" ]
}

@test "concurrency: iptables-restore gives up after bounded retries, table unchanged" {
	run in_ns '
		printf "*filter\n-A INPUT -s 1.1.1.1 -j ACCEPT\nCOMMIT\n" >/run/rules
		LD_PRELOAD=$RACE_PRELOAD XT_RACE_TIMES=1000 XT_RACE_CMD="\"\$IPT\" -A INPUT -s 9.9.9.9 -j DROP" \
			restore --noflush /run/rules; echo "rc=$?"
		ipt -S INPUT | sort | uniq -c | sed "s/^ *//"'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[0]}" = "iptables-restore: line 3 failed" ]
	[ "${lines[1]}" = "rc=1" ]
	[ "${lines[2]}" = "20 -A INPUT -s 9.9.9.9/32 -j DROP" ]
	[ "${lines[3]}" = "1 -P INPUT ACCEPT" ]
	[ "${#lines[@]}" = 4 ]
}

# writers without any common lock race for real: retries make all land
@test "concurrency: 20 writers without a common lock, 100 appends, none lost" {
	run in_ns '
		pids=
		for w in $(seq 1 20); do
			(
				export XTABLES_LOCKFILE=/run/own-lock.$w
				for i in $(seq 1 5); do
					ipt -A INPUT -s 10.$w.0.$i -j ACCEPT || exit 1
				done
			) & pids="$pids $!"
		done
		rc=0
		for p in $pids; do wait $p || rc=1; done
		[ $rc = 0 ] || { echo "a writer failed"; exit 1; }
		ipt -S INPUT | grep "^-A" | sort >got
		for w in $(seq 1 20); do for i in $(seq 1 5); do
			echo "-A INPUT -s 10.$w.0.$i/32 -j ACCEPT"
		done; done | sort >want
		diff want got'
	echo "$output"
	[ "$status" = 0 ]
	rel_record writers_unlocked 100
}
