/*
 * hbh match (IPv6): the hop-by-hop options header - its length and the
 * options it carries (ip6_opts.c).
 */
#include "ip6_opts.h"

static const struct ip6_opts_kind hbh_kind = {
	.name = "hbh",
	.len_opt = "--hbh-len",
	.opts_opt = "--hbh-opts",
	.pad0_msg = "PAD0 has not got length",
};

static const struct xtables_option hbh_opts[] = {
	{ .name = "hbh-len", .type = XTTYPE_UINT32, .id = OPTS_O_LEN,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ip6t_opts, hdrlen) },
	{ .name = "hbh-opts", .type = XTTYPE_STRING, .id = OPTS_O_OPTS },
	XTABLES_OPT_END,
};

static void hbh_help(FILE *out)
{
	fprintf(out,
"hbh match options:\n"
"[!] --hbh-len length            total length of this header\n"
"  --hbh-opts TYPE[:LEN][,TYPE[:LEN]...] \n"
"                                Options and its length (list, max: %d)\n",
		IP6T_OPTS_OPTSNR);
}

static int hbh_parse(struct xtables_optcall *cb)
{
	return ip6_opts_parse(cb, &hbh_kind);
}

static void hbh_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	ip6_opts_print(out, &hbh_kind, data);
}

static void hbh_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	ip6_opts_save(out, &hbh_kind, data);
}

static const struct xtables_ext hbh_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "hbh",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_opts),
		.help = hbh_help,
		.options = hbh_opts,
		.parse = hbh_parse,
		.print = hbh_print,
		.save = hbh_save,
	},
};

XTABLES_EXTENSIONS(hbh_exts)
