/*
 * u32 match: tests on 32-bit words read at (computed) packet offsets.
 * The argument is a small language: tests joined by "&&", each a
 * location (number, then & << >> @ number ...), "=" and a list of
 * values or ranges separated by ",".
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_u32.h>

enum { O_U32 };

static const struct xtables_option u32_opts[] = {
	{ .name = "u32", .type = XTTYPE_STRING, .id = O_U32,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void u32_help(FILE *out)
{
	fputs("u32 match options:\n"
	      "[!] --u32 tests\n"
	      "\t\ttests := location \"=\" value | tests \"&&\" location \"=\" value\n"
	      "\t\tvalue := range | value \",\" range\n"
	      "\t\trange := number | number \":\" number\n"
	      "\t\tlocation := number | location operator number\n"
	      "\t\toperator := \"&\" | \"<<\" | \">>\" | \"@\"\n", out);
}

/* The parser's state: where it is and what it has built so far. */
struct u32_scan {
	const char *start, *p;
	struct xtables_err *err;
};

static int u32_err(struct u32_scan *s, const char *what)
{
	return xtables_fail(s->err, XTABLES_PARAMETER_PROBLEM,
			    "u32: at char %u: %s",
			    (unsigned int)(s->p - s->start), what);
}

static int u32_number(struct u32_scan *s, uint32_t *v)
{
	uint64_t n;
	char *end;

	if (xtables_strtoul(s->p, &end, &n, 0, UINT32_MAX) != 0 || end == s->p)
		return u32_err(s, "not a number or out of range");
	s->p = end;
	*v = n;
	return 0;
}

static void skip_space(struct u32_scan *s)
{
	while (isspace((unsigned char)*s->p))
		s->p++;
}

/* One operator before a location number: & << >> @. */
static int u32_operator(struct u32_scan *s, uint8_t *op)
{
	switch (*s->p) {
	case '&':
		*op = XT_U32_AND;
		break;
	case '<':
		if (*++s->p != '<')
			return u32_err(s, "a second '<' was expected");
		*op = XT_U32_LEFTSH;
		break;
	case '>':
		if (*++s->p != '>')
			return u32_err(s, "a second '>' was expected");
		*op = XT_U32_RIGHTSH;
		break;
	case '@':
		*op = XT_U32_AT;
		break;
	default:
		return u32_err(s, "operator expected");
	}
	s->p++;
	return 0;
}

static int u32_parse(struct xtables_optcall *cb)
{
	struct xt_u32 *data = cb->data;
	struct u32_scan s = { .start = cb->arg, .p = cb->arg, .err = cb->err };
	unsigned int test = 0, loc = 0, val = 0;
	struct xt_u32_test *t = &data->tests[0];
	bool values = false;	/* reading values (after "=") */

	data->invert = cb->invert;
	for (;;) {
		skip_space(&s);
		if (*s.p == '\0') {
			if (!values)
				return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					"u32: abrupt end of input after location specifier");
			if (val == 0)
				return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					"u32: test ended with no value specified");
			t->nnums = loc;
			t->nvalues = val;
			data->ntests = ++test;
			if (test > XT_U32_MAXSIZE)
				return u32_err(&s, "too many \"&&\"s");
			return 0;
		}
		if (!values) {
			if (*s.p == '=') {
				if (loc == 0)
					return u32_err(&s, "location spec missing");
				s.p++;
				values = true;
				continue;
			}
			if (loc != 0 &&
			    u32_operator(&s, &t->location[loc].nextop) != 0)
				return -1;
			if (u32_number(&s, &t->location[loc].number) != 0)
				return -1;
			if (++loc > XT_U32_MAXSIZE)
				return u32_err(&s, "too many operators");
			continue;
		}
		if (*s.p == '&') {
			if (*++s.p != '&')
				return u32_err(&s, "a second '&' was expected");
			if (val == 0)
				return u32_err(&s, "value spec missing");
			t->nnums = loc;
			t->nvalues = val;
			t = &data->tests[++test];
			if (test > XT_U32_MAXSIZE)
				return u32_err(&s, "too many \"&&\"s");
			s.p++;
			values = false;
			loc = val = 0;
			continue;
		}
		if (val > 0) {
			if (*s.p != ',')
				return u32_err(&s, "expected \",\" or \"&&\"");
			s.p++;
		}
		if (u32_number(&s, &t->value[val].min) != 0)
			return -1;
		skip_space(&s);
		if (*s.p == ':') {
			s.p++;
			if (u32_number(&s, &t->value[val].max) != 0)
				return -1;
		} else {
			t->value[val].max = t->value[val].min;
		}
		if (++val > XT_U32_MAXSIZE)
			return u32_err(&s, "too many \",\"s");
	}
}

static const char *const u32_ops[] = {
	[XT_U32_AND] = "&", [XT_U32_LEFTSH] = "<<",
	[XT_U32_RIGHTSH] = ">>", [XT_U32_AT] = "@",
};

static void u32_dump(FILE *out, const struct xt_u32 *data)
{
	fputs(" \"", out);
	for (unsigned int i = 0; i < data->ntests; i++) {
		const struct xt_u32_test *t = &data->tests[i];

		if (i > 0)
			fputs("&&", out);
		fprintf(out, "0x%x", t->location[0].number);
		for (unsigned int j = 1; j < t->nnums; j++) {
			uint8_t op = t->location[j].nextop;

			fprintf(out, "%s0x%x", op <= XT_U32_AT ? u32_ops[op] : "",
				t->location[j].number);
		}
		fputc('=', out);
		for (unsigned int j = 0; j < t->nvalues; j++) {
			if (j > 0)
				fputc(',', out);
			fprintf(out, "0x%x", t->value[j].min);
			if (t->value[j].min != t->value[j].max)
				fprintf(out, ":0x%x", t->value[j].max);
		}
	}
	fputc('"', out);
}

static void u32_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_u32 *u = data;

	fputs(" u32", out);
	if (u->invert)
		fputs(" !", out);
	u32_dump(out, u);
}

static void u32_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_u32 *u = data;

	if (u->invert)
		fputs(" !", out);
	fputs(" --u32", out);
	u32_dump(out, u);
}

static const struct xtables_ext u32_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "u32",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_u32),
		.help = u32_help,
		.options = u32_opts,
		.parse = u32_parse,
		.print = u32_print,
		.save = u32_save,
	},
};

XTABLES_EXTENSIONS(u32_exts)
