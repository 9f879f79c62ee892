/* ip6tables-restore: the IPv6 restore program. */
#include "common.h"

int main(int argc, char **argv)
{
	return restore_main(&xtables_ipv6, argc, argv);
}
