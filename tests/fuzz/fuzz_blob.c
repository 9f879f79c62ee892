/*
 * fuzz_blob.c - libFuzzer target: the engine's reading of the blob the
 * kernel hands back (IPT_SO_GET_ENTRIES), from arbitrary bytes.
 *
 * Input: struct blob_header (valid hooks, hook entry and underflow
 * offsets, as IPT_SO_GET_INFO gives them) followed by the entries.  The
 * table is made as xtables_table_read() makes it, without a kernel
 * (engine_table_from_blob), and split into chains and rules by
 * engine_parse() (blob.c).  When that
 * accepts the bytes, every chain and rule is walked through the public
 * API, and - when the entries are also well formed the way the kernel
 * guarantees (matches tiling the entry with the sizes their extensions
 * declare, the target inside the entry) - the table is printed as
 * iptables-save and iptables -L -v print it.  blob_seed.c makes inputs
 * from a live table.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "engine.h"
#include "common.h"
#include "fuzz_common.h"
#include "fuzz_blob.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	fuzz_init(*argv[0]);
	return 0;
}

static bool name_ok(const char *name, size_t len)
{
	return memchr(name, '\0', len) != NULL;
}

/* What the kernel checks before it accepts a rule (so what a blob read
 * from it always satisfies), for the entry of r. */
static bool entry_sane(const struct xtables_family *fam,
		       const struct xtables_rule *r)
{
	size_t size, pos = fam->entry_size;
	const unsigned char *e = xtables_rule_entry(r, &size);
	const struct xt_entry_target *tg;
	const struct xtables_ext *ext;
	uint16_t toff, next;

	memcpy(&toff, e + fam->off_target_offset, sizeof(toff));
	memcpy(&next, e + fam->off_next_offset, sizeof(next));
	while (pos < toff) {
		const struct xt_entry_match *m = (const void *)(e + pos);

		if (pos + sizeof(*m) > toff || m->u.match_size < sizeof(*m) ||
		    pos + m->u.match_size > toff ||
		    m->u.match_size % 8 != 0 ||
		    !name_ok(m->u.user.name, sizeof(m->u.user.name)))
			return false;
		/* (iptables-save stops at a match it has no library for) */
		ext = xtables_find_ext_rev(fam, XTABLES_MATCH, m->u.user.name,
					   m->u.user.revision);
		if (ext == NULL || m->u.match_size !=
		    XT_ALIGN(sizeof(*m)) + XT_ALIGN(ext->size))
			return false;
		pos += m->u.match_size;
	}
	if (pos != toff)
		return false;
	tg = (const void *)(e + toff);
	if (tg->u.target_size < sizeof(*tg) ||
	    toff + tg->u.target_size > next ||
	    !name_ok(tg->u.user.name, sizeof(tg->u.user.name)))
		return false;
	if (tg->u.user.name[0] == '\0')
		return tg->u.target_size == XT_ALIGN(sizeof(struct xt_standard_target));
	ext = xtables_find_ext_rev(fam, XTABLES_TARGET, tg->u.user.name,
				   tg->u.user.revision);
	if (ext == NULL || tg->u.target_size !=
	    XT_ALIGN(sizeof(*tg)) + XT_ALIGN(ext->size))
		return false;
	/* (nor can it save a target with data but no save function) */
	if (ext->save == NULL && tg->u.target_size != sizeof(*tg))
		return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct xtables_family *fam = &xtables_ipv4;
	struct engine_getinfo info = { .name = "filter" };
	struct blob_header h;
	struct xtables_table *t;
	struct xtables_chain *c;
	bool sane = true;

	if (size < sizeof(h) || size - sizeof(h) > 1 << 20)
		return 0;
	memcpy(&h, data, sizeof(h));
	info.valid_hooks = h.valid_hooks & ((1u << NF_INET_NUMHOOKS) - 1);
	memcpy(info.hook_entry, h.hook_entry, sizeof(h.hook_entry));
	memcpy(info.underflow, h.underflow, sizeof(h.underflow));
	info.size = (unsigned int)(size - sizeof(h));

	t = engine_table_from_blob(fam, "filter", &info, data + sizeof(h));
	if (t == NULL)
		return 0;
	for (c = xtables_chain_first(t); c; c = xtables_chain_next(c)) {
		struct xtables_rule *r;

		(void)xtables_chain_name(c);
		(void)xtables_chain_policy(c);
		(void)xtables_chain_refs(c);
		for (r = xtables_rule_first(c); r; r = xtables_rule_next(r)) {
			(void)xtables_rule_target(r);
			(void)xtables_rule_counters(r);
			if (!entry_sane(fam, r))
				sane = false;
		}
	}
	if (sane) {
		print_table_save(fuzz_sink, t, FMT_COUNTERS);
		print_list(fuzz_sink, t, NULL, 0,
			   FMT_VERBOSE | FMT_NUMERIC | FMT_LINENUMBERS);
		print_rules(fuzz_sink, t, NULL, 0, FMT_VERBOSE);
	}
	xtables_table_free(t);
	return 0;
}
