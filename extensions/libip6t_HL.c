/*
 * HL target (IPv6, mangle table): sets, increments or decrements the
 * packet's hop limit.
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_HL.h>

enum { O_HL_SET, O_HL_INC, O_HL_DEC };

#define HL_ANY ((1U << O_HL_SET) | (1U << O_HL_INC) | (1U << O_HL_DEC))

/* Table order decides which pair a conflict message names. */
static const struct xtables_option HL_opts[] = {
	{ .name = "hl-set", .type = XTTYPE_UINT8, .id = O_HL_SET,
	  .excl = HL_ANY },
	{ .name = "hl-dec", .type = XTTYPE_UINT8, .id = O_HL_DEC,
	  .excl = HL_ANY, .min = 1 },
	{ .name = "hl-inc", .type = XTTYPE_UINT8, .id = O_HL_INC,
	  .excl = HL_ANY, .min = 1 },
	XTABLES_OPT_END,
};

static const uint8_t mode_of[] = {
	[O_HL_SET] = IP6T_HL_SET, [O_HL_INC] = IP6T_HL_INC,
	[O_HL_DEC] = IP6T_HL_DEC,
};

/* -L words and save options per mode. */
static const struct {
	const char *words;
	const char *option;
} modes[] = {
	[IP6T_HL_SET] = { "set to", "--hl-set" },
	[IP6T_HL_INC] = { "increment by", "--hl-inc" },
	[IP6T_HL_DEC] = { "decrement by", "--hl-dec" },
};
#define N_MODES (sizeof(modes) / sizeof(modes[0]))

static void HL_help(FILE *out)
{
	fputs("HL target options\n"
	      "  --hl-set value\t\tSet HL to <value 0-255>\n"
	      "  --hl-dec value\t\tDecrement HL by <value 1-255>\n"
	      "  --hl-inc value\t\tIncrement HL by <value 1-255>\n", out);
}

static int HL_parse(struct xtables_optcall *cb)
{
	struct ip6t_HL_info *info = cb->data;

	info->hop_limit = cb->val.u8;
	info->mode = mode_of[cb->opt->id];
	return 0;
}

static int HL_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & HL_ANY))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "HL: You must specify an action");
	return 0;
}

static void HL_print(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data, unsigned int flags)
{
	const struct ip6t_HL_info *info = data;

	fputs(" HL ", out);
	if (info->mode < N_MODES)
		fprintf(out, "%s ", modes[info->mode].words);
	fprintf(out, "%u", info->hop_limit);
}

static void HL_save(FILE *out, const struct xtables_rule_ip *ip,
		    const void *data)
{
	const struct ip6t_HL_info *info = data;

	if (info->mode < N_MODES)
		fprintf(out, " %s", modes[info->mode].option);
	fprintf(out, " %u", info->hop_limit);
}

static const struct xtables_ext HL_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "HL",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_HL_info),
		.help = HL_help,
		.options = HL_opts,
		.parse = HL_parse,
		.check = HL_check,
		.print = HL_print,
		.save = HL_save,
	},
};

XTABLES_EXTENSIONS(HL_exts)
