/*
 * family_ipv6.c - IPv6 as data: the ip6t_entry layout, the IP6T_SO_*
 * socket options, and the translation between struct ip6t_ip6 and the
 * family-neutral struct xtables_rule_ip.  The only file of the engine
 * that knows struct ip6t_entry.
 */
#include <stddef.h>
#include <string.h>
#include <xtables/family.h>	/* the libc headers before the kernel's */
#include <linux/netfilter_ipv6/ip6_tables.h>
#include "engine.h"

/* The engine's neutral socket option structures must match IPv6's. */
#define SAME_LAYOUT(neutral, real, field) \
	_Static_assert(offsetof(struct neutral, field) == \
		       offsetof(struct real, field), #real "." #field)
SAME_LAYOUT(engine_getinfo, ip6t_getinfo, valid_hooks);
SAME_LAYOUT(engine_getinfo, ip6t_getinfo, hook_entry);
SAME_LAYOUT(engine_getinfo, ip6t_getinfo, underflow);
SAME_LAYOUT(engine_getinfo, ip6t_getinfo, num_entries);
SAME_LAYOUT(engine_getinfo, ip6t_getinfo, size);
_Static_assert(sizeof(struct engine_getinfo) == sizeof(struct ip6t_getinfo),
	       "ip6t_getinfo size");
SAME_LAYOUT(engine_get_entries, ip6t_get_entries, size);
SAME_LAYOUT(engine_get_entries, ip6t_get_entries, entrytable);
SAME_LAYOUT(engine_replace, ip6t_replace, valid_hooks);
SAME_LAYOUT(engine_replace, ip6t_replace, num_entries);
SAME_LAYOUT(engine_replace, ip6t_replace, size);
SAME_LAYOUT(engine_replace, ip6t_replace, hook_entry);
SAME_LAYOUT(engine_replace, ip6t_replace, underflow);
SAME_LAYOUT(engine_replace, ip6t_replace, num_counters);
SAME_LAYOUT(engine_replace, ip6t_replace, counters);
SAME_LAYOUT(engine_replace, ip6t_replace, entries);

/* The neutral inversion bits are the kernel's. */
_Static_assert(XTABLES_INV_VIA_IN == IP6T_INV_VIA_IN &&
	       XTABLES_INV_VIA_OUT == IP6T_INV_VIA_OUT &&
	       XTABLES_INV_TOS == IP6T_INV_TOS &&
	       XTABLES_INV_SRCIP == IP6T_INV_SRCIP &&
	       XTABLES_INV_DSTIP == IP6T_INV_DSTIP &&
	       XTABLES_INV_FRAG == IP6T_INV_FRAG &&
	       XTABLES_INV_PROTO == IP6T_INV_PROTO, "IP6T_INV_* bits");

static void ipv6_decode(const void *entry, struct xtables_rule_ip *ip)
{
	const struct ip6t_ip6 *k = &((const struct ip6t_entry *)entry)->ipv6;

	memset(ip, 0, sizeof(*ip));
	ip->family = NFPROTO_IPV6;
	memcpy(&ip->src.in6, &k->src, sizeof(k->src));
	memcpy(&ip->dst.in6, &k->dst, sizeof(k->dst));
	memcpy(&ip->smsk.in6, &k->smsk, sizeof(k->smsk));
	memcpy(&ip->dmsk.in6, &k->dmsk, sizeof(k->dmsk));
	memcpy(ip->iniface, k->iniface, IFNAMSIZ);
	memcpy(ip->outiface, k->outiface, IFNAMSIZ);
	memcpy(ip->iniface_mask, k->iniface_mask, IFNAMSIZ);
	memcpy(ip->outiface_mask, k->outiface_mask, IFNAMSIZ);
	ip->proto = k->proto;
	ip->has_proto = (k->flags & IP6T_F_PROTO) != 0;
	ip->tos = k->tos;
	if (k->flags & IP6T_F_GOTO)
		ip->flags |= XTABLES_IPF_GOTO;
	ip->invflags = k->invflags;
}

static void ipv6_encode(const struct xtables_rule_ip *ip, void *entry)
{
	struct ip6t_ip6 *k = &((struct ip6t_entry *)entry)->ipv6;

	memset(k, 0, sizeof(*k));
	memcpy(&k->src, &ip->src.in6, sizeof(k->src));
	memcpy(&k->dst, &ip->dst.in6, sizeof(k->dst));
	memcpy(&k->smsk, &ip->smsk.in6, sizeof(k->smsk));
	memcpy(&k->dmsk, &ip->dmsk.in6, sizeof(k->dmsk));
	memcpy(k->iniface, ip->iniface, IFNAMSIZ);
	memcpy(k->outiface, ip->outiface, IFNAMSIZ);
	memcpy(k->iniface_mask, ip->iniface_mask, IFNAMSIZ);
	memcpy(k->outiface_mask, ip->outiface_mask, IFNAMSIZ);
	k->proto = ip->proto;
	k->tos = ip->tos;
	if (ip->has_proto)
		k->flags |= IP6T_F_PROTO;
	if (ip->tos != 0)
		k->flags |= IP6T_F_TOS;
	if (ip->flags & XTABLES_IPF_GOTO)
		k->flags |= IP6T_F_GOTO;
	k->invflags = ip->invflags;
}

const struct xtables_family xtables_ipv6 = {
	.name = "ipv6",
	.nfproto = NFPROTO_IPV6,
	.af = AF_INET6,
	.prog = "ip6tables",
	.ext_prefix = "libip6t_",

	.sol = IPPROTO_IPV6,
	.so_get_info = IP6T_SO_GET_INFO,
	.so_get_entries = IP6T_SO_GET_ENTRIES,
	.so_set_replace = IP6T_SO_SET_REPLACE,
	.so_set_add_counters = IP6T_SO_SET_ADD_COUNTERS,
	.so_get_revision_match = IP6T_SO_GET_REVISION_MATCH,
	.so_get_revision_target = IP6T_SO_GET_REVISION_TARGET,

	.entry_size = sizeof(struct ip6t_entry),
	.off_target_offset = offsetof(struct ip6t_entry, target_offset),
	.off_next_offset = offsetof(struct ip6t_entry, next_offset),
	.off_comefrom = offsetof(struct ip6t_entry, comefrom),
	.off_counters = offsetof(struct ip6t_entry, counters),

	.ip_decode = ipv6_decode,
	.ip_encode = ipv6_encode,

	.addr_len = 16,
	.max_plen = 128,

	.proc_names = "/proc/net/ip6_tables_names",
	.kmod = "ip6_tables",
	.anywhere_by_addr = true,
};
