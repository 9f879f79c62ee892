/*
 * libxt_MASQUERADE - source NAT to the address of the outgoing
 * interface (nat table, POSTROUTING).  IPv4: compat range layout;
 * IPv6: nf_nat_range.
 */
#include <stdio.h>
#include <xtables/extension.h>
#include "nat_range.h"

static const struct xtables_option masq_opts[] = {
	{ .name = "to-ports", .type = XTTYPE_STRING, .id = NAT_O_TO_PORTS },
	{ .name = "random", .type = XTTYPE_NONE, .id = NAT_O_RANDOM },
	{ .name = "random-fully", .type = XTTYPE_NONE, .id = NAT_O_RANDOM_FULLY },
	XTABLES_OPT_END,
};

static const struct nat_style masq_style = {
	.print_opt = "masq ports: ",
	.save_opt = "--to-ports ",
	.ports_only = true,
};

static void masq_help(FILE *out)
{
	fputs(
"MASQUERADE target options:\n"
" --to-ports <port>[-<port>]\n"
"\t\t\t\tPort (range) to map to.\n"
" --random\n"
"\t\t\t\tRandomize source port.\n"
" --random-fully\n"
"\t\t\t\tFully randomize source port.\n", out);
}

static int masq_parse4(struct xtables_optcall *cb)
{
	return nat_parse(cb, NAT_COMPAT);
}

static int masq_parse6(struct xtables_optcall *cb)
{
	return nat_parse(cb, NAT_RANGE);
}

static void masq_print4(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	nat_print(out, &masq_style, NAT_COMPAT, NFPROTO_IPV4, data, false);
}

static void masq_save4(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	nat_print(out, &masq_style, NAT_COMPAT, NFPROTO_IPV4, data, true);
}

static void masq_print6(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	nat_print(out, &masq_style, NAT_RANGE, NFPROTO_IPV6, data, false);
}

static void masq_save6(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	nat_print(out, &masq_style, NAT_RANGE, NFPROTO_IPV6, data, true);
}

static const struct xtables_ext masq_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "MASQUERADE",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct nf_nat_ipv4_multi_range_compat),
		.help = masq_help,
		.options = masq_opts,
		.parse = masq_parse4,
		.check = nat_check_compat,
		.print = masq_print4,
		.save = masq_save4,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "MASQUERADE",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct nf_nat_range),
		.help = masq_help,
		.options = masq_opts,
		.parse = masq_parse6,
		.print = masq_print6,
		.save = masq_save6,
	},
};

XTABLES_EXTENSIONS(masq_exts)
