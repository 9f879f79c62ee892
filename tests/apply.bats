#!/usr/bin/env bats
# utils/iptables-apply, run without a terminal in a private network
# namespace, with the iptables-save/-restore of a build tree (XT_BUILD)
# or of a directory of programs (XT_BIN, e.g. the reference) in PATH.
# XT_APPLY names another iptables-apply to test (default: the source's).

bats_require_minimum_version 1.5.0

setup_file() {
	xt_tests=$BATS_TEST_DIRNAME
	. "$xt_tests/lib/env.sh"
	if [ -n "${XT_BUILD:-}" ]; then
		xt_use_build "$XT_BUILD"
	elif [ -z "${XT_BIN:-}" ]; then
		echo "set XT_BUILD (build tree) or XT_BIN (programs dir)" >&2
		return 1
	fi
	export PATH="$XT_BIN:$PATH"
	# never stop or start the machine's own fail2ban
	export IPTABLES_APPLY_FAIL2BAN=/nonexistent/fail2ban
	export APPLY=${XT_APPLY:-$BATS_TEST_DIRNAME/../utils/iptables-apply}
}

setup() {
	[ "$(id -u)" -eq 0 ] || skip "needs root for a network namespace"
	cd "$BATS_TEST_TMPDIR" || return 1
	cat >new.rules <<-EOF
	*filter
	:INPUT ACCEPT [0:0]
	:FORWARD DROP [0:0]
	:OUTPUT ACCEPT [0:0]
	:blocked - [0:0]
	-A INPUT -s 192.0.2.1/32 -j blocked
	-A blocked -j DROP
	COMMIT
	EOF
	# the state before: one rule the new file does not have
	cat >old.rules <<-EOF
	*filter
	:INPUT ACCEPT [0:0]
	:FORWARD ACCEPT [0:0]
	:OUTPUT ACCEPT [0:0]
	-A OUTPUT -d 198.51.100.7/32 -j DROP
	COMMIT
	EOF
}

# in_netns SCRIPT: run the shell script in a fresh network namespace
# holding old.rules, with a private /run (for the xtables lock)
in_netns() {
	unshare -n -m sh -c 'mount -t tmpfs tmpfs /run &&
		iptables-restore <old.rules && eval "$1"' sh "$1"
}

# the rules as iptables -S prints them
rules_of() {
	printf '%s\n' "$@"
}

old_S=$(rules_of "-P INPUT ACCEPT" "-P FORWARD ACCEPT" "-P OUTPUT ACCEPT" \
	"-A OUTPUT -d 198.51.100.7/32 -j DROP")
new_S=$(rules_of "-P INPUT ACCEPT" "-P FORWARD DROP" "-P OUTPUT ACCEPT" "-N blocked" \
	"-A INPUT -s 192.0.2.1/32 -j blocked" "-A blocked -j DROP")

@test "apply: confirmed rules stay, and -w writes them to the save file" {
	run in_netns 'echo y | "$APPLY" -w saved.rules new.rules; echo "rc=$?"; echo ---; iptables -S'
	echo "$output"
	expected="Applying new iptables rules from 'new.rules'... done.
Can you establish NEW connections to the machine? (y/N) 
Writing successfully applied rules to 'saved.rules'...
... then my job is done. See you next time.
rc=0
---
$new_S"
	[ "$output" = "$expected" ]
	grep -v '^#' saved.rules >saved.nocomment
	grep -q '^-A INPUT -s 192.0.2.1/32 -j blocked$' saved.nocomment
	grep -q '^:FORWARD DROP' saved.nocomment
}

@test "apply: no answer within the timeout restores the old rules" {
	start=$(date +%s)
	# stdin stays open but silent: a fifo held by a sleeping writer
	mkfifo silent
	run in_netns 'sleep 5 >silent 2>/dev/null & w=$!
		"$APPLY" -t 1 new.rules <silent; echo "rc=$?"; kill $w; echo ---; iptables -S'
	echo "$output"
	expected="Applying new iptables rules from 'new.rules'... done.
Can you establish NEW connections to the machine? (y/N) 
Timeout! Something happened (or did not). Better play it safe...
Reverting to old iptables rules... done.
rc=255
---
$old_S"
	[ "$output" = "$expected" ]
	# the answer is not waited for longer than the timeout
	[ $(( $(date +%s) - start )) -le 3 ]
}

@test "apply: end of input counts as no answer" {
	run in_netns '"$APPLY" --timeout=3 new.rules </dev/null; echo "rc=$?"; iptables -S'
	echo "$output"
	[[ "$output" == *"Timeout! Something happened (or did not). Better play it safe..."* ]]
	[[ "$output" == *"rc=255"* ]]
	[[ "$output" == *"$old_S" ]]
}

@test "apply: another answer restores the old rules" {
	run in_netns 'echo n | "$APPLY" new.rules; echo "rc=$?"; echo ---; iptables -S'
	echo "$output"
	expected="Applying new iptables rules from 'new.rules'... done.
Can you establish NEW connections to the machine? (y/N) 
No affirmative response! Better play it safe...
Reverting to old iptables rules... done.
rc=255
---
$old_S"
	[ "$output" = "$expected" ]
}

@test "apply: a rules file the restore refuses is not applied" {
	printf '*filter\n-A INPUT -j no-such-chain-or-target\nCOMMIT\n' >bad.rules
	run in_netns 'echo y | "$APPLY" bad.rules 2>err; echo "rc=$?"; echo ---; iptables -S; cat err'
	echo "$output"
	[[ "$output" == "Applying new iptables rules from 'bad.rules'... failed.
Reverting to old iptables rules... done.
rc=5
---
$old_S"* ]]
	[[ "$output" == *"Error: unknown error applying new iptables rules: bad.rules" ]]
}

@test "apply: -c runs a command, confirmed" {
	printf '#!/bin/sh\niptables -A INPUT -p tcp -j ACCEPT\n' >setup.sh
	chmod +x setup.sh
	run in_netns 'echo Y | "$APPLY" -c ./setup.sh; echo "rc=$?"; iptables -S INPUT'
	echo "$output"
	expected="Running command './setup.sh'... done.
Can you establish NEW connections to the machine? (y/N) 
... then my job is done. See you next time.
rc=0
-P INPUT ACCEPT
-A INPUT -p tcp -j ACCEPT"
	[ "$output" = "$expected" ]
}

@test "apply: -c with a failing command restores the old rules" {
	printf '#!/bin/sh\niptables -F OUTPUT\nexit 3\n' >setup.sh
	chmod +x setup.sh
	run in_netns '"$APPLY" -c ./setup.sh </dev/null 2>err; echo "rc=$?"; iptables -S; cat err'
	echo "$output"
	[ "$output" = "Running command './setup.sh'... failed.
Reverting to old iptables rules... done.
rc=7
$old_S
Error: unknown error running command: ./setup.sh" ]
}

@test "apply: -c with a command that outlives the timeout is stopped" {
	printf '#!/bin/sh\niptables -F OUTPUT\nexec sleep 30\n' >setup.sh
	chmod +x setup.sh
	start=$(date +%s)
	run in_netns '"$APPLY" -t 1 -c ./setup.sh </dev/null 2>/dev/null; echo "rc=$?"; iptables -S'
	echo "$output"
	[ $(( $(date +%s) - start )) -le 5 ]
	[ "$output" = "Running command './setup.sh'... failed.
Reverting to old iptables rules... done.
rc=7
$old_S" ]
}

@test "apply: parameter errors" {
	run "$APPLY" -t soon new.rules
	[ "$status" -eq 1 ]
	[ "$output" = "Error: timeout must be a positive number" ]
	run "$APPLY" ./missing.rules
	[ "$status" -eq 2 ]
	[ "$output" = "Error: rulesfile not readable: ./missing.rules" ]
	run "$APPLY" -c ./new.rules
	[ "$status" -eq 6 ]
	[ "$output" = "Error: runcmd not executable: ./new.rules" ]
	run "$APPLY" -q new.rules
	[ "$status" -eq 1 ]
	[ "$output" = "iptables-apply: invalid option -- 'q'" ]
	run "$APPLY" --frobnicate new.rules
	[ "$status" -eq 1 ]
	[ "$output" = "iptables-apply: unrecognized option '--frobnicate'" ]
	run "$APPLY" new.rules -t
	[ "$status" -eq 1 ]
	[ "$output" = "iptables-apply: option requires an argument -- 't'" ]
	IPTABLES_SAVE=/nonexistent/iptables-save run -127 "$APPLY" new.rules
	[ "$status" -eq 127 ]
	[ "$output" = "Error: needed command not found: /nonexistent/iptables-save" ]
}

@test "apply: -h and -V" {
	run "$APPLY" -h
	[ "$status" -eq 0 ]
	[[ "$output" == *"Usage: iptables-apply [-hV] [-t timeout] [-w savefile] {[rulesfile]|-c [runcmd]}"* ]]
	for o in --timeout --write --command --help --version; do
		[[ "$output" == *"$o"* ]]
	done
	run "$APPLY" --vers
	[ "$status" -eq 0 ]
	[[ "$output" == "iptables-apply 1.1 "* ]]
}

@test "apply: called ip6tables-apply it uses the IPv6 programs" {
	ln -s "$APPLY" ip6tables-apply
	IP6TABLES_SAVE=/nonexistent/ip6tables-save run -127 ./ip6tables-apply new.rules
	[ "$status" -eq 127 ]
	[ "$output" = "Error: needed command not found: /nonexistent/ip6tables-save" ]
	run ./ip6tables-apply
	[ "$status" -eq 2 ]
	[ "$output" = "Error: rulesfile not readable: /etc/network/ip6tables.up.rules" ]
}

@test "apply: ip6tables-apply loads IPv6 rules with ip6tables-restore, keeps or reverts them" {
	ln -s "$APPLY" ip6tables-apply
	printf '%s\n' '*filter' ':INPUT ACCEPT [0:0]' ':FORWARD ACCEPT [0:0]' ':OUTPUT ACCEPT [0:0]' \
		'-A OUTPUT -d 2001:db8::7/128 -j DROP' COMMIT >old6.rules
	printf '%s\n' '*filter' ':INPUT ACCEPT [0:0]' ':FORWARD DROP [0:0]' ':OUTPUT ACCEPT [0:0]' \
		'-A INPUT -s 2001:db8::/32 -p ipv6-icmp -j ACCEPT' COMMIT >new6.rules
	old6="-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-A OUTPUT -d 2001:db8::7/128 -j DROP"
	new6="-P INPUT ACCEPT
-P FORWARD DROP
-P OUTPUT ACCEPT
-A INPUT -s 2001:db8::/32 -p ipv6-icmp -j ACCEPT"
	run in_netns 'ip6tables-restore <old6.rules &&
		echo n | ./ip6tables-apply new6.rules; echo "rc=$?"; ip6tables -S; echo ---
		echo y | ./ip6tables-apply new6.rules; echo "rc=$?"; ip6tables -S; echo ---; iptables -S'
	echo "$output"
	[[ "$output" == *"No affirmative response! Better play it safe..."*"rc=255
$old6
---"* ]]
	[[ "$output" == *"rc=0
$new6
---
$old_S" ]]
}
