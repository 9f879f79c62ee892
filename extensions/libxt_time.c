/*
 * libxt_time - match on the time a packet arrives: a date range, a
 * daily time window, days of the week and days of the month (xt_time).
 *
 * Dates are stored as seconds since the epoch, UTC; the kernel applies
 * its own timezone when --kerneltz is given.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_time.h>

enum {
	O_DATE_START,
	O_DATE_STOP,
	O_TIME_START,
	O_TIME_STOP,
	O_CONTIGUOUS,
	O_MONTHDAYS,
	O_WEEKDAYS,
	O_LOCAL_TZ,
	O_UTC,
	O_KERNEL_TZ,
};

static const struct xtables_option time_opts[] = {
	{ .name = "datestart", .type = XTTYPE_STRING, .id = O_DATE_START },
	{ .name = "datestop", .type = XTTYPE_STRING, .id = O_DATE_STOP },
	{ .name = "timestart", .type = XTTYPE_STRING, .id = O_TIME_START },
	{ .name = "timestop", .type = XTTYPE_STRING, .id = O_TIME_STOP },
	{ .name = "contiguous", .type = XTTYPE_NONE, .id = O_CONTIGUOUS },
	{ .name = "weekdays", .type = XTTYPE_STRING, .id = O_WEEKDAYS,
	  .flags = XTOPT_INVERT },
	{ .name = "monthdays", .type = XTTYPE_STRING, .id = O_MONTHDAYS,
	  .flags = XTOPT_INVERT },
	{ .name = "localtz", .type = XTTYPE_NONE, .id = O_LOCAL_TZ,
	  .excl = 1 << O_UTC },
	{ .name = "utc", .type = XTTYPE_NONE, .id = O_UTC,
	  .excl = 1 << O_LOCAL_TZ | 1 << O_KERNEL_TZ },
	{ .name = "kerneltz", .type = XTTYPE_NONE, .id = O_KERNEL_TZ,
	  .excl = 1 << O_UTC },
	XTABLES_OPT_END,
};

/* Index = the kernel's weekday bit (1 = Monday ... 7 = Sunday). */
static const char *const week_days[] = {
	NULL, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
};

static void time_help(FILE *out)
{
	fputs(
"time match options:\n"
"    --datestart time     Start and stop time, to be given in ISO 8601\n"
"    --datestop time      (YYYY[-MM[-DD[Thh[:mm[:ss]]]]])\n"
"    --timestart time     Start and stop daytime (hh:mm[:ss])\n"
"    --timestop time      (between 00:00:00 and 23:59:59)\n"
"[!] --monthdays value    List of days on which to match, separated by comma\n"
"                         (Possible days: 1 to 31; defaults to all)\n"
"[!] --weekdays value     List of weekdays on which to match, sep. by comma\n"
"                         (Possible days: Mon,Tue,Wed,Thu,Fri,Sat,Sun or 1 to 7\n"
"                         Defaults to all weekdays.)\n"
"    --kerneltz           Work with the kernel timezone instead of UTC\n", out);
}

static void time_init(void *data)
{
	struct xt_time_info *info = data;

	info->monthdays_match = XT_TIME_ALL_MONTHDAYS;
	info->weekdays_match = XT_TIME_ALL_WEEKDAYS;
	info->daytime_start = XT_TIME_MIN_DAYTIME;
	info->daytime_stop = XT_TIME_MAX_DAYTIME;
	info->date_start = 0;
	info->date_stop = INT_MAX;
}

/* strtoul(s, end, 10), with short runs of digits read directly */
static unsigned long decimal(const char *s, char **end)
{
	unsigned long n = 0;
	unsigned int i;

	for (i = 0; i < 9 && s[i] >= '0' && s[i] <= '9'; i++)
		n = n * 10 + (unsigned long)(s[i] - '0');
	if (i == 0 || i == 9)
		return strtoul(s, end, 10);
	*end = (char *)s + i;
	return n;
}

/*
 * One field of a date or time: a decimal number followed by one of the
 * allowed separators (or the end), at most max.  *s moves past the
 * separator; *done tells that the string ended.
 */
static bool date_field(const char **s, unsigned int *value, unsigned int max,
		       char sep, bool *done)
{
	char *end;

	*value = decimal(*s, &end);
	if ((*end != sep && *end != '\0') || *value > max)
		return false;
	*done = *end == '\0';
	*s = end + 1;
	return true;
}

static int bad_date(struct xtables_err *err, const char *arg)
{
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
		"Invalid date \"%s\" specified. Should be YYYY[-MM[-DD[Thh[:mm[:ss]]]]]",
		arg);
}

/* YYYY[-MM[-DD[Thh[:mm[:ss]]]]], UTC, into seconds since the epoch. */
static int parse_date(struct xtables_err *err, const char *arg, uint32_t *out)
{
	/* year, month, day, hour, minute, second */
	static const unsigned int max[] = { UINT_MAX, 12, 31, 23, 59, 59 };
	static const char sep[] = { '-', '-', 'T', ':', ':', '\0' };
	unsigned int v[6] = { 0, 1, 1, 0, 0, 0 };
	const char *s = arg;
	bool done = false;
	struct tm tm;

	for (unsigned int i = 0; i < 6 && !done; i++) {
		if (!date_field(&s, &v[i], max[i], sep[i], &done))
			return bad_date(err, arg);
		if (i == 0 && (v[0] < 1970 || v[0] > 2038))
			return bad_date(err, arg);
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = v[0] - 1900;
	tm.tm_mon = v[1] - 1;
	tm.tm_mday = v[2];
	tm.tm_hour = v[3];
	tm.tm_min = v[4];
	tm.tm_sec = v[5];
	*out = timegm(&tm);
	return 0;
}

/* hh:mm[:ss] into seconds since midnight.  The message quotes the part
 * of the text where parsing stopped, as the reference does. */
static int parse_daytime(struct xtables_err *err, const char *arg,
			 uint32_t *out)
{
	static const unsigned int max[] = { 23, 59, 59 };
	unsigned int v[3] = { 0, 0, 0 };
	const char *s = arg, *field = arg;
	bool done = false;
	char *end;

	/* the hour must be followed by a colon */
	v[0] = decimal(s, &end);
	if (*end != ':' || v[0] > max[0])
		goto bad;
	s = end + 1;
	for (unsigned int i = 1; i < 3 && !done; i++) {
		field = s;
		if (!date_field(&s, &v[i], max[i], i == 1 ? ':' : '\0', &done))
			goto bad;
	}
	*out = 60 * 60 * v[0] + 60 * v[1] + v[2];
	return 0;
bad:
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
		"invalid time \"%s\" specified, should be hh:mm[:ss] format "
		"and within the boundaries", field);
}

/* Next comma-separated item of *arg, cut to size - 1 characters;
 * NULL at the end of the list. */
static const char *next_item(char *buf, size_t size, const char **arg)
{
	const char *comma;

	if (*arg == NULL || **arg == '\0')
		return NULL;
	comma = strchr(*arg, ',');
	if (comma == NULL) {
		snprintf(buf, size, "%s", *arg);
		*arg = NULL;
	} else {
		snprintf(buf, size, "%.*s", (int)(comma - *arg), *arg);
		*arg = comma + 1;
	}
	return buf;
}

static int parse_monthdays(struct xtables_err *err, const char *arg,
			   uint32_t *out)
{
	char day[3], *end;

	*out = 0;
	while (next_item(day, sizeof(day), &arg) != NULL) {
		unsigned int n = strtoul(day, &end, 0);

		if ((*end != ',' && *end != '\0') || n > 31)
			return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				"%s is not a valid day for --monthdays", day);
		*out |= 1u << n;
	}
	return 0;
}

static int parse_weekdays(struct xtables_err *err, const char *arg,
			  uint8_t *out)
{
	char day[4], *end;
	unsigned int mask = 0;

	while (next_item(day, sizeof(day), &arg) != NULL) {
		unsigned int n = strtoul(day, &end, 0);
		bool valid = false;

		if (*end == '\0') {
			if (n == 0)
				return xtables_fail(err,
					XTABLES_PARAMETER_PROBLEM,
					"No, the week does NOT begin with Sunday.");
			mask |= 1u << (n & 31);
			continue;
		}
		/* names match on their first two letters */
		for (unsigned int i = 1; i <= 7; i++)
			if (strncmp(day, week_days[i], 2) == 0) {
				mask |= 1u << i;
				valid = true;
			}
		if (!valid)
			return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				"%s is not a valid day specifier", day);
	}
	*out = mask;
	return 0;
}

static int time_parse(struct xtables_optcall *cb)
{
	struct xt_time_info *info = cb->data;
	int ret = 0;

	switch (cb->opt->id) {
	case O_DATE_START:
		return parse_date(cb->err, cb->arg, &info->date_start);
	case O_DATE_STOP:
		return parse_date(cb->err, cb->arg, &info->date_stop);
	case O_TIME_START:
		return parse_daytime(cb->err, cb->arg, &info->daytime_start);
	case O_TIME_STOP:
		return parse_daytime(cb->err, cb->arg, &info->daytime_stop);
	case O_CONTIGUOUS:
		info->flags |= XT_TIME_CONTIGUOUS;
		break;
	case O_LOCAL_TZ:
		xtables_warn("WARNING: --localtz is being replaced by "
			     "--kerneltz, since \"local\" is ambiguous. Note the "
			     "kernel timezone has caveats - see manpage for "
			     "details.");
		info->flags |= XT_TIME_LOCAL_TZ;
		break;
	case O_KERNEL_TZ:
		info->flags |= XT_TIME_LOCAL_TZ;
		break;
	case O_MONTHDAYS:
		ret = parse_monthdays(cb->err, cb->arg, &info->monthdays_match);
		if (ret == 0 && cb->invert)
			info->monthdays_match ^= XT_TIME_ALL_MONTHDAYS;
		break;
	case O_WEEKDAYS:
		ret = parse_weekdays(cb->err, cb->arg, &info->weekdays_match);
		if (ret == 0 && cb->invert)
			info->weekdays_match ^= XT_TIME_ALL_WEEKDAYS;
		break;
	}
	return ret;
}

static int time_check(struct xtables_checkcall *cb)
{
	const struct xt_time_info *info = cb->data;

	if (cb->seen & 1 << O_CONTIGUOUS &&
	    info->daytime_start < info->daytime_stop)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"time: --contiguous only makes sense when stoptime is "
			"smaller than starttime");
	return 0;
}

/* "%0<width>u" of v at p; returns the end. */
static char *zero_padded(char *p, unsigned int v, unsigned int width)
{
	char digits[24];
	size_t n = (size_t)(xtables_fmt_uint(digits, v) - digits);

	for (; n < width; width--)
		*p++ = '0';
	memcpy(p, digits, n);
	return p + n;
}

/* "a:b:c" of three numbers, each "%02u" (a time of day, a date's time). */
static char *clock_text(char *p, unsigned int h, unsigned int m,
			unsigned int s)
{
	p = zero_padded(p, h, 2);
	*p++ = ':';
	p = zero_padded(p, m, 2);
	*p++ = ':';
	return zero_padded(p, s, 2);
}

static void put_daytime(FILE *out, const char *label, uint32_t t)
{
	char buf[64], *p = buf;
	size_t n = strlen(label);

	*p++ = ' ';
	memcpy(p, label, n);
	p += n;
	*p++ = ' ';
	p = clock_text(p, t / 3600, t / 60 % 60, t % 60);
	xtables_put(out, buf, (size_t)(p - buf));
}

/* A date, "YYYY-MM-DD hh:mm:ss" for -L or "--opt YYYY-MM-DDThh:mm:ss"
 * for save; the epoch itself is never shown. */
static void put_date(FILE *out, uint32_t date, const char *option)
{
	time_t t = date;
	struct tm tm;
	char buf[96], *p = buf;

	if (date == 0)
		return;
	gmtime_r(&t, &tm);
	*p++ = ' ';
	if (option != NULL) {
		size_t n = strlen(option);

		memcpy(p, option, n);
		p += n;
		*p++ = ' ';
	}
	p = zero_padded(p, (unsigned int)(tm.tm_year + 1900), 4);
	*p++ = '-';
	p = zero_padded(p, (unsigned int)(tm.tm_mon + 1), 2);
	*p++ = '-';
	p = zero_padded(p, (unsigned int)tm.tm_mday, 2);
	*p++ = option != NULL ? 'T' : ' ';
	p = clock_text(p, (unsigned int)tm.tm_hour, (unsigned int)tm.tm_min,
		       (unsigned int)tm.tm_sec);
	xtables_put(out, buf, (size_t)(p - buf));
}

static const char *ordinal_suffix(unsigned int day)
{
	static const char *const suffix[] = { "th", "st", "nd", "rd" };

	return day % 10 < 4 ? suffix[day % 10] : "th";
}

static void put_monthdays(FILE *out, uint32_t mask, bool ordinal)
{
	const char *sep = "";

	fputc(' ', out);
	for (unsigned int i = 1; i <= 31; i++)
		if (mask & 1u << i) {
			fprintf(out, "%s%u%s", sep, i,
				ordinal ? ordinal_suffix(i) : "");
			sep = ",";
		}
}

static void put_weekdays(FILE *out, uint8_t mask)
{
	const char *sep = "";

	putc_unlocked(' ', out);
	for (unsigned int i = 1; i <= 7; i++)
		if (mask & 1u << i) {
			xtables_puts(out, sep);
			xtables_puts(out, week_days[i]);
			sep = ",";
		}
}

static bool has_daytime(const struct xt_time_info *info)
{
	return info->daytime_start != XT_TIME_MIN_DAYTIME ||
	       info->daytime_stop != XT_TIME_MAX_DAYTIME;
}

static void time_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct xt_time_info *info = data;

	xtables_put_lit(out, " TIME");
	if (has_daytime(info)) {
		put_daytime(out, "from", info->daytime_start);
		put_daytime(out, "to", info->daytime_stop);
	}
	if (info->weekdays_match != XT_TIME_ALL_WEEKDAYS) {
		xtables_put_lit(out, " on");
		put_weekdays(out, info->weekdays_match);
	}
	if (info->monthdays_match != XT_TIME_ALL_MONTHDAYS) {
		xtables_put_lit(out, " on");
		put_monthdays(out, info->monthdays_match, true);
	}
	if (info->date_start != 0) {
		fputs(" starting from", out);
		put_date(out, info->date_start, NULL);
	}
	if (info->date_stop != INT_MAX) {
		xtables_put_lit(out, " until date");
		put_date(out, info->date_stop, NULL);
	}
	if (!(info->flags & XT_TIME_LOCAL_TZ))
		xtables_put_lit(out, " UTC");
	if (info->flags & XT_TIME_CONTIGUOUS)
		fputs(" contiguous", out);
}

/* Save always states --datestop, even the default: the reference does. */
static void time_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct xt_time_info *info = data;

	if (has_daytime(info)) {
		put_daytime(out, "--timestart", info->daytime_start);
		put_daytime(out, "--timestop", info->daytime_stop);
	}
	if (info->monthdays_match != XT_TIME_ALL_MONTHDAYS) {
		fputs(" --monthdays", out);
		put_monthdays(out, info->monthdays_match, false);
	}
	if (info->weekdays_match != XT_TIME_ALL_WEEKDAYS) {
		xtables_put_lit(out, " --weekdays");
		put_weekdays(out, info->weekdays_match);
	}
	put_date(out, info->date_start, "--datestart");
	put_date(out, info->date_stop, "--datestop");
	if (info->flags & XT_TIME_LOCAL_TZ)
		fputs(" --kerneltz", out);
	if (info->flags & XT_TIME_CONTIGUOUS)
		fputs(" --contiguous", out);
}

static const struct xtables_ext time_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "time",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_time_info),
		.help = time_help,
		.init = time_init,
		.options = time_opts,
		.parse = time_parse,
		.check = time_check,
		.print = time_print,
		.save = time_save,
	},
};

XTABLES_EXTENSIONS(time_exts)
