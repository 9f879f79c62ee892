#!/usr/bin/env bats
# The system paths of iptables reach the programs under test; what tools probe.
load helper
@test "tools: probe" { check_scenario probe; }
