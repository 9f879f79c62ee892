/*
 * fuzz_restore.c - libFuzzer target: iptables-restore rule lines.
 *
 * The input is a restore file.  Every line goes through what
 * iptables-restore does before touching a table: the "[pkts:bytes]"
 * prefix, the splitting into words with the quoting rules
 * (restore_words.c), then the command-line parser (cmd_parse, with the
 * extensions it loads and their option parsing).  Nothing is executed
 * against the kernel.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"
#include "restore_words.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_init(*argv[0]);
	return 0;
}

static void one_line(char *line, unsigned int line_no)
{
	struct restore_words w = { 0 };
	struct xtables_err err = { 0 };
	struct cmd_env env = {
		.fam = &xtables_ipv4, .restore = true, .table = "filter",
	};
	char *start = line, *pcnt = NULL, *bcnt = NULL;
	struct cmd *c;

	if (restore_words_add(&w, "iptables-restore", &err) < 0)
		goto out;
	if (restore_take_counters(&start, &pcnt, &bcnt, line_no, &err) < 0)
		goto out;
	if (pcnt && bcnt &&
	    (restore_words_add(&w, "--set-counters", &err) < 0 ||
	     restore_words_add(&w, pcnt, &err) < 0 ||
	     restore_words_add(&w, bcnt, &err) < 0))
		goto out;
	if (restore_words_split(&w, start, &err) < 0)
		goto out;
	c = cmd_parse(&env, w.argc, w.argv, &err);
	if (c != NULL)
		cmd_free(c);
out:
	restore_words_free(&w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *p, *nl;
	unsigned int line_no = 0;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	for (p = buf; p && *p; p = nl) {
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		line_no++;
		if (*p == '*' || *p == ':' || *p == '#' ||
		    strcmp(p, "COMMIT") == 0)
			continue;
		one_line(p, line_no);
	}
	free(buf);
	return 0;
}
