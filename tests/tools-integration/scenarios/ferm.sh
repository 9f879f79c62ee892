# ferm: fast load (iptables-restore), reload, interactive confirm and
# rollback, a rule set that fails (rollback), @preserve, --slow, --flush.
f=$tools_dir/files
step ferm --version
step ferm --noexec --lines "$f/ferm-small.conf"
step ferm "$f/ferm-base.conf"
state
step ferm "$f/ferm-base.conf"
step_in "$f/answer-no" script -q -E never -ec "ferm --interactive --timeout 5 $f/ferm-small.conf" /dev/null
step xt iptables -S INPUT
step_in "$f/answer-yes" script -q -E never -ec "ferm --interactive --timeout 5 $f/ferm-small.conf" /dev/null
step xt iptables -S INPUT
step ferm "$f/ferm-bad.conf"
step xt iptables -S INPUT
note other programs fill their chains, ferm keeps them
step iptables -N DOCKER
step iptables -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
step iptables -N f2b-sshd
step iptables -A f2b-sshd -s 192.0.2.9/32 -j REJECT --reject-with icmp-port-unreachable
step iptables -A f2b-sshd -j RETURN
step iptables -t nat -N DOCKER
step iptables -t nat -A DOCKER -i docker0 -j RETURN
step iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
step ferm "$f/ferm-preserve.conf"
state
step ferm --slow "$f/ferm-base.conf"
state
step ferm --slow --flush "$f/ferm-base.conf"
