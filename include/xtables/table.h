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

/* ---- errors ----
 *
 * Besides err, every failing function leaves errno (and
 * xtables_engine_errno()) at the errno libiptc would have set: ENOENT,
 * EEXIST, E2BIG, EINVAL, EMLINK, ENOTEMPTY, or the kernel's errno of a
 * failed commit (ELOOP, EINVAL, ENOENT, EAGAIN, ...).  err->msg is the
 * text iptc_strerror() gives for it, without the trailing '.'.  As the
 * reference, iptables prints "iptables: %s.\n", or, when the errno is
 * EINVAL, "iptables: %s. Run `dmesg' for more information.\n"; while
 * iptables-restore uses the errno's strerror() in places ("error
 * creating chain 'a':File exists").
 */
int xtables_engine_errno(void);

/* ---- tables ---- */

/* Read table NAME from the kernel.  Every failure is VERSION_PROBLEM
 * (exit 3) with the reference's "can't initialize iptables table `NAME':
 * TEXT", TEXT being "Table does not exist (do you need to insmod?)",
 * "Permission denied (you must be root)" (not root), "Module is wrong
 * version" (name of 32 characters or more), "Memory allocation
 * problem", ...  As iptables, a failed read is tried once more after
 * loading the x_tables module when its table list is missing. */
struct xtables_table *xtables_table_read(const struct xtables_family *fam,
					 const char *name,
					 struct xtables_err *err);

/* Commit the table to the kernel: SET_REPLACE, then ADD_COUNTERS.
 * Nothing is sent when the table was not changed.  Like the reference,
 * there is no retry: when another program changed the table since the
 * read, it fails with errno EAGAIN and status RESOURCE_PROBLEM ("iptables:
 * Resource temporarily unavailable.", exit 4; iptables-restore says
 * "line N failed").  After a commit, free the table (read it again to
 * make more changes). */
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
 * reference lists them (sorted by strcmp of the names).  To delete
 * chains while iterating, take xtables_chain_next() of a chain before
 * deleting it; the same holds for rules. */
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
/* counters may be NULL: as libiptc, the policy counters are then
 * zeroed by the commit (iptables -P without -c); given counters are
 * set as they are. */
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
/* Mapping from the reference's options: no -w, and "-w 0" -> wait_secs
 * -1; "-w" without a number (and negative numbers) -> 0; "-w N" -> N.
 * interval_us is ignored (1.8.11 ignores -W after its warning).  On
 * failure err is raw, status RESOURCE_PROBLEM (exit 4), and msg holds
 * the reference's two lines ("Can't lock /run/xtables.lock: Resource
 * temporarily unavailable\nAnother app is currently holding the xtables
 * lock. Perhaps you want to use the -w option?" or "... Stopped waiting
 * after Ns."), or "Fatal: can't open lock file F: strerror".
 * $XTABLES_LOCKFILE, when set and not empty, replaces /run/xtables.lock.
 * iptables-save takes no lock. */
int xtables_lock(int wait_secs, long interval_us, struct xtables_err *err);
void xtables_unlock(int fd);

#ifdef __cplusplus
}
#endif
#endif
