/*
 * libxt_tcpmss - match the MSS option of TCP SYN and SYN/ACK packets
 * against a value or a range (xt_tcpmss).
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_tcpmss.h>

enum { O_MSS };

static const struct xtables_option tcpmss_opts[] = {
	{ .name = "mss", .type = XTTYPE_UINT16RC, .id = O_MSS,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void tcpmss_help(FILE *out)
{
	fputs("tcpmss match options:\n"
	      "[!] --mss value[:value]\tMatch TCP MSS range.\n"
	      "\t\t\t\t(only valid for TCP SYN or SYN/ACK packets)\n", out);
}

static int tcpmss_parse(struct xtables_optcall *cb)
{
	struct xt_tcpmss_match_info *info = cb->data;

	info->mss_min = cb->val.u16_range[0];
	info->mss_max = cb->nvals >= 2 ? cb->val.u16_range[1] : info->mss_min;
	if (cb->invert)
		info->invert = 1;
	return 0;
}

static void tcpmss_range(FILE *out, const struct xt_tcpmss_match_info *info)
{
	if (info->mss_min == info->mss_max)
		fprintf(out, "%u", info->mss_min);
	else
		fprintf(out, "%u:%u", info->mss_min, info->mss_max);
}

static void tcpmss_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct xt_tcpmss_match_info *info = data;

	fprintf(out, " tcpmss match %s", info->invert ? "!" : "");
	tcpmss_range(out, info);
}

static void tcpmss_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct xt_tcpmss_match_info *info = data;

	fprintf(out, "%s --mss ", info->invert ? " !" : "");
	tcpmss_range(out, info);
}

static const struct xtables_ext tcpmss_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "tcpmss",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_tcpmss_match_info),
		.help = tcpmss_help,
		.options = tcpmss_opts,
		.parse = tcpmss_parse,
		.print = tcpmss_print,
		.save = tcpmss_save,
	},
};

XTABLES_EXTENSIONS(tcpmss_exts)
