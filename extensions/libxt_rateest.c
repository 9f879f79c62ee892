/*
 * rateest match: compares the rates measured by RATEEST estimators -
 * one estimator against fixed rates (absolute mode, --rateest NAME) or
 * two estimators against each other (relative mode, --rateest1 and
 * --rateest2), optionally after subtracting given rates (--rateest-delta).
 * The bps/pps options take an optional value: the next word, unless it
 * starts with '-' or '!'.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_rateest.h>

enum {
	O_NAME1, O_NAME2, O_BPS1, O_PPS1, O_BPS2, O_PPS2, O_DELTA,
	O_LT, O_GT, O_EQ,
};

#define RE_FLAGS (XTOPT_INVERT | XTOPT_MULTI)

static const struct xtables_option rateest_opts[] = {
	{ .name = "rateest1", .type = XTTYPE_STRING, .id = O_NAME1, .flags = RE_FLAGS },
	{ .name = "rateest", .type = XTTYPE_STRING, .id = O_NAME1, .flags = RE_FLAGS },
	{ .name = "rateest2", .type = XTTYPE_STRING, .id = O_NAME2, .flags = RE_FLAGS },
	{ .name = "rateest-bps1", .type = XTTYPE_NONE, .id = O_BPS1,
	  .flags = RE_FLAGS | XTOPT_ARG2 },
	{ .name = "rateest-pps1", .type = XTTYPE_NONE, .id = O_PPS1,
	  .flags = RE_FLAGS | XTOPT_ARG2 },
	{ .name = "rateest-bps2", .type = XTTYPE_NONE, .id = O_BPS2,
	  .flags = RE_FLAGS | XTOPT_ARG2 },
	{ .name = "rateest-pps2", .type = XTTYPE_NONE, .id = O_PPS2,
	  .flags = RE_FLAGS | XTOPT_ARG2 },
	{ .name = "rateest-bps", .type = XTTYPE_NONE, .id = O_BPS2,
	  .flags = RE_FLAGS | XTOPT_ARG2 },
	{ .name = "rateest-pps", .type = XTTYPE_NONE, .id = O_PPS2,
	  .flags = RE_FLAGS | XTOPT_ARG2 },
	{ .name = "rateest-delta", .type = XTTYPE_NONE, .id = O_DELTA, .flags = RE_FLAGS },
	{ .name = "rateest-lt", .type = XTTYPE_NONE, .id = O_LT, .flags = RE_FLAGS },
	{ .name = "rateest-gt", .type = XTTYPE_NONE, .id = O_GT, .flags = RE_FLAGS },
	{ .name = "rateest-eq", .type = XTTYPE_NONE, .id = O_EQ, .flags = RE_FLAGS },
	XTABLES_OPT_END,
};

static void rateest_help(FILE *out)
{
	fputs("rateest match options:\n"
	      " --rateest1 name\t\tRate estimator name\n"
	      " --rateest2 name\t\tRate estimator name\n"
	      " --rateest-delta\t\tCompare difference(s) to given rate(s)\n"
	      " --rateest-bps1 [bps]\t\tCompare bps\n"
	      " --rateest-pps1 [pps]\t\tCompare pps\n"
	      " --rateest-bps2 [bps]\t\tCompare bps\n"
	      " --rateest-pps2 [pps]\t\tCompare pps\n"
	      " [!] --rateest-lt\t\tMatch if rate is less than given rate/estimator\n"
	      " [!] --rateest-gt\t\tMatch if rate is greater than given rate/estimator\n"
	      " [!] --rateest-eq\t\tMatch if rate is equal to given rate/estimator\n",
	      out);
}

/* rate units (bits or bytes per second, decimal and binary prefixes) */
static const struct {
	const char *name;
	double scale;
} rate_units[] = {
	{ "bit", 1. },
	{ "Kibit", 1024. },
	{ "kbit", 1000. },
	{ "Mibit", 1024. * 1024. },
	{ "mbit", 1000000. },
	{ "Gibit", 1024. * 1024. * 1024. },
	{ "gbit", 1000000000. },
	{ "Tibit", 1024. * 1024. * 1024. * 1024. },
	{ "tbit", 1000000000000. },
	{ "Bps", 8. },
	{ "KiBps", 8. * 1024. },
	{ "KBps", 8000. },
	{ "MiBps", 8. * 1024. * 1024. },
	{ "MBps", 8000000. },
	{ "GiBps", 8. * 1024. * 1024. * 1024. },
	{ "GBps", 8000000000. },
	{ "TiBps", 8. * 1024. * 1024. * 1024. * 1024. },
	{ "TBps", 8000000000000. },
};

/* A rate in bytes per second; a plain number is taken as bits. */
static int parse_rate(const char *s, uint32_t *rate)
{
	char *end;
	double v = strtod(s, &end);
	unsigned int i;

	if (end == s)
		return -1;
	if (*end == '\0') {
		*rate = xtables_double_to_u32(v / 8.);
		return 0;
	}
	for (i = 0; i < sizeof(rate_units) / sizeof(rate_units[0]); i++)
		if (strcasecmp(rate_units[i].name, end) == 0) {
			*rate = xtables_double_to_u32(v * rate_units[i].scale / 8.);
			return 0;
		}
	return -1;
}

static int fail(struct xtables_optcall *cb, const char *msg, const char *arg)
{
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM, msg, arg);
}

/* the optional value of --rateest-bpsN / --rateest-ppsN */
static int parse_value(struct xtables_optcall *cb, bool bps, uint32_t *v)
{
	uint64_t n;

	if (cb->arg2 == NULL)
		return 0;
	if (bps) {
		if (parse_rate(cb->arg2, v) < 0)
			return fail(cb, "rateest: could not parse rate `%s'", cb->arg2);
		return 0;
	}
	if (xtables_strtoul(cb->arg2, NULL, &n, 0, UINT32_MAX) != 0)
		return fail(cb, "rateest: could not parse pps `%s'", cb->arg2);
	*v = n;
	return 0;
}

static int rateest_parse(struct xtables_optcall *cb)
{
	struct xt_rateest_match_info *info = cb->data;
	unsigned int id = cb->opt->id;
	bool twice = cb->seen & (1u << id);

	switch (id) {
	case O_NAME1:
	case O_NAME2:
		if (cb->invert)
			return fail(cb, "%s", "rateest: rateest can't be inverted");
		if (twice)
			return fail(cb, "rateest: can't specify --%s twice",
				    id == O_NAME1 ? "rateest1" : "rateest2");
		if (id == O_NAME1) {
			strncpy(info->name1, cb->arg, sizeof(info->name1) - 1);
		} else {
			strncpy(info->name2, cb->arg, sizeof(info->name2) - 1);
			info->flags |= XT_RATEEST_MATCH_REL;
		}
		return 0;
	case O_BPS1:
	case O_BPS2:
		if (cb->invert)
			return fail(cb, "%s", "rateest: rateest-bps can't be inverted");
		if (twice)
			return fail(cb, "rateest: can't specify --rateest-bps%s twice",
				    id == O_BPS1 ? "1" : "2");
		info->flags |= XT_RATEEST_MATCH_BPS;
		return parse_value(cb, true, id == O_BPS1 ? &info->bps1 : &info->bps2);
	case O_PPS1:
	case O_PPS2:
		if (cb->invert)
			return fail(cb, "%s", "rateest: rateest-pps can't be inverted");
		if (twice)
			return fail(cb, "rateest: can't specify --rateest-pps%s twice",
				    id == O_PPS1 ? "1" : "2");
		info->flags |= XT_RATEEST_MATCH_PPS;
		return parse_value(cb, false, id == O_PPS1 ? &info->pps1 : &info->pps2);
	case O_DELTA:
		if (cb->invert)
			return fail(cb, "%s", "rateest: rateest-delta can't be inverted");
		if (twice)
			return fail(cb, "%s", "rateest: can't specify --rateest-delta twice");
		info->flags |= XT_RATEEST_MATCH_DELTA;
		return 0;
	default:
		if (twice)
			return fail(cb, "%s", "rateest: can't specify lt/gt/eq twice");
		info->mode = id == O_LT ? XT_RATEEST_MATCH_LT :
			     id == O_GT ? XT_RATEEST_MATCH_GT : XT_RATEEST_MATCH_EQ;
		if (cb->invert)
			info->flags |= XT_RATEEST_MATCH_INVERT;
		return 0;
	}
}

static int rateest_check(struct xtables_checkcall *cb)
{
	struct xt_rateest_match_info *info = cb->data;

	/* (the reference's "you need to specify some flags" never fires:
	 * without options the kernel refuses the rule instead) */
	if (!(info->flags & XT_RATEEST_MATCH_REL))
		info->flags |= XT_RATEEST_MATCH_ABS;
	return 0;
}

/* ---- output ---- */

static void show_rate(FILE *out, uint32_t rate, bool numeric)
{
	double bits = (double)rate * 8;

	if (numeric)
		fprintf(out, " %u", rate);
	else if (bits >= 1000.0 * 1000000.0)
		fprintf(out, " %.0fMbit", bits / 1000000.0);
	else if (bits >= 1000.0 * 1000.0)
		fprintf(out, " %.0fKbit", bits / 1000.0);
	else
		fprintf(out, " %.0fbit", bits);
}

static void show_mode(FILE *out, const struct xt_rateest_match_info *info,
		      const char *prefix)
{
	static const char *const modes[] = {
		[XT_RATEEST_MATCH_EQ] = "eq",
		[XT_RATEEST_MATCH_LT] = "lt",
		[XT_RATEEST_MATCH_GT] = "gt",
	};

	if (info->flags & XT_RATEEST_MATCH_INVERT)
		fputs(" !", out);
	if (info->mode < sizeof(modes) / sizeof(modes[0]) && modes[info->mode])
		fprintf(out, " %s%s", prefix, modes[info->mode]);
}

static void rateest_print(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	const struct xt_rateest_match_info *info = data;
	bool numeric = flags & XTABLES_PRINT_NUMERIC;
	bool delta = info->flags & XT_RATEEST_MATCH_DELTA;
	bool abs = info->flags & XT_RATEEST_MATCH_ABS;

	fprintf(out, " rateest match %.*s", (int)sizeof(info->name1), info->name1);
	if (delta)
		fputs(" delta", out);
	if (info->flags & XT_RATEEST_MATCH_BPS) {
		fputs(" bps", out);
		if (delta)
			show_rate(out, info->bps1, numeric);
		if (abs) {
			show_rate(out, info->bps2, numeric);
			show_mode(out, info, "");
		}
	}
	if (info->flags & XT_RATEEST_MATCH_PPS) {
		fputs(" pps", out);
		if (delta)
			fprintf(out, " %u", info->pps1);
		if (abs) {
			show_mode(out, info, "");
			fprintf(out, " %u", info->pps2);
		}
	}
	if (info->flags & XT_RATEEST_MATCH_REL) {
		show_mode(out, info, "");
		fprintf(out, " %.*s", (int)sizeof(info->name2), info->name2);
		if (info->flags & XT_RATEEST_MATCH_BPS) {
			fputs(" bps", out);
			if (delta)
				show_rate(out, info->bps2, numeric);
		}
		if (info->flags & XT_RATEEST_MATCH_PPS) {
			fputs(" pps", out);
			if (delta)
				fprintf(out, " %u", info->pps2);
		}
	}
}

/* one of bps/pps in save form */
static void save_kind(FILE *out, const struct xt_rateest_match_info *info,
		      const char *kind, bool bps, uint32_t v1, uint32_t v2)
{
	if (info->flags & XT_RATEEST_MATCH_DELTA) {
		fprintf(out, " --rateest-%s1", kind);
		if (bps)
			show_rate(out, v1, false);
		else
			fprintf(out, " %u", v1);
		show_mode(out, info, "--rateest-");
		fprintf(out, " --rateest-%s2", kind);
	} else {
		show_mode(out, info, "--rateest-");
		fprintf(out, " --rateest-%s", kind);
		if (info->flags & XT_RATEEST_MATCH_REL)
			return;
	}
	if (bps)
		show_rate(out, v2, false);
	else
		fprintf(out, " %u", v2);
}

static void rateest_save(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	const struct xt_rateest_match_info *info = data;
	bool rel = info->flags & XT_RATEEST_MATCH_REL;

	if (info->flags & XT_RATEEST_MATCH_DELTA)
		fputs(" --rateest-delta", out);
	fprintf(out, " --rateest%s %.*s", rel ? "1" : "",
		(int)sizeof(info->name1), info->name1);
	if (info->flags & XT_RATEEST_MATCH_BPS)
		save_kind(out, info, "bps", true, info->bps1, info->bps2);
	if (info->flags & XT_RATEEST_MATCH_PPS)
		save_kind(out, info, "pps", false, info->pps1, info->pps2);
	if (rel)
		fprintf(out, " --rateest2 %.*s", (int)sizeof(info->name2),
			info->name2);
}

static const struct xtables_ext rateest_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "rateest",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_rateest_match_info),
		.userspacesize = offsetof(struct xt_rateest_match_info, est1),
		.help = rateest_help,
		.options = rateest_opts,
		.parse = rateest_parse,
		.check = rateest_check,
		.print = rateest_print,
		.save = rateest_save,
	},
};

XTABLES_EXTENSIONS(rateest_exts)
