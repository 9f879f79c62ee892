#!/bin/bash
# One step of tests/refcross.bats, run inside a private network + mount
# namespace (the bats file starts it with unshare).  Both writers work
# on the same kernel tables: the reference (iptables 1.8.11 legacy, in
# $XT_REF) and the programs under test ($XT_BIN, with XTABLES_LIBDIR and
# LD_LIBRARY_PATH as tests/lib/env.sh sets them).
#
# usage: steps.sh STEP RULES OUTDIR
#   STEP   ref-writes | we-rewrite | we-write | rule-by-rule
#   RULES  an iptables-restore file (tests/refcross/ext.rules)
#   OUTDIR where the outputs to compare are written (NAME.ref, NAME.ours)
# Prints what differs; exit status 1 when something does.
set -u
step=$1 rules=$2 out=$3
mount -t tmpfs tmpfs /run || exit 125
export LC_ALL=C
tables=$(sed -n 's/^\*//p' "$rules")

# the programs under test, and the reference without their environment
ours() { local p=$1; shift; (exec -a "$p" "$XT_BIN/$p" "$@"); }
ref() {
	local p=$1; shift
	(unset XTABLES_LIBDIR LD_LIBRARY_PATH; exec -a "$p" "$XT_REF/bin/$p" "$@")
}
nodate() { sed '/^# /d'; }
# the kernel's bytes of every table of the rule set
blobs() { local t; for t in $tables; do "$XT_BLOBDUMP" "$t"; done; }
# every listing of every table
listings() {
	local w=$1 t
	$w iptables-save | nodate
	for t in $tables; do
		$w iptables -t "$t" -S
		$w iptables -t "$t" -L -n
		$w iptables -t "$t" -L -n -v -x --line-numbers
		$w iptables -t "$t" -L -v
	done
}
bad=0
same() {	# same NAME: OUTDIR/NAME.ref and OUTDIR/NAME.ours agree
	if ! diff -u --label "$1 (reference)" --label "$1 (ours)" \
		"$out/$1.ref" "$out/$1.ours"; then
		bad=1
	fi
}
must() {	# must WHAT CMD...: the command succeeds
	local what=$1; shift
	"$@" >"$out/must.log" 2>&1 && return 0
	echo "failed: $what"; cat "$out/must.log"; bad=1; return 1
}

# The rules of RULES as command lines, one per line, each argument
# quoted for the shell (restore quoting read, no shell expansion), with
# "-t TABLE" first; ":CHAIN -" lines become -N, ":CHAIN POLICY" -P.
rule_args() {
	python3 -c '
import shlex, sys
table = None
for line in open(sys.argv[1]):
    line = line.rstrip("\n")
    if line.startswith("*"):
        table = line[1:]
        continue
    if line.startswith(":"):
        chain, policy = line[1:].split()[:2]
        args = ["-N", chain] if policy == "-" else ["-P", chain, policy]
    elif line.startswith("-A "):
        args = shlex.split(line)
    else:
        continue
    print(" ".join(shlex.quote(a) for a in ["-t", table] + args))
' "$rules"
}
# each_rule WRITER OP: OP (-A, -C or -D) for every rule of RULES, as a
# command line.  -A goes in the file's order, creating the chains and
# setting the policies; -C and -D go backwards, -D deleting the chains
# and setting the policies back to ACCEPT.
each_rule() {
	local w=$1 op=$2 line
	local -a a
	if [ "$op" = -A ]; then
		rule_args
	else
		rule_args | tac
	fi >"$out/args"
	while IFS= read -r line; do
		eval "a=($line)"
		case $op${a[2]} in
		-A-N|-A-P|-A-A) ;;
		-D-N) a[2]=-X ;;
		-D-P) a[4]=ACCEPT ;;
		-C-A|-D-A) a[2]=$op ;;
		*) continue ;;
		esac
		must "$w iptables ${a[*]}" $w iptables "${a[@]}"
	done <"$out/args"
}
empty() {	# -S of every table
	local t
	for t in $tables; do ref iptables -t "$t" -S; done
}

case $step in
ref-writes)
	# written by the reference, listed and saved by us
	must "reference restore" ref iptables-restore <"$rules" || exit 1
	listings ref >"$out/listings.ref" 2>&1
	listings ours >"$out/listings.ours" 2>&1
	same listings
	;;
we-rewrite)
	# written by the reference, read and rewritten by us (our save, our
	# restore), read back by the reference: the same text, and the same
	# kernel bytes as when the reference rewrites its own tables (not
	# always the bytes first written: a default such as connlimit's
	# mask is saved as the value that stands for it)
	must "reference restore" ref iptables-restore <"$rules" || exit 1
	ref iptables-save >"$out/ref-save"
	must "reference restore of its save" ref iptables-restore <"$out/ref-save"
	blobs >"$out/blobs.ref"
	ref iptables-save | nodate >"$out/save.ref"
	must "reference restore" ref iptables-restore <"$rules"
	ours iptables-save >"$out/our-save"
	must "our restore of our save" ours iptables-restore <"$out/our-save"
	blobs >"$out/blobs.ours"
	ref iptables-save | nodate >"$out/save.ours"
	same blobs
	same save
	;;
we-write)
	# written by us from the same file, read by the reference and by us
	must "reference restore" ref iptables-restore <"$rules" || exit 1
	blobs >"$out/blobs.ref"
	ref iptables-save | nodate >"$out/save.ref"
	ref iptables -t filter -F
	must "our restore" ours iptables-restore <"$rules"
	blobs >"$out/blobs.ours"
	ref iptables-save | nodate >"$out/save.ours"
	same blobs
	same save
	ours iptables-save | nodate >"$out/oursave.ours"
	cp "$out/save.ref" "$out/oursave.ref"
	same oursave
	;;
rule-by-rule)
	# command lines: the reference adds each rule, we find (-C) and
	# delete (-D) each; then we add, the reference finds and deletes
	empty >"$out/empty.ref"
	must "reference restore" ref iptables-restore <"$rules" || exit 1
	blobs >"$out/blobs.ref"
	ref iptables-save | nodate >"$out/save.ref"
	each_rule ref -D
	for w in ref ours; do
		if [ $w = ref ]; then o=ours; else o=ref; fi
		each_rule $w -A
		blobs >"$out/blobs.ours"
		$o iptables-save | nodate >"$out/save.ours"
		same blobs
		same save
		each_rule $o -C
		each_rule $o -D
		empty >"$out/empty.ours"
		same empty
	done
	;;
*)
	echo "steps.sh: unknown step $step" >&2; exit 2 ;;
esac
exit $bad
