#!/usr/bin/env bats
# fail2ban (Debian's package): its server and iptables actions.
load helper
@test "tools: fail2ban" { needs fail2ban-client fail2ban-server; check_scenario fail2ban; }
