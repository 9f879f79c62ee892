/*
 * icmp_codes.h - what the icmp (IPv4) and icmp6 (IPv6) matches share:
 * a table of type names, the "Valid ... Types" help list, parsing
 * "name" or "type[/code[:code]]", and the -L form of a type with its
 * code range.  Linked into both extensions' shared objects; not part of
 * libxtables.
 */
#ifndef ICMP_CODES_H
#define ICMP_CODES_H

#include <xtables/extension.h>

#pragma GCC visibility push(hidden)

/* One name: a type with all its codes (code_min 0, code_max 0xFF), or
 * one code; an alias follows its main name with the same values. */
struct icmp_name {
	const char *name;
	uint8_t type, code_min, code_max;
};

/* A family's names and the word its messages use ("ICMP", "ICMPv6"). */
struct icmp_names {
	const char *label;
	const struct icmp_name *names;
	unsigned int n;
};

extern const struct icmp_names icmp_names_ipv4, icmp_names_ipv6;

/* The list after "Valid ICMP Types:": main names on their own line,
 * codes indented, aliases in parentheses. */
void icmp_help_types(FILE *out, const struct icmp_names *t);

/* Parse a name (case-insensitive prefix) or "type[/code[:code]]" into
 * type and code[0..1].  Returns 0, or -1 with cb->err set. */
int icmp_parse_type(struct xtables_optcall *cb, const struct icmp_names *t,
		    uint8_t *type, uint8_t code[2]);

/* -L form after the match label: " name" (" !name"), or "type N" with
 * " code C" / " codes A-B" (" !type N" when inverted), as upstream. */
void icmp_print_type(FILE *out, const struct icmp_names *t, uint8_t type,
		     uint8_t code_min, uint8_t code_max, bool invert,
		     bool numeric);

#pragma GCC visibility pop
#endif
