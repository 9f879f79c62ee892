/*
 * realm match (IPv4): the routing realm of the packet's route, as a
 * value[/mask]; the value may be a name from /etc/iproute2/rt_realms.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_realm.h>

#define REALMS_FILE "/etc/iproute2/rt_realms"

enum { O_REALM };

static const struct xtables_option realm_opts[] = {
	{ .name = "realm", .type = XTTYPE_STRING, .id = O_REALM,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void realm_help(FILE *out)
{
	fputs("realm match options:\n"
	      "[!] --realm value[/mask]\n"
	      "\t\t\t\tMatch realm\n", out);
}

/* Looks NAME up in the realms file (by_id: the name of ID instead);
 * 0 when found. */
static int realms_lookup(const char *name, uint32_t *id, bool by_id,
			 char *buf, size_t len)
{
	char line[512];
	FILE *f = fopen(REALMS_FILE, "re");
	int ret = -1;

	if (f == NULL) {
		if (errno != ENOENT)
			xtables_warn("Warning: %s: %s", REALMS_FILE,
				     strerror(errno));
		return -1;
	}
	while (ret != 0 && fgets(line, sizeof(line), f) != NULL) {
		char *p = line, *end, *word;
		unsigned long v;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\n' || *p == '\0')
			continue;
		v = strtoul(p, &end, 0);
		if (end == p || (*end != ' ' && *end != '\t'))
			continue;
		word = end + strspn(end, " \t");
		word[strcspn(word, " \t\r\n")] = '\0';
		if (*word == '\0')
			continue;
		if (by_id ? v == *id : strcmp(word, name) == 0) {
			*id = v;
			if (buf != NULL)
				snprintf(buf, len, "%s", word);
			ret = 0;
		}
	}
	fclose(f);
	return ret;
}

static int realm_parse(struct xtables_optcall *cb)
{
	struct xt_realm_info *ri = cb->data;
	uint64_t v;
	char *end;

	/* value[/mask], else the whole argument is a name */
	ri->mask = UINT32_MAX;
	if (xtables_strtoul(cb->arg, &end, &v, 0, UINT32_MAX) == 0 &&
	    (*end == '\0' || *end == '/')) {
		ri->id = v;
		if (*end == '/') {
			if (xtables_strtoul(end + 1, &end, &v, 0,
					    UINT32_MAX) != 0)
				return xtables_fail(cb->err,
					XTABLES_PARAMETER_PROBLEM,
					"%s: bad integer value for option \"--%s\", or out of range.\n",
					cb->ext_name, cb->opt->name);
			if (*end != '\0')
				return xtables_fail(cb->err,
					XTABLES_PARAMETER_PROBLEM,
					"%s: trailing garbage after value for option \"--%s\".\n",
					cb->ext_name, cb->opt->name);
			ri->mask = v;
		}
	} else if (realms_lookup(cb->arg, &ri->id, false, NULL, 0) != 0) {
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"%s: could not map name %s to an integer value for option \"--%s\".\n",
			cb->ext_name, cb->arg, cb->opt->name);
	}
	if (cb->invert)
		ri->invert = 1;
	return 0;
}

static void put_value(FILE *out, const struct xt_realm_info *ri, bool names)
{
	char name[256];
	uint32_t id = ri->id;

	if (ri->mask != UINT32_MAX)
		fprintf(out, " 0x%x/0x%x", ri->id, ri->mask);
	else if (names && realms_lookup(NULL, &id, true, name,
					sizeof(name)) == 0)
		fprintf(out, " %s", name);
	else
		fprintf(out, " 0x%x", ri->id);
}

static void realm_print(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	const struct xt_realm_info *ri = data;

	if (ri->invert)
		fputs(" !", out);
	fputs(" realm", out);
	put_value(out, ri, !(flags & XTABLES_PRINT_NUMERIC));
}

static void realm_save(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	const struct xt_realm_info *ri = data;

	if (ri->invert)
		fputs(" !", out);
	fputs(" --realm", out);
	put_value(out, ri, true);
}

static const struct xtables_ext realm_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "realm",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct xt_realm_info),
		.help = realm_help,
		.options = realm_opts,
		.parse = realm_parse,
		.print = realm_print,
		.save = realm_save,
	},
};

XTABLES_EXTENSIONS(realm_exts)
