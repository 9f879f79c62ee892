/*
 * dscp match: compares the DiffServ codepoint (the upper six bits of
 * the IPv4 TOS / IPv6 traffic class byte), given as a number or as a
 * class name.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_dscp.h>
#include "dscp_class.h"

enum { O_DSCP, O_DSCP_CLASS };

static const struct xtables_option dscp_opts[] = {
	{ .name = "dscp", .type = XTTYPE_UINT8, .id = O_DSCP,
	  .excl = 1U << O_DSCP_CLASS, .flags = XTOPT_INVERT | XTOPT_PUT,
	  .max = XT_DSCP_MAX, XTOPT_POINTER(struct xt_dscp_info, dscp) },
	{ .name = "dscp-class", .type = XTTYPE_STRING, .id = O_DSCP_CLASS,
	  .excl = 1U << O_DSCP, .flags = XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void dscp_help(FILE *out)
{
	fputs(
"dscp match options\n"
"[!] --dscp value\t\tMatch DSCP codepoint with numerical value\n"
"  \t\t                This value can be in decimal (ex: 32)\n"
"               \t\tor in hex (ex: 0x20)\n"
"[!] --dscp-class name\t\tMatch the DiffServ class. This value may\n"
"\t\t\t\tbe any of the BE,EF, AFxx or CSx classes\n"
"\n"
"\t\t\t\tThese two options are mutually exclusive !\n", out);
}

static int dscp_parse(struct xtables_optcall *cb)
{
	struct xt_dscp_info *info = cb->data;

	if (cb->opt->id == O_DSCP_CLASS) {
		int v = dscp_class_value(cb->arg, cb->err);

		if (v < 0)
			return -1;
		info->dscp = v;
	}
	if (cb->invert)
		info->invert = 1;
	return 0;
}

static int dscp_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "DSCP match: Parameter --dscp is required");
	return 0;
}

static void dscp_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct xt_dscp_info *info = data;

	fprintf(out, " DSCP match %s0x%02x", info->invert ? "!" : "",
		info->dscp);
}

static void dscp_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct xt_dscp_info *info = data;

	fprintf(out, "%s --dscp 0x%02x", info->invert ? " !" : "", info->dscp);
}

static const struct xtables_ext dscp_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "dscp",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_dscp_info),
		.help = dscp_help,
		.options = dscp_opts,
		.parse = dscp_parse,
		.check = dscp_check,
		.print = dscp_print,
		.save = dscp_save,
	},
};

XTABLES_EXTENSIONS(dscp_exts)
