/*
 * chain.c - chains of a table: lookup by name (hash), the order the
 * reference lists them in (built-in chains, then user chains sorted by
 * name), and the chain-level edits.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "engine.h"

/* ---- the name hash ---- */

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int hash_grow(struct xtables_table *t)
{
	unsigned int size = t->hash_size ? t->hash_size * 2 : 64;
	struct xtables_chain **h = calloc(size, sizeof(*h));

	if (h == NULL)
		return -1;
	for (unsigned int i = 0; i < t->hash_size; i++) {
		struct xtables_chain *c = t->hash[i], *next;

		for (; c; c = next) {
			uint32_t b = name_hash(c->name) & (size - 1);

			next = c->hnext;
			c->hnext = h[b];
			h[b] = c;
		}
	}
	free(t->hash);
	t->hash = h;
	t->hash_size = size;
	return 0;
}

static void hash_add(struct xtables_table *t, struct xtables_chain *c)
{
	uint32_t b = name_hash(c->name) & (t->hash_size - 1);

	c->hnext = t->hash[b];
	t->hash[b] = c;
	t->hash_used++;
}

static void hash_del(struct xtables_table *t, struct xtables_chain *c)
{
	struct xtables_chain **p = &t->hash[name_hash(c->name) & (t->hash_size - 1)];

	if (t->last_found == c)
		t->last_found = NULL;
	for (; *p; p = &(*p)->hnext)
		if (*p == c) {
			*p = c->hnext;
			t->hash_used--;
			return;
		}
}

struct xtables_chain *xtables_chain_find(const struct xtables_table *t,
					 const char *name)
{
	struct xtables_chain *c = t->last_found;

	/* rules come in runs on one chain: try the last chain found first */
	if (c != NULL && c->name[0] == name[0] && strcmp(c->name, name) == 0)
		return c;
	if (t->hash_size == 0)
		return NULL;
	c = t->hash[name_hash(name) & (t->hash_size - 1)];
	for (; c; c = c->hnext)
		if (strcmp(c->name, name) == 0) {
			/* the table object itself is never const */
			((struct xtables_table *)t)->last_found = c;
			return c;
		}
	return NULL;
}

/* ---- creation, order ---- */

struct xtables_chain *engine_chain_new(struct xtables_table *t,
				       const char *name, int hook)
{
	struct xtables_chain *c;

	if (t->hash_used * 2 >= t->hash_size && hash_grow(t) < 0)
		return NULL;
	if (t->nchains == t->chains_cap) {
		unsigned int cap = t->chains_cap ? t->chains_cap * 2 : 16;
		struct xtables_chain **v = realloc(t->chains, cap * sizeof(*v));

		if (v == NULL)
			return NULL;
		t->chains = v;
		t->chains_cap = cap;
	}
	c = calloc(1, sizeof(*c));
	if (c == NULL)
		return NULL;
	c->t = t;
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->hook = hook;
	c->verdict = hook >= 0 ? ENGINE_V_ACCEPT : ENGINE_V_RETURN;
	c->idx = t->nchains;
	/* a user chain after a greater name breaks the order */
	if (hook < 0 && t->nchains > 0) {
		struct xtables_chain *last = t->chains[t->nchains - 1];

		if (last == NULL || (last->hook < 0 &&
				     strcmp(last->name, name) > 0))
			t->unsorted = true;
	}
	t->chains[t->nchains++] = c;
	hash_add(t, c);
	return c;
}

void engine_rule_release(struct xtables_rule *r)
{
	if (r->type == RULE_JUMP && r->jump)
		r->jump->refs--;
	if (r->owned) {
		free(r->entry);
		free(r);
	} else if (r->spooled) {
		/* struct in the pool, entry in the spool: freed with the table */
	} else if (r->chain != NULL && r->chain->t->read_live > 0) {
		r->chain->t->read_live--;	/* a rule of the read */
	}
}

void engine_chain_free(struct xtables_chain *c)
{
	for (unsigned int i = 0; i < c->nrules; i++)
		if (c->rules[i]->owned) {
			free(c->rules[i]->entry);
			free(c->rules[i]);
		}
	free(c->rules);
	free(c);
}

static int chain_order(const void *a, const void *b)
{
	const struct xtables_chain *x = *(struct xtables_chain *const *)a;
	const struct xtables_chain *y = *(struct xtables_chain *const *)b;

	if (x->hook >= 0 || y->hook >= 0) {
		/* built-in chains keep their place, before user chains */
		if (x->hook >= 0 && y->hook >= 0)
			return x->idx < y->idx ? -1 : x->idx > y->idx;
		return x->hook >= 0 ? -1 : 1;
	}
	return strcmp(x->name, y->name);
}

void engine_chains_tidy(struct xtables_table *t)
{
	unsigned int n = 0;

	if (t->holes) {
		for (unsigned int i = 0; i < t->nchains; i++)
			if (t->chains[i])
				t->chains[n++] = t->chains[i];
		t->nchains = n;
		t->holes = false;
	}
	if (t->unsorted) {
		for (unsigned int i = 0; i < t->nchains; i++)
			t->chains[i]->idx = i;
		qsort(t->chains, t->nchains, sizeof(*t->chains), chain_order);
		t->unsorted = false;
	}
	for (unsigned int i = 0; i < t->nchains; i++)
		t->chains[i]->idx = i;
}

/* ---- iteration and properties ---- */

struct xtables_chain *xtables_chain_first(const struct xtables_table *t)
{
	struct xtables_table *mt = (struct xtables_table *)t;

	engine_chains_tidy(mt);
	return mt->nchains ? mt->chains[0] : NULL;
}

struct xtables_chain *xtables_chain_next(const struct xtables_chain *c)
{
	const struct xtables_table *t = c->t;

	for (unsigned int i = c->idx + 1; i < t->nchains; i++)
		if (t->chains[i])
			return t->chains[i];
	return NULL;
}

const char *xtables_chain_name(const struct xtables_chain *c)
{
	return c->name;
}

bool xtables_chain_builtin(const struct xtables_chain *c)
{
	return c->hook >= 0;
}

static const char *verdict_name(int v)
{
	switch (v) {
	case ENGINE_V_ACCEPT:	return "ACCEPT";
	case ENGINE_V_DROP:	return "DROP";
	case ENGINE_V_QUEUE:	return "QUEUE";
	case ENGINE_V_RETURN:	return "RETURN";
	}
	return "";
}

const char *engine_verdict_name(int v)
{
	return verdict_name(v);
}

const char *xtables_chain_policy(const struct xtables_chain *c)
{
	return c->hook >= 0 ? verdict_name(c->verdict) : NULL;
}

struct xt_counters xtables_chain_counters(const struct xtables_chain *c)
{
	return c->counters;
}

unsigned int xtables_chain_refs(const struct xtables_chain *c)
{
	return c->refs;
}

unsigned int xtables_chain_rule_count(const struct xtables_chain *c)
{
	return c->nrules;
}

/* ---- chain edits ---- */

static bool is_verdict_name(const char *name)
{
	return strcmp(name, "ACCEPT") == 0 || strcmp(name, "DROP") == 0 ||
	       strcmp(name, "QUEUE") == 0 || strcmp(name, "RETURN") == 0;
}

int xtables_chain_create(struct xtables_table *t, const char *name,
			 struct xtables_err *err)
{
	if (xtables_chain_find(t, name) || is_verdict_name(name))
		return engine_fail(err, OP_CREATE_CHAIN, EEXIST);
	if (strlen(name) + 1 > ENGINE_CHAIN_LABEL)
		return engine_fail(err, OP_CREATE_CHAIN, EINVAL);
	if (engine_chain_new(t, name, -1) == NULL)
		return engine_fail(err, OP_CREATE_CHAIN, ENOMEM);
	t->changed = true;
	return 0;
}

static void chain_remove(struct xtables_table *t, struct xtables_chain *c)
{
	hash_del(t, c);
	t->chains[c->idx] = NULL;
	t->holes = true;
	engine_chain_free(c);
}

int xtables_chain_delete(struct xtables_table *t, const char *name,
			 struct xtables_err *err)
{
	struct xtables_chain *c = xtables_chain_find(t, name);

	if (c == NULL)
		return engine_fail(err, OP_DELETE_CHAIN, ENOENT);
	/* libiptc asks iptc_builtin() and iptc_get_references() here, so
	 * the texts are those of no particular operation */
	if (c->hook >= 0)
		return engine_fail(err, OP_OTHER, EINVAL);
	if (c->refs > 0)
		return engine_fail(err, OP_OTHER, EMLINK);
	if (c->nrules > 0)
		return engine_fail(err, OP_OTHER, ENOTEMPTY);
	chain_remove(t, c);
	t->changed = true;
	return 0;
}

int xtables_chain_rename(struct xtables_table *t, const char *from,
			 const char *to, struct xtables_err *err)
{
	struct xtables_chain *c;

	if (xtables_chain_find(t, to) || is_verdict_name(to))
		return engine_fail(err, OP_RENAME_CHAIN, EEXIST);
	c = xtables_chain_find(t, from);
	if (c == NULL || c->hook >= 0)
		return engine_fail(err, OP_RENAME_CHAIN, ENOENT);
	if (strlen(to) + 1 > ENGINE_CHAIN_LABEL)
		return engine_fail(err, OP_RENAME_CHAIN, EINVAL);
	hash_del(t, c);
	snprintf(c->name, sizeof(c->name), "%s", to);
	hash_add(t, c);
	t->unsorted = true;
	t->changed = true;
	return 0;
}

int xtables_chain_set_policy(struct xtables_table *t, const char *chain,
			     const char *policy,
			     const struct xt_counters *counters,
			     struct xtables_err *err)
{
	struct xtables_chain *c = xtables_chain_find(t, chain);

	if (c == NULL || c->hook < 0)
		return engine_fail(err, OP_SET_POLICY, ENOENT);
	if (strcmp(policy, "ACCEPT") == 0)
		c->verdict = ENGINE_V_ACCEPT;
	else if (strcmp(policy, "DROP") == 0)
		c->verdict = ENGINE_V_DROP;
	else
		return engine_fail(err, OP_SET_POLICY, EINVAL);
	if (counters) {
		c->counters = *counters;
		c->cmap = CMAP_SET;
	} else {
		c->cmap = CMAP_NOMAP;
	}
	t->changed = true;
	return 0;
}

int xtables_chain_flush(struct xtables_table *t, const char *chain,
			struct xtables_err *err)
{
	struct xtables_chain *c = xtables_chain_find(t, chain);

	if (c == NULL)
		return engine_fail(err, OP_OTHER, ENOENT);
	for (unsigned int i = 0; i < c->nrules; i++)
		engine_rule_release(c->rules[i]);
	c->nrules = 0;
	t->changed = true;
	return 0;
}

int xtables_chain_zero(struct xtables_table *t, const char *chain,
		       struct xtables_err *err)
{
	struct xtables_chain *c = xtables_chain_find(t, chain);

	if (c == NULL)
		return engine_fail(err, OP_OTHER, ENOENT);
	if (c->cmap == CMAP_NORMAL)
		c->cmap = CMAP_ZEROED;
	for (unsigned int i = 0; i < c->nrules; i++)
		if (c->rules[i]->cmap == CMAP_NORMAL)
			c->rules[i]->cmap = CMAP_ZEROED;
	t->changed = true;
	return 0;
}

/* Put r at position pos (0-based) of c's rules. */
int engine_chain_add_rule(struct xtables_chain *c, struct xtables_rule *r,
			  unsigned int pos)
{
	if (c->nrules == c->cap) {
		unsigned int cap = c->cap ? c->cap * 2 : 8;
		struct xtables_rule **v = realloc(c->rules, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		c->rules = v;
		c->cap = cap;
	}
	memmove(c->rules + pos + 1, c->rules + pos,
		(c->nrules - pos) * sizeof(*c->rules));
	c->rules[pos] = r;
	c->nrules++;
	r->chain = c;
	for (unsigned int i = pos; i < c->nrules; i++)
		c->rules[i]->idx = i;
	return 0;
}
