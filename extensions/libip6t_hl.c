/*
 * hl match (IPv6): compares the packet's hop limit with a value -
 * equal (invertible), less than, or greater than.
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_hl.h>

enum { O_HL_EQ, O_HL_LT, O_HL_GT };

#define HL_ANY ((1U << O_HL_EQ) | (1U << O_HL_LT) | (1U << O_HL_GT))

/* Table order decides which pair a conflict message names. */
static const struct xtables_option hl_opts[] = {
	{ .name = "hl-lt", .type = XTTYPE_UINT8, .id = O_HL_LT,
	  .excl = HL_ANY },
	{ .name = "hl-gt", .type = XTTYPE_UINT8, .id = O_HL_GT,
	  .excl = HL_ANY },
	{ .name = "hl-eq", .type = XTTYPE_UINT8, .id = O_HL_EQ,
	  .excl = HL_ANY, .flags = XTOPT_INVERT },
	/* short for --hl-eq */
	{ .name = "hl", .type = XTTYPE_UINT8, .id = O_HL_EQ,
	  .excl = HL_ANY },
	XTABLES_OPT_END,
};

static const uint8_t mode_of[] = {
	[O_HL_EQ] = IP6T_HL_EQ, [O_HL_LT] = IP6T_HL_LT, [O_HL_GT] = IP6T_HL_GT,
};

/* Per mode: the -L operator, the save option and its "!". */
static const struct {
	const char *op;
	const char *option;
} modes[] = {
	[IP6T_HL_EQ] = { "==", " --hl-eq" },
	[IP6T_HL_NE] = { "!=", " ! --hl-eq" },
	[IP6T_HL_LT] = { "<", " --hl-lt" },
	[IP6T_HL_GT] = { ">", " --hl-gt" },
};
#define N_MODES (sizeof(modes) / sizeof(modes[0]))

static void hl_help(FILE *out)
{
	fputs("hl match options:\n"
	      "[!] --hl-eq value\tMatch hop limit value\n"
	      "  --hl-lt value\tMatch HL < value\n"
	      "  --hl-gt value\tMatch HL > value\n", out);
}

static int hl_parse(struct xtables_optcall *cb)
{
	struct ip6t_hl_info *info = cb->data;

	info->hop_limit = cb->val.u8;
	info->mode = mode_of[cb->opt->id];
	if (cb->opt->id == O_HL_EQ && cb->invert)
		info->mode = IP6T_HL_NE;
	return 0;
}

static int hl_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & HL_ANY))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"HL match: You must specify one of "
			"`--hl-eq', `--hl-lt', `--hl-gt'");
	return 0;
}

static void hl_print(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data, unsigned int flags)
{
	const struct ip6t_hl_info *info = data;

	fprintf(out, " HL match HL %s %u",
		info->mode < N_MODES ? modes[info->mode].op : "(null)",
		info->hop_limit);
}

static void hl_save(FILE *out, const struct xtables_rule_ip *ip,
		    const void *data)
{
	const struct ip6t_hl_info *info = data;

	fprintf(out, "%s %u",
		info->mode < N_MODES ? modes[info->mode].option : " (null)",
		info->hop_limit);
}

static const struct xtables_ext hl_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "hl",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_hl_info),
		.help = hl_help,
		.options = hl_opts,
		.parse = hl_parse,
		.check = hl_check,
		.print = hl_print,
		.save = hl_save,
	},
};

XTABLES_EXTENSIONS(hl_exts)
