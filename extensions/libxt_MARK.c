/*
 * MARK target: changes the packet's nfmark.  Revision 2 carries one
 * operation, "clear the bits of mask, then XOR mark in"; every option
 * is expressed in those two words.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_mark.h>

/* Revisions 0 and 1 (kernels before 2.6.24), whose layouts the UAPI
 * headers no longer carry: the mark is an unsigned long; revision 1
 * (IPv4 only) adds the operation, one of MARK_V1_SET/AND/OR. */
struct mark_tginfo_v0 {
	unsigned long mark;
};

struct mark_tginfo_v1 {
	unsigned long mark;
	uint8_t mode;
};

enum { MARK_V1_SET, MARK_V1_AND, MARK_V1_OR };

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

/* Revisions 0 and 1: plain 32-bit values, no masks. */
static const struct xtables_option MARK_opts_v0[] = {
	{ .name = "set-mark", .type = XTTYPE_UINT32, .id = O_SET_MARK,
	  .excl = MARK_ANY },
	{ .name = "and-mark", .type = XTTYPE_UINT32, .id = O_AND_MARK,
	  .excl = MARK_ANY },
	{ .name = "or-mark", .type = XTTYPE_UINT32, .id = O_OR_MARK,
	  .excl = MARK_ANY },
	XTABLES_OPT_END,
};

static void MARK_help_v0(FILE *out)
{
	fputs("MARK target options:\n"
	      "  --set-mark value                   Set nfmark value\n"
	      "  --and-mark value                   Binary AND the nfmark with value\n"
	      "  --or-mark  value                   Binary OR  the nfmark with value\n",
	      out);
}

/* Revision 0 can only set. */
static int MARK_parse_v0(struct xtables_optcall *cb)
{
	struct mark_tginfo_v0 *info = cb->data;

	if (cb->opt->id != O_SET_MARK)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "MARK target: kernel too old for --%s",
				    cb->opt->name);
	info->mark = cb->val.u32;
	return 0;
}

static int MARK_parse_v1(struct xtables_optcall *cb)
{
	struct mark_tginfo_v1 *info = cb->data;

	switch (cb->opt->id) {
	case O_SET_MARK:
		info->mode = MARK_V1_SET;
		break;
	case O_AND_MARK:
		info->mode = MARK_V1_AND;
		break;
	case O_OR_MARK:
		info->mode = MARK_V1_OR;
		break;
	}
	info->mark = cb->val.u32;
	return 0;
}

static int MARK_check_v0(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"MARK target: Parameter --set/and/or-mark is required");
	return 0;
}

static void MARK_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	const struct mark_tginfo_v0 *info = data;

	fprintf(out, " MARK set 0x%lx", info->mark);
}

static void MARK_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	const struct mark_tginfo_v0 *info = data;

	fprintf(out, " --set-mark 0x%lx", info->mark);
}

/* Index: the revision 1 mode. */
static const char *const MARK_v1_ops[] = { "set", "and", "or" };

static void MARK_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	const struct mark_tginfo_v1 *info = data;

	if (info->mode <= MARK_V1_OR)
		fprintf(out, " MARK %s", MARK_v1_ops[info->mode]);
	fprintf(out, " 0x%lx", info->mark);
}

static void MARK_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	const struct mark_tginfo_v1 *info = data;

	if (info->mode <= MARK_V1_OR)
		fprintf(out, " --%s-mark", MARK_v1_ops[info->mode]);
	fprintf(out, " 0x%lx", info->mark);
}

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
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct mark_tginfo_v0),
		.help = MARK_help_v0,
		.options = MARK_opts_v0,
		.parse = MARK_parse_v0,
		.check = MARK_check_v0,
		.print = MARK_print_v0,
		.save = MARK_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "MARK",
		.revision = 1,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct mark_tginfo_v1),
		.help = MARK_help_v0,
		.options = MARK_opts_v0,
		.parse = MARK_parse_v1,
		.check = MARK_check_v0,
		.print = MARK_print_v1,
		.save = MARK_save_v1,
	},
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
