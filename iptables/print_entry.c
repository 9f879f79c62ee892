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

/* The answers of print_find_ext, remembered: a listing asks the same
 * few questions for every rule, and each answer costs a scan of every
 * registered extension. */
struct found_ext {
	const struct xtables_family *fam;
	enum xtables_ext_kind kind;
	uint8_t revision;
	char name[XT_EXTENSION_MAXNAMELEN];
	const struct xtables_ext *ext, *any;
};

#define FOUND_SLOTS 64

static struct found_ext *found_slot(const struct xtables_family *fam,
				    enum xtables_ext_kind kind,
				    const char *name, uint8_t revision)
{
	static struct found_ext slots[FOUND_SLOTS];
	uint32_t h = 2166136261u ^ (uint32_t)(kind << 8 | revision);
	const char *p;

	for (p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return &slots[h % FOUND_SLOTS];
}

const struct xtables_ext *print_find_ext(const struct xtables_family *fam,
					 enum xtables_ext_kind kind,
					 const char *name, uint8_t revision,
					 const struct xtables_ext **any)
{
	struct found_ext *f = found_slot(fam, kind, name, revision);
	struct xtables_err err = { 0 };

	if (f->fam != fam || f->kind != kind || f->revision != revision ||
	    strncmp(f->name, name, sizeof(f->name)) != 0) {
		f->fam = fam;
		f->kind = kind;
		f->revision = revision;
		strncpy(f->name, name, sizeof(f->name) - 1);
		f->name[sizeof(f->name) - 1] = '\0';
		f->ext = xtables_find_ext_rev(fam, kind, name, revision);
		f->any = f->ext;
		if (!f->ext)
			f->any = xtables_find_ext(fam, kind, name, true, &err);
		if (strlen(name) >= sizeof(f->name))
			f->fam = NULL;	/* too long to remember */
	}
	if (any)
		*any = f->any;
	return f->ext;
}
