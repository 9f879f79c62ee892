/*
 * restore_words.h - splitting an iptables-restore rule line into the
 * argument vector the command-line parser takes, with the reference's
 * quoting rules, and the optional "[pkts:bytes]" prefix.
 */
#ifndef IPTABLES_RESTORE_WORDS_H
#define IPTABLES_RESTORE_WORDS_H

#include <xtables/extension.h>

/* Most arguments a rule line may make (program name and the added
 * "-t table" included), as in the reference. */
#define RESTORE_MAX_ARGC 255
/* Longest single argument, terminating NUL included. */
#define RESTORE_MAX_PARAM 1024

/* The words point into the line split and to the words added: those
 * must stay as they are while the words are used. */
struct restore_words {
	int argc;
	char *argv[RESTORE_MAX_ARGC + 1];	/* NULL-terminated */
};

/* Append word (not copied).  -1 with err set when there are too many. */
int restore_words_add(struct restore_words *w, const char *word,
		      struct xtables_err *err);

/* Split line into words, in place: blanks (space, tab, newline)
 * separate words, double quotes group (inside them a backslash takes
 * the next character literally), an unterminated quote runs to the end
 * of the line.  The words are made of the line's bytes, the quotes and
 * backslashes taken out, each ended by a NUL written over the line. */
int restore_words_split(struct restore_words *w, char *line,
			struct xtables_err *err);

/* Forget the words, for the next line. */
void restore_words_reset(struct restore_words *w);

/* The same (the words own no memory); kept for older callers. */
void restore_words_free(struct restore_words *w);

/* If *line starts with "[", take "[pkts:bytes]" off it: *pcnt and *bcnt
 * point at the two numbers (in line, which is modified), *line after the
 * "]".  Returns 1 if counters were there, 0 if not, -1 with err set
 * ("Bad line N: need ]" ...) when malformed. */
int restore_take_counters(char **line, char **pcnt, char **bcnt,
			  unsigned int line_no, struct xtables_err *err);

#endif
