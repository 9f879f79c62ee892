/*
 * DNPT target (IPv6): network prefix translation (RFC 6296); rewrites the destination prefix of incoming packets (mangle PREROUTING).
 */
#include "npt_target.h"

static void DNPT_help(FILE *out)
{
	npt_help(out, "DNPT");
}

static void DNPT_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	npt_print(out, "DNPT", data);
}

static void DNPT_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	npt_save(out, data);
}

static const struct xtables_ext DNPT_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "DNPT",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_npt_tginfo),
		.userspacesize = offsetof(struct ip6t_npt_tginfo, adjustment),
		.help = DNPT_help,
		.options = npt_opts,
		.parse = npt_parse,
		.print = DNPT_print,
		.save = DNPT_save,
	},
};

XTABLES_EXTENSIONS(DNPT_exts)
