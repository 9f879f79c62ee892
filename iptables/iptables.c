/* iptables: the IPv4 command. */
#include "common.h"

int main(int argc, char **argv)
{
	return run_command(&xtables_ipv4, argc, argv);
}
