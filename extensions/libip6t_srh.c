/*
 * srh match: fields of the IPv6 Segment Routing Header - next header,
 * header length, segments left and last entry (each compared with
 * eq/gt/lt), the tag, and (revision 1) the previous, next and last SID
 * under a mask.
 */
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_srh.h>

/* Option ids: the IP6T_SRH_* bit of each is 1 << id. */
enum {
	O_NEXTHDR, O_LEN_EQ, O_LEN_GT, O_LEN_LT, O_SEGS_EQ, O_SEGS_GT,
	O_SEGS_LT, O_LAST_EQ, O_LAST_GT, O_LAST_LT, O_TAG, O_PSID, O_NSID,
	O_LSID,
};

#define SRH_OPT(n, t, i, s, f) \
	{ .name = n, .type = t, .id = i, .flags = XTOPT_INVERT | XTOPT_PUT, \
	  XTOPT_POINTER(s, f) }
#define SRH_FIELDS(s) \
	SRH_OPT("srh-next-hdr", XTTYPE_UINT8, O_NEXTHDR, s, next_hdr), \
	SRH_OPT("srh-hdr-len-eq", XTTYPE_UINT8, O_LEN_EQ, s, hdr_len), \
	SRH_OPT("srh-hdr-len-gt", XTTYPE_UINT8, O_LEN_GT, s, hdr_len), \
	SRH_OPT("srh-hdr-len-lt", XTTYPE_UINT8, O_LEN_LT, s, hdr_len), \
	SRH_OPT("srh-segs-left-eq", XTTYPE_UINT8, O_SEGS_EQ, s, segs_left), \
	SRH_OPT("srh-segs-left-gt", XTTYPE_UINT8, O_SEGS_GT, s, segs_left), \
	SRH_OPT("srh-segs-left-lt", XTTYPE_UINT8, O_SEGS_LT, s, segs_left), \
	SRH_OPT("srh-last-entry-eq", XTTYPE_UINT8, O_LAST_EQ, s, last_entry), \
	SRH_OPT("srh-last-entry-gt", XTTYPE_UINT8, O_LAST_GT, s, last_entry), \
	SRH_OPT("srh-last-entry-lt", XTTYPE_UINT8, O_LAST_LT, s, last_entry), \
	SRH_OPT("srh-tag", XTTYPE_UINT16, O_TAG, s, tag)

static const struct xtables_option srh_opts_v0[] = {
	SRH_FIELDS(struct ip6t_srh),
	XTABLES_OPT_END,
};

static const struct xtables_option srh_opts_v1[] = {
	SRH_FIELDS(struct ip6t_srh1),
	{ .name = "srh-psid", .type = XTTYPE_HOSTMASK, .id = O_PSID,
	  .flags = XTOPT_INVERT },
	{ .name = "srh-nsid", .type = XTTYPE_HOSTMASK, .id = O_NSID,
	  .flags = XTOPT_INVERT },
	{ .name = "srh-lsid", .type = XTTYPE_HOSTMASK, .id = O_LSID,
	  .flags = XTOPT_INVERT },
	XTABLES_OPT_END,
};

#define SRH_HELP \
	"srh match options:\n" \
	"[!] --srh-next-hdr\t\tnext-hdr        Next Header value of SRH\n" \
	"[!] --srh-hdr-len-eq\t\thdr_len         Hdr Ext Len value of SRH\n" \
	"[!] --srh-hdr-len-gt\t\thdr_len         Hdr Ext Len value of SRH\n" \
	"[!] --srh-hdr-len-lt\t\thdr_len         Hdr Ext Len value of SRH\n" \
	"[!] --srh-segs-left-eq\t\tsegs_left       Segments Left value of SRH\n" \
	"[!] --srh-segs-left-gt\t\tsegs_left       Segments Left value of SRH\n" \
	"[!] --srh-segs-left-lt\t\tsegs_left       Segments Left value of SRH\n" \
	"[!] --srh-last-entry-eq \tlast_entry      Last Entry value of SRH\n" \
	"[!] --srh-last-entry-gt \tlast_entry      Last Entry value of SRH\n" \
	"[!] --srh-last-entry-lt \tlast_entry      Last Entry value of SRH\n" \
	"[!] --srh-tag\t\t\ttag             Tag value of SRH\n"

static void srh_help_v0(FILE *out)
{
	fputs(SRH_HELP, out);
}

static void srh_help_v1(FILE *out)
{
	fputs(SRH_HELP
	      "[!] --srh-psid\t\t\taddr[/mask]\tSRH previous SID\n"
	      "[!] --srh-nsid\t\t\taddr[/mask]\tSRH next SID\n"
	      "[!] --srh-lsid\t\t\taddr[/mask]\tSRH Last SID\n", out);
}

static void set_flag(uint16_t *flags, uint16_t *inv,
		     const struct xtables_optcall *cb)
{
	*flags |= 1 << cb->opt->id;
	if (cb->invert)
		*inv |= 1 << cb->opt->id;
}

static int srh_parse_v0(struct xtables_optcall *cb)
{
	struct ip6t_srh *info = cb->data;

	set_flag(&info->mt_flags, &info->mt_invflags, cb);
	return 0;
}

static int srh_parse_v1(struct xtables_optcall *cb)
{
	struct ip6t_srh1 *info = cb->data;
	struct in6_addr *addr = NULL, *mask = NULL;

	switch (cb->opt->id) {
	case O_PSID:
		addr = &info->psid_addr;
		mask = &info->psid_msk;
		break;
	case O_NSID:
		addr = &info->nsid_addr;
		mask = &info->nsid_msk;
		break;
	case O_LSID:
		addr = &info->lsid_addr;
		mask = &info->lsid_msk;
		break;
	}
	if (addr != NULL) {
		memcpy(addr, &cb->val.haddr.in6, sizeof(*addr));
		memcpy(mask, &cb->val.hmask.in6, sizeof(*mask));
	}
	set_flag(&info->mt_flags, &info->mt_invflags, cb);
	return 0;
}

/* Names of the one-byte/two-byte fields as -L shows them, by id. */
static const char *const srh_names[] = {
	"next-hdr", "hdr-len-eq", "hdr-len-gt", "hdr-len-lt", "segs-left-eq",
	"segs-left-gt", "segs-left-lt", "last-entry-eq", "last-entry-gt",
	"last-entry-lt", "tag",
};

static unsigned int field_value(unsigned int id, uint8_t next_hdr,
				uint8_t hdr_len, uint8_t segs_left,
				uint8_t last_entry, uint16_t tag)
{
	if (id == O_NEXTHDR)
		return next_hdr;
	if (id <= O_LEN_LT)
		return hdr_len;
	if (id <= O_SEGS_LT)
		return segs_left;
	if (id <= O_LAST_LT)
		return last_entry;
	return tag;
}

#define FIELD(info, id) field_value(id, (info)->next_hdr, (info)->hdr_len, \
	(info)->segs_left, (info)->last_entry, (info)->tag)

static void print_fields(FILE *out, uint16_t flags, uint16_t inv,
			 const unsigned int *vals, bool save)
{
	for (unsigned int id = O_NEXTHDR; id <= O_TAG; id++) {
		if (!(flags & 1 << id))
			continue;
		if (save)
			fprintf(out, "%s --srh-%s %u", inv & 1 << id ? " !" : "",
				srh_names[id], vals[id]);
		else
			fprintf(out, " %s:%s%d", srh_names[id],
				inv & 1 << id ? "!" : "", vals[id]);
	}
}

static void srh_show_v0(FILE *out, const struct ip6t_srh *info, bool save)
{
	unsigned int vals[O_TAG + 1];

	for (unsigned int id = 0; id <= O_TAG; id++)
		vals[id] = FIELD(info, id);
	if (!save)
		fputs(" srh", out);
	print_fields(out, info->mt_flags, info->mt_invflags, vals, save);
}

static void srh_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	srh_show_v0(out, data, false);
}

static void srh_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	srh_show_v0(out, data, true);
}

static void put_sid(FILE *out, const char *name, bool inv, bool save,
		    const struct in6_addr *a, const struct in6_addr *m)
{
	union nf_inet_addr ua = { 0 }, um = { 0 };
	char buf[64];

	memcpy(&ua.in6, a, sizeof(*a));
	memcpy(&um.in6, m, sizeof(*m));
	xtables_addr_to_text(NFPROTO_IPV6, &ua, buf, sizeof(buf));
	if (save)
		fprintf(out, "%s --srh-%s %s/%u", inv ? " !" : "", name, buf,
			(unsigned int)xtables_mask_to_plen(NFPROTO_IPV6, &um));
	else
		fprintf(out, " %s %s %s/%u", name, inv ? "!" : "", buf,
			(unsigned int)xtables_mask_to_plen(NFPROTO_IPV6, &um));
}

static void srh_show_v1(FILE *out, const struct ip6t_srh1 *info, bool save)
{
	unsigned int vals[O_TAG + 1];
	uint16_t f = info->mt_flags, inv = info->mt_invflags;

	for (unsigned int id = 0; id <= O_TAG; id++)
		vals[id] = FIELD(info, id);
	if (!save)
		fputs(" srh", out);
	print_fields(out, f, inv, vals, save);
	if (f & IP6T_SRH_PSID)
		put_sid(out, "psid", inv & IP6T_SRH_INV_PSID, save,
			&info->psid_addr, &info->psid_msk);
	if (f & IP6T_SRH_NSID)
		put_sid(out, "nsid", inv & IP6T_SRH_INV_NSID, save,
			&info->nsid_addr, &info->nsid_msk);
	if (f & IP6T_SRH_LSID)
		put_sid(out, "lsid", inv & IP6T_SRH_INV_LSID, save,
			&info->lsid_addr, &info->lsid_msk);
}

static void srh_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	srh_show_v1(out, data, false);
}

static void srh_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	srh_show_v1(out, data, true);
}

static const struct xtables_ext srh_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "srh",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_srh),
		.help = srh_help_v0,
		.options = srh_opts_v0,
		.parse = srh_parse_v0,
		.print = srh_print_v0,
		.save = srh_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "srh",
		.revision = 1,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_srh1),
		.help = srh_help_v1,
		.options = srh_opts_v1,
		.parse = srh_parse_v1,
		.print = srh_print_v1,
		.save = srh_save_v1,
	},
};

XTABLES_EXTENSIONS(srh_exts)
