/*
 * osf match: passive OS fingerprinting of TCP SYN packets against the
 * fingerprints loaded into nfnetlink_osf (by nfnl_osf(8)).  --genre
 * names the OS family; --ttl and --log tune the TTL comparison and the
 * kernel log of what was recognised.
 */
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_osf.h>

enum { O_GENRE, O_TTL, O_LOG };

static const struct xtables_option osf_opts[] = {
	{ .name = "genre", .type = XTTYPE_STRING, .id = O_GENRE,
	  .flags = XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_osf_info, genre) },
	{ .name = "ttl", .type = XTTYPE_UINT32, .id = O_TTL, .min = 0, .max = 2,
	  .flags = XTOPT_PUT, XTOPT_POINTER(struct xt_osf_info, ttl) },
	{ .name = "log", .type = XTTYPE_UINT32, .id = O_LOG, .min = 0, .max = 2,
	  .flags = XTOPT_PUT, XTOPT_POINTER(struct xt_osf_info, loglevel) },
	XTABLES_OPT_END,
};

static void osf_help(FILE *out)
{
	fputs("OS fingerprint match options:\n"
	      "[!] --genre string     Match a OS genre by passive fingerprinting.\n"
	      "--ttl level            Use some TTL check extensions to determine OS:\n"
	      "       0                       true ip and fingerprint TTL comparison. Works for LAN.\n"
	      "       1                       check if ip TTL is less than fingerprint one. Works for global addresses.\n"
	      "       2                       do not compare TTL at all. This allows NMAP detection, but can produce false results.\n"
	      "--log level            Log determined genres into dmesg even if they do not match desired one:\n"
	      "       0                       log all matched or unknown signatures.\n"
	      "       1                       log only first one.\n"
	      "       2                       log all known matched signatures.\n",
	      out);
}

static int osf_parse(struct xtables_optcall *cb)
{
	struct xt_osf_info *info = cb->data;

	switch (cb->opt->id) {
	case O_GENRE:
		if (cb->invert)
			info->flags |= XT_OSF_INVERT;
		info->len = strlen(info->genre);
		break;
	case O_TTL:
		info->flags |= XT_OSF_TTL;
		break;
	case O_LOG:
		info->flags |= XT_OSF_LOG;
		break;
	}
	return 0;
}

static void osf_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_osf_info *info = data;

	fprintf(out, " OS fingerprint match %s%.*s",
		info->flags & XT_OSF_INVERT ? "! " : "",
		(int)sizeof(info->genre), info->genre);
}

static void osf_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_osf_info *info = data;

	if (info->flags & XT_OSF_INVERT)
		fputs(" !", out);
	fprintf(out, " --genre %.*s", (int)sizeof(info->genre), info->genre);
	if (info->flags & XT_OSF_TTL)
		fprintf(out, " --ttl %u", info->ttl);
	if (info->flags & XT_OSF_LOG)
		fprintf(out, " --log %u", info->loglevel);
}

static const struct xtables_ext osf_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "osf",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct xt_osf_info),
		.help = osf_help,
		.options = osf_opts,
		.parse = osf_parse,
		.print = osf_print,
		.save = osf_save,
	},
};

XTABLES_EXTENSIONS(osf_exts)
