/*
 * libxt_sdkmark.c - a small match built outside the source tree, only
 * against the installed SDK (xtables/extension.h found through
 * `pkg-config --cflags xtables`), by tests/sdk.bats.
 *
 * It is the kernel's "mark" match (revision 1) under another name, so a
 * rule using it can really be committed:
 *   iptables -m sdkmark [!] --sdkmark value[/mask]
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_mark.h>

enum { O_SDKMARK = 0 };

static const struct xtables_option sdkmark_opts[] = {
	{ .name = "sdkmark", .id = O_SDKMARK, .type = XTTYPE_MARKMASK32,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END
};

static void sdkmark_help(FILE *out)
{
	fprintf(out,
		"sdkmark match options:\n"
		"[!] --sdkmark value[/mask]    packet mark equals value under mask\n");
}

static int sdkmark_parse(struct xtables_optcall *cb)
{
	struct xt_mark_mtinfo1 *info = cb->data;

	info->mark = cb->val.mark;
	info->mask = cb->val.mask;
	info->invert = cb->invert;
	return 0;
}

static void sdkmark_put(FILE *out, const struct xt_mark_mtinfo1 *info,
			const char *label)
{
	fprintf(out, " %s%s0x%x/0x%x", info->invert ? "! " : "", label,
		info->mark, info->mask);
}

static void sdkmark_print(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	(void)ip;
	(void)flags;
	sdkmark_put(out, data, "sdkmark match ");
}

static void sdkmark_save(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	(void)ip;
	sdkmark_put(out, data, "--sdkmark ");
}

static const struct xtables_ext sdkmark_ext[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "sdkmark",
		.real_name = "mark",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_mark_mtinfo1),
		.help = sdkmark_help,
		.options = sdkmark_opts,
		.parse = sdkmark_parse,
		.print = sdkmark_print,
		.save = sdkmark_save,
	},
};

XTABLES_EXTENSIONS(sdkmark_ext)
