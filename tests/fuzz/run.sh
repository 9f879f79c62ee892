#!/bin/bash
# Build the libFuzzer targets with clang (AddressSanitizer + UBSan) from
# the sources, replay the saved regression inputs, then fuzz each target
# for a bounded time, starting from a seed corpus made from the test
# suites.  Every run happens in a private network + mount namespace (the
# parsers may look at the kernel's extension revisions; nothing is ever
# committed).
#
# usage: tests/fuzz/run.sh [-t SECONDS] [-n RUNS] [-s SEED] [-d WORKDIR] [TARGET...]
#   -t SECONDS   fuzzing time per target (default $FUZZ_TIME or 60;
#                0: build and replay the regressions only)
#   -n RUNS      stop after RUNS inputs (or SECONDS, whichever comes first)
#   -s SEED      libFuzzer's random seed: with -n, the same inputs every run
#   -d WORKDIR   where to build and keep the corpus (default: a temp dir,
#                removed at the end)
#   TARGET       restore, ext_options, blob (default: all)
# $FUZZ_RESTORE: the iptables-restore that loads the tables the blob
# seeds are read from (default: Debian's iptables-legacy-restore).
# Prints one "fuzz TARGET: N executions in S s, corpus C" line per target
# and ends with "fuzz: ok" or "fuzz: FAILED"; a crashing input is kept as
# WORKDIR/artifacts/TARGET-crash-* (copy it to regressions/TARGET/ once
# fixed).  Needs root, clang and libclang-rt (apt-get install clang).
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
time_per=${FUZZ_TIME:-60} work= runs= seed=
while getopts t:d:n:s: o; do
	case $o in
	t) time_per=$OPTARG ;;
	d) work=$OPTARG ;;
	n) runs=$OPTARG ;;
	s) seed=$OPTARG ;;
	*) sed -n '2,23s/^# \{0,1\}//p' "$0"; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
targets=${*:-restore ext_options blob}

CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null || { echo "fuzz: $CC not found (apt-get install clang)" >&2; exit 77; }
[ "$(id -u)" = 0 ] || { echo "fuzz: needs root (network namespaces)" >&2; exit 77; }
if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/xt-fuzz.XXXXXX") || exit 2
	trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/obj" "$work/ext" "$work/artifacts"

san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cflags="-std=gnu11 -D_GNU_SOURCE -g -O1 $san -I$top/include -I$top/libxtables -I$top/iptables -I$here"
cflags="$cflags -DXTABLES_LIBDIR=\"$work/ext\" -Wno-unused-parameter"

# ---- build ----
build() {
	local objs=() f o
	# the library and the programs' shared code (not the mains)
	for f in "$top"/libxtables/*.c "$top"/iptables/*.c; do
		grep -q '^int main(' "$f" && continue
		o=$work/obj/$(basename "$(dirname "$f")")-$(basename "$f" .c).o
		if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then
			$CC $cflags -fsanitize=fuzzer-no-link -c "$f" -o "$o" || return 1
		fi
		objs+=("$o")
	done
	# extensions: each with the helper sources that are not extensions
	local helpers=()
	for f in "$top"/extensions/*.c; do
		case $(basename "$f") in libxt_*|libipt_*|libip6t_*) ;; *) helpers+=("$f") ;; esac
	done
	for f in "$top"/extensions/libxt_*.c "$top"/extensions/libipt_*.c; do
		[ -f "$f" ] || continue
		o=$work/ext/$(basename "$f" .c).so
		if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then
			$CC $cflags -fsanitize=fuzzer-no-link -fPIC -shared -o "$o" "$f" "${helpers[@]}" ||
				echo "fuzz: warning: extension $(basename "$f") does not build, left out" >&2
		fi
	done
	for t in $targets; do
		$CC $cflags -fsanitize=fuzzer -rdynamic -o "$work/fuzz_$t" \
			"$here/fuzz_$t.c" "${objs[@]}" -ldl || return 1
	done
	cc -O2 -I"$here" -o "$work/blob_seed" "$here/blob_seed.c" || return 1
}

# ---- seed corpus from the test suites ----
seed_restore() {
	local d=$work/seeds/restore n=0 f
	mkdir -p "$d"
	# the iptables command lines of the differential cases, as rule lines
	for f in "$top"/tests/diff/cases/*.cases "$top"/tests/reliability/cases/*.cases; do
		[ -f "$f" ] || continue
		sed -n 's/^iptables \(.*-[AIDRC] .*\)$/\1/p' "$f" | grep -v '\$' |
			split -l 20 - "$d/$(basename "$f" .cases)-"
	done
	"$here/../reliability/gen-ruleset.sh" 30 3 >"$d/ruleset"
}

seed_ext_options() {
	local d=$work/seeds/ext_options i j a
	mkdir -p "$d"
	# every extension (by index), every option, a few typical arguments
	for i in $(seq 0 80); do
		for j in 0 1 2 3 4 5; do
			a=0
			for arg in 1 80:90 0x10/0xff 1.2.3.4 10/sec eth0 SYN,ACK tcp; do
				printf "\\$(printf %o $i)\\001\\$(printf %o $j)%s" "$arg" >"$d/e$i-o$j-$a"
				a=$((a + 1))
			done
		done
	done
}

seed_blob() {
	local d=$work/seeds/blob
	mkdir -p "$d"
	"$here/../reliability/gen-ruleset.sh" 40 5 >"$work/blob.rules"
	RESTORE=${FUZZ_RESTORE:-} XTABLES_LIBDIR=$orig_libdir unshare -n -m bash -c '
		mount -t tmpfs tmpfs /run
		load() { if [ -n "$RESTORE" ]; then "$RESTORE" "$@"; else iptables-legacy-restore "$@"; fi; }
		"$1/blob_seed" filter >"$2/empty-filter" 2>/dev/null
		load "$1/blob.rules" 2>/dev/null || exit 0
		for t in filter nat mangle; do "$1/blob_seed" $t >"$2/$t"; done' _ "$work" "$d"
}

status=0
orig_libdir=${XTABLES_LIBDIR:-}	# for $FUZZ_RESTORE (a build tree's restore)
build || { echo "fuzz: build failed"; echo "fuzz: FAILED"; exit 1; }
export XTABLES_LIBDIR=$work/ext
for t in $targets; do
	mkdir -p "$work/corpus/$t"
	"seed_$t"
	# the inputs that once crashed
	if [ -d "$here/regressions/$t" ] && [ -n "$(ls "$here/regressions/$t")" ]; then
		if ! unshare -n -m bash -c 'mount -t tmpfs tmpfs /run; "$@"' _ \
			"$work/fuzz_$t" "$here/regressions/$t"/* >"$work/$t.replay" 2>&1; then
			tail -n 40 "$work/$t.replay"
			echo "fuzz $t: a regression input fails again"
			status=1
			continue
		fi
		echo "fuzz $t: $(ls "$here/regressions/$t" | wc -l) regression inputs replayed"
	fi
	[ "$time_per" -gt 0 ] || continue
	start=$(date +%s)
	unshare -n -m bash -c 'mount -t tmpfs tmpfs /run; cd "$1"; shift; "$@"' _ "$work" \
		"$work/fuzz_$t" -max_total_time="$time_per" ${runs:+-runs=$runs} ${seed:+-seed=$seed} \
		-timeout=10 -rss_limit_mb=2048 \
		-max_len=4096 -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" \
		"$work/corpus/$t" "$work/seeds/$t" >"$work/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -n 1)
	echo "fuzz $t: ${execs:-?} executions in $(( $(date +%s) - start )) s, corpus $(ls "$work/corpus/$t" | wc -l)"
	if [ $rc != 0 ]; then
		grep -A 30 -E '^==[0-9]+==ERROR|runtime error|deadly signal|timeout' "$work/$t.log" | head -n 60
		ls "$work/artifacts"
		status=1
	fi
done
if [ $status = 0 ]; then echo "fuzz: ok"; else echo "fuzz: FAILED"; fi
exit $status
