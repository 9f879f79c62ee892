/*
 * libxt_length - match the packet length (layer-3 payload included)
 * against a value or an inclusive range (xt_length).
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_length.h>

enum { O_LENGTH };

static const struct xtables_option length_opts[] = {
	{ .name = "length", .type = XTTYPE_UINT16RC, .id = O_LENGTH,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void length_help(FILE *out)
{
	fputs("length match options:\n"
	      "[!] --length length[:length]    Match packet length against value or range\n"
	      "                                of values (inclusive)\n", out);
}

static int length_parse(struct xtables_optcall *cb)
{
	struct xt_length_info *info = cb->data;

	info->min = cb->val.u16_range[0];
	info->max = cb->nvals >= 2 ? cb->val.u16_range[1] : info->min;
	if (cb->invert)
		info->invert = 1;
	return 0;
}

static void length_range(FILE *out, const struct xt_length_info *info)
{
	if (info->min == info->max)
		fprintf(out, "%u", info->min);
	else
		fprintf(out, "%u:%u", info->min, info->max);
}

static void length_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct xt_length_info *info = data;

	fprintf(out, " length %s", info->invert ? "!" : "");
	length_range(out, info);
}

static void length_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct xt_length_info *info = data;

	fprintf(out, "%s --length ", info->invert ? " !" : "");
	length_range(out, info);
}

static const struct xtables_ext length_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "length",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_length_info),
		.help = length_help,
		.options = length_opts,
		.parse = length_parse,
		.print = length_print,
		.save = length_save,
	},
};

XTABLES_EXTENSIONS(length_exts)
