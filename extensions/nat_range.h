/*
 * nat_range.h - what the NAT targets (SNAT, DNAT, MASQUERADE, REDIRECT)
 * share: parsing "[addr[-addr]][:port[-port[/port]]]", the three kernel
 * layouts of a range, and printing a range.  Linked into each of those
 * extensions' shared objects; not part of libxtables.
 *
 * Every parse works on a struct nf_nat_range2 (ports in network byte
 * order) loaded from and stored back to the kernel data in the layout
 * of the revision in use.
 */
#ifndef NAT_RANGE_H
#define NAT_RANGE_H

#include <xtables/extension.h>
#include <linux/netfilter/nf_nat.h>

/* Each NAT extension links its own copy: keep the names inside it. */
#pragma GCC visibility push(hidden)

/* Kernel data layouts of the NAT targets' revisions. */
enum nat_layout {
	NAT_COMPAT,	/* nf_nat_ipv4_multi_range_compat: IPv4 revision 0 */
	NAT_RANGE,	/* nf_nat_range: IPv6 revisions 0/1 */
	NAT_RANGE2,	/* nf_nat_range2: revision 2 */
};

/* Option ids, the same in every NAT target's table. */
enum {
	NAT_O_TO_DEST,
	NAT_O_TO_SRC,
	NAT_O_TO_PORTS,
	NAT_O_RANDOM,
	NAT_O_RANDOM_FULLY,
	NAT_O_PERSISTENT,
};

/* How a target shows its range: the -L and save option words, and
 * whether a range of ports only is shown without its leading ':'. */
struct nat_style {
	const char *print_opt;
	const char *save_opt;
	bool ports_only;
};

/* Data size of a layout. */
size_t nat_layout_size(enum nat_layout layout);

/* One option occurrence of a NAT target, on data in the given layout. */
int nat_parse(struct xtables_optcall *cb, enum nat_layout layout);

/* Final checks: the compat layout's range count; and, where the layout
 * cannot keep a base port, refusing shifted port maps. */
int nat_check_compat(struct xtables_checkcall *cb);
int nat_check_no_offset(struct xtables_checkcall *cb, enum nat_layout layout);

/* -L (save == false) or save output of a range. */
void nat_print(FILE *out, const struct nat_style *style, enum nat_layout layout,
	       uint8_t family, const void *data, bool save);

#pragma GCC visibility pop

#endif
