/*
 * print_entry.c - what the printers need to know about a kernel entry.
 */
#include <string.h>
#include "print_entry.h"

void entry_view_init(struct entry_view *v, const struct xtables_family *fam,
		     const void *entry)
{
	uint16_t off;

	memset(v, 0, sizeof(*v));
	v->fam = fam;
	v->base = entry;
	fam->ip_decode(entry, &v->ip);
	memcpy(&off, v->base + fam->off_target_offset, sizeof(off));
	v->target_offset = off;
	memcpy(&off, v->base + fam->off_next_offset, sizeof(off));
	v->next_offset = off;
	v->target = (const void *)(v->base + v->target_offset);
	memcpy(&v->counters, v->base + fam->off_counters, sizeof(v->counters));
}

const struct xt_entry_match *entry_view_next_match(const struct entry_view *v,
						    size_t *pos)
{
	const struct xt_entry_match *m;
	size_t at = *pos ? *pos : v->fam->entry_size;

	if (at + sizeof(*m) > v->target_offset)
		return NULL;
	m = (const void *)(v->base + at);
	if (m->u.match_size < sizeof(*m))
		return NULL;
	*pos = at + m->u.match_size;
	return m;
}

bool entry_view_standard_target(const struct entry_view *v)
{
	return v->target->u.user.name[0] == '\0' ||
	       strcmp(v->target->u.user.name, XT_STANDARD_TARGET) == 0;
}

const char *print_addr_numeric(const struct xtables_family *fam,
			       const union nf_inet_addr *a,
			       char *buf, size_t len)
{
	return xtables_addr_to_text(fam->nfproto, a, buf, len);
}

bool print_is_verdict(const char *name)
{
	static const char *const verdicts[] = {
		"ACCEPT", "DROP", "QUEUE", "RETURN",
	};
	size_t i;

	for (i = 0; i < sizeof(verdicts) / sizeof(verdicts[0]); i++)
		if (strcmp(name, verdicts[i]) == 0)
			return true;
	return false;
}

/*
 * Extension lookups, remembered.  The loader repeats its "not
 * supported" warnings at every lookup of a name whose preferred
 * revisions the kernel refused (as upstream does), so an answer is only
 * remembered once a repeated lookup of the name gave no warning: from
 * then on every lookup gives the same answer without one.  Until then
 * each lookup goes to the loader, as upstream's do.
 */
struct ext_memo {
	char name[XT_EXTENSION_MAXNAMELEN];
	uint8_t kind, nfproto;
	uint8_t lookups;		/* lookups made so far (saturating) */
	bool settled;			/* answer final: ext */
	const struct xtables_ext *ext;
};

#define MEMO_SLOTS 128			/* a power of two */
static struct ext_memo memo[MEMO_SLOTS];
static unsigned int memo_used;

/* From the first three characters (the names are few). */
static uint32_t memo_hash(const char *name, uint8_t kind)
{
	uint32_t h = (unsigned char)name[0] * 7u + kind;

	if (name[0] != '\0' && name[1] != '\0')
		h += (unsigned char)name[1] * 3u + (unsigned char)name[2];
	return h;
}

/* The slot of (kind, nfproto, name), claimed if new; NULL when the
 * table is too full or the name too long (then nothing is remembered). */
static struct ext_memo *memo_slot(uint8_t kind, uint8_t nfproto,
				  const char *name)
{
	uint32_t b = memo_hash(name, kind);

	for (unsigned int i = 0; i < MEMO_SLOTS; i++) {
		struct ext_memo *m = &memo[(b + i) & (MEMO_SLOTS - 1)];

		if (m->name[0] == '\0') {
			size_t len = strlen(name);

			if (len >= sizeof(m->name) || len == 0 ||
			    memo_used >= MEMO_SLOTS / 2)
				return NULL;
			memcpy(m->name, name, len + 1);
			m->kind = kind;
			m->nfproto = nfproto;
			memo_used++;
			return m;
		}
		if (m->kind == kind && m->nfproto == nfproto &&
		    strcmp(m->name, name) == 0)
			return m;
	}
	return NULL;
}

const struct xtables_ext *print_find_ext(const struct xtables_family *fam,
					 enum xtables_ext_kind kind,
					 const char *name, uint8_t revision,
					 const struct xtables_ext **any)
{
	struct ext_memo *m = memo_slot(kind, fam->nfproto, name);
	const struct xtables_ext *e;

	if (m != NULL && m->settled) {
		e = m->ext;
	} else {
		unsigned long warned = xtables_warn_count();

		e = xtables_find_ext(fam, kind, name, true, NULL);
		if (m != NULL) {
			if (m->lookups < 2)
				m->lookups++;
			/* the first lookup here may have been the loader's
			 * first of the name: it does not tell */
			if (m->lookups >= 2 && xtables_warn_count() == warned) {
				m->ext = e;
				m->settled = true;
			}
		}
	}
	if (any)
		*any = e;
	return e != NULL && e->revision == revision ? e : NULL;
}
