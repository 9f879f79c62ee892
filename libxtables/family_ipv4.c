/*
 * family_ipv4.c - IPv4 as data: the ipt_entry layout, the IPT_SO_*
 * socket options, and the translation between struct ipt_ip and the
 * family-neutral struct xtables_rule_ip.  The only file of the engine
 * that knows struct ipt_entry.
 */
#include <stddef.h>
#include <string.h>
#include <xtables/family.h>	/* the libc headers before the kernel's */
#include <linux/netfilter_ipv4/ip_tables.h>
#include "engine.h"

/* The engine's neutral socket option structures must match IPv4's. */
#define SAME_LAYOUT(neutral, real, field) \
	_Static_assert(offsetof(struct neutral, field) == \
		       offsetof(struct real, field), #real "." #field)
SAME_LAYOUT(engine_getinfo, ipt_getinfo, valid_hooks);
SAME_LAYOUT(engine_getinfo, ipt_getinfo, hook_entry);
SAME_LAYOUT(engine_getinfo, ipt_getinfo, underflow);
SAME_LAYOUT(engine_getinfo, ipt_getinfo, num_entries);
SAME_LAYOUT(engine_getinfo, ipt_getinfo, size);
_Static_assert(sizeof(struct engine_getinfo) == sizeof(struct ipt_getinfo),
	       "ipt_getinfo size");
SAME_LAYOUT(engine_get_entries, ipt_get_entries, size);
SAME_LAYOUT(engine_get_entries, ipt_get_entries, entrytable);
SAME_LAYOUT(engine_replace, ipt_replace, valid_hooks);
SAME_LAYOUT(engine_replace, ipt_replace, num_entries);
SAME_LAYOUT(engine_replace, ipt_replace, size);
SAME_LAYOUT(engine_replace, ipt_replace, hook_entry);
SAME_LAYOUT(engine_replace, ipt_replace, underflow);
SAME_LAYOUT(engine_replace, ipt_replace, num_counters);
SAME_LAYOUT(engine_replace, ipt_replace, counters);
SAME_LAYOUT(engine_replace, ipt_replace, entries);

static void ipv4_decode(const void *entry, struct xtables_rule_ip *ip)
{
	const struct ipt_ip *k = &((const struct ipt_entry *)entry)->ip;

	memset(ip, 0, sizeof(*ip));
	ip->family = NFPROTO_IPV4;
	ip->src.in = k->src;
	ip->dst.in = k->dst;
	ip->smsk.in = k->smsk;
	ip->dmsk.in = k->dmsk;
	memcpy(ip->iniface, k->iniface, IFNAMSIZ);
	memcpy(ip->outiface, k->outiface, IFNAMSIZ);
	memcpy(ip->iniface_mask, k->iniface_mask, IFNAMSIZ);
	memcpy(ip->outiface_mask, k->outiface_mask, IFNAMSIZ);
	ip->proto = k->proto;
	ip->has_proto = k->proto != 0;
	if (k->flags & IPT_F_FRAG)
		ip->flags |= XTABLES_IPF_FRAG;
	if (k->flags & IPT_F_GOTO)
		ip->flags |= XTABLES_IPF_GOTO;
	ip->invflags = k->invflags;
}

static void ipv4_encode(const struct xtables_rule_ip *ip, void *entry)
{
	struct ipt_ip *k = &((struct ipt_entry *)entry)->ip;

	memset(k, 0, sizeof(*k));
	k->src = ip->src.in;
	k->dst = ip->dst.in;
	k->smsk = ip->smsk.in;
	k->dmsk = ip->dmsk.in;
	memcpy(k->iniface, ip->iniface, IFNAMSIZ);
	memcpy(k->outiface, ip->outiface, IFNAMSIZ);
	memcpy(k->iniface_mask, ip->iniface_mask, IFNAMSIZ);
	memcpy(k->outiface_mask, ip->outiface_mask, IFNAMSIZ);
	k->proto = ip->proto;
	if (ip->flags & XTABLES_IPF_FRAG)
		k->flags |= IPT_F_FRAG;
	if (ip->flags & XTABLES_IPF_GOTO)
		k->flags |= IPT_F_GOTO;
	k->invflags = ip->invflags;
}

const struct xtables_family xtables_ipv4 = {
	.name = "ipv4",
	.nfproto = NFPROTO_IPV4,
	.af = AF_INET,
	.prog = "iptables",
	.ext_prefix = "libipt_",

	.sol = IPPROTO_IP,
	.so_get_info = IPT_SO_GET_INFO,
	.so_get_entries = IPT_SO_GET_ENTRIES,
	.so_set_replace = IPT_SO_SET_REPLACE,
	.so_set_add_counters = IPT_SO_SET_ADD_COUNTERS,
	.so_get_revision_match = IPT_SO_GET_REVISION_MATCH,
	.so_get_revision_target = IPT_SO_GET_REVISION_TARGET,

	.entry_size = sizeof(struct ipt_entry),
	.off_target_offset = offsetof(struct ipt_entry, target_offset),
	.off_next_offset = offsetof(struct ipt_entry, next_offset),
	.off_comefrom = offsetof(struct ipt_entry, comefrom),
	.off_counters = offsetof(struct ipt_entry, counters),

	.ip_decode = ipv4_decode,
	.ip_encode = ipv4_encode,

	.addr_len = 4,
	.max_plen = 32,

	.proc_names = "/proc/net/ip_tables_names",
	.kmod = "ip_tables",
};
