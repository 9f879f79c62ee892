/*
 * restore_chains.c - the set of chain names announced by ":CHAIN" lines
 * of iptables-restore: a hash set of strings, grown by doubling, so that
 * dumps with tens of thousands of chains stay linear.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "restore_chains.h"

static char **slots;		/* open addressing, NULL = empty */
static size_t nslots, nused;

static size_t hash(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static char **slot_of(char **tab, size_t n, const char *name)
{
	size_t i = hash(name) & (n - 1);

	while (tab[i] != NULL && strcmp(tab[i], name) != 0)
		i = (i + 1) & (n - 1);
	return &tab[i];
}

static bool grow(void)
{
	size_t n = nslots ? nslots * 2 : 64, i;
	char **tab = calloc(n, sizeof(*tab));

	if (tab == NULL)
		return false;
	for (i = 0; i < nslots; i++)
		if (slots[i] != NULL)
			*slot_of(tab, n, slots[i]) = slots[i];
	free(slots);
	slots = tab;
	nslots = n;
	return true;
}

void restore_chain_announce(const char *name)
{
	char **s;

	if ((nused + 1) * 2 > nslots && !grow())
		return;
	s = slot_of(slots, nslots, name);
	if (*s != NULL)
		return;
	*s = strdup(name);
	if (*s != NULL)
		nused++;
}

bool restore_chain_announced(const char *name)
{
	return nused > 0 && *slot_of(slots, nslots, name) != NULL;
}
