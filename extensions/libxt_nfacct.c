/*
 * nfacct match: counts the packet in a named extended accounting
 * object (made with nfacct(8)); it always matches.  The kernel refuses
 * the rule when no object has that name.
 */
#include <stddef.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_nfacct.h>

enum { O_NAME };

static const struct xtables_option nfacct_opts_v0[] = {
	{ .name = "nfacct-name", .type = XTTYPE_STRING, .id = O_NAME, .min = 1,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_nfacct_match_info, name) },
	XTABLES_OPT_END,
};

static const struct xtables_option nfacct_opts_v1[] = {
	{ .name = "nfacct-name", .type = XTTYPE_STRING, .id = O_NAME, .min = 1,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_nfacct_match_info_v1, name) },
	XTABLES_OPT_END,
};

static void nfacct_help(FILE *out)
{
	fputs("nfacct match options:\n"
	      " --nfacct-name STRING\t\tName of accouting area\n", out);
}

static void show(FILE *out, const void *data, const char *prefix)
{
	const struct xt_nfacct_match_info *info = data;
	char name[NFACCT_NAME_MAX];

	snprintf(name, sizeof(name), "%.*s", NFACCT_NAME_MAX - 1, info->name);
	fprintf(out, " %snfacct-name", prefix);
	xtables_save_string(out, name);
}

static void nfacct_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	show(out, data, "");
}

static void nfacct_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	show(out, data, "--");
}

static const struct xtables_ext nfacct_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "nfacct",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_nfacct_match_info),
		.userspacesize = offsetof(struct xt_nfacct_match_info, nfacct),
		.help = nfacct_help,
		.options = nfacct_opts_v0,
		.print = nfacct_print,
		.save = nfacct_save,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "nfacct",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_nfacct_match_info_v1),
		.userspacesize = offsetof(struct xt_nfacct_match_info_v1, nfacct),
		.help = nfacct_help,
		.options = nfacct_opts_v1,
		.print = nfacct_print,
		.save = nfacct_save,
	},
};

XTABLES_EXTENSIONS(nfacct_exts)
