# ufw: enable, rules of every kind, status, delete, reload, disable, reset.
step ufw --version
step ufw status
step ufw --force enable
step ufw status verbose
step ufw allow 22/tcp
step ufw allow from 10.0.0.0/8 to any port 80,443 proto tcp
step ufw deny from 192.0.2.7
step ufw limit ssh
step ufw allow in on lo to 127.0.0.1 port 53 proto udp
step ufw deny out 25/tcp
step ufw reject 113
step ufw allow from 2001:db8::/32 to any port 8080 proto tcp
step ufw insert 1 deny from 198.51.100.0/24 to any port 22
step ufw logging medium
step ufw status numbered
step ufw delete deny out 25/tcp
step ufw --force delete 2
step ufw status verbose
step ufw show added
state
step ufw reload
step ufw show raw
step ufw default allow incoming
step ufw route allow in on eth0 out on eth1
state
step ufw disable
step ufw status
state
step ufw --force enable
step ufw --force reset
step ufw status
