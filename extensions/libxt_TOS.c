/*
 * TOS target (mangle table): rewrites the IPv4 TOS (IPv6 traffic
 * class) byte - "zero the bits of mask, then XOR value in", of which
 * --and-tos, --or-tos and --xor-tos are special cases.  Revision 1;
 * revision 0, a plain value (IPv4), for kernels that lack it.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_DSCP.h>
#include "tos_symbols.h"

/* Revision 0 (IPv4 only, kernels before 2.6.25), a layout the UAPI
 * headers no longer carry: the new TOS byte, set as a whole. */
struct tos_tginfo_v0 {
	uint8_t tos;
};

enum { O_SET_TOS, O_AND_TOS, O_OR_TOS, O_XOR_TOS };

#define TOS_ANY ((1U << O_SET_TOS) | (1U << O_AND_TOS) | \
		 (1U << O_OR_TOS) | (1U << O_XOR_TOS))

static const struct xtables_option TOS_opts[] = {
	{ .name = "set-tos", .type = XTTYPE_TOSMASK, .id = O_SET_TOS,
	  .excl = TOS_ANY, .max = TOS_SYMBOL_MASK },
	{ .name = "and-tos", .type = XTTYPE_UINT8, .id = O_AND_TOS,
	  .excl = TOS_ANY },
	{ .name = "or-tos", .type = XTTYPE_UINT8, .id = O_OR_TOS,
	  .excl = TOS_ANY },
	{ .name = "xor-tos", .type = XTTYPE_UINT8, .id = O_XOR_TOS,
	  .excl = TOS_ANY },
	XTABLES_OPT_END,
};

/* Revision 0: --set-tos only; a symbol stands for the whole byte. */
static const struct xtables_option TOS_opts_v0[] = {
	{ .name = "set-tos", .type = XTTYPE_TOSMASK, .id = O_SET_TOS,
	  .excl = TOS_ANY, .max = 0xff },
	XTABLES_OPT_END,
};

static void TOS_help_v0(FILE *out)
{
	fputs("TOS target options:\n"
	      "  --set-tos value     Set Type of Service/Priority field to value\n"
	      "  --set-tos symbol    Set TOS field (IPv4 only) by symbol\n"
	      "                      Accepted symbolic names for value are:\n",
	      out);
	tos_symbols_help(out, 24);
	fputc('\n', out);
}

static int TOS_parse_v0(struct xtables_optcall *cb)
{
	struct tos_tginfo_v0 *info = cb->data;

	if (cb->val.tos_mask != 0xff)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"tos match: Your kernel is too old to support "
			"anything besides /0xFF as a mask.");
	info->tos = cb->val.tos_value;
	return 0;
}

static void TOS_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct tos_tginfo_v0 *info = data;

	fputs(" TOS set ", out);
	if ((flags & XTABLES_PRINT_NUMERIC) ||
	    !tos_symbols_print(out, "", info->tos, 0xff))
		fprintf(out, "0x%02x", info->tos);
}

static void TOS_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct tos_tginfo_v0 *info = data;

	fprintf(out, " --set-tos 0x%02x", info->tos);
}

static void TOS_help(FILE *out)
{
	/* the reference prints its library's soname where it means the
	 * version */
	fputs("TOS target vlibxtables.so.12 options:\n"
	      "  --set-tos value[/mask]  Set Type of Service/Priority field to value\n"
	      "                          (Zero out bits in mask and XOR value into TOS)\n"
	      "  --set-tos symbol        Set TOS field (IPv4 only) by symbol\n"
	      "                          (this zeroes the 4-bit Precedence part!)\n"
	      "                          Accepted symbolic names for value are:\n",
	      out);
	tos_symbols_help(out, 28);
	fputs("\n"
	      "  --and-tos bits          Binary AND the TOS value with bits\n"
	      "  --or-tos  bits          Binary OR the TOS value with bits\n"
	      "  --xor-tos bits          Binary XOR the TOS value with bits\n",
	      out);
}

static int TOS_parse(struct xtables_optcall *cb)
{
	struct xt_tos_target_info *info = cb->data;

	switch (cb->opt->id) {
	case O_SET_TOS:
		info->tos_value = cb->val.tos_value;
		info->tos_mask = cb->val.tos_mask;
		break;
	case O_AND_TOS:
		info->tos_value = 0;
		info->tos_mask = (uint8_t)~cb->val.u8;
		break;
	case O_OR_TOS:
		info->tos_value = cb->val.u8;
		info->tos_mask = cb->val.u8;
		break;
	case O_XOR_TOS:
		info->tos_value = cb->val.u8;
		info->tos_mask = 0;
		break;
	}
	return 0;
}

static int TOS_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & TOS_ANY))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "TOS: An action is required");
	return 0;
}

/* -L names the simplest operation the two bytes amount to. */
static void TOS_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_tos_target_info *info = data;

	if (flags & XTABLES_PRINT_NUMERIC)
		fprintf(out, " TOS set 0x%02x/0x%02x", info->tos_value,
			info->tos_mask);
	else if (tos_symbols_print(out, " TOS set", info->tos_value,
				   info->tos_mask))
		return;
	else if (info->tos_value == 0)
		fprintf(out, " TOS and 0x%02x", (uint8_t)~info->tos_mask);
	else if (info->tos_value == info->tos_mask)
		fprintf(out, " TOS or 0x%02x", info->tos_value);
	else if (info->tos_mask == 0)
		fprintf(out, " TOS xor 0x%02x", info->tos_value);
	else
		fprintf(out, " TOS set 0x%02x/0x%02x", info->tos_value,
			info->tos_mask);
}

static void TOS_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_tos_target_info *info = data;

	fprintf(out, " --set-tos 0x%02x/0x%02x", info->tos_value,
		info->tos_mask);
}

static const struct xtables_ext TOS_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TOS",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct tos_tginfo_v0),
		.help = TOS_help_v0,
		.options = TOS_opts_v0,
		.parse = TOS_parse_v0,
		.check = TOS_check,
		.print = TOS_print_v0,
		.save = TOS_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TOS",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_tos_target_info),
		.help = TOS_help,
		.options = TOS_opts,
		.parse = TOS_parse,
		.check = TOS_check,
		.print = TOS_print,
		.save = TOS_save,
	},
};

XTABLES_EXTENSIONS(TOS_exts)
