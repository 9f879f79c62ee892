/*
 * table.c - a table as a whole: reading it from the kernel, the error
 * texts of the engine, the list of tables, freeing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include "engine.h"

/* ---- error texts: libiptc's table, keyed by the failing operation ---- */

struct err_text {
	enum engine_op op;	/* OP_OTHER: any operation */
	int err;
	const char *text;
};

static const struct err_text err_texts[] = {
	{ OP_INIT, EPERM, "Permission denied (you must be root)" },
	{ OP_INIT, EINVAL, "Module is wrong version" },
	{ OP_INIT, ENOENT, "Table does not exist (do you need to insmod?)" },
	{ OP_DELETE_CHAIN, ENOTEMPTY, "Chain is not empty" },
	{ OP_DELETE_CHAIN, EINVAL, "Can't delete built-in chain" },
	{ OP_DELETE_CHAIN, EMLINK, "Can't delete chain with references left" },
	{ OP_CREATE_CHAIN, EEXIST, "Chain already exists" },
	{ OP_INSERT_ENTRY, E2BIG, "Index of insertion too big" },
	{ OP_REPLACE_ENTRY, E2BIG, "Index of replacement too big" },
	{ OP_DELETE_NUM_ENTRY, E2BIG, "Index of deletion too big" },
	{ OP_ZERO_COUNTER, E2BIG, "Index of counter too big" },
	{ OP_INSERT_ENTRY, ELOOP, "Loop found in table" },
	{ OP_INSERT_ENTRY, EINVAL, "Target problem" },
	{ OP_DELETE_ENTRY, ENOENT,
	  "Bad rule (does a matching rule exist in that chain?)" },
	{ OP_SET_POLICY, ENOENT, "Bad built-in chain name" },
	{ OP_SET_POLICY, EINVAL, "Bad policy name" },
	{ OP_OTHER, 0, "Incompatible with this kernel" },
	{ OP_OTHER, ENOPROTOOPT, "iptables who? (do you need to insmod?)" },
	{ OP_OTHER, ENOSYS, "Will be implemented real soon.  I promise ;)" },
	{ OP_OTHER, ENOMEM, "Memory allocation problem" },
	{ OP_OTHER, ENOENT, "No chain/target/match by that name" },
};

const char *engine_strerror(enum engine_op op, int e)
{
	for (size_t i = 0; i < sizeof(err_texts) / sizeof(err_texts[0]); i++)
		if ((err_texts[i].op == OP_OTHER || err_texts[i].op == op) &&
		    err_texts[i].err == e)
			return err_texts[i].text;
	return strerror(e);
}

static int last_errno;

int xtables_engine_errno(void)
{
	return last_errno;
}

int engine_fail(struct xtables_err *err, enum engine_op op, int e)
{
	int status = XTABLES_OTHER_PROBLEM;

	if (op == OP_COMMIT && e == EAGAIN)
		status = XTABLES_RESOURCE_PROBLEM;
	xtables_fail(err, status, "%s", engine_strerror(op, e));
	last_errno = e;
	errno = e;
	return -1;
}

/* ---- reading ---- */

_Static_assert(ENGINE_REPLACE_ROOM >=
	       offsetof(struct engine_get_entries, entrytable),
	       "the replace header must fit before the entries");
_Static_assert(ENGINE_REPLACE_ROOM % 8 == 0, "entries must stay aligned");

/* The read buffer for t->info.size bytes of entries. */
static int read_buffer(struct xtables_table *t)
{
	/* The entries start ENGINE_REPLACE_ROOM bytes into the allocation,
	 * so that the commit can put its struct engine_replace in front of
	 * them; the slack at the end is for rules added (never touched
	 * unless used, so it costs address space only). */
	t->read_len = ENGINE_REPLACE_ROOM + t->info.size +
		      t->info.size / 4 + 65536;
	free(t->read_raw);
	t->read_raw = malloc(t->read_len);
	if (t->read_raw == NULL) {
		t->entries = NULL;
		errno = ENOMEM;
		return -1;
	}
	t->entries = (struct engine_get_entries *)
		(t->read_raw + ENGINE_REPLACE_ROOM -
		 offsetof(struct engine_get_entries, entrytable));
	t->base = (unsigned char *)t->entries->entrytable;
	t->base_cap = t->read_len - ENGINE_REPLACE_ROOM;
	/* the part GET_ENTRIES writes; the slack stays untouched */
	engine_prefault(t->read_raw, ENGINE_REPLACE_ROOM + t->info.size);
	memset(t->entries, 0, sizeof(*t->entries));
	strcpy(t->entries->name, t->name);
	t->entries->size = t->info.size;
	return 0;
}

static int read_blob(struct xtables_table *t)
{
	const struct xtables_family *fam = t->fam;
	socklen_t len = sizeof(t->info);

	memset(&t->info, 0, sizeof(t->info));
	strcpy(t->info.name, t->name);
	if (getsockopt(t->fd, fam->sol, fam->so_get_info, &t->info, &len) < 0)
		return -1;
	if (read_buffer(t) < 0)
		return -1;
	len = sizeof(*t->entries) + t->info.size;
	if (getsockopt(t->fd, fam->sol, fam->so_get_entries, t->entries,
		       &len) < 0)
		return -1;
	return 0;
}

static void table_clear(struct xtables_table *t)
{
	for (unsigned int i = 0; i < t->nchains; i++)
		if (t->chains[i])
			engine_chain_free(t->chains[i]);
	free(t->chains);
	t->chains = NULL;
	t->nchains = t->chains_cap = 0;
	free(t->hash);
	t->hash = NULL;
	t->hash_size = t->hash_used = 0;
	t->last_found = NULL;
	free(t->slab);
	t->slab = NULL;
	t->read_live = 0;
	while (t->rule_pool != NULL) {
		struct engine_rule_pool *next = t->rule_pool->next;

		free(t->rule_pool);
		t->rule_pool = next;
	}
}

/* One attempt, as libiptc's TC_INIT: socket, GET_INFO, GET_ENTRIES, parse. */
static int table_load(struct xtables_table *t)
{
	int e;

	for (;;) {
		if (strlen(t->name) >= XT_TABLE_MAXNAMELEN) {
			errno = EINVAL;
			return -1;
		}
		t->fd = engine_socket(t->fam);
		if (t->fd < 0)
			return -1;
		if (read_blob(t) == 0 && engine_parse(t) == 0)
			return 0;
		e = errno;
		table_clear(t);
		close(t->fd);
		t->fd = -1;
		/* the table changed size between GET_INFO and GET_ENTRIES */
		if (e != EAGAIN) {
			errno = e;
			return -1;
		}
	}
}

struct xtables_table *xtables_table_read(const struct xtables_family *fam,
					 const char *name,
					 struct xtables_err *err)
{
	struct xtables_table *t;
	int e;

	t = calloc(1, sizeof(*t));
	if (t == NULL) {
		e = ENOMEM;
		goto fail;
	}
	t->fam = fam;
	t->fd = -1;
	snprintf(t->name, sizeof(t->name), "%s", name);
	if (strlen(name) >= sizeof(t->name)) {
		e = EINVAL;
		goto fail;
	}
	if (table_load(t) == 0)
		return t;
	/* iptables tries once more after loading the module */
	engine_load_module(fam);
	if (table_load(t) == 0)
		return t;
	e = errno;
fail:
	if (t)
		xtables_table_free(t);
	xtables_fail(err, XTABLES_VERSION_PROBLEM,
		     "can't initialize %s table `%s': %s", fam->prog, name,
		     engine_strerror(OP_INIT, e));
	last_errno = e;
	errno = e;
	return NULL;
}

struct xtables_table *engine_table_from_blob(const struct xtables_family *fam,
					     const char *name,
					     const struct engine_getinfo *info,
					     const void *entries)
{
	struct xtables_table *t;

	if (strlen(name) >= sizeof(t->name)) {
		errno = EINVAL;
		return NULL;
	}
	t = calloc(1, sizeof(*t));
	if (t == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	t->fam = fam;
	t->fd = -1;
	strcpy(t->name, name);
	t->info = *info;
	strcpy(t->info.name, name);
	if (read_buffer(t) == 0) {
		memcpy(t->entries->entrytable, entries, info->size);
		if (engine_parse(t) == 0)
			return t;
	}
	xtables_table_free(t);
	return NULL;
}

void xtables_table_free(struct xtables_table *t)
{
	if (t == NULL)
		return;
	table_clear(t);
	free(t->read_raw);
	if (t->spool_raw != NULL)
		munmap(t->spool_raw, ENGINE_SPOOL_RESERVE);
	if (t->fd >= 0)
		close(t->fd);
	free(t);
}

bool xtables_table_changed(const struct xtables_table *t)
{
	return t->changed;
}

const char *xtables_table_name(const struct xtables_table *t)
{
	return t->name;
}

const struct xtables_family *xtables_table_family(const struct xtables_table *t)
{
	return t->fam;
}

/* ---- the kernel's list of tables ---- */

char **xtables_table_names(const struct xtables_family *fam,
			   struct xtables_err *err)
{
	char text[4096], **names, *p, *line;
	size_t len = 0, n = 0;
	FILE *f;

	f = fopen(fam->proc_names, "re");
	if (f == NULL) {
		if (errno != ENOENT) {
			xtables_fail(err, XTABLES_OTHER_PROBLEM,
				     "Failed to list table names in %s: %s",
				     fam->proc_names, strerror(errno));
			if (err)
				err->raw = true;
			return NULL;
		}
		text[0] = '\0';
	} else {
		len = fread(text, 1, sizeof(text) - 1, f);
		fclose(f);
		text[len] = '\0';
	}
	for (p = text; *p; p++)
		if (*p == '\n')
			n++;
	if (len > 0 && text[len - 1] != '\n')
		n++;

	/* one block, pointers then strings: free(names) frees all */
	names = malloc((n + 1) * sizeof(*names) + len + 1);
	if (names == NULL) {
		xtables_fail(err, XTABLES_OTHER_PROBLEM, "%s",
			     engine_strerror(OP_OTHER, ENOMEM));
		return NULL;
	}
	p = memcpy(names + n + 1, text, len + 1);
	n = 0;
	while ((line = strsep(&p, "\n")) != NULL)
		if (*line != '\0')
			names[n++] = line;
	names[n] = NULL;
	return names;
}
