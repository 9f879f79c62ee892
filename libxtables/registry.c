/*
 * registry.c - the extensions known to this process.  Each extension
 * shared object registers its table from a constructor when it is
 * loaded; nothing is chosen here (see loader.c).
 */
#include <stdlib.h>
#include <string.h>
#include "option_core.h"

static const struct xtables_ext **exts;
static unsigned int nexts, cap;

static bool ext_valid(const struct xtables_ext *e)
{
	if (e->abi != XTABLES_ABI_VERSION) {
		xtables_warn("extension `%s' was built for ABI %u, but %u is required",
			     e->name ? e->name : "?", e->abi,
			     XTABLES_ABI_VERSION);
		return false;
	}
	if (e->name == NULL || strlen(e->name) >= XT_EXTENSION_MAXNAMELEN)
		return false;
	if (e->real_name && strlen(e->real_name) >= XT_EXTENSION_MAXNAMELEN)
		return false;
	return true;
}

void xtables_register(const struct xtables_ext *ext)
{
	if (!ext_valid(ext))
		return;
	if (nexts == cap) {
		unsigned int ncap = cap ? 2 * cap : 32;
		const struct xtables_ext **n = realloc(exts, ncap * sizeof(*n));

		if (n == NULL)
			return;
		exts = n;
		cap = ncap;
	}
	exts[nexts++] = ext;
}

void xtables_register_many(const struct xtables_ext *ext, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		xtables_register(&ext[i]);
}

unsigned int xt_registry_count(void)
{
	return nexts;
}

const struct xtables_ext *xt_registry_get(unsigned int i)
{
	return i < nexts ? exts[i] : NULL;
}

bool xt_registry_has(enum xtables_ext_kind kind, const char *name,
		     uint8_t nfproto)
{
	for (unsigned int i = 0; i < nexts; i++) {
		const struct xtables_ext *e = exts[i];

		if (e->kind == kind && strcmp(e->name, name) == 0 &&
		    (e->family == nfproto || e->family == NFPROTO_UNSPEC))
			return true;
	}
	return false;
}
