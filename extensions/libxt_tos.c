/*
 * tos match: compares the IPv4 TOS (IPv6 traffic class) byte under a
 * mask with a value, given as value[/mask] or as a symbolic name.
 * Revision 1 (value and mask); revision 0, a plain value (IPv4), for
 * kernels that lack revision 1.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_dscp.h>
#include "tos_symbols.h"

/* Revision 0 (IPv4 only, kernels before 2.6.25), a layout the UAPI
 * headers no longer carry: the TOS byte to compare whole, and the
 * inversion flag. */
struct tos_mtinfo_v0 {
	uint8_t tos;
	uint8_t invert;
};

enum { O_TOS };

static const struct xtables_option tos_opts[] = {
	{ .name = "tos", .type = XTTYPE_TOSMASK, .id = O_TOS,
	  .flags = XTOPT_MAND | XTOPT_INVERT, .max = TOS_SYMBOL_MASK },
	XTABLES_OPT_END,
};

/* Revision 0: a symbol stands for the whole byte. */
static const struct xtables_option tos_opts_v0[] = {
	{ .name = "tos", .type = XTTYPE_TOSMASK, .id = O_TOS,
	  .flags = XTOPT_MAND | XTOPT_INVERT, .max = 0xff },
	XTABLES_OPT_END,
};

static int tos_parse_v0(struct xtables_optcall *cb)
{
	struct tos_mtinfo_v0 *info = cb->data;

	if (cb->val.tos_mask != 0xff)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"tos: Your kernel is too old to support anything "
			"besides /0xFF as a mask.");
	info->tos = cb->val.tos_value;
	if (cb->invert)
		info->invert = 1;
	return 0;
}

static void tos_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct tos_mtinfo_v0 *info = data;

	fputs(" tos match", out);
	if (info->invert)
		fputc('!', out);
	if ((flags & XTABLES_PRINT_NUMERIC) ||
	    !tos_symbols_print(out, "", info->tos, TOS_SYMBOL_MASK))
		fprintf(out, "0x%02x", info->tos);
}

static void tos_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct tos_mtinfo_v0 *info = data;

	fprintf(out, "%s --tos 0x%02x", info->invert ? " !" : "", info->tos);
}

static void tos_help(FILE *out)
{
	fputs("tos match options:\n"
	      "[!] --tos value[/mask]    Match Type of Service/Priority field value\n"
	      "[!] --tos symbol          Match TOS field (IPv4 only) by symbol\n"
	      "                          Accepted symbolic names for value are:\n",
	      out);
	tos_symbols_help(out, 26);
	fputc('\n', out);
}

static int tos_parse(struct xtables_optcall *cb)
{
	struct xt_tos_match_info *info = cb->data;

	info->tos_value = cb->val.tos_value;
	info->tos_mask = cb->val.tos_mask;
	if (cb->invert)
		info->invert = 1;
	return 0;
}

static void tos_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_tos_match_info *info = data;

	fputs(" tos match", out);
	if (info->invert)
		fputc('!', out);
	if ((flags & XTABLES_PRINT_NUMERIC) ||
	    !tos_symbols_print(out, "", info->tos_value, info->tos_mask))
		fprintf(out, "0x%02x/0x%02x", info->tos_value, info->tos_mask);
}

static void tos_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_tos_match_info *info = data;

	fprintf(out, "%s --tos 0x%02x/0x%02x", info->invert ? " !" : "",
		info->tos_value, info->tos_mask);
}

static const struct xtables_ext tos_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "tos",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct tos_mtinfo_v0),
		.help = tos_help,
		.options = tos_opts_v0,
		.parse = tos_parse_v0,
		.print = tos_print_v0,
		.save = tos_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "tos",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_tos_match_info),
		.help = tos_help,
		.options = tos_opts,
		.parse = tos_parse,
		.print = tos_print,
		.save = tos_save,
	},
};

XTABLES_EXTENSIONS(tos_exts)
