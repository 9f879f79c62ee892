/*
 * libxt_helper - match connections handled by a conntrack helper
 * ("ftp", "ftp-2121", ...) (xt_helper).
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_helper.h>

enum { O_HELPER };

static const struct xtables_option helper_opts[] = {
	{ .name = "helper", .type = XTTYPE_STRING, .id = O_HELPER,
	  .flags = XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_helper_info, name) },
	XTABLES_OPT_END,
};

static void helper_help(FILE *out)
{
	fputs("helper match options:\n"
	      "[!] --helper string        Match helper identified by string\n",
	      out);
}

static int helper_parse(struct xtables_optcall *cb)
{
	struct xt_helper_info *info = cb->data;

	if (cb->invert)
		info->invert = 1;
	return 0;
}

static void helper_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct xt_helper_info *info = data;

	fprintf(out, " helper match %s\"%.*s\"", info->invert ? "! " : "",
		(int)sizeof(info->name), info->name);
}

static void helper_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct xt_helper_info *info = data;
	char name[sizeof(info->name) + 1];

	snprintf(name, sizeof(name), "%.*s", (int)sizeof(info->name),
		 info->name);
	fprintf(out, "%s --helper", info->invert ? " !" : "");
	xtables_save_string(out, name);
}

static const struct xtables_ext helper_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "helper",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_helper_info),
		.help = helper_help,
		.options = helper_opts,
		.parse = helper_parse,
		.print = helper_print,
		.save = helper_save,
	},
};

XTABLES_EXTENSIONS(helper_exts)
