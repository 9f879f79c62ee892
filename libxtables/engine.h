/*
 * engine.h - internals of the kernel table engine, shared by the files
 * that implement xtables/table.h (not installed, not exported).
 *
 * A table read from the kernel keeps the GET_ENTRIES buffer; rules that
 * were not edited point into it (zero copy).  Chains live in an array
 * (built-in chains first, user chains sorted by name when tidy) and in a
 * hash by name; each chain holds an array of rule pointers.
 *
 * Everything here is family neutral: entries are reached through the
 * offsets in struct xtables_family, never through struct ipt_entry.
 */
#ifndef XTABLES_ENGINE_H
#define XTABLES_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <xtables/table.h>

/* The label size of a chain (IPT_CHAINLABEL / IP6T_CHAINLABEL). */
#define ENGINE_CHAIN_LABEL	32

/* Standard verdicts as the kernel encodes them (-verdict - 1). */
#define ENGINE_V_DROP	(-NF_DROP - 1)
#define ENGINE_V_ACCEPT	(-NF_ACCEPT - 1)
#define ENGINE_V_QUEUE	(-NF_QUEUE - 1)
#define ENGINE_V_RETURN	(-NF_REPEAT - 1)

/* Sizes of the entries the engine writes itself. */
#define ENGINE_STD_TARGET_SIZE	XT_ALIGN(sizeof(struct xt_standard_target))
#define ENGINE_ERR_TARGET_SIZE	XT_ALIGN(sizeof(struct xt_error_target))

/*
 * The socket option structures are laid out identically for IPv4 and
 * IPv6 (ipt_getinfo / ip6t_getinfo, ipt_replace / ip6t_replace, and the
 * get-entries header); the family files check that at compile time.
 */
struct engine_getinfo {
	char name[XT_TABLE_MAXNAMELEN];
	unsigned int valid_hooks;
	unsigned int hook_entry[NF_INET_NUMHOOKS];
	unsigned int underflow[NF_INET_NUMHOOKS];
	unsigned int num_entries;
	unsigned int size;
};

struct engine_get_entries {
	char name[XT_TABLE_MAXNAMELEN];
	unsigned int size;
	/* entries follow, 8-byte aligned */
	uint64_t entrytable[];
};

struct engine_replace {
	char name[XT_TABLE_MAXNAMELEN];
	unsigned int valid_hooks;
	unsigned int num_entries;
	unsigned int size;
	unsigned int hook_entry[NF_INET_NUMHOOKS];
	unsigned int underflow[NF_INET_NUMHOOKS];
	unsigned int num_counters;
	struct xt_counters *counters;
	uint64_t entries[];
};

/* What a rule's target is, as libiptc classifies it. */
enum engine_rule_type {
	RULE_STANDARD,		/* ACCEPT, DROP, QUEUE, RETURN */
	RULE_MODULE,		/* an extension target */
	RULE_FALLTHROUGH,	/* no target */
	RULE_JUMP,		/* jump or goto to a user chain */
};

/* Where the counters put back after a commit come from. */
enum engine_counter_map {
	CMAP_NOMAP,		/* zero */
	CMAP_NORMAL,		/* the old entry's counters at replace time */
	CMAP_ZEROED,		/* what arrived since the read */
	CMAP_SET,		/* given explicitly */
};

struct xtables_rule {
	struct xtables_chain *chain;
	unsigned int idx;		/* position in chain->rules */
	uint8_t type;			/* enum engine_rule_type */
	uint8_t cmap;			/* enum engine_counter_map */
	bool owned;			/* entry is malloc'd (else in the read buffer) */
	bool spooled;			/* entry in the spool, struct in the pool */
	struct xtables_chain *jump;	/* RULE_JUMP target */
	unsigned char *entry;
	uint32_t size;
	uint32_t mappos;		/* index of the old entry (CMAP_NORMAL/ZEROED) */
	struct xt_counters counters;
};

struct xtables_chain {
	struct xtables_table *t;
	struct xtables_chain *hnext;	/* hash bucket list */
	char name[ENGINE_CHAIN_LABEL];
	int hook;			/* NF_INET_* hook, -1 for user chains */
	int verdict;			/* policy of a built-in chain */
	struct xt_counters counters;	/* policy / RETURN entry counters */
	uint8_t cmap;
	uint32_t mappos;
	unsigned int refs;
	unsigned int idx;		/* position in t->chains */
	struct xtables_rule **rules;
	unsigned int nrules, cap;
	/* offsets and index of head / foot: from the read, then the commit */
	uint32_t head_off, foot_off, foot_index;
};

/*
 * The base buffer: where the commit builds the new blob in place, with
 * room for a struct engine_replace just before the entries.  It is the
 * read buffer (allocated with slack at its end) as long as rules of the
 * read are left, so that -A/-I/-D/-R move entries inside it instead of
 * copying the whole table; once none is left (a restore flushed the
 * table) new rules are appended to the spool, a large reservation of
 * address space (pages count only once written), which then becomes
 * the base.  The commit falls back to a fresh buffer when the new
 * layout cannot be reached by moving the entries one way.
 */
#define ENGINE_REPLACE_ROOM	offsetof(struct engine_replace, entries)
#define ENGINE_SPOOL_RESERVE	((size_t)1 << 30)

/* Rule structs of spooled rules, allocated in blocks, freed with the
 * table (a restore makes one per rule: no malloc each). */
#define ENGINE_POOL_BLOCK	1024
struct engine_rule_pool {
	struct engine_rule_pool *next;
	unsigned int used;
	struct xtables_rule rules[ENGINE_POOL_BLOCK];
};

struct xtables_table {
	const struct xtables_family *fam;
	char name[XT_TABLE_MAXNAMELEN];
	int fd;
	struct engine_getinfo info;
	struct engine_get_entries *entries;	/* the read buffer */
	unsigned char *read_raw;		/* its allocation */
	size_t read_len;
	unsigned int read_live;			/* rules still in the read buffer */
	unsigned char *spool_raw;		/* the spool mapping, or NULL */
	size_t spool_used;			/* bytes of entries in the spool */
	size_t spool_ready;			/* bytes of it prefaulted */
	struct engine_rule_pool *rule_pool;	/* structs of spooled rules */
	unsigned char *base;			/* entries of the base buffer */
	size_t base_cap;			/* room for entries there */
	struct xtables_rule *slab;		/* rules of the read */
	struct xtables_chain **chains;		/* may hold NULL holes */
	unsigned int nchains, chains_cap;
	bool unsorted, holes;
	struct xtables_chain **hash;
	unsigned int hash_size, hash_used;
	struct xtables_chain *last_found;	/* lookup cache, or NULL */
	bool changed;
};

/* ---- entry field access through the family's offsets ---- */

static inline uint16_t entry_target_offset(const struct xtables_family *f,
					   const unsigned char *e)
{
	uint16_t v;
	memcpy(&v, e + f->off_target_offset, sizeof(v));
	return v;
}

static inline uint16_t entry_next_offset(const struct xtables_family *f,
					 const unsigned char *e)
{
	uint16_t v;
	memcpy(&v, e + f->off_next_offset, sizeof(v));
	return v;
}

static inline void entry_set_offsets(const struct xtables_family *f,
				     unsigned char *e, uint16_t target,
				     uint16_t next)
{
	memcpy(e + f->off_target_offset, &target, sizeof(target));
	memcpy(e + f->off_next_offset, &next, sizeof(next));
}

static inline struct xt_counters entry_counters(const struct xtables_family *f,
						const unsigned char *e)
{
	struct xt_counters c;
	memcpy(&c, e + f->off_counters, sizeof(c));
	return c;
}

static inline void entry_set_counters(const struct xtables_family *f,
				      unsigned char *e,
				      const struct xt_counters *c)
{
	memcpy(e + f->off_counters, c, sizeof(*c));
}

static inline struct xt_entry_target *entry_target(const struct xtables_family *f,
						   unsigned char *e)
{
	return (struct xt_entry_target *)(e + entry_target_offset(f, e));
}

static inline int target_verdict(const struct xt_entry_target *t)
{
	int v;
	memcpy(&v, t->data, sizeof(v));
	return v;
}

static inline void target_set_verdict(struct xt_entry_target *t, int v)
{
	memcpy(t->data, &v, sizeof(v));
}

static inline uint32_t head_size(const struct xtables_family *f)
{
	return f->entry_size + ENGINE_ERR_TARGET_SIZE;
}

static inline uint32_t foot_size(const struct xtables_family *f)
{
	return f->entry_size + ENGINE_STD_TARGET_SIZE;
}

/* ---- errors (table.c) ---- */

/* The libiptc function whose errno table applies to an error. */
enum engine_op {
	OP_OTHER,
	OP_INIT,
	OP_DELETE_CHAIN,
	OP_CREATE_CHAIN,
	OP_INSERT_ENTRY,
	OP_REPLACE_ENTRY,
	OP_APPEND_ENTRY,
	OP_DELETE_NUM_ENTRY,
	OP_ZERO_COUNTER,
	OP_DELETE_ENTRY,
	OP_SET_POLICY,
	OP_RENAME_CHAIN,
	OP_COMMIT,
};

/* The reference's text for errno e after operation op. */
const char *engine_strerror(enum engine_op op, int e);
/* Record error e (sets errno too) with status OTHER_PROBLEM; returns -1. */
int engine_fail(struct xtables_err *err, enum engine_op op, int e);

/* ---- chains (chain.c) ---- */

struct xtables_chain *engine_chain_new(struct xtables_table *t,
				       const char *name, int hook);
void engine_chain_free(struct xtables_chain *c);
/* Compact holes and sort user chains by name. */
void engine_chains_tidy(struct xtables_table *t);
int engine_chain_add_rule(struct xtables_chain *c, struct xtables_rule *r,
			  unsigned int pos);
void engine_rule_release(struct xtables_rule *r);
/* "ACCEPT", "DROP", "QUEUE", "RETURN" for a standard verdict, else "". */
const char *engine_verdict_name(int v);

/* ---- kernel access (kernel.c) ---- */

int engine_socket(const struct xtables_family *fam);
/* Load the family's x_tables module the way upstream does (quietly). */
void engine_load_module(const struct xtables_family *fam);

/* ---- memory (prefault.c) ---- */

/* Make the whole pages of [addr, addr + len) present before they are
 * written, when len is large; a hint only (errors are ignored). */
void engine_prefault(void *addr, size_t len);

/* ---- blob parsing (blob.c) ---- */

/* Split t->entries into chains and rules; 0 or -1 with errno set. */
int engine_parse(struct xtables_table *t);

/* (table.c, for the fuzzer tests/fuzz/fuzz_blob.c) The table read_blob()
 * would make from a GET_INFO answer and info->size bytes of entries,
 * without a kernel, parsed; NULL with errno set. */
struct xtables_table *engine_table_from_blob(const struct xtables_family *fam,
					     const char *name,
					     const struct engine_getinfo *info,
					     const void *entries);

#endif
