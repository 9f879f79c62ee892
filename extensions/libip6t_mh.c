/*
 * mh match (IPv6): the type of a mobility header message (RFC 6275),
 * one type or a range, by name or number.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_mh.h>

enum { O_MH_TYPE };

static const struct xtables_option mh_opts[] = {
	{ .name = "mh-type", .type = XTTYPE_STRING, .id = O_MH_TYPE,
	  .flags = XTOPT_INVERT },
	XTABLES_OPT_END,
};

/* Each type's name, then its short alias. */
static const struct {
	const char *name;
	uint8_t type;
} mh_names[] = {
	{ "binding-refresh-request", 0 }, { "brr", 0 },
	{ "home-test-init", 1 }, { "hoti", 1 },
	{ "careof-test-init", 2 }, { "coti", 2 },
	{ "home-test", 3 }, { "hot", 3 },
	{ "careof-test", 4 }, { "cot", 4 },
	{ "binding-update", 5 }, { "bu", 5 },
	{ "binding-acknowledgement", 6 }, { "ba", 6 },
	{ "binding-error", 7 }, { "be", 7 },
};
#define N_NAMES (sizeof(mh_names) / sizeof(mh_names[0]))

static void mh_help(FILE *out)
{
	fputs("mh match options:\n"
	      "[!] --mh-type type[:type]\tmatch mh type\n"
	      "Valid MH types:", out);
	for (unsigned int i = 0; i < N_NAMES; i++) {
		if (i > 0 && mh_names[i].type == mh_names[i - 1].type)
			fprintf(out, " (%s)", mh_names[i].name);
		else
			fprintf(out, "\n%s", mh_names[i].name);
	}
	fputc('\n', out);
}

static void mh_init(void *data)
{
	struct ip6t_mh *mh = data;

	mh->types[1] = 0xFF;
}

/* A name (first prefix match, an exact match preferred) or a number. */
static int mh_type(struct xtables_optcall *cb, const char *s, uint8_t *type)
{
	size_t len = strlen(s);
	unsigned int match = N_NAMES;
	unsigned long v;
	char *end;

	for (unsigned int i = 0; i < N_NAMES; i++)
		if (strncasecmp(mh_names[i].name, s, len) == 0 &&
		    (match == N_NAMES || strlen(mh_names[i].name) == len))
			match = i;
	if (match != N_NAMES) {
		*type = mh_names[match].type;
		return 0;
	}
	v = strtoul(s, &end, 0);
	if (*s == '\0' || *s == '-' || *end != '\0' || v > UINT8_MAX)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "Invalid MH type `%s'", s);
	*type = v;
	return 0;
}

static int mh_parse(struct xtables_optcall *cb)
{
	struct ip6t_mh *mh = cb->data;
	char *buf = strdup(cb->arg), *colon;
	int ret = 0;

	if (buf == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "out of memory");
	colon = strchr(buf, ':');
	if (colon == NULL) {
		ret = mh_type(cb, buf, &mh->types[0]);
		mh->types[1] = mh->types[0];
	} else {
		*colon++ = '\0';
		mh->types[0] = 0;
		mh->types[1] = 0xFF;
		if (*buf != '\0')
			ret = mh_type(cb, buf, &mh->types[0]);
		if (ret == 0 && *colon != '\0')
			ret = mh_type(cb, colon, &mh->types[1]);
		if (ret == 0 && mh->types[0] > mh->types[1])
			ret = xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					   "Invalid MH type range (min > max)");
	}
	free(buf);
	if (ret != 0)
		return ret;
	if (cb->invert)
		mh->invflags |= IP6T_MH_INV_TYPE;
	return 0;
}

static bool types_any(const struct ip6t_mh *mh)
{
	return mh->types[0] == 0 && mh->types[1] == 0xFF &&
	       !(mh->invflags & IP6T_MH_INV_TYPE);
}

static void print_type(FILE *out, uint8_t type, bool numeric)
{
	if (!numeric)
		for (unsigned int i = 0; i < N_NAMES; i++)
			if (mh_names[i].type == type) {
				fputs(mh_names[i].name, out);
				return;
			}
	fprintf(out, "%u", type);
}

static void mh_print(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data, unsigned int flags)
{
	const struct ip6t_mh *mh = data;
	bool numeric = flags & XTABLES_PRINT_NUMERIC;

	fputs(" mh", out);
	if (!types_any(mh)) {
		fprintf(out, " %s", mh->invflags & IP6T_MH_INV_TYPE ? "!" : "");
		print_type(out, mh->types[0], numeric);
		if (mh->types[0] != mh->types[1]) {
			fputc(':', out);
			print_type(out, mh->types[1], numeric);
		}
	}
	if (mh->invflags & ~IP6T_MH_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			mh->invflags & ~IP6T_MH_INV_MASK);
}

static void mh_save(FILE *out, const struct xtables_rule_ip *ip,
		    const void *data)
{
	const struct ip6t_mh *mh = data;

	if (types_any(mh))
		return;
	if (mh->invflags & IP6T_MH_INV_TYPE)
		fputs(" !", out);
	fprintf(out, " --mh-type %u", mh->types[0]);
	if (mh->types[0] != mh->types[1])
		fprintf(out, ":%u", mh->types[1]);
}

static const struct xtables_ext mh_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "mh",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_mh),
		.help = mh_help,
		.init = mh_init,
		.options = mh_opts,
		.parse = mh_parse,
		.print = mh_print,
		.save = mh_save,
	},
};

XTABLES_EXTENSIONS(mh_exts)
