/*
 * xt-blobdump: print the raw kernel state of IPv4 x_tables tables, read
 * with IPT_SO_GET_INFO and IPT_SO_GET_ENTRIES, so that what two programs
 * committed can be compared byte for byte.
 *
 * usage: xt-blobdump [-c] [-6] TABLE...
 *
 * -6 reads the IPv6 tables (IP6T_SO_*, struct ip6t_entry headers).
 *
 * Per table: the info block (valid hooks, hook entry and underflow offsets,
 * number of entries, blob size), then one line per entry: its offset and
 * its bytes in hex, split into header, each match and the target.  The
 * packet/byte counters inside the entry header are printed as zeros; -c
 * prints the real ones separately after the offset.
 *
 * Uses only the kernel UAPI headers.  Exit status: 0 ok, 1 a table could
 * not be read, 2 usage.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

/* What differs between the families: socket options and entry header. */
struct dump_family {
	int sol, get_info, get_entries, sock_af;
	size_t entry_size, off_target, off_next, off_counters;
};
static const struct dump_family dump_ipv4 = {
	IPPROTO_IP, IPT_SO_GET_INFO, IPT_SO_GET_ENTRIES, AF_INET,
	sizeof(struct ipt_entry), offsetof(struct ipt_entry, target_offset),
	offsetof(struct ipt_entry, next_offset),
	offsetof(struct ipt_entry, counters),
};
static const struct dump_family dump_ipv6 = {
	IPPROTO_IPV6, IP6T_SO_GET_INFO, IP6T_SO_GET_ENTRIES, AF_INET6,
	sizeof(struct ip6t_entry), offsetof(struct ip6t_entry, target_offset),
	offsetof(struct ip6t_entry, next_offset),
	offsetof(struct ip6t_entry, counters),
};
static const struct dump_family *fam = &dump_ipv4;

static const char *const hook_names[NF_INET_NUMHOOKS] = {
	"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING",
};

static void print_hex(const unsigned char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		printf("%02x", p[i]);
}

static void print_offsets(const char *label, const struct ipt_getinfo *info,
			  const unsigned int *offsets)
{
	printf("%s", label);
	for (int h = 0; h < NF_INET_NUMHOOKS; h++) {
		if (info->valid_hooks & (1u << h))
			printf(" %s=%u", hook_names[h], offsets[h]);
		else
			printf(" %s=-", hook_names[h]);
	}
	printf("\n");
}

/* One entry: header (counters zeroed), each match, the target. */
static int print_entry(const unsigned char *blob, size_t size, size_t off,
		       int show_counters)
{
	unsigned char hdr[sizeof(struct ip6t_entry)];
	struct { uint16_t target_offset, next_offset; } e;
	struct xt_counters cnt;
	const size_t hsize = fam->entry_size;

	if (off + hsize > size)
		return -1;
	memcpy(hdr, blob + off, hsize);
	memcpy(&e.target_offset, hdr + fam->off_target, 2);
	memcpy(&e.next_offset, hdr + fam->off_next, 2);
	memcpy(&cnt, hdr + fam->off_counters, sizeof(cnt));
	if (e.next_offset < hsize || off + e.next_offset > size ||
	    e.target_offset < hsize || e.target_offset > e.next_offset)
		return -1;

	printf("@%zu", off);
	if (show_counters)
		printf(" counters=%llu/%llu",
		       (unsigned long long)cnt.pcnt,
		       (unsigned long long)cnt.bcnt);
	memset(hdr + fam->off_counters, 0, sizeof(cnt));
	printf(" ");
	print_hex(hdr, hsize);

	/* matches: between the header and target_offset */
	size_t m = hsize;
	while (m < e.target_offset) {
		struct xt_entry_match mh;

		if (m + sizeof(mh) > e.target_offset)
			break;
		memcpy(&mh, blob + off + m, sizeof(mh));
		if (mh.u.match_size < sizeof(mh) ||
		    m + mh.u.match_size > e.target_offset)
			break;
		printf(" ");
		print_hex(blob + off + m, mh.u.match_size);
		m += mh.u.match_size;
	}
	if (m < e.target_offset) {	/* malformed match area: rest as is */
		printf(" ");
		print_hex(blob + off + m, e.target_offset - m);
	}
	/* the target */
	printf(" ");
	print_hex(blob + off + e.target_offset, e.next_offset - e.target_offset);
	printf("\n");
	return e.next_offset;
}

static int dump_table(int fd, const char *name, int show_counters)
{
	struct ipt_getinfo info;
	socklen_t len = sizeof(info);

	memset(&info, 0, sizeof(info));
	if (strlen(name) >= sizeof(info.name)) {
		fprintf(stderr, "xt-blobdump: table name too long: %s\n", name);
		return 1;
	}
	strcpy(info.name, name);
	if (getsockopt(fd, fam->sol, fam->get_info, &info, &len) < 0) {
		fprintf(stderr, "xt-blobdump: %s: IPT_SO_GET_INFO: %s\n",
			name, strerror(errno));
		return 1;
	}

	size_t total = sizeof(struct ipt_get_entries) + info.size;
	struct ipt_get_entries *ge = calloc(1, total);
	if (ge == NULL) {
		fprintf(stderr, "xt-blobdump: out of memory\n");
		return 1;
	}
	strcpy(ge->name, name);
	ge->size = info.size;
	len = total;
	if (getsockopt(fd, fam->sol, fam->get_entries, ge, &len) < 0) {
		fprintf(stderr, "xt-blobdump: %s: IPT_SO_GET_ENTRIES: %s\n",
			name, strerror(errno));
		free(ge);
		return 1;
	}

	printf("table %s\n", name);
	printf("valid_hooks 0x%08x\n", info.valid_hooks);
	print_offsets("hook_entry", &info, info.hook_entry);
	print_offsets("underflow", &info, info.underflow);
	printf("num_entries %u\n", info.num_entries);
	printf("size %u\n", info.size);

	const unsigned char *blob = (const unsigned char *)ge->entrytable;
	size_t off = 0;
	unsigned int n = 0;
	while (off < info.size) {
		int step = print_entry(blob, info.size, off, show_counters);
		if (step <= 0) {
			printf("@%zu malformed: ", off);
			print_hex(blob + off, info.size - off);
			printf("\n");
			break;
		}
		off += step;
		n++;
	}
	if (n != info.num_entries)
		printf("walked %u entries, info says %u\n", n, info.num_entries);
	free(ge);
	return 0;
}

int main(int argc, char **argv)
{
	int show_counters = 0, opt, status = 0;

	while ((opt = getopt(argc, argv, "c6h")) != -1) {
		switch (opt) {
		case 'c':
			show_counters = 1;
			break;
		case '6':
			fam = &dump_ipv6;
			break;
		default:
			fprintf(stderr, "usage: xt-blobdump [-c] [-6] TABLE...\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: xt-blobdump [-c] [-6] TABLE...\n");
		return 2;
	}

	int fd = socket(fam->sock_af, SOCK_RAW, IPPROTO_RAW);
	if (fd < 0) {
		fprintf(stderr, "xt-blobdump: socket: %s\n", strerror(errno));
		return 1;
	}
	for (int i = optind; i < argc; i++) {
		status |= dump_table(fd, argv[i], show_counters);
		fflush(stdout);
	}
	close(fd);
	return status;
}
