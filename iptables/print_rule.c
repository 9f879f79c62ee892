/*
 * print_rule.c - the command form of rules: `iptables -S` and the body
 * of iptables-save ("-P"/"-N"/":CHAIN" lines, "-A CHAIN ..." rules).
 */
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "common.h"
#include "print_entry.h"

/* " -c PCNT BCNT" */
static void put_counters(FILE *out, const struct xt_counters *cnt)
{
	xtables_put_lit(out, " -c ");
	xtables_put_uint(out, cnt->pcnt);
	putc_unlocked(' ', out);
	xtables_put_uint(out, cnt->bcnt);
}

/* -S -v and `iptables -c` style counters after the rule's options. */
static bool want_counters(unsigned int fmt)
{
	return fmt & (FMT_COUNTERS | FMT_VERBOSE);
}

/* Missing extensions make the reference stop the whole listing (what
 * was printed so far still goes out, after the message). */
static void die_missing(FILE *out, const char *fmt, const char *name)
{
	(void)out;
	fprintf(stderr, fmt, name);
	exit(1);
}

/* Whether the first len bytes are 0 (an address, a mask). */
static bool all_zero(const union nf_inet_addr *a, size_t len)
{
	static const union nf_inet_addr zero;

	return memcmp(a, &zero, len) == 0;
}

/* " -L " or " ! -L ": an option of one letter, maybe inverted. */
static void put_letter_option(FILE *out, char letter, bool inv)
{
	if (inv)
		xtables_put_lit(out, " ! -");
	else
		xtables_put_lit(out, " -");
	putc_unlocked(letter, out);
	putc_unlocked(' ', out);
}

static void save_addr(FILE *out, const struct xtables_family *fam,
		      char letter, const union nf_inet_addr *a,
		      const union nf_inet_addr *m, bool inv)
{
	int cidr;

	if (!inv && all_zero(a, fam->addr_len) && all_zero(m, fam->addr_len))
		return;
	cidr = xtables_mask_to_plen(fam->nfproto, m);
	put_letter_option(out, letter, inv);
	xtables_put_addr(out, fam->nfproto, a);
	putc_unlocked('/', out);
	if (cidr < 0)
		xtables_put_addr(out, fam->nfproto, m);
	else
		xtables_put_uint(out, (unsigned int)cidr);
}

static void save_iface(FILE *out, char letter, const char *iface, bool inv)
{
	if (iface[0] && (strcmp(iface, "+") != 0 || inv)) {
		put_letter_option(out, letter, inv);
		xtables_put(out, iface, strnlen(iface, IFNAMSIZ));
	}
}

static void save_match(FILE *out, const struct entry_view *v,
		       const struct xt_entry_match *m)
{
	const struct xtables_ext *ext, *any, *shown;
	const char *name = m->u.user.name;

	ext = print_find_ext(v->fam, XTABLES_MATCH, name, m->u.user.revision,
			     &any);
	if (!any) {
		if (m->u.match_size)
			die_missing(out, "Can't find library for match `%s'\n",
				    name);
		return;
	}
	shown = ext ? ext : any;
	xtables_put_lit(out, " -m ");
	xtables_puts(out, shown->alias ? shown->alias(m->data) : name);
	if (ext && ext->save)
		ext->save(out, &v->ip, m->data);
	else if (any->save)
		xtables_put_lit(out, " [unsupported revision]");
}

static void save_target(FILE *out, const struct entry_view *v,
			const char *targname)
{
	const struct xt_entry_target *t = v->target;
	const struct xtables_ext *ext, *any, *shown;
	const char *name = t->u.user.name;

	if (entry_view_standard_target(v)) {
		if (targname && targname[0]) {
			if (v->ip.flags & XTABLES_IPF_GOTO)
				xtables_put_lit(out, " -g ");
			else
				xtables_put_lit(out, " -j ");
			xtables_puts(out, targname);
		}
		return;
	}
	ext = print_find_ext(v->fam, XTABLES_TARGET, name, t->u.user.revision,
			     &any);
	if (!any)
		die_missing(out, "Can't find library for target `%s'\n", name);
	shown = ext ? ext : any;
	xtables_put_lit(out, " -j ");
	xtables_puts(out, shown->alias ? shown->alias(t->data) : name);
	if (ext && ext->save)
		ext->save(out, &v->ip, t->data);
	else if (any->save)
		xtables_put_lit(out, " [unsupported revision]");
	else if (t->u.target_size != sizeof(*t))
		die_missing(out, "Target `%s' is missing save function\n",
			    name);
}

void print_chain_spec(FILE *out, const struct xtables_chain *c,
		      unsigned int fmt)
{
	if (xtables_chain_builtin(c)) {
		fprintf(out, "-P %s %s", xtables_chain_name(c),
			xtables_chain_policy(c));
		if (want_counters(fmt)) {
			struct xt_counters cnt = xtables_chain_counters(c);

			put_counters(out, &cnt);
		}
		fputc('\n', out);
	} else {
		fprintf(out, "-N %s\n", xtables_chain_name(c));
	}
}

void print_rule_spec(FILE *out, const struct xtables_table *t,
		     const struct xtables_chain *c,
		     const struct xtables_rule *r, unsigned int fmt)
{
	const struct xtables_family *fam = xtables_table_family(t);
	const struct xt_entry_match *m;
	struct entry_view v;
	const char *pname;
	size_t size, pos = 0;

	entry_view_init(&v, fam, xtables_rule_entry(r, &size));

	xtables_put_lit(out, "-A ");
	xtables_puts(out, xtables_chain_name(c));
	save_addr(out, fam, 's', &v.ip.src, &v.ip.smsk,
		  v.ip.invflags & XTABLES_INV_SRCIP);
	save_addr(out, fam, 'd', &v.ip.dst, &v.ip.dmsk,
		  v.ip.invflags & XTABLES_INV_DSTIP);
	save_iface(out, 'i', v.ip.iniface, v.ip.invflags & XTABLES_INV_VIA_IN);
	save_iface(out, 'o', v.ip.outiface,
		   v.ip.invflags & XTABLES_INV_VIA_OUT);
	if (v.ip.proto > 0) {
		if (v.ip.invflags & XTABLES_INV_PROTO)
			xtables_put_lit(out, " !");
		xtables_put_lit(out, " -p ");
		pname = xtables_proto_to_name(v.ip.proto, true);
		if (pname)
			xtables_puts(out, pname);
		else
			xtables_put_uint(out, v.ip.proto);
	}
	if (v.ip.flags & XTABLES_IPF_FRAG) {
		if (v.ip.invflags & XTABLES_INV_FRAG)
			xtables_put_lit(out, " !");
		xtables_put_lit(out, " -f");
	}

	while ((m = entry_view_next_match(&v, &pos)))
		save_match(out, &v, m);

	if (want_counters(fmt)) {
		struct xt_counters cnt = xtables_rule_counters(r);

		put_counters(out, &cnt);
	}
	save_target(out, &v, xtables_rule_target(r));
	putc_unlocked('\n', out);
}

bool print_rules(FILE *out, const struct xtables_table *t, const char *chain,
		 unsigned int rulenum, unsigned int fmt)
{
	const struct xtables_chain *c;
	bool found = false;

	if (!rulenum)
		for (c = xtables_chain_first(t); c; c = xtables_chain_next(c))
			if (!chain || strcmp(chain, xtables_chain_name(c)) == 0)
				print_chain_spec(out, c, fmt);

	for (c = xtables_chain_first(t); c; c = xtables_chain_next(c)) {
		const struct xtables_rule *r;
		unsigned int num = 0;

		if (chain && strcmp(chain, xtables_chain_name(c)) != 0)
			continue;
		for (r = xtables_rule_first(c); r; r = xtables_rule_next(r))
			if (++num == rulenum || !rulenum)
				print_rule_spec(out, t, c, r, fmt);
		found = true;
	}
	return found;
}

void print_table_save(FILE *out, const struct xtables_table *t,
		      unsigned int fmt)
{
	const struct xtables_chain *c;

	for (c = xtables_chain_first(t); c; c = xtables_chain_next(c)) {
		fprintf(out, ":%s ", xtables_chain_name(c));
		if (xtables_chain_builtin(c)) {
			struct xt_counters cnt = xtables_chain_counters(c);

			fprintf(out, "%s [%llu:%llu]\n",
				xtables_chain_policy(c),
				(unsigned long long)cnt.pcnt,
				(unsigned long long)cnt.bcnt);
		} else {
			fputs("- [0:0]\n", out);
		}
	}

	for (c = xtables_chain_first(t); c; c = xtables_chain_next(c)) {
		const struct xtables_rule *r;

		for (r = xtables_rule_first(c); r; r = xtables_rule_next(r)) {
			if (fmt & FMT_COUNTERS) {
				struct xt_counters cnt =
					xtables_rule_counters(r);

				putc_unlocked('[', out);
				xtables_put_uint(out, cnt.pcnt);
				putc_unlocked(':', out);
				xtables_put_uint(out, cnt.bcnt);
				xtables_put_lit(out, "] ");
			}
			print_rule_spec(out, t, c, r, 0);
		}
	}
}
