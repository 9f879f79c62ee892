/*
 * conntrack match: connection tracking state, status, protocol, original
 * and reply addresses and ports, remaining lifetime and direction.
 * Options are gathered in the revision 3 form (host-order port ranges)
 * and written in the negotiated revision's layout by the final check.
 */
#include <stdlib.h>
#include "conntrack_show.h"

enum {
	O_CTSTATE, O_CTPROTO, O_CTORIGSRC, O_CTORIGDST, O_CTREPLSRC,
	O_CTREPLDST, O_CTORIGSRCPORT, O_CTORIGDSTPORT, O_CTREPLSRCPORT,
	O_CTREPLDSTPORT, O_CTSTATUS, O_CTEXPIRE, O_CTDIR,
};

static const struct xtables_option conntrack_opts[] = {
	{ .name = "ctstate", .type = XTTYPE_STRING, .id = O_CTSTATE,
	  .flags = XTOPT_INVERT },
	{ .name = "ctproto", .type = XTTYPE_PROTOCOL, .id = O_CTPROTO,
	  .flags = XTOPT_INVERT },
	{ .name = "ctorigsrc", .type = XTTYPE_HOSTMASK, .id = O_CTORIGSRC,
	  .flags = XTOPT_INVERT },
	{ .name = "ctorigdst", .type = XTTYPE_HOSTMASK, .id = O_CTORIGDST,
	  .flags = XTOPT_INVERT },
	{ .name = "ctreplsrc", .type = XTTYPE_HOSTMASK, .id = O_CTREPLSRC,
	  .flags = XTOPT_INVERT },
	{ .name = "ctrepldst", .type = XTTYPE_HOSTMASK, .id = O_CTREPLDST,
	  .flags = XTOPT_INVERT },
	{ .name = "ctstatus", .type = XTTYPE_STRING, .id = O_CTSTATUS,
	  .flags = XTOPT_INVERT },
	{ .name = "ctexpire", .type = XTTYPE_UINT32RC, .id = O_CTEXPIRE,
	  .flags = XTOPT_INVERT },
	{ .name = "ctorigsrcport", .type = XTTYPE_PORTRC,
	  .id = O_CTORIGSRCPORT, .flags = XTOPT_INVERT },
	{ .name = "ctorigdstport", .type = XTTYPE_PORTRC,
	  .id = O_CTORIGDSTPORT, .flags = XTOPT_INVERT },
	{ .name = "ctreplsrcport", .type = XTTYPE_PORTRC,
	  .id = O_CTREPLSRCPORT, .flags = XTOPT_INVERT },
	{ .name = "ctrepldstport", .type = XTTYPE_PORTRC,
	  .id = O_CTREPLDSTPORT, .flags = XTOPT_INVERT },
	{ .name = "ctdir", .type = XTTYPE_STRING, .id = O_CTDIR },
	XTABLES_OPT_END,
};

/* Kernel flag and fields of each address option. */
static const struct {
	uint16_t flag;
	size_t addr, mask;
} conntrack_addr_opts[] = {
	[O_CTORIGSRC] = { XT_CONNTRACK_ORIGSRC,
		offsetof(struct xt_conntrack_mtinfo3, origsrc_addr),
		offsetof(struct xt_conntrack_mtinfo3, origsrc_mask) },
	[O_CTORIGDST] = { XT_CONNTRACK_ORIGDST,
		offsetof(struct xt_conntrack_mtinfo3, origdst_addr),
		offsetof(struct xt_conntrack_mtinfo3, origdst_mask) },
	[O_CTREPLSRC] = { XT_CONNTRACK_REPLSRC,
		offsetof(struct xt_conntrack_mtinfo3, replsrc_addr),
		offsetof(struct xt_conntrack_mtinfo3, replsrc_mask) },
	[O_CTREPLDST] = { XT_CONNTRACK_REPLDST,
		offsetof(struct xt_conntrack_mtinfo3, repldst_addr),
		offsetof(struct xt_conntrack_mtinfo3, repldst_mask) },
};

/* Kernel flag and fields of each port option. */
static const struct {
	uint16_t flag;
	size_t low, high;
} conntrack_port_opts[] = {
	[O_CTORIGSRCPORT] = { XT_CONNTRACK_ORIGSRC_PORT,
		offsetof(struct xt_conntrack_mtinfo3, origsrc_port),
		offsetof(struct xt_conntrack_mtinfo3, origsrc_port_high) },
	[O_CTORIGDSTPORT] = { XT_CONNTRACK_ORIGDST_PORT,
		offsetof(struct xt_conntrack_mtinfo3, origdst_port),
		offsetof(struct xt_conntrack_mtinfo3, origdst_port_high) },
	[O_CTREPLSRCPORT] = { XT_CONNTRACK_REPLSRC_PORT,
		offsetof(struct xt_conntrack_mtinfo3, replsrc_port),
		offsetof(struct xt_conntrack_mtinfo3, replsrc_port_high) },
	[O_CTREPLDSTPORT] = { XT_CONNTRACK_REPLDST_PORT,
		offsetof(struct xt_conntrack_mtinfo3, repldst_port),
		offsetof(struct xt_conntrack_mtinfo3, repldst_port_high) },
};

static void conntrack_help(FILE *out)
{
	fputs(
"conntrack match options:\n"
"[!] --ctstate {INVALID|ESTABLISHED|NEW|RELATED|UNTRACKED|SNAT|DNAT}[,...]\n"
"                               State(s) to match\n"
"[!] --ctproto proto            Protocol to match; by number or name, e.g. \"tcp\"\n"
"[!] --ctorigsrc address[/mask]\n"
"[!] --ctorigdst address[/mask]\n"
"[!] --ctreplsrc address[/mask]\n"
"[!] --ctrepldst address[/mask]\n"
"                               Original/Reply source/destination address\n"
"[!] --ctorigsrcport port\n"
"[!] --ctorigdstport port\n"
"[!] --ctreplsrcport port\n"
"[!] --ctrepldstport port\n"
"                               TCP/UDP/SCTP orig./reply source/destination port\n"
"[!] --ctstatus {NONE|EXPECTED|SEEN_REPLY|ASSURED|CONFIRMED}[,...]\n"
"                               Status(es) to match\n"
"[!] --ctexpire time[:time]     Match remaining lifetime in seconds against\n"
"                               value or range of values (inclusive)\n"
"    --ctdir {ORIGINAL|REPLY}   Flow direction of packet\n",
	      out);
}

/* "NAME[,NAME...]" into a bit mask; what did not parse is named in
 * the message "Bad <what> "<rest of the list>"". */
static int conntrack_list(struct xtables_optcall *cb, const char *what,
			  const struct ct_name *names, uint16_t *mask)
{
	const char *arg = cb->arg, *comma;
	int bit;

	while ((comma = strchr(arg, ',')) != NULL) {
		bit = comma == arg ? -1 :
		      ct_lookup(names, ~0U, arg, comma - arg);
		if (bit < 0)
			goto bad;
		*mask |= bit;
		arg = comma + 1;
	}
	bit = *arg == '\0' ? -1 : ct_lookup(names, ~0U, arg, strlen(arg));
	if (bit < 0)
		goto bad;
	*mask |= bit;
	return 0;
bad:
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "Bad %s \"%s\"", what, arg);
}

static int conntrack_parse(struct xtables_optcall *cb)
{
	struct xt_conntrack_mtinfo3 *info = cb->udata;
	unsigned int id = cb->opt->id;
	uint16_t flag = 0;
	char *base = (char *)info;

	switch (id) {
	case O_CTSTATE:
		if (conntrack_list(cb, "ctstate", ct_states,
				   &info->state_mask) < 0)
			return -1;
		flag = XT_CONNTRACK_STATE;
		break;
	case O_CTPROTO:
		if (cb->val.protocol == 0)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				cb->invert ?
				"conntrack: condition would always match protocol" :
				"conntrack: rule would never match protocol");
		info->l4proto = cb->val.protocol;
		flag = XT_CONNTRACK_PROTO;
		break;
	case O_CTORIGSRC:
	case O_CTORIGDST:
	case O_CTREPLSRC:
	case O_CTREPLDST:
		memcpy(base + conntrack_addr_opts[id].addr, &cb->val.haddr,
		       sizeof(cb->val.haddr));
		memcpy(base + conntrack_addr_opts[id].mask, &cb->val.hmask,
		       sizeof(cb->val.hmask));
		flag = conntrack_addr_opts[id].flag;
		break;
	case O_CTORIGSRCPORT:
	case O_CTORIGDSTPORT:
	case O_CTREPLSRCPORT:
	case O_CTREPLDSTPORT: {
		uint16_t low = cb->val.port_range[0];
		uint16_t high = cb->val.port_range[cb->nvals >= 2 ? 1 : 0];

		memcpy(base + conntrack_port_opts[id].low, &low, sizeof(low));
		memcpy(base + conntrack_port_opts[id].high, &high,
		       sizeof(high));
		flag = conntrack_port_opts[id].flag;
		break;
	}
	case O_CTSTATUS:
		if (conntrack_list(cb, "ctstatus", ct_statuses,
				   &info->status_mask) < 0)
			return -1;
		flag = XT_CONNTRACK_STATUS;
		break;
	case O_CTEXPIRE:
		info->expires_min = cb->val.u32_range[0];
		info->expires_max = cb->val.u32_range[cb->nvals >= 2 ? 1 : 0];
		flag = XT_CONNTRACK_EXPIRES;
		break;
	case O_CTDIR:
		if (strcasecmp(cb->arg, "ORIGINAL") == 0)
			info->invert_flags &= ~XT_CONNTRACK_DIRECTION;
		else if (strcasecmp(cb->arg, "REPLY") == 0)
			info->invert_flags |= XT_CONNTRACK_DIRECTION;
		else
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"conntrack: Bad value for \"--ctdir\" option: \"%s\"",
				cb->arg);
		info->match_flags |= XT_CONNTRACK_DIRECTION;
		return 0;
	}
	info->match_flags |= flag;
	if (cb->invert)
		info->invert_flags |= flag;
	return 0;
}

/* Revisions 1 and 2 hold a single port per option. */
static int conntrack_parse_single_port(struct xtables_optcall *cb,
				       const char *message)
{
	const struct xt_conntrack_mtinfo3 *info = cb->udata;

	if (conntrack_parse(cb) < 0)
		return -1;
	if (info->origsrc_port != info->origsrc_port_high ||
	    info->origdst_port != info->origdst_port_high ||
	    info->replsrc_port != info->replsrc_port_high ||
	    info->repldst_port != info->repldst_port_high)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "%s", message);
	return 0;
}

static int conntrack1_parse(struct xtables_optcall *cb)
{
	return conntrack_parse_single_port(cb,
		"conntrack rev 1 does not support port ranges");
}

static int conntrack2_parse(struct xtables_optcall *cb)
{
	return conntrack_parse_single_port(cb,
		"conntrack rev 2 does not support port ranges");
}

static int conntrack_need_option(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "conntrack: At least one option is required");
	return 0;
}

static int conntrack3_check(struct xtables_checkcall *cb)
{
	if (conntrack_need_option(cb) < 0)
		return -1;
	memcpy(cb->data, cb->udata, sizeof(struct xt_conntrack_mtinfo3));
	return 0;
}

/* Revision 2: the revision 3 layout without upper ports, ports in
 * network order. */
static int conntrack2_check(struct xtables_checkcall *cb)
{
	const struct xt_conntrack_mtinfo3 *up = cb->udata;
	struct xt_conntrack_mtinfo2 *info = cb->data;

	if (conntrack_need_option(cb) < 0)
		return -1;
	memcpy(info, up, sizeof(*info));
	info->origsrc_port = htons(up->origsrc_port);
	info->origdst_port = htons(up->origdst_port);
	info->replsrc_port = htons(up->replsrc_port);
	info->repldst_port = htons(up->repldst_port);
	return 0;
}

/* Revision 1: as revision 2 with 8-bit state and status masks. */
static int conntrack1_check(struct xtables_checkcall *cb)
{
	const struct xt_conntrack_mtinfo3 *up = cb->udata;
	struct xt_conntrack_mtinfo1 *info = cb->data;

	if (conntrack_need_option(cb) < 0)
		return -1;
	memcpy(info, up, offsetof(struct xt_conntrack_mtinfo1, state_mask));
	info->origsrc_port = htons(up->origsrc_port);
	info->origdst_port = htons(up->origdst_port);
	info->replsrc_port = htons(up->replsrc_port);
	info->repldst_port = htons(up->repldst_port);
	info->state_mask = up->state_mask;
	info->status_mask = up->status_mask;
	return 0;
}

static void conntrack_show(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data, uint8_t revision,
			   const char *prefix, bool numeric)
{
	struct xt_conntrack_mtinfo3 up;

	ct_to_v3(data, revision, &up);
	ct_show(out, &up, ip->family, prefix, numeric);
}

static void conntrack1_print(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data, unsigned int flags)
{
	conntrack_show(out, ip, data, 1, "", flags & XTABLES_PRINT_NUMERIC);
}

static void conntrack2_print(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data, unsigned int flags)
{
	conntrack_show(out, ip, data, 2, "", flags & XTABLES_PRINT_NUMERIC);
}

static void conntrack3_print(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data, unsigned int flags)
{
	conntrack_show(out, ip, data, 3, "", flags & XTABLES_PRINT_NUMERIC);
}

static void conntrack1_save(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data)
{
	conntrack_show(out, ip, data, 1, "--", true);
}

static void conntrack2_save(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data)
{
	conntrack_show(out, ip, data, 2, "--", true);
}

static void conntrack3_save(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data)
{
	conntrack_show(out, ip, data, 3, "--", true);
}

#define CONNTRACK_EXT(rev, size_of, parse_cb, check_cb, print_cb, save_cb) \
	{								\
		.abi = XTABLES_ABI_VERSION,				\
		.kind = XTABLES_MATCH,					\
		.name = "conntrack",					\
		.revision = rev,					\
		.family = NFPROTO_UNSPEC,				\
		.size = size_of,					\
		.udata_size = sizeof(struct xt_conntrack_mtinfo3),	\
		.help = conntrack_help,					\
		.options = conntrack_opts,				\
		.parse = parse_cb,					\
		.check = check_cb,					\
		.print = print_cb,					\
		.save = save_cb,					\
		.alias = ct_alias,					\
	}

static const struct xtables_ext conntrack_exts[] = {
	CONNTRACK_EXT(1, sizeof(struct xt_conntrack_mtinfo1), conntrack1_parse,
		      conntrack1_check, conntrack1_print, conntrack1_save),
	CONNTRACK_EXT(2, sizeof(struct xt_conntrack_mtinfo2), conntrack2_parse,
		      conntrack2_check, conntrack2_print, conntrack2_save),
	CONNTRACK_EXT(3, sizeof(struct xt_conntrack_mtinfo3), conntrack_parse,
		      conntrack3_check, conntrack3_print, conntrack3_save),
};

XTABLES_EXTENSIONS(conntrack_exts)
