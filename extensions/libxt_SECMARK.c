/*
 * SECMARK target (security/mangle table): sets the packet's security
 * mark from an SELinux security context.  Revision 1 moves the secid
 * (filled in by the kernel) behind the context.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_SECMARK.h>

enum { O_SELCTX };

static const struct xtables_option SECMARK_opts_v0[] = {
	{ .name = "selctx", .type = XTTYPE_STRING, .id = O_SELCTX,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_secmark_target_info, secctx) },
	XTABLES_OPT_END,
};

static const struct xtables_option SECMARK_opts_v1[] = {
	{ .name = "selctx", .type = XTTYPE_STRING, .id = O_SELCTX,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_secmark_target_info_v1, secctx) },
	XTABLES_OPT_END,
};

static void SECMARK_help(FILE *out)
{
	fputs("SECMARK target options:\n"
	      "  --selctx value                     Set the SELinux security context\n",
	      out);
}

/* The mode is the first byte in both revisions. */
static int SECMARK_parse(struct xtables_optcall *cb)
{
	*(uint8_t *)cb->data = SECMARK_MODE_SEL;
	return 0;
}

static void show(FILE *out, const char *lead, uint8_t mode, const char *ctx)
{
	fputs(lead, out);
	if (mode == SECMARK_MODE_SEL)
		fprintf(out, "selctx %s", ctx);
}

static void SECMARK_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data, unsigned int flags)
{
	const struct xt_secmark_target_info *info = data;

	show(out, " SECMARK ", info->mode, info->secctx);
}

static void SECMARK_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data)
{
	const struct xt_secmark_target_info *info = data;

	show(out, " --", info->mode, info->secctx);
}

static void SECMARK_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data, unsigned int flags)
{
	const struct xt_secmark_target_info_v1 *info = data;

	show(out, " SECMARK ", info->mode, info->secctx);
}

static void SECMARK_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data)
{
	const struct xt_secmark_target_info_v1 *info = data;

	show(out, " --", info->mode, info->secctx);
}

static const struct xtables_ext SECMARK_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "SECMARK",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_secmark_target_info),
		.help = SECMARK_help,
		.options = SECMARK_opts_v0,
		.parse = SECMARK_parse,
		.print = SECMARK_print_v0,
		.save = SECMARK_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "SECMARK",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_secmark_target_info_v1),
		.userspacesize = offsetof(struct xt_secmark_target_info_v1, secid),
		.help = SECMARK_help,
		.options = SECMARK_opts_v1,
		.parse = SECMARK_parse,
		.print = SECMARK_print_v1,
		.save = SECMARK_save_v1,
	},
};

XTABLES_EXTENSIONS(SECMARK_exts)
