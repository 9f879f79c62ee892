#!/bin/bash
# Demo: apply a small firewall with this project's iptables inside a
# throwaway network namespace (the host's firewall is never touched), then
# show `iptables -L -n -v` and `iptables-save`.
#
# usage: utils/demo.sh [BUILDDIR]   (default: the source tree, built in place)
# Run as root.  Uses the programs of the build tree and its extensions
# (XTABLES_LIBDIR=BUILDDIR/extensions/.libs).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top}" && pwd)
[ -x "$build/iptables/iptables" ] || { echo "demo.sh: $build is not built (run make)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "demo.sh: run as root (it makes a network namespace)" >&2; exit 2; }
export PATH=$build/iptables:$PATH
export XTABLES_LIBDIR=$build/extensions/.libs

exec unshare -n -m bash -eu -c '
mount -t tmpfs tmpfs /run          # private xtables lock
ip link set lo up 2>/dev/null || true
set -x
iptables -P INPUT DROP
iptables -P FORWARD DROP
iptables -A INPUT -i lo -j ACCEPT
iptables -N ssh-in
iptables -A INPUT -p tcp --dport 22 -j ssh-in
iptables -A ssh-in -s 10.0.0.0/8 -j ACCEPT
iptables -A ssh-in -s 192.168.0.0/16 -j ACCEPT
iptables -A ssh-in -j DROP
iptables -A INPUT -p tcp -m multiport --dports 80,443 -j ACCEPT
iptables -A INPUT -p udp --sport 53 -j ACCEPT
iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -A INPUT -p tcp ! --syn -m state --state ESTABLISHED,RELATED -j ACCEPT
iptables -A INPUT -m limit --limit 5/min -j LOG --log-prefix "dropped: "
iptables -t nat -A POSTROUTING -s 10.0.0.0/8 -o eth0 -j MASQUERADE
iptables -L -n -v
iptables -t nat -L -n -v
iptables-save
'
