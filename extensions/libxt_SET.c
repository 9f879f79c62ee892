/*
 * SET target: adds the packet's addresses/ports to an ipset set,
 * deletes them from one, or takes mark/priority/queue from the entry
 * found in one (xt_set target, revision 3).  Set names are looked up
 * through ipset_lookup, as the set match does.
 */
#include <stdint.h>
#include <string.h>
#include "ipset_lookup.h"

enum {
	O_ADD_SET, O_DEL_SET, O_EXIST, O_TIMEOUT, O_MAP_SET, O_MAP_MARK,
	O_MAP_PRIO, O_MAP_QUEUE,
};

/* upstream parses these options itself: every one may be repeated and
 * preceded by "!" (which is ignored) */
#define SET_FLAGS (XTOPT_INVERT | XTOPT_MULTI)

static const struct xtables_option SET_opts[] = {
	{ .name = "add-set", .type = XTTYPE_STRING, .id = O_ADD_SET,
	  .flags = SET_FLAGS | XTOPT_ARG2 },
	{ .name = "del-set", .type = XTTYPE_STRING, .id = O_DEL_SET,
	  .flags = SET_FLAGS | XTOPT_ARG2 },
	{ .name = "exist", .type = XTTYPE_NONE, .id = O_EXIST,
	  .flags = SET_FLAGS },
	{ .name = "timeout", .type = XTTYPE_STRING, .id = O_TIMEOUT,
	  .flags = SET_FLAGS },
	{ .name = "map-set", .type = XTTYPE_STRING, .id = O_MAP_SET,
	  .flags = SET_FLAGS | XTOPT_ARG2 },
	{ .name = "map-mark", .type = XTTYPE_NONE, .id = O_MAP_MARK,
	  .flags = SET_FLAGS },
	{ .name = "map-prio", .type = XTTYPE_NONE, .id = O_MAP_PRIO,
	  .flags = SET_FLAGS },
	{ .name = "map-queue", .type = XTTYPE_NONE, .id = O_MAP_QUEUE,
	  .flags = SET_FLAGS },
	XTABLES_OPT_END,
};

static void SET_help(FILE *out)
{
	fputs("SET target options:\n"
	      " --add-set name flags [--exist] [--timeout n]\n"
	      " --del-set name flags\n"
	      " --map-set name flags [--map-mark] [--map-prio] [--map-queue]\n"
	      "\t\tadd/del src/dst IP/port from/to named sets,\n"
	      "\t\twhere flags are the comma separated list of\n"
	      "\t\t'src' and 'dst' specifications.\n", out);
}

static void SET_init(void *data)
{
	struct xt_set_info_target_v3 *info = data;

	info->add_set.index = IPSET_INVALID_ID;
	info->del_set.index = IPSET_INVALID_ID;
	info->map_set.index = IPSET_INVALID_ID;
	info->timeout = UINT32_MAX;
}

/* NAME FLAGS of --add-set, --del-set, --map-set. */
static int SET_set(struct xtables_optcall *cb, struct xt_set_info *info)
{
	const char *opt = cb->opt->name;

	if (info->dim)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--%s can be specified only once", opt);
	if (cb->arg2 == NULL)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--%s requires two args.", opt);
	if (strlen(cb->arg) > IPSET_MAXNAMELEN - 1)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "setname `%s' too long, max %d characters.",
				    cb->arg, IPSET_MAXNAMELEN - 1);
	if (ipset_by_name(cb->err, cb->arg, cb->family, info) != 0)
		return -1;
	return ipset_parse_dirs(cb->err, info, cb->arg2);
}

static int SET_parse(struct xtables_optcall *cb)
{
	struct xt_set_info_target_v3 *info = cb->data;
	uint64_t t;

	switch (cb->opt->id) {
	case O_ADD_SET:
		return SET_set(cb, &info->add_set);
	case O_DEL_SET:
		return SET_set(cb, &info->del_set);
	case O_MAP_SET:
		return SET_set(cb, &info->map_set);
	case O_EXIST:
		info->flags |= IPSET_FLAG_EXIST;
		return 0;
	case O_TIMEOUT:
		if (xtables_strtoul(cb->arg, NULL, &t, 0, UINT32_MAX - 1) != 0)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"Invalid value for option --timeout or out of range 0-%u",
				UINT32_MAX - 1);
		info->timeout = t;
		return 0;
	case O_MAP_MARK:
		info->flags |= IPSET_FLAG_MAP_SKBMARK;
		return 0;
	case O_MAP_PRIO:
		info->flags |= IPSET_FLAG_MAP_SKBPRIO;
		return 0;
	default:
		info->flags |= IPSET_FLAG_MAP_SKBQUEUE;
		return 0;
	}
}

static int SET_fail(struct xtables_checkcall *cb, const char *msg)
{
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM, "%s", msg);
}

static int SET_check(struct xtables_checkcall *cb)
{
	unsigned int seen = cb->seen;

	if (!(seen & (1 << O_ADD_SET | 1 << O_DEL_SET | 1 << O_MAP_SET)))
		return SET_fail(cb, "You must specify either `--add-set' or `--del-set' or `--map-set'");
	if (!(seen & 1 << O_ADD_SET)) {
		if (seen & 1 << O_EXIST)
			return SET_fail(cb, "Flag `--exist' can be used with `--add-set' only");
		if (seen & 1 << O_TIMEOUT)
			return SET_fail(cb, "Option `--timeout' can be used with `--add-set' only");
	}
	if (!(seen & 1 << O_MAP_SET)) {
		if (seen & 1 << O_MAP_MARK)
			return SET_fail(cb, "Flag `--map-mark' can be used with `--map-set' only");
		if (seen & 1 << O_MAP_PRIO)
			return SET_fail(cb, "Flag `--map-prio' can be used with `--map-set' only");
		if (seen & 1 << O_MAP_QUEUE)
			return SET_fail(cb, "Flag `--map-queue' can be used with `--map-set' only");
	}
	if ((seen & 1 << O_MAP_SET) &&
	    !(seen & (1 << O_MAP_MARK | 1 << O_MAP_PRIO | 1 << O_MAP_QUEUE)))
		return SET_fail(cb, "You must specify flags `--map-mark' or '--map-prio` or `--map-queue'");
	return 0;
}

static void show_set(FILE *out, const char *opt, const struct xt_set_info *s)
{
	if (s->index == IPSET_INVALID_ID)
		return;
	fprintf(out, " %s", opt);
	ipset_show_dirs(out, s);
}

static void show(FILE *out, const struct xt_set_info_target_v3 *info,
		 const char *sep)
{
	char opt[16];

	snprintf(opt, sizeof(opt), "%sadd-set", sep);
	show_set(out, opt, &info->add_set);
	if (info->flags & IPSET_FLAG_EXIST)
		fprintf(out, " %sexist", sep);
	if (info->timeout != UINT32_MAX)
		fprintf(out, " %stimeout %u", sep, info->timeout);
	snprintf(opt, sizeof(opt), "%sdel-set", sep);
	show_set(out, opt, &info->del_set);
	snprintf(opt, sizeof(opt), "%smap-set", sep);
	show_set(out, opt, &info->map_set);
	if (info->flags & IPSET_FLAG_MAP_SKBMARK)
		fprintf(out, " %smap-mark", sep);
	if (info->flags & IPSET_FLAG_MAP_SKBPRIO)
		fprintf(out, " %smap-prio", sep);
	if (info->flags & IPSET_FLAG_MAP_SKBQUEUE)
		fprintf(out, " %smap-queue", sep);
}

static void SET_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	show(out, data, "");
}

static void SET_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	show(out, data, "--");
}

static const struct xtables_ext SET_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "SET",
		.revision = 3,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_set_info_target_v3),
		.help = SET_help,
		.init = SET_init,
		.options = SET_opts,
		.parse = SET_parse,
		.check = SET_check,
		.print = SET_print,
		.save = SET_save,
	},
};

XTABLES_EXTENSIONS(SET_exts)
