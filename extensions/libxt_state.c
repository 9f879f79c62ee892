/*
 * state match: the connection tracking state.  Revision 0 is the
 * kernel's own "state" match; revisions 1-3 are written as the conntrack
 * match of that revision with only the state set and the "state alias"
 * flag, which is how upstream does it (it prefers them).
 */
#include "conntrack_show.h"
#include <linux/netfilter/xt_state.h>

enum { O_STATE };

static const struct xtables_option state_opts[] = {
	{ .name = "state", .type = XTTYPE_STRING, .id = O_STATE,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void state_help(FILE *out)
{
	fputs("state match options:\n"
	      " [!] --state [INVALID|ESTABLISHED|NEW|RELATED|UNTRACKED][,...]\n"
	      "\t\t\t\tState(s) to match\n",
	      out);
}

/* "NAME[,NAME...]" into the conntrack state bits. */
static int state_list(struct xtables_optcall *cb, unsigned int *mask)
{
	const char *arg = cb->arg, *comma;
	int bit;

	*mask = 0;
	while ((comma = strchr(arg, ',')) != NULL) {
		bit = comma == arg ? -1 : ct_lookup(ct_states,
				CT_STATE_MATCH_NAMES, arg, comma - arg);
		if (bit <= 0)
			goto bad;
		*mask |= bit;
		arg = comma + 1;
	}
	if (*arg == '\0')
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"\"--state\" requires a list of states with no "
			"spaces, e.g. ESTABLISHED,RELATED");
	bit = ct_lookup(ct_states, CT_STATE_MATCH_NAMES, arg, strlen(arg));
	if (bit <= 0)
		goto bad;
	*mask |= bit;
	return 0;
bad:
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "Bad state \"%s\"", arg);
}

static int state0_parse(struct xtables_optcall *cb)
{
	struct xt_state_info *info = cb->data;
	unsigned int mask;

	if (state_list(cb, &mask) < 0)
		return -1;
	info->statemask = cb->invert ? ~mask : mask;
	return 0;
}

static int state1_parse(struct xtables_optcall *cb)
{
	struct xt_conntrack_mtinfo1 *info = cb->data;
	unsigned int mask;

	if (state_list(cb, &mask) < 0)
		return -1;
	info->match_flags = XT_CONNTRACK_STATE | XT_CONNTRACK_STATE_ALIAS;
	info->state_mask = mask;
	if (cb->invert)
		info->invert_flags |= XT_CONNTRACK_STATE;
	return 0;
}

/* Revisions 2 and 3 agree on these fields. */
static int state23_parse(struct xtables_optcall *cb)
{
	struct xt_conntrack_mtinfo2 *info = cb->data;
	unsigned int mask;

	if (state_list(cb, &mask) < 0)
		return -1;
	info->match_flags = XT_CONNTRACK_STATE | XT_CONNTRACK_STATE_ALIAS;
	info->state_mask = mask;
	if (cb->invert)
		info->invert_flags |= XT_CONNTRACK_STATE;
	return 0;
}

static void state0_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct xt_state_info *info = data;

	fputs(" state", out);
	ct_show_bits(out, ct_states, info->statemask);
}

static void state0_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct xt_state_info *info = data;

	fputs(" --state", out);
	ct_show_bits(out, ct_states, info->statemask);
}

static void state_show(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, uint8_t revision, const char *prefix,
		       bool numeric)
{
	struct xt_conntrack_mtinfo3 up;

	ct_to_v3(data, revision, &up);
	ct_show(out, &up, ip->family, prefix, numeric);
}

static void state1_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	state_show(out, ip, data, 1, "", flags & XTABLES_PRINT_NUMERIC);
}

static void state2_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	state_show(out, ip, data, 2, "", flags & XTABLES_PRINT_NUMERIC);
}

static void state3_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	state_show(out, ip, data, 3, "", flags & XTABLES_PRINT_NUMERIC);
}

static void state1_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	state_show(out, ip, data, 1, "--", true);
}

static void state2_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	state_show(out, ip, data, 2, "--", true);
}

static void state3_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	state_show(out, ip, data, 3, "--", true);
}

#define STATE_ALIAS_EXT(rev, size_of, parse_cb, print_cb, save_cb)	\
	{								\
		.abi = XTABLES_ABI_VERSION,				\
		.kind = XTABLES_MATCH,					\
		.name = "state",					\
		.real_name = "conntrack",				\
		.revision = rev,					\
		.family = NFPROTO_UNSPEC,				\
		.size = size_of,					\
		.help = state_help,					\
		.options = state_opts,					\
		.parse = parse_cb,					\
		.print = print_cb,					\
		.save = save_cb,					\
		/* listed as conntrack, whose alias callback names it	\
		 * state again: no notice */				\
		.ext_flags = XTABLES_EXT_ALIAS,				\
	}

static const struct xtables_ext state_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "state",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_state_info),
		.help = state_help,
		.options = state_opts,
		.parse = state0_parse,
		.print = state0_print,
		.save = state0_save,
	},
	STATE_ALIAS_EXT(1, sizeof(struct xt_conntrack_mtinfo1), state1_parse,
			state1_print, state1_save),
	STATE_ALIAS_EXT(2, sizeof(struct xt_conntrack_mtinfo2), state23_parse,
			state2_print, state2_save),
	STATE_ALIAS_EXT(3, sizeof(struct xt_conntrack_mtinfo3), state23_parse,
			state3_print, state3_save),
};

XTABLES_EXTENSIONS(state_exts)
