/*
 * cmdline.c - argv -> struct cmd, the way iptables 1.8.11 parses it.
 *
 * getopt_long (in fact its work-alike in cmd_getopt.c) runs in "return
 * in order" mode (optstring starting with '-') over the generic long
 * options merged with the options of every extension loaded so far, so
 * abbreviations and ambiguities come out as the reference's.  The first error ends parsing: cmd_parse returns NULL
 * with err set.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "cmd.h"
#include "cmd_getopt.h"
#include "restore_chains.h"

static const char optstring[] =
	"-:A:C:D:E:F::I:L::M:N:P:R:S::VX::Z::c:d:i:j:o:p:s:t:vW::46fg:h::m:nw::x";

static const struct option generic_opts[] = {
	{ "append",        1, NULL, 'A' },
	{ "delete",        1, NULL, 'D' },
	{ "check",         1, NULL, 'C' },
	{ "insert",        1, NULL, 'I' },
	{ "replace",       1, NULL, 'R' },
	{ "list",          2, NULL, 'L' },
	{ "list-rules",    2, NULL, 'S' },
	{ "flush",         2, NULL, 'F' },
	{ "zero",          2, NULL, 'Z' },
	{ "new-chain",     1, NULL, 'N' },
	{ "delete-chain",  2, NULL, 'X' },
	{ "rename-chain",  1, NULL, 'E' },
	{ "policy",        1, NULL, 'P' },
	{ "source",        1, NULL, 's' },
	{ "destination",   1, NULL, 'd' },
	{ "src",           1, NULL, 's' },
	{ "dst",           1, NULL, 'd' },
	{ "protocol",      1, NULL, 'p' },
	{ "in-interface",  1, NULL, 'i' },
	{ "jump",          1, NULL, 'j' },
	{ "table",         1, NULL, 't' },
	{ "match",         1, NULL, 'm' },
	{ "numeric",       0, NULL, 'n' },
	{ "out-interface", 1, NULL, 'o' },
	{ "verbose",       0, NULL, 'v' },
	{ "wait",          2, NULL, 'w' },
	{ "wait-interval", 2, NULL, 'W' },
	{ "exact",         0, NULL, 'x' },
	{ "fragments",     0, NULL, 'f' },
	{ "version",       0, NULL, 'V' },
	{ "help",          2, NULL, 'h' },
	{ "line-numbers",  0, NULL, '0' },
	{ "modprobe",      1, NULL, 'M' },
	{ "set-counters",  1, NULL, 'c' },
	{ "goto",          1, NULL, 'g' },
	{ "ipv4",          0, NULL, '4' },
	{ "ipv6",          0, NULL, '6' },
	{ NULL, 0, NULL, 0 },
};
#define N_GENERIC (sizeof(generic_opts) / sizeof(generic_opts[0]) - 1)

/* The generic options of a family: ip6tables has no "--fragments" (its
 * slot repeats the entry before it, which getopt never reports as
 * ambiguous), so that "--frag..." abbreviates only extension options. */
static const struct option *generic_options(const struct xtables_family *fam)
{
	static struct option v6[N_GENERIC + 1];

	if (fam->nfproto != NFPROTO_IPV6)
		return generic_opts;
	if (v6[0].name == NULL) {
		memcpy(v6, generic_opts, sizeof(v6));
		for (unsigned int i = 1; i < N_GENERIC; i++)
			if (v6[i].val == 'f')
				v6[i] = v6[i - 1];
	}
	return v6;
}

/* Command letters, indexed by the bit number of CMD_*. */
static const char cmd_letters[] = "IDDRALFZNXPESZC";

/* Per generic option (bit number of OPT_*): its name in messages, the
 * inversion bit "!" sets, and the commands it may be used with (every
 * command given must allow it: -L -Z -n is refused). */
#define RULE_CMDS (CMD_INSERT | CMD_DELETE | CMD_REPLACE | CMD_APPEND | CMD_CHECK)
static const struct {
	const char *name;
	uint8_t inv;
	unsigned int cmds;
} generic_opt_info[OPT_COUNT] = {
	{ "--numeric",       0,                    CMD_LIST },
	{ "--source",        XTABLES_INV_SRCIP,    RULE_CMDS },
	{ "--destination",   XTABLES_INV_DSTIP,    RULE_CMDS },
	{ "--protocol",      XTABLES_INV_PROTO,    RULE_CMDS },
	{ "--jump",          0,                    RULE_CMDS },
	{ "--verbose",       0,                    ~0u },
	{ "--exact",         0,                    CMD_LIST },
	{ "--in-interface",  XTABLES_INV_VIA_IN,   RULE_CMDS },
	{ "--out-interface", XTABLES_INV_VIA_OUT,  RULE_CMDS },
	{ "--line-numbers",  0,                    CMD_LIST },
	{ "--set-counters",  0,   CMD_INSERT | CMD_REPLACE | CMD_APPEND | CMD_SET_POLICY },
	{ "--fragments",     XTABLES_INV_FRAG,     RULE_CMDS },
};

/* Protocols known without /etc/protocols, in the reference's order. */
static const struct {
	const char *name;
	uint8_t num;
} builtin_protos[] = {
	{ "tcp", IPPROTO_TCP }, { "sctp", IPPROTO_SCTP }, { "udp", IPPROTO_UDP },
	{ "udplite", IPPROTO_UDPLITE }, { "icmp", IPPROTO_ICMP },
	{ "ipv6-icmp", IPPROTO_ICMPV6 }, { "icmpv6", IPPROTO_ICMPV6 },
	{ "esp", IPPROTO_ESP }, { "ah", IPPROTO_AH },
	{ "mobility-header", IPPROTO_MH }, { "ipv6-mh", IPPROTO_MH },
	{ "mh", IPPROTO_MH }, { "dccp", IPPROTO_DCCP },
	{ "ipcomp", IPPROTO_COMP }, { "all", 0 },
};

/* Parsing state beyond struct cmd. */
struct parser {
	struct cmd *c;
	int argc;
	char **argv;
	bool invert;
	bool table_set;
	bool wait_interval_set;
	struct xtables_err *err;
};

static int param_fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int param_fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	p->err->status = XTABLES_PARAMETER_PROBLEM;
	p->err->raw = false;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* A message printed as it is, followed by the "Try ..." lines. */
static int tryhelp_fail(struct parser *p, const char *what, const char *arg)
{
	p->err->status = XTABLES_PARAMETER_PROBLEM;
	p->err->raw = true;
	if (what == NULL)
		p->err->msg[0] = '\0';
	else
		snprintf(p->err->msg, sizeof(p->err->msg), "%s `%s'", what, arg);
	return -1;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");

	if (d == NULL)
		abort();
	return d;
}

/* The strings of a command live in its own buffer while they fit (a
 * restore parses a command per rule line: no allocation for them). */
static bool in_strbuf(const struct cmd *c, const char *s)
{
	uintptr_t a = (uintptr_t)s, b = (uintptr_t)c->strbuf;

	return a >= b && a < b + sizeof(c->strbuf);
}

static char *cmd_strdup(struct cmd *c, const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *d;

	if (n > sizeof(c->strbuf) - c->strused)
		return xstrdup(s);
	d = c->strbuf + c->strused;
	memcpy(d, s ? s : "", n);
	c->strused += n;
	return d;
}

static void cmd_strfree(struct cmd *c, char *s)
{
	if (!in_strbuf(c, s))
		free(s);
}

static void set_str(struct cmd *c, char **dst, const char *s)
{
	cmd_strfree(c, *dst);
	*dst = cmd_strdup(c, s);
}

/* Unsigned number, whole string, base 0, no sign (xtables_strtoui). */
static bool parse_uint(const char *s, uintmax_t min, uintmax_t max,
		       uintmax_t *out)
{
	const char *q = s;
	char *end;
	uintmax_t v;

	while (isspace((unsigned char)*q))
		q++;
	if (*q == '-')
		return false;
	errno = 0;
	v = strtoumax(s, &end, 0);
	if (end == s || *end != '\0' || errno == ERANGE || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static bool has_arg(const struct parser *p)
{
	return optind < p->argc && p->argv[optind][0] != '-' &&
	       p->argv[optind][0] != '!';
}

static char cmd_letter(unsigned int cmd)
{
	unsigned int i = 0;

	while (cmd > 1) {
		cmd >>= 1;
		i++;
	}
	return i < sizeof(cmd_letters) - 1 ? cmd_letters[i] : '?';
}

static unsigned int bit_index(unsigned int bit)
{
	unsigned int i = 0;

	while (bit > 1) {
		bit >>= 1;
		i++;
	}
	return i;
}

static int add_command(struct parser *p, unsigned int newcmd,
		       unsigned int others)
{
	struct cmd *c = p->c;

	if (p->invert)
		return param_fail(p, "unexpected '!' flag");
	if (c->command & ~others)
		return param_fail(p, "Cannot use -%c with -%c",
				  cmd_letter(newcmd),
				  cmd_letter(c->command & ~others));
	c->command |= newcmd;
	return 0;
}

static int set_option(struct parser *p, unsigned int opt)
{
	struct cmd *c = p->c;
	unsigned int i = bit_index(opt);

	if (c->options & opt)
		return param_fail(p, "multiple %s options not allowed",
				  generic_opt_info[i].name);
	c->options |= opt;
	if (p->invert) {
		if (generic_opt_info[i].inv == 0)
			return param_fail(p, "cannot have ! before %s",
					  generic_opt_info[i].name);
		c->ip.invflags |= generic_opt_info[i].inv;
	}
	return 0;
}

static int parse_rulenum(struct parser *p, const char *s)
{
	uintmax_t v;

	if (!parse_uint(s, 1, INT32_MAX, &v))
		return param_fail(p, "Invalid rule number `%s'", s);
	p->c->rulenum = v;
	return 0;
}

/* -D's rule number: decimal, truncated to unsigned int as the
 * reference stores it; "a:b" ranges are an ebtables feature. */
static int parse_delete_num(struct parser *p, const char *s)
{
	unsigned int num;
	char *end;

	if (strchr(s, ':') != NULL)
		return param_fail(p, "Rule ranges are not supported");
	num = (unsigned int)strtol(s, &end, 10);
	if (*end != '\0' || num == 0)
		return param_fail(p, "Invalid rule number `%s'", s);
	p->c->rulenum = num;
	return 0;
}

/* Optional chain (and rule number) after -L, -S, -F, -Z, -X. */
static void optional_chain(struct parser *p)
{
	if (optarg)
		set_str(p->c, &p->c->chain, optarg);
	else if (has_arg(p))
		set_str(p->c, &p->c->chain, p->argv[optind++]);
}

/* ---- extensions ---- */

/* Target lookup as the reference does it: verdicts are the standard
 * target. */
static const struct xtables_ext *find_target(const struct cmd *c,
					     const char *name, bool quiet,
					     struct xtables_err *err)
{
	static const char *const verdicts[] = {
		"ACCEPT", "DROP", "QUEUE", "RETURN",
	};
	unsigned int i;

	for (i = 0; i < sizeof(verdicts) / sizeof(verdicts[0]); i++)
		if (name[0] == verdicts[i][0] && strcmp(name, verdicts[i]) == 0)
			return xtables_find_ext(c->fam, XTABLES_TARGET,
						"standard", quiet, err);
	/* a chain a restore file declared is never an extension */
	if (restore_chain_announced(name))
		return NULL;
	return xtables_find_ext(c->fam, XTABLES_TARGET, name, quiet, err);
}

/* Merge ext's options into the command's option table. */
static int merge_options(struct parser *p, struct cmd_ext *ce)
{
	struct cmd *c = p->c;
	const struct cmd_opttable *t;

	if (ce->ext->options == NULL || ce->ext->options[0].name == NULL)
		return 0;
	t = cmd_opttable_merge(c->opts, ce->ext);
	if (t == NULL)
		return xtables_fail(p->err, XTABLES_OTHER_PROBLEM,
				    "can't alloc memory!");
	cmd_opttable_release(c->opts);
	c->opts = t;
	ce->offset = t->offset;
	return 0;
}

/* Offset already used by an earlier instance of the same extension. */
static unsigned int known_offset(const struct cmd *c,
				 const struct xtables_ext *ext)
{
	unsigned int i;

	if (c->target.ext == ext && c->target.offset)
		return c->target.offset;
	for (i = 0; i < c->nmatches; i++)
		if (c->matches[i].ext == ext && c->matches[i].offset)
			return c->matches[i].offset;
	return 0;
}

/* Add a match instance to the rule (-m, or the -p protocol's). */
static int add_match(struct parser *p, const struct xtables_ext *ext,
		     bool implicit)
{
	struct cmd *c = p->c;
	struct cmd_ext *ce, *grown;
	unsigned int i, offset = known_offset(c, ext);

	if (c->nmatches == c->matches_cap) {
		unsigned int cap = c->matches_cap ? 2 * c->matches_cap : 4;

		grown = realloc(c->matches, cap * sizeof(*grown));
		if (grown == NULL)
			return xtables_fail(p->err, XTABLES_OTHER_PROBLEM,
					    "can't alloc memory!");
		c->matches = grown;
		c->matches_cap = cap;
	}
	for (i = 0; i < c->nmatches; i++)
		if (strcmp(c->matches[i].ext->name, ext->name) == 0)
			c->matches[i].completed = true;
	ce = &c->matches[c->nmatches];
	memset(ce, 0, sizeof(*ce));
	ce->ext = ext;
	ce->inst = xtables_instance_new(ext, p->err);
	if (ce->inst == NULL)
		return -1;
	ce->inst->implicit = implicit;
	c->nmatches++;
	if (offset) {
		ce->offset = offset;
		return 0;
	}
	return merge_options(p, ce);
}

static int command_match(struct parser *p, const char *name)
{
	const struct xtables_ext *ext;

	if (p->invert)
		return param_fail(p, "unexpected ! flag before --match");
	ext = xtables_find_ext(p->c->fam, XTABLES_MATCH, name, false, p->err);
	if (ext == NULL)
		return -1;
	if (ext->real_name && !(ext->ext_flags & XTABLES_EXT_ALIAS))
		xtables_warn("Notice: the %s match is converted into %s match "
			     "in rule listing and saving.",
			     ext->name, ext->real_name);
	return add_match(p, ext, false);
}

static int check_target_name(struct parser *p, const char *name)
{
	const char *q;

	if (name[0] == '\0')
		return param_fail(p, "Invalid target name (too short)");
	if (strlen(name) >= XT_EXTENSION_MAXNAMELEN)
		return param_fail(p, "Invalid target name `%s' (%u chars max)",
				  name, XT_EXTENSION_MAXNAMELEN - 1);
	for (q = name; *q; q++)
		if (isspace((unsigned char)*q))
			return param_fail(p, "Invalid target name `%s'", name);
	return 0;
}

static int command_jump(struct parser *p, const char *name)
{
	struct cmd *c = p->c;
	const struct xtables_ext *ext;

	if (check_target_name(p, name) < 0)
		return -1;
	set_str(c, &c->jumpto, name);
	ext = find_target(c, name, true, p->err);
	if (ext == NULL)
		return 0;	/* maybe a chain: resolved at execution */
	c->target.ext = ext;
	if (strcmp(ext->name, "standard") == 0)
		return 0;	/* a verdict: built as a standard target */
	if (ext->real_name && !(ext->ext_flags & XTABLES_EXT_ALIAS))
		xtables_warn("Notice: The %s target is converted into %s target "
			     "in rule listing and saving.",
			     name, ext->real_name);
	c->target.inst = xtables_instance_new(ext, p->err);
	if (c->target.inst == NULL)
		return -1;
	return merge_options(p, &c->target);
}

/* Name of protocol number proto for loading its match. */
static const char *proto_to_name(unsigned int proto, bool nolookup)
{
	unsigned int i;
	struct protoent *pe;

	for (i = 0; i < sizeof(builtin_protos) / sizeof(builtin_protos[0]); i++)
		if (builtin_protos[i].num == proto)
			return builtin_protos[i].name;
	if (proto && !nolookup) {
		pe = getprotobynumber(proto);
		if (pe != NULL)
			return pe->p_name;
	}
	return NULL;
}

/* After an unknown option: load the -p protocol's match once, so that
 * "-p tcp --dport 22" works.  Returns 1 if loaded (rerun getopt). */
static int load_proto(struct parser *p)
{
	struct cmd *c = p->c;
	const struct xtables_ext *ext;
	const char *name = c->protocol;
	uintmax_t num;

	if (c->protocol == NULL || c->proto_used)
		return 0;
	c->proto_used = true;
	if (parse_uint(c->protocol, 0, UINT8_MAX, &num)) {
		name = proto_to_name(num, c->options & OPT_NUMERIC);
		if (name == NULL)
			return 0;
	}
	ext = xtables_find_ext(c->fam, XTABLES_MATCH, name, true, p->err);
	if (ext == NULL)
		return 0;
	if (add_match(p, ext, true) < 0)
		return -1;
	return 1;
}

static const struct xtables_option *option_by_id(const struct xtables_ext *ext,
						 unsigned int id)
{
	const struct xtables_option *o;

	for (o = ext->options; o != NULL && o->name != NULL; o++)
		if (o->id == id)
			return o;
	return NULL;
}

static int ext_option(struct parser *p, struct cmd_ext *ce, int val)
{
	const struct xtables_option *opt;
	const char *arg2 = NULL;

	opt = option_by_id(ce->ext, val - ce->offset);
	if (opt == NULL)
		return param_fail(p, "Unknown arg \"%s\"", optarg ? optarg : "");
	/* an option with two words (--tcp-flags MASK COMP) takes the next */
	if ((opt->flags & XTOPT_ARG2) && has_arg(p))
		arg2 = p->argv[optind++];
	return xtables_instance_parse2(ce->inst, opt, optarg, arg2, p->invert,
				       &p->c->ip, p->err);
}

static bool in_range(const struct cmd_ext *ce, int val)
{
	return ce->inst != NULL && ce->offset != 0 &&
	       val >= (int)ce->offset && val < (int)(ce->offset + OFFSET_SCALE);
}

/* An option that is not a generic one: an extension's, or unknown.
 * Returns 1 when getopt must run again on the same argument. */
static int command_default(struct parser *p, int val)
{
	struct cmd *c = p->c;
	unsigned int i;
	int r;

	if (in_range(&c->target, val))
		return ext_option(p, &c->target, val);
	for (i = 0; i < c->nmatches; i++) {
		if (c->matches[i].completed || !in_range(&c->matches[i], val))
			continue;
		return ext_option(p, &c->matches[i], val);
	}
	r = load_proto(p);
	if (r != 0) {
		if (r > 0)
			optind--;
		return r;
	}
	if (val == ':')
		return param_fail(p, "option \"%s\" requires an argument",
				  p->argv[optind - 1]);
	if (val == '?') {
		if (optopt)
			return param_fail(p, "unknown option \"-%c\"", optopt);
		return param_fail(p, "unknown option \"%s\"",
				  p->argv[optind - 1]);
	}
	return param_fail(p, "Unknown arg \"%s\"", optarg ? optarg : "");
}

/* ---- generic options ---- */

static int assert_valid_chain_name(struct parser *p, const char *name)
{
	struct xtables_err ignored = { 0 };
	const char *q;

	if (strlen(name) >= XT_EXTENSION_MAXNAMELEN)
		return param_fail(p, "chain name `%s' too long (must be under %u chars)",
				  name, XT_EXTENSION_MAXNAMELEN);
	if (name[0] == '-' || name[0] == '!')
		return param_fail(p, "chain name not allowed to start with `%c'",
				  name[0]);
	if (find_target(p->c, name, true, &ignored) != NULL)
		return param_fail(p, "chain name may not clash with target name");
	for (q = name; *q; q++)
		if (isspace((unsigned char)*q))
			return param_fail(p, "Invalid chain name `%s'", name);
	return 0;
}

static int parse_proto_opt(struct parser *p, const char *arg)
{
	struct cmd *c = p->c;
	char *q;

	if (set_option(p, OPT_PROTOCOL) < 0)
		return -1;
	set_str(c, &c->protocol, arg);
	for (q = c->protocol; *q; q++)
		*q = tolower((unsigned char)*q);
	if (xtables_parse_protocol(c->protocol, &c->ip.proto, p->err) < 0)
		return -1;
	if (c->ip.proto == 0 && (c->ip.invflags & XTABLES_INV_PROTO))
		return param_fail(p, "rule would never match protocol");
	if (c->fam->nfproto == NFPROTO_IPV6) {
		c->ip.has_proto = true;
		if ((c->ip.proto == IPPROTO_ROUTING ||
		     c->ip.proto == IPPROTO_FRAGMENT ||
		     c->ip.proto == IPPROTO_AH ||
		     c->ip.proto == IPPROTO_DSTOPTS) &&
		    !(c->ip.invflags & XTABLES_INV_PROTO))
			fprintf(stderr, "Warning: never matched protocol: %s. "
				"use extension match instead.\n", c->protocol);
	}
	return 0;
}

static int parse_iface_opt(struct parser *p, unsigned int opt,
			   const char *arg)
{
	struct cmd *c = p->c;
	bool in = opt == OPT_VIANAMEIN;

	if (arg[0] == '\0')
		return param_fail(p, "Empty interface is likely to be undesired");
	if (set_option(p, opt) < 0)
		return -1;
	if (strlen(arg) < IFNAMSIZ && (strchr(arg, '/') || strchr(arg, ' ')))
		fprintf(stderr, "Warning: weird character in interface `%s' "
			"('/' and ' ' are not allowed by the kernel).\n", arg);
	return xtables_parse_iface(arg, in ? c->ip.iniface : c->ip.outiface,
				   in ? c->ip.iniface_mask : c->ip.outiface_mask,
				   p->err);
}

static int parse_wait(struct parser *p)
{
	const char *arg = optarg;

	if (p->c->restore)
		return param_fail(p, "You cannot use `-w' from iptables-restore");
	p->c->wait = -1;
	if (arg == NULL && has_arg(p))
		arg = p->argv[optind++];
	if (arg != NULL && sscanf(arg, "%i", &p->c->wait) != 1)
		return param_fail(p, "wait seconds not numeric");
	return 0;
}

static int parse_wait_interval(struct parser *p)
{
	const char *arg = optarg;
	unsigned int usec;

	if (p->c->restore)
		return param_fail(p, "You cannot use `-W' from iptables-restore");
	if (arg == NULL) {
		if (!has_arg(p))
			return param_fail(p, "wait interval value required");
		arg = p->argv[optind++];
	}
	if (sscanf(arg, "%u", &usec) != 1)
		return param_fail(p, "wait interval not numeric");
	if (usec > 999999)
		return param_fail(p, "too long usec wait %u > 999999 usec", usec);
	fprintf(stderr, "Ignoring deprecated --wait-interval option.\n");
	p->wait_interval_set = true;
	return 0;
}

static int parse_counters(struct parser *p)
{
	struct cmd *c = p->c;
	const char *pcnt = optarg, *bcnt;
	unsigned long long v;

	if (set_option(p, OPT_COUNTERS) < 0)
		return -1;
	bcnt = strchr(pcnt, ',');
	if (bcnt != NULL)
		bcnt++;
	if (bcnt == NULL && has_arg(p))
		bcnt = p->argv[optind++];
	if (bcnt == NULL)
		return param_fail(p, "--set-counters requires packet and byte counter");
	if (sscanf(pcnt, "%llu", &v) != 1)
		return param_fail(p, "--set-counters packet counter not numeric");
	c->counters.pcnt = v;
	if (sscanf(bcnt, "%llu", &v) != 1)
		return param_fail(p, "--set-counters byte counter not numeric");
	c->counters.bcnt = v;
	return 0;
}

/* -4 / -6: the line's family.  Returns 2 to stop parsing (restore
 * ignores lines of the other family). */
static int parse_family_opt(struct parser *p, int af)
{
	if (p->c->fam->af == af)
		return 0;
	if (p->c->restore) {
		p->c->ignored = true;
		return 2;
	}
	return tryhelp_fail(p, NULL, NULL);
}

/* One option or argument; returns 1 to rerun getopt without resetting
 * "!", 2 to stop parsing, -1 on error. */
static int parse_one(struct parser *p, int opt)
{
	struct cmd *c = p->c;

	switch (opt) {
	case 'A':
	case 'C':
		if (add_command(p, opt == 'A' ? CMD_APPEND : CMD_CHECK, CMD_NONE) < 0)
			return -1;
		set_str(c, &c->chain, optarg);
		return 0;
	case 'D':
		if (add_command(p, CMD_DELETE, CMD_NONE) < 0)
			return -1;
		set_str(c, &c->chain, optarg);
		if (has_arg(p)) {
			if (parse_delete_num(p, p->argv[optind++]) < 0)
				return -1;
			c->command = CMD_DELETE_NUM;
		}
		return 0;
	case 'R':
		if (add_command(p, CMD_REPLACE, CMD_NONE) < 0)
			return -1;
		set_str(c, &c->chain, optarg);
		if (!has_arg(p))
			return param_fail(p, "-R requires a rule number");
		return parse_rulenum(p, p->argv[optind++]);
	case 'I':
		if (add_command(p, CMD_INSERT, CMD_NONE) < 0)
			return -1;
		set_str(c, &c->chain, optarg);
		if (has_arg(p))
			return parse_rulenum(p, p->argv[optind++]);
		c->rulenum = 1;
		return 0;
	case 'L':
	case 'S':
		if (add_command(p, opt == 'L' ? CMD_LIST : CMD_LIST_RULES,
				CMD_ZERO | CMD_ZERO_NUM) < 0)
			return -1;
		optional_chain(p);
		if (has_arg(p))
			return parse_rulenum(p, p->argv[optind++]);
		return 0;
	case 'F':
	case 'X':
		if (add_command(p, opt == 'F' ? CMD_FLUSH : CMD_DELETE_CHAIN,
				CMD_NONE) < 0)
			return -1;
		optional_chain(p);
		return 0;
	case 'Z':
		if (add_command(p, CMD_ZERO, CMD_LIST | CMD_LIST_RULES) < 0)
			return -1;
		optional_chain(p);
		if (has_arg(p)) {
			if (parse_rulenum(p, p->argv[optind++]) < 0)
				return -1;
			c->command = CMD_ZERO_NUM;
		}
		return 0;
	case 'N':
		if (assert_valid_chain_name(p, optarg) < 0 ||
		    add_command(p, CMD_NEW_CHAIN, CMD_NONE) < 0)
			return -1;
		set_str(c, &c->chain, optarg);
		return 0;
	case 'E':
		if (add_command(p, CMD_RENAME_CHAIN, CMD_NONE) < 0)
			return -1;
		set_str(c, &c->chain, optarg);
		if (!has_arg(p))
			return param_fail(p, "-E requires old-chain-name and new-chain-name");
		set_str(c, &c->newname, p->argv[optind++]);
		return assert_valid_chain_name(p, c->newname);
	case 'P':
		if (add_command(p, CMD_SET_POLICY, CMD_NONE) < 0)
			return -1;
		if (!has_arg(p))
			return param_fail(p, "-P requires a chain and a policy");
		set_str(c, &c->chain, optarg);
		set_str(c, &c->policy, p->argv[optind++]);
		return 0;
	case 'h':
		if (c->nmatches == 0 && c->protocol != NULL) {
			const struct xtables_ext *ext;

			ext = xtables_find_ext(c->fam, XTABLES_MATCH,
					       c->protocol, true, p->err);
			if (ext != NULL && add_match(p, ext, true) < 0)
				return -1;
		}
		c->info = INFO_HELP;
		return 2;
	case 'V':
		c->info = p->invert ? INFO_NOT_VERSION : INFO_VERSION;
		return 2;
	case 'p':
		return parse_proto_opt(p, optarg);
	case 's':
	case 'd':
		if (set_option(p, opt == 's' ? OPT_SOURCE : OPT_DESTINATION) < 0)
			return -1;
		set_str(c, opt == 's' ? &c->shost : &c->dhost, optarg);
		return 0;
	case 'g':
		if (set_option(p, OPT_JUMP) < 0 || check_target_name(p, optarg) < 0)
			return -1;
		c->ip.flags |= XTABLES_IPF_GOTO;
		set_str(c, &c->jumpto, optarg);
		return 0;
	case 'j':
		if (set_option(p, OPT_JUMP) < 0)
			return -1;
		if (strcmp(optarg, "CONTINUE") == 0)
			return 0;
		return command_jump(p, optarg);
	case 'i':
	case 'o':
		return parse_iface_opt(p, opt == 'i' ? OPT_VIANAMEIN :
				       OPT_VIANAMEOUT, optarg);
	case 'f':
		if (c->fam->nfproto == NFPROTO_IPV6)
			return param_fail(p, "`-f' is not supported in IPv6, use -m frag instead");
		if (set_option(p, OPT_FRAGMENT) < 0)
			return -1;
		c->ip.flags |= XTABLES_IPF_FRAG;
		return 0;
	case 'v':
		if (c->verbose == 0 && set_option(p, OPT_VERBOSE) < 0)
			return -1;
		c->verbose++;
		return 0;
	case 'm':
		return command_match(p, optarg);
	case 'n':
		return set_option(p, OPT_NUMERIC);
	case 'x':
		return set_option(p, OPT_EXPANDED);
	case '0':
		return set_option(p, OPT_LINENUMBERS);
	case 't':
		if (p->invert)
			return param_fail(p, "unexpected ! flag before --table");
		if (c->restore && p->table_set)
			return param_fail(p, "The -t option cannot be used in %s.\n",
					  c->fam->prog);
		set_str(c, &c->table, optarg);
		p->table_set = true;
		return 0;
	case 'w':
		return parse_wait(p);
	case 'W':
		return parse_wait_interval(p);
	case 'M':
		return 0;	/* modules are the kernel's business here */
	case 'c':
		return parse_counters(p);
	case '4':
		return parse_family_opt(p, AF_INET);
	case '6':
		return parse_family_opt(p, AF_INET6);
	case 1:
		if (strcmp(optarg, "!") == 0) {
			if (p->invert)
				return param_fail(p, "multiple consecutive ! not allowed");
			p->invert = true;
			return 1;
		}
		return tryhelp_fail(p, "Bad argument", optarg);
	default:
		return command_default(p, opt);
	}
}

/* ---- after the last option ---- */

/* The address of a rule without -s or -d, one string per family (so
 * that it is known by its pointer). */
static const char *any_addr(const struct xtables_family *fam)
{
	return fam->nfproto == NFPROTO_IPV6 ? "::0/0" : "0.0.0.0/0";
}

static int expand_addrs(struct parser *p, const char *arg,
			struct cmd_addrs *out)
{
	struct xtables_addrs a = { 0 };
	unsigned int i;

	/* the "anywhere" every rule without -s or -d gets: no parsing and
	 * no allocation (it is what parsing it would give) */
	if (arg == any_addr(p->c->fam) ||
	    strcmp(arg, any_addr(p->c->fam)) == 0) {
		memset(&out->one_addr, 0, sizeof(out->one_addr));
		memset(&out->one_mask, 0, sizeof(out->one_mask));
		out->addr = &out->one_addr;
		out->mask = &out->one_mask;
		out->n = 1;
		return 0;
	}
	if (xtables_parse_addr_list(p->c->fam, arg, &a, p->err) < 0)
		return -1;
	if (a.n == 1) {
		out->addr = &out->one_addr;
		out->mask = &out->one_mask;
	} else {
		out->addr = calloc(a.n ? a.n : 1, sizeof(*out->addr));
		out->mask = calloc(a.n ? a.n : 1, sizeof(*out->mask));
		if (out->addr == NULL || out->mask == NULL)
			abort();
	}
	for (i = 0; i < a.n; i++) {
		out->addr[i] = a.addr[i];
		out->mask[i] = a.masks ? a.masks[i] : a.mask;
	}
	out->n = a.n;
	xtables_addrs_free(&a);
	return 0;
}

static int post_parse(struct parser *p)
{
	struct cmd *c = p->c;
	const char *any = any_addr(c->fam);
	const char *s = c->shost, *d = c->dhost;

	if (c->command & RULE_CMDS) {
		if (!(c->options & OPT_DESTINATION))
			d = any;
		if (!(c->options & OPT_SOURCE))
			s = any;
	}
	if (s != NULL && expand_addrs(p, s, &c->src) < 0)
		return -1;
	if (d != NULL && expand_addrs(p, d, &c->dst) < 0)
		return -1;
	if ((c->src.n > 1 || c->dst.n > 1) &&
	    (c->ip.invflags & (XTABLES_INV_SRCIP | XTABLES_INV_DSTIP)))
		return param_fail(p, "! not allowed with multiple source or destination IP addresses");
	return 0;
}

static int final_checks(struct parser *p)
{
	struct cmd *c = p->c;
	unsigned int i;

	if (c->table[0] == 'n' && strcmp(c->table, "nat") == 0 &&
	    ((c->policy != NULL && strcmp(c->policy, "DROP") == 0) ||
	     strcmp(c->jumpto, "DROP") == 0))
		return param_fail(p, "\nThe \"nat\" table is not intended for filtering, "
				  "the use of DROP is therefore inhibited.\n\n");
	if (c->wait == 0 && p->wait_interval_set)
		return param_fail(p, "--wait-interval only makes sense with --wait\n");
	for (i = 0; i < c->nmatches; i++)
		if (xtables_instance_final(c->matches[i].inst, &c->ip, p->err) < 0)
			return -1;
	if (c->target.inst != NULL &&
	    xtables_instance_final(c->target.inst, &c->ip, p->err) < 0)
		return -1;
	if (optind < p->argc)
		return param_fail(p, "unknown arguments found on commandline");
	if (c->command == CMD_NONE)
		return param_fail(p, "no command specified");
	if (p->invert)
		return param_fail(p, "nothing appropriate following !");
	if (post_parse(p) < 0)
		return -1;
	for (unsigned int set = c->options; set != 0; set &= set - 1) {
		i = (unsigned int)__builtin_ctz(set);	/* lowest first */
		if ((generic_opt_info[i].cmds & c->command) != c->command)
			return param_fail(p, "Illegal option `%s' with this command",
					  generic_opt_info[i].name);
	}
	if (c->chain != NULL && strlen(c->chain) >= XT_EXTENSION_MAXNAMELEN)
		return param_fail(p, "chain name `%s' too long (must be under %u chars)",
				  c->chain, XT_EXTENSION_MAXNAMELEN);
	if (c->command == CMD_APPEND || c->command == CMD_DELETE ||
	    c->command == CMD_CHECK || c->command == CMD_INSERT ||
	    c->command == CMD_REPLACE) {
		if ((c->options & OPT_VIANAMEOUT) &&
		    (strcmp(c->chain, "PREROUTING") == 0 ||
		     strcmp(c->chain, "INPUT") == 0))
			return param_fail(p, "Can't use --out-interface with %s",
					  c->chain);
		if ((c->options & OPT_VIANAMEIN) &&
		    (strcmp(c->chain, "POSTROUTING") == 0 ||
		     strcmp(c->chain, "OUTPUT") == 0))
			return param_fail(p, "Can't use --in-interface with %s",
					  c->chain);
	}
	return 0;
}

/* ---- public ---- */

/* The last command freed, kept for the next cmd_parse() (a restore
 * parses one per rule line) with its room for matches. */
static struct cmd *spare;

static struct cmd *cmd_new(void)
{
	struct cmd *c = spare;
	struct cmd_ext *matches = NULL;
	unsigned int cap = 0;

	spare = NULL;
	if (c == NULL) {
		c = malloc(sizeof(*c));
		if (c == NULL)
			abort();
	} else {
		matches = c->matches;
		cap = c->matches_cap;
	}
	/* the string buffer needs no clearing */
	memset(c, 0, offsetof(struct cmd, strbuf));
	c->matches = matches;
	c->matches_cap = cap;
	return c;
}

struct cmd *cmd_parse(const struct cmd_env *env, int argc, char **argv,
		      struct xtables_err *err)
{
	struct parser p = {
		.argc = argc,
		.argv = argv,
		.err = err,
		.table_set = env->restore,
	};
	struct cmd *c = cmd_new();
	struct cmd_getopt scan;
	int opt, r = 0;

	err->status = 0;
	err->raw = false;
	err->line = 0;
	err->msg[0] = '\0';
	p.c = c;
	c->fam = env->fam;
	c->restore = env->restore;
	c->ip.family = env->fam->nfproto;
	c->table = cmd_strdup(c, env->table ? env->table : "filter");
	if (c->strused < sizeof(c->strbuf)) {
		/* "" (cmd_strdup() of it, without the calls) */
		c->jumpto = c->strbuf + c->strused;
		c->strbuf[c->strused++] = '\0';
	} else {
		c->jumpto = cmd_strdup(c, "");
	}

	c->opts = cmd_opttable_root(generic_options(c->fam), N_GENERIC);
	if (c->opts == NULL) {
		xtables_fail(err, XTABLES_OTHER_PROBLEM, "can't alloc memory!");
		goto fail;
	}
	cmd_getopt_start(&scan);
	while ((opt = cmd_getopt_next_indexed(&scan, argc, argv, optstring,
					      c->opts->opts,
					      &c->opts->index)) != -1) {
		r = parse_one(&p, opt);
		if (r < 0)
			goto fail;
		if (r == 2)
			return c;	/* -h, -V, or a line to ignore */
		if (r == 1)
			continue;	/* keep "!" / rerun after loading */
		p.invert = false;
	}
	if (final_checks(&p) < 0)
		goto fail;
	return c;
fail:
	cmd_free(c);
	return NULL;
}

void cmd_free(struct cmd *c)
{
	unsigned int i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nmatches; i++)
		if (c->matches[i].inst != NULL)
			xtables_instance_free(c->matches[i].inst);
	if (c->target.inst != NULL)
		xtables_instance_free(c->target.inst);
	cmd_strfree(c, c->table);
	cmd_strfree(c, c->chain);
	cmd_strfree(c, c->newname);
	cmd_strfree(c, c->policy);
	cmd_strfree(c, c->protocol);
	cmd_strfree(c, c->jumpto);
	cmd_strfree(c, c->shost);
	cmd_strfree(c, c->dhost);
	if (c->src.addr != &c->src.one_addr) {
		free(c->src.addr);
		free(c->src.mask);
	}
	if (c->dst.addr != &c->dst.one_addr) {
		free(c->dst.addr);
		free(c->dst.mask);
	}
	if (c->opts != NULL)
		cmd_opttable_release(c->opts);
	if (spare == NULL) {
		spare = c;
		return;
	}
	free(c->matches);
	free(c);
}

const char *cmd_table(const struct cmd *c)
{
	return c->table;
}

void cmd_wait(const struct cmd *c, int *wait_secs, long *interval_us)
{
	/* the reference: 0 = don't wait, < 0 = forever, > 0 = seconds */
	if (c->wait == 0)
		*wait_secs = -1;
	else if (c->wait < 0)
		*wait_secs = 0;
	else
		*wait_secs = c->wait;
	*interval_us = 1000000;
}

bool cmd_is_informational(const struct cmd *c)
{
	return c->info != INFO_NONE;
}
