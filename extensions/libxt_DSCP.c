/*
 * DSCP target (mangle table): sets the DiffServ codepoint, given as a
 * number or as a class name.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_DSCP.h>
#include "dscp_class.h"

enum { O_SET_DSCP, O_SET_DSCP_CLASS };

static const struct xtables_option DSCP_opts[] = {
	{ .name = "set-dscp", .type = XTTYPE_UINT8, .id = O_SET_DSCP,
	  .excl = 1U << O_SET_DSCP_CLASS, .flags = XTOPT_PUT,
	  .max = XT_DSCP_MAX, XTOPT_POINTER(struct xt_DSCP_info, dscp) },
	{ .name = "set-dscp-class", .type = XTTYPE_STRING,
	  .id = O_SET_DSCP_CLASS, .excl = 1U << O_SET_DSCP },
	XTABLES_OPT_END,
};

static void DSCP_help(FILE *out)
{
	fputs(
"DSCP target options\n"
"  --set-dscp value\t\tSet DSCP field in packet header to value\n"
"  \t\t                This value can be in decimal (ex: 32)\n"
"               \t\tor in hex (ex: 0x20)\n"
"  --set-dscp-class class\tSet the DSCP field in packet header to the\n"
"\t\t\t\tvalue represented by the DiffServ class value.\n"
"\t\t\t\tThis class may be EF,BE or any of the CSxx\n"
"\t\t\t\tor AFxx classes.\n"
"\n"
"\t\t\t\tThese two options are mutually exclusive !\n", out);
}

static int DSCP_parse(struct xtables_optcall *cb)
{
	struct xt_DSCP_info *info = cb->data;
	int v;

	if (cb->opt->id != O_SET_DSCP_CLASS)
		return 0;
	v = dscp_class_value(cb->arg, cb->err);
	if (v < 0)
		return -1;
	info->dscp = v;
	return 0;
}

static int DSCP_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"DSCP target: Parameter --set-dscp is required");
	return 0;
}

static void DSCP_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct xt_DSCP_info *info = data;

	fprintf(out, " DSCP set 0x%02x", info->dscp);
}

static void DSCP_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct xt_DSCP_info *info = data;

	fprintf(out, " --set-dscp 0x%02x", info->dscp);
}

static const struct xtables_ext DSCP_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "DSCP",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_DSCP_info),
		.help = DSCP_help,
		.options = DSCP_opts,
		.parse = DSCP_parse,
		.check = DSCP_check,
		.print = DSCP_print,
		.save = DSCP_save,
	},
};

XTABLES_EXTENSIONS(DSCP_exts)
