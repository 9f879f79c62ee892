#!/bin/sh
# Copy the reference iptables (../shared/reference) to DEST, turning the
# placeholder files that stand for symlinks (a file whose whole content is
# the name of a sibling) back into real symlinks, so the reference runs.
# usage: materialize.sh SRC DEST
set -eu
src=$1 dest=$2
[ -x "$dest/bin/xtables-legacy-multi" ] && [ -L "$dest/bin/iptables" ] && exit 0
rm -rf "$dest"; mkdir -p "$dest"
cp -r "$src"/. "$dest"/
chmod -R u+w "$dest"
find "$dest" -type f -size -200c | while read -r f; do
	target=$(cat "$f")
	dir=$(dirname "$f")
	case $target in */*|'') continue ;; esac
	[ -e "$dir/$target" ] || continue
	rm -f "$f"; ln -s "$target" "$f"
done
