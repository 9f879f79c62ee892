/*
 * cmd_opttable.h - the long option tables getopt runs over while a
 * command line is parsed: the generic options merged with those of each
 * extension loaded so far, newest extension first.
 *
 * A table depends only on the generic table and the sequence of
 * extensions merged, so each one is built once and kept: the next rule
 * line loading the same extensions in the same order gets the same
 * tables (and their name indexes) back without any work.
 */
#ifndef IPTABLES_CMD_OPTTABLE_H
#define IPTABLES_CMD_OPTTABLE_H

#include <xtables/extension.h>
#include "cmd_getopt.h"

#define OFFSET_SCALE 256	/* getopt values reserved per extension */

struct cmd_opttable {
	struct option *opts;		/* NULL-terminated */
	unsigned int nopts;
	unsigned int offset;		/* of the extension merged last */
	struct cmd_optindex index;	/* of opts by name */

	/* private: the tree of tables, and tables not kept */
	const struct option *generic;	/* the root's generic options */
	unsigned int ngeneric;
	const struct xtables_ext *ext;	/* the extension merged last */
	struct cmd_opttable *children, *sibling;
	bool kept;
};

/* The table of the generic options alone (ngeneric entries of generic,
 * which stays valid).  NULL when out of memory. */
const struct cmd_opttable *cmd_opttable_root(const struct option *generic,
					     unsigned int ngeneric);

/* t with ext's options merged (after the generic ones, before the other
 * extensions' ones), their getopt values t->offset + OFFSET_SCALE + id.
 * ext must have options.  NULL when out of memory.  When too many
 * tables are kept already, the result is a new table the caller frees
 * with cmd_opttable_release(). */
const struct cmd_opttable *cmd_opttable_merge(const struct cmd_opttable *t,
					      const struct xtables_ext *ext);

/* Free t if it is not one of the kept tables. */
void cmd_opttable_release(const struct cmd_opttable *t);

#endif
