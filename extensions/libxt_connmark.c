/*
 * connmark match: compares the connection's mark (ctmark), under a
 * mask, with a value.  Revision 1; revision 0 is gone from the kernel.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_connmark.h>

/* Revision 0's data, gone from the UAPI headers: value and mask as
 * unsigned longs, then the flag. */
struct connmark_info_v0 {
	unsigned long mark, mask;
	uint8_t invert;
};

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

static int connmark_parse_v0(struct xtables_optcall *cb)
{
	struct connmark_info_v0 *info = cb->data;

	info->mark = cb->val.mark;
	info->mask = cb->val.mask;
	if (cb->invert)
		info->invert = 1;
	return 0;
}

/* Revision 0 lists under the old upper-case title. */
static void connmark_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	const struct connmark_info_v0 *info = data;

	fputs(" CONNMARK match ", out);
	if (info->invert)
		fputc('!', out);
	put_mark(out, (uint32_t)info->mark, (uint32_t)info->mask);
}

static void connmark_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	const struct connmark_info_v0 *info = data;

	if (info->invert)
		fputs(" !", out);
	fputs(" --mark", out);
	put_mark(out, (uint32_t)info->mark, (uint32_t)info->mask);
}

static const struct xtables_ext connmark_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "connmark",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct connmark_info_v0),
		.help = connmark_help,
		.options = connmark_opts,
		.parse = connmark_parse_v0,
		.print = connmark_print_v0,
		.save = connmark_save_v0,
	},
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
