/*
 * xtables/table.h - the kernel table engine.
 *
 * A table is read from the kernel (GET_INFO + GET_ENTRIES) into chains
 * and rules, edited, and committed back as a whole (SET_REPLACE, then
 * SET_ADD_COUNTERS so untouched rules keep their counters).  No command
 * line concerns here: iptables, iptables-save and iptables-restore all
 * drive tables through this API.  Every function reports failures
 * through struct xtables_err with the reference's texts ("No
 * chain/target/match by that name", "Chain already exists", ...).
 *
 * Rules are kernel entries: the family's entry header (struct ipt_entry
 * or ip6t_entry), the matches, then the target.  A rule handed to the
 * engine may carry as target a standard target (struct
 * xt_standard_target, name "") whose name field instead holds a chain
 * name, "ACCEPT", "DROP", "QUEUE" or "RETURN": the engine resolves it.
 * Rules handed back carry jumps as a standard target whose verdict the
 * engine owns; use xtables_rule_target() for the name to print.
 */
#ifndef XTABLES_TABLE_H
#define XTABLES_TABLE_H

#include <xtables/family.h>

#ifdef __cplusplus
extern "C" {
#endif

struct xtables_table;
struct xtables_chain;
struct xtables_rule;

/* ---- tables ---- */

/* Read table NAME from the kernel.  Errors: table missing
 * (VERSION_PROBLEM, the reference's "can't initialize ..." text),
 * permission (OTHER_PROBLEM), memory (RESOURCE_PROBLEM). */
struct xtables_table *xtables_table_read(const struct xtables_family *fam,
					 const char *name,
					 struct xtables_err *err);

/* Commit the table to the kernel: SET_REPLACE, retried from a fresh
 * read on EAGAIN as the reference does, then ADD_COUNTERS. */
int xtables_table_commit(struct xtables_table *t, struct xtables_err *err);

/* Whether the in-memory table differs from what was read. */
bool xtables_table_changed(const struct xtables_table *t);

void xtables_table_free(struct xtables_table *t);

const char *xtables_table_name(const struct xtables_table *t);
const struct xtables_family *xtables_table_family(const struct xtables_table *t);

/* Names of the tables present in the kernel, in the kernel's order
 * (/proc/net/ip_tables_names); NULL-terminated, free with free(). */
char **xtables_table_names(const struct xtables_family *fam,
			   struct xtables_err *err);

/* ---- chains ---- */

/* Built-in chains first (hook order), then user chains in the order the
 * reference lists them. */
struct xtables_chain *xtables_chain_first(const struct xtables_table *t);
struct xtables_chain *xtables_chain_next(const struct xtables_chain *c);
struct xtables_chain *xtables_chain_find(const struct xtables_table *t,
					 const char *name);

const char *xtables_chain_name(const struct xtables_chain *c);
bool xtables_chain_builtin(const struct xtables_chain *c);
/* Policy verdict name of a built-in chain ("ACCEPT"), NULL for user chains. */
const char *xtables_chain_policy(const struct xtables_chain *c);
/* Counters of the policy (built-in) rule. */
struct xt_counters xtables_chain_counters(const struct xtables_chain *c);
/* Number of jumps/gotos to this chain from rules of this table. */
unsigned int xtables_chain_refs(const struct xtables_chain *c);
unsigned int xtables_chain_rule_count(const struct xtables_chain *c);

int xtables_chain_create(struct xtables_table *t, const char *name,
			 struct xtables_err *err);
/* Fails if built-in, referenced, or not empty. */
int xtables_chain_delete(struct xtables_table *t, const char *name,
			 struct xtables_err *err);
int xtables_chain_rename(struct xtables_table *t, const char *from,
			 const char *to, struct xtables_err *err);
/* counters may be NULL: keep them. */
int xtables_chain_set_policy(struct xtables_table *t, const char *chain,
			     const char *policy,
			     const struct xt_counters *counters,
			     struct xtables_err *err);
int xtables_chain_flush(struct xtables_table *t, const char *chain,
			struct xtables_err *err);
int xtables_chain_zero(struct xtables_table *t, const char *chain,
		       struct xtables_err *err);

/* ---- rules ---- */

/* Rules of a chain in order; num is 1-based. */
struct xtables_rule *xtables_rule_first(const struct xtables_chain *c);
struct xtables_rule *xtables_rule_next(const struct xtables_rule *r);
struct xtables_rule *xtables_rule_get(const struct xtables_chain *c,
				      unsigned int num);

/* The rule's kernel entry (header, matches, target) and its size. */
const void *xtables_rule_entry(const struct xtables_rule *r, size_t *size);
/* Target name to print: "ACCEPT", "DROP", "QUEUE", "RETURN", a chain
 * name, an extension target's name, or "" when the rule has none. */
const char *xtables_rule_target(const struct xtables_rule *r);
struct xt_counters xtables_rule_counters(const struct xtables_rule *r);
void xtables_rule_set_counters(struct xtables_rule *r,
			       const struct xt_counters *c);

/* Insert before rule num (1-based; count+1 appends). */
int xtables_rule_insert(struct xtables_table *t, const char *chain,
			unsigned int num, const void *entry, size_t size,
			struct xtables_err *err);
int xtables_rule_append(struct xtables_table *t, const char *chain,
			const void *entry, size_t size,
			struct xtables_err *err);
int xtables_rule_replace(struct xtables_table *t, const char *chain,
			 unsigned int num, const void *entry, size_t size,
			 struct xtables_err *err);
int xtables_rule_delete_num(struct xtables_table *t, const char *chain,
			    unsigned int num, struct xtables_err *err);
/* Find the first rule equal to entry, comparing extension data only
 * where mask has 0xff bytes (mask is laid out like entry, see
 * xtables_rule_mask in the option core).  Returns 1-based number, or 0
 * with err set ("Bad rule (does a matching rule exist in that
 * chain?)"). */
unsigned int xtables_rule_find(struct xtables_table *t, const char *chain,
			       const void *entry, size_t size,
			       const unsigned char *mask,
			       struct xtables_err *err);
int xtables_rule_zero(struct xtables_table *t, const char *chain,
		      unsigned int num, struct xtables_err *err);

/* ---- kernel helpers ---- */

/* Highest revision of an extension the kernel supports, checking REV:
 * returns 1 if supported, 0 if not, as the reference decides. */
int xtables_kernel_has_revision(const struct xtables_family *fam,
				bool target, const char *name, uint8_t rev);

/* ---- the xtables lock (/run/xtables.lock) ---- */

/* wait_secs < 0: don't wait (fail at once if held); 0: wait forever.
 * interval_us: retry interval.  Returns an fd to keep open, or -1 with
 * err set to the reference's message. */
int xtables_lock(int wait_secs, long interval_us, struct xtables_err *err);
void xtables_unlock(int fd);

#ifdef __cplusplus
}
#endif
#endif
