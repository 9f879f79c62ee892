# fail2ban: the server with one jail using the iptables actions;
# start, ban and unban IPv4 and IPv6 addresses, status, stop.
cp "$tools_dir/files/fail2ban.local" "$tools_dir/files/jail.local" /etc/fail2ban/
: >/var/log/auth-test.log
mkdir -p /run/fail2ban

# f2b CMD...: a fail2ban-client command, then wait until its actions ran
f2b() {
	fail2ban-client "$@" || return
	quiet_calls
}
# wait until no new iptables call was logged for half a second (at most 20 s)
quiet_calls() {
	local i n=-1 m
	for i in $(seq 40); do
		m=$(wc -l <"$ns_work/calls")
		[ "$m" = "$n" ] && [ $((i % 2)) = 0 ] && return 0
		n=$m; sleep 0.5
	done
}
step f2b -q start
step f2b status
step f2b set sshd banip 192.0.2.1
step f2b set sshd banip 198.51.100.7 203.0.113.9
state
step f2b set sshd unbanip 198.51.100.7
step f2b set sshd banip 2001:db8::1
step f2b status sshd
# the addresses in the recent lists (not the times)
recent_lists() { local f; for f in /proc/net/xt_recent/*; do echo "${f##*/}:"; cut -d' ' -f1 "$f" | sort; done; }
step recent_lists
step xt iptables -n -L INPUT
state
note three failed logins in the log: the filter bans the address
fail_login() {
	local i
	for i in 1 2 3; do
		echo "$(date '+%b %e %H:%M:%S') testhost sshd[$((100 + i))]: Failed password for root from $1 port 4242 ssh2"
	done >>/var/log/auth-test.log
	# the ban comes from the server's polling: wait for its five iptables calls
	for i in $(seq 60); do
		[ "$(wc -l <"$ns_work/calls")" -ge 5 ] && break
		sleep 0.5
	done
	quiet_calls
}
step fail_login 192.0.2.50
step f2b set sshd unbanip 2001:db8::1
step f2b set sshd unbanip --all
step f2b stop
# a server that did not stop would outlive the namespace's shell
if [ -s /run/fail2ban/fail2ban.pid ]; then
	kill "$(cat /run/fail2ban/fail2ban.pid)" 2>/dev/null
fi
