/*
 * dump.c - `iptables -vv`: after the command, the reference prints
 * libiptc's debugging dump of the table as it was read from the kernel
 * (header with hooks and underflows, then every entry).  The table is
 * still the kernel's (the lock is held, nothing is committed yet), so it
 * is fetched here again with GET_INFO / GET_ENTRIES.  The dump also
 * changes which text libiptc gives a later error: only the generic ones.
 * ip6tables prints libip6tc's variant of it: addresses and masks on lines
 * of their own, the kernel's IP6T_F_* flags, no name for a QUEUE verdict.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include "cmd.h"

/* Same layout as struct ipt_getinfo / ip6t_getinfo. */
struct dump_info {
	char name[XT_TABLE_MAXNAMELEN];
	unsigned int valid_hooks;
	unsigned int hook_entry[NF_INET_NUMHOOKS];
	unsigned int underflow[NF_INET_NUMHOOKS];
	unsigned int num_entries;
	unsigned int size;
};

/* Same layout as struct ipt_get_entries / ip6t_get_entries. */
struct dump_entries {
	char name[XT_TABLE_MAXNAMELEN];
	unsigned int size;
	uint64_t table[];
};

/* The reference's build prints its library name where libiptc meant to
 * print a version. */
#define DUMP_VERSION "libxtables.so.12"

static uint16_t get16(const unsigned char *p, size_t off)
{
	uint16_t v;

	memcpy(&v, p + off, sizeof(v));
	return v;
}

static void print_ipv4(FILE *out, const char *what,
		       const union nf_inet_addr *a, const union nf_inet_addr *m)
{
	const unsigned char *x = (const unsigned char *)&a->ip;
	const unsigned char *y = (const unsigned char *)&m->ip;

	fprintf(out, "%s IP: %u.%u.%u.%u/%u.%u.%u.%u\n", what,
		x[0], x[1], x[2], x[3], y[0], y[1], y[2], y[3]);
}

/* libip6tc: "SRC IP: " and the address on lines of their own, then "/"
 * and the prefix length, or the mask followed by an empty line. */
static void print_ipv6(FILE *out, const char *what,
		       const union nf_inet_addr *a, const union nf_inet_addr *m)
{
	char buf[INET6_ADDRSTRLEN];
	int plen = xtables_mask_to_plen(NFPROTO_IPV6, m);

	inet_ntop(AF_INET6, &a->in6, buf, sizeof(buf));
	fprintf(out, "%s IP: \n%s\n/", what, buf);
	if (plen >= 0) {
		fprintf(out, "%d", plen);
	} else {
		inet_ntop(AF_INET6, &m->in6, buf, sizeof(buf));
		fprintf(out, "%s\n", buf);
	}
	fputc('\n', out);
}

/* The kernel's flag bits of each family, rebuilt from the neutral form
 * (IPT_F_FRAG, IPT_F_GOTO; IP6T_F_PROTO, IP6T_F_TOS, IP6T_F_GOTO). */
struct dump_flag_bits {
	uint8_t frag, go_to, proto, tos;
};
static const struct dump_flag_bits dump_ipv4_bits = { 0x01, 0x02, 0, 0 };
static const struct dump_flag_bits dump_ipv6_bits = { 0, 0x04, 0x01, 0x02 };

static uint8_t kernel_flags(const struct dump_flag_bits *b,
			    const struct xtables_rule_ip *ip)
{
	uint8_t f = 0;

	if (ip->flags & XTABLES_IPF_FRAG)
		f |= b->frag;
	if (ip->flags & XTABLES_IPF_GOTO)
		f |= b->go_to;
	if (ip->has_proto)
		f |= b->proto;
	if (ip->tos != 0)
		f |= b->tos;
	return f;
}

static void print_iface(FILE *out, const char *name, const unsigned char *mask)
{
	unsigned int i;

	fprintf(out, "`%s'/", name);
	for (i = 0; i < IFNAMSIZ; i++)
		fputc(mask[i] ? 'X' : '.', out);
}

static void dump_entry(FILE *out, const struct xtables_family *fam,
		       const unsigned char *e, unsigned int index, size_t offset)
{
	size_t toff = get16(e, fam->off_target_offset);
	const struct xt_entry_target *t = (const void *)(e + toff);
	bool v6 = fam->nfproto == NFPROTO_IPV6;
	struct xtables_rule_ip ip;
	uint8_t flags;
	struct xt_counters cnt;
	unsigned int nfcache;
	size_t pos;

	fam->ip_decode(e, &ip);
	memcpy(&cnt, e + fam->off_counters, sizeof(cnt));
	/* nfcache is the field before target_offset in both layouts */
	memcpy(&nfcache, e + fam->off_target_offset - sizeof(nfcache),
	       sizeof(nfcache));

	fprintf(out, "Entry %u (%lu):\n", index, (unsigned long)offset);
	flags = kernel_flags(v6 ? &dump_ipv6_bits : &dump_ipv4_bits, &ip);
	if (v6) {
		print_ipv6(out, "SRC", &ip.src, &ip.smsk);
		print_ipv6(out, "DST", &ip.dst, &ip.dmsk);
	} else {
		print_ipv4(out, "SRC", &ip.src, &ip.smsk);
		print_ipv4(out, "DST", &ip.dst, &ip.dmsk);
	}
	fputs("Interface: ", out);
	print_iface(out, ip.iniface, ip.iniface_mask);
	fputs("to ", out);
	print_iface(out, ip.outiface, ip.outiface_mask);
	fprintf(out, "\nProtocol: %u\n", ip.proto);
	if (v6 && (flags & dump_ipv6_bits.tos))
		fprintf(out, "TOS: %u\n", ip.tos);
	fprintf(out, "Flags: %02X\n", flags);
	fprintf(out, "Invflags: %02X\n", ip.invflags);
	fprintf(out, "Counters: %llu packets, %llu bytes\n",
		(unsigned long long)cnt.pcnt, (unsigned long long)cnt.bcnt);
	fprintf(out, "Cache: %08X\n", nfcache);

	for (pos = fam->entry_size; pos < toff;) {
		const struct xt_entry_match *m = (const void *)(e + pos);

		fprintf(out, "Match name: `%s'\n", m->u.user.name);
		if (m->u.match_size == 0)
			break;
		pos += m->u.match_size;
	}

	fprintf(out, "Target name: `%s' [%u]\n", t->u.user.name,
		t->u.target_size);
	if (strcmp(t->u.user.name, XT_STANDARD_TARGET) == 0) {
		int v;

		memcpy(&v, t->data, sizeof(v));
		if (v < 0)
			fprintf(out, "verdict=%s\n",
				v == -NF_ACCEPT - 1 ? "NF_ACCEPT" :
				v == -NF_DROP - 1 ? "NF_DROP" :
				v == -NF_QUEUE - 1 && !v6 ? "NF_QUEUE" :
				v == XT_RETURN ? "RETURN" : "UNKNOWN");
		else
			fprintf(out, "verdict=%u\n", (unsigned int)v);
	} else if (strcmp(t->u.user.name, XT_ERROR_TARGET) == 0) {
		fprintf(out, "error=`%s'\n", (const char *)t->data);
	}
	fputc('\n', out);
}

void cmd_dump_table(FILE *out, const struct xtables_family *fam,
		    const char *table)
{
	struct dump_info info;
	struct dump_entries *ents;
	socklen_t len = sizeof(info);
	const unsigned char *base;
	unsigned int index = 0;
	size_t pos;
	int fd;

	fd = socket(fam->af, SOCK_RAW, IPPROTO_RAW);
	if (fd < 0)
		return;
	memset(&info, 0, sizeof(info));
	snprintf(info.name, sizeof(info.name), "%s", table);
	if (getsockopt(fd, fam->sol, fam->so_get_info, &info, &len) < 0)
		goto out;
	len = sizeof(*ents) + info.size;
	ents = calloc(1, len);
	if (ents == NULL)
		goto out;
	memcpy(ents->name, info.name, sizeof(ents->name));
	ents->size = info.size;
	if (getsockopt(fd, fam->sol, fam->so_get_entries, ents, &len) < 0) {
		free(ents);
		goto out;
	}

	fprintf(out, "libiptc v%s. %u bytes.\n", DUMP_VERSION, info.size);
	fprintf(out, "Table `%s'\n", info.name);
	fprintf(out, "Hooks: pre/in/fwd/out/post = %x/%x/%x/%x/%x\n",
		info.hook_entry[0], info.hook_entry[1], info.hook_entry[2],
		info.hook_entry[3], info.hook_entry[4]);
	fprintf(out, "Underflows: pre/in/fwd/out/post = %x/%x/%x/%x/%x\n",
		info.underflow[0], info.underflow[1], info.underflow[2],
		info.underflow[3], info.underflow[4]);
	base = (const unsigned char *)ents->table;
	for (pos = 0; pos + fam->entry_size <= info.size; index++) {
		size_t next = get16(base + pos, fam->off_next_offset);

		dump_entry(out, fam, base + pos, index, pos);
		if (next == 0)
			break;
		pos += next;
	}
	free(ents);
out:
	close(fd);
}

/* The text libiptc gives errno e once the dump made its own name the
 * last operation: only its generic entries apply. */
const char *cmd_dump_error_text(int e)
{
	switch (e) {
	case 0:
		return "Incompatible with this kernel";
	case ENOPROTOOPT:
		return "iptables who? (do you need to insmod?)";
	case ENOSYS:
		return "Will be implemented real soon.  I promise ;)";
	case ENOMEM:
		return "Memory allocation problem";
	case ENOENT:
		return "No chain/target/match by that name";
	default:
		return strerror(e);
	}
}
