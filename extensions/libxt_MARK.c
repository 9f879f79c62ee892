/*
 * MARK target: changes the packet's nfmark.  Revision 2 carries one
 * operation, "clear the bits of mask, then XOR mark in"; every option
 * is expressed in those two words.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_mark.h>

enum { O_SET_XMARK, O_SET_MARK, O_AND_MARK, O_OR_MARK, O_XOR_MARK };

#define MARK_ANY ((1U << O_SET_XMARK) | (1U << O_SET_MARK) | \
		  (1U << O_AND_MARK) | (1U << O_OR_MARK) | (1U << O_XOR_MARK))

static const struct xtables_option MARK_opts[] = {
	{ .name = "set-xmark", .type = XTTYPE_MARKMASK32, .id = O_SET_XMARK,
	  .excl = MARK_ANY },
	{ .name = "set-mark", .type = XTTYPE_MARKMASK32, .id = O_SET_MARK,
	  .excl = MARK_ANY },
	{ .name = "and-mark", .type = XTTYPE_UINT32, .id = O_AND_MARK,
	  .excl = MARK_ANY },
	{ .name = "or-mark", .type = XTTYPE_UINT32, .id = O_OR_MARK,
	  .excl = MARK_ANY },
	{ .name = "xor-mark", .type = XTTYPE_UINT32, .id = O_XOR_MARK,
	  .excl = MARK_ANY },
	XTABLES_OPT_END,
};

static void MARK_help(FILE *out)
{
	fputs("MARK target options:\n"
	      "  --set-xmark value[/mask]  Clear bits in mask and XOR value into nfmark\n"
	      "  --set-mark value[/mask]   Clear bits in mask and OR value into nfmark\n"
	      "  --and-mark bits           Binary AND the nfmark with bits\n"
	      "  --or-mark bits            Binary OR the nfmark with bits\n"
	      "  --xor-mark bits           Binary XOR the nfmark with bits\n",
	      out);
}

static int MARK_parse(struct xtables_optcall *cb)
{
	struct xt_mark_tginfo2 *info = cb->data;

	switch (cb->opt->id) {
	case O_SET_XMARK:
		info->mark = cb->val.mark;
		info->mask = cb->val.mask;
		break;
	case O_SET_MARK:
		info->mark = cb->val.mark;
		info->mask = cb->val.mark | cb->val.mask;
		break;
	case O_AND_MARK:
		info->mark = 0;
		info->mask = ~cb->val.u32;
		break;
	case O_OR_MARK:
		info->mark = cb->val.u32;
		info->mask = cb->val.u32;
		break;
	case O_XOR_MARK:
		info->mark = cb->val.u32;
		info->mask = 0;
		break;
	}
	return 0;
}

static int MARK_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"MARK: One of the --set-xmark, "
			"--{and,or,xor,set}-mark options is required");
	return 0;
}

/* -L names the simplest operation the two words amount to. */
static void MARK_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct xt_mark_tginfo2 *info = data;

	if (info->mark == 0)
		fprintf(out, " MARK and 0x%x", (uint32_t)~info->mask);
	else if (info->mark == info->mask)
		fprintf(out, " MARK or 0x%x", info->mark);
	else if (info->mask == 0)
		fprintf(out, " MARK xor 0x%x", info->mark);
	else if (info->mask == 0xffffffffU)
		fprintf(out, " MARK set 0x%x", info->mark);
	else
		fprintf(out, " MARK xset 0x%x/0x%x", info->mark, info->mask);
}

static void MARK_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct xt_mark_tginfo2 *info = data;

	fprintf(out, " --set-xmark 0x%x/0x%x", info->mark, info->mask);
}

static const struct xtables_ext MARK_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "MARK",
		.revision = 2,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_mark_tginfo2),
		.help = MARK_help,
		.options = MARK_opts,
		.parse = MARK_parse,
		.check = MARK_check,
		.print = MARK_print,
		.save = MARK_save,
	},
};

XTABLES_EXTENSIONS(MARK_exts)
