# Sourced by the test scripts: find the programs under test and the tools.
#
# xt_use_build BUILDDIR   programs of a build tree (libtool layout): the
#                         real binaries in iptables/.libs (so that argv[0]
#                         is what the test sets), libxtables from
#                         libxtables/.libs, extensions from extensions/.libs
# xt_use_bin BINDIR       installed programs (or the reference); extensions
#                         as that installation finds them
# xt_blobdump_tool [BUILDDIR]  sets XT_BLOBDUMP: the built tool, or compiles
#                         tests/tools/xt-blobdump.c into a temp dir; also
#                         runs xt_hiderev_tool
# xt_hiderev_tool         sets XT_HIDEREV: tests/tools/hiderev.c (an
#                         LD_PRELOAD shim hiding kernel revisions, see
#                         there) compiled into a temp dir
#
# Needs $xt_tests (the tests/ source directory).

xt_use_build() {
	local b
	b=$(cd "$1" && pwd) || return 1
	if [ -x "$b/iptables/.libs/iptables" ]; then
		XT_BIN=$b/iptables/.libs
	else
		XT_BIN=$b/iptables
	fi
	[ -x "$XT_BIN/iptables" ] || { echo "no iptables in $b/iptables (not built?)" >&2; return 1; }
	export XT_BIN
	export XTABLES_LIBDIR=$b/extensions/.libs
	export LD_LIBRARY_PATH=$b/libxtables/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
	XT_BUILD=$b
}

xt_use_bin() {
	XT_BIN=$(cd "$1" && pwd) || return 1
	export XT_BIN
}

xt_hiderev_tool() {
	if [ -n "${XT_HIDEREV:-}" ] && [ -f "$XT_HIDEREV" ]; then
		export XT_HIDEREV; return 0
	fi
	if [ -z "${xt_tool_tmp:-}" ]; then
		xt_tool_tmp=$(mktemp -d "${TMPDIR:-/tmp}/xt-tools.XXXXXX") || return 1
	fi
	${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -shared -fPIC \
		-o "$xt_tool_tmp/hiderev.so" "$xt_tests/tools/hiderev.c" -ldl || return 1
	export XT_HIDEREV=$xt_tool_tmp/hiderev.so
}

xt_blobdump_tool() {
	xt_hiderev_tool || return 1
	if [ -n "${XT_BLOBDUMP:-}" ] && [ -x "$XT_BLOBDUMP" ]; then
		export XT_BLOBDUMP; return 0
	fi
	if [ -n "${1:-}" ] && [ -x "$1/tests/tools/xt-blobdump" ]; then
		export XT_BLOBDUMP=$1/tests/tools/xt-blobdump; return 0
	fi
	if [ -z "${xt_tool_tmp:-}" ]; then
		xt_tool_tmp=$(mktemp -d "${TMPDIR:-/tmp}/xt-tools.XXXXXX") || return 1
	fi
	${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra \
		-o "$xt_tool_tmp/xt-blobdump" "$xt_tests/tools/xt-blobdump.c" || return 1
	export XT_BLOBDUMP=$xt_tool_tmp/xt-blobdump
}
