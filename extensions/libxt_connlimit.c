/*
 * libxt_connlimit - match on the number of connections a host (or a
 * group of hosts sharing a prefix) has open (xt_connlimit).
 *
 * Revision 0 groups by source address only; revision 1 adds
 * --connlimit-daddr.
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_connlimit.h>

enum {
	O_UPTO,
	O_ABOVE,
	O_MASK,
	O_SADDR,
	O_DADDR,
};

static const struct xtables_option connlimit_opts[] = {
	{ .name = "connlimit-upto", .type = XTTYPE_UINT32, .id = O_UPTO,
	  .flags = XTOPT_INVERT, .excl = 1 << O_ABOVE },
	{ .name = "connlimit-above", .type = XTTYPE_UINT32, .id = O_ABOVE,
	  .flags = XTOPT_INVERT, .excl = 1 << O_UPTO },
	{ .name = "connlimit-mask", .type = XTTYPE_PLENMASK, .id = O_MASK },
	{ .name = "connlimit-saddr", .type = XTTYPE_NONE, .id = O_SADDR,
	  .excl = 1 << O_DADDR },
	{ .name = "connlimit-daddr", .type = XTTYPE_NONE, .id = O_DADDR,
	  .excl = 1 << O_SADDR },
	XTABLES_OPT_END,
};

static void connlimit_help(FILE *out)
{
	fputs(
"connlimit match options:\n"
"  --connlimit-upto n     match if the number of existing connections is 0..n\n"
"  --connlimit-above n    match if the number of existing connections is >n\n"
"  --connlimit-mask n     group hosts using prefix length (default: max len)\n"
"  --connlimit-saddr      select source address for grouping\n"
"  --connlimit-daddr      select destination addresses for grouping\n", out);
}

static void connlimit_init(void *data)
{
	struct xt_connlimit_info *info = data;

	/* a full-length prefix for either family */
	memset(&info->mask, 0xff, sizeof(info->mask));
}

static int connlimit_parse_rev(struct xtables_optcall *cb, uint8_t revision)
{
	struct xt_connlimit_info *info = cb->data;

	switch (cb->opt->id) {
	case O_UPTO:
	case O_ABOVE:
		info->limit = cb->val.u32;
		/* "upto n" is "not above n" */
		if (cb->invert != (cb->opt->id == O_UPTO))
			info->flags |= XT_CONNLIMIT_INVERT;
		break;
	case O_MASK:
		memcpy(&info->mask, &cb->val.hmask, sizeof(info->mask));
		break;
	case O_DADDR:
		if (revision < 1)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"xt_connlimit.0 does not support --connlimit-daddr");
		info->flags |= XT_CONNLIMIT_DADDR;
		break;
	}
	return 0;
}

static int connlimit_parse_v0(struct xtables_optcall *cb)
{
	return connlimit_parse_rev(cb, 0);
}

static int connlimit_parse_v1(struct xtables_optcall *cb)
{
	return connlimit_parse_rev(cb, 1);
}

static int connlimit_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & (1 << O_UPTO | 1 << O_ABOVE)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"You must specify \"--connlimit-above\" or \"--connlimit-upto\".");
	return 0;
}

/* Prefix length shown for a mask: the bits above the highest clear bit
 * (a non-contiguous mask shows only its leading ones). */
static unsigned int mask_plen(uint8_t family, const union nf_inet_addr *m)
{
	unsigned int words = family == NFPROTO_IPV6 ? 4 : 1, clear = 0;

	for (unsigned int i = 0; i < words; i++)
		for (uint32_t w = ~ntohl(m->all[i]); w != 0; w >>= 1)
			clear++;
	return 32 * words - clear;
}

static void connlimit_print(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	const struct xt_connlimit_info *info = data;

	xtables_puts(out, info->flags & XT_CONNLIMIT_DADDR ? " #conn dst/" :
							     " #conn src/");
	xtables_put_uint(out, mask_plen(ip->family, &info->mask));
	xtables_puts(out, info->flags & XT_CONNLIMIT_INVERT ? " <= " : " > ");
	xtables_put_uint(out, info->limit);
}

static void connlimit_save_rev(FILE *out, const struct xtables_rule_ip *ip,
			       const struct xt_connlimit_info *info,
			       uint8_t revision)
{
	xtables_puts(out, info->flags & XT_CONNLIMIT_INVERT ?
			  " --connlimit-upto " : " --connlimit-above ");
	xtables_put_uint(out, info->limit);
	xtables_put_lit(out, " --connlimit-mask ");
	xtables_put_uint(out, mask_plen(ip->family, &info->mask));
	if (revision >= 1)
		xtables_puts(out, info->flags & XT_CONNLIMIT_DADDR ?
			     " --connlimit-daddr" : " --connlimit-saddr");
}

static void connlimit_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data)
{
	connlimit_save_rev(out, ip, data, 0);
}

static void connlimit_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data)
{
	connlimit_save_rev(out, ip, data, 1);
}

static const struct xtables_ext connlimit_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "connlimit",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_connlimit_info),
		.userspacesize = offsetof(struct xt_connlimit_info, data),
		.help = connlimit_help,
		.init = connlimit_init,
		.options = connlimit_opts,
		.parse = connlimit_parse_v0,
		.check = connlimit_check,
		.print = connlimit_print,
		.save = connlimit_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "connlimit",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_connlimit_info),
		.userspacesize = offsetof(struct xt_connlimit_info, data),
		.help = connlimit_help,
		.init = connlimit_init,
		.options = connlimit_opts,
		.parse = connlimit_parse_v1,
		.check = connlimit_check,
		.print = connlimit_print,
		.save = connlimit_save_v1,
	},
};

XTABLES_EXTENSIONS(connlimit_exts)
