/*
 * run.c - one iptables command from start to end, for any family:
 * parse, informational output, the xtables lock, read the table,
 * execute, commit when something changed, report errors.  The lock is
 * taken after parsing and before reading the table, as the reference
 * does; a commit that fails is reported, not retried (the reference's
 * iptables exits with status 4 when the kernel answers EAGAIN).
 */
#include <stdlib.h>
#include "common.h"

static void print_warning(const char *msg)
{
	fprintf(stderr, "%s\n", msg);
}

int run_command(const struct xtables_family *fam, int argc, char **argv)
{
	struct cmd_env env = { .fam = fam, .restore = false, .table = NULL };
	struct xtables_table *t = NULL;
	struct xtables_err err = { 0 };
	struct cmd *c;
	long interval;
	int wait, lock, status = 0;

	xtables_set_warn_handler(print_warning);
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
	t = xtables_table_read(fam, cmd_table(c), &err);
	if (t == NULL || cmd_execute(c, t, stdout, &err) < 0 ||
	    (xtables_table_changed(t) && xtables_table_commit(t, &err) < 0)) {
		status = report_error(fam, &err);
	}
	if (t != NULL)
		xtables_table_free(t);
	xtables_unlock(lock);
out:
	cmd_free(c);
	return status;
}
