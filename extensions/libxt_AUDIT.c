/*
 * AUDIT target: records an audit event for the packet, typed as an
 * accept, drop or reject.
 */
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_AUDIT.h>

enum { O_AUDIT_TYPE };

static const struct xtables_option AUDIT_opts[] = {
	{ .name = "type", .type = XTTYPE_STRING, .id = O_AUDIT_TYPE,
	  .flags = XTOPT_MAND },
	XTABLES_OPT_END,
};

/* Indexed by XT_AUDIT_TYPE_*. */
static const char *const audit_types[] = {
	[XT_AUDIT_TYPE_ACCEPT] = "accept",
	[XT_AUDIT_TYPE_DROP] = "drop",
	[XT_AUDIT_TYPE_REJECT] = "reject",
};

static void AUDIT_help(FILE *out)
{
	fputs("AUDIT target options\n"
	      "  --type TYPE\t\tAction type to be recorded.\n", out);
}

static int AUDIT_parse(struct xtables_optcall *cb)
{
	struct xt_audit_info *info = cb->data;

	for (unsigned int i = 0; i <= XT_AUDIT_TYPE_MAX; i++)
		if (strcasecmp(cb->arg, audit_types[i]) == 0) {
			info->type = i;
			return 0;
		}
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "Bad action type value \"%s\"", cb->arg);
}

static void AUDIT_print(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	const struct xt_audit_info *info = data;

	fputs(" AUDIT ", out);
	if (info->type <= XT_AUDIT_TYPE_MAX)
		fputs(audit_types[info->type], out);
}

static void AUDIT_save(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	const struct xt_audit_info *info = data;

	if (info->type <= XT_AUDIT_TYPE_MAX)
		fprintf(out, " --type %s", audit_types[info->type]);
}

static const struct xtables_ext AUDIT_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "AUDIT",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_audit_info),
		.help = AUDIT_help,
		.options = AUDIT_opts,
		.parse = AUDIT_parse,
		.print = AUDIT_print,
		.save = AUDIT_save,
	},
};

XTABLES_EXTENSIONS(AUDIT_exts)
