/* ip6tables: the IPv6 command. */
#include "common.h"

int main(int argc, char **argv)
{
	return run_command(&xtables_ipv6, argc, argv);
}
