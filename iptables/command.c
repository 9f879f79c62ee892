/*
 * command.c - run a parsed command against an open table, in the
 * reference's order of steps and with its messages.  Commands that act
 * on several entries (-s/-d lists) act on each, keep going after a
 * failure and report the last one, as the reference does.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "restore_chains.h"

/* Collects the outcome of several engine calls: the last failure wins. */
struct outcome {
	bool failed;
	struct xtables_err last;
};

static void note(struct outcome *o, int ret, const struct xtables_err *err)
{
	if (ret < 0) {
		o->failed = true;
		o->last = *err;
	}
}

static int finish(const struct outcome *o, struct xtables_err *err)
{
	if (!o->failed)
		return 0;
	*err = o->last;
	return -1;
}

static unsigned int list_format(const struct cmd *c)
{
	unsigned int fmt = 0;

	if (c->options & OPT_NUMERIC)
		fmt |= FMT_NUMERIC;
	if (c->options & OPT_VERBOSE)
		fmt |= FMT_VERBOSE;
	if (c->options & OPT_EXPANDED)
		fmt |= FMT_EXACT;
	if (c->options & OPT_LINENUMBERS)
		fmt |= FMT_LINENUMBERS;
	return fmt;
}

static bool verbose(const struct cmd *c)
{
	return c->options & OPT_VERBOSE;
}

static int no_chain(struct xtables_err *err)
{
	return xtables_fail(err, XTABLES_OTHER_PROBLEM,
			    "No chain/target/match by that name");
}

/* ---- rules ---- */

/* The entry of a rule command, built once; addresses set per pair. */
struct rule_build {
	const struct xtables_instance *target;	/* NULL: standard target */
	struct xtables_instance **matches;
	void *entry;
	size_t size;
};

/* Which target the rule gets: an extension, or a standard target for a
 * verdict, a chain, or nothing.  Order and messages as the reference. */
static int resolve_target(struct cmd *c, struct xtables_table *t,
			  struct rule_build *b, struct xtables_err *err)
{
	bool is_chain = c->jumpto[0] != '\0' &&
			xtables_chain_find(t, c->jumpto) != NULL;

	b->target = NULL;
	if (c->target.inst != NULL) {
		if (!is_chain) {
			b->target = c->target.inst;
			return 0;
		}
		fprintf(stderr, "Warning: using chain %s, not extension\n",
			c->jumpto);
	}
	if (c->jumpto[0] == '\0' || is_chain ||
	    (c->target.ext != NULL && c->target.inst == NULL))
		return 0;
	if (c->ip.flags & XTABLES_IPF_GOTO)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "goto '%s' is not a chain", c->jumpto);
	/* neither chain nor loadable extension: the loader says why; a
	 * name a restore file declared as a chain never loads */
	if (restore_chain_announced(c->jumpto))
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Couldn't load target `%s':%s\n",
				    c->jumpto, strerror(ENOENT));
	if (xtables_find_ext(c->fam, XTABLES_TARGET, c->jumpto, false, err) == NULL)
		return -1;
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			    "Couldn't load target `%s'", c->jumpto);
}

static int build_rule(struct cmd *c, struct xtables_table *t,
		      struct rule_build *b, struct xtables_err *err)
{
	unsigned int i;

	if (resolve_target(c, t, b, err) < 0)
		return -1;
	/* malloc, not calloc (see cmd_parse): every slot is set below */
	b->matches = malloc((c->nmatches + 1) * sizeof(*b->matches));
	if (b->matches == NULL)
		return xtables_fail(err, XTABLES_OTHER_PROBLEM,
				    "can't alloc memory!");
	for (i = 0; i < c->nmatches; i++)
		b->matches[i] = c->matches[i].inst;
	b->matches[c->nmatches] = NULL;
	b->entry = xtables_entry_build(c->fam, &c->ip, b->matches, c->nmatches,
				       b->target, c->jumpto, &b->size);
	if (b->entry == NULL)
		return xtables_fail(err, XTABLES_OTHER_PROBLEM,
				    "can't alloc memory!");
	return 0;
}

/* Put address pair (i, j) and the -c counters into the entry. */
static void set_pair(struct cmd *c, struct rule_build *b, unsigned int i,
		     unsigned int j)
{
	const struct xtables_family *fam = c->fam;

	c->ip.src = c->src.addr[i];
	c->ip.smsk = c->src.mask[i];
	c->ip.dst = c->dst.addr[j];
	c->ip.dmsk = c->dst.mask[j];
	fam->ip_encode(&c->ip, b->entry);
	memcpy((char *)b->entry + fam->off_counters, &c->counters,
	       sizeof(c->counters));
}

/* -c on an inserted/replaced rule: make sure the engine keeps them. */
static void set_counters(struct cmd *c, struct xtables_table *t,
			 unsigned int num)
{
	const struct xtables_chain *ch;
	struct xtables_rule *r;

	if (!(c->options & OPT_COUNTERS))
		return;
	ch = xtables_chain_find(t, c->chain);
	r = ch ? xtables_rule_get(ch, num) : NULL;
	if (r != NULL)
		xtables_rule_set_counters(r, &c->counters);
}

static unsigned int chain_rules(struct xtables_table *t, const char *chain)
{
	const struct xtables_chain *ch = xtables_chain_find(t, chain);

	return ch ? xtables_chain_rule_count(ch) : 0;
}

/* libiptc looks a target name other than a verdict up as a chain
 * (once it found the rule's chain) before it compares rules, and that
 * lookup leaves its own name on the error: a rule not found is reported as "No chain/target/
 * match by that name" instead of "Bad rule ...". */
static int not_found(const struct cmd *c, struct xtables_table *t,
		     const struct rule_build *b, struct xtables_err *err)
{
	static const char *const verdicts[] = {
		"", "ACCEPT", "DROP", "QUEUE", "RETURN",
	};
	const char *name = b->target ? c->target.ext->name : c->jumpto;
	unsigned int i;

	if (xtables_engine_errno() != ENOENT ||
	    xtables_chain_find(t, c->chain) == NULL)
		return -1;
	if (b->target && c->target.ext->real_name)
		name = c->target.ext->real_name;
	for (i = 0; i < sizeof(verdicts) / sizeof(verdicts[0]); i++)
		if (strcmp(name, verdicts[i]) == 0)
			return -1;
	return no_chain(err);
}

static int run_rule_command(struct cmd *c, struct xtables_table *t,
			    FILE *out, struct xtables_err *err)
{
	struct rule_build b = { 0 };
	struct outcome o;	/* last is only read once set */
	unsigned char *mask = NULL;
	unsigned int i, j;
	int ret;

	o.failed = false;
	if (build_rule(c, t, &b, err) < 0) {
		free(b.matches);
		return -1;
	}
	if (c->command == CMD_DELETE || c->command == CMD_CHECK) {
		mask = xtables_entry_mask(c->fam, b.matches, c->nmatches,
					  b.target, b.size);
		if (mask == NULL) {
			free(b.entry);
			free(b.matches);
			return xtables_fail(err, XTABLES_OTHER_PROBLEM,
					    "can't alloc memory!");
		}
	}

	if (c->command == CMD_REPLACE) {
		if (c->src.n > 0 && c->dst.n > 0) {
			set_pair(c, &b, 0, 0);
			if (verbose(c))
				print_entry_line(out, t, b.entry);
			ret = xtables_rule_replace(t, c->chain, c->rulenum,
						   b.entry, b.size, err);
			note(&o, ret, err);
			if (ret == 0)
				set_counters(c, t, c->rulenum);
		}
		goto done;
	}

	for (i = 0; i < c->src.n; i++) {
		for (j = 0; j < c->dst.n; j++) {
			set_pair(c, &b, i, j);
			if (verbose(c))
				print_entry_line(out, t, b.entry);
			switch (c->command) {
			case CMD_APPEND:
				ret = xtables_rule_append(t, c->chain, b.entry,
							  b.size, err);
				if (ret == 0)
					set_counters(c, t,
						     chain_rules(t, c->chain));
				break;
			case CMD_INSERT:
				ret = xtables_rule_insert(t, c->chain,
							  c->rulenum, b.entry,
							  b.size, err);
				if (ret == 0)
					set_counters(c, t, c->rulenum);
				break;
			case CMD_DELETE: {
				unsigned int num;

				num = xtables_rule_find(t, c->chain, b.entry,
							b.size, mask, err);
				ret = num ? xtables_rule_delete_num(t, c->chain,
								    num, err) :
					    not_found(c, t, &b, err);
				break;
			}
			default: /* CMD_CHECK */
				ret = xtables_rule_find(t, c->chain, b.entry,
							b.size, mask, err) ? 0 :
				      not_found(c, t, &b, err);
				break;
			}
			note(&o, ret, err);
		}
	}
done:
	free(mask);
	free(b.entry);
	free(b.matches);
	return finish(&o, err);
}

/* ---- chains ---- */

typedef int (*chain_fn)(struct xtables_table *t, const char *name,
			struct xtables_err *err);

/* Apply fn to one chain, or to every chain (user chains only unless
 * builtins), names taken before any change as the reference does. */
static int each_chain(struct cmd *c, struct xtables_table *t, FILE *out,
		      const char *verb, chain_fn fn, bool builtins,
		      struct xtables_err *err)
{
	const struct xtables_chain *ch;
	struct outcome o = { 0 };
	char **names = NULL;
	unsigned int n = 0, i;

	if (c->chain != NULL) {
		if (verbose(c))
			fprintf(out, "%s chain `%s'\n", verb, c->chain);
		return fn(t, c->chain, err);
	}
	for (ch = xtables_chain_first(t); ch; ch = xtables_chain_next(ch))
		n++;
	names = calloc(n + 1, sizeof(*names));
	if (names == NULL)
		return xtables_fail(err, XTABLES_OTHER_PROBLEM,
				    "can't alloc memory!");
	n = 0;
	for (ch = xtables_chain_first(t); ch; ch = xtables_chain_next(ch))
		if (builtins || !xtables_chain_builtin(ch))
			names[n++] = strdup(xtables_chain_name(ch));
	for (i = 0; i < n; i++) {
		if (names[i] == NULL) {
			note(&o, xtables_fail(err, XTABLES_OTHER_PROBLEM,
					      "can't alloc memory!"), err);
			continue;
		}
		if (verbose(c))
			fprintf(out, "%s chain `%s'\n", verb, names[i]);
		note(&o, fn(t, names[i], err), err);
		free(names[i]);
	}
	free(names);
	return finish(&o, err);
}

static int zero_chains(struct cmd *c, struct xtables_table *t, FILE *out,
		       struct xtables_err *err)
{
	return each_chain(c, t, out, "Zeroing", xtables_chain_zero, true, err);
}

/* -L / -S, possibly followed by -Z. */
static int run_listing(struct cmd *c, struct xtables_table *t, FILE *out,
		       struct xtables_err *err)
{
	bool found;

	if (c->command & CMD_LIST)
		found = print_list(out, t, c->chain, c->rulenum, list_format(c));
	else
		found = print_rules(out, t, c->chain, c->rulenum,
				    verbose(c) ? FMT_VERBOSE : 0);
	if (!found)
		return no_chain(err);
	if (c->command & CMD_ZERO)
		return zero_chains(c, t, out, err);
	if (c->command & CMD_ZERO_NUM)
		return xtables_rule_zero(t, c->chain, c->rulenum, err);
	return 0;
}

/* The command proper. */
static int run(struct cmd *c, struct xtables_table *t, FILE *out,
	       struct xtables_err *err)
{
	/* the fields, not the whole message buffer: once per rule line */
	err->status = 0;
	err->raw = false;
	err->line = 0;
	err->msg[0] = '\0';

	switch (c->command) {
	case CMD_APPEND:
	case CMD_DELETE:
	case CMD_CHECK:
	case CMD_INSERT:
	case CMD_REPLACE:
		return run_rule_command(c, t, out, err);
	case CMD_DELETE_NUM:
		return xtables_rule_delete_num(t, c->chain, c->rulenum, err);
	case CMD_FLUSH:
		return each_chain(c, t, out, "Flushing", xtables_chain_flush,
				  true, err);
	case CMD_ZERO:
		return zero_chains(c, t, out, err);
	case CMD_ZERO_NUM:
		return xtables_rule_zero(t, c->chain, c->rulenum, err);
	case CMD_LIST:
	case CMD_LIST | CMD_ZERO:
	case CMD_LIST | CMD_ZERO_NUM:
	case CMD_LIST_RULES:
	case CMD_LIST_RULES | CMD_ZERO:
	case CMD_LIST_RULES | CMD_ZERO_NUM:
		return run_listing(c, t, out, err);
	case CMD_NEW_CHAIN:
		return xtables_chain_create(t, c->chain, err);
	case CMD_DELETE_CHAIN:
		return each_chain(c, t, out, "Deleting", xtables_chain_delete,
				  false, err);
	case CMD_RENAME_CHAIN:
		return xtables_chain_rename(t, c->chain, c->newname, err);
	case CMD_SET_POLICY:
		return xtables_chain_set_policy(t, c->chain, c->policy,
						(c->options & OPT_COUNTERS) ?
						&c->counters : NULL, err);
	case CMD_NONE:
		return 0;	/* a restore line for the other family */
	default:
		err->status = XTABLES_PARAMETER_PROBLEM;
		err->raw = true;
		err->msg[0] = '\0';
		return -1;
	}
}

int cmd_execute(struct cmd *c, struct xtables_table *t, FILE *out,
		struct xtables_err *err)
{
	int ret = run(c, t, out, err);

	/* -vv: the reference dumps the table unless it exited already */
	if (c->verbose > 1 && (ret == 0 || err->status == XTABLES_OTHER_PROBLEM ||
			       err->status == XTABLES_RESOURCE_PROBLEM)) {
		cmd_dump_table(out, c->fam, xtables_table_name(t));
		if (ret < 0 && !err->raw &&
		    strcmp(err->msg, "No chain/target/match by that name") != 0)
			snprintf(err->msg, sizeof(err->msg), "%s",
				 cmd_dump_error_text(xtables_engine_errno()));
	}
	return ret;
}

void cmd_print_info(FILE *out, const struct cmd *c)
{
	const char *prog = c->fam->prog;

	switch (c->info) {
	case INFO_HELP:
		cmd_print_help(out, c);
		break;
	case INFO_VERSION:
		fprintf(out, "%s v%s (legacy)\n", prog, XTABLES_VERSION);
		break;
	case INFO_NOT_VERSION:
		fprintf(out, "Not %s (legacy) ;-)\n", XTABLES_VERSION);
		break;
	case INFO_NONE:
		break;
	}
}
