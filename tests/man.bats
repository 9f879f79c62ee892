#!/usr/bin/env bats
# The manual pages of a build tree (XT_BUILD, set by `make check`): each
# renders without a warning from groff and mandoc, and
# iptables-extensions.8 documents the extensions that have a fragment.

pages="iptables.8 iptables-save.8 iptables-restore.8 iptables-apply.8 iptables-extensions.8"
# the IPv6 programs' pages: their IPv4 twin's, under the IPv6 title
ip6_pages="ip6tables.8 ip6tables-save.8 ip6tables-restore.8 ip6tables-apply.8"
pages="$pages $ip6_pages"

setup_file() {
	[ -n "${XT_BUILD:-}" ] || { echo "set XT_BUILD (a build tree)" >&2; return 1; }
	export MANDIR=$XT_BUILD/man
	export SRCDIR
	SRCDIR=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$MANDIR" >&2
}

@test "man: every page is built" {
	for p in $pages; do
		[ -s "$MANDIR/$p" ] || { echo "missing $p"; return 1; }
	done
}

@test "man: groff renders every page without warnings" {
	for p in $pages; do
		out=$(groff -ww -z -man "$MANDIR/$p" 2>&1) || { echo "$p: groff failed"; return 1; }
		[ -z "$out" ] || { echo "$p:"; echo "$out"; return 1; }
	done
}

@test "man: mandoc -T lint finds no warning" {
	command -v mandoc >/dev/null || skip "mandoc not installed (apt-get install mandoc)"
	for p in $pages; do
		out=$(mandoc -T lint -W warning "$MANDIR/$p" 2>&1) || { echo "$out"; return 1; }
		[ -z "$out" ] || { echo "$out"; return 1; }
	done
}

# style messages (lines over 80 bytes, ...) too, for the pages of man/;
# the fragments of the extensions page are held to warnings only
@test "man: mandoc -T lint finds no style problem in the pages of man/" {
	command -v mandoc >/dev/null || skip "mandoc not installed (apt-get install mandoc)"
	for p in $pages; do
		[ "$p" != iptables-extensions.8 ] || continue
		out=$(mandoc -T lint "$MANDIR/$p" 2>&1) || { echo "$out"; return 1; }
		[ -z "$out" ] || { echo "$out"; return 1; }
	done
}

@test "man: no placeholder is left unsubstituted" {
	run grep -n '@[A-Za-z_]*@' $(for p in $pages; do echo "$MANDIR/$p"; done)
	[ "$status" -eq 1 ] || { echo "$output"; return 1; }
}

@test "man: pages render to text with their sections" {
	command -v man >/dev/null || skip "man not installed"
	run sh -c "MANWIDTH=80 man -l '$MANDIR/iptables.8' 2>&1"
	[ "$status" -eq 0 ]
	for s in NAME SYNOPSIS DESCRIPTION TARGETS TABLES OPTIONS "EXIT STATUS" "LOCK FILE" ENVIRONMENT FILES "SEE ALSO"; do
		echo "$output" | grep -q "^$s\$" || { echo "no section $s"; return 1; }
	done
	echo "$output" | grep -q "XTABLES_LIBDIR"
}

@test "man: each IPv6 page is its IPv4 twin's under the IPv6 title, which names both programs" {
	for p in $ip6_pages; do
		twin=ip${p#ip6}
		t4=$(sed -n 1p "$MANDIR/$twin")
		t6=$(sed -n 1p "$MANDIR/$p")
		[ "$t6" = "${t4/#.TH IPTABLES/.TH IP6TABLES}" ] || { echo "$p: title $t6"; return 1; }
		[ "$t6" != "$t4" ]
		cmp <(sed 1d "$MANDIR/$twin") <(sed 1d "$MANDIR/$p")
		name=${p%.8}
		# NAME lists both programs (for whatis / apropos)
		sed -n '/^\.SH NAME/,/^\.SH/p' "$MANDIR/$p" | grep -q "${name//-/\\\\-}" ||
			{ echo "$p: NAME does not mention $name"; return 1; }
	done
	command -v man >/dev/null || return 0
	run sh -c "MANWIDTH=80 man -l '$MANDIR/ip6tables.8' 2>&1"
	[ "$status" -eq 0 ]
	[[ "$output" == "IP6TABLES(8)"* ]]
	echo "$output" | grep -q '^IPV6$'
}

# NAME|kind for each fragment in $1, sorted by name as the generator does
expected_sections() {
	for f in "$1"/lib*.man; do
		[ -f "$f" ] || continue
		b=$(basename "$f" .man)
		n=${b#lib*_}
		k=match
		case $n in *[A-Z]*) k=target ;; esac
		grep -q '^\.\\" kind: target' "$f" && k=target
		case $b in
		libipt_*) n="$n (IPv4\\-specific)" ;;
		libip6t_*) n="$n (IPv6\\-specific)" ;;
		esac
		echo "$k|$n"
	done | LC_ALL=C sort -f -t '|' -k2,2
}

# the .SS headings of a generated page, as kind|name in page order
actual_sections() {
	awk '/^\.SH "MATCH EXTENSIONS"/ { k = "match" }
	     /^\.SH "TARGET EXTENSIONS"/ { k = "target" }
	     /^\.SH "SEE ALSO"/ { k = "" }
	     /^\.SS / && k != "" { s = substr($0, 5); gsub(/"/, "", s); print k "|" s }' "$1"
}

@test "man: iptables-extensions.8 has every fragment, matches then targets, alphabetically" {
	exp=$( (expected_sections "$SRCDIR/extensions" | grep '^match|'
		expected_sections "$SRCDIR/extensions" | grep '^target|') || true)
	act=$(actual_sections "$MANDIR/iptables-extensions.8")
	[ -n "$act" ]
	[ "$exp" = "$act" ] || { diff <(echo "$exp") <(echo "$act"); return 1; }
	grep -q '^\.SS "tcp"$' "$MANDIR/iptables-extensions.8"
	grep -q '^\.SS "icmp (IPv4\\-specific)"$' "$MANDIR/iptables-extensions.8"
}

@test "man: a new extension's fragment is picked up by the generator" {
	d=$BATS_TEST_TMPDIR/ext
	mkdir -p "$d"
	printf 'Zeta match text.\n' >"$d/libxt_zeta.man"
	printf 'Alpha match text.\n' >"$d/libxt_alpha.man"
	printf 'A target.\n.TP\n\\fB\\-\\-opt\\fP \\fIvalue\\fP\nAn option.\n' >"$d/libxt_BETA.man"
	printf 'IPv6 only.\n' >"$d/libip6t_gamma.man"
	printf '.\\" kind: target\nBuilt in.\n' >"$d/libxt_standard.man"
	: >"$d/libxt_ignored.c"
	sh "$SRCDIR/man/gen-extensions.sh" "$SRCDIR/man/iptables-extensions.8.in" "$d" \
		>"$BATS_TEST_TMPDIR/x.8"
	act=$(actual_sections "$BATS_TEST_TMPDIR/x.8" | tr '\n' ' ')
	[ "$act" = 'match|alpha match|gamma (IPv6\-specific) match|zeta target|BETA target|standard ' ] ||
		{ echo "got: $act"; return 1; }
	grep -q '^Alpha match text\.$' "$BATS_TEST_TMPDIR/x.8"
	sed -e 's/@[A-Za-z_]*@/x/g' "$BATS_TEST_TMPDIR/x.8" >"$BATS_TEST_TMPDIR/y.8"
	out=$(groff -ww -z -man "$BATS_TEST_TMPDIR/y.8" 2>&1)
	[ -z "$out" ] || { echo "$out"; return 1; }
}

@test "man: the generator copes with no fragments at all" {
	mkdir -p "$BATS_TEST_TMPDIR/none"
	sh "$SRCDIR/man/gen-extensions.sh" "$SRCDIR/man/iptables-extensions.8.in" \
		"$BATS_TEST_TMPDIR/none" >"$BATS_TEST_TMPDIR/n.8"
	[ "$(grep -c '^None are installed\.$' "$BATS_TEST_TMPDIR/n.8")" -eq 2 ]
}

@test "man: every extension that is built has a man fragment" {
	missing=
	for so in "$XT_BUILD"/extensions/.libs/lib*.so; do
		[ -e "$so" ] || continue
		b=$(basename "$so" .so)
		[ -f "$SRCDIR/extensions/$b.man" ] || missing="$missing $b"
	done
	[ -z "$missing" ] || { echo "no extensions/NAME.man for:$missing"; return 1; }
}
