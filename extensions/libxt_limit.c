/*
 * limit match: a token bucket.  The kernel takes the average interval
 * between packets in units of 1/XT_LIMIT_SCALE seconds, and the burst.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_limit.h>

#define LIMIT_DEFAULT_RATE	"3/hour"
#define LIMIT_DEFAULT_BURST	5

enum { O_LIMIT, O_BURST };

static const struct xtables_option limit_opts[] = {
	{ .name = "limit", .type = XTTYPE_STRING, .id = O_LIMIT },
	{ .name = "limit-burst", .type = XTTYPE_UINT32, .id = O_BURST,
	  .min = 0, .max = 10000 },
	XTABLES_OPT_END,
};

/* Units a rate may be given in, matched by any prefix of the name. */
static const struct {
	const char *name;
	uint32_t seconds;
} limit_units_in[] = {
	{ "second", 1 },
	{ "minute", 60 },
	{ "hour", 60 * 60 },
	{ "day", 24 * 60 * 60 },
};

/* Units -L and save use, largest first. */
static const struct {
	const char *name;
	uint32_t period;
} limit_units_out[] = {
	{ "day", XT_LIMIT_SCALE * 24 * 60 * 60 },
	{ "hour", XT_LIMIT_SCALE * 60 * 60 },
	{ "min", XT_LIMIT_SCALE * 60 },
	{ "sec", XT_LIMIT_SCALE },
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static void limit_help(FILE *out)
{
	fprintf(out,
		"limit match options:\n"
		"--limit avg\t\t\tmax average match rate: default %s\n"
		"                                [Packets per second unless followed by \n"
		"                                /sec /minute /hour /day postfixes]\n"
		"--limit-burst number\t\tnumber to match in a burst, default %u\n",
		LIMIT_DEFAULT_RATE, LIMIT_DEFAULT_BURST);
}

/* "N[/unit]" into an interval; 0 if the text is not a rate, -1 if the
 * rate is faster than the kernel can count. */
static int limit_parse_rate(const char *text, uint32_t *interval)
{
	const char *slash = strchr(text, '/');
	uint32_t seconds = 1;
	uint32_t count;
	size_t i;

	if (slash != NULL) {
		size_t len = strlen(slash + 1);

		if (len == 0)
			return 0;
		for (i = 0; i < ARRAY_LEN(limit_units_in); i++)
			if (strncasecmp(slash + 1, limit_units_in[i].name,
					len) == 0)
				break;
		if (i == ARRAY_LEN(limit_units_in))
			return 0;
		seconds = limit_units_in[i].seconds;
	}
	/* The count is read like atoi() does: leading digits, as an int. */
	count = (uint32_t)(int)strtol(text, NULL, 10);
	if (count == 0)
		return 0;
	*interval = XT_LIMIT_SCALE * seconds / count;
	return *interval == 0 ? -1 : 1;
}

static void limit_init(void *data)
{
	struct xt_rateinfo *r = data;

	limit_parse_rate(LIMIT_DEFAULT_RATE, &r->avg);
	r->burst = LIMIT_DEFAULT_BURST;
}

static int limit_parse(struct xtables_optcall *cb)
{
	struct xt_rateinfo *r = cb->data;

	switch (cb->opt->id) {
	case O_LIMIT:
		switch (limit_parse_rate(cb->arg, &r->avg)) {
		case 0:
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "bad rate \"%s\"'", cb->arg);
		case -1:
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Rate too fast \"%s\"", cb->arg);
		}
		break;
	case O_BURST:
		r->burst = cb->val.u32;
		break;
	}
	return 0;
}

/* The largest unit in which the rate is still a whole-ish number. */
static void limit_rate(FILE *out, uint32_t period)
{
	size_t i;

	if (period == 0) {
		xtables_put_lit(out, " inf");
		return;
	}
	for (i = 1; i < ARRAY_LEN(limit_units_out); i++)
		if (period > limit_units_out[i].period ||
		    limit_units_out[i].period / period <
		    limit_units_out[i].period % period)
			break;
	putc_unlocked(' ', out);
	xtables_put_uint(out, limit_units_out[i - 1].period / period);
	putc_unlocked('/', out);
	xtables_puts(out, limit_units_out[i - 1].name);
}

static void limit_print(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	const struct xt_rateinfo *r = data;

	xtables_put_lit(out, " limit: avg");
	limit_rate(out, r->avg);
	xtables_put_lit(out, " burst ");
	xtables_put_uint(out, r->burst);
}

static void limit_save(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	const struct xt_rateinfo *r = data;

	xtables_put_lit(out, " --limit");
	limit_rate(out, r->avg);
	if (r->burst != LIMIT_DEFAULT_BURST) {
		xtables_put_lit(out, " --limit-burst ");
		xtables_put_uint(out, r->burst);
	}
}

static const struct xtables_ext limit_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "limit",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_rateinfo),
		/* the kernel's private state follows and is not compared */
		.userspacesize = offsetof(struct xt_rateinfo, prev),
		.help = limit_help,
		.init = limit_init,
		.options = limit_opts,
		.parse = limit_parse,
		.print = limit_print,
		.save = limit_save,
	},
};

XTABLES_EXTENSIONS(limit_exts)
