/*
 * icmp_codes.c - ICMP and ICMPv6 type names, and the parsing and
 * printing the icmp and icmp6 matches share (see icmp_codes.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "icmp_codes.h"

#define ALL 0, 0xFF

/* Names in upstream's order (help, prefix matching and -L use it). */
static const struct icmp_name ipv4[] = {
	{ "any", 0xFF, ALL },
	{ "echo-reply", 0, ALL },
	{ "pong", 0, ALL },
	{ "destination-unreachable", 3, ALL },
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
	{ "source-quench", 4, ALL },
	{ "redirect", 5, ALL },
	{ "network-redirect", 5, 0, 0 },
	{ "host-redirect", 5, 1, 1 },
	{ "TOS-network-redirect", 5, 2, 2 },
	{ "TOS-host-redirect", 5, 3, 3 },
	{ "echo-request", 8, ALL },
	{ "ping", 8, ALL },
	{ "router-advertisement", 9, ALL },
	{ "router-solicitation", 10, ALL },
	{ "time-exceeded", 11, ALL },
	{ "ttl-exceeded", 11, ALL },
	{ "ttl-zero-during-transit", 11, 0, 0 },
	{ "ttl-zero-during-reassembly", 11, 1, 1 },
	{ "parameter-problem", 12, ALL },
	{ "ip-header-bad", 12, 0, 0 },
	{ "required-option-missing", 12, 1, 1 },
	{ "timestamp-request", 13, ALL },
	{ "timestamp-reply", 14, ALL },
	{ "address-mask-request", 17, ALL },
	{ "address-mask-reply", 18, ALL },
};

static const struct icmp_name ipv6[] = {
	{ "destination-unreachable", 1, ALL },
	{ "no-route", 1, 0, 0 },
	{ "communication-prohibited", 1, 1, 1 },
	{ "beyond-scope", 1, 2, 2 },
	{ "address-unreachable", 1, 3, 3 },
	{ "port-unreachable", 1, 4, 4 },
	{ "failed-policy", 1, 5, 5 },
	{ "reject-route", 1, 6, 6 },
	{ "packet-too-big", 2, ALL },
	{ "time-exceeded", 3, ALL },
	{ "ttl-exceeded", 3, ALL },
	{ "ttl-zero-during-transit", 3, 0, 0 },
	{ "ttl-zero-during-reassembly", 3, 1, 1 },
	{ "parameter-problem", 4, ALL },
	{ "bad-header", 4, 0, 0 },
	{ "unknown-header-type", 4, 1, 1 },
	{ "unknown-option", 4, 2, 2 },
	{ "echo-request", 128, ALL },
	{ "ping", 128, ALL },
	{ "echo-reply", 129, ALL },
	{ "pong", 129, ALL },
	{ "mld-listener-query", 130, ALL },
	{ "mld-listener-report", 131, ALL },
	{ "mld-listener-done", 132, ALL },
	{ "mld-listener-reduction", 132, ALL },
	{ "router-solicitation", 133, ALL },
	{ "router-advertisement", 134, ALL },
	{ "neighbour-solicitation", 135, ALL },
	{ "neighbor-solicitation", 135, ALL },
	{ "neighbour-advertisement", 136, ALL },
	{ "neighbor-advertisement", 136, ALL },
	{ "redirect", 137, ALL },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct icmp_names icmp_names_ipv4 = { "ICMP", ipv4, N(ipv4) };
const struct icmp_names icmp_names_ipv6 = { "ICMPv6", ipv6, N(ipv6) };

void icmp_help_types(FILE *out, const struct icmp_names *t)
{
	for (unsigned int i = 0; i < t->n; i++) {
		const struct icmp_name *n = &t->names[i], *prev = n - 1;

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

/* A code after '/' (end set past it); false if none in 0..255. */
static bool parse_code(const char *s, char **end, uint8_t *code)
{
	unsigned long v = strtoul(s, end, 0);

	if (*end == s || v > UINT8_MAX)
		return false;
	*code = v;
	return true;
}

int icmp_parse_type(struct xtables_optcall *cb, const struct icmp_names *t,
		    uint8_t *type, uint8_t code[2])
{
	const char *arg = cb->arg;
	size_t len = strlen(arg);
	unsigned int match = t->n;
	unsigned long v;
	char *end;

	for (unsigned int i = 0; i < t->n; i++) {
		/* a first letter differing even folded: no match (cheap) */
		if (len > 0 && (t->names[i].name[0] | 0x20) != (arg[0] | 0x20))
			continue;
		if (strncasecmp(t->names[i].name, arg, len) != 0)
			continue;
		if (match != t->n)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"Ambiguous %s type `%s': `%s' or `%s'?",
				t->label, arg, t->names[match].name,
				t->names[i].name);
		match = i;
	}
	if (match != t->n) {
		*type = t->names[match].type;
		code[0] = t->names[match].code_min;
		code[1] = t->names[match].code_max;
		return 0;
	}
	v = strtoul(arg, &end, 0);
	if (end == arg || v > UINT8_MAX)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "Unknown %s type `%s'", t->label, arg);
	*type = v;
	code[0] = 0;
	code[1] = 0xFF;
	if (*end == '/') {
		if (!parse_code(end + 1, &end, &code[0]))
			goto bad_code;
		code[1] = code[0];
		if (*end == ':' && !parse_code(end + 1, &end, &code[1]))
			goto bad_code;
	}
	if (*end != '\0')
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "unknown character %c", *end);
	return 0;
bad_code:
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "Unknown %s code `%s'", t->label, arg);
}

void icmp_print_type(FILE *out, const struct icmp_names *t, uint8_t type,
		     uint8_t code_min, uint8_t code_max, bool invert,
		     bool numeric)
{
	if (!numeric) {
		for (unsigned int i = 0; i < t->n; i++) {
			const struct icmp_name *n = &t->names[i];

			if (n->type == type && n->code_min == code_min &&
			    n->code_max == code_max) {
				xtables_puts(out, invert ? " !" : " ");
				xtables_puts(out, n->name);
				return;
			}
		}
	}
	if (invert)
		xtables_put_lit(out, " !");
	xtables_put_lit(out, "type ");
	xtables_put_uint(out, type);
	if (code_min == code_max) {
		xtables_put_lit(out, " code ");
		xtables_put_uint(out, code_min);
	} else if (code_min != 0 || code_max != 0xFF) {
		xtables_put_lit(out, " codes ");
		xtables_put_uint(out, code_min);
		putc_unlocked('-', out);
		xtables_put_uint(out, code_max);
	}
}
