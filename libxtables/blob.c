/*
 * blob.c - splitting the GET_ENTRIES blob into chains and rules.
 *
 * A user chain starts with an ERROR entry named after it and ends with
 * a RETURN entry; a built-in chain starts at its hook entry and ends
 * with its policy entry; the blob ends with an ERROR entry.  The last
 * entry of each chain becomes the chain's policy, not a rule.  Standard
 * targets whose verdict is an offset are jumps (resolved by binary
 * search over the chains' offsets) or, pointing at the next entry, fall
 * throughs.  Rules point into the buffer: nothing is copied.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "engine.h"

struct parse_state {
	struct xtables_table *t;
	struct xtables_chain *cur;
	unsigned int first;			/* cur's first rule in t->slab */
	unsigned int nrules;			/* rules in t->slab */
	struct xtables_chain **by_offset;	/* chains in blob order */
	unsigned int nby;
	/* hook entry offsets in blob order, and the next one to meet */
	struct { uint32_t off; int hook; } hooks[NF_INET_NUMHOOKS];
	unsigned int nhooks, next_hook;
};

/* The current chain gets its rules (slab[first..nrules), known in
 * number now: one array of the right size, no growing); its last entry
 * is its policy / RETURN entry, not a rule. */
static int close_chain(struct parse_state *ps, unsigned int num)
{
	struct xtables_chain *c = ps->cur;
	struct xtables_rule *pr;
	const struct xtables_family *fam = ps->t->fam;
	unsigned int n;

	if (c == NULL)
		return 0;
	n = ps->nrules - ps->first;
	if (n == 0)
		return 0;
	c->rules = malloc(n * sizeof(*c->rules));
	if (c->rules == NULL) {
		errno = ENOMEM;
		return -1;
	}
	c->cap = n;
	for (unsigned int i = 0; i < n; i++) {
		struct xtables_rule *r = &ps->t->slab[ps->first + i];

		r->chain = c;
		r->idx = i;
		c->rules[i] = r;
	}
	c->nrules = n - 1;
	pr = c->rules[n - 1];
	c->verdict = target_verdict(entry_target(fam, pr->entry));
	c->counters = entry_counters(fam, pr->entry);
	c->cmap = CMAP_NORMAL;
	c->mappos = num - 1;
	c->foot_index = num;
	c->foot_off = (uint32_t)(pr->entry - (unsigned char *)ps->t->entries->entrytable);
	if (pr->type == RULE_JUMP)
		pr->type = RULE_STANDARD;	/* not counted as a reference */
	return 0;
}

/* The valid hooks' entry offsets, sorted (ties in hook order). */
static void hooks_sort(struct parse_state *ps)
{
	const struct xtables_table *t = ps->t;

	for (int h = 0; h < NF_INET_NUMHOOKS; h++) {
		unsigned int i;

		if (!(t->info.valid_hooks & (1u << h)))
			continue;
		for (i = ps->nhooks; i > 0 &&
		     ps->hooks[i - 1].off > t->info.hook_entry[h]; i--)
			ps->hooks[i] = ps->hooks[i - 1];
		ps->hooks[i].off = t->info.hook_entry[h];
		ps->hooks[i].hook = h;
		ps->nhooks++;
	}
}

/* The hook whose entry is at off (offsets only grow), else -1. */
static int hook_at(struct parse_state *ps, uint32_t off)
{
	int hook;

	while (ps->next_hook < ps->nhooks &&
	       ps->hooks[ps->next_hook].off < off)
		ps->next_hook++;
	if (ps->next_hook == ps->nhooks || ps->hooks[ps->next_hook].off != off)
		return -1;
	hook = ps->hooks[ps->next_hook].hook;
	while (ps->next_hook < ps->nhooks &&
	       ps->hooks[ps->next_hook].off == off)
		ps->next_hook++;
	return hook;
}

static int start_chain(struct parse_state *ps, const char *name, int hook,
		       uint32_t off, unsigned int num)
{
	struct xtables_chain *c;

	if (close_chain(ps, num) < 0)
		return -1;
	c = engine_chain_new(ps->t, name, hook);
	if (c == NULL) {
		errno = ENOMEM;
		return -1;
	}
	c->head_off = off;
	ps->by_offset[ps->nby++] = c;
	ps->cur = c;
	ps->first = ps->nrules;
	return 0;
}

/* Chain whose entries span offset off. */
static struct xtables_chain *chain_at(const struct parse_state *ps,
				      uint32_t off)
{
	unsigned int lo = 0, hi = ps->nby;

	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (ps->by_offset[mid]->head_off <= off)
			lo = mid;
		else
			hi = mid;
	}
	if (ps->nby == 0 || ps->by_offset[lo]->head_off > off ||
	    ps->by_offset[lo]->foot_off < off)
		return NULL;
	return ps->by_offset[lo];
}

static int classify(const struct xtables_family *fam, struct xtables_rule *r,
		    uint32_t off)
{
	struct xt_entry_target *tg = entry_target(fam, r->entry);
	int v;

	if (tg->u.user.name[0] != '\0') {	/* not XT_STANDARD_TARGET */
		r->type = RULE_MODULE;
		return 0;
	}
	if (tg->u.target_size != ENGINE_STD_TARGET_SIZE) {
		errno = EINVAL;
		return -1;
	}
	v = target_verdict(tg);
	if (v < 0)
		r->type = RULE_STANDARD;
	else if ((uint32_t)v == off + r->size)
		r->type = RULE_FALLTHROUGH;
	else
		r->type = RULE_JUMP;
	return 0;
}

/* A target name is "ERROR" (its NUL inside the field is checked). */
static bool is_error_target(const struct xt_entry_target *tg)
{
	return memcmp(tg->u.user.name, XT_ERROR_TARGET,
		      sizeof(XT_ERROR_TARGET)) == 0;
}

/* Whether the entry at off has sane offsets (aligned as the kernel
 * keeps them), and a target (its name, and an ERROR target's chain
 * name) lying inside it. */
static bool entry_valid(const struct xtables_family *fam,
			const unsigned char *base, uint32_t off, uint32_t size)
{
	uint16_t next, toff;
	const struct xt_entry_target *tg;

	if (size - off < fam->entry_size)
		return false;
	next = entry_next_offset(fam, base + off);
	toff = entry_target_offset(fam, base + off);
	if (next < fam->entry_size || next > size - off ||
	    XT_ALIGN(next) != next || XT_ALIGN(toff) != toff ||
	    toff < fam->entry_size ||
	    toff + sizeof(struct xt_entry_target) > next)
		return false;
	tg = (const void *)(base + off + toff);
	if (tg->u.target_size < sizeof(*tg) ||
	    tg->u.target_size > next - toff)
		return false;
	/* names are NUL padded: the last byte tells at once */
	if (tg->u.user.name[sizeof(tg->u.user.name) - 1] != '\0' &&
	    memchr(tg->u.user.name, '\0', sizeof(tg->u.user.name)) == NULL)
		return false;
	return !is_error_target(tg) ||
	       tg->u.target_size >= sizeof(struct xt_error_target);
}

int engine_parse(struct xtables_table *t)
{
	const struct xtables_family *fam = t->fam;
	unsigned char *base = (unsigned char *)t->entries->entrytable;
	uint32_t size = t->entries->size, off;
	/* no entry is smaller than a header and a bare target: room for
	 * that many (pages never written cost address space only) */
	size_t most = size / (fam->entry_size + sizeof(struct xt_entry_target)) + 1;
	unsigned int num = 0;
	struct parse_state ps = { .t = t };
	int ret = -1;

	t->slab = calloc(most, sizeof(*t->slab));
	ps.by_offset = malloc(most * sizeof(*ps.by_offset));
	if (t->slab == NULL || ps.by_offset == NULL) {
		errno = ENOMEM;
		goto out;
	}
	/* the kernel's entry count says how much of the slab gets used */
	engine_prefault(t->slab, (t->info.num_entries < most ?
				  t->info.num_entries : most) * sizeof(*t->slab));
	hooks_sort(&ps);

	/* one pass: check each entry, then place it */
	for (off = 0; off < size; num++) {
		unsigned char *e = base + off;
		uint16_t next;
		struct xt_entry_target *tg;
		struct xtables_rule *r;
		int hook;

		if (!entry_valid(fam, base, off, size)) {
			errno = EINVAL;
			goto out;
		}
		next = entry_next_offset(fam, e);
		tg = entry_target(fam, e);
		if (off + next == size) {	/* the final ERROR entry */
			if (close_chain(&ps, num) < 0)
				goto out;
			ps.cur = NULL;
			off += next;
			continue;
		}
		if (is_error_target(tg)) {
			char name[ENGINE_CHAIN_LABEL];

			memcpy(name, tg->data, sizeof(name) - 1);
			name[sizeof(name) - 1] = '\0';
			if (start_chain(&ps, name, -1, off, num) < 0)
				goto out;
			off += next;
			continue;
		}
		hook = hook_at(&ps, off);
		if (hook >= 0 &&
		    start_chain(&ps, xtables_hook_name(hook), hook, off, num) < 0)
			goto out;
		if (ps.cur == NULL) {
			errno = EINVAL;
			goto out;
		}
		r = &t->slab[ps.nrules++];
		r->entry = e;
		r->size = next;
		r->mappos = num;
		r->cmap = CMAP_NORMAL;
		r->counters = entry_counters(fam, e);
		if (classify(fam, r, off) < 0)
			goto out;
		off += next;
	}
	if (close_chain(&ps, num) < 0)
		goto out;

	/* second pass: jumps to chains (a chain's policy entry is no
	 * longer RULE_JUMP), in slab order */
	t->read_live = 0;
	for (unsigned int i = 0; i < ps.nby; i++)
		t->read_live += ps.by_offset[i]->nrules;
	for (unsigned int i = 0; i < ps.nrules; i++) {
		struct xtables_rule *r = &t->slab[i];
		int v;

		if (r->type != RULE_JUMP)
			continue;
		v = target_verdict(entry_target(fam, r->entry));
		r->jump = chain_at(&ps, (uint32_t)v);
		if (r->jump == NULL) {
			errno = 0;	/* "Incompatible with this kernel" */
			goto out;
		}
		r->jump->refs++;
	}
	ret = 0;
out:
	free(ps.by_offset);
	return ret;
}
