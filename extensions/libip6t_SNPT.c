/*
 * SNPT target (IPv6): network prefix translation (RFC 6296); rewrites the source prefix of outgoing packets (mangle POSTROUTING).
 */
#include "npt_target.h"

static void SNPT_help(FILE *out)
{
	npt_help(out, "SNPT");
}

static void SNPT_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	npt_print(out, "SNPT", data);
}

static void SNPT_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	npt_save(out, data);
}

static const struct xtables_ext SNPT_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "SNPT",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_npt_tginfo),
		.userspacesize = offsetof(struct ip6t_npt_tginfo, adjustment),
		.help = SNPT_help,
		.options = npt_opts,
		.parse = npt_parse,
		.print = SNPT_print,
		.save = SNPT_save,
	},
};

XTABLES_EXTENSIONS(SNPT_exts)
