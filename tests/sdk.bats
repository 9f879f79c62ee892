#!/usr/bin/env bats
# The installed SDK: `make install` of a build tree (XT_BUILD) into a
# DESTDIR, then an extension built out of tree with only the installed
# header and `pkg-config xtables`, loaded by the installed iptables.

bats_require_minimum_version 1.5.0

setup_file() {
	[ -n "${XT_BUILD:-}" ] || { echo "set XT_BUILD (a build tree)" >&2; return 1; }
	export ROOT=$BATS_FILE_TMPDIR/root
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$XT_BUILD" install DESTDIR="$ROOT" >"$BATS_FILE_TMPDIR/install.log" 2>&1 ||
		{ tail -30 "$BATS_FILE_TMPDIR/install.log" >&2; return 1; }
	pc=$(find "$ROOT" -name xtables.pc -path '*/pkgconfig/*' | head -1)
	[ -n "$pc" ] || { echo "no xtables.pc installed" >&2; return 1; }
	export PKG_CONFIG_PATH=${pc%/*}
	export PKG_CONFIG_LIBDIR=$PKG_CONFIG_PATH
	# the installation's directories, as configured (without DESTDIR)
	export PREFIX LIBDIR XTLIBDIR
	PREFIX=$(pkg-config --variable=prefix xtables)
	LIBDIR=$(pkg-config --variable=libdir xtables)
	XTLIBDIR=$(pkg-config --variable=xtlibdir xtables)
	# from here on, paths in flags point into DESTDIR
	export PKG_CONFIG_SYSROOT_DIR=$ROOT
	export SBIN=$ROOT$PREFIX/sbin
}

# the installed iptables, finding the installed library and extensions
installed() {
	LD_LIBRARY_PATH=$ROOT$LIBDIR XTABLES_LIBDIR=$ROOT$XTLIBDIR "$SBIN/$@"
}

@test "sdk: make install puts everything in place" {
	for f in sbin/iptables sbin/iptables-save sbin/iptables-restore sbin/iptables-apply \
		 sbin/ip6tables sbin/ip6tables-save sbin/ip6tables-restore sbin/ip6tables-apply; do
		[ -x "$ROOT$PREFIX/$f" ] || { echo "missing $f"; return 1; }
	done
	# ip6tables-apply is a link to iptables-apply
	[ -L "$ROOT$PREFIX/sbin/ip6tables-apply" ]
	[ "$(readlink "$ROOT$PREFIX/sbin/ip6tables-apply")" = iptables-apply ]
	[ -e "$ROOT$LIBDIR/libxtables.so" ]
	[ -f "$ROOT$PREFIX/include/xtables/extension.h" ]
	# only the public header
	[ "$(ls "$ROOT$PREFIX/include/xtables")" = "extension.h" ]
	for e in libxt_standard libxt_tcp libxt_udp libipt_icmp; do
		[ -f "$ROOT$XTLIBDIR/$e.so" ] || { echo "missing extension $e"; return 1; }
	done
	# extensions come without libtool archives
	[ -z "$(find "$ROOT$XTLIBDIR" -name '*.la')" ]
	for p in iptables iptables-save iptables-restore iptables-apply iptables-extensions \
		 ip6tables ip6tables-save ip6tables-restore ip6tables-apply; do
		[ -f "$ROOT$PREFIX/share/man/man8/$p.8" ] || { echo "missing man page $p.8"; return 1; }
	done
}

@test "sdk: pkg-config describes the installed SDK" {
	run pkg-config --modversion xtables
	[ "$status" -eq 0 ]
	[ "$output" = "1.8.11" ]
	run pkg-config --cflags xtables
	[ "$(echo $output)" = "-I$ROOT$PREFIX/include" ]
	run pkg-config --libs xtables
	[[ "$output" == *"-lxtables"* ]]
	[ "$XTLIBDIR" = "$LIBDIR/xtables" ]
}

@test "sdk: the installed header compiles alone, as C11 and C++" {
	echo '#include <xtables/extension.h>' >"$BATS_TEST_TMPDIR/h.c"
	cc -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags xtables) \
		-fsyntax-only "$BATS_TEST_TMPDIR/h.c"
	if command -v g++ >/dev/null; then
		g++ -Wall -Wextra -Werror $(pkg-config --cflags xtables) \
			-x c++ -fsyntax-only "$BATS_TEST_TMPDIR/h.c"
	fi
}

@test "sdk: make uninstall removes what make install put in place" {
	d=$BATS_TEST_TMPDIR/root
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$XT_BUILD" install DESTDIR="$d" >/dev/null 2>&1
	[ -L "$d$PREFIX/sbin/ip6tables-apply" ]
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$XT_BUILD" uninstall DESTDIR="$d" >/dev/null 2>&1
	left=$(find "$d" ! -type d)
	[ -z "$left" ] || { echo "left after uninstall:"; echo "$left"; return 1; }
}

# build tests/sdk/libxt_sdkmark.c the way an outside author would
build_sdkmark() {
	cc -std=c11 -Wall -Wextra -Werror -fPIC -shared \
		$(pkg-config --cflags xtables) \
		-o "$ROOT$XTLIBDIR/libxt_sdkmark.so" \
		"$BATS_TEST_DIRNAME/sdk/libxt_sdkmark.c" $(pkg-config --libs xtables)
}

@test "sdk: an out-of-tree extension builds against the installed header" {
	build_sdkmark
	[ -f "$ROOT$XTLIBDIR/libxt_sdkmark.so" ]
}

@test "sdk: the installed iptables loads it and shows its help" {
	build_sdkmark
	run --separate-stderr installed iptables -m sdkmark -h
	echo "$output"
	[ "$status" -eq 0 ]
	# as upstream, for a match whose kernel name differs from its own
	[ "$stderr" = "Notice: the sdkmark match is converted into mark match in rule listing and saving." ]
	[[ "$output" == "iptables v1.8.11 (legacy)"* ]]
	[[ "$output" == *"sdkmark match options:
[!] --sdkmark value[/mask]    packet mark equals value under mask"* ]]
}

@test "sdk: a rule using it is committed to the kernel" {
	[ "$(id -u)" -eq 0 ] || skip "needs root for a network namespace"
	build_sdkmark
	export -f installed
	run unshare -n -m bash -c 'mount -t tmpfs tmpfs /run &&
		installed iptables -A INPUT -m sdkmark --sdkmark 0x5/0xff -j ACCEPT &&
		installed iptables -C INPUT -m sdkmark --sdkmark 0x5/0xff -j ACCEPT &&
		installed iptables -S INPUT'
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$(echo "$output" | tail -1)" == "-A INPUT -m "*" -j ACCEPT" ]]
}
