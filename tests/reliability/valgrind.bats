#!/usr/bin/env bats
# iptables, iptables-save and iptables-restore under valgrind (memcheck)
# on representative inputs: no invalid access, no use of uninitialised
# memory, no definite or indirect leak.  Skipped without valgrind, and for
# a sanitizer build (the two do not mix).

load helper

setup_file() {
	rel_setup_file
	"$rel_dir/gen-ruleset.sh" 300 4 >"$BATS_FILE_TMPDIR/rules"
	export RULES=$BATS_FILE_TMPDIR/rules
}

setup() {
	need_root
	command -v valgrind >/dev/null || skip "valgrind not installed"
	! ldd "$IPT" 2>/dev/null | grep -q libasan || skip "sanitizer build"
}

# vg PROGRAM ARGS...: run under memcheck, exit 99 on any error
vg_script='
vg() {
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect "$@"
}'

@test "valgrind: iptables-restore of a ruleset, iptables-save" {
	run in_ns "$vg_script"'
		vg "$RESTORE" "$RULES" || exit 1
		vg "$RESTORE" --noflush "$RULES" 2>&1 | grep -v "^iptables-restore: line" ; [ "${PIPESTATUS[0]}" != 99 ] || exit 1
		vg "$RESTORE" -c "$RULES" || exit 1
		vg "$SAVE" >/dev/null || exit 1
		vg "$SAVE" -c -t nat >/dev/null || exit 1
		printf "*filter\n-A INPUT -m nosuch -j DROP\nCOMMIT\n" | vg "$RESTORE"; [ $? != 99 ] || exit 1
		printf "*filter\n-A INPUT -j DROP\n" | vg "$RESTORE"; [ $? != 99 ] || exit 1
		echo done'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[${#lines[@]}-1]}" = done ]
}

@test "valgrind: iptables commands, listings, errors" {
	run in_ns "$vg_script"'
		"$RESTORE" "$RULES" || exit 1
		for args in "-A INPUT -s 1.2.3.0/24,5.6.7.8 -p tcp -m multiport --dports 80,443 -j ACCEPT" \
			"-I INPUT 2 -m comment --comment hello -m state --state NEW -j DROP" \
			"-N newchain" "-A newchain -j LOG --log-prefix x" "-A INPUT -j newchain" \
			"-t nat -A POSTROUTING -o eth0 -j MASQUERADE" \
			"-t mangle -A OUTPUT -j MARK --set-mark 5" \
			"-L -n -v" "-L -v -x --line-numbers" "-S" "-t nat -S" "-Z" "-L -Z" \
			"-D INPUT -s 1.2.3.0/24 -p tcp -m multiport --dports 80,443 -j ACCEPT" \
			"-C INPUT -j newchain" "-R INPUT 1 -j ACCEPT" "-E newchain renamed" \
			"-P FORWARD ACCEPT" "-F" "-X"; do
			vg "$IPT" $args >/dev/null || { echo "failed: $args"; exit 1; }
		done
		for args in "-A nochain -j ACCEPT" "-A INPUT -p tcp --dport 65536" \
			"-A INPUT -m nosuchmatch" "-X INPUT" "-D INPUT 99" "-N INPUT" "--bogus" \
			"-A INPUT -s 1.2.3.4/33" "-t nosuchtable -L"; do
			vg "$IPT" $args >/dev/null 2>&1; [ $? != 99 ] || { echo "errors with: $args"; exit 1; }
		done
		echo done'
	echo "$output"
	[ "$status" = 0 ]
	[ "${lines[${#lines[@]}-1]}" = done ]
}
