/* iptables-restore: the IPv4 restore program. */
#include "common.h"

int main(int argc, char **argv)
{
	return restore_main(&xtables_ipv4, argc, argv);
}
