/*
 * conntrack_show.h - names and -L/save output shared by the conntrack
 * match (libxt_conntrack.c) and the state match (libxt_state.c), whose
 * revisions 1-3 are conntrack rules with the "state alias" flag.
 * Included by those two files only; everything here is static.
 */
#ifndef XT_CONNTRACK_SHOW_H
#define XT_CONNTRACK_SHOW_H

#include <netdb.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <xtables/extension.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/xt_conntrack.h>

struct ct_name {
	unsigned int bit;
	const char *name;
};

/* Connection states, in the order -L and save list them. */
static const struct ct_name ct_states[] = {
	{ XT_CONNTRACK_STATE_INVALID, "INVALID" },
	{ XT_CONNTRACK_STATE_BIT(IP_CT_NEW), "NEW" },
	{ XT_CONNTRACK_STATE_BIT(IP_CT_RELATED), "RELATED" },
	{ XT_CONNTRACK_STATE_BIT(IP_CT_ESTABLISHED), "ESTABLISHED" },
	{ XT_CONNTRACK_STATE_UNTRACKED, "UNTRACKED" },
	{ XT_CONNTRACK_STATE_SNAT, "SNAT" },
	{ XT_CONNTRACK_STATE_DNAT, "DNAT" },
	{ 0, NULL }
};

/* The state match knows the first five only. */
#define CT_STATE_MATCH_NAMES 5

/* Connection status bits; NONE is the empty set. */
static const struct ct_name ct_statuses[] = {
	{ 0, "NONE" },
	{ IPS_EXPECTED, "EXPECTED" },
	{ IPS_SEEN_REPLY, "SEEN_REPLY" },
	{ IPS_ASSURED, "ASSURED" },
	{ IPS_CONFIRMED, "CONFIRMED" },
	{ 0, NULL }
};

/* A name given as any case-insensitive prefix of len characters
 * (the first that fits, of at most max entries); -1 if none. */
static inline int ct_lookup(const struct ct_name *names, unsigned int max,
			    const char *text, size_t len)
{
	unsigned int i;

	for (i = 0; i < max && names[i].name != NULL; i++)
		if (strncasecmp(text, names[i].name, len) == 0)
			return names[i].bit;
	return -1;
}

/* " NAME,NAME..." for the bits set. */
static inline void ct_show_bits(FILE *out, const struct ct_name *names,
				unsigned int mask)
{
	const char *sep = " ";
	unsigned int i;

	for (i = 0; names[i].name != NULL; i++) {
		if (names[i].bit == 0 || !(mask & names[i].bit))
			continue;
		xtables_puts(out, sep);
		xtables_puts(out, names[i].name);
		sep = ",";
	}
}

static inline void ct_show_status(FILE *out, unsigned int mask)
{
	ct_show_bits(out, ct_statuses, mask);
	if (mask == 0)
		fputs(" NONE", out);
}

/* Mask text as iptables shows it: nothing for a host mask, "/N" for a
 * prefix, the dotted/colon form otherwise. */
static inline void ct_show_mask(FILE *out, uint8_t family,
				const union nf_inet_addr *mask)
{
	unsigned int bytes = family == NFPROTO_IPV6 ? 16 : 4;
	const uint8_t *m = (const uint8_t *)mask;
	unsigned int bits = 0, i;
	char buf[INET6_ADDRSTRLEN];

	while (bits < bytes * 8 && (m[bits / 8] & (0x80 >> (bits % 8))))
		bits++;
	for (i = bits; i < bytes * 8; i++)
		if (m[i / 8] & (0x80 >> (i % 8)))
			break;
	if (i < bytes * 8) {
		inet_ntop(family == NFPROTO_IPV6 ? AF_INET6 : AF_INET, mask,
			  buf, sizeof(buf));
		fprintf(out, "/%s", buf);
	} else if (bits != bytes * 8) {
		fprintf(out, "/%u", bits);
	}
}

static inline void ct_show_addr(FILE *out, uint8_t family,
				const union nf_inet_addr *addr,
				const union nf_inet_addr *mask, bool numeric)
{
	static const union nf_inet_addr zero;
	char buf[NI_MAXHOST];
	size_t alen = family == NFPROTO_IPV6 ? 16 : 4;

	if (!numeric && memcmp(addr, &zero, alen) == 0) {
		fputs(" anywhere", out);
		return;
	}
	if (numeric)
		inet_ntop(family == NFPROTO_IPV6 ? AF_INET6 : AF_INET, addr,
			  buf, sizeof(buf));
	else
		xtables_addr_to_name(family, addr, buf, sizeof(buf));
	fprintf(out, " %s", buf);
	ct_show_mask(out, family, mask);
}

/* " PREFIXOPT" */
static inline void ct_show_opt(FILE *out, const char *prefix, const char *opt)
{
	putc_unlocked(' ', out);
	xtables_puts(out, prefix);
	xtables_puts(out, opt);
}

static inline void ct_show_ports(FILE *out, const char *prefix,
				 const char *opt, uint16_t low, uint16_t high)
{
	ct_show_opt(out, prefix, opt);
	putc_unlocked(' ', out);
	xtables_put_uint(out, low);
	if (!(high == 0 || low == high)) {
		putc_unlocked(':', out);
		xtables_put_uint(out, high);
	}
}

/*
 * The options of a conntrack rule, in the host-order revision 3 form,
 * for -L (prefix "") or save (prefix "--").  Revisions 1 and 2 have no
 * upper port (0 here).
 */
static inline void ct_show(FILE *out, const struct xt_conntrack_mtinfo3 *info,
			   uint8_t family, const char *prefix, bool numeric)
{
	static const struct {
		uint16_t flag;
		const char *opt;
		size_t addr, mask;
	} addrs[] = {
		{ XT_CONNTRACK_ORIGSRC, "ctorigsrc",
		  offsetof(struct xt_conntrack_mtinfo3, origsrc_addr),
		  offsetof(struct xt_conntrack_mtinfo3, origsrc_mask) },
		{ XT_CONNTRACK_ORIGDST, "ctorigdst",
		  offsetof(struct xt_conntrack_mtinfo3, origdst_addr),
		  offsetof(struct xt_conntrack_mtinfo3, origdst_mask) },
		{ XT_CONNTRACK_REPLSRC, "ctreplsrc",
		  offsetof(struct xt_conntrack_mtinfo3, replsrc_addr),
		  offsetof(struct xt_conntrack_mtinfo3, replsrc_mask) },
		{ XT_CONNTRACK_REPLDST, "ctrepldst",
		  offsetof(struct xt_conntrack_mtinfo3, repldst_addr),
		  offsetof(struct xt_conntrack_mtinfo3, repldst_mask) },
	};
	const struct {
		uint16_t flag;
		const char *opt;
		uint16_t low, high;
	} ports[] = {
		{ XT_CONNTRACK_ORIGSRC_PORT, "ctorigsrcport",
		  info->origsrc_port, info->origsrc_port_high },
		{ XT_CONNTRACK_ORIGDST_PORT, "ctorigdstport",
		  info->origdst_port, info->origdst_port_high },
		{ XT_CONNTRACK_REPLSRC_PORT, "ctreplsrcport",
		  info->replsrc_port, info->replsrc_port_high },
		{ XT_CONNTRACK_REPLDST_PORT, "ctrepldstport",
		  info->repldst_port, info->repldst_port_high },
	};
	const char *base = (const char *)info;
	unsigned int f = info->match_flags, inv = info->invert_flags, i;

	if (f & XT_CONNTRACK_STATE) {
		if (inv & XT_CONNTRACK_STATE)
			xtables_put_lit(out, " !");
		ct_show_opt(out, prefix,
			    f & XT_CONNTRACK_STATE_ALIAS ? "state" : "ctstate");
		ct_show_bits(out, ct_states, info->state_mask);
	}
	if (f & XT_CONNTRACK_PROTO) {
		if (inv & XT_CONNTRACK_PROTO)
			xtables_put_lit(out, " !");
		ct_show_opt(out, prefix, "ctproto ");
		xtables_put_uint(out, info->l4proto);
	}
	for (i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		if (!(f & addrs[i].flag))
			continue;
		if (inv & addrs[i].flag)
			xtables_put_lit(out, " !");
		ct_show_opt(out, prefix, addrs[i].opt);
		ct_show_addr(out, family,
			     (const union nf_inet_addr *)(base + addrs[i].addr),
			     (const union nf_inet_addr *)(base + addrs[i].mask),
			     numeric);
	}
	for (i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		if (!(f & ports[i].flag))
			continue;
		if (inv & ports[i].flag)
			xtables_put_lit(out, " !");
		ct_show_ports(out, prefix, ports[i].opt, ports[i].low,
			      ports[i].high);
	}
	if (f & XT_CONNTRACK_STATUS) {
		if (inv & XT_CONNTRACK_STATUS)
			xtables_put_lit(out, " !");
		ct_show_opt(out, prefix, "ctstatus");
		ct_show_status(out, info->status_mask);
	}
	if (f & XT_CONNTRACK_EXPIRES) {
		if (inv & XT_CONNTRACK_EXPIRES)
			xtables_put_lit(out, " !");
		ct_show_opt(out, prefix, "ctexpire ");
		xtables_put_uint(out, info->expires_min);
		if (info->expires_min != info->expires_max) {
			putc_unlocked(':', out);
			xtables_put_uint(out, info->expires_max);
		}
	}
	if (f & XT_CONNTRACK_DIRECTION) {
		ct_show_opt(out, prefix, "ctdir ");
		xtables_puts(out, inv & XT_CONNTRACK_DIRECTION ?
				  "REPLY" : "ORIGINAL");
	}
}

/* Any revision's data in the revision 3 form. */
static inline void ct_to_v3(const void *data, uint8_t revision,
			    struct xt_conntrack_mtinfo3 *up)
{
	memset(up, 0, sizeof(*up));
	if (revision >= 3) {
		memcpy(up, data, sizeof(*up));
	} else if (revision == 2) {
		memcpy(up, data, sizeof(struct xt_conntrack_mtinfo2));
	} else {
		const struct xt_conntrack_mtinfo1 *v1 = data;

		memcpy(up, v1, offsetof(struct xt_conntrack_mtinfo1,
					state_mask));
		up->state_mask = v1->state_mask;
		up->status_mask = v1->status_mask;
	}
	if (revision < 3) {
		up->origsrc_port = ntohs(up->origsrc_port);
		up->origdst_port = ntohs(up->origdst_port);
		up->replsrc_port = ntohs(up->replsrc_port);
		up->repldst_port = ntohs(up->repldst_port);
	}
}

/* "state" or "conntrack", for the -m of save output. */
static inline const char *ct_alias(const void *data)
{
	const struct xt_conntrack_mtinfo1 *info = data;

	return info->match_flags & XT_CONNTRACK_STATE_ALIAS ?
	       "state" : "conntrack";
}

#endif
