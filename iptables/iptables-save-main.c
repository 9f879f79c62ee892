/* iptables-save: the IPv4 save program. */
#include "common.h"

int main(int argc, char **argv)
{
	return save_main(&xtables_ipv4, argc, argv);
}
