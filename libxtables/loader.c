/*
 * loader.c - finding an extension by name: loading its shared object on
 * first use (never all of them), and choosing among the revisions
 * registered the one the kernel supports, as upstream does.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xtables/table.h>
#include "option_core.h"

#ifndef XTABLES_LIBDIR
#define XTABLES_LIBDIR "/usr/local/lib/xtables"
#endif

const char *xtables_libdir(void)
{
	const char *dir = getenv("XTABLES_LIBDIR");

	return dir != NULL ? dir : XTABLES_LIBDIR;
}

/* Names that stand for the standard target. */
static const char *const standard_names[] = {
	"", "ACCEPT", "DROP", "QUEUE", "RETURN",
};

/* Match names upstream folds into "icmp6". */
static const char *const icmp6_names[] = { "icmpv6", "ipv6-icmp", "icmp6" };

static const char *canonical_name(enum xtables_ext_kind kind, const char *name)
{
	unsigned int i;

	/* most names are none of these: their first letter tells */
	if (kind == XTABLES_TARGET ? name[0] != '\0' && name[0] != 'A' &&
				     name[0] != 'D' && name[0] != 'Q' &&
				     name[0] != 'R'
				   : name[0] != 'i')
		return name;
	if (kind == XTABLES_TARGET) {
		for (i = 0; i < sizeof(standard_names) / sizeof(*standard_names); i++)
			if (strcmp(name, standard_names[i]) == 0)
				return "standard";
	} else {
		for (i = 0; i < sizeof(icmp6_names) / sizeof(*icmp6_names); i++)
			if (strcmp(name, icmp6_names[i]) == 0)
				return "icmp6";
	}
	return name;
}

/* Load DIR/PREFIXNAME.so for each directory of the search path, family
 * prefix first, then libxt_ (upstream's order).  Returns 0 if an object
 * was loaded, else -1 with errno set. */
static int load_object(const struct xtables_family *fam, const char *name)
{
	const char *prefixes[] = { fam->ext_prefix, "libxt_" };
	const char *dir = xtables_libdir(), *next;
	char path[4096];
	struct stat sb;

	do {
		next = strchr(dir, ':');
		if (next == NULL)
			next = dir + strlen(dir);
		for (unsigned int p = 0; p < 2; p++) {
			void *h;

			snprintf(path, sizeof(path), "%.*s/%s%s.so",
				 (int)(next - dir), dir, prefixes[p], name);
			if (stat(path, &sb) != 0) {
				if (errno == ENOENT)
					continue;
				xtables_warn("%s: %s", path, strerror(errno));
				return -1;
			}
			h = dlopen(path, RTLD_NOW);
			if (h == NULL) {
				xtables_warn("%s: %s", path, dlerror());
				break;
			}
			return 0;
		}
		dir = next + 1;
	} while (*next != '\0');
	errno = ENOENT;
	return -1;
}

/* Upstream's preference: aliases first, then higher revision, then a
 * specific family before NFPROTO_UNSPEC.  Negative: a less preferred. */
static int prefer(const struct xtables_ext *a, const struct xtables_ext *b)
{
	if ((a->real_name != NULL) != (b->real_name != NULL))
		return a->real_name != NULL ? 1 : -1;
	if (a->revision != b->revision)
		return a->revision > b->revision ? 1 : -1;
	if ((a->family == NFPROTO_UNSPEC) != (b->family == NFPROTO_UNSPEC))
		return a->family == NFPROTO_UNSPEC ? -1 : 1;
	return 0;
}

static bool usable_for(const struct xtables_ext *e, enum xtables_ext_kind kind,
		       uint8_t nfproto)
{
	return e->kind == kind &&
	       (e->family == nfproto || e->family == NFPROTO_UNSPEC);
}

/* Lookups already decided, so the kernel is asked once per extension. */
struct decision {
	enum xtables_ext_kind kind;
	uint8_t nfproto;
	char name[XT_EXTENSION_MAXNAMELEN];
	const struct xtables_ext *ext;	/* NULL: none */
	int error;			/* errno for the failure message */
	bool seen;			/* some candidate was registered */
	bool skipped;			/* a preferred candidate was refused */
	bool notarget;			/* a quiet target lookup failed */
};
static struct decision *decisions;
static unsigned int ndecisions, decisions_cap;

/* Index of the decisions by name: a restore line "-j CHAIN" asks for a
 * target named after each user chain, so there can be thousands of
 * them.  Open addressing over indexes + 1 (0 = empty). */
static unsigned int *decision_index;
static unsigned int decision_index_size;

static uint32_t decision_hash(enum xtables_ext_kind kind, uint8_t nfproto,
			      const char *name)
{
	uint32_t h = 2166136261u ^ ((uint32_t)kind << 8 | nfproto);

	while (*name)
		h = (h ^ (unsigned char)*name++) * 16777619u;
	return h;
}

static struct decision *decision_find(enum xtables_ext_kind kind,
				      uint8_t nfproto, const char *name)
{
	unsigned int mask = decision_index_size - 1, b;

	if (decision_index_size == 0)
		return NULL;
	for (b = decision_hash(kind, nfproto, name) & mask;
	     decision_index[b] != 0; b = (b + 1) & mask) {
		struct decision *d = &decisions[decision_index[b] - 1];

		if (d->kind == kind && d->nfproto == nfproto &&
		    strcmp(d->name, name) == 0)
			return d;
	}
	return NULL;
}

static void decision_index_put(unsigned int *index, unsigned int size,
			       unsigned int i)
{
	const struct decision *d = &decisions[i];
	unsigned int b = decision_hash(d->kind, d->nfproto, d->name) & (size - 1);

	while (index[b] != 0)
		b = (b + 1) & (size - 1);
	index[b] = i + 1;
}

/* Keep the index at most half full; false when out of memory. */
static bool decision_index_grow(void)
{
	unsigned int size, *index;

	if ((ndecisions + 1) * 2 <= decision_index_size)
		return true;
	size = decision_index_size ? 2 * decision_index_size : 64;
	index = calloc(size, sizeof(*index));
	if (index == NULL)
		return false;
	for (unsigned int i = 0; i < ndecisions; i++)
		decision_index_put(index, size, i);
	free(decision_index);
	decision_index = index;
	decision_index_size = size;
	return true;
}

static struct decision *decision_add(enum xtables_ext_kind kind,
				     uint8_t nfproto, const char *name)
{
	struct decision *d;

	if (!decision_index_grow())
		return NULL;
	if (ndecisions == decisions_cap) {
		unsigned int ncap = decisions_cap ? 2 * decisions_cap : 16;
		struct decision *n = realloc(decisions, ncap * sizeof(*n));

		if (n == NULL)
			return NULL;
		decisions = n;
		decisions_cap = ncap;
	}
	d = &decisions[ndecisions++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->nfproto = nfproto;
	snprintf(d->name, sizeof(d->name), "%s", name);
	decision_index_put(decision_index, decision_index_size, ndecisions - 1);
	return d;
}

/* Whether the kernel takes e's revision.  As upstream, revision 0 is
 * taken even when the kernel denies it (with a warning), so that the
 * kernel's own error reaches the user when the rule is committed. */
static bool kernel_supports(const struct xtables_family *fam,
			    const struct xtables_ext *e)
{
	const char *kname = e->real_name ? e->real_name : e->name;

	if (e->kind == XTABLES_TARGET && strcmp(e->name, "standard") == 0)
		return true;
	if (xtables_kernel_has_revision(fam, e->kind == XTABLES_TARGET,
					kname, e->revision) != 0)
		return true;
	if (e->revision != 0)
		return false;
	xtables_warn("Warning: Extension %s revision 0 not supported, missing kernel module?",
		     kname);
	return true;
}

static void warn_unsupported(const struct decision *d, unsigned int times)
{
	while (times-- > 0)
		xtables_warn("Warning: Extension %s is not supported, missing kernel module?",
			     d->name);
}

static void decide(const struct xtables_family *fam, struct decision *d)
{
	const struct xtables_ext *best;
	unsigned int n = xt_registry_count();
	bool seen = false;
	/* candidates in order of preference, each tried once */
	const struct xtables_ext **cand = calloc(n ? n : 1, sizeof(*cand));
	unsigned int ncand = 0;

	d->ext = NULL;
	d->error = ENOENT;
	if (cand == NULL)
		return;
	for (unsigned int i = 0; i < n; i++) {
		const struct xtables_ext *e = xt_registry_get(i);

		if (usable_for(e, d->kind, fam->nfproto) &&
		    strcmp(e->name, d->name) == 0)
			cand[ncand++] = e;
	}
	/* stable insertion sort: most preferred first */
	for (unsigned int i = 1; i < ncand; i++) {
		const struct xtables_ext *e = cand[i];
		unsigned int j = i;

		while (j > 0 && prefer(e, cand[j - 1]) > 0) {
			cand[j] = cand[j - 1];
			j--;
		}
		cand[j] = e;
	}
	best = NULL;
	for (unsigned int i = 0; i < ncand && best == NULL; i++) {
		seen = true;
		if (kernel_supports(fam, cand[i]))
			best = cand[i];
		else
			d->skipped = true;
	}
	free(cand);
	d->seen = seen;
	d->ext = best;
}

/* Recent lookups that found an extension with nothing to warn about:
 * the slow path would return the same extension and do nothing else.
 * A restore asks for a few names over and over; a slot is chosen by
 * kind and the first three letters of the name as given. */
struct found_slot {
	enum xtables_ext_kind kind;
	uint8_t nfproto;
	char name[XT_EXTENSION_MAXNAMELEN];
	const struct xtables_ext *ext;	/* NULL: slot empty */
};
static struct found_slot found_cache[64];

static struct found_slot *found_slot_of(enum xtables_ext_kind kind,
					const char *name)
{
	unsigned int h = (unsigned int)kind * 29u;

	for (unsigned int i = 0; i < 3 && name[i] != '\0'; i++)
		h = h * 31u + (unsigned char)name[i];
	return &found_cache[(h ^ h >> 6) & 63];
}

static void found_remember(enum xtables_ext_kind kind, uint8_t nfproto,
			   const char *name, const struct decision *d)
{
	struct found_slot *s = found_slot_of(kind, name);

	if (d->ext == NULL || d->skipped ||
	    strnlen(name, sizeof(s->name)) == sizeof(s->name))
		return;
	s->kind = kind;
	s->nfproto = nfproto;
	strcpy(s->name, name);	/* fits: checked above */
	s->ext = d->ext;
}

static const struct xtables_ext *find_ext_slow(const struct xtables_family *fam,
					       enum xtables_ext_kind kind,
					       const char *name, bool quiet,
					       struct xtables_err *err);

const struct xtables_ext *xtables_find_ext(const struct xtables_family *fam,
					   enum xtables_ext_kind kind,
					   const char *name, bool quiet,
					   struct xtables_err *err)
{
	const struct found_slot *s = found_slot_of(kind, name);

	if (s->ext != NULL && s->kind == kind &&
	    s->nfproto == fam->nfproto && strcmp(s->name, name) == 0)
		return s->ext;
	return find_ext_slow(fam, kind, name, quiet, err);
}

static const struct xtables_ext *find_ext_slow(const struct xtables_family *fam,
					       enum xtables_ext_kind kind,
					       const char *name, bool quiet,
					       struct xtables_err *err)
{
	const char *what = kind == XTABLES_TARGET ? "target" : "match";
	const char *given = name;
	struct decision *d;

	if (strlen(name) >= XT_EXTENSION_MAXNAMELEN) {
		if (kind == XTABLES_TARGET)
			xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				     "Invalid target name `%s' (%u chars max)",
				     name, XT_EXTENSION_MAXNAMELEN - 1);
		else
			xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				     "Invalid match name \"%s\" (%u chars max)",
				     name, XT_EXTENSION_MAXNAMELEN - 1);
		return NULL;
	}
	name = canonical_name(kind, name);

	/*
	 * Upstream keeps the revisions the kernel refused (those preferred
	 * to the one chosen, or all of them) on its pending list and asks
	 * again at every later lookup of the name, warning each time none
	 * of them is taken; a lookup that finds nothing also reloads the
	 * object, which asks once more - except for a target name a quiet
	 * lookup found nothing for: upstream then remembers it as no
	 * target, and only a lookup that must succeed asks (once) again.
	 * The warnings are repeated here the same number of times; the
	 * kernel is asked only once.
	 */
	d = decision_find(kind, fam->nfproto, name);
	if (d == NULL) {
		bool registered = xt_registry_has(kind, name, fam->nfproto);
		int error = ENOENT;

		if (!registered && load_object(fam, name) != 0)
			error = errno;
		d = decision_add(kind, fam->nfproto, name);
		if (d == NULL) {
			xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
				     "out of memory");
			return NULL;
		}
		decide(fam, d);
		if (d->ext == NULL) {
			d->error = error;
			if (d->seen)
				warn_unsupported(d, registered ? 2 : 1);
		}
	} else if (d->seen && d->ext == NULL) {
		if (!d->notarget)
			warn_unsupported(d, 2);
		else if (!quiet)
			warn_unsupported(d, 1);
	} else if (d->skipped) {
		warn_unsupported(d, 1);
	}
	found_remember(kind, fam->nfproto, given, d);
	if (d->ext == NULL && quiet && kind == XTABLES_TARGET)
		d->notarget = true;
	if (d->ext == NULL && !quiet)
		xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			     "Couldn't load %s `%s':%s\n", what, name,
			     strerror(d->error));
	return d->ext;
}

const struct xtables_ext *xtables_find_ext_rev(const struct xtables_family *fam,
					       enum xtables_ext_kind kind,
					       const char *name,
					       uint8_t revision)
{
	const struct xtables_ext *e;

	/* As upstream: only the revision the loader chose for the name
	 * prints a rule; another one (a rule written by another program,
	 * or before a kernel change) is an "unsupported revision". */
	e = xtables_find_ext(fam, kind, name, true, NULL);
	return e != NULL && e->revision == revision ? e : NULL;
}
