/*
 * TOS target (mangle table): rewrites the IPv4 TOS (IPv6 traffic
 * class) byte - "zero the bits of mask, then XOR value in", of which
 * --and-tos, --or-tos and --xor-tos are special cases.  Revision 1;
 * revision 0, a plain value, is gone from the kernel.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_DSCP.h>
#include "tos_symbols.h"

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
