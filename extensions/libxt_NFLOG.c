/*
 * NFLOG target: hands packets to userspace loggers over nfnetlink_log,
 * in a group, with an optional prefix, copy length and batch threshold.
 */
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_NFLOG.h>

enum { O_GROUP, O_PREFIX, O_RANGE, O_SIZE, O_THRESHOLD };

/* --nflog-range set a length the kernel never used; --nflog-size
 * replaced it.  Table order decides the conflict message. */
static const struct xtables_option NFLOG_opts[] = {
	{ .name = "nflog-group", .type = XTTYPE_UINT16, .id = O_GROUP,
	  .flags = XTOPT_PUT, XTOPT_POINTER(struct xt_nflog_info, group) },
	{ .name = "nflog-prefix", .type = XTTYPE_STRING, .id = O_PREFIX,
	  .min = 1 },
	{ .name = "nflog-range", .type = XTTYPE_UINT32, .id = O_RANGE,
	  .excl = 1U << O_SIZE },
	{ .name = "nflog-size", .type = XTTYPE_UINT32, .id = O_SIZE,
	  .excl = 1U << O_RANGE },
	{ .name = "nflog-threshold", .type = XTTYPE_UINT16, .id = O_THRESHOLD,
	  .flags = XTOPT_PUT, XTOPT_POINTER(struct xt_nflog_info, threshold) },
	XTABLES_OPT_END,
};

static void NFLOG_help(FILE *out)
{
	fputs("NFLOG target options:\n"
	      " --nflog-group NUM\t\tNETLINK group used for logging\n"
	      " --nflog-range NUM\t\tThis option has no effect, use --nflog-size\n"
	      " --nflog-size NUM\t\tNumber of bytes to copy\n"
	      " --nflog-threshold NUM\t\tMessage threshold of in-kernel queue\n"
	      " --nflog-prefix STRING\t\tPrefix string for log messages\n",
	      out);
}

static int NFLOG_parse(struct xtables_optcall *cb)
{
	struct xt_nflog_info *info = cb->data;

	switch (cb->opt->id) {
	case O_PREFIX:
		if (strchr(cb->arg, '\n') != NULL)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"Newlines not allowed in --log-prefix");
		/* longer prefixes are cut to what the kernel keeps */
		memset(info->prefix, 0, sizeof(info->prefix));
		strncpy(info->prefix, cb->arg, sizeof(info->prefix) - 1);
		break;
	case O_RANGE:
		xtables_warn("warn: --nflog-range has never worked and is no "
			     "longer supported, please use --nflog-size instead");
		info->len = cb->val.u32;
		break;
	case O_SIZE:
		info->len = cb->val.u32;
		info->flags |= XT_NFLOG_F_COPY_LEN;
		break;
	}
	return 0;
}

/* -L and save differ only in the leading "--". */
static void NFLOG_show(FILE *out, const struct xt_nflog_info *info,
		       const char *dashes)
{
	if (info->prefix[0] != '\0') {
		char prefix[sizeof(info->prefix) + 1];

		memcpy(prefix, info->prefix, sizeof(info->prefix));
		prefix[sizeof(info->prefix)] = '\0';
		fprintf(out, " %snflog-prefix", dashes);
		xtables_save_string(out, prefix);
	}
	if (info->group)
		fprintf(out, " %snflog-group %u", dashes, info->group);
	if (info->flags & XT_NFLOG_F_COPY_LEN)
		fprintf(out, " %snflog-size %u", dashes, info->len);
	else if (info->len)
		fprintf(out, " %snflog-range %u", dashes, info->len);
	if (info->threshold)
		fprintf(out, " %snflog-threshold %u", dashes, info->threshold);
}

static void NFLOG_print(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	NFLOG_show(out, data, "");
}

static void NFLOG_save(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	NFLOG_show(out, data, "--");
}

static const struct xtables_ext NFLOG_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NFLOG",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_nflog_info),
		.help = NFLOG_help,
		.options = NFLOG_opts,
		.parse = NFLOG_parse,
		.print = NFLOG_print,
		.save = NFLOG_save,
	},
};

XTABLES_EXTENSIONS(NFLOG_exts)
