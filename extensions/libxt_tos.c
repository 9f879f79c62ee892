/*
 * tos match: compares the IPv4 TOS (IPv6 traffic class) byte under a
 * mask with a value, given as value[/mask] or as a symbolic name.
 * Revision 1 (value and mask); revision 0, a plain value, is gone from
 * the kernel.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_dscp.h>
#include "tos_symbols.h"

enum { O_TOS };

static const struct xtables_option tos_opts[] = {
	{ .name = "tos", .type = XTTYPE_TOSMASK, .id = O_TOS,
	  .flags = XTOPT_MAND | XTOPT_INVERT, .max = TOS_SYMBOL_MASK },
	XTABLES_OPT_END,
};

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
