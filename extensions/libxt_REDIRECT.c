/*
 * libxt_REDIRECT - send a packet to the local machine, optionally to
 * other ports (nat table, PREROUTING/OUTPUT).  IPv4: compat range
 * layout; IPv6: nf_nat_range.
 */
#include <stdio.h>
#include <xtables/extension.h>
#include "nat_range.h"

static const struct xtables_option redirect_opts[] = {
	{ .name = "to-ports", .type = XTTYPE_STRING, .id = NAT_O_TO_PORTS },
	{ .name = "random", .type = XTTYPE_NONE, .id = NAT_O_RANDOM },
	XTABLES_OPT_END,
};

static const struct nat_style redirect_style = {
	.print_opt = "redir ports ",
	.save_opt = "--to-ports ",
	.ports_only = true,
};

static void redirect_help(FILE *out)
{
	fputs(
"REDIRECT target options:\n"
" --to-ports <port>[-<port>]\n"
"\t\t\t\tPort (range) to map to.\n"
" [--random]\n", out);
}

static int redirect_parse4(struct xtables_optcall *cb)
{
	return nat_parse(cb, NAT_COMPAT);
}

static int redirect_parse6(struct xtables_optcall *cb)
{
	return nat_parse(cb, NAT_RANGE);
}

static int redirect_check4(struct xtables_checkcall *cb)
{
	return nat_check_no_offset(cb, NAT_COMPAT);
}

static int redirect_check6(struct xtables_checkcall *cb)
{
	return nat_check_no_offset(cb, NAT_RANGE);
}

static void redirect_print4(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	nat_print(out, &redirect_style, NAT_COMPAT, NFPROTO_IPV4, data, false);
}

static void redirect_save4(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	nat_print(out, &redirect_style, NAT_COMPAT, NFPROTO_IPV4, data, true);
}

static void redirect_print6(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	nat_print(out, &redirect_style, NAT_RANGE, NFPROTO_IPV6, data, false);
}

static void redirect_save6(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	nat_print(out, &redirect_style, NAT_RANGE, NFPROTO_IPV6, data, true);
}

static const struct xtables_ext redirect_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "REDIRECT",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct nf_nat_ipv4_multi_range_compat),
		.help = redirect_help,
		.options = redirect_opts,
		.parse = redirect_parse4,
		.check = redirect_check4,
		.print = redirect_print4,
		.save = redirect_save4,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "REDIRECT",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct nf_nat_range),
		.help = redirect_help,
		.options = redirect_opts,
		.parse = redirect_parse6,
		.check = redirect_check6,
		.print = redirect_print6,
		.save = redirect_save6,
	},
};

XTABLES_EXTENSIONS(redirect_exts)
