/*
 * libipt_icmp.c - the IPv4 icmp match: a type (with a code or code
 * range), by name from the table below or as "type[/code]".
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter_ipv4/ip_tables.h>

struct icmp_name {
	const char *name;
	uint8_t type, code_min, code_max;
};

/* Names in upstream's order (help, prefix matching and -L use it). */
static const struct icmp_name icmp_names[] = {
	{ "any", 0xFF, 0, 0xFF },
	{ "echo-reply", 0, 0, 0xFF },
	{ "pong", 0, 0, 0xFF },
	{ "destination-unreachable", 3, 0, 0xFF },
	{ "network-unreachable", 3, 0, 0 },
	{ "host-unreachable", 3, 1, 1 },
	{ "protocol-unreachable", 3, 2, 2 },
	{ "port-unreachable", 3, 3, 3 },
	{ "fragmentation-needed", 3, 4, 4 },
	{ "source-route-failed", 3, 5, 5 },
	{ "network-unknown", 3, 6, 6 },
	{ "host-unknown", 3, 7, 7 },
	{ "network-prohibited", 3, 9, 9 },
	{ "host-prohibited", 3, 10, 10 },
	{ "TOS-network-unreachable", 3, 11, 11 },
	{ "TOS-host-unreachable", 3, 12, 12 },
	{ "communication-prohibited", 3, 13, 13 },
	{ "host-precedence-violation", 3, 14, 14 },
	{ "precedence-cutoff", 3, 15, 15 },
	{ "source-quench", 4, 0, 0xFF },
	{ "redirect", 5, 0, 0xFF },
	{ "network-redirect", 5, 0, 0 },
	{ "host-redirect", 5, 1, 1 },
	{ "TOS-network-redirect", 5, 2, 2 },
	{ "TOS-host-redirect", 5, 3, 3 },
	{ "echo-request", 8, 0, 0xFF },
	{ "ping", 8, 0, 0xFF },
	{ "router-advertisement", 9, 0, 0xFF },
	{ "router-solicitation", 10, 0, 0xFF },
	{ "time-exceeded", 11, 0, 0xFF },
	{ "ttl-exceeded", 11, 0, 0xFF },
	{ "ttl-zero-during-transit", 11, 0, 0 },
	{ "ttl-zero-during-reassembly", 11, 1, 1 },
	{ "parameter-problem", 12, 0, 0xFF },
	{ "ip-header-bad", 12, 0, 0 },
	{ "required-option-missing", 12, 1, 1 },
	{ "timestamp-request", 13, 0, 0xFF },
	{ "timestamp-reply", 14, 0, 0xFF },
	{ "address-mask-request", 17, 0, 0xFF },
	{ "address-mask-reply", 18, 0, 0xFF },
};
#define NNAMES (sizeof(icmp_names) / sizeof(icmp_names[0]))

static void icmp_help(FILE *out)
{
	fputs("icmp match options:\n"
	      "[!] --icmp-type typename\tmatch icmp type\n"
	      "[!] --icmp-type type[/code]\t(or numeric type or type/code)\n"
	      "Valid ICMP Types:", out);
	for (unsigned int i = 0; i < NNAMES; i++) {
		const struct icmp_name *n = &icmp_names[i], *prev = n - 1;

		if (i > 0 && n->type == prev->type) {
			if (n->code_min == prev->code_min &&
			    n->code_max == prev->code_max)
				fprintf(out, " (%s)", n->name);
			else
				fprintf(out, "\n   %s", n->name);
		} else {
			fprintf(out, "\n%s", n->name);
		}
	}
	fputc('\n', out);
}

enum { O_ICMP_TYPE };

static const struct xtables_option icmp_opts[] = {
	{ .name = "icmp-type", .id = O_ICMP_TYPE, .type = XTTYPE_STRING,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void icmp_init(void *data)
{
	struct ipt_icmp *i = data;

	i->type = 0xFF;
	i->code[1] = 0xFF;
}

static int parse_typecode(struct xtables_optcall *cb, struct ipt_icmp *icmp)
{
	const char *arg = cb->arg;
	size_t len = strlen(arg);
	unsigned int match = NNAMES;
	unsigned long type, code;
	char *end;

	for (unsigned int i = 0; i < NNAMES; i++) {
		if (strncasecmp(icmp_names[i].name, arg, len) != 0)
			continue;
		if (match != NNAMES)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"Ambiguous ICMP type `%s': `%s' or `%s'?",
				arg, icmp_names[match].name, icmp_names[i].name);
		match = i;
	}
	if (match != NNAMES) {
		icmp->type = icmp_names[match].type;
		icmp->code[0] = icmp_names[match].code_min;
		icmp->code[1] = icmp_names[match].code_max;
		return 0;
	}
	type = strtoul(arg, &end, 0);
	if (end == arg || type > UINT8_MAX)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "Unknown ICMP type `%s'", arg);
	icmp->type = type;
	icmp->code[0] = 0;
	icmp->code[1] = 0xFF;
	if (*end == '/') {
		const char *c = end + 1;

		code = strtoul(c, &end, 0);
		if (end == c || code > UINT8_MAX)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Unknown ICMP code `%s'", arg);
		icmp->code[0] = icmp->code[1] = code;
		if (*end == ':') {
			c = end + 1;
			code = strtoul(c, &end, 0);
			if (end == c || code > UINT8_MAX)
				return xtables_fail(cb->err,
						    XTABLES_PARAMETER_PROBLEM,
						    "Unknown ICMP code `%s'", arg);
			icmp->code[1] = code;
		}
	}
	if (*end != '\0')
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "unknown character %c", *end);
	return 0;
}

static int icmp_parse(struct xtables_optcall *cb)
{
	struct ipt_icmp *icmp = cb->data;

	if (parse_typecode(cb, icmp) != 0)
		return -1;
	if (cb->invert)
		icmp->invflags |= IPT_ICMP_INV;
	return 0;
}

static void icmp_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct ipt_icmp *icmp = data;
	bool invert = icmp->invflags & IPT_ICMP_INV;

	fputs(" icmp", out);
	if (!(flags & XTABLES_PRINT_NUMERIC)) {
		for (unsigned int i = 0; i < NNAMES; i++) {
			const struct icmp_name *n = &icmp_names[i];

			if (n->type == icmp->type &&
			    n->code_min == icmp->code[0] &&
			    n->code_max == icmp->code[1]) {
				fprintf(out, " %s%s", invert ? "!" : "", n->name);
				goto flags;
			}
		}
	}
	if (invert)
		fputs(" !", out);
	fprintf(out, "type %u", icmp->type);
	if (icmp->code[0] == icmp->code[1])
		fprintf(out, " code %u", icmp->code[0]);
	else if (icmp->code[0] != 0 || icmp->code[1] != 0xFF)
		fprintf(out, " codes %u-%u", icmp->code[0], icmp->code[1]);
flags:
	if (icmp->invflags & ~IPT_ICMP_INV)
		fprintf(out, " Unknown invflags: 0x%X",
			icmp->invflags & ~IPT_ICMP_INV);
}

static void icmp_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct ipt_icmp *icmp = data;

	if (icmp->invflags & IPT_ICMP_INV)
		fputs(" !", out);
	if (icmp->type == 0xFF && icmp->code[0] == 0 && icmp->code[1] == 0xFF) {
		fputs(" --icmp-type any", out);
		return;
	}
	fprintf(out, " --icmp-type %u", icmp->type);
	if (icmp->code[0] != 0 || icmp->code[1] != 0xFF)
		fprintf(out, "/%u", icmp->code[0]);
}

static const struct xtables_ext icmp_ext[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "icmp",
		.family = NFPROTO_IPV4,
		.size = sizeof(struct ipt_icmp),
		.help = icmp_help,
		.init = icmp_init,
		.options = icmp_opts,
		.parse = icmp_parse,
		.print = icmp_print,
		.save = icmp_save,
	},
};

XTABLES_EXTENSIONS(icmp_ext)
