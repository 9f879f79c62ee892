/*
 * TTL target (IPv4, mangle table): sets, increments or decrements the
 * packet's time-to-live.
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv4/ipt_TTL.h>

enum { O_TTL_SET, O_TTL_INC, O_TTL_DEC };

#define TTL_ANY ((1U << O_TTL_SET) | (1U << O_TTL_INC) | (1U << O_TTL_DEC))

/* Table order decides which pair a conflict message names. */
static const struct xtables_option TTL_opts[] = {
	{ .name = "ttl-set", .type = XTTYPE_UINT8, .id = O_TTL_SET,
	  .excl = TTL_ANY },
	{ .name = "ttl-dec", .type = XTTYPE_UINT8, .id = O_TTL_DEC,
	  .excl = TTL_ANY, .min = 1 },
	{ .name = "ttl-inc", .type = XTTYPE_UINT8, .id = O_TTL_INC,
	  .excl = TTL_ANY, .min = 1 },
	XTABLES_OPT_END,
};

static const uint8_t mode_of[] = {
	[O_TTL_SET] = IPT_TTL_SET, [O_TTL_INC] = IPT_TTL_INC,
	[O_TTL_DEC] = IPT_TTL_DEC,
};

/* -L words and save options per mode. */
static const struct {
	const char *words;
	const char *option;
} modes[] = {
	[IPT_TTL_SET] = { "set to", "--ttl-set" },
	[IPT_TTL_INC] = { "increment by", "--ttl-inc" },
	[IPT_TTL_DEC] = { "decrement by", "--ttl-dec" },
};

static void TTL_help(FILE *out)
{
	fputs("TTL target options\n"
	      "  --ttl-set value\t\tSet TTL to <value 0-255>\n"
	      "  --ttl-dec value\t\tDecrement TTL by <value 1-255>\n"
	      "  --ttl-inc value\t\tIncrement TTL by <value 1-255>\n", out);
}

static int TTL_parse(struct xtables_optcall *cb)
{
	struct ipt_TTL_info *info = cb->data;

	info->ttl = cb->val.u8;
	info->mode = mode_of[cb->opt->id];
	return 0;
}

static int TTL_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & TTL_ANY))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "TTL: You must specify an action");
	return 0;
}

static void TTL_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct ipt_TTL_info *info = data;

	fputs(" TTL ", out);
	if (info->mode <= IPT_TTL_MAXMODE)
		fprintf(out, "%s ", modes[info->mode].words);
	fprintf(out, "%u", info->ttl);
}

static void TTL_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct ipt_TTL_info *info = data;

	if (info->mode <= IPT_TTL_MAXMODE)
		fprintf(out, " %s", modes[info->mode].option);
	fprintf(out, " %u", info->ttl);
}

static const struct xtables_ext TTL_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TTL",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct ipt_TTL_info),
		.help = TTL_help,
		.options = TTL_opts,
		.parse = TTL_parse,
		.check = TTL_check,
		.print = TTL_print,
		.save = TTL_save,
	},
};

XTABLES_EXTENSIONS(TTL_exts)
