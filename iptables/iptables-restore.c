/*
 * iptables-restore - load tables from the text iptables-save writes:
 * "*table", ":CHAIN POLICY [pkts:bytes]" lines and rule lines, each
 * table committed as a whole at "COMMIT".
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "common.h"
#include "restore_chains.h"
#include "restore_words.h"

/* The reference reads its input in pieces of this size: a longer line
 * counts as several. */
#define LINE_BUF 10240
#define TABLE_NAME_MAX XT_TABLE_MAXNAMELEN
/* Attempts at a table's commit the kernel answers EAGAIN (another
 * writer changed the table since it was read) before giving up; each
 * retry reads the table again and replays the section's lines.  The
 * reference does not retry. */
#define COMMIT_ATTEMPTS 20

/* A line of the current table section, kept for a replay. */
struct section_line {
	char *text;
	unsigned int line;
};

static const struct option restore_options[] = {
	{ .name = "counters", .has_arg = no_argument, .val = 'c' },
	{ .name = "verbose", .has_arg = no_argument, .val = 'v' },
	{ .name = "version", .has_arg = no_argument, .val = 'V' },
	{ .name = "test", .has_arg = no_argument, .val = 't' },
	{ .name = "help", .has_arg = no_argument, .val = 'h' },
	{ .name = "noflush", .has_arg = no_argument, .val = 'n' },
	{ .name = "modprobe", .has_arg = required_argument, .val = 'M' },
	{ .name = "table", .has_arg = required_argument, .val = 'T' },
	{ .name = "wait", .has_arg = optional_argument, .val = 'w' },
	{ .name = "wait-interval", .has_arg = optional_argument, .val = 'W' },
	{ NULL },
};

struct restore {
	struct xtables_family fam;	/* the family, named as this program */
	const char *base;		/* the family's program: "iptables" */
	char prog[32];			/* "iptables-restore" */
	bool counters, noflush, testing;
	int verbose;
	int wait;			/* reference's sense: 0 none, <0 forever */
	const char *only_table;		/* -T */
	const char *argv0;

	unsigned int line;
	bool in_table;
	char curtable[TABLE_NAME_MAX + 1];
	struct xtables_table *table;
	int lock;

	/* the current section's lines, for a retry after EAGAIN */
	struct section_line *section;
	size_t nsection, section_cap;
	bool replaying;			/* output goes to out only once */
	FILE *out;			/* stdout, or /dev/null in a replay */
	/* A regular file as input: the section is read again from it for
	 * a replay, instead of keeping its lines (megabytes for a large
	 * table) in memory. */
	FILE *in;
	bool seekable;
	off_t section_pos;		/* offset of the section's first line */
	unsigned int section_line0;	/* the "*table" line's number */

	/* a rule line's words (in the line) */
	struct restore_words words;
};

/* ---- errors, printed as the reference prints them here ---- */

static void __attribute__((noreturn))
die_err(const struct restore *r, const struct xtables_err *err)
{
	fflush(stdout);
	if (err->raw)
		fprintf(stderr, "%s\n", err->msg);
	else
		fprintf(stderr, "%s v%s (legacy): %s\n", r->prog, XTABLES_VERSION,
			err->msg);
	if (err->status == XTABLES_PARAMETER_PROBLEM) {
		fprintf(stderr, "Error occurred at line: %u\n", r->line);
		fprintf(stderr, "Try `%s -h' or '%s --help' for more information.\n",
			r->prog, r->prog);
	} else if (err->status == XTABLES_VERSION_PROBLEM) {
		fprintf(stderr,
			"Perhaps %s or your kernel needs to be upgraded.\n",
			r->base);
	}
	exit(err->status ? err->status : 1);
}

static void __attribute__((noreturn, format(printf, 3, 4)))
die(const struct restore *r, int status, const char *fmt, ...)
{
	struct xtables_err err = { .status = status };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err.msg, sizeof(err.msg), fmt, ap);
	va_end(ap);
	die_err(r, &err);
}

static void __attribute__((noreturn)) die_line_failed(const struct restore *r)
{
	fflush(stdout);
	fprintf(stderr, "%s: line %u failed\n", r->prog, r->line);
	exit(1);
}

/* Extensions' warnings ("xt_iprange: range ... is reversed ..."), on
 * stderr as the reference prints them while parsing. */
static void print_warning(const char *msg)
{
	fflush(stdout);
	fprintf(stderr, "%s\n", msg);
}

/* ---- options ---- */

static void usage(const struct restore *r)
{
	fprintf(stderr,
		"Usage: %s [-c] [-v] [-V] [-t] [-h] [-n] [-w secs] [-W usecs] [-T table] [-M command] [file]\n"
		"\t   [ --counters ]\n"
		"\t   [ --verbose ]\n"
		"\t   [ --version]\n"
		"\t   [ --test ]\n"
		"\t   [ --help ]\n"
		"\t   [ --noflush ]\n"
		"\t   [ --wait=<seconds>\n"
		"\t   [ --table=<TABLE> ]\n"
		"\t   [ --modprobe=<command> ]\n", r->prog);
}

/* The argument of -w / -W: attached, or the next word unless it looks
 * like an option. */
static const char *optional_arg(int argc, char **argv)
{
	if (optarg)
		return optarg;
	if (optind < argc && argv[optind][0] != '-' && argv[optind][0] != '!')
		return argv[optind++];
	return NULL;
}

static int parse_wait(const struct restore *r, int argc, char **argv)
{
	const char *arg = optional_arg(argc, argv);
	int secs;

	if (!arg)
		return -1;
	if (sscanf(arg, "%i", &secs) != 1)
		die(r, XTABLES_PARAMETER_PROBLEM, "wait seconds not numeric");
	return secs;
}

static void parse_wait_interval(const struct restore *r, int argc,
				char **argv)
{
	const char *arg = optional_arg(argc, argv);
	unsigned int usec;

	if (!arg)
		die(r, XTABLES_PARAMETER_PROBLEM,
		    "wait interval value required");
	if (sscanf(arg, "%u", &usec) != 1)
		die(r, XTABLES_PARAMETER_PROBLEM, "wait interval not numeric");
	if (usec > 999999)
		die(r, XTABLES_PARAMETER_PROBLEM,
		    "too long usec wait %u > 999999 usec", usec);
	fprintf(stderr, "Ignoring deprecated --wait-interval option.\n");
}

static FILE *parse_options(struct restore *r, int argc, char **argv)
{
	bool interval_set = false;
	FILE *in;
	int c;

	while ((c = getopt_long(argc, argv, "bcvVthnwWM:T:", restore_options,
				NULL)) != -1) {
		switch (c) {
		case 'b':
			fprintf(stderr, "-b/--binary option is not implemented\n");
			break;
		case 'c':
			r->counters = true;
			break;
		case 'v':
			r->verbose++;
			break;
		case 'V':
			printf("%s v%s (legacy)\n", r->prog, XTABLES_VERSION);
			exit(0);
		case 't':
			r->testing = true;
			break;
		case 'h':
			usage(r);
			exit(0);
		case 'n':
			r->noflush = true;
			break;
		case 'w':
			r->wait = parse_wait(r, argc, argv);
			break;
		case 'W':
			parse_wait_interval(r, argc, argv);
			interval_set = true;
			break;
		case 'M':
			/* modules load on demand in the kernel */
			break;
		case 'T':
			r->only_table = optarg;
			break;
		default:
			fprintf(stderr, "Try `%s -h' for more information.\n",
				r->prog);
			exit(1);
		}
	}

	if (optind == argc - 1) {
		in = fopen(argv[optind], "re");
		if (!in) {
			fprintf(stderr, "Can't open %s: %s\n", argv[optind],
				strerror(errno));
			exit(1);
		}
	} else if (optind < argc) {
		fprintf(stderr, "Unknown arguments found on commandline\n");
		exit(1);
	} else {
		in = stdin;
	}

	if (interval_set && !r->wait) {
		fprintf(stderr, "Option --wait-interval requires option --wait\n");
		exit(1);
	}
	return in;
}

/* ---- the lock, held from "*table" to its COMMIT ---- */

static void take_lock(struct restore *r)
{
	struct xtables_err err = { 0 };
	/* the engine counts -1 as "don't wait" and 0 as "forever" */
	int secs = r->wait == 0 ? -1 : r->wait < 0 ? 0 : r->wait;

	r->lock = xtables_lock(secs, 100000, &err);
	if (r->lock < 0) {
		fflush(stdout);
		fprintf(stderr, "%s\n", err.msg);
		exit(err.status ? err.status : XTABLES_RESOURCE_PROBLEM);
	}
}

static void drop_lock(struct restore *r)
{
	if (r->lock >= 0) {
		xtables_unlock(r->lock);
		r->lock = -1;
	}
}

/* ---- sections ---- */

/* Empty the table: every chain flushed, then user chains deleted. */
static void flush_table(struct restore *r)
{
	struct xtables_err err = { 0 };
	const struct xtables_chain *c;
	char **names;
	size_t n = 0, i;

	for (c = xtables_chain_first(r->table); c; c = xtables_chain_next(c))
		n++;
	names = calloc(n + 1, sizeof(*names));
	if (!names)
		die(r, XTABLES_RESOURCE_PROBLEM, "out of memory");
	n = 0;
	for (c = xtables_chain_first(r->table); c; c = xtables_chain_next(c))
		if (!(names[n++] = strdup(xtables_chain_name(c))))
			die(r, XTABLES_RESOURCE_PROBLEM, "out of memory");

	for (i = 0; i < n; i++) {
		if (r->verbose && !r->replaying)
			printf("Flushing chain `%s'\n", names[i]);
		xtables_chain_flush(r->table, names[i], &err);
	}
	for (i = 0; i < n; i++) {
		c = xtables_chain_find(r->table, names[i]);
		if (!c || xtables_chain_builtin(c))
			continue;
		if (r->verbose && !r->replaying)
			printf("Deleting chain `%s'\n", names[i]);
		xtables_chain_delete(r->table, names[i], &err);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static bool start_table(struct restore *r, char *buf)
{
	struct xtables_err err = { 0 };
	char *name;

	take_lock(r);
	name = strtok(buf + 1, " \t\n");
	if (!name)
		die(r, XTABLES_PARAMETER_PROBLEM,
		    "%s: line %u table name invalid", r->prog, r->line);
	snprintf(r->curtable, sizeof(r->curtable), "%s", name);

	if (r->only_table && strcmp(r->only_table, name) != 0) {
		drop_lock(r);
		return false;
	}
	if (r->table)
		xtables_table_free(r->table);
	r->table = xtables_table_read(&r->fam, name, &err);
	if (!r->table)
		die(r, XTABLES_PARAMETER_PROBLEM,
		    "%s: unable to initialize table '%s'", r->prog, name);
	if (!r->noflush)
		flush_table(r);
	r->in_table = true;
	return true;
}

/* "[pkts:bytes]" as the policy counters of a chain line. */
static bool parse_counters(const char *s, struct xt_counters *cnt)
{
	unsigned long long p, b;

	if (sscanf(s, "[%llu:%llu]", &p, &b) != 2)
		return false;
	cnt->pcnt = p;
	cnt->bcnt = b;
	return true;
}

static void chain_line(struct restore *r, char *buf)
{
	struct xtables_err err = { 0 };
	const struct xtables_chain *c;
	char *chain, *policy;

	chain = strtok(buf + 1, " \t\n");
	if (!chain)
		die(r, XTABLES_PARAMETER_PROBLEM,
		    "%s: line %u chain name invalid", r->prog, r->line);
	if (strlen(chain) >= XT_EXTENSION_MAXNAMELEN)
		die(r, XTABLES_PARAMETER_PROBLEM,
		    "Invalid chain name `%s' (%u chars max)", chain,
		    XT_EXTENSION_MAXNAMELEN - 1);

	c = xtables_chain_find(r->table, chain);
	if (!c || !xtables_chain_builtin(c)) {
		if (r->noflush && c) {
			if (xtables_chain_flush(r->table, chain, &err) < 0)
				die(r, XTABLES_PARAMETER_PROBLEM,
				    "error flushing chain '%s':%s", chain,
				    err.msg);
		} else if (xtables_chain_create(r->table, chain, &err) < 0) {
			/* the reference shows the errno text here */
			die(r, XTABLES_PARAMETER_PROBLEM,
			    "error creating chain '%s':%s", chain,
			    strcmp(err.msg, "Chain already exists") == 0 ?
			    strerror(EEXIST) : err.msg);
		}
	}

	policy = strtok(NULL, " \t\n");
	if (!policy)
		die(r, XTABLES_PARAMETER_PROBLEM,
		    "%s: line %u policy invalid", r->prog, r->line);
	if (strcmp(policy, "-") != 0) {
		struct xt_counters cnt = { 0, 0 };

		if (r->counters) {
			char *ctrs = strtok(NULL, " \t\n");

			if (!ctrs || !parse_counters(ctrs, &cnt))
				die(r, XTABLES_PARAMETER_PROBLEM,
				    "invalid policy counters for chain '%s'",
				    chain);
		}
		if (xtables_chain_set_policy(r->table, chain, policy, &cnt,
					     &err) < 0)
			die(r, XTABLES_OTHER_PROBLEM,
			    "Can't set policy `%s' on `%s' line %u: %s",
			    policy, chain, r->line, err.msg);
	}
	restore_chain_announce(chain);
}

/* A rule line: the words of a command for the current table. */
static bool rule_line(struct restore *r, char *buf)
{
	struct restore_words *w = &r->words;
	/* no initializer: clearing the message buffer for every rule
	 * line costs more than the rest of the line's bookkeeping */
	struct xtables_err err;
	struct cmd_env env = {
		.fam = &r->fam,
		.restore = true,
		.table = r->curtable,
	};
	char *start = buf, *pcnt = NULL, *bcnt = NULL;
	struct cmd *cmd;
	int i, ret;

	/* The reference parses "iptables-restore -t TABLE [-v] [--set-counters p b]
	 * WORDS"; the table goes to the parser through env here, but the
	 * two words still count against the argument limit. */
	err.status = 0;
	err.raw = false;
	err.line = 0;
	err.msg[0] = '\0';
	restore_words_reset(w);
	if (restore_words_add(w, "-t", &err) < 0 ||
	    restore_words_add(w, r->curtable, &err) < 0 ||
	    restore_words_add(w, r->argv0, &err) < 0)
		die_err(r, &err);
	for (i = 0; !r->noflush && i < r->verbose; i++)
		if (restore_words_add(w, "-v", &err) < 0)
			die_err(r, &err);
	if (restore_take_counters(&start, &pcnt, &bcnt, r->line, &err) < 0)
		die_err(r, &err);
	if (r->counters && pcnt && bcnt &&
	    (restore_words_add(w, "--set-counters", &err) < 0 ||
	     restore_words_add(w, pcnt, &err) < 0 ||
	     restore_words_add(w, bcnt, &err) < 0))
		die_err(r, &err);
	if (restore_words_split(w, start, &err) < 0)
		die_err(r, &err);

	cmd = cmd_parse(&env, w->argc - 2, w->argv + 2, &err);
	if (!cmd)
		die_err(r, &err);
	if (cmd_is_informational(cmd)) {
		/* -h / -V on a rule line: print and stop, as the reference */
		cmd_print_info(stdout, cmd);
		fflush(stdout);
		exit(0);
	}
	ret = cmd_execute(cmd, r->table, r->out, &err);
	cmd_free(cmd);
	fflush(stdout);
	if (ret < 0) {
		/* engine failures only fail the line; parameter problems
		 * found while executing are reported in full */
		if (err.status == XTABLES_PARAMETER_PROBLEM ||
		    err.status == XTABLES_VERSION_PROBLEM)
			die_err(r, &err);
		return false;
	}
	return true;
}

/* ---- the section kept for a retry ---- */

static void section_add(struct restore *r, const char *text)
{
	if (r->seekable)
		return;		/* read again from the file on a replay */
	if (r->nsection == r->section_cap) {
		size_t cap = r->section_cap ? 2 * r->section_cap : 64;
		struct section_line *s = realloc(r->section, cap * sizeof(*s));

		if (!s)
			die(r, XTABLES_RESOURCE_PROBLEM, "out of memory");
		r->section = s;
		r->section_cap = cap;
	}
	r->section[r->nsection].text = strdup(text);
	if (!r->section[r->nsection].text)
		die(r, XTABLES_RESOURCE_PROBLEM, "out of memory");
	r->section[r->nsection++].line = r->line;
}

static void section_clear(struct restore *r)
{
	while (r->nsection > 0)
		free(r->section[--r->nsection].text);
}

static void section_line_run(struct restore *r, char *buf);

/* The section's lines again, from the input file: the lines between
 * "*table" and the COMMIT line, skipping blank and comment lines as the
 * first pass did.  The file position is put back afterwards. */
static void replay_from_file(struct restore *r, unsigned int commit_line)
{
	off_t back = ftello(r->in);
	char buf[LINE_BUF];

	if (back < 0 || fseeko(r->in, r->section_pos, SEEK_SET) < 0)
		die(r, XTABLES_RESOURCE_PROBLEM, "can't read the input again: %s",
		    strerror(errno));
	r->line = r->section_line0;
	while (r->line + 1 < commit_line && fgets(buf, sizeof(buf), r->in)) {
		r->line++;
		if (buf[0] == '\n' || buf[0] == '#')
			continue;
		section_line_run(r, buf);
	}
	if (fseeko(r->in, back, SEEK_SET) < 0)
		die(r, XTABLES_RESOURCE_PROBLEM, "can't read the input again: %s",
		    strerror(errno));
}

/* Read the table again and run the section's lines on the fresh copy,
 * printing nothing twice.  A line failing now fails the restore as it
 * would have the first time. */
static void replay_section(struct restore *r)
{
	struct xtables_err err = { 0 };
	unsigned int commit_line = r->line;
	char buf[LINE_BUF];

	r->replaying = true;
	r->out = fopen("/dev/null", "we");
	if (!r->out)
		die(r, XTABLES_RESOURCE_PROBLEM, "can't open /dev/null: %s",
		    strerror(errno));
	xtables_table_free(r->table);
	r->table = xtables_table_read(&r->fam, r->curtable, &err);
	if (!r->table)
		die(r, XTABLES_PARAMETER_PROBLEM,
		    "%s: unable to initialize table '%s'", r->prog,
		    r->curtable);
	if (!r->noflush)
		flush_table(r);
	if (r->seekable)
		replay_from_file(r, commit_line);
	for (size_t i = 0; i < r->nsection; i++) {
		r->line = r->section[i].line;
		snprintf(buf, sizeof(buf), "%s", r->section[i].text);
		section_line_run(r, buf);
	}
	r->line = commit_line;
	fclose(r->out);
	r->out = stdout;
	r->replaying = false;
}

static bool commit_table(struct restore *r)
{
	struct xtables_err err = { 0 };
	unsigned int attempt;
	bool ok = true;

	for (attempt = 1; !r->testing && xtables_table_changed(r->table);
	     attempt++) {
		ok = xtables_table_commit(r->table, &err) == 0;
		if (ok || xtables_engine_errno() != EAGAIN ||
		    attempt >= COMMIT_ATTEMPTS)
			break;
		replay_section(r);
	}
	section_clear(r);
	xtables_table_free(r->table);
	r->table = NULL;
	drop_lock(r);
	r->in_table = false;
	return ok;
}

/* A chain or rule line of the section (buf is modified). */
static void section_line_run(struct restore *r, char *buf)
{
	if (buf[0] == ':')
		chain_line(r, buf);
	else if (!rule_line(r, buf))
		die_line_failed(r);
}

static char input_buffer[1 << 20];

int restore_main(const struct xtables_family *fam, int argc, char **argv)
{
	struct restore r = { .lock = -1 };
	char buf[LINE_BUF];
	FILE *in;

	r.base = fam->prog;
	snprintf(r.prog, sizeof(r.prog), "%s-restore", fam->prog);
	r.fam = *fam;
	r.fam.prog = r.prog;
	r.argv0 = r.prog;
	/* messages from getopt name the program as the reference does */
	argv[0] = r.prog;
	xtables_set_warn_handler(print_warning);
	in = parse_options(&r, argc, argv);
	/* one read() a MiB instead of one a block */
	setvbuf(in, input_buffer, _IOFBF, sizeof(input_buffer));
	r.out = stdout;
	r.in = in;
	{
		struct stat st;

		r.seekable = fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) &&
			     ftello(in) >= 0;
	}

	while (fgets(buf, sizeof(buf), in)) {
		bool ok = false;

		r.line++;
		if (buf[0] == '\n')
			continue;
		if (buf[0] == '#') {
			if (r.verbose) {
				fputs(buf, stdout);
				fflush(stdout);
			}
			continue;
		}
		if (r.in_table && strcmp(buf, "COMMIT\n") == 0) {
			ok = commit_table(&r);
		} else if (!r.in_table && buf[0] == '*') {
			if (!start_table(&r, buf))
				continue;
			r.section_pos = r.seekable ? ftello(in) : 0;
			r.section_line0 = r.line;
			ok = true;
		} else if (r.in_table) {
			section_add(&r, buf);
			section_line_run(&r, buf);
			ok = true;
		}
		if (r.only_table && strcmp(r.only_table, r.curtable) != 0)
			continue;
		if (!ok)
			die_line_failed(&r);
	}
	if (r.in_table) {
		fprintf(stderr, "%s: COMMIT expected at line %u\n", r.prog,
			r.line + 1);
		exit(1);
	}
	if (in != stdin)
		fclose(in);
	free(r.section);
	return 0;
}
