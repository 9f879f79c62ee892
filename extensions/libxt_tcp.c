/*
 * libxt_tcp.c - the tcp match: ports, flags, --syn, option number.
 * Upstream parses these options itself (not through the option core),
 * so its own messages ("Only one `--source-port' allowed", ...) are
 * reproduced here; the core only hands over the raw arguments.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter/xt_tcpudp.h>
#include <xtables/extension.h>

enum { O_SPORT, O_DPORT, O_SYN, O_FLAGS, O_OPTION };

static void tcp_help(FILE *out)
{
	fputs("tcp match options:\n"
	      "[!] --tcp-flags mask comp\tmatch when TCP flags & mask == comp\n"
	      "\t\t\t\t(Flags: SYN ACK FIN RST URG PSH ALL NONE)\n"
	      "[!] --syn\t\t\tmatch when only SYN flag set\n"
	      "\t\t\t\t(equivalent to --tcp-flags SYN,RST,ACK,FIN SYN)\n"
	      "[!] --source-port port[:port]\n"
	      " --sport ...\n"
	      "\t\t\t\tmatch source port(s)\n"
	      "[!] --destination-port port[:port]\n"
	      " --dport ...\n"
	      "\t\t\t\tmatch destination port(s)\n"
	      "[!] --tcp-option number        match if TCP option set\n", out);
}

#define ARG_OPT(optname, oid) \
	{ .name = optname, .id = oid, .type = XTTYPE_STRING, \
	  .flags = XTOPT_INVERT | XTOPT_MULTI }

static const struct xtables_option tcp_opts[] = {
	ARG_OPT("source-port", O_SPORT),
	ARG_OPT("sport", O_SPORT),
	ARG_OPT("destination-port", O_DPORT),
	ARG_OPT("dport", O_DPORT),
	{ .name = "syn", .id = O_SYN, .type = XTTYPE_NONE,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "tcp-flags", .id = O_FLAGS, .type = XTTYPE_STRING,
	  .flags = XTOPT_INVERT | XTOPT_MULTI | XTOPT_ARG2 },
	ARG_OPT("tcp-option", O_OPTION),
	XTABLES_OPT_END,
};

static const struct {
	const char *name;
	uint8_t flag;
} tcp_flags[] = {
	{ "FIN", 0x01 }, { "SYN", 0x02 }, { "RST", 0x04 }, { "PSH", 0x08 },
	{ "ACK", 0x10 }, { "URG", 0x20 }, { "ALL", 0x3F }, { "NONE", 0 },
};
#define NFLAGS (sizeof(tcp_flags) / sizeof(tcp_flags[0]))

static void tcp_init(void *data)
{
	struct xt_tcp *t = data;

	t->spts[1] = t->dpts[1] = 0xFFFF;
}

static int parse_flag_list(struct xtables_optcall *cb, const char *s,
			   uint8_t *out)
{
	char *buf = strdup(s), *tok, *save = NULL;
	unsigned int ret = 0, i;

	if (buf == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "out of memory");
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < NFLAGS; i++)
			if (strcasecmp(tcp_flags[i].name, tok) == 0) {
				ret |= tcp_flags[i].flag;
				break;
			}
		if (i == NFLAGS) {
			xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				     "Unknown TCP flag `%s'", tok);
			free(buf);
			return -1;
		}
	}
	free(buf);
	*out = ret;
	return 0;
}

static int set_flags(struct xtables_optcall *cb, const char *mask,
		     const char *cmp)
{
	struct xt_tcp *t = cb->data;

	if (parse_flag_list(cb, mask, &t->flg_mask) != 0 ||
	    parse_flag_list(cb, cmp, &t->flg_cmp) != 0)
		return -1;
	if (cb->invert)
		t->invflags |= XT_TCP_INV_FLAGS;
	return 0;
}

static int tcp_parse(struct xtables_optcall *cb)
{
	struct xt_tcp *t = cb->data;
	unsigned int seen = cb->seen;

	switch (cb->opt->id) {
	case O_SPORT:
		if (seen & (1 << O_SPORT))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Only one `--source-port' allowed");
		if (xtables_parse_port_range(cb->arg, "tcp", t->spts, cb->err) != 0)
			return -1;
		if (cb->invert)
			t->invflags |= XT_TCP_INV_SRCPT;
		return 0;
	case O_DPORT:
		if (seen & (1 << O_DPORT))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Only one `--destination-port' allowed");
		if (xtables_parse_port_range(cb->arg, "tcp", t->dpts, cb->err) != 0)
			return -1;
		if (cb->invert)
			t->invflags |= XT_TCP_INV_DSTPT;
		return 0;
	case O_SYN:
	case O_FLAGS:
		if (seen & ((1 << O_SYN) | (1 << O_FLAGS)))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Only one of `--syn' or `--tcp-flags'  allowed");
		if (cb->opt->id == O_SYN)
			return set_flags(cb, "SYN,RST,ACK,FIN", "SYN");
		if (cb->arg2 == NULL)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "--tcp-flags requires two args.");
		return set_flags(cb, cb->arg, cb->arg2);
	case O_OPTION: {
		uint64_t num;

		if (seen & (1 << O_OPTION))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Only one `--tcp-option' allowed");
		if (xtables_strtoul(cb->arg, NULL, &num, 1, UINT8_MAX) != 0)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Bad TCP option \"%s\"", cb->arg);
		t->option = num;
		if (cb->invert)
			t->invflags |= XT_TCP_INV_OPTION;
		return 0;
	}
	}
	return 0;
}

/* Flag names, lowest bit first ("FIN,SYN"), or NONE.  Bits without a
 * name (ECE 0x40, CWR 0x80: the kernel accepts them from other tools)
 * end the list as one hex number, where the reference reads past its
 * table of names. */
static void print_flag_names(FILE *out, uint8_t flags)
{
	bool any = false;

	while (flags) {
		unsigned int i = 0;

		while (i < NFLAGS && (flags & tcp_flags[i].flag) == 0)
			i++;
		if (any)
			putc_unlocked(',', out);
		any = true;
		if (i == NFLAGS) {
			static const char hex[] = "0123456789abcdef";
			char num[5] = { '0', 'x', hex[flags >> 4], hex[flags & 15], '\0' };

			xtables_puts(out, num);
			break;
		}
		xtables_puts(out, tcp_flags[i].name);
		flags &= ~tcp_flags[i].flag;
	}
	if (!any)
		xtables_put_lit(out, "NONE");
}

static void tcp_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_tcp *t = data;
	bool numeric = flags & XTABLES_PRINT_NUMERIC;
	bool inv;

	xtables_put_lit(out, " tcp");
	xtables_print_port_range(out, "spt", t->spts,
				 t->invflags & XT_TCP_INV_SRCPT, "tcp", numeric);
	xtables_print_port_range(out, "dpt", t->dpts,
				 t->invflags & XT_TCP_INV_DSTPT, "tcp", numeric);
	inv = t->invflags & XT_TCP_INV_OPTION;
	if (t->option || inv)
		fprintf(out, " option=%s%u", inv ? "!" : "", t->option);
	inv = t->invflags & XT_TCP_INV_FLAGS;
	if (t->flg_mask || inv) {
		xtables_puts(out, inv ? " flags:!" : " flags:");
		if (numeric) {
			static const char hex[] = "0123456789ABCDEF";
			const char text[] = {
				'0', 'x', hex[t->flg_mask >> 4],
				hex[t->flg_mask & 15], '/', '0', 'x',
				hex[t->flg_cmp >> 4], hex[t->flg_cmp & 15],
			};

			xtables_put(out, text, sizeof(text));
		} else {
			print_flag_names(out, t->flg_mask);
			putc_unlocked('/', out);
			print_flag_names(out, t->flg_cmp);
		}
	}
	if (t->invflags & ~XT_TCP_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			t->invflags & ~XT_TCP_INV_MASK);
}

static void save_ports(FILE *out, const char *opt, const uint16_t *p,
		       bool invert)
{
	if (p[0] == 0 && p[1] == 0xFFFF && !invert)
		return;
	xtables_save_port_range(out, opt, p, invert);
}

static void tcp_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_tcp *t = data;

	save_ports(out, "sport", t->spts, t->invflags & XT_TCP_INV_SRCPT);
	save_ports(out, "dport", t->dpts, t->invflags & XT_TCP_INV_DSTPT);
	if (t->option || (t->invflags & XT_TCP_INV_OPTION)) {
		if (t->invflags & XT_TCP_INV_OPTION)
			fputs(" !", out);
		fprintf(out, " --tcp-option %u", t->option);
	}
	if (t->flg_mask || (t->invflags & XT_TCP_INV_FLAGS)) {
		if (t->invflags & XT_TCP_INV_FLAGS)
			xtables_put_lit(out, " !");
		xtables_put_lit(out, " --tcp-flags ");
		print_flag_names(out, t->flg_mask);
		putc_unlocked(' ', out);
		print_flag_names(out, t->flg_cmp);
	}
}

static const struct xtables_ext tcp_ext[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "tcp",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_tcp),
		.help = tcp_help,
		.init = tcp_init,
		.options = tcp_opts,
		.parse = tcp_parse,
		.print = tcp_print,
		.save = tcp_save,
	},
};

XTABLES_EXTENSIONS(tcp_ext)
