/*
 * print_list.c - the table form of rules: `iptables -L` (chain headers,
 * column titles, one line per rule) and the one-line echo of a rule that
 * -A/-I/-D/-C/-R print with -v.
 */
#include <string.h>
#include <netdb.h>
#include "common.h"
#include "print_entry.h"

/* How a line is laid out (derived from the FMT_* flags). */
enum {
	LF_NUMERIC = 1 << 0,	/* no name lookups */
	LF_COUNTS = 1 << 1,	/* pkts/bytes columns and policy counters */
	LF_KMG = 1 << 2,	/* K/M/G/T suffixes */
	LF_LINENUM = 1 << 3,	/* num column */
	LF_VIA = 1 << 4,	/* in/out columns */
	LF_NOTABLE = 1 << 5,	/* one-line echo: no padding, labels */
};

#define COL(lf, tab, notab) (((lf) & LF_NOTABLE) ? (notab) : (tab))

static unsigned int layout(unsigned int fmt)
{
	unsigned int lf = 0;

	if (fmt & FMT_NUMERIC)
		lf |= LF_NUMERIC;
	if (fmt & FMT_VERBOSE)
		lf |= LF_COUNTS | LF_VIA;
	if (!(fmt & FMT_EXACT))
		lf |= LF_KMG;
	if (fmt & FMT_LINENUMBERS)
		lf |= LF_LINENUM;
	return lf;
}

/*
 * Column output without printf: a listing of a large table prints
 * several columns for each of its rules, and fprintf's format parsing
 * was most of the time spent in userspace.
 */

static void put_str(FILE *out, const char *s, size_t len)
{
	xtables_put(out, s, len);
}

/* Spaces up to width after len characters, as "%-*s" pads. */
static void pad(FILE *out, size_t len, size_t width)
{
	static const char spaces[] = "                                ";

	while (len < width) {
		size_t n = width - len;

		if (n > sizeof(spaces) - 1)
			n = sizeof(spaces) - 1;
		xtables_put(out, spaces, n);
		len += n;
	}
}

/* s then a space: "%-<width>s " in a table, "%s " on one line. */
static void put_col(FILE *out, const char *s, size_t width, unsigned int lf)
{
	size_t len = strlen(s);

	put_str(out, s, len);
	if (!(lf & LF_NOTABLE))
		pad(out, len, width);
	putc_unlocked(' ', out);
}

/* Decimal digits of n into the end of buf; returns where they start. */
static char *decimal(uint64_t n, char *end)
{
	*--end = '\0';
	do {
		*--end = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	return end;
}

/* n right-aligned in width ("%<width>llu"), suffix (if not 0), space;
 * on one line without padding. */
static void put_num(FILE *out, uint64_t n, size_t width, char suffix,
		    unsigned int lf)
{
	char buf[24], *d = decimal(n, buf + sizeof(buf));
	size_t len = (size_t)(buf + sizeof(buf) - 1 - d);

	if (!(lf & LF_NOTABLE))
		pad(out, len, width);
	put_str(out, d, len);
	if (suffix)
		putc_unlocked(suffix, out);
	putc_unlocked(' ', out);
}

/* A counter: exact, or scaled by 1000 (rounded) up to four digits. */
static void print_count(FILE *out, uint64_t n, unsigned int lf)
{
	static const char suffixes[] = "KMGT";
	unsigned int i;

	if (!(lf & LF_KMG)) {
		put_num(out, n, 8, 0, lf);
		return;
	}
	if (n <= 99999) {
		put_num(out, n, 5, 0, lf);
		return;
	}
	for (i = 0; i < sizeof(suffixes) - 1; i++) {
		n = (n + 500) / 1000;
		if (n <= 9999 || i == sizeof(suffixes) - 2)
			break;
	}
	put_num(out, n, 4, suffixes[i], lf);
}

static void print_header(FILE *out, const struct xtables_chain *c,
			 unsigned int lf)
{
	const char *pol = xtables_chain_policy(c);

	xtables_put_lit(out, "Chain ");
	xtables_puts(out, xtables_chain_name(c));
	if (pol) {
		xtables_put_lit(out, " (policy ");
		xtables_puts(out, pol);
		if (lf & LF_COUNTS) {
			struct xt_counters cnt = xtables_chain_counters(c);

			putc_unlocked(' ', out);
			print_count(out, cnt.pcnt, lf | LF_NOTABLE);
			xtables_put_lit(out, "packets, ");
			print_count(out, cnt.bcnt, lf | LF_NOTABLE);
			xtables_put_lit(out, "bytes");
		}
		xtables_put_lit(out, ")\n");
	} else {
		xtables_put_lit(out, " (");
		xtables_put_uint(out, xtables_chain_refs(c));
		xtables_put_lit(out, " references)\n");
	}

	/* the column titles, as "%-4s ", "%5s %5s " or "%8s %10s ",
	 * "%-9s ", " %-6s %-6s ", " %-19s " would lay them out */
	if (lf & LF_LINENUM)
		xtables_put_lit(out, "num  ");
	if (lf & LF_COUNTS) {
		if (lf & LF_KMG)
			xtables_put_lit(out, " pkts bytes ");
		else
			xtables_put_lit(out, "    pkts      bytes ");
	}
	xtables_put_lit(out, "target    ");
	xtables_put_lit(out, " prot ");
	xtables_put_lit(out, "opt");
	if (lf & LF_VIA)
		xtables_put_lit(out, " in     out    ");
	xtables_put_lit(out, " source              ");
	xtables_put_lit(out, " destination         ");
	putc_unlocked('\n', out);
}

static const char *addr_mask_text(const struct xtables_family *fam,
				  const union nf_inet_addr *a,
				  const union nf_inet_addr *m,
				  unsigned int lf, char *buf, size_t len)
{
	char abuf[NI_MAXHOST], mbuf[INET6_ADDRSTRLEN];
	int cidr = xtables_mask_to_plen(fam->nfproto, m);

	static const union nf_inet_addr zero;
	bool any = fam->anywhere_by_addr ?
		   memcmp(a, &zero, fam->addr_len) == 0 : cidr == 0;

	if (any && !(lf & LF_NUMERIC))
		return "anywhere";
	if (lf & LF_NUMERIC)
		print_addr_numeric(fam, a, abuf, sizeof(abuf));
	else
		xtables_addr_to_name(fam->nfproto, a, abuf, sizeof(abuf));
	if (cidr < 0) {
		snprintf(buf, len, "%s/%s", abuf,
			 print_addr_numeric(fam, m, mbuf, sizeof(mbuf)));
	} else {
		/* "%s" or "%s/%d", without snprintf (once per address) */
		size_t n = strlen(abuf);
		char dbuf[8], *d = decimal((unsigned int)cidr, dbuf + sizeof(dbuf));

		if (n >= len)
			n = len - 1;
		memcpy(buf, abuf, n);
		buf[n] = '\0';
		if ((unsigned int)cidr != fam->max_plen &&
		    n + 1 + strlen(d) < len) {
			buf[n] = '/';
			strcpy(buf + n + 1, d);
		}
	}
	return buf;
}

/* The in/out column: prefix (tab: in a table, notab: on one line),
 * then the name as "%-6s ". */
static void print_iface(FILE *out, const char *iface, bool inv,
			unsigned int lf, const char *tab, const char *notab)
{
	const char *name = iface[0] ? iface : (lf & LF_NUMERIC) ? "*" : "any";
	size_t len = strnlen(name, IFNAMSIZ);

	xtables_puts(out, COL(lf, tab, notab));
	if (inv) {
		putc_unlocked('!', out);
		len++;
	}
	/* "%-6s " of the name after the "!" */
	put_str(out, name, inv ? len - 1 : len);
	if (!(lf & LF_NOTABLE))
		pad(out, len, 6);
	putc_unlocked(' ', out);
}

static void print_match(FILE *out, const struct entry_view *v,
			const struct xt_entry_match *m, unsigned int lf)
{
	const struct xtables_ext *ext, *any;
	const char *name = m->u.user.name;

	ext = print_find_ext(v->fam, XTABLES_MATCH, name, m->u.user.revision,
			     &any);
	if (ext && ext->print)
		ext->print(out, &v->ip, m->data,
			   (lf & LF_NUMERIC) ? XTABLES_PRINT_NUMERIC : 0);
	else if (any && any->print)
		fprintf(out, "%s [unsupported revision] ", any->name);
	else if (any)
		fprintf(out, "%s ", any->name);
	else if (name[0])
		fprintf(out, "UNKNOWN match `%s' ", name);
}

static void print_target(FILE *out, const struct entry_view *v,
			 bool standard, unsigned int lf)
{
	const struct xt_entry_target *t = v->target;
	const struct xtables_ext *ext, *any;

	if (standard)
		return;
	ext = print_find_ext(v->fam, XTABLES_TARGET, t->u.user.name,
			     t->u.user.revision, &any);
	if (ext && ext->print)
		ext->print(out, &v->ip, t->data,
			   (lf & LF_NUMERIC) ? XTABLES_PRINT_NUMERIC : 0);
	else if (any && any->print)
		fprintf(out, " %s [unsupported revision]", any->name);
	else if (!any && t->u.target_size != sizeof(*t))
		fprintf(out, "[%u bytes of unknown target data] ",
			(unsigned int)(t->u.target_size - sizeof(*t)));
}

/* One rule line.  standard: the target prints nothing (a verdict, a
 * chain, or none). */
static void print_line(FILE *out, const struct entry_view *v,
		       const char *targname, bool standard,
		       const struct xt_counters *cnt, unsigned int num,
		       unsigned int lf)
{
	const struct xtables_rule_ip *ip = &v->ip;
	const struct xt_entry_match *m;
	const char *pname;
	char buf[NI_MAXHOST + INET6_ADDRSTRLEN + 2];
	size_t pos = 0;

	if (lf & LF_LINENUM) {
		char nbuf[24];

		put_col(out, decimal(num, nbuf + sizeof(nbuf)), 4, lf);
	}
	if (lf & LF_COUNTS) {
		print_count(out, cnt->pcnt, lf);
		print_count(out, cnt->bcnt, lf);
	}
	put_col(out, targname, 9, lf);

	putc_unlocked(ip->invflags & XTABLES_INV_PROTO ? '!' : ' ', out);
	pname = xtables_proto_to_name(ip->proto, lf & LF_NUMERIC);
	if (pname) {
		put_col(out, pname, 4, lf);
	} else {
		char nbuf[24];

		put_col(out, decimal(ip->proto, nbuf + sizeof(nbuf)), 4, lf);
	}

	if (lf & LF_NOTABLE)
		xtables_put_lit(out, "opt ");
	putc_unlocked(ip->invflags & XTABLES_INV_FRAG ? '!' : '-', out);
	putc_unlocked(ip->flags & XTABLES_IPF_FRAG ? 'f' : '-', out);
	putc_unlocked(' ', out);

	if (lf & LF_VIA) {
		print_iface(out, ip->iniface, ip->invflags & XTABLES_INV_VIA_IN,
			    lf, " ", "in ");
		print_iface(out, ip->outiface,
			    ip->invflags & XTABLES_INV_VIA_OUT,
			    lf, "", "out ");
	}

	putc_unlocked(ip->invflags & XTABLES_INV_SRCIP ? '!' : ' ', out);
	put_col(out, addr_mask_text(v->fam, &ip->src, &ip->smsk, lf, buf,
				    sizeof(buf)), 19, lf);
	putc_unlocked(ip->invflags & XTABLES_INV_DSTIP ? '!' : ' ', out);
	if (lf & LF_NOTABLE) {
		xtables_put_lit(out, "-> ");
		xtables_puts(out, addr_mask_text(v->fam, &ip->dst, &ip->dmsk,
						 lf, buf, sizeof(buf)));
	} else {
		put_col(out, addr_mask_text(v->fam, &ip->dst, &ip->dmsk, lf,
					    buf, sizeof(buf)), 19, lf);
	}

	if (lf & LF_NOTABLE)
		xtables_put_lit(out, "  ");
	if (ip->flags & XTABLES_IPF_GOTO)
		xtables_put_lit(out, "[goto] ");

	while ((m = entry_view_next_match(v, &pos)))
		print_match(out, v, m, lf);
	print_target(out, v, standard, lf);
	putc_unlocked('\n', out);
}

static void print_rule(FILE *out, const struct xtables_table *t,
		       const struct xtables_rule *r, unsigned int num,
		       unsigned int lf)
{
	struct entry_view v;
	struct xt_counters cnt = xtables_rule_counters(r);
	const char *targname = xtables_rule_target(r);
	size_t size;

	entry_view_init(&v, xtables_table_family(t),
			xtables_rule_entry(r, &size));
	print_line(out, &v, targname ? targname : "",
		   entry_view_standard_target(&v), &cnt, num, lf);
}

void print_list_chain(FILE *out, const struct xtables_table *t,
		      const struct xtables_chain *c, unsigned int fmt)
{
	unsigned int lf = layout(fmt), num = 0;
	const struct xtables_rule *r;

	print_header(out, c, lf);
	for (r = xtables_rule_first(c); r; r = xtables_rule_next(r))
		print_rule(out, t, r, ++num, lf);
}

bool print_list(FILE *out, const struct xtables_table *t, const char *chain,
		unsigned int rulenum, unsigned int fmt)
{
	unsigned int lf = layout(fmt);
	const struct xtables_chain *c;
	bool found = false;

	for (c = xtables_chain_first(t); c; c = xtables_chain_next(c)) {
		const struct xtables_rule *r;
		unsigned int num = 0;

		if (chain && strcmp(chain, xtables_chain_name(c)) != 0)
			continue;
		if (found)
			putc_unlocked('\n', out);
		if (!rulenum)
			print_header(out, c, lf);
		for (r = xtables_rule_first(c); r; r = xtables_rule_next(r))
			if (++num == rulenum || !rulenum)
				print_rule(out, t, r, num, lf);
		found = true;
	}
	return found;
}

void print_entry_line(FILE *out, const struct xtables_table *t,
		      const void *entry)
{
	const struct xtables_family *fam = xtables_table_family(t);
	struct xt_counters none = { 0, 0 };
	struct entry_view v;
	const char *name;
	bool standard;

	entry_view_init(&v, fam, entry);
	name = v.target->u.user.name;
	/* a built entry names its jump in the standard target */
	standard = name[0] == '\0' || print_is_verdict(name) ||
		   strcmp(name, XT_STANDARD_TARGET) == 0 ||
		   xtables_chain_find(t, name) != NULL;
	print_line(out, &v, name, standard, &none, 0,
		   LF_NUMERIC | LF_VIA | LF_NOTABLE);
}
