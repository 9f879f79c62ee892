/*
 * ttl match (IPv4): compares the packet's time-to-live with a value -
 * equal (invertible), less than, or greater than.
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv4/ipt_ttl.h>

enum { O_TTL_EQ, O_TTL_LT, O_TTL_GT };

#define TTL_ANY ((1U << O_TTL_EQ) | (1U << O_TTL_LT) | (1U << O_TTL_GT))

/* Table order decides which pair a conflict message names. */
static const struct xtables_option ttl_opts[] = {
	{ .name = "ttl-lt", .type = XTTYPE_UINT8, .id = O_TTL_LT,
	  .excl = TTL_ANY },
	{ .name = "ttl-gt", .type = XTTYPE_UINT8, .id = O_TTL_GT,
	  .excl = TTL_ANY },
	{ .name = "ttl-eq", .type = XTTYPE_UINT8, .id = O_TTL_EQ,
	  .excl = TTL_ANY, .flags = XTOPT_INVERT },
	/* the old spelling of --ttl-eq */
	{ .name = "ttl", .type = XTTYPE_UINT8, .id = O_TTL_EQ,
	  .excl = TTL_ANY },
	XTABLES_OPT_END,
};

/* Mode per option id, and the -L operator and save option per mode. */
static const uint8_t mode_of[] = {
	[O_TTL_EQ] = IPT_TTL_EQ, [O_TTL_LT] = IPT_TTL_LT,
	[O_TTL_GT] = IPT_TTL_GT,
};

static const struct {
	const char *op;
	const char *option;
	bool inverted;
} modes[] = {
	[IPT_TTL_EQ] = { "==", "--ttl-eq", false },
	[IPT_TTL_NE] = { "!=", "--ttl-eq", true },
	[IPT_TTL_LT] = { "<", "--ttl-lt", false },
	[IPT_TTL_GT] = { ">", "--ttl-gt", false },
};

static void ttl_help(FILE *out)
{
	fputs("ttl match options:\n"
	      "[!] --ttl-eq value\tMatch time to live value\n"
	      "  --ttl-lt value\tMatch TTL < value\n"
	      "  --ttl-gt value\tMatch TTL > value\n", out);
}

static int ttl_parse(struct xtables_optcall *cb)
{
	struct ipt_ttl_info *info = cb->data;

	info->ttl = cb->val.u8;
	info->mode = mode_of[cb->opt->id];
	if (cb->opt->id == O_TTL_EQ && cb->invert)
		info->mode = IPT_TTL_NE;
	return 0;
}

static int ttl_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & TTL_ANY))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"TTL match: You must specify one of "
			"`--ttl-eq', `--ttl-lt', `--ttl-gt");
	return 0;
}

static void ttl_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct ipt_ttl_info *info = data;

	fputs(" TTL match ", out);
	if (info->mode < sizeof(modes) / sizeof(modes[0]))
		fprintf(out, "TTL %s", modes[info->mode].op);
	fprintf(out, " %u", info->ttl);
}

static void ttl_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct ipt_ttl_info *info = data;

	if (info->mode >= sizeof(modes) / sizeof(modes[0])) {
		/* not a mode the kernel accepts: print what is there */
		fprintf(out, " %u", info->ttl);
		return;
	}
	fprintf(out, "%s %s %u", modes[info->mode].inverted ? " !" : "",
		modes[info->mode].option, info->ttl);
}

static const struct xtables_ext ttl_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "ttl",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct ipt_ttl_info),
		.help = ttl_help,
		.options = ttl_opts,
		.parse = ttl_parse,
		.check = ttl_check,
		.print = ttl_print,
		.save = ttl_save,
	},
};

XTABLES_EXTENSIONS(ttl_exts)
