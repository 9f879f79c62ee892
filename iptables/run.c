/*
 * run.c - one iptables command from start to end, for any family:
 * parse, informational output, the xtables lock, read the table,
 * execute, commit when something changed, report errors.  The lock is
 * taken after parsing and before reading the table, as the reference
 * does.  Unlike the reference (which exits 4 with "Resource temporarily
 * unavailable"), a commit the kernel refuses with EAGAIN - another
 * writer changed the table since it was read - is retried a bounded
 * number of times: the table is read again and the parsed command
 * executed again on the fresh copy, so nothing is committed over a
 * table that changed underneath.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "common.h"

/* Attempts at a commit the kernel answers EAGAIN before giving up. */
#define COMMIT_ATTEMPTS 20

static void print_warning(const char *msg)
{
	fprintf(stderr, "%s\n", msg);
}

/* A short, growing, jittered pause so that racing writers spread out. */
static void backoff(unsigned int attempt)
{
	struct timespec ts = { 0, 0 };

	ts.tv_nsec = (long)(rand() % 1000 + 1) * 1000L * (attempt < 10 ? attempt : 10);
	nanosleep(&ts, NULL);
}

/* Read, execute, commit; on a lost race do it all again.  Output goes
 * to stdout the first time only (a retry prints nothing twice). */
static int execute_on_table(const struct xtables_family *fam, struct cmd *c,
			    struct xtables_err *err)
{
	FILE *out = stdout, *sink = NULL;
	struct xtables_table *t;
	unsigned int attempt;
	int ret = -1;

	for (attempt = 1; ; attempt++) {
		t = xtables_table_read(fam, cmd_table(c), err);
		if (t == NULL)
			break;
		if (cmd_execute(c, t, out, err) < 0)
			break;
		if (!xtables_table_changed(t) || xtables_table_commit(t, err) == 0) {
			ret = 0;
			break;
		}
		if (xtables_engine_errno() != EAGAIN || attempt >= COMMIT_ATTEMPTS)
			break;
		if (sink == NULL) {
			sink = fopen("/dev/null", "we");
			if (sink == NULL)
				break;
			fflush(stdout);
			srand((unsigned int)getpid() ^ (unsigned int)time(NULL));
		}
		out = sink;
		xtables_table_free(t);
		backoff(attempt);
	}
	if (t != NULL)
		xtables_table_free(t);
	if (sink != NULL)
		fclose(sink);
	return ret;
}

int run_command(const struct xtables_family *fam, int argc, char **argv)
{
	struct cmd_env env = { .fam = fam, .restore = false, .table = NULL };
	struct xtables_err err = { 0 };
	struct cmd *c;
	long interval;
	int wait, lock, status = 0;

	xtables_set_warn_handler(print_warning);
	/* -L / -S of a large table: fewer, larger writes */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	c = cmd_parse(&env, argc, argv, &err);
	if (c == NULL)
		return report_error(fam, &err);
	if (cmd_is_informational(c)) {
		cmd_print_info(stdout, c);
		cmd_free(c);
		return 0;
	}

	cmd_wait(c, &wait, &interval);
	lock = xtables_lock(wait, interval, &err);
	if (lock < 0) {
		status = report_error(fam, &err);
		goto out;
	}
	if (execute_on_table(fam, c, &err) < 0)
		status = report_error(fam, &err);
	xtables_unlock(lock);
out:
	cmd_free(c);
	return status;
}
