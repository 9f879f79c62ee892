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

uint32_t cmd_optname_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (len-- > 0)
		h = (h ^ (unsigned char)*name++) * 16777619u;
	return h;
}

/* The first option named exactly the len characters at name. */
static const struct option *exact_match(const struct option *longopts,
					const struct cmd_optindex *index,
					const char *name, size_t len,
					uint32_t hash)
{
	const struct option *p;

	if (index != NULL) {
		unsigned int b = hash & index->mask;

		for (; index->slot[b] != 0; b = (b + 1) & index->mask) {
			p = &longopts[index->slot[b] - 1];
			if (same_name(p->name, name, len))
				return p;
		}
		return NULL;
	}
	for (p = longopts; p->name != NULL; p++)
		if (same_name(p->name, name, len))
			return p;
	return NULL;
}

/* "--name[=value]" at g->nextchar (after the dashes). */
static int long_option(struct cmd_getopt *g, int argc, char **argv,
		       const struct option *longopts,
		       const struct cmd_optindex *index)
{
	const char *name = g->nextchar, *end;
	const struct option *p, *found = NULL;
	size_t len;
	bool ambiguous = false;

	uint32_t hash = 2166136261u;	/* cmd_optname_hash(), on the way */

	for (end = name; *end != '\0' && *end != '='; end++)
		hash = (hash ^ (unsigned char)*end) * 16777619u;
	len = (size_t)(end - name);

	/* an exact match wins, the first one in the table */
	if (len > 0)
		found = exact_match(longopts, index, name, len, hash);
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

/* strchr(optstring, c) for c other than NUL, through a table of the
 * last optstring seen (the parser always passes the same one). */
static inline __attribute__((always_inline))
const char *short_spec(const char *optstring, char c)
{
	static const char *known;
	static unsigned char pos[256];	/* 1 + offset of the first c, or 0 */

	if (c == '\0')
		return NULL;
	if (optstring != known) {
		memset(pos, 0, sizeof(pos));
		for (size_t i = strlen(optstring); i-- > 0;)
			if (i < 255)
				pos[(unsigned char)optstring[i]] = (unsigned char)(i + 1);
			else
				return strchr(optstring, c);
		known = optstring;
	}
	return pos[(unsigned char)c] ? optstring + pos[(unsigned char)c] - 1 : NULL;
}

int cmd_getopt_next(struct cmd_getopt *g, int argc, char **argv,
		    const char *optstring, const struct option *longopts)
{
	return cmd_getopt_next_indexed(g, argc, argv, optstring, longopts,
				       NULL);
}

int cmd_getopt_next_indexed(struct cmd_getopt *g, int argc, char **argv,
			    const char *optstring,
			    const struct option *longopts,
			    const struct cmd_optindex *index)
{
	const char *spec, *a;
	char c;

	optarg = NULL;
	/* the mode characters: arguments in order ('-'), quiet (':') */
	if (optstring[0] == '-' || optstring[0] == '+')
		optstring++;
	g->quiet_missing = optstring[0] == ':';

	/*
	 * The common cases first, at a new word with nothing to undo: a
	 * lone short option ("-A"), a long option, an argument.  They do
	 * what the general code below does for them.
	 */
	if ((g->nextchar == NULL || *g->nextchar == '\0') && optind < argc &&
	    g->last_nonopt <= optind && g->first_nonopt <= optind) {
		a = argv[optind];
		if (a[0] != '-' || a[1] == '\0') {
			optarg = argv[optind++];
			return 1;
		}
		if (a[1] == '-' && a[2] != '\0')
			goto long_opt;
		if (a[1] != '-' && a[2] == '\0') {
			c = a[1];
			optind++;
			spec = short_spec(optstring, c);
			if (spec == NULL || c == ':' || c == ';') {
				g->nextchar = a + 2;
				optopt = c;
				return '?';
			}
			if (spec[1] != ':' || spec[2] == ':') {
				/* no argument, or an optional one: only
				 * attached, and nothing is */
				g->nextchar = spec[1] != ':' ? a + 2 : NULL;
				return c;
			}
			g->nextchar = NULL;
			if (optind == argc) {
				optopt = c;
				return g->quiet_missing ? ':' : '?';
			}
			optarg = argv[optind++];
			return c;
		}
	}

	if (g->nextchar == NULL || *g->nextchar == '\0') {
		/* the caller may have moved optind back */
		if (g->last_nonopt > optind)
			g->last_nonopt = optind;
		if (g->first_nonopt > optind)
			g->first_nonopt = optind;

		if (optind != argc && argv[optind][0] == '-' &&
		    argv[optind][1] == '-' && argv[optind][2] == '\0') {
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
long_opt:
			g->nextchar = argv[optind] + 2;
			return long_option(g, argc, argv, longopts, index);
		}
		g->nextchar = argv[optind] + 1;
	}

	/* the next character of a cluster of short options */
	c = *g->nextchar++;
	spec = short_spec(optstring, c);
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
