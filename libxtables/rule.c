/*
 * rule.c - rules of a chain: iteration, the rule-level edits, and
 * finding a rule equal to a given entry (for -D and -C).
 *
 * An entry handed in is copied; its target is resolved as libiptc does:
 * an empty standard target is a fall through, "ACCEPT"/"DROP"/"QUEUE"/
 * "RETURN" become verdicts, a chain name becomes a jump, anything else
 * is an extension target.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "engine.h"

/* ---- iteration and properties ---- */

struct xtables_rule *xtables_rule_first(const struct xtables_chain *c)
{
	return c->nrules ? c->rules[0] : NULL;
}

struct xtables_rule *xtables_rule_next(const struct xtables_rule *r)
{
	const struct xtables_chain *c = r->chain;

	return r->idx + 1 < c->nrules ? c->rules[r->idx + 1] : NULL;
}

struct xtables_rule *xtables_rule_get(const struct xtables_chain *c,
				      unsigned int num)
{
	return num >= 1 && num <= c->nrules ? c->rules[num - 1] : NULL;
}

const void *xtables_rule_entry(const struct xtables_rule *r, size_t *size)
{
	if (size)
		*size = r->size;
	return r->entry;
}

const char *xtables_rule_target(const struct xtables_rule *r)
{
	const struct xtables_family *fam = r->chain->t->fam;
	struct xt_entry_target *tg = entry_target(fam, r->entry);

	switch (r->type) {
	case RULE_FALLTHROUGH:
		return "";
	case RULE_JUMP:
		return r->jump->name;
	case RULE_STANDARD:
		return engine_verdict_name(target_verdict(tg));
	default:
		return tg->u.user.name;
	}
}

struct xt_counters xtables_rule_counters(const struct xtables_rule *r)
{
	return r->counters;
}

void xtables_rule_set_counters(struct xtables_rule *r,
			       const struct xt_counters *c)
{
	r->counters = *c;
	r->cmap = CMAP_SET;
	r->chain->t->changed = true;
}

/* ---- resolving the target of an entry handed in ---- */

static int verdict_of(const char *name)
{
	if (strcmp(name, "ACCEPT") == 0)
		return ENGINE_V_ACCEPT;
	if (strcmp(name, "DROP") == 0)
		return ENGINE_V_DROP;
	if (strcmp(name, "QUEUE") == 0)
		return ENGINE_V_QUEUE;
	if (strcmp(name, "RETURN") == 0)
		return ENGINE_V_RETURN;
	return 1;
}

/*
 * As libiptc's iptcc_map_target.  Writes the normalized target into
 * r->entry (a private copy), sets r->type / r->jump; with count, a jump
 * adds a reference.  Returns 0 or the errno, with *op the operation
 * whose texts apply.
 */
static int map_target(struct xtables_table *t, struct xtables_rule *r,
		      bool count, enum engine_op *op)
{
	struct xt_entry_target *tg = entry_target(t->fam, r->entry);
	char *name = tg->u.user.name;
	struct xtables_chain *c;
	size_t len;
	int v;

	if (name[0] == '\0') {
		r->type = RULE_FALLTHROUGH;
		return 0;
	}
	v = verdict_of(name);
	if (v <= 0) {
		if (tg->u.target_size != ENGINE_STD_TARGET_SIZE)
			return EINVAL;
		memset(name, 0, sizeof(tg->u.user.name));
		tg->u.user.revision = 0;
		target_set_verdict(tg, v);
		r->type = RULE_STANDARD;
		return 0;
	}
	c = xtables_chain_find(t, name);
	if (c && c->hook >= 0) {
		*op = OP_OTHER;		/* failed inside iptc_builtin() */
		return EINVAL;		/* can't jump to a built-in chain */
	}
	if (c) {
		r->type = RULE_JUMP;
		r->jump = c;
		if (count)
			c->refs++;
		return 0;
	}
	len = strnlen(name, sizeof(tg->u.user.name));
	memset(name + len, 0, sizeof(tg->u.user.name) - len);
	r->type = RULE_MODULE;
	return 0;
}

/* Once the spool is large (a restore of thousands of rules), its pages
 * are made present ahead of the writes, 1 MiB at a time (see
 * prefault.c): small restores never pay for pages they would not use,
 * and at most that much is made present and not used. */
static void spool_prefault(struct xtables_table *t)
{
	const size_t chunk = (size_t)1 << 20;
	size_t used = ENGINE_REPLACE_ROOM + t->spool_used, upto;

	if (used < chunk || used <= t->spool_ready)
		return;
	upto = used + chunk < ENGINE_SPOOL_RESERVE ?
	       used + chunk : ENGINE_SPOOL_RESERVE;
	engine_prefault(t->spool_raw + used, upto - used);
	t->spool_ready = upto;
}

/* Room for size more bytes in the spool (see engine.h), mapping it on
 * first use; NULL when there is none (the caller mallocs instead). */
static unsigned char *spool_take(struct xtables_table *t, size_t size)
{
	unsigned char *p;

	if (t->read_live > 0)
		return NULL;	/* the read buffer stays the base */
	if (t->spool_raw == NULL) {
		p = mmap(NULL, ENGINE_SPOOL_RESERVE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (p == MAP_FAILED)
			return NULL;
		t->spool_raw = p;
		t->spool_used = 0;
		t->spool_ready = 0;
		/* no rule of the read is left (a restore flushed the
		 * table): its buffer is not needed any more */
		free(t->read_raw);
		t->read_raw = NULL;
		t->entries = NULL;
	}
	t->base = t->spool_raw + ENGINE_REPLACE_ROOM;
	t->base_cap = ENGINE_SPOOL_RESERVE - ENGINE_REPLACE_ROOM;
	if (size > t->base_cap - t->spool_used)
		return NULL;
	p = t->base + t->spool_used;
	t->spool_used += size;
	spool_prefault(t);
	return p;
}

/* A zeroed rule struct from the table's pool; NULL if out of memory. */
static struct xtables_rule *pool_rule(struct xtables_table *t)
{
	struct engine_rule_pool *p = t->rule_pool;

	if (p == NULL || p->used == ENGINE_POOL_BLOCK) {
		p = malloc(sizeof(*p));
		if (p == NULL)
			return NULL;
		p->next = t->rule_pool;
		p->used = 0;
		t->rule_pool = p;
	}
	memset(&p->rules[p->used], 0, sizeof(p->rules[0]));
	return &p->rules[p->used++];
}

/* A private rule from an entry handed in, its target resolved.  With
 * keep (the rule goes into a chain) the entry is appended to the spool
 * when there is one: rules arriving in table order, as a restore sends
 * them, then already lie where the commit wants them. */
static struct xtables_rule *rule_from_entry(struct xtables_table *t,
					    const void *entry, size_t size,
					    bool keep, enum engine_op *op,
					    int *e)
{
	struct xtables_rule *r = NULL;
	unsigned char *spooled = keep ? spool_take(t, size) : NULL;

	if (spooled != NULL && (r = pool_rule(t)) != NULL) {
		r->entry = spooled;
		r->spooled = true;
	} else {
		if (spooled != NULL)
			t->spool_used -= size;
		r = calloc(1, sizeof(*r));
		if (r == NULL || (r->entry = malloc(size)) == NULL) {
			free(r);
			*e = ENOMEM;
			return NULL;
		}
		r->owned = true;
	}
	memcpy(r->entry, entry, size);
	r->size = size;
	r->cmap = CMAP_SET;
	r->counters = entry_counters(t->fam, r->entry);
	*e = map_target(t, r, keep, op);
	if (*e) {
		if (r->owned) {
			free(r->entry);
			free(r);
		} else {
			/* give the room back (the pool slot stays unused) */
			t->spool_used -= size;
			r->spooled = false;
		}
		return NULL;
	}
	return r;
}

/* ---- edits ---- */

static int insert_at(struct xtables_table *t, struct xtables_chain *c,
		     unsigned int pos, const void *entry, size_t size,
		     enum engine_op op, struct xtables_err *err)
{
	struct xtables_rule *r;
	int e;

	r = rule_from_entry(t, entry, size, true, &op, &e);
	if (r == NULL)
		return engine_fail(err, op, e);
	if (engine_chain_add_rule(c, r, pos) < 0) {
		engine_rule_release(r);
		return engine_fail(err, op, ENOMEM);
	}
	t->changed = true;
	return 0;
}

int xtables_rule_insert(struct xtables_table *t, const char *chain,
			unsigned int num, const void *entry, size_t size,
			struct xtables_err *err)
{
	struct xtables_chain *c = xtables_chain_find(t, chain);

	if (c == NULL)
		return engine_fail(err, OP_INSERT_ENTRY, ENOENT);
	if (num == 0 || num - 1 > c->nrules)
		return engine_fail(err, OP_INSERT_ENTRY, E2BIG);
	return insert_at(t, c, num - 1, entry, size, OP_INSERT_ENTRY, err);
}

int xtables_rule_append(struct xtables_table *t, const char *chain,
			const void *entry, size_t size,
			struct xtables_err *err)
{
	struct xtables_chain *c = xtables_chain_find(t, chain);

	if (c == NULL)
		return engine_fail(err, OP_APPEND_ENTRY, ENOENT);
	return insert_at(t, c, c->nrules, entry, size, OP_APPEND_ENTRY, err);
}

int xtables_rule_replace(struct xtables_table *t, const char *chain,
			 unsigned int num, const void *entry, size_t size,
			 struct xtables_err *err)
{
	struct xtables_chain *c = xtables_chain_find(t, chain);
	enum engine_op op = OP_REPLACE_ENTRY;
	struct xtables_rule *r, *old;
	int e;

	if (c == NULL)
		return engine_fail(err, op, ENOENT);
	if (num == 0 || num - 1 >= c->nrules)
		return engine_fail(err, op, E2BIG);
	r = rule_from_entry(t, entry, size, true, &op, &e);
	if (r == NULL)
		return engine_fail(err, op, e);
	old = c->rules[num - 1];
	r->chain = c;
	r->idx = num - 1;
	c->rules[num - 1] = r;
	engine_rule_release(old);
	t->changed = true;
	return 0;
}

static void remove_at(struct xtables_chain *c, unsigned int pos)
{
	struct xtables_rule *r = c->rules[pos];

	memmove(c->rules + pos, c->rules + pos + 1,
		(c->nrules - pos - 1) * sizeof(*c->rules));
	c->nrules--;
	for (unsigned int i = pos; i < c->nrules; i++)
		c->rules[i]->idx = i;
	engine_rule_release(r);
}

int xtables_rule_delete_num(struct xtables_table *t, const char *chain,
			    unsigned int num, struct xtables_err *err)
{
	struct xtables_chain *c = xtables_chain_find(t, chain);

	if (c == NULL)
		return engine_fail(err, OP_DELETE_NUM_ENTRY, ENOENT);
	if (num == 0 || num - 1 >= c->nrules)
		return engine_fail(err, OP_DELETE_NUM_ENTRY, E2BIG);
	remove_at(c, num - 1);
	t->changed = true;
	return 0;
}

int xtables_rule_zero(struct xtables_table *t, const char *chain,
		      unsigned int num, struct xtables_err *err)
{
	struct xtables_chain *c = xtables_chain_find(t, chain);
	struct xtables_rule *r;

	if (c == NULL)
		return engine_fail(err, OP_ZERO_COUNTER, ENOENT);
	r = xtables_rule_get(c, num);
	if (r == NULL)
		return engine_fail(err, OP_ZERO_COUNTER, E2BIG);
	if (r->cmap == CMAP_NORMAL)
		r->cmap = CMAP_ZEROED;
	t->changed = true;
	return 0;
}

/* ---- finding a rule (libiptc's is_same + target_same) ---- */

static bool iface_same(const char *a, const unsigned char *am,
		       const char *b, const unsigned char *bm)
{
	for (int i = 0; i < IFNAMSIZ; i++)
		if (am[i] != bm[i] || (a[i] & am[i]) != (b[i] & bm[i]))
			return false;
	return true;
}

static bool head_same(const struct xtables_family *fam,
		      const unsigned char *a, const unsigned char *b)
{
	struct xtables_rule_ip x, y;

	if (entry_target_offset(fam, a) != entry_target_offset(fam, b) ||
	    entry_next_offset(fam, a) != entry_next_offset(fam, b))
		return false;
	fam->ip_decode(a, &x);
	fam->ip_decode(b, &y);
	return memcmp(&x.src, &y.src, sizeof(x.src)) == 0 &&
	       memcmp(&x.dst, &y.dst, sizeof(x.dst)) == 0 &&
	       memcmp(&x.smsk, &y.smsk, sizeof(x.smsk)) == 0 &&
	       memcmp(&x.dmsk, &y.dmsk, sizeof(x.dmsk)) == 0 &&
	       x.proto == y.proto && x.flags == y.flags &&
	       x.invflags == y.invflags && x.tos == y.tos &&
	       x.has_proto == y.has_proto &&
	       iface_same(x.iniface, x.iniface_mask, y.iniface, y.iniface_mask) &&
	       iface_same(x.outiface, x.outiface_mask, y.outiface, y.outiface_mask);
}

static bool masked_same(const unsigned char *a, const unsigned char *b,
			const unsigned char *mask, size_t from, size_t to)
{
	if (mask == NULL)
		return memcmp(a + from, b + from, to - from) == 0;
	for (size_t i = from; i < to; i++)
		if ((a[i] ^ b[i]) & mask[i])
			return false;
	return true;
}

/* Matches of a and b equal under mask (a and b have the same layout). */
static bool matches_same(const struct xtables_family *fam,
			 const unsigned char *a, const unsigned char *b,
			 const unsigned char *mask)
{
	size_t off = fam->entry_size, end = entry_target_offset(fam, a);

	while (off < end) {
		const struct xt_entry_match *ma = (const void *)(a + off);
		const struct xt_entry_match *mb = (const void *)(b + off);
		size_t msize = ma->u.match_size;

		if (msize < sizeof(*ma) || off + msize > end)
			return false;
		if (msize != mb->u.match_size ||
		    strcmp(ma->u.user.name, mb->u.user.name) != 0)
			return false;
		if (!masked_same(a, b, mask, off + XT_ALIGN(sizeof(*ma)),
				 off + msize))
			return false;
		off += msize;
	}
	return true;
}

static bool target_same(const struct xtables_family *fam,
			const struct xtables_rule *a,
			const struct xtables_rule *b,
			const unsigned char *mask)
{
	struct xt_entry_target *ta, *tb;
	size_t toff;

	if (a->type != b->type)
		return false;
	ta = entry_target(fam, a->entry);
	tb = entry_target(fam, b->entry);
	switch (a->type) {
	case RULE_FALLTHROUGH:
		return true;
	case RULE_JUMP:
		return a->jump == b->jump;
	case RULE_STANDARD:
		return target_verdict(ta) == target_verdict(tb);
	default:
		if (ta->u.target_size != tb->u.target_size ||
		    strcmp(ta->u.user.name, tb->u.user.name) != 0)
			return false;
		toff = entry_target_offset(fam, a->entry);
		return masked_same(a->entry, b->entry, mask,
				   toff + sizeof(*ta), toff + ta->u.target_size);
	}
}

unsigned int xtables_rule_find(struct xtables_table *t, const char *chain,
			       const void *entry, size_t size,
			       const unsigned char *mask,
			       struct xtables_err *err)
{
	const struct xtables_family *fam = t->fam;
	struct xtables_chain *c = xtables_chain_find(t, chain);
	enum engine_op op = OP_DELETE_ENTRY;
	struct xtables_rule *r;
	int e;

	if (c == NULL) {
		engine_fail(err, op, ENOENT);
		return 0;
	}
	r = rule_from_entry(t, entry, size, false, &op, &e);
	if (r == NULL) {
		engine_fail(err, op, e);
		return 0;
	}
	for (unsigned int i = 0; i < c->nrules; i++) {
		struct xtables_rule *o = c->rules[i];

		if (o->size != r->size || !head_same(fam, r->entry, o->entry) ||
		    !matches_same(fam, r->entry, o->entry, mask) ||
		    !target_same(fam, r, o, mask))
			continue;
		free(r->entry);
		free(r);
		return i + 1;
	}
	free(r->entry);
	free(r);
	engine_fail(err, OP_DELETE_ENTRY, ENOENT);
	return 0;
}
