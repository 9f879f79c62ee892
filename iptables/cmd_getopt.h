/*
 * cmd_getopt.h - a getopt_long() work-alike for the command parser
 * (see cmd_getopt.c).  It reads and writes the usual optind, optarg and
 * optopt, so code around it can look at and move optind as with
 * getopt_long(); its own state (where inside a cluster of short options
 * it is) lives in struct cmd_getopt.
 */
#ifndef IPTABLES_CMD_GETOPT_H
#define IPTABLES_CMD_GETOPT_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An index of a long option table by exact name: slot[h & mask] (then
 * the next slots, wrapping) holds 1 + the position of the first option
 * of each name in the table, 0 ends the probe.  h is cmd_optname_hash()
 * of the name. */
struct cmd_optindex {
	unsigned int mask;		/* number of slots - 1 */
	const uint16_t *slot;
};

uint32_t cmd_optname_hash(const char *name, size_t len);

struct cmd_getopt {
	const char *nextchar;		/* rest of a short-option cluster */
	int first_nonopt, last_nonopt;	/* for "--", as glibc keeps them */
	bool quiet_missing;		/* optstring has ':' after the mode */
};

/* Start a scan of argv (optind = 1), as getopt_long() after optind = 0. */
void cmd_getopt_start(struct cmd_getopt *g);

/* The next option, exactly as getopt_long(argc, argv, optstring,
 * longopts, NULL) would return it. */
int cmd_getopt_next(struct cmd_getopt *g, int argc, char **argv,
		    const char *optstring, const struct option *longopts);

/* The same, finding exact long option names through index (of
 * longopts; NULL: none) instead of a scan of the table. */
int cmd_getopt_next_indexed(struct cmd_getopt *g, int argc, char **argv,
			    const char *optstring,
			    const struct option *longopts,
			    const struct cmd_optindex *index);

#endif
