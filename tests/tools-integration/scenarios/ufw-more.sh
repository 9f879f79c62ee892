# ufw: application profiles, comments, port ranges, logging levels, rule
# logging, default policies, a NAT section in before.rules, IPv4 only.
step ufw app list
step ufw app info "WWW Full"
cat "$tools_dir/files/ufw-nat.rules" /etc/ufw/before.rules >"$ns_work/before.rules"
cp "$ns_work/before.rules" /etc/ufw/before.rules
step ufw --force enable
step ufw allow "WWW Full"
step ufw allow 8443/tcp comment "alt https"
step ufw deny proto udp from any to any port 137:139
step ufw allow log 2222/tcp
step ufw allow log-all from 172.16.0.0/12 to any app WWW
step ufw reject out to 203.0.113.0/24
step ufw logging full
step ufw default reject incoming
step ufw default allow routed
step ufw status verbose
state
step ufw logging off
step ufw delete allow "WWW Full"
step ufw show listening
step ufw show builtins
step ufw reload
note IPv4 only
sed 's/^IPV6=yes/IPV6=no/' /etc/default/ufw >"$ns_work/default-ufw"
cat "$ns_work/default-ufw" >/etc/default/ufw
step ufw reload
step ufw allow 9000/udp
step ufw status
step ufw disable
