/*
 * restore_words.c - rule lines of iptables-restore into words.
 */
#include <stdlib.h>
#include <string.h>
#include "restore_words.h"

static int reserve(struct restore_words *w, size_t need,
		   struct xtables_err *err);
static int end_word(struct restore_words *w, size_t len,
		    struct xtables_err *err);

/* Copy len bytes of word (plus a NUL) into the store.  All words of a
 * line share one buffer: one allocation per line instead of one per
 * word.  When the buffer moves, the words already taken move along. */
static int add_word(struct restore_words *w, const char *word, size_t len,
		    struct xtables_err *err)
{
	if (w->argc + 1 >= RESTORE_MAX_ARGC)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Parser cannot handle more arguments");
	if (reserve(w, len + 1, err) < 0)
		return -1;
	memcpy(w->store + w->used, word, len);
	return end_word(w, len, err);
}

int restore_words_add(struct restore_words *w, const char *word,
		      struct xtables_err *err)
{
	return add_word(w, word, strlen(word), err);
}

void restore_words_free(struct restore_words *w)
{
	free(w->store);
	w->store = NULL;
	w->used = w->cap = 0;
	w->argc = 0;
	w->argv[0] = NULL;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Make room for need more bytes in the store. */
static int reserve(struct restore_words *w, size_t need,
		   struct xtables_err *err)
{
	size_t cap = w->cap ? w->cap : 256;
	char *grown;

	if (w->used + need <= w->cap)
		return 0;
	while (w->used + need > cap)
		cap *= 2;
	grown = realloc(w->store, cap);
	if (!grown)
		return xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
				    "strdup failed");
	for (int i = 0; i < w->argc; i++)
		w->argv[i] = grown + (w->argv[i] - w->store);
	w->store = grown;
	w->cap = cap;
	return 0;
}

/* The word being built at the end of the store becomes argv[argc]. */
static int end_word(struct restore_words *w, size_t len,
		    struct xtables_err *err)
{
	if (w->argc + 1 >= RESTORE_MAX_ARGC)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Parser cannot handle more arguments");
	w->argv[w->argc] = w->store + w->used;
	w->argv[w->argc][len] = '\0';
	w->used += len + 1;
	w->argc++;
	w->argv[w->argc] = NULL;
	return 0;
}

int restore_words_split(struct restore_words *w, const char *line,
			struct xtables_err *err)
{
	size_t len = 0;
	bool in_quote = false, escaped = false;
	const char *p;
	char *word;

	/* words never take more than the line plus a NUL each: reserve
	 * that once and build them in place */
	if (reserve(w, 2 * strlen(line) + 2, err) < 0)
		return -1;
	word = w->store + w->used;
	for (p = line; *p; p++) {
		char c = *p;

		if (in_quote) {
			if (escaped) {
				escaped = false;
			} else if (c == '\\') {
				escaped = true;
				continue;
			} else if (c == '"') {
				/* closing quote: ends the word */
				in_quote = false;
				goto end_word;
			}
		} else if (c == '"') {
			in_quote = true;
			continue;
		} else if (is_blank(c)) {
			if (len == 0)
				continue;
			goto end_word;
		}

		word[len++] = c;
		if (len >= RESTORE_MAX_PARAM)
			return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
					    "Parameter too long!");
		continue;
end_word:
		if (end_word(w, len, err) < 0)
			return -1;
		word = w->store + w->used;
		len = 0;
	}
	if (len && end_word(w, len, err) < 0)
		return -1;
	return 0;
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
