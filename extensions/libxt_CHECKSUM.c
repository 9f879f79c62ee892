/*
 * CHECKSUM target (mangle table): computes and fills in the checksum of
 * packets that do not carry one yet (offloaded checksums).
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_CHECKSUM.h>

enum { O_CHECKSUM_FILL };

static const struct xtables_option CHECKSUM_opts[] = {
	{ .name = "checksum-fill", .type = XTTYPE_NONE, .id = O_CHECKSUM_FILL,
	  .flags = XTOPT_MAND },
	XTABLES_OPT_END,
};

static void CHECKSUM_help(FILE *out)
{
	fputs("CHECKSUM target options\n"
	      "  --checksum-fill\t\t\tFill in packet checksum.\n", out);
}

static int CHECKSUM_parse(struct xtables_optcall *cb)
{
	struct xt_CHECKSUM_info *info = cb->data;

	info->operation = XT_CHECKSUM_OP_FILL;
	return 0;
}

static void CHECKSUM_print(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data, unsigned int flags)
{
	const struct xt_CHECKSUM_info *info = data;

	fputs(" CHECKSUM", out);
	if (info->operation & XT_CHECKSUM_OP_FILL)
		fputs(" fill", out);
}

static void CHECKSUM_save(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data)
{
	const struct xt_CHECKSUM_info *info = data;

	if (info->operation & XT_CHECKSUM_OP_FILL)
		fputs(" --checksum-fill", out);
}

static const struct xtables_ext CHECKSUM_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CHECKSUM",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_CHECKSUM_info),
		.help = CHECKSUM_help,
		.options = CHECKSUM_opts,
		.parse = CHECKSUM_parse,
		.print = CHECKSUM_print,
		.save = CHECKSUM_save,
	},
};

XTABLES_EXTENSIONS(CHECKSUM_exts)
