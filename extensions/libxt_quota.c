/*
 * libxt_quota - match until a byte budget is used up (xt_quota).  The
 * remaining quota lives in kernel memory and is not compared by -D/-C.
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_quota.h>

enum { O_QUOTA };

static const struct xtables_option quota_opts[] = {
	{ .name = "quota", .type = XTTYPE_UINT64, .id = O_QUOTA,
	  .flags = XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_quota_info, quota) },
	XTABLES_OPT_END,
};

static void quota_help(FILE *out)
{
	fputs("quota match options:\n"
	      "[!] --quota quota\t\tquota (bytes)\n", out);
}

static int quota_parse(struct xtables_optcall *cb)
{
	struct xt_quota_info *info = cb->data;

	if (cb->invert)
		info->flags |= XT_QUOTA_INVERT;
	return 0;
}

static void quota_print(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	const struct xt_quota_info *info = data;

	fprintf(out, " quota: %llu bytes", (unsigned long long)info->quota);
}

static void quota_save(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	const struct xt_quota_info *info = data;

	fprintf(out, "%s --quota %llu",
		info->flags & XT_QUOTA_INVERT ? " !" : "",
		(unsigned long long)info->quota);
}

static const struct xtables_ext quota_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "quota",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_quota_info),
		.userspacesize = offsetof(struct xt_quota_info, master),
		.help = quota_help,
		.options = quota_opts,
		.parse = quota_parse,
		.print = quota_print,
		.save = quota_save,
	},
};

XTABLES_EXTENSIONS(quota_exts)
