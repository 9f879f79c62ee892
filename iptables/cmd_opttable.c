/*
 * cmd_opttable.c - merged long option tables, built once per generic
 * table and sequence of extensions (a tree: a table's children are the
 * tables one more extension makes of it), each with an index by name.
 */
#include <stdlib.h>
#include <string.h>
#include "cmd_opttable.h"

/* Tables kept at most: input with ever new orders of extensions must not
 * make the cache grow without bound.  Beyond it, tables are built for
 * one command and freed with it. */
#define MAX_KEPT 4096

static struct cmd_opttable *roots;
static unsigned int nkept;

/* Index option pos of t, unless an earlier one has its name (the first
 * option of a name is the one getopt takes). */
static void index_put(struct cmd_opttable *t, unsigned int pos)
{
	uint16_t *slot = (uint16_t *)t->index.slot;
	const char *name = t->opts[pos].name;
	unsigned int mask = t->index.mask;
	unsigned int b = cmd_optname_hash(name, strlen(name)) & mask;

	for (; slot[b] != 0; b = (b + 1) & mask)
		if (strcmp(t->opts[slot[b] - 1].name, name) == 0)
			return;
	slot[b] = (uint16_t)(pos + 1);
}

/* A table of n options (filled by the caller) with room for its index. */
static struct cmd_opttable *table_new(unsigned int n)
{
	unsigned int size = 16;
	struct cmd_opttable *t;

	while (size < 2 * n)
		size *= 2;
	t = calloc(1, sizeof(*t));
	if (t == NULL)
		return NULL;
	t->opts = calloc(n + 1, sizeof(*t->opts));
	t->index.slot = calloc(size, sizeof(uint16_t));
	if (t->opts == NULL || t->index.slot == NULL || n > UINT16_MAX - 1) {
		free(t->opts);
		free((void *)t->index.slot);
		free(t);
		return NULL;
	}
	t->nopts = n;
	t->index.mask = size - 1;
	return t;
}

static void table_index(struct cmd_opttable *t)
{
	for (unsigned int i = 0; i < t->nopts; i++)
		index_put(t, i);
}

static void table_free(struct cmd_opttable *t)
{
	free(t->opts);
	free((void *)t->index.slot);
	free(t);
}

const struct cmd_opttable *cmd_opttable_root(const struct option *generic,
					     unsigned int ngeneric)
{
	struct cmd_opttable *t;

	/* one root per generic table (a family's), told by its address */
	for (t = roots; t != NULL; t = t->sibling)
		if (t->generic == generic && t->ngeneric == ngeneric)
			return t;
	t = table_new(ngeneric);
	if (t == NULL)
		return NULL;
	t->generic = generic;
	t->ngeneric = ngeneric;
	memcpy(t->opts, generic, ngeneric * sizeof(*generic));
	table_index(t);
	t->kept = true;
	t->sibling = roots;
	roots = t;
	nkept++;
	return t;
}

static unsigned int option_count(const struct xtables_ext *ext)
{
	unsigned int n = 0;

	if (ext->options != NULL)
		while (ext->options[n].name != NULL)
			n++;
	return n;
}

/* Generic options first, then the new ones, then the extensions merged
 * before (the reference's precedence). */
static struct cmd_opttable *build(const struct cmd_opttable *parent,
				  const struct xtables_ext *ext)
{
	unsigned int nnew = option_count(ext), ngeneric = parent->ngeneric;
	struct cmd_opttable *t = table_new(parent->nopts + nnew);
	struct option *o;

	if (t == NULL)
		return NULL;
	t->ext = ext;
	t->generic = parent->generic;
	t->ngeneric = ngeneric;
	t->offset = parent->offset + OFFSET_SCALE;
	memcpy(t->opts, parent->opts, ngeneric * sizeof(*t->opts));
	o = t->opts + ngeneric;
	for (unsigned int i = 0; i < nnew; i++, o++) {
		const struct xtables_option *xo = &ext->options[i];

		o->name = xo->name;
		o->has_arg = xo->type == XTTYPE_NONE ? no_argument :
			     xo->has_arg_optional ? optional_argument :
			     required_argument;
		o->flag = NULL;
		o->val = (int)(t->offset + xo->id);
	}
	memcpy(o, parent->opts + ngeneric,
	       (parent->nopts - ngeneric) * sizeof(*o));
	table_index(t);
	return t;
}

const struct cmd_opttable *cmd_opttable_merge(const struct cmd_opttable *t,
					      const struct xtables_ext *ext)
{
	struct cmd_opttable *parent = (struct cmd_opttable *)t, *c;

	if (parent->kept)
		for (c = parent->children; c != NULL; c = c->sibling)
			if (c->ext == ext)
				return c;
	c = build(parent, ext);
	if (c == NULL)
		return NULL;
	if (parent->kept && nkept < MAX_KEPT) {
		c->kept = true;
		c->sibling = parent->children;
		parent->children = c;
		nkept++;
	}
	return c;
}

void cmd_opttable_release(const struct cmd_opttable *t)
{
	if (t != NULL && !t->kept)
		table_free((struct cmd_opttable *)t);
}
