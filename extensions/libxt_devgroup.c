/*
 * libxt_devgroup - match the device group of the incoming and/or
 * outgoing interface (xt_devgroup).  Groups may be given by the names
 * of /etc/iproute2/group.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_devgroup.h>

#define DEVGROUP_FILE "/etc/iproute2/group"

enum { O_SRC_GROUP, O_DST_GROUP };

static const struct xtables_option devgroup_opts[] = {
	{ .name = "src-group", .type = XTTYPE_STRING, .id = O_SRC_GROUP,
	  .flags = XTOPT_INVERT },
	{ .name = "dst-group", .type = XTTYPE_STRING, .id = O_DST_GROUP,
	  .flags = XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void devgroup_help(FILE *out)
{
	fputs("devgroup match options:\n"
	      "[!] --src-group value[/mask]\tMatch device group of incoming device\n"
	      "[!] --dst-group value[/mask]\tMatch device group of outgoing device\n",
	      out);
}

/*
 * Look a group up in the names file, by name (name != NULL, result in
 * *id) or by id (copied to buf).  Lines are "id name"; '#' starts a
 * comment line.  Returns 0 when found.
 */
static int devgroup_lookup(const char *name, uint32_t *id, char *buf,
			   size_t len)
{
	char line[512];
	FILE *f = fopen(DEVGROUP_FILE, "r");
	int ret = -1;

	if (f == NULL)
		return -1;
	while (ret != 0 && fgets(line, sizeof(line), f) != NULL) {
		char *p = line, *end, *n;
		unsigned long v;

		while (isspace((unsigned char)*p))
			p++;
		if (*p == '#' || *p == '\0')
			continue;
		errno = 0;
		v = strtoul(p, &end, 0);
		if (end == p || errno != 0 || v > UINT32_MAX ||
		    !isspace((unsigned char)*end))
			continue;
		while (isspace((unsigned char)*end))
			end++;
		n = end;
		while (*end != '\0' && !isspace((unsigned char)*end))
			end++;
		*end = '\0';
		if (*n == '\0')
			continue;
		if (name != NULL && strcmp(n, name) == 0) {
			*id = v;
			ret = 0;
		} else if (name == NULL && v == *id) {
			snprintf(buf, len, "%s", n);
			ret = 0;
		}
	}
	fclose(f);
	return ret;
}

/* An unsigned 32-bit number, the whole of [s, stop) or up to '/'. */
static bool parse_u32(const char *s, char **end, uint32_t *v)
{
	unsigned long long n;

	if (*s == '-' || *s == '+' || isspace((unsigned char)*s) || *s == '\0')
		return false;
	errno = 0;
	n = strtoull(s, end, 0);
	if (*end == s || errno != 0 || n > UINT32_MAX)
		return false;
	*v = n;
	return true;
}

static int devgroup_value(struct xtables_optcall *cb, uint32_t *val,
			  uint32_t *mask)
{
	char *end;

	*mask = UINT32_MAX;
	if (parse_u32(cb->arg, &end, val)) {
		if (*end == '\0')
			return 0;
		if (*end == '/') {
			const char *m = end + 1;

			if (parse_u32(m, &end, mask) && *end == '\0')
				return 0;
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"%s: bad integer value for option \"--%s\", or out of range.\n",
				cb->ext_name, cb->opt->name);
		}
	}
	if (devgroup_lookup(cb->arg, val, NULL, 0) == 0)
		return 0;
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
		"%s: could not map name %s to an integer value for option \"--%s\".\n",
		cb->ext_name, cb->arg, cb->opt->name);
}

static int devgroup_parse(struct xtables_optcall *cb)
{
	struct xt_devgroup_info *info = cb->data;
	uint32_t group, mask;

	if (devgroup_value(cb, &group, &mask) != 0)
		return -1;
	if (cb->opt->id == O_SRC_GROUP) {
		info->src_group = group;
		info->src_mask = mask;
		info->flags |= XT_DEVGROUP_MATCH_SRC;
		if (cb->invert)
			info->flags |= XT_DEVGROUP_INVERT_SRC;
	} else {
		info->dst_group = group;
		info->dst_mask = mask;
		info->flags |= XT_DEVGROUP_MATCH_DST;
		if (cb->invert)
			info->flags |= XT_DEVGROUP_INVERT_DST;
	}
	return 0;
}

static int devgroup_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"devgroup match: You must specify either '--src-group' or '--dst-group'");
	return 0;
}

static void devgroup_value_out(FILE *out, uint32_t id, uint32_t mask,
			       bool numeric)
{
	char name[256];

	if (mask != UINT32_MAX)
		fprintf(out, "0x%x/0x%x", id, mask);
	else if (!numeric && devgroup_lookup(NULL, &id, name, sizeof(name)) == 0)
		fputs(name, out);
	else
		fprintf(out, "0x%x", id);
}

static void devgroup_show(FILE *out, const struct xt_devgroup_info *info,
			  const char *prefix, bool numeric)
{
	if (info->flags & XT_DEVGROUP_MATCH_SRC) {
		if (info->flags & XT_DEVGROUP_INVERT_SRC)
			fputs(" !", out);
		fprintf(out, " %ssrc-group ", prefix);
		devgroup_value_out(out, info->src_group, info->src_mask, numeric);
	}
	if (info->flags & XT_DEVGROUP_MATCH_DST) {
		if (info->flags & XT_DEVGROUP_INVERT_DST)
			fputs(" !", out);
		fprintf(out, " %sdst-group ", prefix);
		devgroup_value_out(out, info->dst_group, info->dst_mask, numeric);
	}
}

static void devgroup_print(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data, unsigned int flags)
{
	devgroup_show(out, data, "", flags & XTABLES_PRINT_NUMERIC);
}

static void devgroup_save(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data)
{
	devgroup_show(out, data, "--", false);
}

static const struct xtables_ext devgroup_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "devgroup",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_devgroup_info),
		.help = devgroup_help,
		.options = devgroup_opts,
		.parse = devgroup_parse,
		.check = devgroup_check,
		.print = devgroup_print,
		.save = devgroup_save,
	},
};

XTABLES_EXTENSIONS(devgroup_exts)
