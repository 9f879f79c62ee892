/*
 * RATEEST target: feeds the packets into a named rate estimator (read
 * by the rateest match).  The interval and the averaging time are
 * given as times and stored as the kernel's exponents.
 */
#include <math.h>
#include <stdlib.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_RATEEST.h>

#define USEC_PER_SEC 1000000

enum { O_NAME, O_INTERVAL, O_EWMALOG };

struct rateest_udata {
	unsigned int interval, ewma_log;	/* microseconds */
};

static const struct xtables_option RATEEST_opts[] = {
	{ .name = "rateest-name", .type = XTTYPE_STRING, .id = O_NAME,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_rateest_target_info, name) },
	{ .name = "rateest-interval", .type = XTTYPE_STRING, .id = O_INTERVAL },
	{ .name = "rateest-ewmalog", .type = XTTYPE_STRING, .id = O_EWMALOG },
	XTABLES_OPT_END,
};

static void RATEEST_help(FILE *out)
{
	fputs("RATEEST target options:\n"
	      "  --rateest-name name\t\tRate estimator name\n"
	      "  --rateest-interval sec\tRate measurement interval in seconds\n"
	      "  --rateest-ewmalog value\tRate measurement averaging time constant\n",
	      out);
}

static const struct {
	const char *unit;
	double factor;
} time_units[] = {
	{ "s", USEC_PER_SEC }, { "sec", USEC_PER_SEC }, { "secs", USEC_PER_SEC },
	{ "ms", USEC_PER_SEC / 1000 }, { "msec", USEC_PER_SEC / 1000 },
	{ "msecs", USEC_PER_SEC / 1000 },
	{ "us", 1 }, { "usec", 1 }, { "usecs", 1 },
};

/* A time with an optional unit (seconds when none) in microseconds. */
static int parse_time(const char *s, unsigned int *usec)
{
	char *end;
	double t = strtod(s, &end);

	if (end == s)
		return -1;
	if (*end != '\0') {
		size_t i, n = sizeof(time_units) / sizeof(time_units[0]);

		for (i = 0; i < n; i++)
			if (strcasecmp(end, time_units[i].unit) == 0)
				break;
		if (i == n)
			return -1;
		t *= time_units[i].factor;
	}
	*usec = xtables_double_to_u32(t);
	return 0;
}

static int RATEEST_parse(struct xtables_optcall *cb)
{
	struct rateest_udata *u = cb->udata;

	if (cb->opt->id == O_INTERVAL && parse_time(cb->arg, &u->interval) < 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"RATEEST: bad interval value \"%s\"", cb->arg);
	if (cb->opt->id == O_EWMALOG && parse_time(cb->arg, &u->ewma_log) < 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"RATEEST: bad ewmalog value \"%s\"", cb->arg);
	return 0;
}

/* interval: the smallest 2^i quarter seconds (i <= 5) that holds it,
 * stored as i - 2; ewma_log: the largest weight exponent whose time
 * constant stays at most the one asked for. */
static int RATEEST_check(struct xtables_checkcall *cb)
{
	struct xt_rateest_target_info *info = cb->data;
	const struct rateest_udata *u = cb->udata;
	int i;
	unsigned int e;

	for (i = 0; i <= 5; i++)
		if (u->interval <= (1U << i) * (USEC_PER_SEC / 4))
			break;
	if (i > 5)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "RATEEST: interval value is too large");
	info->interval = i - 2;
	for (e = 1; e < 32; e++) {
		double w = 1.0 - 1.0 / (1U << e);

		if (u->interval / (-log(w)) > u->ewma_log)
			break;
	}
	e--;
	if (e == 0 || e >= 31)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "RATEEST: ewmalog value is out of range");
	info->ewma_log = e;
	return 0;
}

static void put_time(FILE *out, unsigned int usec)
{
	double t = usec;

	if (t >= USEC_PER_SEC)
		fprintf(out, " %.1fs", t / USEC_PER_SEC);
	else if (t >= USEC_PER_SEC / 1000)
		fprintf(out, " %.1fms", t / (USEC_PER_SEC / 1000));
	else
		fprintf(out, " %uus", usec);
}

static void show(FILE *out, const void *data, const char *prefix)
{
	const struct xt_rateest_target_info *info = data;
	unsigned int interval = (USEC_PER_SEC << (info->interval + 2)) / 4;

	fprintf(out, " %sname %s", prefix, info->name);
	fprintf(out, " %sinterval", prefix);
	put_time(out, interval);
	fprintf(out, " %sewmalog", prefix);
	put_time(out, interval * (1U << info->ewma_log));
}

static void RATEEST_print(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	show(out, data, "");
}

static void RATEEST_save(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	show(out, data, "--rateest-");
}

static const struct xtables_ext RATEEST_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "RATEEST",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_rateest_target_info),
		.userspacesize = offsetof(struct xt_rateest_target_info, est),
		.udata_size = sizeof(struct rateest_udata),
		.help = RATEEST_help,
		.options = RATEEST_opts,
		.parse = RATEEST_parse,
		.check = RATEEST_check,
		.print = RATEEST_print,
		.save = RATEEST_save,
	},
};

XTABLES_EXTENSIONS(RATEEST_exts)
