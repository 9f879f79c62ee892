/*
 * xtables/family.h - an address family described as data.
 *
 * Everything that differs between iptables and ip6tables lives in one
 * struct xtables_family: the kernel entry layout, socket option numbers,
 * tables and hooks, address parsing and printing, the program name.
 * The engine, the option core and the programs are written once against
 * this description.
 */
#ifndef XTABLES_FAMILY_H
#define XTABLES_FAMILY_H

#include <xtables/extension.h>

#ifdef __cplusplus
extern "C" {
#endif

struct xtables_family {
	const char *name;		/* "ipv4" */
	uint8_t nfproto;		/* NFPROTO_IPV4 */
	int af;				/* AF_INET */
	const char *prog;		/* "iptables" */
	const char *ext_prefix;		/* "libipt_" (after "libxt_") */

	/* socket options (level sol) */
	int sol;			/* IPPROTO_IP / IPPROTO_IPV6 */
	int so_get_info, so_get_entries;
	int so_set_replace, so_set_add_counters;
	int so_get_revision_match, so_get_revision_target;

	/* entry layout: struct ipt_entry / struct ip6t_entry */
	size_t entry_size;
	size_t off_target_offset, off_next_offset;
	size_t off_comefrom, off_counters;

	/* generic part of an entry <-> family-neutral form */
	void (*ip_decode)(const void *entry, struct xtables_rule_ip *ip);
	void (*ip_encode)(const struct xtables_rule_ip *ip, void *entry);

	/* addresses */
	unsigned int addr_len;		/* 4 or 16 */
	unsigned int max_plen;		/* 32 or 128 */

	/* kernel: the list of tables and the module to load */
	const char *proc_names;		/* "/proc/net/ip_tables_names" */
	const char *kmod;		/* "ip_tables" */

	/* (addition) When -L (without -n) shows a source or destination
	 * as "anywhere": IPv4 when its mask is 0, IPv6 (upstream looks at
	 * the address there) when its address is "::". */
	bool anywhere_by_addr;
};

extern const struct xtables_family xtables_ipv4;
/* (addition) IPv6: ip6t_entry, IP6T_SO_*, ip6tables (family_ipv6.c). */
extern const struct xtables_family xtables_ipv6;

/* Built-in tables this suite knows, with their hooks. */
struct xtables_table_desc {
	const char *name;
	unsigned int valid_hooks;	/* bitmask of NF_INET_* */
};
const struct xtables_table_desc *xtables_table_desc(const char *name);

/* Built-in chain name of a hook ("INPUT"). */
const char *xtables_hook_name(unsigned int hook);

#ifdef __cplusplus
}
#endif
#endif
