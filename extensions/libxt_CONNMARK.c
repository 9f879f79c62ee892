/*
 * CONNMARK target: sets the connection's mark (ctmark), or copies
 * between it and the packet's nfmark under masks.  Revision 1; revision
 * 2 adds a shift of the copied or set value.  Revision 0 is gone from
 * the kernel.
 *
 * The two revisions share the first three words and the mode; the
 * functions below work on a revision-neutral view of them.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_connmark.h>

/* Revision 0 (kernels before 2.6.24), a layout the UAPI headers no
 * longer carry: mark and mask as unsigned longs, then the mode
 * (XT_CONNMARK_SET / _SAVE / _RESTORE). */
struct connmark_tginfo_v0 {
	unsigned long mark;
	unsigned long mask;
	uint8_t mode;
};

enum {
	O_SET_XMARK, O_SET_MARK, O_AND_MARK, O_OR_MARK, O_XOR_MARK,
	O_SAVE_MARK, O_RESTORE_MARK,
	O_CTMASK, O_NFMASK, O_MASK,
	O_LEFT_SHIFT, O_RIGHT_SHIFT,
};

#define F_OP_ANY ((1U << O_SET_XMARK) | (1U << O_SET_MARK) | \
		  (1U << O_AND_MARK) | (1U << O_OR_MARK) | \
		  (1U << O_XOR_MARK) | (1U << O_SAVE_MARK) | \
		  (1U << O_RESTORE_MARK))

/* Table order decides which pair a conflict message names. */
#define CONNMARK_COMMON_OPTS					\
	{ .name = "set-xmark", .type = XTTYPE_MARKMASK32,		\
	  .id = O_SET_XMARK, .excl = F_OP_ANY },			\
	{ .name = "set-mark", .type = XTTYPE_MARKMASK32,		\
	  .id = O_SET_MARK, .excl = F_OP_ANY },				\
	{ .name = "and-mark", .type = XTTYPE_UINT32, .id = O_AND_MARK,	\
	  .excl = F_OP_ANY },						\
	{ .name = "or-mark", .type = XTTYPE_UINT32, .id = O_OR_MARK,	\
	  .excl = F_OP_ANY },						\
	{ .name = "xor-mark", .type = XTTYPE_UINT32, .id = O_XOR_MARK,	\
	  .excl = F_OP_ANY },						\
	{ .name = "save-mark", .type = XTTYPE_NONE, .id = O_SAVE_MARK,	\
	  .excl = F_OP_ANY },						\
	{ .name = "restore-mark", .type = XTTYPE_NONE,			\
	  .id = O_RESTORE_MARK, .excl = F_OP_ANY }

#define CONNMARK_MASK_OPTS(st)					\
	{ .name = "ctmask", .type = XTTYPE_UINT32, .id = O_CTMASK,	\
	  .excl = 1U << O_MASK, .flags = XTOPT_PUT,			\
	  XTOPT_POINTER(st, ctmask) },				\
	{ .name = "nfmask", .type = XTTYPE_UINT32, .id = O_NFMASK,	\
	  .excl = 1U << O_MASK, .flags = XTOPT_PUT,			\
	  XTOPT_POINTER(st, nfmask) },				\
	{ .name = "mask", .type = XTTYPE_UINT32, .id = O_MASK,		\
	  .excl = (1U << O_CTMASK) | (1U << O_NFMASK) }

static const struct xtables_option CONNMARK_opts_v0[] = {
	{ .name = "set-mark", .type = XTTYPE_MARKMASK32, .id = O_SET_MARK,
	  .excl = F_OP_ANY },
	{ .name = "save-mark", .type = XTTYPE_NONE, .id = O_SAVE_MARK,
	  .excl = F_OP_ANY },
	{ .name = "restore-mark", .type = XTTYPE_NONE, .id = O_RESTORE_MARK,
	  .excl = F_OP_ANY },
	{ .name = "mask", .type = XTTYPE_UINT32, .id = O_MASK },
	XTABLES_OPT_END,
};

static const struct xtables_option CONNMARK_opts_v1[] = {
	CONNMARK_COMMON_OPTS,
	CONNMARK_MASK_OPTS(struct xt_connmark_tginfo1),
	XTABLES_OPT_END,
};

static const struct xtables_option CONNMARK_opts_v2[] = {
	CONNMARK_COMMON_OPTS,
	{ .name = "left-shift-mark", .type = XTTYPE_UINT8,
	  .id = O_LEFT_SHIFT, .max = 32 },
	{ .name = "right-shift-mark", .type = XTTYPE_UINT8,
	  .id = O_RIGHT_SHIFT, .max = 32 },
	CONNMARK_MASK_OPTS(struct xt_connmark_tginfo2),
	XTABLES_OPT_END,
};

/* The fields both revisions have, wherever each keeps them. */
struct connmark_view {
	uint32_t *ctmark, *ctmask, *nfmask;
	uint8_t *mode;
	uint8_t *shift_dir, *shift_bits;	/* NULL in revision 1 */
};

static struct connmark_view view_v1(void *data)
{
	struct xt_connmark_tginfo1 *info = data;

	return (struct connmark_view){
		.ctmark = &info->ctmark, .ctmask = &info->ctmask,
		.nfmask = &info->nfmask, .mode = &info->mode,
	};
}

static struct connmark_view view_v2(void *data)
{
	struct xt_connmark_tginfo2 *info = data;

	return (struct connmark_view){
		.ctmark = &info->ctmark, .ctmask = &info->ctmask,
		.nfmask = &info->nfmask, .mode = &info->mode,
		.shift_dir = &info->shift_dir,
		.shift_bits = &info->shift_bits,
	};
}

static const char *const shift_names[] = {
	[D_SHIFT_LEFT] = "left-shift-mark",
	[D_SHIFT_RIGHT] = "right-shift-mark",
};

static void CONNMARK_help_v1(FILE *out)
{
	fputs(
"CONNMARK target options:\n"
"  --set-xmark value[/ctmask]    Zero mask bits and XOR ctmark with value\n"
"  --save-mark [--ctmask mask] [--nfmask mask]\n"
"                                Copy ctmark to nfmark using masks\n"
"  --restore-mark [--ctmask mask] [--nfmask mask]\n"
"                                Copy nfmark to ctmark using masks\n"
"  --set-mark value[/mask]       Set conntrack mark value\n"
"  --save-mark [--mask mask]     Save the packet nfmark in the connection\n"
"  --restore-mark [--mask mask]  Restore saved nfmark value\n"
"  --and-mark value              Binary AND the ctmark with bits\n"
"  --or-mark value               Binary OR  the ctmark with bits\n"
"  --xor-mark value              Binary XOR the ctmark with bits\n", out);
}

static void CONNMARK_help_v2(FILE *out)
{
	CONNMARK_help_v1(out);
	fputs(
"  --left-shift-mark value       Left shift the ctmark with bits\n"
"  --right-shift-mark value      Right shift the ctmark with bits\n", out);
}

/* Both masks start all ones: --save-mark and --restore-mark copy every
 * bit unless told otherwise. */
static void CONNMARK_help_v0(FILE *out)
{
	fputs("CONNMARK target options:\n"
	      "  --set-mark value[/mask]       Set conntrack mark value\n"
	      "  --save-mark [--mask mask]     Save the packet nfmark in the connection\n"
	      "  --restore-mark [--mask mask]  Restore saved nfmark value\n",
	      out);
}

static void CONNMARK_init_v0(void *data)
{
	struct connmark_tginfo_v0 *info = data;

	info->mask = 0xffffffffUL;
}

static int CONNMARK_parse_v0(struct xtables_optcall *cb)
{
	struct connmark_tginfo_v0 *info = cb->data;

	switch (cb->opt->id) {
	case O_SET_MARK:
		info->mode = XT_CONNMARK_SET;
		info->mark = cb->val.mark;
		info->mask = cb->val.mask;
		break;
	case O_SAVE_MARK:
		info->mode = XT_CONNMARK_SAVE;
		break;
	case O_RESTORE_MARK:
		info->mode = XT_CONNMARK_RESTORE;
		break;
	case O_MASK:
		info->mask = cb->val.u32;
		break;
	}
	return 0;
}

/* Revision 0 output: WORDS[mode] then the mark and/or a mask that is
 * not all ones (after MASKWORD); a space follows the mode word even
 * when nothing comes after it. */
static void CONNMARK_show_v0(FILE *out, const struct connmark_tginfo_v0 *info,
			     const char *const words[3], const char *maskword)
{
	switch (info->mode) {
	case XT_CONNMARK_SET:
		fprintf(out, "%s0x%lx", words[0], info->mark);
		if (info->mask != 0xffffffffUL)
			fprintf(out, "/0x%lx", info->mask);
		break;
	case XT_CONNMARK_SAVE:
	case XT_CONNMARK_RESTORE:
		fputs(words[info->mode], out);
		if (info->mask != 0xffffffffUL)
			fprintf(out, "%s0x%lx", maskword, info->mask);
		break;
	default:
		fputs(" ERROR: UNKNOWN CONNMARK MODE", out);
		break;
	}
}

static void CONNMARK_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	static const char *const words[3] = {
		" CONNMARK set ", " CONNMARK save ", " CONNMARK restore ",
	};

	CONNMARK_show_v0(out, data, words, "mask ");
}

static void CONNMARK_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	static const char *const words[3] = {
		" --set-mark ", " --save-mark ", " --restore-mark ",
	};

	CONNMARK_show_v0(out, data, words, "--mask ");
}

static void CONNMARK_init_v1(void *data)
{
	struct xt_connmark_tginfo1 *info = data;

	info->ctmask = UINT32_MAX;
	info->nfmask = UINT32_MAX;
}

static void CONNMARK_init_v2(void *data)
{
	struct xt_connmark_tginfo2 *info = data;

	info->ctmask = UINT32_MAX;
	info->nfmask = UINT32_MAX;
}

static void parse_view(const struct xtables_optcall *cb,
		       const struct connmark_view *v)
{
	uint32_t u32 = cb->val.u32;

	switch (cb->opt->id) {
	case O_SET_XMARK:
		*v->mode = XT_CONNMARK_SET;
		*v->ctmark = cb->val.mark;
		*v->ctmask = cb->val.mask;
		break;
	case O_SET_MARK:
		*v->mode = XT_CONNMARK_SET;
		*v->ctmark = cb->val.mark;
		*v->ctmask = cb->val.mark | cb->val.mask;
		break;
	case O_AND_MARK:
		*v->mode = XT_CONNMARK_SET;
		*v->ctmark = 0;
		*v->ctmask = ~u32;
		break;
	case O_OR_MARK:
		*v->mode = XT_CONNMARK_SET;
		*v->ctmark = u32;
		*v->ctmask = u32;
		break;
	case O_XOR_MARK:
		*v->mode = XT_CONNMARK_SET;
		*v->ctmark = u32;
		*v->ctmask = 0;
		break;
	case O_SAVE_MARK:
		*v->mode = XT_CONNMARK_SAVE;
		break;
	case O_RESTORE_MARK:
		*v->mode = XT_CONNMARK_RESTORE;
		break;
	case O_MASK:
		*v->ctmask = u32;
		*v->nfmask = u32;
		break;
	case O_LEFT_SHIFT:
	case O_RIGHT_SHIFT:
		*v->shift_dir = cb->opt->id == O_LEFT_SHIFT ?
				D_SHIFT_LEFT : D_SHIFT_RIGHT;
		*v->shift_bits = cb->val.u8;
		break;
	}
}

static int CONNMARK_parse_v1(struct xtables_optcall *cb)
{
	struct connmark_view v = view_v1(cb->data);

	parse_view(cb, &v);
	return 0;
}

static int CONNMARK_parse_v2(struct xtables_optcall *cb)
{
	struct connmark_view v = view_v2(cb->data);

	parse_view(cb, &v);
	return 0;
}

static int CONNMARK_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & F_OP_ANY))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "CONNMARK target: No operation specified");
	return 0;
}

/* The shift, after the operation, when there is one. */
static void put_shift(FILE *out, const struct connmark_view *v,
		      const char *dashes)
{
	if (v->shift_bits == NULL || *v->mode > XT_CONNMARK_RESTORE ||
	    *v->shift_bits == 0)
		return;
	fprintf(out, " %s%s %u", dashes,
		*v->shift_dir <= D_SHIFT_RIGHT ? shift_names[*v->shift_dir] :
						 "",
		*v->shift_bits);
}

/* -L names the simplest operation the words amount to. */
static void print_view(FILE *out, const struct connmark_view *v)
{
	uint32_t ctmark = *v->ctmark, ctmask = *v->ctmask;
	uint32_t nfmask = *v->nfmask;

	switch (*v->mode) {
	case XT_CONNMARK_SET:
		if (ctmark == 0)
			fprintf(out, " CONNMARK and 0x%x", ~ctmask);
		else if (ctmark == ctmask)
			fprintf(out, " CONNMARK or 0x%x", ctmark);
		else if (ctmask == 0)
			fprintf(out, " CONNMARK xor 0x%x", ctmark);
		else if (ctmask == UINT32_MAX)
			fprintf(out, " CONNMARK set 0x%x", ctmark);
		else
			fprintf(out, " CONNMARK xset 0x%x/0x%x", ctmark, ctmask);
		break;
	case XT_CONNMARK_SAVE:
		if (nfmask == UINT32_MAX && ctmask == UINT32_MAX)
			fputs(" CONNMARK save", out);
		else if (nfmask == ctmask)
			fprintf(out, " CONNMARK save mask 0x%x", nfmask);
		else
			fprintf(out, " CONNMARK save nfmask 0x%x ctmask ~0x%x",
				nfmask, ctmask);
		break;
	case XT_CONNMARK_RESTORE:
		if (ctmask == UINT32_MAX && nfmask == UINT32_MAX)
			fputs(" CONNMARK restore", out);
		else if (ctmask == nfmask)
			fprintf(out, " CONNMARK restore mask 0x%x", ctmask);
		else
			fprintf(out, " CONNMARK restore ctmask 0x%x nfmask ~0x%x",
				ctmask, nfmask);
		break;
	default:
		fputs(" ERROR: UNKNOWN CONNMARK MODE", out);
		break;
	}
	put_shift(out, v, "");
}

static void save_view(FILE *out, const struct connmark_view *v)
{
	switch (*v->mode) {
	case XT_CONNMARK_SET:
		fprintf(out, " --set-xmark 0x%x/0x%x", *v->ctmark, *v->ctmask);
		break;
	case XT_CONNMARK_SAVE:
		fprintf(out, " --save-mark --nfmask 0x%x --ctmask 0x%x",
			*v->nfmask, *v->ctmask);
		break;
	case XT_CONNMARK_RESTORE:
		fprintf(out, " --restore-mark --nfmask 0x%x --ctmask 0x%x",
			*v->nfmask, *v->ctmask);
		break;
	default:
		fputs(" ERROR: UNKNOWN CONNMARK MODE", out);
		break;
	}
	put_shift(out, v, "--");
}

static void CONNMARK_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	struct connmark_view v = view_v1((void *)data);

	print_view(out, &v);
}

static void CONNMARK_print_v2(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	struct connmark_view v = view_v2((void *)data);

	print_view(out, &v);
}

static void CONNMARK_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	struct connmark_view v = view_v1((void *)data);

	save_view(out, &v);
}

static void CONNMARK_save_v2(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	struct connmark_view v = view_v2((void *)data);

	save_view(out, &v);
}

static const struct xtables_ext CONNMARK_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CONNMARK",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct connmark_tginfo_v0),
		.help = CONNMARK_help_v0,
		.init = CONNMARK_init_v0,
		.options = CONNMARK_opts_v0,
		.parse = CONNMARK_parse_v0,
		.check = CONNMARK_check,
		.print = CONNMARK_print_v0,
		.save = CONNMARK_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CONNMARK",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_connmark_tginfo1),
		.help = CONNMARK_help_v1,
		.init = CONNMARK_init_v1,
		.options = CONNMARK_opts_v1,
		.parse = CONNMARK_parse_v1,
		.check = CONNMARK_check,
		.print = CONNMARK_print_v1,
		.save = CONNMARK_save_v1,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CONNMARK",
		.revision = 2,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_connmark_tginfo2),
		.help = CONNMARK_help_v2,
		.init = CONNMARK_init_v2,
		.options = CONNMARK_opts_v2,
		.parse = CONNMARK_parse_v2,
		.check = CONNMARK_check,
		.print = CONNMARK_print_v2,
		.save = CONNMARK_save_v2,
	},
};

XTABLES_EXTENSIONS(CONNMARK_exts)
