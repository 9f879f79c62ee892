/*
 * libxt_DNAT - rewrite the destination address (and port) of a
 * connection (nat table).  Revision 2 (both families) adds shifted port
 * maps ("port-port/base"); older kernels get IPv4 revision 0 (compat
 * range) or IPv6 revision 1, which refuse them.
 */
#include <stdio.h>
#include <xtables/extension.h>
#include "nat_range.h"

static const struct xtables_option dnat_opts[] = {
	{ .name = "to-destination", .type = XTTYPE_STRING, .id = NAT_O_TO_DEST,
	  .flags = XTOPT_MAND },
	{ .name = "random", .type = XTTYPE_NONE, .id = NAT_O_RANDOM },
	{ .name = "persistent", .type = XTTYPE_NONE, .id = NAT_O_PERSISTENT },
	XTABLES_OPT_END,
};

static const struct nat_style dnat_style = {
	.print_opt = "to:",
	.save_opt = "--to-destination ",
	.ports_only = false,
};

static void dnat_help(FILE *out)
{
	fputs(
"DNAT target options:\n"
" --to-destination [<ipaddr>[-<ipaddr>]][:port[-port]]\n"
"\t\t\t\tAddress to map destination to.\n"
"[--random] [--persistent]\n", out);
}

static void dnat_help_v2(FILE *out)
{
	fputs(
"DNAT target options:\n"
" --to-destination [<ipaddr>[-<ipaddr>]][:port[-port[/port]]]\n"
"\t\t\t\tAddress to map destination to.\n"
"[--random] [--persistent]\n", out);
}

static int dnat_parse_compat(struct xtables_optcall *cb)
{
	return nat_parse(cb, NAT_COMPAT);
}

static int dnat_parse_range(struct xtables_optcall *cb)
{
	return nat_parse(cb, NAT_RANGE);
}

static int dnat_parse_range2(struct xtables_optcall *cb)
{
	return nat_parse(cb, NAT_RANGE2);
}

static int dnat_check_compat(struct xtables_checkcall *cb)
{
	return nat_check_no_offset(cb, NAT_COMPAT);
}

static int dnat_check_range(struct xtables_checkcall *cb)
{
	return nat_check_no_offset(cb, NAT_RANGE);
}

static void dnat_print_compat(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	nat_print(out, &dnat_style, NAT_COMPAT, NFPROTO_IPV4, data, false);
}

static void dnat_save_compat(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	nat_print(out, &dnat_style, NAT_COMPAT, NFPROTO_IPV4, data, true);
}

static void dnat_print_range(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data, unsigned int flags)
{
	nat_print(out, &dnat_style, NAT_RANGE, NFPROTO_IPV6, data, false);
}

static void dnat_save_range(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data)
{
	nat_print(out, &dnat_style, NAT_RANGE, NFPROTO_IPV6, data, true);
}

/* Revision 2 serves both families: the rule says which. */
static void dnat_print_range2(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	nat_print(out, &dnat_style, NAT_RANGE2, ip->family, data, false);
}

static void dnat_save_range2(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	nat_print(out, &dnat_style, NAT_RANGE2, ip->family, data, true);
}

static const struct xtables_ext dnat_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "DNAT",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct nf_nat_ipv4_multi_range_compat),
		.help = dnat_help,
		.options = dnat_opts,
		.parse = dnat_parse_compat,
		.check = dnat_check_compat,
		.print = dnat_print_compat,
		.save = dnat_save_compat,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "DNAT",
		.revision = 1,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct nf_nat_range),
		.help = dnat_help,
		.options = dnat_opts,
		.parse = dnat_parse_range,
		.check = dnat_check_range,
		.print = dnat_print_range,
		.save = dnat_save_range,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "DNAT",
		.revision = 2,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct nf_nat_range2),
		.help = dnat_help_v2,
		.options = dnat_opts,
		.parse = dnat_parse_range2,
		.print = dnat_print_range2,
		.save = dnat_save_range2,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "DNAT",
		.revision = 2,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct nf_nat_range2),
		.help = dnat_help_v2,
		.options = dnat_opts,
		.parse = dnat_parse_range2,
		.print = dnat_print_range2,
		.save = dnat_save_range2,
	},
};

XTABLES_EXTENSIONS(dnat_exts)
