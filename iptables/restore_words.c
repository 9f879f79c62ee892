/*
 * restore_words.c - rule lines of iptables-restore into words.
 */
#include <stdlib.h>
#include <string.h>
#include "restore_words.h"

static int add(struct restore_words *w, char *word, struct xtables_err *err)
{
	if (w->argc + 1 >= RESTORE_MAX_ARGC)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Parser cannot handle more arguments");
	w->argv[w->argc++] = word;
	w->argv[w->argc] = NULL;
	return 0;
}

int restore_words_add(struct restore_words *w, const char *word,
		      struct xtables_err *err)
{
	return add(w, (char *)word, err);
}

void restore_words_reset(struct restore_words *w)
{
	w->argc = 0;
	w->argv[0] = NULL;
}

void restore_words_free(struct restore_words *w)
{
	restore_words_reset(w);
}

/* Bytes that end a run of ordinary characters, outside quotes (blank,
 * quote, end) and inside them (backslash, quote, end). */
enum { STOP_PLAIN = 1, STOP_QUOTED = 2, BLANK = 4 };
static const unsigned char byte_class[256] = {
	['\0'] = STOP_PLAIN | STOP_QUOTED,
	[' '] = STOP_PLAIN | BLANK, ['\t'] = STOP_PLAIN | BLANK,
	['\n'] = STOP_PLAIN | BLANK,
	['"'] = STOP_PLAIN | STOP_QUOTED,
	['\\'] = STOP_QUOTED,
};

/* The first byte at or after q of a class in stop (NUL is in every
 * one, so nothing past the string is read), four bytes a round. */
static char *run_end(char *q, unsigned char stop)
{
	for (;; q += 4) {
		if (byte_class[(unsigned char)q[0]] & stop)
			return q;
		if (byte_class[(unsigned char)q[1]] & stop)
			return q + 1;
		if (byte_class[(unsigned char)q[2]] & stop)
			return q + 2;
		if (byte_class[(unsigned char)q[3]] & stop)
			return q + 3;
	}
}

static int too_long(struct xtables_err *err)
{
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			    "Parameter too long!");
}

/* One pass over the line: a word is read at p and written at o, which
 * stays behind p (quotes and backslashes are dropped), so runs of
 * ordinary characters are only moved once a word had a quote. */
static int split_quoted(struct restore_words *w, char *line,
			struct xtables_err *err)
{
	char *p = line;

	for (;;) {
		char *word, *o, *q;
		bool in_quote = false;

		while (byte_class[(unsigned char)*p] & BLANK)
			p++;
		if (*p == '\0')
			return 0;
		word = o = p;
		for (;;) {
			unsigned char stop = in_quote ? STOP_QUOTED : STOP_PLAIN;

			q = run_end(p, stop);
			if (o != p)
				memmove(o, p, (size_t)(q - p));
			o += q - p;
			p = q;
			if (o - word >= RESTORE_MAX_PARAM)
				return too_long(err);
			if (*p == '\0' || (byte_class[(unsigned char)*p] & BLANK))
				break;
			if (*p == '\\') {
				/* in quotes: the next character literally */
				if (*++p == '\0')
					break;
				*o++ = *p++;
				if (o - word >= RESTORE_MAX_PARAM)
					return too_long(err);
				continue;
			}
			/* a quote: opening, or closing the word (even an
			 * empty one) */
			p++;
			if (!in_quote) {
				in_quote = true;
				continue;
			}
			*o = '\0';
			if (add(w, word, err) < 0)
				return -1;
			word = NULL;
			break;
		}
		if (word == NULL)
			continue;
		if (*p == '\0') {
			/* nothing left of an unterminated empty quote */
			*o = '\0';
			return o == word ? 0 : add(w, word, err);
		}
		/* a blank ends the word: p moves past it first */
		p++;
		*o = '\0';
		if (add(w, word, err) < 0)
			return -1;
	}
}

/* Words without quotes, the common case, end at the first blank or
 * NUL and need no copying: split_quoted() takes over from the first
 * word that has a quote.  The count is kept in a local and the NULL
 * after the last word written once. */
int restore_words_split(struct restore_words *w, char *line,
			struct xtables_err *err)
{
	unsigned char *p = (unsigned char *)line;
	int argc = w->argc, ret = 0;

	for (;;) {
		unsigned char *word;

		while (byte_class[*p] & BLANK)
			p++;
		if (*p == '\0')
			break;
		word = p;
		while (!(byte_class[*p] & STOP_PLAIN))
			p++;
		if (p - word >= RESTORE_MAX_PARAM) {
			ret = too_long(err);
			break;
		}
		if (*p == '"') {
			w->argc = argc;
			w->argv[argc] = NULL;
			return split_quoted(w, (char *)word, err);
		}
		if (argc + 1 >= RESTORE_MAX_ARGC) {
			ret = xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
					   "Parser cannot handle more arguments");
			break;
		}
		w->argv[argc++] = (char *)word;
		if (*p == '\0')
			break;
		*p++ = '\0';
	}
	w->argc = argc;
	w->argv[argc] = NULL;
	return ret;
}

int restore_take_counters(char **line, char **pcnt, char **bcnt,
			  unsigned int line_no, struct xtables_err *err)
{
	char *buf = *line, *close, *p, *b, *save = NULL;

	if (buf[0] != '[')
		return 0;
	close = strchr(buf, ']');
	if (!close)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Bad line %u: need ]", line_no);
	p = strtok_r(buf + 1, ":", &save);
	if (!p)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Bad line %u: need :", line_no);
	b = strtok_r(NULL, "]", &save);
	if (!b)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Bad line %u: need ]", line_no);
	*pcnt = p;
	*bcnt = b;
	*line = close + 1;
	return 1;
}
