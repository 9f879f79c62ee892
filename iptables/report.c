/*
 * report.c - print an error the way the reference does and tell the
 * exit status.
 *
 *   parameter problem: "PROG v1.8.11 (legacy): MSG", then (restore)
 *                      "Error occurred at line: N", then
 *                      "Try `PROG -h' or 'PROG --help' for more information."
 *   version problem:   "PROG v1.8.11 (legacy): MSG" and
 *                      "Perhaps PROG or your kernel needs to be upgraded."
 *   other/resource:    "PROG: MSG." (the engine's errors; when the
 *                      engine's errno is EINVAL, "Run `dmesg' ..." follows)
 * A raw error prints MSG as it is (a parameter problem still gets the
 * "Try" lines, and an empty raw MSG prints nothing before them).
 */
#include <errno.h>
#include <string.h>
#include "common.h"

static void print_prefixed(const struct xtables_family *fam, const char *msg)
{
	fprintf(stderr, "%s v%s (legacy): %s\n", fam->prog, XTABLES_VERSION, msg);
}

int report_error(const struct xtables_family *fam, const struct xtables_err *err)
{
	const char *prog = fam->prog;

	switch (err->status) {
	case XTABLES_OK:
		return 0;
	case XTABLES_PARAMETER_PROBLEM:
		if (!err->raw)
			print_prefixed(fam, err->msg);
		else if (err->msg[0] != '\0')
			fprintf(stderr, "%s\n", err->msg);
		if (err->line > 0)
			fprintf(stderr, "Error occurred at line: %d\n", err->line);
		fprintf(stderr, "Try `%s -h' or '%s --help' for more information.\n",
			prog, prog);
		return XTABLES_PARAMETER_PROBLEM;
	case XTABLES_VERSION_PROBLEM:
		if (err->raw)
			fprintf(stderr, "%s\n", err->msg);
		else
			print_prefixed(fam, err->msg);
		fprintf(stderr, "Perhaps %s or your kernel needs to be upgraded.\n",
			prog);
		return XTABLES_VERSION_PROBLEM;
	case XTABLES_OTHER_PROBLEM:
	case XTABLES_RESOURCE_PROBLEM:
		/* the engine's errors (a lost commit race is a resource
		 * problem), the lock's messages come raw */
		if (err->raw)
			fprintf(stderr, "%s\n", err->msg);
		else if (xtables_engine_errno() == EINVAL)
			fprintf(stderr, "%s: %s. Run `dmesg' for more information.\n",
				prog, err->msg);
		else
			fprintf(stderr, "%s: %s.\n", prog, err->msg);
		return err->status;
	default:
		if (err->raw)
			fprintf(stderr, "%s\n", err->msg);
		else
			print_prefixed(fam, err->msg);
		return err->status;
	}
}
