#!/bin/bash
# Run one tool-integration scenario and print its transcript on stdout.
#
# usage: run-scenario.sh SCENARIO        (a name under scenarios/, or a path)
#
# Environment: XT_BIN (directory of iptables, iptables-save, iptables-restore,
# ip6tables*: a build's iptables/.libs or the reference's bin), XT_BLOBDUMP,
# and for a build XTABLES_LIBDIR / LD_LIBRARY_PATH (see tests/lib/env.sh).
#
# The scenario runs in a private network + mount namespace.  In there, every
# system path of the iptables programs (/usr/sbin/iptables, -save, -restore,
# the ip6tables ones, their -legacy and -nft names) is redirected to XT_BIN:
# each name's final file (Debian: xtables-nft-multi and xtables-legacy-multi
# behind /etc/alternatives) is bind-mounted over by a small dispatcher that
# logs the call and execs the program of XT_BIN with the same argv[0] name.
# /run, /etc/ufw, /etc/default/ufw, /etc/fail2ban, /var/lib/fail2ban and
# /var/log are private tmpfs (or bind) mounts: nothing of the host changes.
#
# The scenario file is a bash script run with these helpers (see lib.sh):
#   step CMD...      run CMD, print "$ CMD", its output, the iptables calls it
#                    made ("call: ...") and its exit status
#   note TEXT        print "## TEXT"
#   state            print iptables-save -c and xt-blobdump of every table
# and ends with a final `state`.
set -u
here=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" = --in-namespace ]; then
	shift
	. "$here/lib.sh"
	ns_setup "$1" || exit 125
	export LC_ALL=C LANG=C TZ=UTC
	# ferm orders its --slow commands by Perl hashes: make them repeatable
	export PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0
	cd "$ns_work/home"
	# shellcheck disable=SC1090
	. "$2"
	state
	exit 0
fi

[ $# = 1 ] || { echo "usage: run-scenario.sh SCENARIO" >&2; exit 2; }
scenario=$1
[ -f "$scenario" ] || scenario=$here/scenarios/${1%.sh}.sh
[ -f "$scenario" ] || { echo "run-scenario.sh: no scenario $1" >&2; exit 2; }
: "${XT_BIN:?XT_BIN must name the directory of the programs under test}"
: "${XT_BLOBDUMP:?XT_BLOBDUMP must name the xt-blobdump tool}"
export XT_BIN XT_BLOBDUMP

work=$(mktemp -d "${TMPDIR:-/tmp}/xt-tool.XXXXXX") || exit 125
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
unshare -n -m bash "$here/run-scenario.sh" --in-namespace "$work" "$scenario"
