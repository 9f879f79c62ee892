/*
 * connmark match: compares the connection's mark (ctmark), under a
 * mask, with a value.  Revision 1; revision 0 is gone from the kernel.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_connmark.h>

enum { O_MARK };

static const struct xtables_option connmark_opts[] = {
	{ .name = "mark", .type = XTTYPE_MARKMASK32, .id = O_MARK,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void connmark_help(FILE *out)
{
	fputs("connmark match options:\n"
	      "[!] --mark value[/mask]    Match ctmark value with optional mask\n",
	      out);
}

static int connmark_parse(struct xtables_optcall *cb)
{
	struct xt_connmark_mtinfo1 *info = cb->data;

	info->mark = cb->val.mark;
	info->mask = cb->val.mask;
	if (cb->invert)
		info->invert = 1;
	return 0;
}

/* The mask is left out when it is all ones. */
static void put_mark(FILE *out, uint32_t mark, uint32_t mask)
{
	if (mask == 0xffffffffU)
		fprintf(out, " 0x%x", mark);
	else
		fprintf(out, " 0x%x/0x%x", mark, mask);
}

static void connmark_print(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data, unsigned int flags)
{
	const struct xt_connmark_mtinfo1 *info = data;

	fputs(" connmark match ", out);
	if (info->invert)
		fputc('!', out);
	put_mark(out, info->mark, info->mask);
}

static void connmark_save(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data)
{
	const struct xt_connmark_mtinfo1 *info = data;

	if (info->invert)
		fputs(" !", out);
	fputs(" --mark", out);
	put_mark(out, info->mark, info->mask);
}

static const struct xtables_ext connmark_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "connmark",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_connmark_mtinfo1),
		.help = connmark_help,
		.options = connmark_opts,
		.parse = connmark_parse,
		.print = connmark_print,
		.save = connmark_save,
	},
};

XTABLES_EXTENSIONS(connmark_exts)
