/*
 * engine_test.c - the kernel table engine against the real kernel.
 *
 * Runs as root in its own network + mount namespace (made here), so the
 * host's firewall is never touched; exits 77 (skip) when not root or
 * when namespaces or x_tables are unavailable.
 *
 * Builds tables with the engine from hand-built entries and checks the
 * kernel's GET_ENTRIES bytes against hand-computed layouts; checks
 * counters through commits; error texts; edits; a 100,000-rule table.
 * When the reference programs are there ($XT_REF_BIN, default
 * /tmp/ref/bin), also loads rulesets with the reference, and compares
 * the kernel state after the same edit done by the reference and by
 * the engine.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <arpa/inet.h>
#include <xtables/table.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter/xt_tcpudp.h>

static const struct xtables_family *fam = &xtables_ipv4;
static int failures, checks;
static const char *ref_bin;

#define CHECK(cond, ...) check((cond), __LINE__, __VA_ARGS__)

static void check(bool ok, int line, const char *fmt, ...)
{
	va_list ap;

	checks++;
	if (ok)
		return;
	failures++;
	fprintf(stderr, "FAIL line %d: ", line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* ---- building entries by hand ---- */

struct rule_spec {
	const char *src;	/* "a.b.c.d" or NULL */
	uint16_t proto;
	bool go;		/* goto */
	int udp_dport;		/* >0: add a udp match */
	const char *target;	/* standard target name / chain, "" */
	uint64_t pcnt, bcnt;
};

#define STD_SIZE XT_ALIGN(sizeof(struct xt_standard_target))
#define ERR_SIZE XT_ALIGN(sizeof(struct xt_error_target))
#define UDP_SIZE (XT_ALIGN(sizeof(struct xt_entry_match)) + \
		  XT_ALIGN(sizeof(struct xt_udp)))

static void *make_entry(const struct rule_spec *s, size_t *size)
{
	size_t msize = s->udp_dport > 0 ? UDP_SIZE : 0;
	size_t total = sizeof(struct ipt_entry) + msize + STD_SIZE;
	struct ipt_entry *e = calloc(1, total);
	struct xt_standard_target *t;

	if (s->src) {
		inet_pton(AF_INET, s->src, &e->ip.src);
		e->ip.smsk.s_addr = 0xffffffff;
	}
	e->ip.proto = s->proto;
	if (s->go)
		e->ip.flags |= IPT_F_GOTO;
	if (msize) {
		struct xt_entry_match *m = (void *)e->elems;
		struct xt_udp *u = (void *)m->data;

		m->u.match_size = msize;
		strcpy(m->u.user.name, "udp");
		u->spts[1] = 0xffff;
		u->dpts[0] = u->dpts[1] = s->udp_dport;
	}
	e->target_offset = sizeof(*e) + msize;
	e->next_offset = total;
	e->counters.pcnt = s->pcnt;
	e->counters.bcnt = s->bcnt;
	t = (void *)((char *)e + e->target_offset);
	t->target.u.target_size = STD_SIZE;
	snprintf(t->target.u.user.name, sizeof(t->target.u.user.name), "%s",
		 s->target);
	*size = total;
	return e;
}

static int append(struct xtables_table *t, const char *chain,
		  struct rule_spec s, struct xtables_err *err)
{
	size_t size;
	void *e = make_entry(&s, &size);
	int ret = xtables_rule_append(t, chain, e, size, err);

	free(e);
	return ret;
}

/* ---- the kernel's view ---- */

struct kblob {
	struct ipt_getinfo info;
	struct ipt_get_entries *ent;
};

static bool kread(const char *table, struct kblob *b)
{
	int fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	socklen_t len = sizeof(b->info);

	memset(b, 0, sizeof(*b));
	strcpy(b->info.name, table);
	if (fd < 0 || getsockopt(fd, IPPROTO_IP, IPT_SO_GET_INFO, &b->info,
				 &len) < 0)
		goto fail;
	len = sizeof(*b->ent) + b->info.size;
	b->ent = calloc(1, len);
	strcpy(b->ent->name, table);
	b->ent->size = b->info.size;
	if (getsockopt(fd, IPPROTO_IP, IPT_SO_GET_ENTRIES, b->ent, &len) < 0)
		goto fail;
	close(fd);
	return true;
fail:
	if (fd >= 0)
		close(fd);
	return false;
}

static struct ipt_entry *kentry(const struct kblob *b, unsigned int n,
				unsigned int *off)
{
	unsigned int o = 0;

	for (unsigned int i = 0; o < b->ent->size; i++) {
		struct ipt_entry *e = (void *)((char *)b->ent->entrytable + o);

		if (i == n) {
			if (off)
				*off = o;
			return e;
		}
		o += e->next_offset;
	}
	return NULL;
}

static struct xt_entry_target *ktarget(struct ipt_entry *e)
{
	return (void *)((char *)e + e->target_offset);
}

static int kverdict(struct ipt_entry *e)
{
	return ((struct xt_standard_target *)ktarget(e))->verdict;
}

static bool kblob_equal(const struct kblob *a, const struct kblob *b)
{
	return a->info.size == b->info.size &&
	       a->info.num_entries == b->info.num_entries &&
	       memcmp(a->info.hook_entry, b->info.hook_entry,
		      sizeof(a->info.hook_entry)) == 0 &&
	       memcmp(a->info.underflow, b->info.underflow,
		      sizeof(a->info.underflow)) == 0 &&
	       memcmp(a->ent->entrytable, b->ent->entrytable,
		      a->info.size) == 0;
}

/* ---- helpers ---- */

static struct xtables_table *must_read(const char *name)
{
	struct xtables_err err = { 0 };
	struct xtables_table *t = xtables_table_read(fam, name, &err);

	if (t == NULL) {
		fprintf(stderr, "cannot read table %s: %s\n", name, err.msg);
		exit(1);
	}
	return t;
}

static void must_commit(struct xtables_table *t)
{
	struct xtables_err err = { 0 };

	if (xtables_table_commit(t, &err) < 0) {
		fprintf(stderr, "commit of %s failed: %s\n",
			xtables_table_name(t), err.msg);
		exit(1);
	}
}

/* Run a shell command (the reference); true on exit 0. */
static bool sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd) == 0;
}

/* Empty every table of this namespace by restoring empty tables. */
static void reset_filter(void)
{
	struct xtables_err err = { 0 };
	struct xtables_table *t = must_read("filter");
	struct xtables_chain *c, *next;

	for (c = xtables_chain_first(t); c; c = xtables_chain_next(c))
		xtables_chain_flush(t, xtables_chain_name(c), &err);
	for (c = xtables_chain_first(t); c; c = next) {
		next = xtables_chain_next(c);
		if (xtables_chain_builtin(c)) {
			struct xt_counters z = { 0, 0 };

			xtables_chain_set_policy(t, xtables_chain_name(c),
						 "ACCEPT", &z, &err);
		} else {
			xtables_chain_delete(t, xtables_chain_name(c), &err);
		}
	}
	must_commit(t);
	xtables_table_free(t);
}

/* ---- tests ---- */

static void test_initial(void)
{
	struct xtables_table *t = must_read("filter");
	struct xtables_chain *c = xtables_chain_first(t);
	const char *names[] = { "INPUT", "FORWARD", "OUTPUT" };

	for (int i = 0; i < 3; i++, c = xtables_chain_next(c)) {
		CHECK(c != NULL, "chain %d missing", i);
		if (!c)
			return;
		CHECK(strcmp(xtables_chain_name(c), names[i]) == 0,
		      "chain %d is %s", i, xtables_chain_name(c));
		CHECK(xtables_chain_builtin(c), "builtin");
		CHECK(strcmp(xtables_chain_policy(c), "ACCEPT") == 0, "policy");
		CHECK(xtables_chain_rule_count(c) == 0, "empty");
	}
	CHECK(c == NULL, "only three chains");
	CHECK(!xtables_table_changed(t), "not changed");
	xtables_table_free(t);
}

static void test_build_and_layout(void)
{
	struct xtables_err err = { 0 };
	struct xtables_table *t = must_read("filter");
	struct kblob b;
	const unsigned int E = sizeof(struct ipt_entry);
	const unsigned int R = E + STD_SIZE, H = E + ERR_SIZE;
	unsigned int off;
	struct ipt_entry *e;

	/* chains created out of order come out sorted (strcmp) */
	CHECK(xtables_chain_create(t, "zeta", &err) == 0, "create zeta");
	CHECK(xtables_chain_create(t, "alpha", &err) == 0, "create alpha");
	CHECK(xtables_chain_create(t, "Mid", &err) == 0, "create Mid");
	CHECK(append(t, "INPUT", (struct rule_spec){ .src = "1.2.3.4",
		     .target = "alpha", .pcnt = 1, .bcnt = 10 }, &err) == 0,
	      "jump");
	CHECK(append(t, "INPUT", (struct rule_spec){ .proto = 17,
		     .udp_dport = 53, .target = "ACCEPT", .pcnt = 2,
		     .bcnt = 20 }, &err) == 0, "udp accept");
	CHECK(append(t, "INPUT", (struct rule_spec){ .src = "5.6.7.8",
		     .target = "" }, &err) == 0, "fall through");
	CHECK(append(t, "alpha", (struct rule_spec){ .go = true,
		     .target = "Mid", .pcnt = 3, .bcnt = 30 }, &err) == 0,
	      "goto");
	CHECK(append(t, "Mid", (struct rule_spec){ .target = "RETURN" },
		     &err) == 0, "return");
	CHECK(append(t, "zeta", (struct rule_spec){ .target = "DROP" },
		     &err) == 0, "drop");
	CHECK(xtables_chain_set_policy(t, "FORWARD", "DROP", NULL, &err) == 0,
	      "policy");
	CHECK(xtables_table_changed(t), "changed");
	must_commit(t);
	xtables_table_free(t);

	CHECK(kread("filter", &b), "read back");
	/* INPUT: 3 rules + policy; FORWARD, OUTPUT: policy; Mid, alpha,
	 * zeta: head + rules + RETURN; final ERROR */
	CHECK(b.info.num_entries == 4 + 1 + 1 + 3 + 3 + 3 + 1,
	      "entries %u", b.info.num_entries);
	CHECK(b.info.hook_entry[NF_INET_LOCAL_IN] == 0, "INPUT entry");
	off = 2 * R + (E + UDP_SIZE + STD_SIZE);
	CHECK(b.info.underflow[NF_INET_LOCAL_IN] == off, "INPUT underflow %u",
	      b.info.underflow[NF_INET_LOCAL_IN]);
	CHECK(b.info.hook_entry[NF_INET_FORWARD] == off + R, "FORWARD entry");
	CHECK(b.info.hook_entry[NF_INET_LOCAL_OUT] == off + 2 * R,
	      "OUTPUT entry");
	/* Mid at off+3R: head, RETURN rule, foot; alpha: head, goto, foot */
	{
		unsigned int mid = off + 3 * R, alpha = mid + H + 2 * R;
		unsigned int zeta = alpha + H + 2 * R;

		e = kentry(&b, 0, NULL);
		CHECK(kverdict(e) == (int)(alpha + H), "jump verdict %d",
		      kverdict(e));
		e = kentry(&b, 2, &off);
		CHECK(kverdict(e) == (int)(off + e->next_offset),
		      "fall-through verdict");
		e = kentry(&b, 4, NULL);
		CHECK(kverdict(e) == -NF_DROP - 1, "FORWARD DROP");
		e = kentry(&b, 6, &off);
		CHECK(off == mid && strcmp(ktarget(e)->u.user.name, "ERROR") == 0 &&
		      strcmp((char *)ktarget(e)->data, "Mid") == 0, "Mid head");
		e = kentry(&b, 9, &off);
		CHECK(off == alpha && strcmp((char *)ktarget(e)->data, "alpha") == 0,
		      "alpha head");
		e = kentry(&b, 10, NULL);
		CHECK(kverdict(e) == (int)(mid + H) && (e->ip.flags & IPT_F_GOTO),
		      "goto verdict");
		e = kentry(&b, 12, &off);
		CHECK(off == zeta && strcmp((char *)ktarget(e)->data, "zeta") == 0,
		      "zeta head");
		e = kentry(&b, 13, NULL);
		CHECK(kverdict(e) == -NF_DROP - 1, "zeta DROP");
		e = kentry(&b, 14, NULL);
		CHECK(kverdict(e) == -NF_REPEAT - 1, "zeta RETURN");
		e = kentry(&b, 15, &off);
		CHECK(strcmp((char *)ktarget(e)->data, "ERROR") == 0 &&
		      off + e->next_offset == b.info.size, "final ERROR");
	}
	/* counters given with the entries were set */
	e = kentry(&b, 0, NULL);
	CHECK(e->counters.pcnt == 1 && e->counters.bcnt == 10, "counters 0");
	e = kentry(&b, 1, NULL);
	CHECK(e->counters.pcnt == 2 && e->counters.bcnt == 20, "counters 1");
	free(b.ent);

	/* read back through the engine */
	t = must_read("filter");
	{
		struct xtables_chain *c = xtables_chain_find(t, "INPUT");
		struct xtables_rule *r = xtables_rule_first(c);
		const char *want[] = { "alpha", "ACCEPT", "" };

		for (int i = 0; i < 3; i++, r = xtables_rule_next(r)) {
			CHECK(r && strcmp(xtables_rule_target(r), want[i]) == 0,
			      "target %d", i);
			if (!r)
				break;
		}
		CHECK(xtables_chain_refs(xtables_chain_find(t, "alpha")) == 1,
		      "alpha refs");
		CHECK(xtables_chain_refs(xtables_chain_find(t, "Mid")) == 1,
		      "Mid refs");
		CHECK(xtables_chain_refs(xtables_chain_find(t, "zeta")) == 0,
		      "zeta refs");
		CHECK(strcmp(xtables_chain_policy(xtables_chain_find(t, "FORWARD")),
			     "DROP") == 0, "FORWARD policy");
		CHECK(xtables_chain_policy(xtables_chain_find(t, "Mid")) == NULL,
		      "user chain policy");
		r = xtables_rule_first(xtables_chain_find(t, "alpha"));
		CHECK(r && strcmp(xtables_rule_target(r), "Mid") == 0, "goto Mid");
	}
	xtables_table_free(t);
}

/* An unchanged table committed gives the same kernel bytes. */
static void test_roundtrip(const char *table)
{
	struct kblob a, b;
	struct xtables_table *t;

	CHECK(kread(table, &a), "read %s", table);
	t = must_read(table);
	/* force a commit without changing anything: set the policy of the
	 * first chain to what it is */
	{
		struct xtables_chain *c = xtables_chain_first(t);
		struct xt_counters cnt = xtables_chain_counters(c);

		xtables_chain_set_policy(t, xtables_chain_name(c),
					 xtables_chain_policy(c), &cnt, NULL);
	}
	must_commit(t);
	xtables_table_free(t);
	CHECK(kread(table, &b), "read %s again", table);
	CHECK(kblob_equal(&a, &b), "round trip of %s changes the blob", table);
	free(a.ent);
	free(b.ent);
}

static void test_counters(void)
{
	struct xtables_err err = { 0 };
	struct xtables_table *t = must_read("filter");
	struct xt_counters c5 = { 5, 500 };
	struct kblob b;
	struct ipt_entry *e;

	/* explicit counters on a rule and a policy */
	xtables_rule_set_counters(xtables_rule_get(xtables_chain_find(t, "INPUT"), 3),
				  &(struct xt_counters){ 7, 70 });
	xtables_chain_set_policy(t, "INPUT", "ACCEPT", &c5, &err);
	must_commit(t);
	xtables_table_free(t);

	/* an append keeps everyone's counters */
	t = must_read("filter");
	CHECK(append(t, "INPUT", (struct rule_spec){ .target = "DROP" },
		     &err) == 0, "append");
	must_commit(t);
	xtables_table_free(t);
	CHECK(kread("filter", &b), "read");
	e = kentry(&b, 0, NULL);
	CHECK(e->counters.pcnt == 1 && e->counters.bcnt == 10, "kept 0");
	e = kentry(&b, 2, NULL);
	CHECK(e->counters.pcnt == 7 && e->counters.bcnt == 70, "kept 2: %llu",
	      (unsigned long long)e->counters.pcnt);
	e = kentry(&b, 3, NULL);
	CHECK(e->counters.pcnt == 0 && kverdict(e) == -NF_DROP - 1, "new");
	e = kentry(&b, 4, NULL);
	CHECK(e->counters.pcnt == 5 && e->counters.bcnt == 500,
	      "policy kept %llu", (unsigned long long)e->counters.pcnt);
	free(b.ent);

	/* zeroing: rule 1 and the whole of INPUT */
	t = must_read("filter");
	CHECK(xtables_rule_zero(t, "INPUT", 1, &err) == 0, "zero rule");
	must_commit(t);
	xtables_table_free(t);
	CHECK(kread("filter", &b), "read");
	e = kentry(&b, 0, NULL);
	CHECK(e->counters.pcnt == 0, "zeroed rule");
	e = kentry(&b, 1, NULL);
	CHECK(e->counters.pcnt == 2, "other rule kept");
	free(b.ent);
	t = must_read("filter");
	CHECK(xtables_chain_zero(t, "INPUT", &err) == 0, "zero chain");
	must_commit(t);
	xtables_table_free(t);
	CHECK(kread("filter", &b), "read");
	e = kentry(&b, 4, NULL);
	CHECK(e->counters.pcnt == 0 && kentry(&b, 1, NULL)->counters.pcnt == 0,
	      "zeroed chain");
	free(b.ent);

	/* a policy set without counters zeroes them (as iptables -P) */
	t = must_read("filter");
	xtables_chain_set_policy(t, "OUTPUT", "ACCEPT", &c5, &err);
	must_commit(t);
	xtables_table_free(t);
	t = must_read("filter");
	CHECK(xtables_chain_counters(xtables_chain_find(t, "OUTPUT")).pcnt == 5,
	      "policy counters set");
	xtables_chain_set_policy(t, "OUTPUT", "ACCEPT", NULL, &err);
	must_commit(t);
	xtables_table_free(t);
	t = must_read("filter");
	CHECK(xtables_chain_counters(xtables_chain_find(t, "OUTPUT")).pcnt == 0,
	      "policy counters zeroed");
	xtables_table_free(t);
}

static void expect_err(int ret, struct xtables_err *err, int status,
		       int errnum, const char *msg, int line)
{
	check(ret < 0 && err->status == status &&
	      xtables_engine_errno() == errnum && strcmp(err->msg, msg) == 0,
	      line, "expected \"%s\" (%d, errno %d), got ret %d \"%s\" (%d, errno %d)",
	      msg, status, errnum, ret, err->msg, err->status,
	      xtables_engine_errno());
	memset(err, 0, sizeof(*err));
}
#define EXPECT(ret, errnum, msg) \
	expect_err((ret), &err, XTABLES_OTHER_PROBLEM, errnum, msg, __LINE__)

static void test_errors(void)
{
	struct xtables_err err = { 0 };
	struct xtables_table *t = must_read("filter");
	size_t size;
	void *e = make_entry(&(struct rule_spec){ .target = "ACCEPT" }, &size);
	void *into_input = make_entry(&(struct rule_spec){ .target = "INPUT" },
				      &size);
	unsigned char mask[sizeof(struct ipt_entry) + STD_SIZE];
	unsigned int n = xtables_chain_rule_count(xtables_chain_find(t, "INPUT"));

	memset(mask, 0xff, sizeof(mask));
	EXPECT(xtables_chain_create(t, "alpha", &err), EEXIST,
	       "Chain already exists");
	EXPECT(xtables_chain_create(t, "RETURN", &err), EEXIST,
	       "Chain already exists");
	EXPECT(xtables_chain_delete(t, "nope", &err), ENOENT,
	       "No chain/target/match by that name");
	EXPECT(xtables_chain_delete(t, "INPUT", &err), EINVAL,
	       "Invalid argument");
	EXPECT(xtables_chain_delete(t, "alpha", &err), EMLINK,
	       "Too many links");
	EXPECT(xtables_chain_delete(t, "zeta", &err), ENOTEMPTY,
	       "Directory not empty");
	EXPECT(xtables_chain_rename(t, "alpha", "INPUT", &err), EEXIST,
	       "File exists");
	EXPECT(xtables_chain_rename(t, "INPUT", "foo", &err), ENOENT,
	       "No chain/target/match by that name");
	EXPECT(xtables_chain_rename(t, "nope", "foo", &err), ENOENT,
	       "No chain/target/match by that name");
	EXPECT(xtables_chain_set_policy(t, "alpha", "ACCEPT", NULL, &err),
	       ENOENT, "Bad built-in chain name");
	EXPECT(xtables_chain_set_policy(t, "INPUT", "RETURN", NULL, &err),
	       EINVAL, "Bad policy name");
	EXPECT(xtables_chain_flush(t, "nope", &err), ENOENT,
	       "No chain/target/match by that name");
	EXPECT(xtables_chain_zero(t, "nope", &err), ENOENT,
	       "No chain/target/match by that name");
	EXPECT(xtables_rule_append(t, "nope", e, size, &err), ENOENT,
	       "No chain/target/match by that name");
	EXPECT(xtables_rule_insert(t, "INPUT", n + 2, e, size, &err), E2BIG,
	       "Index of insertion too big");
	EXPECT(xtables_rule_replace(t, "INPUT", n + 1, e, size, &err), E2BIG,
	       "Index of replacement too big");
	EXPECT(xtables_rule_delete_num(t, "INPUT", n + 1, &err), E2BIG,
	       "Index of deletion too big");
	EXPECT(xtables_rule_zero(t, "INPUT", n + 1, &err), E2BIG,
	       "Index of counter too big");
	EXPECT(xtables_rule_append(t, "INPUT", into_input, size, &err), EINVAL,
	       "Invalid argument");
	EXPECT(xtables_rule_insert(t, "INPUT", 1, into_input, size, &err),
	       EINVAL, "Invalid argument");
	EXPECT((int)xtables_rule_find(t, "nope", e, size, mask, &err) - 1,
	       ENOENT, "Bad rule (does a matching rule exist in that chain?)");
	EXPECT((int)xtables_rule_find(t, "FORWARD", e, size, mask, &err) - 1,
	       ENOENT, "Bad rule (does a matching rule exist in that chain?)");
	EXPECT((int)xtables_rule_find(t, "INPUT", into_input, size, mask, &err) - 1,
	       EINVAL, "Invalid argument");
	CHECK(!xtables_table_changed(t), "failed edits change nothing");
	xtables_table_free(t);

	t = xtables_table_read(fam, "nosuch", &err);
	CHECK(t == NULL && err.status == XTABLES_VERSION_PROBLEM &&
	      strcmp(err.msg, "can't initialize iptables table `nosuch': "
		     "Table does not exist (do you need to insmod?)") == 0,
	      "missing table: %s", err.msg);
	memset(&err, 0, sizeof(err));

	/* a loop is refused by the kernel at commit */
	t = must_read("filter");
	{
		size_t sz;
		void *loop = make_entry(&(struct rule_spec){ .target = "alpha" },
					&sz);

		CHECK(xtables_rule_insert(t, "Mid", 1, loop, sz, &err) == 0,
		      "insert loop");
		free(loop);
	}
	EXPECT(xtables_table_commit(t, &err), ELOOP,
	       "Too many levels of symbolic links");
	xtables_table_free(t);
	free(e);
	free(into_input);
}

static void test_edits(void)
{
	struct xtables_err err = { 0 };
	struct xtables_table *t = must_read("filter");
	unsigned char mask[sizeof(struct ipt_entry) + UDP_SIZE + STD_SIZE];
	struct xtables_chain *c;
	struct xtables_rule *r;
	size_t size;
	void *e;

	memset(mask, 0xff, sizeof(mask));
	/* find: the udp rule, then not with another port */
	e = make_entry(&(struct rule_spec){ .proto = 17, .udp_dport = 53,
		       .target = "ACCEPT" }, &size);
	CHECK(xtables_rule_find(t, "INPUT", e, size, mask, &err) == 2, "find udp");
	free(e);
	e = make_entry(&(struct rule_spec){ .proto = 17, .udp_dport = 54,
		       .target = "ACCEPT" }, &size);
	CHECK(xtables_rule_find(t, "INPUT", e, size, mask, &err) == 0,
	      "no udp 54");
	/* ... unless the mask says the port does not matter */
	memset(mask + sizeof(struct ipt_entry), 0, UDP_SIZE);
	memset(mask + sizeof(struct ipt_entry) + 32, 0, UDP_SIZE - 32);
	memset(mask + sizeof(struct ipt_entry), 0xff, 32);
	CHECK(xtables_rule_find(t, "INPUT", e, size, mask, &err) == 2,
	      "masked find");
	free(e);
	memset(mask, 0xff, sizeof(mask));
	e = make_entry(&(struct rule_spec){ .src = "1.2.3.4", .target = "alpha" },
		       &size);
	CHECK(xtables_rule_find(t, "INPUT", e, size, mask, &err) == 1, "find jump");
	free(e);
	e = make_entry(&(struct rule_spec){ .src = "5.6.7.8", .target = "" },
		       &size);
	CHECK(xtables_rule_find(t, "INPUT", e, size, mask, &err) == 3,
	      "find fall through");
	free(e);
	CHECK(!xtables_table_changed(t), "find changes nothing");

	/* insert at 1, replace 2, delete 4, rename, delete chain */
	CHECK(xtables_chain_create(t, "new", &err) == 0, "create");
	e = make_entry(&(struct rule_spec){ .target = "new" }, &size);
	CHECK(xtables_rule_insert(t, "INPUT", 1, e, size, &err) == 0, "insert");
	free(e);
	e = make_entry(&(struct rule_spec){ .target = "QUEUE" }, &size);
	CHECK(xtables_rule_replace(t, "INPUT", 2, e, size, &err) == 0, "replace");
	free(e);
	CHECK(xtables_chain_refs(xtables_chain_find(t, "alpha")) == 0,
	      "replaced jump drops its reference");
	CHECK(xtables_rule_delete_num(t, "INPUT", 4, &err) == 0, "delete");
	CHECK(xtables_chain_delete(t, "alpha", &err) < 0, "alpha not empty");
	CHECK(xtables_chain_flush(t, "alpha", &err) == 0, "flush alpha");
	CHECK(xtables_chain_refs(xtables_chain_find(t, "Mid")) == 0, "Mid free");
	CHECK(xtables_chain_delete(t, "alpha", &err) == 0, "delete alpha");
	CHECK(xtables_chain_rename(t, "new", "aaa", &err) == 0, "rename");
	CHECK(xtables_chain_rename(t, "zeta", "Zed", &err) == 0, "rename 2");
	{
		const char *want[] = { "INPUT", "FORWARD", "OUTPUT", "Mid",
				       "Zed", "aaa", NULL };

		CHECK(xtables_chain_flush(t, "Zed", &err) == 0, "flush Zed");
		int i = 0;

		for (c = xtables_chain_first(t); c; c = xtables_chain_next(c), i++)
			CHECK(want[i] && strcmp(want[i], xtables_chain_name(c)) == 0,
			      "order %d: %s", i, xtables_chain_name(c));
		CHECK(want[i] == NULL, "count");
	}
	must_commit(t);
	xtables_table_free(t);

	t = must_read("filter");
	c = xtables_chain_find(t, "INPUT");
	{
		/* test_counters appended a DROP; rule 4 was "" */
		const char *want[] = { "aaa", "QUEUE", "ACCEPT", "DROP", NULL };
		int i = 0;

		for (r = xtables_rule_first(c); r; r = xtables_rule_next(r), i++)
			CHECK(want[i] && strcmp(want[i], xtables_rule_target(r)) == 0,
			      "rule %d: %s", i, xtables_rule_target(r));
		CHECK(want[i] == NULL, "rule count");
	}
	CHECK(xtables_chain_refs(xtables_chain_find(t, "aaa")) == 1, "aaa refs");
	xtables_table_free(t);
}

/* Another writer between read and commit: EAGAIN, no retry. */
static void test_eagain(void)
{
	struct xtables_err err = { 0 };
	struct xtables_table *a = must_read("filter");
	struct xtables_table *b = must_read("filter");

	CHECK(append(b, "OUTPUT", (struct rule_spec){ .target = "ACCEPT" },
		     &err) == 0, "append b");
	must_commit(b);
	xtables_table_free(b);
	CHECK(append(a, "OUTPUT", (struct rule_spec){ .target = "DROP" },
		     &err) == 0, "append a");
	CHECK(xtables_table_commit(a, &err) < 0 &&
	      err.status == XTABLES_RESOURCE_PROBLEM && errno == EAGAIN &&
	      xtables_engine_errno() == EAGAIN &&
	      strcmp(err.msg, "Resource temporarily unavailable") == 0,
	      "EAGAIN: %s", err.msg);
	xtables_table_free(a);
	a = must_read("filter");
	CHECK(xtables_chain_rule_count(xtables_chain_find(a, "OUTPUT")) == 1,
	      "only b's rule");
	CHECK(xtables_rule_delete_num(a, "OUTPUT", 1, &err) == 0, "delete");
	must_commit(a);
	xtables_table_free(a);
}

static void test_names(void)
{
	struct xtables_err err = { 0 };
	char **names = xtables_table_names(fam, &err);
	bool found = false;

	CHECK(names != NULL, "names");
	for (char **p = names; p && *p; p++)
		if (strcmp(*p, "filter") == 0)
			found = true;
	CHECK(found, "filter listed");
	free(names);
}

static void test_lock(void)
{
	struct xtables_err err = { 0 };
	int fd = xtables_lock(-1, 0, &err), fd2;
	pid_t pid;
	int status;

	CHECK(fd >= 0, "lock: %s", err.msg);
	pid = fork();
	if (pid == 0) {
		fd2 = xtables_lock(-1, 0, &err);
		_exit(fd2 < 0 && err.raw && err.status == 4 &&
		      strcmp(err.msg, "Can't lock /run/xtables.lock: Resource "
			     "temporarily unavailable\nAnother app is currently "
			     "holding the xtables lock. Perhaps you want to use "
			     "the -w option?") == 0 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "busy lock");
	pid = fork();
	if (pid == 0) {
		fd2 = xtables_lock(1, 0, &err);
		_exit(fd2 < 0 && strstr(err.msg, "Stopped waiting after 1s.") ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "timed lock");
	xtables_unlock(fd);
	fd = xtables_lock(1, 0, &err);
	CHECK(fd >= 0, "lock again");
	xtables_unlock(fd);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_big(void)
{
	struct xtables_err err = { 0 };
	struct xtables_table *t = must_read("filter");
	const unsigned int nchains = 1000, per = 100;
	char name[32];
	double t0, t1, t2, t3;
	struct kblob a, b;
	size_t size;
	void *e;

	for (unsigned int i = 0; i < nchains; i++) {
		snprintf(name, sizeof(name), "zone-%04u", (i * 7919) % nchains);
		xtables_chain_create(t, name, &err);
	}
	for (unsigned int i = 0; i < nchains; i++) {
		snprintf(name, sizeof(name), "zone-%04u", i);
		CHECK(append(t, "INPUT", (struct rule_spec){ .target = name },
			     &err) == 0, "jump %u", i);
		for (unsigned int j = 0; j < per - 1; j++) {
			char src[32];

			snprintf(src, sizeof(src), "10.%u.%u.%u", i / 256,
				 i % 256, j);
			append(t, name, (struct rule_spec){ .src = src,
			       .proto = 17, .udp_dport = 1000 + j,
			       .target = j % 2 ? "ACCEPT" : "" }, &err);
		}
	}
	must_commit(t);
	xtables_table_free(t);
	CHECK(kread("filter", &a), "read big");

	t0 = now();
	t = must_read("filter");
	t1 = now();
	e = make_entry(&(struct rule_spec){ .src = "198.51.100.7",
		       .target = "ACCEPT" }, &size);
	CHECK(xtables_rule_append(t, "INPUT", e, size, &err) == 0, "append");
	t2 = now();
	must_commit(t);
	t3 = now();
	xtables_table_free(t);
	printf("100k rules: read %.1f ms, append %.3f ms, commit %.1f ms, "
	       "total %.1f ms\n", (t1 - t0) * 1e3, (t2 - t1) * 1e3,
	       (t3 - t2) * 1e3, (t3 - t0) * 1e3);
	CHECK(t3 - t0 < 1.0, "100k read+append+commit took %.3f s", t3 - t0);

	/* the append moved everything after INPUT by one rule, verdicts
	 * included: delete it again and compare with the first state */
	t = must_read("filter");
	CHECK(xtables_rule_delete_num(t, "INPUT", nchains + 1, &err) == 0,
	      "delete appended");
	must_commit(t);
	xtables_table_free(t);
	CHECK(kread("filter", &b), "read big again");
	CHECK(kblob_equal(&a, &b), "append + delete restores the blob");
	free(a.ent);
	free(b.ent);
	free(e);
	reset_filter();
}

/* ---- differential tests against the reference ---- */

static bool write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return false;
	fputs(text, f);
	return fclose(f) == 0;
}

static const char ruleset[] =
	"*filter\n"
	":INPUT DROP [5:500]\n"
	":FORWARD ACCEPT [7:700]\n"
	":OUTPUT ACCEPT [9:900]\n"
	":zeta - [3:33]\n"
	":alpha - [0:0]\n"
	":Mid - [0:0]\n"
	":Mid2 - [0:0]\n"
	"[1:10] -A INPUT -s 1.2.3.4/32 -j alpha\n"
	"[2:20] -A INPUT -p tcp -j zeta\n"
	"[3:30] -A INPUT -j ACCEPT\n"
	"[4:40] -A INPUT -d 1.1.1.1/32\n"
	"[8:80] -A INPUT -p udp -m udp --dport 53 -j ACCEPT\n"
	"[5:50] -A alpha -g Mid\n"
	"[6:60] -A Mid -j RETURN\n"
	"[6:60] -A Mid -p tcp -m tcp --dport 22 -j Mid2\n"
	"COMMIT\n"
	"*nat\n"
	":PREROUTING ACCEPT [1:1]\n"
	":INPUT ACCEPT [2:2]\n"
	":OUTPUT ACCEPT [3:3]\n"
	":POSTROUTING ACCEPT [4:4]\n"
	":x - [0:0]\n"
	"[9:9] -A PREROUTING -j x\n"
	"COMMIT\n"
	"*mangle\n"
	":PREROUTING ACCEPT [0:0]\n"
	"[1:2] -A PREROUTING -j ACCEPT\n"
	"COMMIT\n"
	"*raw\n"
	":PREROUTING ACCEPT [0:0]\n"
	"COMMIT\n";

static char rules_path[64];

static bool load_ref(void)
{
	return sh("%s/iptables-restore -c < %s", ref_bin, rules_path);
}

typedef void (*edit_fn)(struct xtables_table *t);

/* Same edit by the reference (shell command) and by the engine. */
static void differential(const char *what, const char *table,
			 const char *ref_cmd, edit_fn edit)
{
	struct kblob a, b;
	struct xtables_table *t;

	CHECK(load_ref(), "load ruleset (%s)", what);
	CHECK(sh("R=%s; %s", ref_bin, ref_cmd), "reference: %s", ref_cmd);
	CHECK(kread(table, &a), "read");
	CHECK(load_ref(), "load ruleset (%s)", what);
	t = must_read(table);
	edit(t);
	must_commit(t);
	xtables_table_free(t);
	CHECK(kread(table, &b), "read");
	CHECK(kblob_equal(&a, &b), "%s: engine and reference differ", what);
	free(a.ent);
	free(b.ent);
}

static void edit_append(struct xtables_table *t)
{
	struct xtables_err err = { 0 };

	CHECK(append(t, "INPUT", (struct rule_spec){ .target = "DROP" }, &err) == 0,
	      "append");
}

static void edit_create(struct xtables_table *t)
{
	struct xtables_err err = { 0 };

	CHECK(xtables_chain_create(t, "beta", &err) == 0, "create");
	CHECK(xtables_chain_create(t, "Alpha", &err) == 0, "create");
	CHECK(xtables_chain_rename(t, "zeta", "aaa", &err) == 0, "rename");
}

static void edit_insert_jump(struct xtables_table *t)
{
	struct xtables_err err = { 0 };
	size_t size;
	void *e = make_entry(&(struct rule_spec){ .target = "Mid" }, &size);

	CHECK(xtables_rule_insert(t, "INPUT", 2, e, size, &err) == 0, "insert");
	free(e);
}

static void edit_delete(struct xtables_table *t)
{
	struct xtables_err err = { 0 };

	CHECK(xtables_rule_delete_num(t, "INPUT", 1, &err) == 0, "delete");
	CHECK(xtables_chain_flush(t, "alpha", &err) == 0, "flush");
	CHECK(xtables_chain_delete(t, "alpha", &err) == 0, "delete chain");
	CHECK(xtables_chain_set_policy(t, "INPUT", "ACCEPT", NULL, &err) == 0,
	      "policy");
}

static void edit_zero(struct xtables_table *t)
{
	struct xtables_err err = { 0 };

	CHECK(xtables_chain_zero(t, "INPUT", &err) == 0, "zero");
}

static void edit_nat(struct xtables_table *t)
{
	struct xtables_err err = { 0 };

	CHECK(xtables_chain_create(t, "y", &err) == 0, "create");
	CHECK(append(t, "POSTROUTING", (struct rule_spec){ .target = "y" },
		     &err) == 0, "append");
}

static void test_reference(void)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/iptables-restore", ref_bin);
	if (access(path, X_OK) != 0) {
		printf("reference not found in %s: differential tests skipped\n",
		       ref_bin);
		return;
	}
	snprintf(rules_path, sizeof(rules_path), "/tmp/xt-engine-test.%d.rules",
		 (int)getpid());
	CHECK(write_file(rules_path, ruleset), "write");
	CHECK(load_ref(), "load ruleset");
	test_roundtrip("filter");
	test_roundtrip("nat");
	test_roundtrip("mangle");
	test_roundtrip("raw");
	differential("append", "filter", "$R/iptables -A INPUT -j DROP",
		     edit_append);
	differential("create+rename", "filter",
		     "$R/iptables -N beta && $R/iptables -N Alpha && "
		     "$R/iptables -E zeta aaa", edit_create);
	differential("insert jump", "filter", "$R/iptables -I INPUT 2 -j Mid",
		     edit_insert_jump);
	differential("delete", "filter",
		     "$R/iptables -D INPUT 1 && $R/iptables -F alpha && "
		     "$R/iptables -X alpha && $R/iptables -P INPUT ACCEPT",
		     edit_delete);
	differential("zero", "filter", "$R/iptables -Z INPUT", edit_zero);
	differential("nat", "nat",
		     "$R/iptables -t nat -N y && "
		     "$R/iptables -t nat -A POSTROUTING -j y", edit_nat);
	unlink(rules_path);
}

/* ---- setup ---- */

static int enter_namespace(void)
{
	if (unshare(CLONE_NEWNET | CLONE_NEWNS) < 0)
		return -1;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return -1;
	if (mount("tmpfs", "/run", "tmpfs", 0, NULL) < 0)
		return -1;
	return 0;
}

int main(void)
{
	if (geteuid() != 0) {
		printf("not root: skipped\n");
		return 77;
	}
	if (getenv("XT_ENGINE_TEST_IN_NS") == NULL && enter_namespace() < 0) {
		printf("no namespaces (%s): skipped\n", strerror(errno));
		return 77;
	}
	ref_bin = getenv("XT_REF_BIN");
	if (ref_bin == NULL)
		ref_bin = "/tmp/ref/bin";
	{
		struct xtables_err err = { 0 };
		struct xtables_table *t = xtables_table_read(fam, "filter", &err);

		if (t == NULL) {
			printf("no x_tables (%s): skipped\n", err.msg);
			return 77;
		}
		xtables_table_free(t);
	}

	test_initial();
	test_build_and_layout();
	test_roundtrip("filter");
	test_counters();
	test_errors();
	test_edits();
	test_names();
	test_eagain();
	test_lock();
	reset_filter();
	test_big();
	test_reference();

	printf("%d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
