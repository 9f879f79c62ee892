/*
 * cmd.h - the parsed command line (struct cmd), private to the command
 * parser (cmdline.c), its execution (command.c) and the help (help.c).
 * Other code sees struct cmd only as the opaque type of common.h.
 */
#ifndef IPTABLES_CMD_H
#define IPTABLES_CMD_H

#include <getopt.h>
#include "common.h"
#include "cmd_opttable.h"

/* Generic options seen (the reference's OPT_* bits, same order). */
enum {
	OPT_NUMERIC = 1 << 0,
	OPT_SOURCE = 1 << 1,
	OPT_DESTINATION = 1 << 2,
	OPT_PROTOCOL = 1 << 3,
	OPT_JUMP = 1 << 4,
	OPT_VERBOSE = 1 << 5,
	OPT_EXPANDED = 1 << 6,
	OPT_VIANAMEIN = 1 << 7,
	OPT_VIANAMEOUT = 1 << 8,
	OPT_LINENUMBERS = 1 << 9,
	OPT_COUNTERS = 1 << 10,
	OPT_FRAGMENT = 1 << 11,
	OPT_COUNT = 12,
};

/* Bytes of a command's own string buffer. */
#define CMD_STRBUF 512

/* What an informational command prints instead of touching a table. */
enum cmd_info {
	INFO_NONE,
	INFO_HELP,		/* -h */
	INFO_VERSION,		/* -V */
	INFO_NOT_VERSION,	/* ! -V */
};

/* An extension named on the command line (-m, -j, or loaded by -p). */
struct cmd_ext {
	const struct xtables_ext *ext;
	struct xtables_instance *inst;	/* NULL: help only (standard verdicts) */
	unsigned int offset;		/* getopt values offset + option id */
	bool completed;			/* a later instance of the same match */
};

/* -s / -d expanded: one (address, mask) per resulting rule. */
struct cmd_addrs {
	unsigned int n;
	union nf_inet_addr *addr, *mask;
	/* storage of a single pair (addr/mask point here, nothing to free) */
	union nf_inet_addr one_addr, one_mask;
};

struct cmd {
	const struct xtables_family *fam;
	bool restore;

	unsigned int command;		/* CMD_* */
	unsigned int options;		/* OPT_* */
	enum cmd_info info;
	bool ignored;			/* restore: line for the other family */
	char *table, *chain, *newname, *policy;
	unsigned int rulenum;
	int verbose;
	int wait;			/* as the reference keeps it: 0 none,
					 * <0 forever, >0 seconds */

	/* the rule */
	struct xtables_rule_ip ip;
	char *protocol;			/* -p as given, lower case */
	bool proto_used;		/* -p's match was tried implicitly */
	char *jumpto;			/* -j / -g name, "" if none */
	struct cmd_ext target;		/* ext NULL if -j names no extension */
	struct cmd_ext *matches;
	unsigned int nmatches;
	struct xt_counters counters;	/* -c */
	char *shost, *dhost;		/* -s / -d as given */
	struct cmd_addrs src, dst;

	/* getopt state: the generic options merged with the extensions'
	 * (see cmd_opttable.h) */
	const struct cmd_opttable *opts;

	/* allocation (cmdline.c): room for matches, and the buffer that
	 * holds the strings above that fit, kept last */
	unsigned int matches_cap;
	size_t strused;
	char strbuf[CMD_STRBUF];
};

/* dump.c: -vv's dump of the kernel's table, and the error texts that
 * apply after it. */
void cmd_dump_table(FILE *out, const struct xtables_family *fam,
		    const char *table);
const char *cmd_dump_error_text(int e);

/* help.c: generic help, then the loaded extensions' help. */
void cmd_print_help(FILE *out, const struct cmd *c);

#endif
