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
	struct xtables_chain **by_offset;	/* chains in blob order */
	unsigned int nby;
};

/* The last rule of the current chain is its policy / RETURN entry. */
static void close_chain(struct parse_state *ps, unsigned int num)
{
	struct xtables_chain *c = ps->cur;
	struct xtables_rule *pr;
	const struct xtables_family *fam = ps->t->fam;

	if (c == NULL || c->nrules == 0)
		return;
	pr = c->rules[--c->nrules];
	c->verdict = target_verdict(entry_target(fam, pr->entry));
	c->counters = entry_counters(fam, pr->entry);
	c->cmap = CMAP_NORMAL;
	c->mappos = num - 1;
	c->foot_index = num;
	c->foot_off = (uint32_t)(pr->entry - (unsigned char *)ps->t->entries->entrytable);
	if (pr->type == RULE_JUMP)
		pr->type = RULE_STANDARD;	/* not counted as a reference */
}

static int hook_of(const struct xtables_table *t, uint32_t off)
{
	for (int h = 0; h < NF_INET_NUMHOOKS; h++)
		if ((t->info.valid_hooks & (1u << h)) &&
		    t->info.hook_entry[h] == off)
			return h;
	return -1;
}

static int start_chain(struct parse_state *ps, const char *name, int hook,
		       uint32_t off, unsigned int num)
{
	struct xtables_chain *c;

	close_chain(ps, num);
	c = engine_chain_new(ps->t, name, hook);
	if (c == NULL) {
		errno = ENOMEM;
		return -1;
	}
	c->head_off = off;
	ps->by_offset[ps->nby++] = c;
	ps->cur = c;
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

	if (strcmp(tg->u.user.name, XT_STANDARD_TARGET) != 0) {
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

int engine_parse(struct xtables_table *t)
{
	const struct xtables_family *fam = t->fam;
	unsigned char *base = (unsigned char *)t->entries->entrytable;
	uint32_t size = t->entries->size, off;
	unsigned int num = 0, n = 0, nrules = 0;
	struct parse_state ps = { .t = t };
	int ret = -1;

	/* count entries, checking the offsets (aligned as the kernel keeps
	 * them), and that every target (its name, and an ERROR target's
	 * chain name) lies inside its entry */
	for (off = 0; off < size; n++) {
		uint16_t next, toff;
		const struct xt_entry_target *tg;

		if (size - off < fam->entry_size)
			goto invalid;
		next = entry_next_offset(fam, base + off);
		toff = entry_target_offset(fam, base + off);
		if (next < fam->entry_size || next > size - off ||
		    XT_ALIGN(next) != next || XT_ALIGN(toff) != toff ||
		    toff < fam->entry_size ||
		    toff + sizeof(struct xt_entry_target) > next)
			goto invalid;
		tg = (const void *)(base + off + toff);
		if (tg->u.target_size < sizeof(*tg) ||
		    tg->u.target_size > next - toff ||
		    memchr(tg->u.user.name, '\0', sizeof(tg->u.user.name)) == NULL ||
		    (strcmp(tg->u.user.name, XT_ERROR_TARGET) == 0 &&
		     tg->u.target_size < sizeof(struct xt_error_target)))
			goto invalid;
		off += next;
	}
	t->slab = calloc(n ? n : 1, sizeof(*t->slab));
	ps.by_offset = malloc((n ? n : 1) * sizeof(*ps.by_offset));
	if (t->slab == NULL || ps.by_offset == NULL) {
		errno = ENOMEM;
		goto out;
	}

	for (off = 0; off < size; num++) {
		unsigned char *e = base + off;
		uint16_t next = entry_next_offset(fam, e);
		struct xt_entry_target *tg = entry_target(fam, e);
		struct xtables_rule *r;
		int hook;

		if (off + next == size) {	/* the final ERROR entry */
			close_chain(&ps, num);
			ps.cur = NULL;
			off += next;
			continue;
		}
		if (strcmp(tg->u.user.name, XT_ERROR_TARGET) == 0) {
			char name[ENGINE_CHAIN_LABEL];

			memcpy(name, tg->data, sizeof(name) - 1);
			name[sizeof(name) - 1] = '\0';
			if (start_chain(&ps, name, -1, off, num) < 0)
				goto out;
			off += next;
			continue;
		}
		hook = hook_of(t, off);
		if (hook >= 0 &&
		    start_chain(&ps, xtables_hook_name(hook), hook, off, num) < 0)
			goto out;
		if (ps.cur == NULL) {
			errno = EINVAL;
			goto out;
		}
		r = &t->slab[nrules++];
		r->entry = e;
		r->size = next;
		r->mappos = num;
		r->cmap = CMAP_NORMAL;
		r->counters = entry_counters(fam, e);
		if (classify(fam, r, off) < 0 ||
		    engine_chain_add_rule(ps.cur, r, ps.cur->nrules) < 0)
			goto out;
		off += next;
	}
	close_chain(&ps, num);

	/* second pass: jumps to chains */
	t->read_live = 0;
	for (unsigned int i = 0; i < ps.nby; i++) {
		struct xtables_chain *c = ps.by_offset[i];

		t->read_live += c->nrules;

		for (unsigned int j = 0; j < c->nrules; j++) {
			struct xtables_rule *r = c->rules[j];
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
	}
	ret = 0;
out:
	free(ps.by_offset);
	return ret;
invalid:
	errno = EINVAL;
	return -1;
}
