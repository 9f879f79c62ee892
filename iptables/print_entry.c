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

/* One lookup per match or target printed, as upstream: the loader
 * repeats its "not supported" warnings at every lookup of a name whose
 * preferred revisions the kernel refused, so the answers are not
 * remembered here (the loader's own lookup is a hash probe). */
const struct xtables_ext *print_find_ext(const struct xtables_family *fam,
					 enum xtables_ext_kind kind,
					 const char *name, uint8_t revision,
					 const struct xtables_ext **any)
{
	struct xtables_err err = { 0 };
	const struct xtables_ext *e;

	e = xtables_find_ext(fam, kind, name, true, &err);
	if (any)
		*any = e;
	return e != NULL && e->revision == revision ? e : NULL;
}
