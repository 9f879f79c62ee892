#!/bin/bash
# A small automake log driver for TAP producers (bats --tap): every
# "ok"/"not ok" line becomes one test result, so `make check` counts the
# cases of a .bats file one by one.
#
# usage (by automake): tap-driver.sh --test-name NAME --log-file LOG
#        --trs-file TRS [--color-tests yes|no] [--expect-failure yes|no]
#        [--enable-hard-errors yes|no] -- COMMAND...
set -u
name= log= trs= color=no
while [ $# -gt 0 ]; do
	case $1 in
	--test-name) name=$2; shift 2 ;;
	--log-file) log=$2; shift 2 ;;
	--trs-file) trs=$2; shift 2 ;;
	--color-tests) color=$2; shift 2 ;;
	--expect-failure|--enable-hard-errors|--collect-skipped-logs) shift 2 ;;
	--) shift; break ;;
	*) echo "tap-driver.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ -n "$name" ] && [ -n "$log" ] && [ -n "$trs" ] || { echo "tap-driver.sh: missing options" >&2; exit 2; }

red= grn= blu= std=
if [ "$color" = yes ]; then
	red=$'\e[0;31m' grn=$'\e[0;32m' blu=$'\e[1;34m' std=$'\e[m'
fi

"$@" >"$log" 2>&1
rc=$?

pass=0 fail=0 skip=0 planned=
: >"$trs"
while IFS= read -r line; do
	case $line in
	1..*) planned=${line#1..} ;;
	"ok "*"# skip"*)
		skip=$((skip + 1))
		echo ":test-result: SKIP" >>"$trs"
		echo "${blu}SKIP${std}: $name ${line#ok }" ;;
	"ok "*)
		pass=$((pass + 1))
		echo ":test-result: PASS" >>"$trs"
		echo "${grn}PASS${std}: $name ${line#ok }" ;;
	"not ok "*)
		fail=$((fail + 1))
		echo ":test-result: FAIL" >>"$trs"
		echo "${red}FAIL${std}: $name ${line#not ok }" ;;
	esac
done <"$log"

global=PASS
if [ -z "$planned" ] || [ $((pass + fail + skip)) != "$planned" ] || { [ $rc != 0 ] && [ $fail = 0 ]; }; then
	echo ":test-result: ERROR" >>"$trs"
	echo "${red}ERROR${std}: $name (exit $rc, planned ${planned:-?}, saw $((pass + fail + skip)))"
	global=ERROR
elif [ $fail != 0 ]; then
	global=FAIL
elif [ $pass = 0 ] && [ $skip != 0 ]; then
	global=SKIP
fi
{
	echo ":global-test-result: $global"
	echo ":recheck: $([ $global = PASS ] || [ $global = SKIP ] && echo no || echo yes)"
	echo ":copy-in-global-log: $([ $global = PASS ] && echo no || echo yes)"
} >>"$trs"
exit 0
