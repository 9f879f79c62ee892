/*
 * statistic match: match a random share of packets, or every nth one.
 *
 * The kernel takes the probability as a 31-bit fraction, and for nth
 * mode "every" minus one, the starting packet and the counter's
 * initial value (every - packet).
 */
#include <math.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_statistic.h>

enum { O_MODE, O_PROBABILITY, O_EVERY, O_PACKET };

#define F(id) (1u << (id))
#define PROBABILITY_ONE 0x80000000u

static const struct xtables_option statistic_opts[] = {
	{ .name = "mode", .type = XTTYPE_STRING, .id = O_MODE,
	  .flags = XTOPT_MAND },
	{ .name = "probability", .type = XTTYPE_DOUBLE, .id = O_PROBABILITY,
	  .flags = XTOPT_INVERT, .min = 0, .max = 1,
	  .excl = F(O_EVERY) | F(O_PACKET) },
	{ .name = "every", .type = XTTYPE_UINT32, .id = O_EVERY,
	  .flags = XTOPT_INVERT | XTOPT_PUT, .min = 1,
	  XTOPT_POINTER(struct xt_statistic_info, u.nth.every),
	  .excl = F(O_PROBABILITY), .also = F(O_PACKET) },
	{ .name = "packet", .type = XTTYPE_UINT32, .id = O_PACKET,
	  .flags = XTOPT_PUT,
	  XTOPT_POINTER(struct xt_statistic_info, u.nth.packet),
	  .excl = F(O_PROBABILITY), .also = F(O_EVERY) },
	XTABLES_OPT_END,
};

static const struct {
	const char *name;
	uint16_t mode;
} statistic_modes[] = {
	{ "random", XT_STATISTIC_MODE_RANDOM },
	{ "nth", XT_STATISTIC_MODE_NTH },
};

static void statistic_help(FILE *out)
{
	fputs("statistic match options:\n"
	      " --mode mode                    Match mode (random, nth)\n"
	      " random mode:\n"
	      "[!] --probability p\t\t Probability\n"
	      " nth mode:\n"
	      "[!] --every n\t\t\t Match every nth packet\n"
	      " --packet p\t\t\t Initial counter value (0 <= p <= n-1, default 0)\n",
	      out);
}

static int statistic_parse(struct xtables_optcall *cb)
{
	struct xt_statistic_info *info = cb->data;
	size_t i;

	if (cb->invert)
		info->flags |= XT_STATISTIC_INVERT;
	switch (cb->opt->id) {
	case O_MODE:
		for (i = 0; i < sizeof(statistic_modes) / sizeof(statistic_modes[0]); i++)
			if (strcmp(cb->arg, statistic_modes[i].name) == 0)
				break;
		if (i == sizeof(statistic_modes) / sizeof(statistic_modes[0]))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Bad mode \"%s\"", cb->arg);
		info->mode = statistic_modes[i].mode;
		break;
	case O_PROBABILITY:
		info->u.random.probability = lround(PROBABILITY_ONE * cb->val.dbl);
		break;
	case O_EVERY:
		info->u.nth.every--;
		break;
	}
	return 0;
}

static int statistic_check(struct xtables_checkcall *cb)
{
	struct xt_statistic_info *info = cb->data;

	if (info->mode == XT_STATISTIC_MODE_RANDOM &&
	    !(cb->seen & F(O_PROBABILITY)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"--probability must be specified when using random mode");
	if (info->mode == XT_STATISTIC_MODE_NTH &&
	    !(cb->seen & (F(O_EVERY) | F(O_PACKET))))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"--every and --packet must be specified when using nth mode");
	/* "every" is already one less than given; in random mode it shares
	 * its place with the probability, as upstream computes it */
	if (info->u.nth.packet > info->u.nth.every)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "the --packet p must be 0 <= p <= n-1");
	info->u.nth.count = info->u.nth.every - info->u.nth.packet;
	return 0;
}

/* -L (prefix "") and save (prefix "--") differ only in the prefix and
 * in save always naming the starting packet. */
static void statistic_put(FILE *out, const struct xt_statistic_info *info,
			  const char *prefix)
{
	const char *inv = (info->flags & XT_STATISTIC_INVERT) ? " !" : "";

	switch (info->mode) {
	case XT_STATISTIC_MODE_RANDOM:
		fprintf(out, " %smode random%s %sprobability %.11f", prefix, inv,
			prefix, 1.0 * info->u.random.probability / PROBABILITY_ONE);
		break;
	case XT_STATISTIC_MODE_NTH:
		fprintf(out, " %smode nth%s %severy %u", prefix, inv, prefix,
			info->u.nth.every + 1);
		if (info->u.nth.packet != 0 || *prefix != '\0')
			fprintf(out, " %spacket %u", prefix, info->u.nth.packet);
		break;
	}
}

static void statistic_print(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	fputs(" statistic", out);
	statistic_put(out, data, "");
}

static void statistic_save(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	statistic_put(out, data, "--");
}

static const struct xtables_ext statistic_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "statistic",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_statistic_info),
		/* the counter and the kernel's pointer are not compared */
		.userspacesize = offsetof(struct xt_statistic_info, u.nth.count),
		.help = statistic_help,
		.options = statistic_opts,
		.parse = statistic_parse,
		.check = statistic_check,
		.print = statistic_print,
		.save = statistic_save,
	},
};

XTABLES_EXTENSIONS(statistic_exts)
