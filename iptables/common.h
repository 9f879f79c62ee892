/*
 * common.h - what the three programs (iptables, iptables-save,
 * iptables-restore) share: the command-line parser, command execution
 * against the engine, the printers, and error reporting.
 *
 * Layers: argv (or a restore line split into words) -> cmd_parse() ->
 * struct cmd -> cmd_execute() against an open struct xtables_table.
 */
#ifndef IPTABLES_COMMON_H
#define IPTABLES_COMMON_H

#include <stdio.h>
#include <xtables/extension.h>
#include <xtables/family.h>
#include <xtables/rule.h>
#include <xtables/table.h>

/* ---- error reporting (report.c) ---- */

/* Print err the way the reference does for program fam->prog
 * ("iptables v1.8.11 (legacy): ..." + "Try `iptables -h' ..." for
 * parameter problems, "iptables: ...." for other problems, ...).
 * Returns the exit status to use. */
int report_error(const struct xtables_family *fam, const struct xtables_err *err);

/* ---- parsed command (cmdline.c) ---- */

/* Command bits (several may combine, e.g. -L -Z). */
enum {
	CMD_NONE = 0,
	CMD_INSERT = 1 << 0,
	CMD_DELETE = 1 << 1,
	CMD_DELETE_NUM = 1 << 2,
	CMD_REPLACE = 1 << 3,
	CMD_APPEND = 1 << 4,
	CMD_LIST = 1 << 5,
	CMD_FLUSH = 1 << 6,
	CMD_ZERO = 1 << 7,
	CMD_NEW_CHAIN = 1 << 8,
	CMD_DELETE_CHAIN = 1 << 9,
	CMD_SET_POLICY = 1 << 10,
	CMD_RENAME_CHAIN = 1 << 11,
	CMD_LIST_RULES = 1 << 12,
	CMD_ZERO_NUM = 1 << 13,
	CMD_CHECK = 1 << 14,
};

/* Output flags for the printers. */
enum {
	FMT_NUMERIC = 1 << 0,	/* -n */
	FMT_VERBOSE = 1 << 1,	/* -v */
	FMT_EXACT = 1 << 2,	/* -x */
	FMT_LINENUMBERS = 1 << 3, /* --line-numbers */
	FMT_COUNTERS = 1 << 4,	/* save: [pkts:bytes] / -S -v: -c */
};

struct cmd;	/* defined in cmdline.c's private header, opaque here */

/* Context a command runs in. */
struct cmd_env {
	const struct xtables_family *fam;
	bool restore;		/* parsing a restore line (some options differ) */
	const char *table;	/* restore: the current *table */
};

/* Parse argv (argv[0] is the program name) into a new command.
 * On error returns NULL with err set. */
struct cmd *cmd_parse(const struct cmd_env *env, int argc, char **argv,
		      struct xtables_err *err);
void cmd_free(struct cmd *c);

/* The table the command works on ("filter" by default). */
const char *cmd_table(const struct cmd *c);
/* -w / -W as given (wait_secs -1 when no -w; 0 = wait forever). */
void cmd_wait(const struct cmd *c, int *wait_secs, long *interval_us);
/* Whether the command needs only help/version output (no table). */
bool cmd_is_informational(const struct cmd *c);

/* Execute against table t (already read; restore passes its open
 * table).  Output (-L, -S, help) goes to out.  Returns 0, or -1 with err
 * set.  After success the caller commits t if xtables_table_changed(). */
int cmd_execute(struct cmd *c, struct xtables_table *t, FILE *out,
		struct xtables_err *err);

/* (addition) What an informational command prints (-h: the help with
 * the loaded extensions' help, -V: the version), using fam->prog as the
 * program name.  The caller then exits 0 (restore: the whole program). */
void cmd_print_info(FILE *out, const struct cmd *c);

/* (addition, run.c) The whole `iptables` program for family fam: parse
 * argv, lock, read, execute, commit, report.  Returns the exit status. */
int run_command(const struct xtables_family *fam, int argc, char **argv);

/* (addition) The whole `iptables-save` (iptables-save.c) and
 * `iptables-restore` (iptables-restore.c) programs for family fam; the
 * per-family mains (iptables-save-main.c, ip6tables-save.c, ...) only
 * call them.  Return the exit status. */
int save_main(const struct xtables_family *fam, int argc, char **argv);
int restore_main(const struct xtables_family *fam, int argc, char **argv);

/* ---- printers (print_list.c, print_rule.c) ---- */

/* -L for one chain: header line, column titles, rules. */
void print_list_chain(FILE *out, const struct xtables_table *t,
		      const struct xtables_chain *c, unsigned int fmt);

/* -S / save: "-P INPUT ACCEPT" (or with -c counters), "-N chain". */
void print_chain_spec(FILE *out, const struct xtables_chain *c,
		      unsigned int fmt);
/* Save form of one rule: "-A CHAIN ..." without newline handling
 * beyond the final '\n'.  With FMT_COUNTERS in save format the caller
 * prints the "[p:b] " prefix itself (save) or "-c p b" is included (-S -v). */
void print_rule_spec(FILE *out, const struct xtables_table *t,
		     const struct xtables_chain *c,
		     const struct xtables_rule *r, unsigned int fmt);

/* iptables-save body of one table (between "*table" and "COMMIT"). */
void print_table_save(FILE *out, const struct xtables_table *t,
		      unsigned int fmt);

/* -L [chain [rulenum]] as the reference does it: every chain (chain
 * NULL) or the named one, a blank line between chains; rulenum 0: header
 * and all rules, else only that rule, without header.  Returns false
 * when no chain was listed (the caller reports "No chain/target/match by
 * that name"). */
bool print_list(FILE *out, const struct xtables_table *t, const char *chain,
		unsigned int rulenum, unsigned int fmt);
/* -S [chain [rulenum]]: "-P"/"-N" lines (not with rulenum), then rules.
 * fmt FMT_VERBOSE (or FMT_COUNTERS) adds the "-c pkts bytes" forms.
 * Returns false when no chain was listed. */
bool print_rules(FILE *out, const struct xtables_table *t, const char *chain,
		 unsigned int rulenum, unsigned int fmt);
/* The line -A/-I/-D/-C/-R print with -v for each entry they act on
 * (entry as built by xtables_entry_build, standard target naming the
 * jump; t tells chain names from extension targets). */
void print_entry_line(FILE *out, const struct xtables_table *t,
		      const void *entry);

/* ---- help (help.c) ---- */
void print_help(FILE *out, const struct xtables_family *fam);

#endif
