#!/usr/bin/env bats
# ufw (Debian's package) driving the programs under test.
load helper
@test "tools: ufw-basic" { needs ufw; check_scenario ufw-basic; }
@test "tools: ufw-more" { needs ufw; check_scenario ufw-more; }
