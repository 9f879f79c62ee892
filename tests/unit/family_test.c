/*
 * family_test.c - the address families as data (family_ipv4.c,
 * family_ipv6.c): entry layouts and socket options against the kernel's
 * UAPI headers, and the generic part of a rule through ip_encode /
 * ip_decode, flag by flag.  No kernel access.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <xtables/family.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

static int failures, checks;

#define CHECK(cond) do { checks++; if (!(cond)) { failures++; \
	fprintf(stderr, "FAIL line %d: %s\n", __LINE__, #cond); } } while (0)

static void test_layouts(void)
{
	const struct xtables_family *f4 = &xtables_ipv4, *f6 = &xtables_ipv6;

	CHECK(f6->nfproto == NFPROTO_IPV6 && f6->af == AF_INET6);
	CHECK(f6->sol == IPPROTO_IPV6);
	CHECK(f6->so_get_info == IP6T_SO_GET_INFO);
	CHECK(f6->so_get_entries == IP6T_SO_GET_ENTRIES);
	CHECK(f6->so_set_replace == IP6T_SO_SET_REPLACE);
	CHECK(f6->so_set_add_counters == IP6T_SO_SET_ADD_COUNTERS);
	CHECK(f6->so_get_revision_match == IP6T_SO_GET_REVISION_MATCH);
	CHECK(f6->so_get_revision_target == IP6T_SO_GET_REVISION_TARGET);
	CHECK(f6->entry_size == sizeof(struct ip6t_entry));
	CHECK(f6->off_target_offset == offsetof(struct ip6t_entry, target_offset));
	CHECK(f6->off_next_offset == offsetof(struct ip6t_entry, next_offset));
	CHECK(f6->off_comefrom == offsetof(struct ip6t_entry, comefrom));
	CHECK(f6->off_counters == offsetof(struct ip6t_entry, counters));
	CHECK(f6->addr_len == 16 && f6->max_plen == 128);
	CHECK(strcmp(f6->prog, "ip6tables") == 0);
	CHECK(strcmp(f6->ext_prefix, "libip6t_") == 0);
	CHECK(strcmp(f6->proc_names, "/proc/net/ip6_tables_names") == 0);
	CHECK(strcmp(f6->kmod, "ip6_tables") == 0);
	CHECK(f6->anywhere_by_addr && !f4->anywhere_by_addr);
	CHECK(f4->entry_size == sizeof(struct ipt_entry));
	CHECK(f4->sol == IPPROTO_IP && f4->addr_len == 4);
}

static void sample(struct xtables_rule_ip *ip, uint8_t family)
{
	memset(ip, 0, sizeof(*ip));
	ip->family = family;
	if (family == NFPROTO_IPV6) {
		inet_pton(AF_INET6, "2001:db8::1", &ip->src);
		inet_pton(AF_INET6, "ffff:ffff::", &ip->smsk);
		inet_pton(AF_INET6, "fe80::", &ip->dst);
		inet_pton(AF_INET6, "ffc0::", &ip->dmsk);
	} else {
		inet_pton(AF_INET, "192.0.2.1", &ip->src);
		inet_pton(AF_INET, "255.255.255.0", &ip->smsk);
	}
	strcpy(ip->iniface, "eth0");
	memset(ip->iniface_mask, 0xff, 5);
	strcpy(ip->outiface, "ppp");
	memset(ip->outiface_mask, 0xff, 3);
	ip->proto = IPPROTO_TCP;
	ip->has_proto = true;
	ip->invflags = XTABLES_INV_SRCIP | XTABLES_INV_PROTO | XTABLES_INV_VIA_OUT;
}

static void test_ipv6_encode(void)
{
	const struct xtables_family *f = &xtables_ipv6;
	struct xtables_rule_ip ip, back;
	struct ip6t_entry e;

	sample(&ip, NFPROTO_IPV6);
	ip.flags = XTABLES_IPF_GOTO;
	memset(&e, 0xAA, sizeof(e));
	f->ip_encode(&ip, &e);
	CHECK(memcmp(&e.ipv6.src, &ip.src, 16) == 0);
	CHECK(memcmp(&e.ipv6.dmsk, &ip.dmsk, 16) == 0);
	CHECK(strcmp(e.ipv6.iniface, "eth0") == 0);
	CHECK(e.ipv6.proto == IPPROTO_TCP);
	CHECK(e.ipv6.flags == (IP6T_F_PROTO | IP6T_F_GOTO));
	CHECK(e.ipv6.invflags == (IP6T_INV_SRCIP | IP6T_INV_PROTO |
				  IP6T_INV_VIA_OUT));
	CHECK(e.ipv6.tos == 0);
	f->ip_decode(&e, &back);
	CHECK(memcmp(&back, &ip, sizeof(ip)) == 0);

	/* -p all still sets IP6T_F_PROTO; no -p leaves it clear */
	ip.proto = 0;
	f->ip_encode(&ip, &e);
	CHECK(e.ipv6.flags & IP6T_F_PROTO);
	ip.has_proto = false;
	ip.flags = 0;
	f->ip_encode(&ip, &e);
	CHECK(e.ipv6.flags == 0);
	f->ip_decode(&e, &back);
	CHECK(!back.has_proto && back.flags == 0);

	/* a TOS byte (not set by any option, but kept) */
	e.ipv6.tos = 0x10;
	e.ipv6.flags = IP6T_F_TOS;
	f->ip_decode(&e, &back);
	CHECK(back.tos == 0x10);
	f->ip_encode(&back, &e);
	CHECK(e.ipv6.flags == IP6T_F_TOS && e.ipv6.tos == 0x10);
}

static void test_ipv4_encode(void)
{
	const struct xtables_family *f = &xtables_ipv4;
	struct xtables_rule_ip ip, back;
	struct ipt_entry e;

	sample(&ip, NFPROTO_IPV4);
	ip.flags = XTABLES_IPF_FRAG | XTABLES_IPF_GOTO;
	f->ip_encode(&ip, &e);
	CHECK(e.ip.flags == (IPT_F_FRAG | IPT_F_GOTO));
	CHECK(e.ip.src.s_addr == htonl(0xC0000201));
	f->ip_decode(&e, &back);
	CHECK(back.flags == ip.flags && back.invflags == ip.invflags);
	CHECK(memcmp(&back.src, &ip.src, 4) == 0);
}

int main(void)
{
	test_layouts();
	test_ipv6_encode();
	test_ipv4_encode();
	printf("family_test: %d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
