# The system paths reach the programs under test; what tools probe.
step /usr/sbin/iptables --version
step iptables -V
step iptables-legacy -V
step /usr/sbin/ip6tables --version
step iptables -m recent -h
step iptables -j TCPMSS --help
step iptables-save -V
step iptables-restore -V
