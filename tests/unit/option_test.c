/*
 * option_test.c - unit tests of the option core: typed value parsers,
 * option checks (repetition, inversion, mandatory, also, excl), XTOPT_PUT
 * storing, -s/-d lists, interfaces, protocols, printing helpers, entry
 * building, and the tcp/udp/icmp extensions' parsing and output.  Every
 * message is compared with the reference's exact text.
 *
 * The extension part loads the built extensions (EXT_DIR) and asks the
 * kernel for revisions, so it runs only as root, inside its own network
 * namespace; otherwise it is skipped.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xtables/rule.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <linux/netfilter_ipv4/ip_tables.h>

static int failures, checks;

#define CHECK(cond, ...) do {						\
	checks++;							\
	if (!(cond)) {							\
		failures++;						\
		fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);	\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
	}								\
} while (0)

static const struct xtables_family *fam = &xtables_ipv4;

/* Parse arg as a one-option table entry; returns the error text ("" if
 * none) and fills *val. */
static const char *pv(const struct xtables_option *o, const char *arg,
		      union xtables_optval *val, uint8_t *nvals)
{
	static struct xtables_err err;
	uint8_t n;

	memset(&err, 0, sizeof(err));
	if (xtables_parse_value(fam, o, "ext", arg, val, nvals ? nvals : &n,
				&err) == 0)
		return "";
	return err.msg;
}

static void expect_msg(const struct xtables_option *o, const char *arg,
		       const char *want)
{
	union xtables_optval v;
	const char *got = pv(o, arg, &v, NULL);

	CHECK(strcmp(got, want) == 0, "--%s %s: got [%s] want [%s]",
	      o->name, arg, got, want);
}

static void test_numbers(void)
{
	uint64_t v;
	char *end;

	CHECK(xtables_strtoul("10", NULL, &v, 0, 0) == 0 && v == 10, "10");
	CHECK(xtables_strtoul("0x10", NULL, &v, 0, 0) == 0 && v == 16, "hex");
	CHECK(xtables_strtoul("010", NULL, &v, 0, 0) == 0 && v == 8, "octal");
	CHECK(xtables_strtoul(" 5", NULL, &v, 0, 0) == 0 && v == 5, "blank");
	CHECK(xtables_strtoul("-1", NULL, &v, 0, 0) != 0, "minus");
	CHECK(xtables_strtoul("5a", NULL, &v, 0, 0) != 0, "strict");
	CHECK(xtables_strtoul("5a", &end, &v, 0, 0) == 0 && *end == 'a', "end");
	CHECK(xtables_strtoul("300", NULL, &v, 0, 255) != 0, "max");
	CHECK(xtables_strtoul("3", NULL, &v, 4, 255) != 0, "min");
	CHECK(xtables_strtoul("", NULL, &v, 0, 0) != 0, "empty");
}

static void test_values(void)
{
	union xtables_optval v;
	uint8_t n;
	struct xtables_option u8 = { .name = "u8", .type = XTTYPE_UINT8 };
	struct xtables_option u16 = { .name = "u16", .type = XTTYPE_UINT16,
				      .flags = XTOPT_NBO, .min = 2, .max = 9 };
	struct xtables_option rc = { .name = "rc", .type = XTTYPE_UINT16RC };
	struct xtables_option rc1 = { .name = "rc1", .type = XTTYPE_UINT32RC,
				      .flags = XTOPT_PUT, .size = 4 };
	struct xtables_option str = { .name = "s", .type = XTTYPE_STRING,
				      .min = 2, .max = 4 };
	struct xtables_option tos = { .name = "tos", .type = XTTYPE_TOSMASK,
				      .max = 0x3f };
	struct xtables_option mark = { .name = "mark", .type = XTTYPE_MARKMASK32 };
	struct xtables_option lvl = { .name = "lvl", .type = XTTYPE_SYSLOGLEVEL };
	struct xtables_option host = { .name = "h", .type = XTTYPE_HOSTMASK };
	struct xtables_option plen = { .name = "p", .type = XTTYPE_PLENMASK };
	struct xtables_option proto = { .name = "pr", .type = XTTYPE_PROTOCOL };
	struct xtables_option port = { .name = "port", .type = XTTYPE_PORT,
				       .flags = XTOPT_NBO };
	struct xtables_option prc = { .name = "prc", .type = XTTYPE_PORTRC };
	struct xtables_option mac = { .name = "mac", .type = XTTYPE_ETHERMAC };
	struct xtables_option dbl = { .name = "d", .type = XTTYPE_DOUBLE,
				      .min = 1, .max = 5 };

	expect_msg(&u8, "256", "ext: bad value for option \"--u8\", or out of range (0-255).\n");
	expect_msg(&u8, "x", "ext: bad value for option \"--u8\", or out of range (0-255).\n");
	CHECK(*pv(&u8, "0x20", &v, NULL) == 0 && v.u8 == 32, "u8 hex");
	expect_msg(&u16, "1", "ext: bad value for option \"--u16\", or out of range (2-9).\n");
	CHECK(*pv(&u16, "5", &v, NULL) == 0 && v.u16 == htons(5), "u16 nbo");

	CHECK(*pv(&rc, "3:7", &v, &n) == 0 && n == 2 && v.u16_range[0] == 3 &&
	      v.u16_range[1] == 7, "range");
	CHECK(*pv(&rc, ":", &v, &n) == 0 && n == 2 && v.u16_range[0] == 0 &&
	      v.u16_range[1] == 65535, "range defaults");
	CHECK(*pv(&rc, "4", &v, &n) == 0 && n == 1 && v.u16_range[0] == 4, "one");
	expect_msg(&rc, "5:3", "ext: bad value for option \"--rc\" near \"3\", or out of range (5-65535).\n");
	expect_msg(&rc, "1:2:3", "ext: Too many components for option \"--rc\" (max: 2)\n");
	expect_msg(&rc, "1x", "ext: Argument to \"--rc\" has unexpected characters near \"x\".\n");
	expect_msg(&rc1, "1:2", "ext: Too many components for option \"--rc1\" (max: 1)\n");

	expect_msg(&str, "a", "Argument must have a minimum length of 2 characters\n");
	expect_msg(&str, "abcde", "Argument must have a maximum length of 4 characters\n");
	expect_msg(&str, "abcd", "");

	CHECK(*pv(&tos, "0x10/0x3f", &v, NULL) == 0 && v.tos_value == 0x10 &&
	      v.tos_mask == 0x3f, "tos numeric");
	CHECK(*pv(&tos, "8", &v, NULL) == 0 && v.tos_mask == 0xff, "tos mask");
	CHECK(*pv(&tos, "minimize-delay", &v, NULL) == 0 && v.tos_value == 0x10 &&
	      v.tos_mask == 0x3f, "tos name");
	expect_msg(&tos, "5/x", "Illegal value: \"5/x\"");
	expect_msg(&tos, "5x", "Illegal value: \"5x\"");
	expect_msg(&tos, "fast", "Symbolic name \"fast\" is unknown");

	CHECK(*pv(&mark, "0x10/0xff", &v, NULL) == 0 && v.mark == 16 &&
	      v.mask == 255, "mark");
	CHECK(*pv(&mark, "7", &v, NULL) == 0 && v.mask == 0xffffffff, "mark mask");
	expect_msg(&mark, "1x", "ext: trailing garbage after value for option \"--mark\".\n");
	expect_msg(&mark, "1/x", "ext: bad integer value for option \"--mark\", or out of range.\n");
	expect_msg(&mark, "x", "ext: bad integer value for option \"--mark\", or out of range.\n");

	CHECK(*pv(&lvl, "warning", &v, NULL) == 0 && v.syslog_level == 4, "lvl");
	CHECK(*pv(&lvl, "7", &v, NULL) == 0 && v.syslog_level == 7, "lvl num");
	expect_msg(&lvl, "8", "log level \"8\" unknown\n");

	CHECK(*pv(&host, "1.2.3.4/24", &v, NULL) == 0 && v.haddr.ip == inet_addr("1.2.3.4") &&
	      v.hmask.ip == inet_addr("255.255.255.0") && v.hlen == 24, "hostmask");
	CHECK(*pv(&host, "10.0.0.1", &v, NULL) == 0 && v.hlen == 32 &&
	      v.hmask.ip == 0xffffffff, "host");
	expect_msg(&host, "1.2.3.4/x", "ext: bad value for option \"--h\", neither a valid network mask nor valid CIDR (0-32).\n");
	CHECK(*pv(&plen, "255.255.0.0", &v, NULL) == 0 && v.hlen == 16 &&
	      v.hmask.ip == inet_addr("255.255.0.0"), "plen mask");
	CHECK(*pv(&plen, "255.0.255.0", &v, NULL) == 0 && v.hlen == 255 &&
	      v.hmask.ip == inet_addr("255.0.255.0"), "plen odd mask");

	CHECK(*pv(&proto, "tcp", &v, NULL) == 0 && v.protocol == 6, "proto");
	CHECK(*pv(&proto, "all", &v, NULL) == 0 && v.protocol == 0, "proto all");
	expect_msg(&proto, "foo", "unknown protocol \"foo\" specified");

	CHECK(*pv(&port, "99999", &v, NULL) == 0 && v.port == htons(34463), "port wraps as upstream's");
	CHECK(*pv(&port, "domain", &v, NULL) == 0 && v.port == htons(53), "service");
	expect_msg(&port, "nosuch", "Port \"nosuch\" does not resolve to anything.\n");
	CHECK(*pv(&prc, "1:", &v, &n) == 0 && n == 2 && v.port_range[0] == 1 &&
	      v.port_range[1] == 65535, "portrc open");
	CHECK(*pv(&prc, "22", &v, &n) == 0 && n == 2 && v.port_range[1] == 22, "portrc one");
	expect_msg(&prc, "5:3", "Port range 5-3 is negative.\n");
	expect_msg(&prc, "1:2:3", "ext: Too many components for option \"--prc\" (max: 2)\n");

	CHECK(*pv(&mac, "00:11:22:aa:BB:cc", &v, NULL) == 0 && v.ethermac[5] == 0xcc, "mac");
	expect_msg(&mac, "00:11:22:aa:bb", "Invalid MAC address specified.");
	expect_msg(&mac, "00:11:22:aa:bb:ccc", "Invalid MAC address specified.");
	CHECK(*pv(&dbl, "2.5", &v, NULL) == 0 && v.dbl == 2.5, "double");
	expect_msg(&dbl, "6", "ext: bad value for option \"--d\", or out of range (1-5).\n");
	expect_msg(&u8, NULL, "ext: option \"--u8\" requires an argument.\n");
}

/* A test extension with every kind of constraint. */
struct test_data {
	uint32_t num;
	uint16_t range[2];
	char name[8];
	uint8_t flag;
};

enum { T_NUM, T_RANGE, T_NAME, T_FLAG, T_MULTI, T_NEEDS, T_MAND };

static int parsed;

static int test_parse(struct xtables_optcall *cb)
{
	struct test_data *d = cb->data;

	parsed++;
	if (cb->opt->id == T_FLAG)
		d->flag = cb->invert ? 2 : 1;
	return 0;
}

static const struct xtables_option test_opts[] = {
	{ .name = "num", .id = T_NUM, .type = XTTYPE_UINT32,
	  .flags = XTOPT_PUT | XTOPT_NBO, XTOPT_POINTER(struct test_data, num) },
	{ .name = "range", .id = T_RANGE, .type = XTTYPE_UINT16RC,
	  .flags = XTOPT_PUT, XTOPT_POINTER(struct test_data, range),
	  .excl = 1 << T_NUM },
	{ .name = "name", .id = T_NAME, .type = XTTYPE_STRING,
	  .flags = XTOPT_PUT, XTOPT_POINTER(struct test_data, name) },
	{ .name = "flag", .id = T_FLAG, .type = XTTYPE_NONE,
	  .flags = XTOPT_INVERT },
	{ .name = "multi", .id = T_MULTI, .type = XTTYPE_NONE,
	  .flags = XTOPT_MULTI },
	{ .name = "needs", .id = T_NEEDS, .type = XTTYPE_NONE,
	  .also = 1 << T_FLAG },
	{ .name = "mand", .id = T_MAND, .type = XTTYPE_NONE, .flags = XTOPT_MAND },
	{ .name = "alias", .id = T_NUM, .type = XTTYPE_UINT32,
	  .flags = XTOPT_PUT | XTOPT_NBO, XTOPT_POINTER(struct test_data, num) },
	XTABLES_OPT_END,
};

static const struct xtables_ext test_ext = {
	.abi = XTABLES_ABI_VERSION, .kind = XTABLES_MATCH, .name = "tst",
	.real_name = "kname", .revision = 3, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct test_data), .options = test_opts,
	.parse = test_parse,
};

static const char *ip_err;
static struct xtables_err ierr;

static int ip(struct xtables_instance *in, const char *opt, const char *arg,
	      bool invert)
{
	const struct xtables_option *o = xtables_instance_option(in, opt);

	memset(&ierr, 0, sizeof(ierr));
	ip_err = "";
	if (o == NULL) {
		ip_err = "no such option";
		return -1;
	}
	if (xtables_instance_parse(in, o, arg, invert, NULL, &ierr) != 0) {
		ip_err = ierr.msg;
		return -1;
	}
	return 0;
}

static int fin(struct xtables_instance *in)
{
	memset(&ierr, 0, sizeof(ierr));
	ip_err = "";
	if (xtables_instance_final(in, NULL, &ierr) != 0) {
		ip_err = ierr.msg;
		return -1;
	}
	return 0;
}

static void test_instance(void)
{
	struct xtables_err err = { 0 };
	struct xtables_instance *in = xtables_instance_new(&test_ext, &err);
	struct xt_entry_match *m;
	struct test_data *d;

	CHECK(in != NULL, "instance");
	if (in == NULL)
		return;
	m = in->blob;
	d = in->data;
	CHECK(in->blob_size == sizeof(*m) + XT_ALIGN(sizeof(*d)), "size %zu", in->blob_size);
	CHECK(m->u.user.match_size == in->blob_size, "match_size");
	CHECK(strcmp(m->u.user.name, "kname") == 0 && m->u.user.revision == 3,
	      "kernel name and revision");
	CHECK(in->data == (char *)in->blob + sizeof(*m), "data");

	CHECK(ip(in, "num", "7", false) == 0 && d->num == htonl(7), "put nbo");
	CHECK(ip(in, "alias", "8", false) != 0 &&
	      strcmp(ip_err, "tst: option \"--num\" can only be used once.\n") == 0,
	      "repeat by alias: %s", ip_err);
	CHECK(ip(in, "num", "8", true) != 0 &&
	      strcmp(ip_err, "tst: option \"--num\" can only be used once.\n") == 0,
	      "repeat first: %s", ip_err);
	CHECK(ip(in, "name", "abcdefghij", false) == 0 &&
	      strcmp(d->name, "abcdefg") == 0, "put string truncated");
	CHECK(ip(in, "multi", NULL, false) == 0 && ip(in, "multi", NULL, false) == 0,
	      "multi");
	CHECK(ip(in, "multi", NULL, true) != 0 &&
	      strcmp(ip_err, "tst: option \"--multi\" cannot be inverted.\n") == 0,
	      "invert: %s", ip_err);
	CHECK(ip(in, "needs", NULL, false) == 0, "needs");
	CHECK(fin(in) != 0 &&
	      strcmp(ip_err, "tst: option \"--needs\" also requires \"--flag\".\n") == 0,
	      "also: %s", ip_err);
	CHECK(ip(in, "flag", NULL, true) == 0 && d->flag == 2, "flag inverted");
	CHECK(fin(in) != 0 &&
	      strcmp(ip_err, "tst: option \"--mand\" must be specified\n") == 0,
	      "mand: %s", ip_err);
	CHECK(ip(in, "mand", NULL, false) == 0, "mand given");
	CHECK(fin(in) == 0, "final: %s", ip_err);
	CHECK(ip(in, "range", "3:9", false) == 0 && d->range[0] == 3 &&
	      d->range[1] == 9, "put range (host order)");
	CHECK(fin(in) != 0 &&
	      strcmp(ip_err, "tst: option \"--range\" cannot be used together with \"--num\".\n") == 0,
	      "excl: %s", ip_err);
	CHECK(parsed == 8, "parse callback calls %d", parsed);
	xtables_instance_free(in);
}

static void test_addrs(void)
{
	struct xtables_addrs a;
	struct xtables_err err;

	memset(&err, 0, sizeof(err));
	CHECK(xtables_parse_addr_list(fam, "1.2.3.4/24, 5.6.7.8,10.1/8", &a, &err) == 0 &&
	      a.n == 3 && a.addr[0].ip == inet_addr("1.2.3.0") &&
	      a.masks[0].ip == inet_addr("255.255.255.0") &&
	      a.mask.ip == a.masks[0].ip &&
	      a.addr[1].ip == inet_addr("5.6.7.8") && a.masks[1].ip == 0xffffffff &&
	      a.addr[2].ip == inet_addr("10.0.0.0"), "list");
	xtables_addrs_free(&a);
	CHECK(xtables_parse_addr_list(fam, "1.2.3", &a, &err) == 0 &&
	      a.addr[0].ip == inet_addr("1.2.3.0"), "autocomplete");
	xtables_addrs_free(&a);
	CHECK(xtables_parse_addr_list(fam, "foo.invalid/0", &a, &err) == 0 &&
	      a.addr[0].ip == 0 && a.masks[0].ip == 0, "any/0");
	xtables_addrs_free(&a);
	CHECK(xtables_parse_addr_list(fam, "1.2.3.4/255.0.255.0", &a, &err) == 0 &&
	      a.addr[0].ip == inet_addr("1.0.3.0"), "odd mask");
	xtables_addrs_free(&a);
	CHECK(xtables_parse_addr_list(fam, "10.0.0.0/33", &a, &err) != 0 &&
	      strcmp(err.msg, "invalid mask `33' specified") == 0, "%s", err.msg);
	CHECK(xtables_parse_addr_list(fam, "1.2.3.256", &a, &err) != 0 &&
	      strcmp(err.msg, "host/network `1.2.3.256' not found") == 0, "%s", err.msg);
	CHECK(xtables_parse_addr_list(fam, "1.2.3.4,", &a, &err) != 0 &&
	      strcmp(err.msg, "host/network `' not found") == 0, "%s", err.msg);
	CHECK(xtables_parse_addr_list(fam, "1.2.3.4/", &a, &err) != 0 &&
	      strcmp(err.msg, "invalid mask `' specified") == 0, "%s", err.msg);
}

static void test_iface_proto(void)
{
	char name[IFNAMSIZ];
	unsigned char mask[IFNAMSIZ];
	struct xtables_err err = { 0 };
	uint16_t p;

	CHECK(xtables_parse_iface("eth+", name, mask, &err) == 0 &&
	      strcmp(name, "eth+") == 0 && mask[2] == 0xff && mask[3] == 0, "eth+");
	CHECK(xtables_parse_iface("eth0", name, mask, &err) == 0 &&
	      mask[4] == 0xff && mask[5] == 0, "eth0");
	CHECK(xtables_parse_iface("1234567890123456", name, mask, &err) != 0 &&
	      strcmp(err.msg, "interface name `1234567890123456' must be shorter than 16 characters") == 0,
	      "%s", err.msg);
	CHECK(xtables_parse_protocol("0x11", &p, &err) == 0 && p == 17, "proto hex");
	CHECK(xtables_parse_protocol("ipv6-icmp", &p, &err) == 0 && p == 58, "builtin");
	CHECK(xtables_parse_protocol("256", &p, &err) != 0 &&
	      strcmp(err.msg, "unknown protocol \"256\" specified") == 0, "%s", err.msg);
	CHECK(strcmp(xtables_proto_to_name(0, false), "all") == 0, "all");
	CHECK(strcmp(xtables_proto_to_name(136, true), "udplite") == 0, "udplite");
	CHECK(xtables_proto_to_name(47, true) == NULL, "47 numeric");
	CHECK(xtables_parse_port("ssh", "tcp") == 22 && xtables_parse_port("65536", "tcp") < 0 &&
	      xtables_parse_port("0x10", "tcp") == 16, "xtables_parse_port");
}

static void test_print(void)
{
	char buf[128];
	union nf_inet_addr m = { .ip = inet_addr("255.255.255.0") };
	FILE *f;
	size_t len = 0;
	char *out = NULL;

	CHECK(strcmp(xtables_mask_to_text(NFPROTO_IPV4, &m, buf, sizeof(buf)), "/24") == 0, "mask");
	m.ip = inet_addr("255.0.255.0");
	CHECK(strcmp(xtables_mask_to_text(NFPROTO_IPV4, &m, buf, sizeof(buf)),
		     "/255.0.255.0") == 0, "odd mask");
	m.ip = 0xffffffff;
	CHECK(strcmp(xtables_mask_to_text(NFPROTO_IPV4, &m, buf, sizeof(buf)), "/32") == 0, "32");
	CHECK(strcmp(xtables_port_name(22, "tcp", false, buf, sizeof(buf)), "ssh") == 0 &&
	      strcmp(xtables_port_name(22, "tcp", true, buf, sizeof(buf)), "22") == 0, "port");
	f = open_memstream(&out, &len);
	xtables_save_string(f, "abc_-1");
	xtables_save_string(f, "a b\"c\\d'e");
	xtables_save_string(f, "");
	fclose(f);
	CHECK(strcmp(out, " abc_-1 \"a b\\\"c\\\\d\\'e\" \"\"") == 0, "save_string [%s]", out);
	free(out);
}

static void test_entry(void)
{
	struct xtables_rule_ip rip = { .family = NFPROTO_IPV4, .proto = 6 };
	struct xtables_err err = { 0 };
	struct xtables_instance *in = xtables_instance_new(&test_ext, &err);
	struct ipt_entry *e;
	struct xt_entry_target *t;
	unsigned char *mask;
	size_t size;

	e = xtables_entry_build(fam, &rip, &in, 1, NULL, "ACCEPT", &size);
	CHECK(e != NULL, "entry");
	if (e == NULL)
		return;
	CHECK(size == sizeof(*e) + in->blob_size + sizeof(*t) + XT_ALIGN(sizeof(int)),
	      "entry size %zu", size);
	CHECK(e->target_offset == sizeof(*e) + in->blob_size && e->next_offset == size,
	      "offsets");
	CHECK(e->ip.proto == 6, "proto encoded");
	t = (struct xt_entry_target *)((char *)e + e->target_offset);
	CHECK(strcmp(t->u.user.name, "ACCEPT") == 0 &&
	      t->u.user.target_size == sizeof(*t) + XT_ALIGN(sizeof(int)), "standard");
	mask = xtables_entry_mask(fam, &in, 1, NULL, size);
	CHECK(mask[0] == 0xff && mask[sizeof(*e) + in->blob_size - 1] == 0xff &&
	      mask[size - 1] == 0xff, "mask");
	free(mask);
	free(e);
	xtables_instance_free(in);
}

/* ---- the extensions, loaded as the programs load them ---- */

struct run {
	struct xtables_instance *in;
	char msg[1024];
	char *print, *printn, *save;
};

/* Parse "--opt arg ..." words for extension NAME (a word "!" inverts the
 * next option; XTOPT_ARG2 options take the following word too). */
static int run_ext(struct run *r, const char *name, const char *const *w)
{
	struct xtables_rule_ip rip = { .family = NFPROTO_IPV4 };
	struct xtables_err err = { 0 };
	const struct xtables_ext *ext;
	bool invert = false;
	size_t len;
	FILE *f;

	memset(r, 0, sizeof(*r));
	ext = xtables_find_ext(fam, XTABLES_MATCH, name, false, &err);
	if (ext == NULL)
		goto fail;
	r->in = xtables_instance_new(ext, &err);
	for (; *w != NULL; w++) {
		const struct xtables_option *o;
		const char *arg = NULL, *arg2 = NULL;

		if (strcmp(*w, "!") == 0) {
			invert = true;
			continue;
		}
		o = xtables_instance_option(r->in, *w + 2);
		if (o == NULL) {
			snprintf(err.msg, sizeof(err.msg), "unknown %s", *w);
			goto fail;
		}
		if (o->type != XTTYPE_NONE)
			arg = *++w;
		if ((o->flags & XTOPT_ARG2) && w[1] && w[1][0] != '-' && w[1][0] != '!')
			arg2 = *++w;
		if (xtables_instance_parse2(r->in, o, arg, arg2, invert, &rip, &err) != 0)
			goto fail;
		invert = false;
	}
	if (xtables_instance_final(r->in, &rip, &err) != 0)
		goto fail;
	f = open_memstream(&r->print, &len);
	ext->print(f, &rip, r->in->data, 0);
	fclose(f);
	f = open_memstream(&r->printn, &len);
	ext->print(f, &rip, r->in->data, XTABLES_PRINT_NUMERIC);
	fclose(f);
	f = open_memstream(&r->save, &len);
	ext->save(f, &rip, r->in->data);
	fclose(f);
	return 0;
fail:
	snprintf(r->msg, sizeof(r->msg), "%s", err.msg);
	return -1;
}

static void run_free(struct run *r)
{
	xtables_instance_free(r->in);
	free(r->print);
	free(r->printn);
	free(r->save);
}

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void ok_case(const char *name, const char *const *w, const char *print,
		    const char *printn, const char *save)
{
	struct run r;

	if (run_ext(&r, name, w) != 0) {
		CHECK(0, "%s %s: unexpected error [%s]", name, w[0], r.msg);
	} else {
		CHECK(strcmp(r.print, print) == 0, "%s %s: print [%s] want [%s]",
		      name, w[0], r.print, print);
		CHECK(strcmp(r.printn, printn) == 0, "%s %s: -n [%s] want [%s]",
		      name, w[0], r.printn, printn);
		CHECK(strcmp(r.save, save) == 0, "%s %s: save [%s] want [%s]",
		      name, w[0], r.save, save);
	}
	run_free(&r);
}

static void err_case(const char *name, const char *const *w, const char *msg)
{
	struct run r;

	CHECK(run_ext(&r, name, w) != 0 && strcmp(r.msg, msg) == 0,
	      "%s %s %s: got [%s] want [%s]", name, w[0], w[1] ? w[1] : "",
	      r.msg, msg);
	run_free(&r);
}

static void test_extensions(void)
{
	struct xtables_err err = { 0 };

	ok_case("tcp", W("--dport", "22"), " tcp dpt:ssh", " tcp dpt:22", " --dport 22");
	ok_case("tcp", W("--sport", "1:2"), " tcp spts:tcpmux:2", " tcp spts:1:2", " --sport 1:2");
	ok_case("tcp", W("!", "--dport", "0:65535"), " tcp dpts:!0:65535",
		" tcp dpts:!0:65535", " ! --dport 0:65535");
	ok_case("tcp", W("--syn"), " tcp flags:FIN,SYN,RST,ACK/SYN", " tcp flags:0x17/0x02",
		" --tcp-flags FIN,SYN,RST,ACK SYN");
	ok_case("tcp", W("!", "--tcp-flags", "NONE", "NONE"), " tcp flags:!NONE/NONE",
		" tcp flags:!0x00/0x00", " ! --tcp-flags NONE NONE");
	ok_case("tcp", W("--tcp-option", "8"), " tcp option=8", " tcp option=8",
		" --tcp-option 8");
	ok_case("tcp", W("--sport", "http", "--dport", "https", "--tcp-flags", "URG,PSH", "PSH",
			 "--tcp-option", "2"),
		" tcp spt:http dpt:https option=2 flags:PSH,URG/PSH",
		" tcp spt:80 dpt:443 option=2 flags:0x28/0x08",
		" --sport 80 --dport 443 --tcp-option 2 --tcp-flags PSH,URG PSH");
	err_case("tcp", W("--dport", "22", "--dport", "23"), "Only one `--destination-port' allowed");
	err_case("tcp", W("--sport", "1", "--source-port", "2"), "Only one `--source-port' allowed");
	err_case("tcp", W("--dport", "99999"), "invalid port/service `99999' specified");
	err_case("tcp", W("--dport", "5:3"), "invalid portrange (min > max)");
	err_case("tcp", W("--sport", "1:2:3"), "invalid port/service `2:3' specified");
	err_case("tcp", W("--syn", "--tcp-flags", "SYN", "SYN"),
		 "Only one of `--syn' or `--tcp-flags'  allowed");
	err_case("tcp", W("--tcp-flags", "FOO", "SYN"), "Unknown TCP flag `FOO'");
	err_case("tcp", W("--tcp-flags", "SYN"), "--tcp-flags requires two args.");
	err_case("tcp", W("--tcp-option", "0"), "Bad TCP option \"0\"");
	err_case("tcp", W("--tcp-option", "1", "--tcp-option", "2"), "Only one `--tcp-option' allowed");

	ok_case("udp", W("--dport", "53"), " udp dpt:domain", " udp dpt:53", " --dport 53");
	ok_case("udp", W("!", "--sport", "1:"), " udp spts:!1:65535", " udp spts:!1:65535",
		" ! --sport 1:65535");
	ok_case("udp", W("--dport", "99999"), " udp dpt:34463", " udp dpt:34463", " --dport 34463");
	err_case("udp", W("--dport", "22", "--destination-port", "23"),
		 "udp: option \"--destination-port\" can only be used once.\n");
	err_case("udp", W("--dport", "5:3"), "Port range 5-3 is negative.\n");
	err_case("udp", W("--sport", "1:2:3"),
		 "udp: Too many components for option \"--source-port\" (max: 2)\n");
	err_case("udp", W("--dport", "foo"), "Port \"foo\" does not resolve to anything.\n");

	ok_case("icmp", W("--icmp-type", "any"), " icmp any", " icmptype 255", " --icmp-type any");
	ok_case("icmp", W("!", "--icmp-type", "any"), " icmp !any", " icmp !type 255",
		" ! --icmp-type any");
	ok_case("icmp", W("--icmp-type", "8/1"), " icmptype 8 code 1", " icmptype 8 code 1",
		" --icmp-type 8/1");
	ok_case("icmp", W("--icmp-type", "PING"), " icmp echo-request", " icmptype 8",
		" --icmp-type 8");
	ok_case("icmp", W("!", "--icmp-type", "5/9"), " icmp !type 5 code 9",
		" icmp !type 5 code 9", " ! --icmp-type 5/9");
	ok_case("icmp", W("--icmp-type", "host-unr"), " icmp host-unreachable",
		" icmptype 3 code 1", " --icmp-type 3/1");
	ok_case("icmp", W("--icmp-type", "010"), " icmp echo-request", " icmptype 8",
		" --icmp-type 8");
	ok_case("icmp", W("--icmp-type", "255/0"), " icmptype 255 code 0", " icmptype 255 code 0",
		" --icmp-type 255/0");
	err_case("icmp", W("--icmp-type", "echo"), "Ambiguous ICMP type `echo': `echo-reply' or `echo-request'?");
	err_case("icmp", W("--icmp-type", "300"), "Unknown ICMP type `300'");
	err_case("icmp", W("--icmp-type", "3/300"), "Unknown ICMP code `3/300'");
	err_case("icmp", W("--icmp-type", "08"), "unknown character 8");
	err_case("icmp", W("--icmp-type", "3/1/2"), "unknown character /");
	err_case("icmp", W("--icmp-type", "8", "--icmp-type", "9"),
		 "icmp: option \"--icmp-type\" can only be used once.\n");

	CHECK(xtables_find_ext(fam, XTABLES_MATCH, "nosuchmatch", false, &err) == NULL &&
	      strcmp(err.msg, "Couldn't load match `nosuchmatch':No such file or directory\n") == 0,
	      "%s", err.msg);
	CHECK(xtables_find_ext(fam, XTABLES_TARGET, "nosuchtarget", false, &err) == NULL &&
	      strcmp(err.msg, "Couldn't load target `nosuchtarget':No such file or directory\n") == 0,
	      "%s", err.msg);
	CHECK(xtables_find_ext(fam, XTABLES_MATCH, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false, &err) == NULL &&
	      strcmp(err.msg, "Invalid match name \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" (28 chars max)") == 0,
	      "%s", err.msg);
	CHECK(xtables_find_ext(fam, XTABLES_TARGET, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false, &err) == NULL &&
	      strcmp(err.msg, "Invalid target name `aaaaaaaaaaaaaaaaaaaaaaaaaaaaa' (28 chars max)") == 0,
	      "%s", err.msg);
	CHECK(xtables_find_ext(fam, XTABLES_TARGET, "mychain", true, &err) == NULL, "quiet");
	CHECK(xtables_find_ext(fam, XTABLES_TARGET, "ACCEPT", false, &err) != NULL, "standard");
	CHECK(xtables_find_ext_rev(fam, XTABLES_MATCH, "tcp", 0) != NULL &&
	      xtables_find_ext_rev(fam, XTABLES_MATCH, "tcp", 1) == NULL, "by revision");
}

int main(void)
{
	test_numbers();
	test_values();
	test_instance();
	test_addrs();
	test_iface_proto();
	test_print();
	test_entry();
	if (geteuid() == 0 && unshare(CLONE_NEWNET) == 0) {
		setenv("XTABLES_LIBDIR", EXT_DIR, 1);
		test_extensions();
	} else {
		printf("option_test: extension tests skipped (need root)\n");
	}
	printf("option_test: %d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
