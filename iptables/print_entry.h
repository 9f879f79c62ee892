/*
 * print_entry.h - reading a kernel entry for the printers (-L, -S,
 * save, the -v echo of commands): its generic part, its matches, its
 * target, and the extensions that print them.  Private to the printers.
 */
#ifndef IPTABLES_PRINT_ENTRY_H
#define IPTABLES_PRINT_ENTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <xtables/family.h>
#include <xtables/rule.h>
#include <xtables/table.h>

/* One entry seen through the family description. */
struct entry_view {
	const struct xtables_family *fam;
	const unsigned char *base;		/* the entry */
	struct xtables_rule_ip ip;		/* decoded generic part */
	size_t target_offset, next_offset;
	const struct xt_entry_target *target;
	struct xt_counters counters;		/* as stored in the entry */
};

void entry_view_init(struct entry_view *v, const struct xtables_family *fam,
		     const void *entry);

/* Iterate the matches: *pos starts at 0; NULL at the end. */
const struct xt_entry_match *entry_view_next_match(const struct entry_view *v,
						    size_t *pos);

/* Whether the target is the standard one (verdict, jump, fall-through). */
bool entry_view_standard_target(const struct entry_view *v);

/* Numeric address text. */
const char *print_addr_numeric(const struct xtables_family *fam,
			       const union nf_inet_addr *a,
			       char *buf, size_t len);

/* Whether a name is one of the standard verdicts. */
bool print_is_verdict(const char *name);

/* Extension lookups for printing: the one the loader chose for the
 * name if it has this revision, else NULL; *any = the chosen one (NULL:
 * none), to tell "unsupported revision" from "unknown". */
const struct xtables_ext *print_find_ext(const struct xtables_family *fam,
					 enum xtables_ext_kind kind,
					 const char *name, uint8_t revision,
					 const struct xtables_ext **any);

#endif
