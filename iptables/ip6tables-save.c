/* ip6tables-save: the IPv6 save program. */
#include "common.h"

int main(int argc, char **argv)
{
	return save_main(&xtables_ipv6, argc, argv);
}
