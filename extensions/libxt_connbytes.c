/*
 * libxt_connbytes - match the packets, bytes or average packet size a
 * connection has transferred so far (xt_connbytes).  Inversion swaps
 * the bounds, as the kernel module expects.
 */
#include <stdio.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_connbytes.h>

enum { O_CONNBYTES, O_DIR, O_MODE };

static const struct xtables_option connbytes_opts[] = {
	{ .name = "connbytes", .type = XTTYPE_UINT64RC, .id = O_CONNBYTES,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	{ .name = "connbytes-dir", .type = XTTYPE_STRING, .id = O_DIR,
	  .flags = XTOPT_MAND },
	{ .name = "connbytes-mode", .type = XTTYPE_STRING, .id = O_MODE,
	  .flags = XTOPT_MAND },
	XTABLES_OPT_END,
};

static const char *const connbytes_dirs[] = {
	[XT_CONNBYTES_DIR_ORIGINAL] = "original",
	[XT_CONNBYTES_DIR_REPLY] = "reply",
	[XT_CONNBYTES_DIR_BOTH] = "both",
};

static const char *const connbytes_modes[] = {
	[XT_CONNBYTES_PKTS] = "packets",
	[XT_CONNBYTES_BYTES] = "bytes",
	[XT_CONNBYTES_AVGPKT] = "avgpkt",
};

#define NDIRS (sizeof(connbytes_dirs) / sizeof(connbytes_dirs[0]))
#define NMODES (sizeof(connbytes_modes) / sizeof(connbytes_modes[0]))

static void connbytes_help(FILE *out)
{
	fputs("connbytes match options:\n"
	      " [!] --connbytes from:[to]\n"
	      "     --connbytes-dir [original, reply, both]\n"
	      "     --connbytes-mode [packets, bytes, avgpkt]\n", out);
}

static int lookup(const char *const *names, unsigned int n, const char *s)
{
	for (unsigned int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static int connbytes_parse(struct xtables_optcall *cb)
{
	struct xt_connbytes_info *info = cb->data;
	int i;

	switch (cb->opt->id) {
	case O_CONNBYTES:
		info->count.from = cb->val.u64_range[0];
		info->count.to = cb->nvals == 2 ? cb->val.u64_range[1] :
						  UINT64_MAX;
		if (cb->invert) {
			uint64_t t = info->count.from;

			info->count.from = info->count.to;
			info->count.to = t;
		}
		break;
	case O_DIR:
		i = lookup(connbytes_dirs, NDIRS, cb->arg);
		if (i < 0)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Unknown --connbytes-dir `%s'", cb->arg);
		info->direction = i;
		break;
	case O_MODE:
		i = lookup(connbytes_modes, NMODES, cb->arg);
		if (i < 0)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Unknown --connbytes-mode `%s'", cb->arg);
		info->what = i;
		break;
	}
	return 0;
}

static void connbytes_show(FILE *out, const struct xt_connbytes_info *info,
			   const char *prefix, const char *mode_word,
			   const char *dir_word)
{
	uint64_t from = info->count.from, to = info->count.to;

	if (from > to) {
		fputs(" !", out);
		from = info->count.to;
		to = info->count.from;
	}
	fprintf(out, " %sconnbytes %llu", prefix, (unsigned long long)from);
	if (to != 0 && to < UINT64_MAX)
		fprintf(out, ":%llu", (unsigned long long)to);
	fprintf(out, " %s %s", mode_word,
		info->what < NMODES ? connbytes_modes[info->what] : "unknown");
	fprintf(out, " %s %s", dir_word,
		info->direction < NDIRS ? connbytes_dirs[info->direction] :
					  "unknown");
}

static void connbytes_print(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	connbytes_show(out, data, "", "connbytes mode", "connbytes direction");
}

static void connbytes_save(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	connbytes_show(out, data, "--", "--connbytes-mode", "--connbytes-dir");
}

static const struct xtables_ext connbytes_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "connbytes",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_connbytes_info),
		.help = connbytes_help,
		.options = connbytes_opts,
		.parse = connbytes_parse,
		.print = connbytes_print,
		.save = connbytes_save,
	},
};

XTABLES_EXTENSIONS(connbytes_exts)
