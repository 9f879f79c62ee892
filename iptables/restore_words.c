/*
 * restore_words.c - rule lines of iptables-restore into words.
 */
#include <stdlib.h>
#include <string.h>
#include "restore_words.h"

int restore_words_add(struct restore_words *w, const char *word,
		      struct xtables_err *err)
{
	char *copy;

	if (w->argc + 1 >= RESTORE_MAX_ARGC)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Parser cannot handle more arguments");
	copy = strdup(word);
	if (!copy)
		return xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
				    "strdup failed");
	w->argv[w->argc++] = copy;
	w->argv[w->argc] = NULL;
	return 0;
}

void restore_words_free(struct restore_words *w)
{
	while (w->argc > 0)
		free(w->argv[--w->argc]);
	w->argv[0] = NULL;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

int restore_words_split(struct restore_words *w, const char *line,
			struct xtables_err *err)
{
	char word[RESTORE_MAX_PARAM];
	size_t len = 0;
	bool in_quote = false, escaped = false;
	const char *p;

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
		if (len >= sizeof(word))
			return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
					    "Parameter too long!");
		continue;
end_word:
		word[len] = '\0';
		if (restore_words_add(w, word, err) < 0)
			return -1;
		len = 0;
	}
	if (len) {
		word[len] = '\0';
		if (restore_words_add(w, word, err) < 0)
			return -1;
	}
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
