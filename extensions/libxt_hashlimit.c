/*
 * hashlimit match: a token bucket per group of packets, the groups
 * chosen by address/port ("mode"), kept in a named kernel hash table.
 *
 * Revisions 1-3 are family specific (the default address masks are the
 * family's full prefix).  Revision 1 counts in 32 bits with a coarse
 * time scale; revision 2 has 64-bit rate and burst and a finer scale;
 * revision 3 adds "rate match" (measure a flow's rate instead of
 * limiting it) and its interval.  A rate may also be in bytes ("kb/s"),
 * which the kernel takes as the cost of 16 bytes.
 *
 * Parsing works on a revision-independent copy of the configuration
 * (struct hashlimit_cfg3), loaded from and stored back into the
 * revision's structure around every change.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_hashlimit.h>

#define HL_BURST_DEFAULT	5
#define HL_BURST_MAX_V1		10000
#define HL_BURST_MAX		1000000
#define HL_GCINTERVAL		1000	/* ms */
#define HL_BYTE_EXPIRE		15	/* s, byte mode without a burst */
#define HL_BYTE_EXPIRE_BURST	60	/* s, byte mode with a burst */

enum {
	O_UPTO, O_ABOVE, O_LIMIT, O_MODE, O_SRCMASK, O_DSTMASK, O_NAME,
	O_BURST, O_HTABLE_SIZE, O_HTABLE_MAX, O_HTABLE_GCINT,
	O_HTABLE_EXPIRE, O_RATEMATCH, O_INTERVAL,
};

#define F(id) (1u << (id))

/* Per-rule scratch: the unit (seconds) the rate was given in. */
struct hashlimit_udata {
	uint32_t mult;
};

/* The options of one revision; "hashlimit" is the old name of
 * --hashlimit-upto (same id). */
#define HASHLIMIT_OPTS(stype)						\
	{ .name = "hashlimit-upto", .type = XTTYPE_STRING, .id = O_UPTO, \
	  .excl = F(O_ABOVE), .flags = XTOPT_INVERT },			\
	{ .name = "hashlimit-above", .type = XTTYPE_STRING,		\
	  .id = O_ABOVE, .excl = F(O_UPTO), .flags = XTOPT_INVERT },	\
	{ .name = "hashlimit", .type = XTTYPE_STRING, .id = O_UPTO,	\
	  .excl = F(O_ABOVE), .flags = XTOPT_INVERT },			\
	{ .name = "hashlimit-srcmask", .type = XTTYPE_PLEN,		\
	  .id = O_SRCMASK },						\
	{ .name = "hashlimit-dstmask", .type = XTTYPE_PLEN,		\
	  .id = O_DSTMASK },						\
	{ .name = "hashlimit-burst", .type = XTTYPE_STRING,		\
	  .id = O_BURST },						\
	{ .name = "hashlimit-htable-size", .type = XTTYPE_UINT32,	\
	  .id = O_HTABLE_SIZE, .flags = XTOPT_PUT,			\
	  XTOPT_POINTER(stype, cfg.size) },				\
	{ .name = "hashlimit-htable-max", .type = XTTYPE_UINT32,	\
	  .id = O_HTABLE_MAX, .flags = XTOPT_PUT,			\
	  XTOPT_POINTER(stype, cfg.max) },				\
	{ .name = "hashlimit-htable-gcinterval", .type = XTTYPE_UINT32,	\
	  .id = O_HTABLE_GCINT, .flags = XTOPT_PUT,			\
	  XTOPT_POINTER(stype, cfg.gc_interval) },			\
	{ .name = "hashlimit-htable-expire", .type = XTTYPE_UINT32,	\
	  .id = O_HTABLE_EXPIRE, .flags = XTOPT_PUT,			\
	  XTOPT_POINTER(stype, cfg.expire) },				\
	{ .name = "hashlimit-mode", .type = XTTYPE_STRING, .id = O_MODE }, \
	{ .name = "hashlimit-name", .type = XTTYPE_STRING, .id = O_NAME, \
	  .flags = XTOPT_MAND | XTOPT_PUT, .min = 1,			\
	  XTOPT_POINTER(stype, name) }

static const struct xtables_option hashlimit_opts_v1[] = {
	HASHLIMIT_OPTS(struct xt_hashlimit_mtinfo1),
	XTABLES_OPT_END,
};

static const struct xtables_option hashlimit_opts_v2[] = {
	HASHLIMIT_OPTS(struct xt_hashlimit_mtinfo2),
	XTABLES_OPT_END,
};

static const struct xtables_option hashlimit_opts_v3[] = {
	HASHLIMIT_OPTS(struct xt_hashlimit_mtinfo3),
	{ .name = "hashlimit-rate-match", .type = XTTYPE_NONE,
	  .id = O_RATEMATCH },
	{ .name = "hashlimit-rate-interval", .type = XTTYPE_STRING,
	  .id = O_INTERVAL },
	XTABLES_OPT_END,
};

static void help_common(FILE *out)
{
	fprintf(out,
"hashlimit match options:\n"
"  --hashlimit-upto <avg>           max average match rate\n"
"                                   [Packets per second unless followed by \n"
"                                   /sec /minute /hour /day postfixes]\n"
"  --hashlimit-above <avg>          min average match rate\n"
"  --hashlimit-mode <mode>          mode is a comma-separated list of\n"
"                                   dstip,srcip,dstport,srcport (or none)\n"
"  --hashlimit-srcmask <length>     source address grouping prefix length\n"
"  --hashlimit-dstmask <length>     destination address grouping prefix length\n"
"  --hashlimit-name <name>          name for /proc/net/ipt_hashlimit\n"
"  --hashlimit-burst <num>\t    number to match in a burst, default %u\n"
"  --hashlimit-htable-size <num>    number of hashtable buckets\n"
"  --hashlimit-htable-max <num>     number of hashtable entries\n"
"  --hashlimit-htable-gcinterval    interval between garbage collection runs\n"
"  --hashlimit-htable-expire        after which time are idle entries expired?\n",
		HL_BURST_DEFAULT);
}

static void hashlimit_help_v1(FILE *out)
{
	help_common(out);
	fputc('\n', out);
}

static void hashlimit_help_v3(FILE *out)
{
	help_common(out);
	fputs("  --hashlimit-rate-match           rate match the flow without rate-limiting it\n"
	      "  --hashlimit-rate-interval        interval in seconds for hashlimit-rate-match\n"
	      "\n", out);
}

/* ---- the revisions' structures as one view ---- */

static void cfg_load(uint8_t rev, const void *data, struct hashlimit_cfg3 *c)
{
	memset(c, 0, sizeof(*c));
	if (rev == 1) {
		const struct hashlimit_cfg1 *s =
			&((const struct xt_hashlimit_mtinfo1 *)data)->cfg;

		c->mode = s->mode;
		c->avg = s->avg;
		c->burst = s->burst;
		c->size = s->size;
		c->max = s->max;
		c->gc_interval = s->gc_interval;
		c->expire = s->expire;
		c->srcmask = s->srcmask;
		c->dstmask = s->dstmask;
	} else if (rev == 2) {
		const struct hashlimit_cfg2 *s =
			&((const struct xt_hashlimit_mtinfo2 *)data)->cfg;

		c->mode = s->mode;
		c->avg = s->avg;
		c->burst = s->burst;
		c->size = s->size;
		c->max = s->max;
		c->gc_interval = s->gc_interval;
		c->expire = s->expire;
		c->srcmask = s->srcmask;
		c->dstmask = s->dstmask;
	} else {
		*c = ((const struct xt_hashlimit_mtinfo3 *)data)->cfg;
	}
}

/* Revision 1 keeps rate and burst in 32 bits. */
static void cfg_store(uint8_t rev, const struct hashlimit_cfg3 *c, void *data)
{
	if (rev == 1) {
		struct hashlimit_cfg1 *d =
			&((struct xt_hashlimit_mtinfo1 *)data)->cfg;

		d->mode = c->mode;
		d->avg = (uint32_t)c->avg;
		d->burst = (uint32_t)c->burst;
		d->size = c->size;
		d->max = c->max;
		d->gc_interval = c->gc_interval;
		d->expire = c->expire;
		d->srcmask = c->srcmask;
		d->dstmask = c->dstmask;
	} else if (rev == 2) {
		struct hashlimit_cfg2 *d =
			&((struct xt_hashlimit_mtinfo2 *)data)->cfg;

		d->mode = c->mode;
		d->avg = c->avg;
		d->burst = c->burst;
		d->size = c->size;
		d->max = c->max;
		d->gc_interval = c->gc_interval;
		d->expire = c->expire;
		d->srcmask = c->srcmask;
		d->dstmask = c->dstmask;
	} else {
		((struct xt_hashlimit_mtinfo3 *)data)->cfg = *c;
	}
}

static const char *cfg_name(uint8_t rev, const void *data, int *len)
{
	if (rev == 1) {
		*len = sizeof(((const struct xt_hashlimit_mtinfo1 *)data)->name);
		return ((const struct xt_hashlimit_mtinfo1 *)data)->name;
	}
	/* revisions 2 and 3 agree on the name */
	*len = sizeof(((const struct xt_hashlimit_mtinfo2 *)data)->name);
	return ((const struct xt_hashlimit_mtinfo2 *)data)->name;
}

static void init_fam(uint8_t rev, void *data, uint8_t plen)
{
	struct hashlimit_cfg3 c;

	cfg_load(rev, data, &c);
	c.burst = HL_BURST_DEFAULT;
	c.gc_interval = HL_GCINTERVAL;
	c.srcmask = c.dstmask = plen;
	cfg_store(rev, &c, data);
}

/* ---- numbers ---- */

static uint64_t scale_of(uint8_t rev)
{
	return rev == 1 ? XT_HASHLIMIT_SCALE : XT_HASHLIMIT_SCALE_v2;
}

static uint64_t value_max(uint8_t rev)
{
	return rev == 1 ? UINT32_MAX : UINT64_MAX;
}

static unsigned int burst_max(uint8_t rev)
{
	return rev == 1 ? HL_BURST_MAX_V1 : HL_BURST_MAX;
}

/* Bytes per second <-> the kernel's cost of 2^XT_HASHLIMIT_BYTE_SHIFT
 * bytes, with upstream's integer widths. */
static uint64_t cost_to_bytes(uint64_t cost)
{
	uint64_t r = cost ? UINT32_MAX / cost : UINT32_MAX;

	return (r - 1) << XT_HASHLIMIT_BYTE_SHIFT;
}

static uint64_t bytes_to_cost(uint64_t bytes)
{
	uint32_t r = bytes >> XT_HASHLIMIT_BYTE_SHIFT;

	if (r == UINT32_MAX)	/* r + 1 wraps to 0 in 32 bits */
		return 0;
	return UINT32_MAX / (r + 1);
}

/* "k" and "m" suffixes of byte amounts */
static uint32_t unit_factor(char c)
{
	return c == 'm' ? 1024 * 1024 : c == 'k' ? 1024 : 1;
}

static int burst_error(struct xtables_err *err, uint8_t rev)
{
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
		"bad value for option \"--hashlimit-burst\", or out of range (1-%u).",
		burst_max(rev));
}

/* A packet count, or (with a k/m suffix) an amount of bytes; the
 * count's upper bound is checked at the end, when the mode is known. */
static int parse_burst(struct xtables_err *err, const char *arg, uint8_t rev,
		       uint64_t *burst)
{
	uint64_t max = value_max(rev), v;
	char *end;

	if (xtables_strtoul(arg, &end, &v, 1, max) != 0 ||
	    (*end == '\0' && v > burst_max(rev)))
		return burst_error(err, rev);
	v *= unit_factor(*end);
	if (v > max)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"bad value for option \"--hashlimit-burst\", value \"%s\" too large (max %" PRIu64 "mb).",
			arg, max / 1024 / 1024);
	*burst = v;
	return 0;
}

/* "N[k|m]b/s": 1 if it is one (cost stored), 0 if not, -1 on error. */
static int parse_bytes(struct xtables_err *err, const char *arg, uint8_t rev,
		       uint64_t *avg, struct hashlimit_udata *ud)
{
	const char *unit = strstr(arg, "b/s");
	uint64_t max = value_max(rev), r, v;

	if (unit == NULL || unit == arg)
		return 0;
	r = atoll(arg);
	if (r == 0)
		return 0;
	v = r * unit_factor(unit[-1]);
	if (v > max)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"Rate value too large \"%" PRIu64 "\" (max %" PRIu64 ")",
			v, max);
	v = bytes_to_cost(v);
	if (v == 0)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Rate too high \"%s\"", arg);
	ud->mult = HL_BYTE_EXPIRE;
	*avg = v;
	return 1;
}

/* Units of a packet rate, matched by any prefix of their name. */
static const struct {
	const char *name;
	uint32_t seconds;
} rate_units_in[] = {
	{ "second", 1 },
	{ "minute", 60 },
	{ "hour", 60 * 60 },
	{ "day", 24 * 60 * 60 },
};

/* "N[/unit]": 1 if it is one (interval stored), 0 if not, -1 on error. */
static int parse_rate(struct xtables_err *err, const char *arg, uint8_t rev,
		      uint64_t *avg, struct hashlimit_udata *ud)
{
	const char *slash = strchr(arg, '/');
	uint64_t r, v;

	ud->mult = 1;
	if (slash != NULL) {
		size_t len = strlen(slash + 1), i;

		if (len == 0)
			return 0;
		for (i = 0; i < sizeof(rate_units_in) / sizeof(rate_units_in[0]); i++)
			if (strncasecmp(slash + 1, rate_units_in[i].name, len) == 0)
				break;
		if (i == sizeof(rate_units_in) / sizeof(rate_units_in[0]))
			return 0;
		ud->mult = rate_units_in[i].seconds;
	}
	r = atoll(arg);
	if (r == 0)
		return 0;
	v = scale_of(rev) * ud->mult / r;
	if (v == 0)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Rate too fast \"%s\"", arg);
	*avg = rev == 1 ? (uint32_t)v : v;
	return 1;
}

static const struct {
	const char *name;
	uint32_t bit;
} hashlimit_modes[] = {
	{ "dstip", XT_HASHLIMIT_HASH_DIP },
	{ "srcip", XT_HASHLIMIT_HASH_SIP },
	{ "srcport", XT_HASHLIMIT_HASH_SPT },
	{ "dstport", XT_HASHLIMIT_HASH_DPT },
};

#define HL_HASH_BITS (XT_HASHLIMIT_HASH_DIP | XT_HASHLIMIT_HASH_SIP | \
		      XT_HASHLIMIT_HASH_SPT | XT_HASHLIMIT_HASH_DPT)

/* A list of mode names separated by ',' or '|' (empty items ignored). */
static bool parse_mode(const char *arg, uint32_t *mode)
{
	const char *p = arg;

	while (*p != '\0') {
		size_t len = strcspn(p, ",|"), i;

		if (len == 0) {
			p++;
			continue;
		}
		for (i = 0; i < sizeof(hashlimit_modes) / sizeof(hashlimit_modes[0]); i++)
			if (strlen(hashlimit_modes[i].name) == len &&
			    strncmp(p, hashlimit_modes[i].name, len) == 0)
				break;
		if (i == sizeof(hashlimit_modes) / sizeof(hashlimit_modes[0]))
			return false;
		*mode |= hashlimit_modes[i].bit;
		p += len;
	}
	return true;
}

static int bad_value(struct xtables_err *err, const char *option,
		     const char *arg)
{
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			    "hashlimit: Bad value for \"%s\" option: \"%s\"",
			    option, arg);
}

/* --hashlimit-upto / --hashlimit-above: "above" is the inverted sense */
static int parse_limit(struct xtables_optcall *cb, uint8_t rev,
		       struct hashlimit_cfg3 *c, bool above)
{
	uint64_t avg = c->avg;
	int ret;

	if (cb->invert != above)
		c->mode |= XT_HASHLIMIT_INVERT;
	ret = parse_bytes(cb->err, cb->arg, rev, &avg, cb->udata);
	if (ret > 0) {
		c->avg = avg;
		c->mode |= XT_HASHLIMIT_BYTES;
		return 0;
	}
	if (ret < 0)
		return -1;
	ret = parse_rate(cb->err, cb->arg, rev, &avg, cb->udata);
	c->avg = avg;
	if (ret < 0)
		return -1;
	if (ret == 0)
		return bad_value(cb->err, above ? "--hashlimit-above" :
					  "--hashlimit-upto", cb->arg);
	return 0;
}

static int hashlimit_parse_rev(struct xtables_optcall *cb, uint8_t rev)
{
	struct hashlimit_cfg3 c;
	uint64_t v = 0;
	int ret = 0;
	int r;

	cfg_load(rev, cb->data, &c);
	switch (cb->opt->id) {
	case O_BURST:
		ret = parse_burst(cb->err, cb->arg, rev, &v);
		if (ret == 0)
			c.burst = v;
		break;
	case O_UPTO:
	case O_ABOVE:
		ret = parse_limit(cb, rev, &c, cb->opt->id == O_ABOVE);
		break;
	case O_MODE:
		if (!parse_mode(cb->arg, &c.mode))
			ret = bad_value(cb->err, "--hashlimit-mode", cb->arg);
		break;
	case O_SRCMASK:
		c.srcmask = cb->val.hlen;
		break;
	case O_DSTMASK:
		c.dstmask = cb->val.hlen;
		break;
	case O_RATEMATCH:
		c.mode |= XT_HASHLIMIT_RATE_MATCH;
		break;
	case O_INTERVAL:
		r = atoi(cb->arg);
		if (r <= 0)
			ret = bad_value(cb->err, "--hashlimit-rate-interval",
					cb->arg);
		else
			c.interval = r;
		break;
	}
	cfg_store(rev, &c, cb->data);
	return ret;
}

static int hashlimit_check_rev(struct xtables_checkcall *cb, uint8_t rev)
{
	const struct hashlimit_udata *ud = cb->udata;
	struct hashlimit_cfg3 c;

	cfg_load(rev, cb->data, &c);
	if (!(cb->seen & (F(O_UPTO) | F(O_ABOVE))))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "You have to specify --hashlimit");
	if (!(cb->seen & F(O_HTABLE_EXPIRE)))
		c.expire = ud->mult * 1000;	/* s to ms */

	if (c.mode & XT_HASHLIMIT_BYTES) {
		uint32_t burst = 0;

		if (cb->seen & F(O_BURST)) {
			uint64_t unit = cost_to_bytes(c.avg);

			/* a rate of a few bytes a second makes the unit 0:
			 * the reference divides by it and dies of SIGFPE */
			if (unit == 0)
				return xtables_fail(cb->err,
					XTABLES_PARAMETER_PROBLEM,
					"rate too low for a burst in bytes");
			if (c.burst < unit)
				return xtables_fail(cb->err,
					XTABLES_PARAMETER_PROBLEM,
					"burst cannot be smaller than %" PRIu64 "b",
					unit);
			/* in packets of the rate's unit, rounded up */
			burst = (uint32_t)c.burst;
			burst /= unit;
			if (c.burst % unit)
				burst++;
			if (!(cb->seen & F(O_HTABLE_EXPIRE)))
				c.expire = HL_BYTE_EXPIRE_BURST * 1000;
		}
		c.burst = burst;
	} else if (c.burst > burst_max(rev)) {
		return burst_error(cb->err, rev);
	}

	if (rev >= 3 && (cb->seen & F(O_RATEMATCH))) {
		if (!(c.mode & XT_HASHLIMIT_BYTES))
			c.avg /= ud->mult;
		if (c.interval == 0)
			c.interval = (c.mode & XT_HASHLIMIT_BYTES) ? 1 : ud->mult;
	}
	cfg_store(rev, &c, cb->data);
	return 0;
}

/* ---- output ---- */

static const struct {
	const char *name;
	uint64_t seconds;
} rate_units_out[] = {
	{ "day", 24 * 60 * 60 },
	{ "hour", 60 * 60 },
	{ "min", 60 },
	{ "sec", 1 },
};

#define NUNITS_OUT (sizeof(rate_units_out) / sizeof(rate_units_out[0]))

/* A packet rate in the largest fitting unit; returns that unit in ms
 * (the default expiry for it). */
static uint32_t put_rate(FILE *out, uint64_t period, uint8_t rev)
{
	uint64_t scale = scale_of(rev), mult;
	size_t i;

	if (period == 0) {
		fprintf(out, " %f", INFINITY);
		return 0;
	}
	for (i = 1; i < NUNITS_OUT; i++) {
		mult = scale * rate_units_out[i].seconds;
		if (period > mult || mult / period < mult % period)
			break;
	}
	mult = scale * rate_units_out[i - 1].seconds;
	fprintf(out, " %" PRIu64 "/%s", mult / period, rate_units_out[i - 1].name);
	return mult / scale * 1000;
}

static const struct {
	const char *name;
	uint32_t thresh;
} byte_units[] = {
	{ "m", 1024 * 1024 },
	{ "k", 1024 },
	{ "", 1 },
};

#define NBYTE_UNITS (sizeof(byte_units) / sizeof(byte_units[0]))

/* A byte rate and burst; returns the default expiry (ms). */
static uint32_t put_bytes(FILE *out, uint64_t avg, uint64_t burst,
			  const char *prefix)
{
	unsigned long long r = cost_to_bytes(avg);
	size_t i;

	/* the unit is used when it shows the rate exactly; the mask is
	 * 32 bits wide, as upstream computes it */
	for (i = 0; i < NBYTE_UNITS - 1; i++)
		if (r >= byte_units[i].thresh &&
		    bytes_to_cost(r & (uint32_t)~(byte_units[i].thresh - 1)) == avg)
			break;
	fprintf(out, " %llu%sb/s", r / byte_units[i].thresh, byte_units[i].name);
	if (burst == 0)
		return HL_BYTE_EXPIRE * 1000;
	r *= burst;
	for (i = 0; i < NBYTE_UNITS - 1; i++)
		if (r >= byte_units[i].thresh)
			break;
	fprintf(out, " %sburst %llu%sb", prefix, r / byte_units[i].thresh,
		byte_units[i].name);
	return HL_BYTE_EXPIRE_BURST * 1000;
}

/* Modes in output order. */
static const struct {
	const char *name;
	uint32_t bit;
} modes_out[] = {
	{ "srcip", XT_HASHLIMIT_HASH_SIP },
	{ "srcport", XT_HASHLIMIT_HASH_SPT },
	{ "dstip", XT_HASHLIMIT_HASH_DIP },
	{ "dstport", XT_HASHLIMIT_HASH_DPT },
};

static void put_mode(FILE *out, uint32_t mode, char sep)
{
	bool first = true;

	fputc(' ', out);
	for (size_t i = 0; i < sizeof(modes_out) / sizeof(modes_out[0]); i++)
		if (mode & modes_out[i].bit) {
			if (!first)
				fputc(sep, out);
			fputs(modes_out[i].name, out);
			first = false;
		}
}

static void hashlimit_print_rev(FILE *out, const void *data, uint8_t rev,
				uint8_t plen)
{
	struct hashlimit_cfg3 c;
	uint64_t quantum, period;

	cfg_load(rev, data, &c);
	fputs(c.mode & XT_HASHLIMIT_INVERT ? " limit: above" : " limit: up to",
	      out);
	if (c.mode & XT_HASHLIMIT_BYTES) {
		quantum = put_bytes(out, c.avg, c.burst, "");
	} else {
		period = c.avg;
		/* a rate-match interval scales what is shown (not saved) */
		if (rev >= 3 && c.interval != 0)
			period *= c.interval;
		quantum = put_rate(out, period, rev);
		fprintf(out, " burst %llu", (unsigned long long)c.burst);
	}
	if (c.mode & HL_HASH_BITS) {
		fputs(" mode", out);
		put_mode(out, c.mode, '-');
	}
	if (c.size != 0)
		fprintf(out, " htable-size %u", c.size);
	if (c.max != 0)
		fprintf(out, " htable-max %u", c.max);
	if (c.gc_interval != HL_GCINTERVAL)
		fprintf(out, " htable-gcinterval %u", c.gc_interval);
	if (c.expire != quantum)
		fprintf(out, " htable-expire %u", c.expire);
	if (c.srcmask != plen)
		fprintf(out, " srcmask %u", c.srcmask);
	if (c.dstmask != plen)
		fprintf(out, " dstmask %u", c.dstmask);
	if (rev >= 3 && (c.mode & XT_HASHLIMIT_RATE_MATCH)) {
		fputs(" rate-match", out);
		if (c.interval != 1)
			fprintf(out, " rate-interval %u", c.interval);
	}
}

static void hashlimit_save_rev(FILE *out, const void *data, uint8_t rev,
			       uint8_t plen)
{
	struct hashlimit_cfg3 c;
	const char *name;
	uint32_t quantum;
	int len;

	cfg_load(rev, data, &c);
	fputs(c.mode & XT_HASHLIMIT_INVERT ? " --hashlimit-above" :
					      " --hashlimit-upto", out);
	if (c.mode & XT_HASHLIMIT_BYTES) {
		quantum = put_bytes(out, c.avg, c.burst, "--hashlimit-");
	} else {
		quantum = put_rate(out, c.avg, rev);
		fprintf(out, " --hashlimit-burst %llu",
			(unsigned long long)c.burst);
	}
	if (c.mode & HL_HASH_BITS) {
		fputs(" --hashlimit-mode", out);
		put_mode(out, c.mode, ',');
	}
	name = cfg_name(rev, data, &len);
	fprintf(out, " --hashlimit-name %.*s", len, name);
	if (c.size != 0)
		fprintf(out, " --hashlimit-htable-size %u", c.size);
	if (c.max != 0)
		fprintf(out, " --hashlimit-htable-max %u", c.max);
	if (c.gc_interval != HL_GCINTERVAL)
		fprintf(out, " --hashlimit-htable-gcinterval %u", c.gc_interval);
	if (c.expire != quantum)
		fprintf(out, " --hashlimit-htable-expire %u", c.expire);
	if (c.srcmask != plen)
		fprintf(out, " --hashlimit-srcmask %u", c.srcmask);
	if (c.dstmask != plen)
		fprintf(out, " --hashlimit-dstmask %u", c.dstmask);
	if (rev >= 3 && (c.mode & XT_HASHLIMIT_RATE_MATCH)) {
		fputs(" --hashlimit-rate-match", out);
		if (c.interval != 1)
			fprintf(out, " --hashlimit-rate-interval %u", c.interval);
	}
}

/* ---- one set of callbacks per revision and family ---- */

#define HASHLIMIT_REV(rev)						\
static int hashlimit_parse_v##rev(struct xtables_optcall *cb)		\
{ return hashlimit_parse_rev(cb, rev); }				\
static int hashlimit_check_v##rev(struct xtables_checkcall *cb)	\
{ return hashlimit_check_rev(cb, rev); }				\
static void hashlimit_init4_v##rev(void *data)				\
{ init_fam(rev, data, 32); }						\
static void hashlimit_init6_v##rev(void *data)				\
{ init_fam(rev, data, 128); }						\
static void hashlimit_print4_v##rev(FILE *out,				\
		const struct xtables_rule_ip *ip, const void *data,	\
		unsigned int flags)					\
{ hashlimit_print_rev(out, data, rev, 32); }				\
static void hashlimit_print6_v##rev(FILE *out,				\
		const struct xtables_rule_ip *ip, const void *data,	\
		unsigned int flags)					\
{ hashlimit_print_rev(out, data, rev, 128); }				\
static void hashlimit_save4_v##rev(FILE *out,				\
		const struct xtables_rule_ip *ip, const void *data)	\
{ hashlimit_save_rev(out, data, rev, 32); }				\
static void hashlimit_save6_v##rev(FILE *out,				\
		const struct xtables_rule_ip *ip, const void *data)	\
{ hashlimit_save_rev(out, data, rev, 128); }

HASHLIMIT_REV(1)
HASHLIMIT_REV(2)
HASHLIMIT_REV(3)

#define HASHLIMIT_EXT(rev, fam, f, stype, helpfn)			\
	{								\
		.abi = XTABLES_ABI_VERSION,				\
		.kind = XTABLES_MATCH,					\
		.name = "hashlimit",					\
		.revision = rev,					\
		.family = fam,						\
		.size = sizeof(stype),					\
		/* the kernel's table pointer is not compared */	\
		.userspacesize = offsetof(stype, hinfo),		\
		.udata_size = sizeof(struct hashlimit_udata),		\
		.help = helpfn,						\
		.init = hashlimit_init##f##_v##rev,			\
		.options = hashlimit_opts_v##rev,			\
		.parse = hashlimit_parse_v##rev,			\
		.check = hashlimit_check_v##rev,			\
		.print = hashlimit_print##f##_v##rev,			\
		.save = hashlimit_save##f##_v##rev,			\
	}

static const struct xtables_ext hashlimit_exts[] = {
	HASHLIMIT_EXT(1, NFPROTO_IPV4, 4, struct xt_hashlimit_mtinfo1,
		      hashlimit_help_v1),
	HASHLIMIT_EXT(1, NFPROTO_IPV6, 6, struct xt_hashlimit_mtinfo1,
		      hashlimit_help_v1),
	HASHLIMIT_EXT(2, NFPROTO_IPV4, 4, struct xt_hashlimit_mtinfo2,
		      hashlimit_help_v1),
	HASHLIMIT_EXT(2, NFPROTO_IPV6, 6, struct xt_hashlimit_mtinfo2,
		      hashlimit_help_v1),
	HASHLIMIT_EXT(3, NFPROTO_IPV4, 4, struct xt_hashlimit_mtinfo3,
		      hashlimit_help_v3),
	HASHLIMIT_EXT(3, NFPROTO_IPV6, 6, struct xt_hashlimit_mtinfo3,
		      hashlimit_help_v3),
};

XTABLES_EXTENSIONS(hashlimit_exts)
