/*
 * entry.c - a rule as the kernel entry the reference builds: the
 * family's header (from the generic rule part), the matches in order,
 * then the target: an extension target, or the standard target whose
 * name carries the jump ("ACCEPT", a chain name, "" for none) for the
 * engine to resolve.  Unused bytes are zero.
 */
#include <stdlib.h>
#include <string.h>
#include "option_core.h"

/* The standard target's data: the verdict (filled by the engine). */
#define STANDARD_DATA_SIZE XT_ALIGN(sizeof(int))
#define TARGET_HEADER_SIZE XT_ALIGN(sizeof(struct xt_entry_target))
#define MATCH_HEADER_SIZE XT_ALIGN(sizeof(struct xt_entry_match))

static bool is_standard(const struct xtables_instance *target)
{
	return target == NULL ||
	       (target->ext->kind == XTABLES_TARGET &&
		strcmp(target->ext->name, "standard") == 0);
}

static void put_u16(void *entry, size_t off, size_t v)
{
	uint16_t x = (uint16_t)v;

	memcpy((unsigned char *)entry + off, &x, sizeof(x));
}

void *xtables_entry_build(const struct xtables_family *fam,
			  const struct xtables_rule_ip *ip,
			  struct xtables_instance *const *matches,
			  unsigned int nmatches,
			  const struct xtables_instance *target,
			  const char *jump, size_t *size)
{
	size_t off = fam->entry_size, tsize;
	unsigned char *e;

	for (unsigned int i = 0; i < nmatches; i++)
		off += matches[i]->blob_size;
	tsize = is_standard(target) ? TARGET_HEADER_SIZE + STANDARD_DATA_SIZE
				    : target->blob_size;
	/* not calloc, which glibc serves without its thread cache: the
	 * matches and an extension target are copied whole, the rest is
	 * cleared here */
	e = malloc(off + tsize);
	if (e == NULL)
		return NULL;
	memset(e, 0, fam->entry_size);
	fam->ip_encode(ip, e);
	put_u16(e, fam->off_target_offset, off);
	put_u16(e, fam->off_next_offset, off + tsize);

	off = fam->entry_size;
	for (unsigned int i = 0; i < nmatches; i++) {
		memcpy(e + off, matches[i]->blob, matches[i]->blob_size);
		off += matches[i]->blob_size;
	}
	if (is_standard(target)) {
		struct xt_entry_target *t = (struct xt_entry_target *)(e + off);

		memset(t, 0, tsize);
		t->u.user.target_size = tsize;
		if (jump != NULL)	/* e is zeroed: stays NUL-terminated */
			memcpy(t->u.user.name, jump,
			       strnlen(jump, sizeof(t->u.user.name) - 1));
		t->u.user.revision = target ? target->ext->revision : 0;
		if (target != NULL)
			memcpy(t->data, target->data,
			       target->blob_size - TARGET_HEADER_SIZE <
			       STANDARD_DATA_SIZE ?
			       target->blob_size - TARGET_HEADER_SIZE :
			       STANDARD_DATA_SIZE);
	} else {
		memcpy(e + off, target->blob, tsize);
	}
	*size = off + tsize;
	return e;
}

/* Bytes of an extension compared by -D / -C. */
static size_t compared(const struct xtables_ext *ext)
{
	return ext->userspacesize ? ext->userspacesize : XT_ALIGN(ext->size);
}

unsigned char *xtables_entry_mask(const struct xtables_family *fam,
				  struct xtables_instance *const *matches,
				  unsigned int nmatches,
				  const struct xtables_instance *target,
				  size_t size)
{
	unsigned char *mask = calloc(1, size);
	size_t off = fam->entry_size, n;

	if (mask == NULL)
		return NULL;
	memset(mask, 0xff, fam->entry_size < size ? fam->entry_size : size);
	for (unsigned int i = 0; i < nmatches; i++) {
		n = MATCH_HEADER_SIZE + compared(matches[i]->ext);
		if (off + n > size)
			n = size > off ? size - off : 0;
		memset(mask + off, 0xff, n);
		off += matches[i]->blob_size;
	}
	n = TARGET_HEADER_SIZE + (is_standard(target) ? STANDARD_DATA_SIZE
						      : compared(target->ext));
	if (off + n > size)
		n = size > off ? size - off : 0;
	memset(mask + off, 0xff, n);
	return mask;
}
