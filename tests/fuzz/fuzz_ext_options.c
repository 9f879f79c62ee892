/*
 * fuzz_ext_options.c - libFuzzer target: the option parsing of every
 * extension, through the option core.
 *
 * At start every extension in $XTABLES_LIBDIR is loaded (as a match and
 * as a target).  An input is:
 *   byte 0        which extension (index modulo their number)
 *   byte 1        the rule's protocol (-p), from a small list
 *   then records: one byte (bit 7: "!" before the option; the rest: the
 *                 option's index in the extension's table), then the
 *                 argument up to a NUL byte, and for XTOPT_ARG2 options a
 *                 second NUL-terminated word.
 * Each option goes through xtables_instance_parse2(); when all parsed
 * and xtables_instance_final() accepts the result, the rule's kernel
 * entry is built and the extension prints and saves it (to /dev/null):
 * whatever the parser accepts must be printable.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xtables/extension.h>
#include <xtables/family.h>
#include <xtables/rule.h>
#include "fuzz_common.h"

#define MAX_EXTS 256
#define MAX_RECORDS 16

static const struct xtables_ext *exts[MAX_EXTS];
static unsigned int nexts;

static void load(enum xtables_ext_kind kind, const char *name)
{
	struct xtables_err err = { 0 };
	const struct xtables_ext *e;

	if (nexts >= MAX_EXTS)
		return;
	e = xtables_find_ext(&xtables_ipv4, kind, name, true, &err);
	if (e != NULL && e->options != NULL)
		exts[nexts++] = e;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Extensions load in name order, so that an input means the same on
 * every machine. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *names[MAX_EXTS];
	unsigned int nnames = 0, i;
	const char *dir;
	struct dirent *d;
	DIR *dp;

	fuzz_init(*argv[0]);
	(void)argc;
	dir = getenv("XTABLES_LIBDIR");
	dp = opendir(dir);
	if (dp == NULL)
		exit(2);
	while ((d = readdir(dp)) != NULL) {
		char name[64];
		const char *p = NULL;
		size_t len;

		if (strncmp(d->d_name, "libxt_", 6) == 0)
			p = d->d_name + 6;
		else if (strncmp(d->d_name, "libipt_", 7) == 0)
			p = d->d_name + 7;
		if (p == NULL)
			continue;
		len = strlen(p);
		if (len < 4 || len - 3 >= sizeof(name) ||
		    strcmp(p + len - 3, ".so") != 0)
			continue;
		memcpy(name, p, len - 3);
		name[len - 3] = '\0';
		if (nnames < MAX_EXTS && (names[nnames] = strdup(name)) != NULL)
			nnames++;
	}
	closedir(dp);
	qsort(names, nnames, sizeof(names[0]), by_name);
	for (i = 0; i < nnames; i++) {
		load(XTABLES_MATCH, names[i]);
		load(XTABLES_TARGET, names[i]);
		free(names[i]);
	}
	if (nexts == 0) {
		fprintf(stderr, "fuzz: no extensions with options in %s\n", dir);
		exit(2);
	}
	return 0;
}

/* The next NUL-terminated word of the input (the end counts as NUL). */
static char *word(const uint8_t **p, const uint8_t *end)
{
	const uint8_t *s = *p, *z = memchr(s, '\0', end - s);
	size_t len = z ? (size_t)(z - s) : (size_t)(end - s);
	char *w = malloc(len + 1);

	if (w == NULL)
		abort();
	memcpy(w, s, len);
	w[len] = '\0';
	*p = z ? z + 1 : end;
	return w;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint16_t protos[] = { 0, 6, 17, 1, 132, 33, 136, 50 };
	const uint8_t *p = data, *end = data + size;
	struct xtables_instance *inst, *matches[1];
	struct xtables_rule_ip ip = { .family = NFPROTO_IPV4 };
	struct xtables_err err = { 0 };
	const struct xtables_ext *ext;
	unsigned int nopts = 0, rec;
	size_t esize;
	void *entry;

	if (size < 2)
		return 0;
	ext = exts[p[0] % nexts];
	ip.proto = protos[p[1] % (sizeof(protos) / sizeof(protos[0]))];
	p += 2;
	while (ext->options[nopts].name != NULL)
		nopts++;
	inst = xtables_instance_new(ext, &err);
	if (inst == NULL)
		return 0;

	for (rec = 0; rec < MAX_RECORDS && p < end; rec++) {
		const struct xtables_option *opt = &ext->options[(*p & 0x7f) % nopts];
		bool invert = *p & 0x80;
		char *arg = NULL, *arg2 = NULL;
		int ret;

		p++;
		if (opt->type != XTTYPE_NONE || opt->has_arg_optional)
			arg = word(&p, end);
		if (opt->flags & XTOPT_ARG2) {
			arg2 = word(&p, end);
			if (arg2[0] == '\0' || arg2[0] == '-' || arg2[0] == '!') {
				free(arg2);
				arg2 = NULL;
			}
		}
		if (opt->has_arg_optional && arg && arg[0] == '\0') {
			free(arg);
			arg = NULL;
		}
		ret = xtables_instance_parse2(inst, opt, arg, arg2, invert, &ip,
					      &err);
		free(arg);
		free(arg2);
		if (ret < 0)
			goto out;
	}
	if (xtables_instance_final(inst, &ip, &err) < 0)
		goto out;

	if (ext->print)
		ext->print(fuzz_sink, &ip, inst->data, 0);
	if (ext->print)
		ext->print(fuzz_sink, &ip, inst->data, XTABLES_PRINT_NUMERIC);
	if (ext->save)
		ext->save(fuzz_sink, &ip, inst->data);
	if (ext->alias)
		(void)ext->alias(inst->data);
	matches[0] = inst;
	if (ext->kind == XTABLES_MATCH)
		entry = xtables_entry_build(&xtables_ipv4, &ip, matches, 1,
					    NULL, "ACCEPT", &esize);
	else
		entry = xtables_entry_build(&xtables_ipv4, &ip, NULL, 0, inst,
					    "", &esize);
	free(entry);
out:
	xtables_instance_free(inst);
	return 0;
}
