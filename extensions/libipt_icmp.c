/*
 * libipt_icmp.c - the IPv4 icmp match: a type (with a code or code
 * range), by name or as "type[/code]" (icmp_codes.c).
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include "icmp_codes.h"

static void icmp_help(FILE *out)
{
	fputs("icmp match options:\n"
	      "[!] --icmp-type typename\tmatch icmp type\n"
	      "[!] --icmp-type type[/code]\t(or numeric type or type/code)\n"
	      "Valid ICMP Types:", out);
	icmp_help_types(out, &icmp_names_ipv4);
}

enum { O_ICMP_TYPE };

static const struct xtables_option icmp_opts[] = {
	{ .name = "icmp-type", .id = O_ICMP_TYPE, .type = XTTYPE_STRING,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void icmp_init(void *data)
{
	struct ipt_icmp *i = data;

	i->type = 0xFF;
	i->code[1] = 0xFF;
}

static int icmp_parse(struct xtables_optcall *cb)
{
	struct ipt_icmp *icmp = cb->data;

	if (icmp_parse_type(cb, &icmp_names_ipv4, &icmp->type, icmp->code) != 0)
		return -1;
	if (cb->invert)
		icmp->invflags |= IPT_ICMP_INV;
	return 0;
}

static void icmp_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct ipt_icmp *icmp = data;
	bool invert = icmp->invflags & IPT_ICMP_INV;

	xtables_put_lit(out, " icmp");
	icmp_print_type(out, &icmp_names_ipv4, icmp->type, icmp->code[0],
			icmp->code[1], invert, flags & XTABLES_PRINT_NUMERIC);
	if (icmp->invflags & ~IPT_ICMP_INV)
		fprintf(out, " Unknown invflags: 0x%X",
			icmp->invflags & ~IPT_ICMP_INV);
}

static void icmp_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct ipt_icmp *icmp = data;

	if (icmp->invflags & IPT_ICMP_INV)
		xtables_put_lit(out, " !");
	if (icmp->type == 0xFF && icmp->code[0] == 0 && icmp->code[1] == 0xFF) {
		xtables_put_lit(out, " --icmp-type any");
		return;
	}
	xtables_put_lit(out, " --icmp-type ");
	xtables_put_uint(out, icmp->type);
	if (icmp->code[0] != 0 || icmp->code[1] != 0xFF) {
		putc_unlocked('/', out);
		xtables_put_uint(out, icmp->code[0]);
	}
}

static const struct xtables_ext icmp_ext[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "icmp",
		.family = NFPROTO_IPV4,
		.size = sizeof(struct ipt_icmp),
		.help = icmp_help,
		.init = icmp_init,
		.options = icmp_opts,
		.parse = icmp_parse,
		.print = icmp_print,
		.save = icmp_save,
	},
};

XTABLES_EXTENSIONS(icmp_ext)
