/*
 * libip6t_icmp6.c - the IPv6 icmp6 match: an ICMPv6 type (with a code
 * or code range), by name or as "type[/code]" (icmp_codes.c).
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6_tables.h>
#include "icmp_codes.h"

static void icmp6_help(FILE *out)
{
	fputs("icmpv6 match options:\n"
	      "[!] --icmpv6-type typename\tmatch icmpv6 type\n"
	      "\t\t\t\t(or numeric type or type/code)\n"
	      "Valid ICMPv6 Types:", out);
	icmp_help_types(out, &icmp_names_ipv6);
}

enum { O_ICMPV6_TYPE };

static const struct xtables_option icmp6_opts[] = {
	{ .name = "icmpv6-type", .id = O_ICMPV6_TYPE, .type = XTTYPE_STRING,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void icmp6_init(void *data)
{
	struct ip6t_icmp *i = data;

	i->code[1] = 0xFF;
}

static int icmp6_parse(struct xtables_optcall *cb)
{
	struct ip6t_icmp *icmp = cb->data;

	if (icmp_parse_type(cb, &icmp_names_ipv6, &icmp->type, icmp->code) != 0)
		return -1;
	if (cb->invert)
		icmp->invflags |= IP6T_ICMP_INV;
	return 0;
}

static void icmp6_print(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	const struct ip6t_icmp *icmp = data;

	fputs(" ipv6-icmp", out);
	icmp_print_type(out, &icmp_names_ipv6, icmp->type, icmp->code[0],
			icmp->code[1], icmp->invflags & IP6T_ICMP_INV,
			flags & XTABLES_PRINT_NUMERIC);
	if (icmp->invflags & ~IP6T_ICMP_INV)
		fprintf(out, " Unknown invflags: 0x%X",
			icmp->invflags & ~IP6T_ICMP_INV);
}

static void icmp6_save(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	const struct ip6t_icmp *icmp = data;

	if (icmp->invflags & IP6T_ICMP_INV)
		fputs(" !", out);
	fprintf(out, " --icmpv6-type %u", icmp->type);
	if (icmp->code[0] != 0 || icmp->code[1] != 0xFF)
		fprintf(out, "/%u", icmp->code[0]);
}

static const struct xtables_ext icmp6_ext[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "icmp6",
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_icmp),
		.help = icmp6_help,
		.init = icmp6_init,
		.options = icmp6_opts,
		.parse = icmp6_parse,
		.print = icmp6_print,
		.save = icmp6_save,
	},
};

XTABLES_EXTENSIONS(icmp6_ext)
