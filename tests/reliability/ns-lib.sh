# Sourced inside the namespace of in_ns (tests/reliability/helper.bash).
# The programs: ipt / save / restore (under test), other / other_save /
# other_restore (Debian's iptables-legacy, which finds its own extensions).
ipt()     { "$IPT" "$@"; }
save()    { "$SAVE" "$@"; }
restore() { "$RESTORE" "$@"; }
other()   { env -u XTABLES_LIBDIR -u LD_LIBRARY_PATH "$OTHER" "$@"; }
other_save()    { env -u XTABLES_LIBDIR -u LD_LIBRARY_PATH "${OTHER}-save" "$@"; }
other_restore() { env -u XTABLES_LIBDIR -u LD_LIBRARY_PATH "${OTHER}-restore" "$@"; }

# The rules of a table without comments and counters, one per line.
rules_of() { save -t "${1:-filter}" | grep -v '^#' | sed 's/ \[[0-9]*:[0-9]*\]$//'; }
