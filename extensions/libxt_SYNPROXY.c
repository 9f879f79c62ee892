/*
 * SYNPROXY target: answers TCP SYNs itself with SYN cookies and only
 * then opens the connection to the server, announcing the TCP options
 * given here.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_SYNPROXY.h>

enum { O_SACK_PERM, O_TIMESTAMP, O_WSCALE, O_MSS, O_ECN };

static const struct xtables_option SYNPROXY_opts[] = {
	{ .name = "sack-perm", .type = XTTYPE_NONE, .id = O_SACK_PERM },
	{ .name = "timestamp", .type = XTTYPE_NONE, .id = O_TIMESTAMP },
	{ .name = "wscale", .type = XTTYPE_UINT32, .id = O_WSCALE },
	{ .name = "mss", .type = XTTYPE_UINT32, .id = O_MSS },
	{ .name = "ecn", .type = XTTYPE_NONE, .id = O_ECN },
	XTABLES_OPT_END,
};

static void SYNPROXY_help(FILE *out)
{
	fputs("SYNPROXY target options:\n"
	      "  --sack-perm                        Set SACK_PERM\n"
	      "  --timestamp                        Set TIMESTAMP\n"
	      "  --wscale value                     Set window scaling factor\n"
	      "  --mss value                        Set MSS value\n"
	      "  --ecn                              Set ECN\n", out);
}

static int SYNPROXY_parse(struct xtables_optcall *cb)
{
	struct xt_synproxy_info *info = cb->data;

	switch (cb->opt->id) {
	case O_SACK_PERM:
		info->options |= XT_SYNPROXY_OPT_SACK_PERM;
		break;
	case O_TIMESTAMP:
		info->options |= XT_SYNPROXY_OPT_TIMESTAMP;
		break;
	case O_WSCALE:
		info->options |= XT_SYNPROXY_OPT_WSCALE;
		info->wscale = cb->val.u32;	/* truncated, as upstream */
		break;
	case O_MSS:
		info->options |= XT_SYNPROXY_OPT_MSS;
		info->mss = cb->val.u32;
		break;
	case O_ECN:
		info->options |= XT_SYNPROXY_OPT_ECN;
		break;
	}
	return 0;
}

static void SYNPROXY_print(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data, unsigned int flags)
{
	const struct xt_synproxy_info *info = data;

	fputs(" SYNPROXY ", out);
	if (info->options & XT_SYNPROXY_OPT_SACK_PERM)
		fputs("sack-perm ", out);
	if (info->options & XT_SYNPROXY_OPT_TIMESTAMP)
		fputs("timestamp ", out);
	if (info->options & XT_SYNPROXY_OPT_WSCALE)
		fprintf(out, "wscale %u ", info->wscale);
	if (info->options & XT_SYNPROXY_OPT_MSS)
		fprintf(out, "mss %u ", info->mss);
	if (info->options & XT_SYNPROXY_OPT_ECN)
		fputs("ecn ", out);
}

static void SYNPROXY_save(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data)
{
	const struct xt_synproxy_info *info = data;

	if (info->options & XT_SYNPROXY_OPT_SACK_PERM)
		fputs(" --sack-perm", out);
	if (info->options & XT_SYNPROXY_OPT_TIMESTAMP)
		fputs(" --timestamp", out);
	if (info->options & XT_SYNPROXY_OPT_WSCALE)
		fprintf(out, " --wscale %u", info->wscale);
	if (info->options & XT_SYNPROXY_OPT_MSS)
		fprintf(out, " --mss %u", info->mss);
	if (info->options & XT_SYNPROXY_OPT_ECN)
		fputs(" --ecn", out);
}

static const struct xtables_ext SYNPROXY_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "SYNPROXY",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_synproxy_info),
		.help = SYNPROXY_help,
		.options = SYNPROXY_opts,
		.parse = SYNPROXY_parse,
		.print = SYNPROXY_print,
		.save = SYNPROXY_save,
	},
};

XTABLES_EXTENSIONS(SYNPROXY_exts)
