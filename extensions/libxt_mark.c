/*
 * mark match: compares the packet's nfmark, under a mask, with a value.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_mark.h>

enum { O_MARK };

static const struct xtables_option mark_opts[] = {
	{ .name = "mark", .type = XTTYPE_MARKMASK32, .id = O_MARK,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void mark_help(FILE *out)
{
	fputs("mark match options:\n"
	      "[!] --mark value[/mask]    Match nfmark value with optional mask\n",
	      out);
}

static int mark_parse(struct xtables_optcall *cb)
{
	struct xt_mark_mtinfo1 *info = cb->data;

	info->mark = cb->val.mark;
	info->mask = cb->val.mask;
	if (cb->invert)
		info->invert = 1;
	return 0;
}

/* The mask is left out when it is all ones. */
static void mark_value(FILE *out, uint32_t mark, uint32_t mask)
{
	if (mask == 0xffffffffU)
		fprintf(out, " 0x%x", mark);
	else
		fprintf(out, " 0x%x/0x%x", mark, mask);
}

static void mark_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct xt_mark_mtinfo1 *info = data;

	fputs(" mark match", out);
	if (info->invert)
		fputs(" !", out);
	mark_value(out, info->mark, info->mask);
}

static void mark_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct xt_mark_mtinfo1 *info = data;

	if (info->invert)
		fputs(" !", out);
	fputs(" --mark", out);
	mark_value(out, info->mark, info->mask);
}

static const struct xtables_ext mark_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "mark",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_mark_mtinfo1),
		.help = mark_help,
		.options = mark_opts,
		.parse = mark_parse,
		.print = mark_print,
		.save = mark_save,
	},
};

XTABLES_EXTENSIONS(mark_exts)
