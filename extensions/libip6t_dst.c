/*
 * dst match (IPv6): the destination options header - its length and the
 * options it carries (ip6_opts.c).
 */
#include "ip6_opts.h"

static const struct ip6_opts_kind dst_kind = {
	.name = "dst",
	.len_opt = "--dst-len",
	.opts_opt = "--dst-opts",
	.pad0_msg = "PAD0 hasn't got length",
};

static const struct xtables_option dst_opts[] = {
	{ .name = "dst-len", .type = XTTYPE_UINT32, .id = OPTS_O_LEN,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ip6t_opts, hdrlen) },
	{ .name = "dst-opts", .type = XTTYPE_STRING, .id = OPTS_O_OPTS },
	XTABLES_OPT_END,
};

static void dst_help(FILE *out)
{
	fprintf(out,
"dst match options:\n"
"[!] --dst-len length            total length of this header\n"
"  --dst-opts TYPE[:LEN][,TYPE[:LEN]...]\n"
"                                Options and its length (list, max: %d)\n",
		IP6T_OPTS_OPTSNR);
}

static int dst_parse(struct xtables_optcall *cb)
{
	return ip6_opts_parse(cb, &dst_kind);
}

static void dst_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	ip6_opts_print(out, &dst_kind, data);
}

static void dst_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	ip6_opts_save(out, &dst_kind, data);
}

static const struct xtables_ext dst_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "dst",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_opts),
		.help = dst_help,
		.options = dst_opts,
		.parse = dst_parse,
		.print = dst_print,
		.save = dst_save,
	},
};

XTABLES_EXTENSIONS(dst_exts)
