/*
 * CONNSECMARK target: copies the security mark between the packet and
 * its connection (--save: packet to connection, --restore: back).
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_CONNSECMARK.h>

enum { O_SAVE, O_RESTORE };

static const struct xtables_option CONNSECMARK_opts[] = {
	{ .name = "save", .type = XTTYPE_NONE, .id = O_SAVE,
	  .excl = 1 << O_RESTORE },
	{ .name = "restore", .type = XTTYPE_NONE, .id = O_RESTORE,
	  .excl = 1 << O_SAVE },
	XTABLES_OPT_END,
};

static void CONNSECMARK_help(FILE *out)
{
	fputs("CONNSECMARK target options:\n"
	      "  --save                   Copy security mark from packet to conntrack\n"
	      "  --restore                Copy security mark from connection to packet\n",
	      out);
}

static int CONNSECMARK_parse(struct xtables_optcall *cb)
{
	struct xt_connsecmark_target_info *info = cb->data;

	info->mode = cb->opt->id == O_SAVE ? CONNSECMARK_SAVE :
					     CONNSECMARK_RESTORE;
	return 0;
}

static int CONNSECMARK_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "CONNSECMARK target: parameter required");
	return 0;
}

static const char *mode_name(uint8_t mode)
{
	switch (mode) {
	case CONNSECMARK_SAVE:
		return "save";
	case CONNSECMARK_RESTORE:
		return "restore";
	}
	return "";
}

static void CONNSECMARK_print(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	const struct xt_connsecmark_target_info *info = data;

	fprintf(out, " CONNSECMARK %s", mode_name(info->mode));
}

static void CONNSECMARK_save(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	const struct xt_connsecmark_target_info *info = data;

	fprintf(out, " --%s", mode_name(info->mode));
}

static const struct xtables_ext CONNSECMARK_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CONNSECMARK",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_connsecmark_target_info),
		.help = CONNSECMARK_help,
		.options = CONNSECMARK_opts,
		.parse = CONNSECMARK_parse,
		.check = CONNSECMARK_check,
		.print = CONNSECMARK_print,
		.save = CONNSECMARK_save,
	},
};

XTABLES_EXTENSIONS(CONNSECMARK_exts)
