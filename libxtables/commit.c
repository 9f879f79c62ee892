/*
 * commit.c - writing a table back: the blob libiptc would build
 * (chain order, ERROR heads for user chains, jump and fall-through
 * verdicts, policy entries, final ERROR entry), SET_REPLACE with the
 * old entry count, then SET_ADD_COUNTERS so untouched rules keep their
 * counters.  No retry on EAGAIN: like the reference, the commit fails
 * and the caller decides.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "engine.h"

/* Offsets and indexes of every chain's head and foot in the new blob. */
static void layout(struct xtables_table *t, uint32_t *size, uint32_t *num)
{
	const struct xtables_family *fam = t->fam;
	uint32_t off = 0, n = 0;

	for (unsigned int i = 0; i < t->nchains; i++) {
		struct xtables_chain *c = t->chains[i];

		c->head_off = off;
		if (c->hook < 0) {
			off += head_size(fam);
			n++;
		}
		for (unsigned int j = 0; j < c->nrules; j++)
			off += c->rules[j]->size;
		n += c->nrules;
		c->foot_off = off;
		c->foot_index = n;
		off += foot_size(fam);
		n++;
	}
	*size = off + head_size(fam);	/* the final ERROR entry */
	*num = n + 1;
}

static void put_error(const struct xtables_family *fam, unsigned char *e,
		      const char *name)
{
	struct xt_error_target *et = (void *)(e + fam->entry_size);

	memset(e, 0, head_size(fam));
	entry_set_offsets(fam, e, fam->entry_size, head_size(fam));
	et->target.u.user.target_size = ENGINE_ERR_TARGET_SIZE;
	strcpy(et->target.u.user.name, XT_ERROR_TARGET);
	/* the entry is zeroed: copy at most 29 characters, as libiptc */
	memcpy(et->errorname, name,
	       strnlen(name, sizeof(et->errorname) - 1));
}

static void put_foot(const struct xtables_family *fam, unsigned char *e,
		     int verdict, const struct xt_counters *counters)
{
	struct xt_entry_target *tg = (void *)(e + fam->entry_size);

	memset(e, 0, foot_size(fam));
	entry_set_offsets(fam, e, fam->entry_size, foot_size(fam));
	tg->u.user.target_size = ENGINE_STD_TARGET_SIZE;
	target_set_verdict(tg, verdict);
	entry_set_counters(fam, e, counters);
}

static void put_rule(struct xtables_table *t, unsigned char *base,
		     uint32_t off, const struct xtables_rule *r)
{
	const struct xtables_family *fam = t->fam;
	unsigned char *e = base + off;
	struct xt_entry_target *tg;

	if (e != r->entry)
		memmove(e, r->entry, r->size);	/* may overlap in place */
	entry_set_counters(fam, e, &r->counters);
	tg = entry_target(fam, e);
	if (r->type == RULE_JUMP) {
		memset(tg->u.user.name, 0, sizeof(tg->u.user.name));
		tg->u.user.revision = 0;
		target_set_verdict(tg, r->jump->head_off + head_size(fam));
	} else if (r->type == RULE_FALLTHROUGH) {
		target_set_verdict(tg, off + r->size);
	}
}

/* Head (user chains) and hook offsets of chain c. */
static uint32_t put_head(struct engine_replace *repl,
			 const struct xtables_family *fam, unsigned char *base,
			 const struct xtables_chain *c)
{
	if (c->hook < 0) {
		put_error(fam, base + c->head_off, c->name);
		return c->head_off + head_size(fam);
	}
	repl->hook_entry[c->hook] = c->head_off;
	repl->underflow[c->hook] = c->foot_off;
	return c->head_off;
}

static void put_chain_foot(const struct xtables_family *fam,
			   unsigned char *base, const struct xtables_chain *c)
{
	put_foot(fam, base + c->foot_off,
		 c->hook >= 0 ? c->verdict : ENGINE_V_RETURN, &c->counters);
}

/*
 * Building the blob inside the base buffer, where rules of the read or
 * of the spool already are.  Their entries must keep their order and
 * all move the same way: when no entry moves down, writing the blob
 * from its end backwards never overwrites an entry not yet moved; when
 * none moves up, writing it forwards does not.  Entries from elsewhere
 * (malloc'd rules), heads and feet are written in passing.  Returns
 * 1 (backwards), -1 (forwards), or 0 when not possible.
 */
static int in_place_direction(const struct xtables_table *t, uint32_t size)
{
	const unsigned char *base = t->base, *last = NULL;
	bool up = false, down = false;

	if (base == NULL || size > t->base_cap)
		return 0;
	for (unsigned int i = 0; i < t->nchains; i++) {
		const struct xtables_chain *c = t->chains[i];
		uint32_t off = c->head_off + (c->hook < 0 ? head_size(t->fam) : 0);

		for (unsigned int j = 0; j < c->nrules; off += c->rules[j]->size, j++) {
			const unsigned char *e = c->rules[j]->entry;

			if (e < base || e >= base + t->base_cap)
				continue;	/* comes from elsewhere */
			if (last != NULL && e < last)
				return 0;	/* out of order */
			last = e + c->rules[j]->size;
			if (base + off > e)
				up = true;
			else if (base + off < e)
				down = true;
		}
	}
	if (up && down)
		return 0;
	return down ? -1 : 1;
}

static void compile_backwards(struct xtables_table *t,
			      struct engine_replace *repl)
{
	const struct xtables_family *fam = t->fam;
	unsigned char *base = (unsigned char *)repl->entries;

	put_error(fam, base + repl->size - head_size(fam), XT_ERROR_TARGET);
	for (unsigned int i = t->nchains; i-- > 0;) {
		struct xtables_chain *c = t->chains[i];
		uint32_t off = c->foot_off;

		put_chain_foot(fam, base, c);
		for (unsigned int j = c->nrules; j-- > 0;) {
			off -= c->rules[j]->size;
			put_rule(t, base, off, c->rules[j]);
		}
		put_head(repl, fam, base, c);
	}
}

static void compile(struct xtables_table *t, struct engine_replace *repl)
{
	const struct xtables_family *fam = t->fam;
	unsigned char *base = (unsigned char *)repl->entries;

	for (unsigned int i = 0; i < t->nchains; i++) {
		struct xtables_chain *c = t->chains[i];
		uint32_t off = put_head(repl, fam, base, c);

		for (unsigned int j = 0; j < c->nrules; j++) {
			put_rule(t, base, off, c->rules[j]);
			off += c->rules[j]->size;
		}
		put_chain_foot(fam, base, c);
	}
	put_error(fam, base + repl->size - head_size(fam), XT_ERROR_TARGET);
}

static struct xt_counters counter_for(uint8_t cmap, uint32_t mappos,
				      const struct xt_counters *mine,
				      const struct xt_counters *old,
				      unsigned int nold)
{
	struct xt_counters z = { 0, 0 };

	switch (cmap) {
	case CMAP_NORMAL:
		return mappos < nold ? old[mappos] : z;
	case CMAP_ZEROED:
		if (mappos < nold) {
			z.pcnt = old[mappos].pcnt - mine->pcnt;
			z.bcnt = old[mappos].bcnt - mine->bcnt;
		}
		return z;
	case CMAP_SET:
		return *mine;
	default:
		return z;
	}
}

/* The counters to add back, by new entry index. */
static void fill_counters(struct xtables_table *t, struct xt_counters_info *ci,
			  const struct xt_counters *old, unsigned int nold)
{
	for (unsigned int i = 0; i < t->nchains; i++) {
		struct xtables_chain *c = t->chains[i];
		uint32_t index = c->foot_index - c->nrules;

		if (c->hook >= 0)
			ci->counters[c->foot_index] =
				counter_for(c->cmap, c->mappos, &c->counters,
					    old, nold);
		for (unsigned int j = 0; j < c->nrules; j++) {
			const struct xtables_rule *r = c->rules[j];

			ci->counters[index + j] =
				counter_for(r->cmap, r->mappos, &r->counters,
					    old, nold);
		}
	}
}

static bool all_zero(const struct xt_counters *c, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (c[i].pcnt | c[i].bcnt)
			return false;
	return true;
}

int xtables_table_commit(struct xtables_table *t, struct xtables_err *err)
{
	const struct xtables_family *fam = t->fam;
	struct engine_replace *repl = NULL, *own_repl = NULL;
	struct xt_counters_info *ci = NULL;
	struct xt_counters *old = NULL;
	size_t repl_len, ci_len;
	uint32_t size, num;
	int e = 0, dir;

	if (!t->changed)
		return 0;
	engine_chains_tidy(t);
	layout(t, &size, &num);

	repl_len = sizeof(*repl) + size;
	ci_len = sizeof(*ci) + num * sizeof(struct xt_counters);
	dir = in_place_direction(t, size);
	if (dir != 0)
		repl = (struct engine_replace *)(t->base - ENGINE_REPLACE_ROOM);
	else
		repl = own_repl = calloc(1, repl_len);
	old = calloc(t->info.num_entries ? t->info.num_entries : 1,
		     sizeof(*old));
	ci = calloc(1, ci_len);
	if (repl == NULL || old == NULL || ci == NULL) {
		e = ENOMEM;
		goto out;
	}
	/* the kernel writes the old counters, we write the new ones */
	engine_prefault(old, t->info.num_entries * sizeof(*old));
	engine_prefault(ci, ci_len);
	memset(repl, 0, sizeof(*repl));
	strcpy(repl->name, t->name);
	repl->valid_hooks = t->info.valid_hooks;
	repl->num_entries = num;
	repl->size = size;
	repl->num_counters = t->info.num_entries;
	repl->counters = old;
	if (dir > 0)
		compile_backwards(t, repl);
	else
		compile(t, repl);	/* forwards: in place or into own_repl */
	/* the rules' entries are stale now: the table is only freed */
	t->read_live = 0;
	t->base = NULL;

	if (setsockopt(t->fd, fam->sol, fam->so_set_replace, repl,
		       repl_len) < 0) {
		e = errno;
		goto out;
	}

	strcpy(ci->name, t->name);
	ci->num_counters = num;
	fill_counters(t, ci, old, t->info.num_entries);
	/* Adding zeros changes nothing: a table whose rules never saw a
	 * packet (the usual case right after a restore) skips the call. */
	if (all_zero(ci->counters, num))
		goto done;
	/* The new table is in place now.  The kernel refuses the counters
	 * with EINVAL when another writer (one that does not take the
	 * xtables lock) replaced the table in between: its entry count no
	 * longer matches.  Our change has landed then and that writer read
	 * it, so only the counters of that moment are lost; failing here
	 * would report an error for a committed change (and a caller
	 * retrying would apply it twice). */
	if (setsockopt(t->fd, fam->sol, fam->so_set_add_counters, ci,
		       ci_len) < 0 && errno != EINVAL) {
		e = errno;
		goto out;
	}
done:
	t->changed = false;
out:
	free(own_repl);
	free(old);
	free(ci);
	if (e)
		return engine_fail(err, OP_COMMIT, e);
	return 0;
}
