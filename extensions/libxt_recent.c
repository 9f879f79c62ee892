/*
 * recent match: remember addresses in named lists and match on having
 * seen them (how often, how recently).  Revision 1 adds a mask applied
 * to the address before it is looked up; it is family specific.
 */
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_recent.h>

enum {
	O_SET, O_RCHECK, O_UPDATE, O_REMOVE, O_SECONDS, O_REAP, O_HITCOUNT,
	O_RTTL, O_NAME, O_RSOURCE, O_RDEST, O_MASK,
};

#define F(id) (1u << (id))
#define F_ANY_OP (F(O_SET) | F(O_RCHECK) | F(O_UPDATE) | F(O_REMOVE))

/* The options both revisions share; the two structures agree up to the
 * mask, so the offsets of revision 0 serve both. */
#define RECENT_COMMON_OPTS						\
	{ .name = "set", .type = XTTYPE_NONE, .id = O_SET,		\
	  .excl = F_ANY_OP, .flags = XTOPT_INVERT },			\
	{ .name = "rcheck", .type = XTTYPE_NONE, .id = O_RCHECK,	\
	  .excl = F_ANY_OP, .flags = XTOPT_INVERT },			\
	{ .name = "update", .type = XTTYPE_NONE, .id = O_UPDATE,	\
	  .excl = F_ANY_OP, .flags = XTOPT_INVERT },			\
	{ .name = "remove", .type = XTTYPE_NONE, .id = O_REMOVE,	\
	  .excl = F_ANY_OP, .flags = XTOPT_INVERT },			\
	{ .name = "seconds", .type = XTTYPE_UINT32, .id = O_SECONDS,	\
	  .flags = XTOPT_PUT, .min = 1,					\
	  XTOPT_POINTER(struct xt_recent_mtinfo, seconds) },		\
	{ .name = "reap", .type = XTTYPE_NONE, .id = O_REAP,		\
	  .also = F(O_SECONDS) },					\
	{ .name = "hitcount", .type = XTTYPE_UINT32, .id = O_HITCOUNT,	\
	  .flags = XTOPT_PUT,						\
	  XTOPT_POINTER(struct xt_recent_mtinfo, hit_count) },		\
	{ .name = "rttl", .type = XTTYPE_NONE, .id = O_RTTL,		\
	  .excl = F(O_SET) | F(O_REMOVE) },				\
	{ .name = "name", .type = XTTYPE_STRING, .id = O_NAME,		\
	  .flags = XTOPT_PUT,						\
	  XTOPT_POINTER(struct xt_recent_mtinfo, name) },		\
	{ .name = "rsource", .type = XTTYPE_NONE, .id = O_RSOURCE },	\
	{ .name = "rdest", .type = XTTYPE_NONE, .id = O_RDEST }

static const struct xtables_option recent_opts_v0[] = {
	RECENT_COMMON_OPTS,
	XTABLES_OPT_END,
};

static const struct xtables_option recent_opts_v1[] = {
	RECENT_COMMON_OPTS,
	{ .name = "mask", .type = XTTYPE_HOST, .id = O_MASK,
	  .flags = XTOPT_PUT,
	  XTOPT_POINTER(struct xt_recent_mtinfo_v1, mask) },
	XTABLES_OPT_END,
};

static void recent_help(FILE *out)
{
	fputs(
"recent match options:\n"
"[!] --set                       Add source address to list, always matches.\n"
"[!] --rcheck                    Match if source address in list.\n"
"[!] --update                    Match if source address in list, also update last-seen time.\n"
"[!] --remove                    Match if source address in list, also removes that address from list.\n"
"    --seconds seconds           For check and update commands above.\n"
"                                Specifies that the match will only occur if source address last seen within\n"
"                                the last 'seconds' seconds.\n"
"    --reap                      Purge entries older then 'seconds'.\n"
"                                Can only be used in conjunction with the seconds option.\n"
"    --hitcount hits             For check and update commands above.\n"
"                                Specifies that the match will only occur if source address seen hits times.\n"
"                                May be used in conjunction with the seconds option.\n"
"    --rttl                      For check and update commands above.\n"
"                                Specifies that the match will only occur if the source address and the TTL\n"
"                                match between this packet and the one which was set.\n"
"                                Useful if you have problems with people spoofing their source address in order\n"
"                                to DoS you via this module.\n"
"    --name name                 Name of the recent list to be used.  DEFAULT used if none given.\n"
"    --rsource                   Match/Save the source address of each packet in the recent list table (default).\n"
"    --rdest                     Match/Save the destination address of each packet in the recent list table.\n"
"    --mask netmask              Netmask that will be applied to this recent list.\n"
"xt_recent by: Stephen Frost <sfrost@snowman.net>.\n", out);
}

#define RECENT_DEFAULT_NAME "DEFAULT"

static void recent_init_v0(void *data)
{
	struct xt_recent_mtinfo *info = data;

	strcpy(info->name, RECENT_DEFAULT_NAME);
	info->side = XT_RECENT_SOURCE;
}

static void recent_init_v1(void *data)
{
	struct xt_recent_mtinfo_v1 *info = data;

	recent_init_v0(data);
	memset(&info->mask, 0xff, sizeof(info->mask));
}

/* What each flag-like option sets in check_set (0: nothing there). */
static const uint8_t recent_op_bits[] = {
	[O_SET] = XT_RECENT_SET,
	[O_RCHECK] = XT_RECENT_CHECK,
	[O_UPDATE] = XT_RECENT_UPDATE,
	[O_REMOVE] = XT_RECENT_REMOVE,
	[O_REAP] = XT_RECENT_REAP,
	[O_RTTL] = XT_RECENT_TTL,
};

static int recent_parse(struct xtables_optcall *cb)
{
	struct xt_recent_mtinfo *info = cb->data;
	unsigned int id = cb->opt->id;

	if (id < sizeof(recent_op_bits) && recent_op_bits[id] != 0) {
		info->check_set |= recent_op_bits[id];
		if (cb->invert)
			info->invert = 1;
	} else if (id == O_RSOURCE) {
		info->side = XT_RECENT_SOURCE;
	} else if (id == O_RDEST) {
		info->side = XT_RECENT_DEST;
	}
	return 0;
}

static int recent_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & F_ANY_OP))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
	return 0;
}

/* The labels of -L and save, in their order; mask and side differ in
 * order between the two and are written by the callers. */
static const struct {
	uint8_t bit;
	const char *label, *option;
} recent_ops[] = {
	{ XT_RECENT_SET, "SET", "--set" },
	{ XT_RECENT_CHECK, "CHECK", "--rcheck" },
	{ XT_RECENT_UPDATE, "UPDATE", "--update" },
	{ XT_RECENT_REMOVE, "REMOVE", "--remove" },
};

static void put_ops(FILE *out, const struct xt_recent_mtinfo *info, bool save)
{
	for (size_t i = 0; i < sizeof(recent_ops) / sizeof(recent_ops[0]); i++)
		if (info->check_set & recent_ops[i].bit)
			fprintf(out, " %s", save ? recent_ops[i].option :
						   recent_ops[i].label);
	if (info->seconds)
		fprintf(out, save ? " --seconds %u" : " seconds: %u",
			info->seconds);
	if (info->check_set & XT_RECENT_REAP)
		fputs(save ? " --reap" : " reap", out);
	if (info->hit_count)
		fprintf(out, save ? " --hitcount %u" : " hit_count: %u",
			info->hit_count);
	if (info->check_set & XT_RECENT_TTL)
		fputs(save ? " --rttl" : " TTL-Match", out);
	fprintf(out, save ? " --name %.*s" : " name: %.*s",
		XT_RECENT_NAME_LEN, info->name);
}

static void put_mask(FILE *out, const char *label, uint8_t family,
		     const struct xt_recent_mtinfo_v1 *info)
{
	char buf[INET6_ADDRSTRLEN + 1];

	if (family != NFPROTO_IPV4 && family != NFPROTO_IPV6)
		return;
	fprintf(out, " %s %s", label,
		xtables_addr_to_text(family, &info->mask, buf, sizeof(buf)));
}

static void recent_print_fam(FILE *out, const void *data, uint8_t family)
{
	const struct xt_recent_mtinfo_v1 *info = data;

	if (info->invert)
		fputs(" !", out);
	fputs(" recent:", out);
	put_ops(out, data, false);
	if (info->side == XT_RECENT_SOURCE)
		fputs(" side: source", out);
	else if (info->side == XT_RECENT_DEST)
		fputs(" side: dest", out);
	put_mask(out, "mask:", family, info);
}

static void recent_save_fam(FILE *out, const void *data, uint8_t family)
{
	const struct xt_recent_mtinfo_v1 *info = data;

	if (info->invert)
		fputs(" !", out);
	put_ops(out, data, true);
	put_mask(out, "--mask", family, info);
	if (info->side == XT_RECENT_SOURCE)
		fputs(" --rsource", out);
	else if (info->side == XT_RECENT_DEST)
		fputs(" --rdest", out);
}

static void recent_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	recent_print_fam(out, data, NFPROTO_UNSPEC);
}

static void recent_print_v4(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	recent_print_fam(out, data, NFPROTO_IPV4);
}

static void recent_print_v6(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	recent_print_fam(out, data, NFPROTO_IPV6);
}

static void recent_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	recent_save_fam(out, data, NFPROTO_UNSPEC);
}

static void recent_save_v4(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	recent_save_fam(out, data, NFPROTO_IPV4);
}

static void recent_save_v6(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	recent_save_fam(out, data, NFPROTO_IPV6);
}

static const struct xtables_ext recent_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "recent",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_recent_mtinfo),
		.help = recent_help,
		.init = recent_init_v0,
		.options = recent_opts_v0,
		.parse = recent_parse,
		.check = recent_check,
		.print = recent_print_v0,
		.save = recent_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "recent",
		.revision = 1,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct xt_recent_mtinfo_v1),
		.help = recent_help,
		.init = recent_init_v1,
		.options = recent_opts_v1,
		.parse = recent_parse,
		.check = recent_check,
		.print = recent_print_v4,
		.save = recent_save_v4,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "recent",
		.revision = 1,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct xt_recent_mtinfo_v1),
		.help = recent_help,
		.init = recent_init_v1,
		.options = recent_opts_v1,
		.parse = recent_parse,
		.check = recent_check,
		.print = recent_print_v6,
		.save = recent_save_v6,
	},
};

XTABLES_EXTENSIONS(recent_exts)
