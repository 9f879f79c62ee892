/*
 * libxt_SNAT - rewrite the source address (and port) of a connection
 * (nat table).  IPv4 uses revision 0 (compat range), IPv6 revision 1.
 */
#include <stdio.h>
#include <xtables/extension.h>
#include "nat_range.h"

static const struct xtables_option snat_opts[] = {
	{ .name = "to-source", .type = XTTYPE_STRING, .id = NAT_O_TO_SRC,
	  .flags = XTOPT_MAND },
	{ .name = "random", .type = XTTYPE_NONE, .id = NAT_O_RANDOM },
	{ .name = "random-fully", .type = XTTYPE_NONE, .id = NAT_O_RANDOM_FULLY },
	{ .name = "persistent", .type = XTTYPE_NONE, .id = NAT_O_PERSISTENT },
	XTABLES_OPT_END,
};

static const struct nat_style snat_style = {
	.print_opt = "to:",
	.save_opt = "--to-source ",
	.ports_only = false,
};

static void snat_help(FILE *out)
{
	fputs(
"SNAT target options:\n"
" --to-source [<ipaddr>[-<ipaddr>]][:port[-port]]\n"
"\t\t\t\tAddress to map source to.\n"
"[--random] [--random-fully] [--persistent]\n", out);
}

static int snat_parse4(struct xtables_optcall *cb)
{
	return nat_parse(cb, NAT_COMPAT);
}

static int snat_parse6(struct xtables_optcall *cb)
{
	return nat_parse(cb, NAT_RANGE);
}

static void snat_print4(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	nat_print(out, &snat_style, NAT_COMPAT, NFPROTO_IPV4, data, false);
}

static void snat_save4(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	nat_print(out, &snat_style, NAT_COMPAT, NFPROTO_IPV4, data, true);
}

static void snat_print6(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	nat_print(out, &snat_style, NAT_RANGE, NFPROTO_IPV6, data, false);
}

static void snat_save6(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	nat_print(out, &snat_style, NAT_RANGE, NFPROTO_IPV6, data, true);
}

static const struct xtables_ext snat_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "SNAT",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct nf_nat_ipv4_multi_range_compat),
		.help = snat_help,
		.options = snat_opts,
		.parse = snat_parse4,
		.check = nat_check_compat,
		.print = snat_print4,
		.save = snat_save4,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "SNAT",
		.revision = 1,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct nf_nat_range),
		.help = snat_help,
		.options = snat_opts,
		.parse = snat_parse6,
		.print = snat_print6,
		.save = snat_save6,
	},
};

XTABLES_EXTENSIONS(snat_exts)
