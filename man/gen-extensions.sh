#!/bin/sh
# Assemble iptables-extensions.8 from its frame and the per-extension
# fragments found in an extensions directory.
#
# usage: gen-extensions.sh FRAME EXTDIR > iptables-extensions.8.in
#
# The frame's lines "@MATCHES@" and "@TARGETS@" are replaced by one
# subsection per fragment EXTDIR/lib{xt,ipt,ip6t}_NAME.man, sorted by
# NAME.  A fragment is a target's when NAME has an upper-case letter
# (REJECT, LOG) or when it carries the line '.\" kind: target';
# otherwise it is a match's.  libipt_ and libip6t_ fragments are marked
# as specific to one family.  Fragments contain only body text: the
# heading is made here.
set -eu
frame=$1
extdir=$2

# "NAME|kind|family note|file" for every fragment, sorted by NAME
list_fragments()
{
	for file in "$extdir"/lib*.man; do
		[ -f "$file" ] || continue
		base=${file##*/}
		base=${base%.man}
		case $base in
		libxt_*)   name=${base#libxt_};   note= ;;
		libipt_*)  name=${base#libipt_};  note=' (IPv4\-specific)' ;;
		libip6t_*) name=${base#libip6t_}; note=' (IPv6\-specific)' ;;
		*) continue ;;
		esac
		kind=match
		case $name in
		*[A-Z]*) kind=target ;;
		esac
		if grep -q '^\.\\" kind: target' "$file"; then
			kind=target
		fi
		printf '%s|%s|%s|%s\n' "$name" "$kind" "$note" "$file"
	done | LC_ALL=C sort -f -t '|' -k1,1 -k3,3 -k4,4
}

emit()
{
	want=$1
	found=no
	list_fragments >"$tmp"
	while IFS='|' read -r name kind note file; do
		[ "$kind" = "$want" ] || continue
		found=yes
		printf '.SS "%s%s"\n' "$name" "$note"
		cat "$file"
	done <"$tmp"
	if [ $found = no ]; then
		printf 'None are installed.\n'
	fi
}

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

while IFS= read -r line; do
	case $line in
	@MATCHES@) emit match ;;
	@TARGETS@) emit target ;;
	*) printf '%s\n' "$line" ;;
	esac
done <"$frame"
