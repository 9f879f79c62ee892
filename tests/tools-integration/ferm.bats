#!/usr/bin/env bats
# ferm (Debian's package) driving the programs under test.
load helper
@test "tools: ferm" { needs ferm script; check_scenario ferm; }
