/*
 * libxt_ecn - match the ECN bits: CWR/ECE in the TCP header and the
 * ECN codepoint of the IP header (xt_ecn).
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_ecn.h>

enum { O_CWR, O_ECE, O_ECT };

static const struct xtables_option ecn_opts[] = {
	{ .name = "ecn-tcp-cwr", .type = XTTYPE_NONE, .id = O_CWR,
	  .flags = XTOPT_INVERT },
	{ .name = "ecn-tcp-ece", .type = XTTYPE_NONE, .id = O_ECE,
	  .flags = XTOPT_INVERT },
	{ .name = "ecn-ip-ect", .type = XTTYPE_UINT8, .id = O_ECT,
	  .flags = XTOPT_INVERT, .min = 0, .max = 3 },
	XTABLES_OPT_END,
};

/* Kernel operation bit of each option. */
static const uint8_t ecn_bits[] = {
	[O_CWR] = XT_ECN_OP_MATCH_CWR,
	[O_ECE] = XT_ECN_OP_MATCH_ECE,
	[O_ECT] = XT_ECN_OP_MATCH_IP,
};

static void ecn_help(FILE *out)
{
	fputs("ECN match options\n"
	      "[!] --ecn-tcp-cwr \t\tMatch CWR bit of TCP header\n"
	      "[!] --ecn-tcp-ece\t\tMatch ECE bit of TCP header\n"
	      "[!] --ecn-ip-ect [0..3]\tMatch ECN codepoint in IPv4/IPv6 header\n",
	      out);
}

static int ecn_parse(struct xtables_optcall *cb)
{
	struct xt_ecn_info *info = cb->data;
	uint8_t bit = ecn_bits[cb->opt->id];

	info->operation |= bit;
	if (cb->invert)
		info->invert |= bit;
	if (cb->opt->id == O_ECT)
		info->ip_ect = cb->val.u8;
	return 0;
}

static int ecn_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "ECN match: some option required");
	return 0;
}

static const char *ecn_not(const struct xt_ecn_info *info, uint8_t bit,
			   const char *mark)
{
	return info->invert & bit ? mark : "";
}

static void ecn_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_ecn_info *info = data;

	fputs(" ECN match", out);
	if (info->operation & XT_ECN_OP_MATCH_ECE)
		fprintf(out, " %sECE", ecn_not(info, XT_ECN_OP_MATCH_ECE, "!"));
	if (info->operation & XT_ECN_OP_MATCH_CWR)
		fprintf(out, " %sCWR", ecn_not(info, XT_ECN_OP_MATCH_CWR, "!"));
	if (info->operation & XT_ECN_OP_MATCH_IP)
		fprintf(out, " %sECT=%d", ecn_not(info, XT_ECN_OP_MATCH_IP, "!"),
			info->ip_ect);
}

static void ecn_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_ecn_info *info = data;

	if (info->operation & XT_ECN_OP_MATCH_ECE)
		fprintf(out, "%s --ecn-tcp-ece",
			ecn_not(info, XT_ECN_OP_MATCH_ECE, " !"));
	if (info->operation & XT_ECN_OP_MATCH_CWR)
		fprintf(out, "%s --ecn-tcp-cwr",
			ecn_not(info, XT_ECN_OP_MATCH_CWR, " !"));
	if (info->operation & XT_ECN_OP_MATCH_IP)
		fprintf(out, "%s --ecn-ip-ect %d",
			ecn_not(info, XT_ECN_OP_MATCH_IP, " !"), info->ip_ect);
}

static const struct xtables_ext ecn_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "ecn",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_ecn_info),
		.help = ecn_help,
		.options = ecn_opts,
		.parse = ecn_parse,
		.check = ecn_check,
		.print = ecn_print,
		.save = ecn_save,
	},
};

XTABLES_EXTENSIONS(ecn_exts)
