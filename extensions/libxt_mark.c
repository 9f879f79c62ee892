/*
 * mark match: compares the packet's nfmark, under a mask, with a value.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_mark.h>

/* Revision 0's data, which the UAPI headers no longer carry: value and
 * mask as unsigned longs (so 8 bytes each on 64-bit), then the flag. */
struct mark_info_v0 {
	unsigned long mark, mask;
	uint8_t invert;
};

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

static int mark_parse_v0(struct xtables_optcall *cb)
{
	struct mark_info_v0 *info = cb->data;

	info->mark = cb->val.mark;
	info->mask = cb->val.mask;
	if (cb->invert)
		info->invert = 1;
	return 0;
}

/* Revision 0 lists under the old upper-case title. */
static void mark_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	const struct mark_info_v0 *info = data;

	fputs(" MARK match", out);
	if (info->invert)
		fputs(" !", out);
	mark_value(out, (uint32_t)info->mark, (uint32_t)info->mask);
}

static void mark_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	const struct mark_info_v0 *info = data;

	if (info->invert)
		fputs(" !", out);
	fputs(" --mark", out);
	mark_value(out, (uint32_t)info->mark, (uint32_t)info->mask);
}

static const struct xtables_ext mark_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "mark",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct mark_info_v0),
		.help = mark_help,
		.options = mark_opts,
		.parse = mark_parse_v0,
		.print = mark_print_v0,
		.save = mark_save_v0,
	},
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
