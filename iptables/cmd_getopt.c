/*
 * cmd_getopt.c - the option scanner of the command parser.
 *
 * It behaves exactly as glibc's getopt_long() in the mode the parser
 * uses (optstring starting with "-:": arguments returned in order as
 * option 1, ':' for a missing argument, no messages), including
 * abbreviations, ambiguities, "--opt=value", "--" and clusters of short
 * options, and it sets the same optind / optarg / optopt.  It exists
 * because glibc's version is slow for what iptables-restore does with
 * it: one scan per rule line over 40-60 options, restarted from scratch
 * (optind = 0) for every line, with strlen() of every option name on
 * every lookup.  Here the exact match, by far the common case, is a
 * first-character test and one comparison per candidate.
 */
#include <getopt.h>
#include <string.h>
#include "cmd_getopt.h"

void cmd_getopt_start(struct cmd_getopt *g)
{
	g->nextchar = NULL;
	g->first_nonopt = g->last_nonopt = 1;
	optind = 1;
	optarg = NULL;
}

/* Whether option name o is exactly the len characters at s. */
static bool same_name(const char *o, const char *s, size_t len)
{
	return o[0] == s[0] && strncmp(o, s, len) == 0 && o[len] == '\0';
}

/* "--name[=value]" at g->nextchar (after the dashes). */
static int long_option(struct cmd_getopt *g, int argc, char **argv,
		       const struct option *longopts)
{
	const char *name = g->nextchar, *end;
	const struct option *p, *found = NULL;
	size_t len;
	bool ambiguous = false;

	for (end = name; *end != '\0' && *end != '='; end++)
		;
	len = (size_t)(end - name);

	/* an exact match wins, the first one in the table */
	if (len > 0)
		for (p = longopts; p->name != NULL; p++)
			if (same_name(p->name, name, len)) {
				found = p;
				break;
			}
	if (found == NULL) {
		/* a unique abbreviation (or several naming the same thing) */
		for (p = longopts; p->name != NULL; p++) {
			if (strncmp(p->name, name, len) != 0)
				continue;
			if (found == NULL)
				found = p;
			else if (found->has_arg != p->has_arg ||
				 found->flag != p->flag || found->val != p->val)
				ambiguous = true;
		}
		if (ambiguous) {
			g->nextchar = NULL;
			optind++;
			optopt = 0;
			return '?';
		}
	}
	if (found == NULL) {
		g->nextchar = NULL;
		optind++;
		optopt = 0;
		return '?';
	}

	optind++;
	g->nextchar = NULL;
	if (*end == '=') {
		if (found->has_arg == no_argument) {
			optopt = found->val;
			return '?';
		}
		optarg = (char *)end + 1;
	} else if (found->has_arg == required_argument) {
		if (optind < argc) {
			optarg = argv[optind++];
		} else {
			optopt = found->val;
			return g->quiet_missing ? ':' : '?';
		}
	}
	if (found->flag != NULL) {
		*found->flag = found->val;
		return 0;
	}
	return found->val;
}

int cmd_getopt_next(struct cmd_getopt *g, int argc, char **argv,
		    const char *optstring, const struct option *longopts)
{
	const char *spec;
	char c;

	optarg = NULL;
	/* the mode characters: arguments in order ('-'), quiet (':') */
	if (optstring[0] == '-' || optstring[0] == '+')
		optstring++;
	g->quiet_missing = optstring[0] == ':';

	if (g->nextchar == NULL || *g->nextchar == '\0') {
		/* the caller may have moved optind back */
		if (g->last_nonopt > optind)
			g->last_nonopt = optind;
		if (g->first_nonopt > optind)
			g->first_nonopt = optind;

		if (optind != argc && strcmp(argv[optind], "--") == 0) {
			optind++;
			if (g->first_nonopt == g->last_nonopt)
				g->first_nonopt = optind;
			g->last_nonopt = argc;
			optind = argc;
		}
		if (optind >= argc) {
			if (g->first_nonopt != g->last_nonopt)
				optind = g->first_nonopt;
			return -1;
		}
		if (argv[optind][0] != '-' || argv[optind][1] == '\0') {
			optarg = argv[optind++];
			return 1;
		}
		if (argv[optind][1] == '-') {
			g->nextchar = argv[optind] + 2;
			return long_option(g, argc, argv, longopts);
		}
		g->nextchar = argv[optind] + 1;
	}

	/* the next character of a cluster of short options */
	c = *g->nextchar++;
	spec = c != '\0' ? strchr(optstring, c) : NULL;
	if (*g->nextchar == '\0')
		optind++;
	if (spec == NULL || c == ':' || c == ';') {
		optopt = c;
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (spec[2] == ':') {
		/* optional argument: only attached */
		if (*g->nextchar != '\0') {
			optarg = (char *)g->nextchar;
			optind++;
		}
	} else if (*g->nextchar != '\0') {
		optarg = (char *)g->nextchar;
		optind++;
	} else if (optind == argc) {
		optopt = c;
		c = g->quiet_missing ? ':' : '?';
	} else {
		optarg = argv[optind++];
	}
	g->nextchar = NULL;
	return c;
}
