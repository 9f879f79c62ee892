/*
 * libxt_set - match packets against an ipset set (xt_set, revision 4):
 * set name and src/dst directions, --return-nomatch, counter updates
 * and counter comparisons.  Set names are turned into kernel indexes
 * (and back, for listing) through the SO_IP_SET socket option.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <xtables/extension.h>
#include "ipset_lookup.h"

enum {
	O_MATCH_SET, O_SET, O_RETURN_NOMATCH, O_UPDATE_COUNTERS,
	O_UPDATE_SUBCOUNTERS, O_PACKETS_EQ, O_PACKETS_LT, O_PACKETS_GT,
	O_BYTES_EQ, O_BYTES_LT, O_BYTES_GT,
};

static const struct xtables_option set_opts[] = {
	{ .name = "match-set", .type = XTTYPE_STRING, .id = O_MATCH_SET,
	  .flags = XTOPT_INVERT | XTOPT_MULTI | XTOPT_ARG2 },
	{ .name = "set", .type = XTTYPE_STRING, .id = O_SET,
	  .flags = XTOPT_INVERT | XTOPT_MULTI | XTOPT_ARG2 },
	{ .name = "return-nomatch", .type = XTTYPE_NONE, .id = O_RETURN_NOMATCH,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "update-counters", .type = XTTYPE_NONE, .id = O_UPDATE_COUNTERS,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "update-subcounters", .type = XTTYPE_NONE,
	  .id = O_UPDATE_SUBCOUNTERS, .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "packets-eq", .type = XTTYPE_STRING, .id = O_PACKETS_EQ,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "packets-lt", .type = XTTYPE_STRING, .id = O_PACKETS_LT,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "packets-gt", .type = XTTYPE_STRING, .id = O_PACKETS_GT,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "bytes-eq", .type = XTTYPE_STRING, .id = O_BYTES_EQ,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "bytes-lt", .type = XTTYPE_STRING, .id = O_BYTES_LT,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "bytes-gt", .type = XTTYPE_STRING, .id = O_BYTES_GT,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	XTABLES_OPT_END,
};

static void set_help(FILE *out)
{
	fputs("set match options:\n"
	      " [!] --match-set name flags [--return-nomatch]\n"
	      "   [! --update-counters] [! --update-subcounters]\n"
	      "   [[!] --packets-eq value | --packets-lt value | --packets-gt value\n"
	      "   [[!] --bytes-eq value | --bytes-lt value | --bytes-gt value\n"
	      "\t\t 'name' is the set name from to match,\n"
	      "\t\t 'flags' are the comma separated list of\n"
	      "\t\t 'src' and 'dst' specifications.\n", out);
}

/* ---- parsing ---- */

static int set_counter(struct xtables_optcall *cb,
		       struct ip_set_counter_match *c, const char *what,
		       const char *opt, uint8_t op)
{
	uint64_t v;

	if (c->op != IPSET_COUNTER_NONE)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"only one of the --%s-[eq|lt|gt] is allowed", what);
	if (cb->invert && op != IPSET_COUNTER_EQ)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--%s option cannot be inverted", opt);
	if (xtables_strtoul(cb->arg, NULL, &v, 0, UINT64_MAX) != 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"Cannot parse %s as a counter value", cb->arg);
	c->op = cb->invert ? IPSET_COUNTER_NE : op;
	c->value = v;
	return 0;
}

static int set_match(struct xtables_optcall *cb, struct xt_set_info *info)
{
	if (info->dim)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--match-set can be specified only once");
	if (cb->invert)
		info->flags |= IPSET_INV_MATCH;
	if (cb->arg2 == NULL)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--match-set requires two args.");
	if (strlen(cb->arg) > IPSET_MAXNAMELEN - 1)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "setname `%s' too long, max %d characters.",
				    cb->arg, IPSET_MAXNAMELEN - 1);
	if (ipset_by_name(cb->err, cb->arg, cb->family, info) != 0)
		return -1;
	return ipset_parse_dirs(cb->err, info, cb->arg2);
}

static int set_parse(struct xtables_optcall *cb)
{
	struct xt_set_info_match_v4 *info = cb->data;
	const char *name = cb->opt->name;

	switch (cb->opt->id) {
	case O_SET:
		xtables_warn("--set option deprecated, please use --match-set");
		/* fall through */
	case O_MATCH_SET:
		return set_match(cb, &info->match_set);
	case O_RETURN_NOMATCH:
		if (cb->invert)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"--return-nomatch flag cannot be inverted");
		info->flags |= IPSET_FLAG_RETURN_NOMATCH;
		return 0;
	case O_UPDATE_COUNTERS:
		if (cb->invert)
			info->flags |= IPSET_FLAG_SKIP_COUNTER_UPDATE;
		return 0;
	case O_UPDATE_SUBCOUNTERS:
		if (cb->invert)
			info->flags |= IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE;
		return 0;
	case O_PACKETS_EQ:
		return set_counter(cb, &info->packets, "packets", name, IPSET_COUNTER_EQ);
	case O_PACKETS_LT:
		return set_counter(cb, &info->packets, "packets", name, IPSET_COUNTER_LT);
	case O_PACKETS_GT:
		return set_counter(cb, &info->packets, "packets", name, IPSET_COUNTER_GT);
	case O_BYTES_EQ:
		return set_counter(cb, &info->bytes, "bytes", name, IPSET_COUNTER_EQ);
	case O_BYTES_LT:
		return set_counter(cb, &info->bytes, "bytes", name, IPSET_COUNTER_LT);
	default:
		return set_counter(cb, &info->bytes, "bytes", name, IPSET_COUNTER_GT);
	}
}

static int set_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & (1 << O_MATCH_SET | 1 << O_SET)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"You must specify `--match-set' with proper arguments");
	return 0;
}

/* ---- output ---- */

static void set_counter_out(FILE *out, const struct ip_set_counter_match *c,
			    const char *name, const char *sep)
{
	unsigned long long v = c->value;

	switch (c->op) {
	case IPSET_COUNTER_EQ: fprintf(out, " %s%s-eq %llu", sep, name, v); break;
	case IPSET_COUNTER_NE: fprintf(out, " ! %s%s-eq %llu", sep, name, v); break;
	case IPSET_COUNTER_LT: fprintf(out, " %s%s-lt %llu", sep, name, v); break;
	case IPSET_COUNTER_GT: fprintf(out, " %s%s-gt %llu", sep, name, v); break;
	}
}

static void set_show(FILE *out, const struct xt_set_info_match_v4 *info,
		     const char *opt, const char *sep)
{
	const struct xt_set_info *s = &info->match_set;

	fprintf(out, "%s %s", s->flags & IPSET_INV_MATCH ? " !" : "", opt);
	ipset_show_dirs(out, s);
	if (info->flags & IPSET_FLAG_RETURN_NOMATCH)
		fprintf(out, " %sreturn-nomatch", sep);
	if (info->flags & IPSET_FLAG_SKIP_COUNTER_UPDATE)
		fprintf(out, " ! %supdate-counters", sep);
	if (info->flags & IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE)
		fprintf(out, " ! %supdate-subcounters", sep);
	set_counter_out(out, &info->packets, "packets", sep);
	set_counter_out(out, &info->bytes, "bytes", sep);
}

static void set_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	set_show(out, data, "match-set", "");
}

static void set_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	set_show(out, data, "--match-set", "--");
}

static const struct xtables_ext set_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "set",
		.revision = 4,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_set_info_match_v4),
		.help = set_help,
		.options = set_opts,
		.parse = set_parse,
		.check = set_check,
		.print = set_print,
		.save = set_save,
	},
};

XTABLES_EXTENSIONS(set_exts)
