/*
 * TCPMSS target (mangle table): rewrites the MSS option of TCP SYN
 * packets, to a fixed value or to what the path MTU allows.  The
 * largest MSS is the largest packet minus the IP and TCP headers, so it
 * differs by family.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_TCPMSS.h>

enum { O_SET_MSS, O_CLAMP_MSS };

/* The reference bounds --set-mss by 65535 minus the IP header. */
#define MSS_MAX_IPV4 (UINT16_MAX - 20)
#define MSS_MAX_IPV6 (UINT16_MAX - 40)

static const struct xtables_option TCPMSS4_opts[] = {
	{ .name = "set-mss", .type = XTTYPE_UINT16, .id = O_SET_MSS,
	  .max = MSS_MAX_IPV4 },
	{ .name = "clamp-mss-to-pmtu", .type = XTTYPE_NONE, .id = O_CLAMP_MSS },
	XTABLES_OPT_END,
};

static const struct xtables_option TCPMSS6_opts[] = {
	{ .name = "set-mss", .type = XTTYPE_UINT16, .id = O_SET_MSS,
	  .max = MSS_MAX_IPV6 },
	{ .name = "clamp-mss-to-pmtu", .type = XTTYPE_NONE, .id = O_CLAMP_MSS },
	XTABLES_OPT_END,
};

static void TCPMSS_help_hdr(FILE *out, unsigned int hdrlen)
{
	fprintf(out,
"TCPMSS target mutually-exclusive options:\n"
"  --set-mss value               explicitly set MSS option to specified value\n"
"  --clamp-mss-to-pmtu           automatically clamp MSS value to (path_MTU - %u)\n",
		hdrlen);
}

static void TCPMSS4_help(FILE *out)
{
	TCPMSS_help_hdr(out, 20);
}

static void TCPMSS6_help(FILE *out)
{
	TCPMSS_help_hdr(out, 40);
}

/* Given both options, the later one counts. */
static int TCPMSS_parse(struct xtables_optcall *cb)
{
	struct xt_tcpmss_info *info = cb->data;

	if (cb->opt->id == O_SET_MSS)
		info->mss = cb->val.u16;
	else
		info->mss = XT_TCPMSS_CLAMP_PMTU;
	return 0;
}

static int TCPMSS_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"TCPMSS target: At least one parameter is required");
	return 0;
}

static void TCPMSS_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct xt_tcpmss_info *info = data;

	if (info->mss == XT_TCPMSS_CLAMP_PMTU)
		fputs(" TCPMSS clamp to PMTU", out);
	else
		fprintf(out, " TCPMSS set %u", info->mss);
}

static void TCPMSS_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct xt_tcpmss_info *info = data;

	if (info->mss == XT_TCPMSS_CLAMP_PMTU)
		fputs(" --clamp-mss-to-pmtu", out);
	else
		fprintf(out, " --set-mss %u", info->mss);
}

static const struct xtables_ext TCPMSS_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TCPMSS",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct xt_tcpmss_info),
		.help = TCPMSS4_help,
		.options = TCPMSS4_opts,
		.parse = TCPMSS_parse,
		.check = TCPMSS_check,
		.print = TCPMSS_print,
		.save = TCPMSS_save,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TCPMSS",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct xt_tcpmss_info),
		.help = TCPMSS6_help,
		.options = TCPMSS6_opts,
		.parse = TCPMSS_parse,
		.check = TCPMSS_check,
		.print = TCPMSS_print,
		.save = TCPMSS_save,
	},
};

XTABLES_EXTENSIONS(TCPMSS_exts)
