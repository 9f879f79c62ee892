/*
 * libxt_rpfilter - reverse path filter: match packets whose source
 * would be routed back out of the interface they came in on
 * (xt_rpfilter; raw and mangle PREROUTING).
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_rpfilter.h>

enum { O_LOOSE, O_VALIDMARK, O_ACCEPT_LOCAL, O_INVERT };

static const struct xtables_option rpfilter_opts[] = {
	{ .name = "loose", .type = XTTYPE_NONE, .id = O_LOOSE },
	{ .name = "validmark", .type = XTTYPE_NONE, .id = O_VALIDMARK },
	{ .name = "accept-local", .type = XTTYPE_NONE, .id = O_ACCEPT_LOCAL },
	{ .name = "invert", .type = XTTYPE_NONE, .id = O_INVERT },
	XTABLES_OPT_END,
};

/* Kernel flag and word of each option, in output order. */
static const struct {
	uint8_t flag;
	const char *word;
} rpfilter_flags[] = {
	[O_LOOSE] = { XT_RPFILTER_LOOSE, "loose" },
	[O_VALIDMARK] = { XT_RPFILTER_VALID_MARK, "validmark" },
	[O_ACCEPT_LOCAL] = { XT_RPFILTER_ACCEPT_LOCAL, "accept-local" },
	[O_INVERT] = { XT_RPFILTER_INVERT, "invert" },
};

#define NFLAGS (sizeof(rpfilter_flags) / sizeof(rpfilter_flags[0]))

static void rpfilter_help(FILE *out)
{
	fputs("rpfilter match options:\n"
	      "    --loose          permit reverse path via any interface\n"
	      "    --validmark      use skb nfmark when performing route lookup\n"
	      "    --accept-local   do not reject packets with a local source address\n"
	      "    --invert         match packets that failed the reverse path test\n",
	      out);
}

static int rpfilter_parse(struct xtables_optcall *cb)
{
	struct xt_rpfilter_info *info = cb->data;

	info->flags |= rpfilter_flags[cb->opt->id].flag;
	return 0;
}

static void rpfilter_show(FILE *out, const void *data, const char *prefix)
{
	const struct xt_rpfilter_info *info = data;

	for (unsigned int i = 0; i < NFLAGS; i++)
		if (info->flags & rpfilter_flags[i].flag)
			fprintf(out, " %s%s", prefix, rpfilter_flags[i].word);
}

static void rpfilter_print(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data, unsigned int flags)
{
	fputs(" rpfilter", out);
	rpfilter_show(out, data, "");
}

static void rpfilter_save(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data)
{
	rpfilter_show(out, data, "--");
}

static const struct xtables_ext rpfilter_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "rpfilter",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_rpfilter_info),
		.help = rpfilter_help,
		.options = rpfilter_opts,
		.parse = rpfilter_parse,
		.print = rpfilter_print,
		.save = rpfilter_save,
	},
};

XTABLES_EXTENSIONS(rpfilter_exts)
