/*
 * libxt_cgroup - match the cgroup of the sending socket (xt_cgroup):
 * revision 0 by net_cls classid; revisions 1 and 2 by cgroup2 path or
 * by classid.
 */
#include <stdio.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_cgroup.h>

enum { O_CLASSID, O_PATH };

static const struct xtables_option cgroup_opts_v0[] = {
	{ .name = "cgroup", .type = XTTYPE_UINT32, .id = O_CLASSID,
	  .flags = XTOPT_INVERT | XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_cgroup_info_v0, id) },
	XTABLES_OPT_END,
};

static const struct xtables_option cgroup_opts_v1[] = {
	{ .name = "path", .type = XTTYPE_STRING, .id = O_PATH,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_cgroup_info_v1, path) },
	{ .name = "cgroup", .type = XTTYPE_UINT32, .id = O_CLASSID,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_cgroup_info_v1, classid) },
	XTABLES_OPT_END,
};

static const struct xtables_option cgroup_opts_v2[] = {
	{ .name = "path", .type = XTTYPE_STRING, .id = O_PATH,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_cgroup_info_v2, path) },
	{ .name = "cgroup", .type = XTTYPE_UINT32, .id = O_CLASSID,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_cgroup_info_v2, classid) },
	XTABLES_OPT_END,
};

static void cgroup_help_v0(FILE *out)
{
	fputs("cgroup match options:\n"
	      "[!] --cgroup classid            Match cgroup classid\n", out);
}

static void cgroup_help_v1(FILE *out)
{
	fputs("cgroup match options:\n"
	      "[!] --path path                 Recursively match path relative to cgroup2 root\n"
	      "[!] --cgroup classid            Match cgroup classid, can't be used with --path\n",
	      out);
}

static int cgroup_parse_v0(struct xtables_optcall *cb)
{
	struct xt_cgroup_info_v0 *info = cb->data;

	if (cb->invert)
		info->invert = 1;
	return 0;
}

/* The four leading flag bytes are the same in revisions 1 and 2. */
static int cgroup_parse_v1(struct xtables_optcall *cb)
{
	struct xt_cgroup_info_v1 *info = cb->data;

	if (cb->opt->id == O_PATH) {
		info->has_path = 1;
		if (cb->invert)
			info->invert_path = 1;
	} else {
		info->has_classid = 1;
		if (cb->invert)
			info->invert_classid = 1;
	}
	return 0;
}

static void cgroup_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	const struct xt_cgroup_info_v0 *info = data;

	fprintf(out, " cgroup %s%u", info->invert ? "! " : "", info->id);
}

static void cgroup_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	const struct xt_cgroup_info_v0 *info = data;

	fprintf(out, "%s --cgroup %u", info->invert ? " !" : "", info->id);
}

static void cgroup_show(FILE *out, const struct xt_cgroup_info_v1 *info,
			const char *path, size_t pathmax, uint32_t classid,
			bool save)
{
	if (info->has_path) {
		char buf[PATH_MAX + 1];

		snprintf(buf, sizeof(buf), "%.*s", (int)pathmax, path);
		if (save) {
			fprintf(out, "%s --path", info->invert_path ? " !" : "");
			xtables_save_string(out, buf);
		} else {
			fprintf(out, " cgroup%s %s",
				info->invert_path ? " !" : "", buf);
		}
	}
	if (info->has_classid) {
		if (save)
			fprintf(out, "%s --cgroup %u",
				info->invert_classid ? " !" : "", classid);
		else
			fprintf(out, " cgroup%s %u",
				info->invert_classid ? " !" : "", classid);
	}
}

static void cgroup_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	const struct xt_cgroup_info_v1 *info = data;

	cgroup_show(out, info, info->path, sizeof(info->path), info->classid,
		    false);
}

static void cgroup_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	const struct xt_cgroup_info_v1 *info = data;

	cgroup_show(out, info, info->path, sizeof(info->path), info->classid,
		    true);
}

static void cgroup_print_v2(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	const struct xt_cgroup_info_v2 *info = data;

	cgroup_show(out, data, info->path, sizeof(info->path), info->classid,
		    false);
}

static void cgroup_save_v2(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	const struct xt_cgroup_info_v2 *info = data;

	cgroup_show(out, data, info->path, sizeof(info->path), info->classid,
		    true);
}

static const struct xtables_ext cgroup_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "cgroup",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_cgroup_info_v0),
		.help = cgroup_help_v0,
		.options = cgroup_opts_v0,
		.parse = cgroup_parse_v0,
		.print = cgroup_print_v0,
		.save = cgroup_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "cgroup",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_cgroup_info_v1),
		.userspacesize = offsetof(struct xt_cgroup_info_v1, priv),
		.help = cgroup_help_v1,
		.options = cgroup_opts_v1,
		.parse = cgroup_parse_v1,
		.print = cgroup_print_v1,
		.save = cgroup_save_v1,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "cgroup",
		.revision = 2,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_cgroup_info_v2),
		.userspacesize = offsetof(struct xt_cgroup_info_v2, priv),
		.help = cgroup_help_v1,
		.options = cgroup_opts_v2,
		.parse = cgroup_parse_v1,
		.print = cgroup_print_v2,
		.save = cgroup_save_v2,
	},
};

XTABLES_EXTENSIONS(cgroup_exts)
