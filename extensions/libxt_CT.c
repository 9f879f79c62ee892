/*
 * CT target (raw table): sets up the conntrack entry of a new
 * connection - untracked, with a helper, a timeout policy, the events
 * it reports, its zone.  Revision 0; revision 1 adds the timeout
 * policy; revision 2 (same data) lets "-j NOTRACK" rules show as such.
 *
 * The revisions share their leading fields; revision 0 lacks timeout.
 */
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include "ct_target.h"

enum {
	O_NOTRACK, O_HELPER, O_TIMEOUT, O_CTEVENTS, O_EXPEVENTS,
	O_ZONE, O_ZONE_ORIG, O_ZONE_REPLY,
};

static const struct xtables_option CT_opts_v0[] = {
	{ .name = "notrack", .type = XTTYPE_NONE, .id = O_NOTRACK },
	{ .name = "helper", .type = XTTYPE_STRING, .id = O_HELPER,
	  .flags = XTOPT_PUT, XTOPT_POINTER(struct xt_ct_target_info, helper) },
	{ .name = "ctevents", .type = XTTYPE_STRING, .id = O_CTEVENTS },
	{ .name = "expevents", .type = XTTYPE_STRING, .id = O_EXPEVENTS },
	{ .name = "zone-orig", .type = XTTYPE_STRING, .id = O_ZONE_ORIG },
	{ .name = "zone-reply", .type = XTTYPE_STRING, .id = O_ZONE_REPLY },
	{ .name = "zone", .type = XTTYPE_STRING, .id = O_ZONE },
	XTABLES_OPT_END,
};

static const struct xtables_option CT_opts_v1[] = {
	{ .name = "notrack", .type = XTTYPE_NONE, .id = O_NOTRACK },
	{ .name = "helper", .type = XTTYPE_STRING, .id = O_HELPER,
	  .flags = XTOPT_PUT,
	  XTOPT_POINTER(struct xt_ct_target_info_v1, helper) },
	{ .name = "timeout", .type = XTTYPE_STRING, .id = O_TIMEOUT,
	  .flags = XTOPT_PUT,
	  XTOPT_POINTER(struct xt_ct_target_info_v1, timeout) },
	{ .name = "ctevents", .type = XTTYPE_STRING, .id = O_CTEVENTS },
	{ .name = "expevents", .type = XTTYPE_STRING, .id = O_EXPEVENTS },
	{ .name = "zone-orig", .type = XTTYPE_STRING, .id = O_ZONE_ORIG },
	{ .name = "zone-reply", .type = XTTYPE_STRING, .id = O_ZONE_REPLY },
	{ .name = "zone", .type = XTTYPE_STRING, .id = O_ZONE },
	XTABLES_OPT_END,
};

struct event_name {
	const char *name;
	unsigned int bit;
};

/* Listed (and printed) in this order. */
static const struct event_name ct_events[] = {
	{ "new", IPCT_NEW },
	{ "related", IPCT_RELATED },
	{ "destroy", IPCT_DESTROY },
	{ "reply", IPCT_REPLY },
	{ "assured", IPCT_ASSURED },
	{ "protoinfo", IPCT_PROTOINFO },
	{ "helper", IPCT_HELPER },
	{ "mark", IPCT_MARK },
	{ "natseqinfo", IPCT_NATSEQADJ },
	{ "secmark", IPCT_SECMARK },
};

static const struct event_name exp_events[] = {
	{ "new", IPEXP_NEW },
};

#define NEVENTS(t) (sizeof(t) / sizeof((t)[0]))

/* The fields all revisions have, wherever each keeps them. */
struct ct_view {
	uint16_t *flags, *zone;
	uint32_t *ct_events, *exp_events;
	char *helper;			/* 16 bytes */
	char *timeout;			/* 32 bytes; NULL in revision 0 */
};

static struct ct_view view_v0(void *data)
{
	struct xt_ct_target_info *info = data;

	return (struct ct_view){
		.flags = &info->flags, .zone = &info->zone,
		.ct_events = &info->ct_events,
		.exp_events = &info->exp_events, .helper = info->helper,
	};
}

static struct ct_view view_v1(void *data)
{
	struct xt_ct_target_info_v1 *info = data;

	return (struct ct_view){
		.flags = &info->flags, .zone = &info->zone,
		.ct_events = &info->ct_events,
		.exp_events = &info->exp_events, .helper = info->helper,
		.timeout = info->timeout,
	};
}

static void CT_help_lines(FILE *out, bool timeout)
{
	fputs(
"CT target options:\n"
" --notrack\t\t\tDon't track connection\n"
" --helper name\t\t\tUse conntrack helper 'name' for connection\n", out);
	if (timeout)
		fputs(
" --timeout name \t\tUse timeout policy 'name' for connection\n", out);
	fputs(
" --ctevents event[,event...]\tGenerate specified conntrack events for connection\n"
" --expevents event[,event...]\tGenerate specified expectation events for connection\n"
" --zone {ID|mark}\t\tAssign/Lookup connection in zone ID/packet nfmark\n"
" --zone-orig {ID|mark}\t\tSame as 'zone' option, but only applies to ORIGINAL direction\n"
" --zone-reply {ID|mark} \tSame as 'zone' option, but only applies to REPLY direction\n",
	      out);
}

static void CT_help_v0(FILE *out)
{
	CT_help_lines(out, false);
}

static void CT_help_v1(FILE *out)
{
	CT_help_lines(out, true);
}

/* A comma list of event names into a bit mask. */
static int parse_events(struct xtables_err *err, const struct event_name *tbl,
			size_t n, const char *arg, uint32_t *mask)
{
	const char *p = arg;

	*mask = 0;
	for (;;) {
		size_t len = strcspn(p, ","), i;

		for (i = 0; i < n; i++)
			if (strlen(tbl[i].name) == len &&
			    strncmp(p, tbl[i].name, len) == 0)
				break;
		if (i == n)
			return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
					    "Unknown event type \"%.*s\"",
					    (int)len, p);
		*mask |= 1U << tbl[i].bit;
		if (p[len] == '\0')
			return 0;
		p += len + 1;
	}
}

/* A zone: a number, or "mark" (the zone is the packet's nfmark).  The
 * direction options add their bit; the last zone given counts. */
static int parse_zone(const struct xtables_optcall *cb,
		      const struct ct_view *v)
{
	uint64_t id;

	if (cb->opt->id == O_ZONE_ORIG)
		*v->flags |= XT_CT_ZONE_DIR_ORIG;
	if (cb->opt->id == O_ZONE_REPLY)
		*v->flags |= XT_CT_ZONE_DIR_REPL;
	*v->zone = 0;
	if (strcasecmp(cb->arg, "mark") == 0) {
		*v->flags |= XT_CT_ZONE_MARK;
		return 0;
	}
	if (xtables_strtoul(cb->arg, NULL, &id, 0, UINT16_MAX) != 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "Cannot parse %s as a zone ID", cb->arg);
	*v->zone = id;
	return 0;
}

static int parse_view(const struct xtables_optcall *cb,
		      const struct ct_view *v)
{
	switch (cb->opt->id) {
	case O_NOTRACK:
		*v->flags |= XT_CT_NOTRACK;
		break;
	case O_ZONE:
	case O_ZONE_ORIG:
	case O_ZONE_REPLY:
		return parse_zone(cb, v);
	case O_CTEVENTS:
		return parse_events(cb->err, ct_events, NEVENTS(ct_events),
				    cb->arg, v->ct_events);
	case O_EXPEVENTS:
		return parse_events(cb->err, exp_events, NEVENTS(exp_events),
				    cb->arg, v->exp_events);
	}
	return 0;
}

static int CT_parse_v0(struct xtables_optcall *cb)
{
	struct ct_view v = view_v0(cb->data);

	return parse_view(cb, &v);
}

static int CT_parse_v1(struct xtables_optcall *cb)
{
	struct ct_view v = view_v1(cb->data);

	return parse_view(cb, &v);
}

static void put_events(FILE *out, const char *word,
		       const struct event_name *tbl, size_t n, uint32_t mask)
{
	const char *sep = "";

	fprintf(out, " %s ", word);
	for (size_t i = 0; i < n; i++)
		if (mask & (1U << tbl[i].bit)) {
			fprintf(out, "%s%s", sep, tbl[i].name);
			sep = ",";
		}
}

/* "zone", "zone-orig" or "zone-reply", then the ID or "mark". */
static void put_zone(FILE *out, const char *word, const struct ct_view *v)
{
	uint16_t dir = *v->flags & (XT_CT_ZONE_DIR_ORIG | XT_CT_ZONE_DIR_REPL);

	fprintf(out, " %s", word);
	if (dir == XT_CT_ZONE_DIR_ORIG)
		fputs("-orig", out);
	if (dir == XT_CT_ZONE_DIR_REPL)
		fputs("-reply", out);
	if (*v->flags & XT_CT_ZONE_MARK)
		fputs(" mark", out);
	else
		fprintf(out, " %u", *v->zone);
}

/* -L words without dashes, save options with them. */
static void show_view(FILE *out, const struct ct_view *v, bool save)
{
	const char *d = save ? "--" : "";
	char word[16];

	if (*v->flags & XT_CT_NOTRACK)
		fprintf(out, " %snotrack", d);
	if (v->helper[0] != '\0')
		fprintf(out, " %shelper %.16s", d, v->helper);
	if (v->timeout != NULL && v->timeout[0] != '\0')
		fprintf(out, " %stimeout %.32s", d, v->timeout);
	if (*v->ct_events) {
		snprintf(word, sizeof(word), "%sctevents", d);
		put_events(out, word, ct_events, NEVENTS(ct_events),
			   *v->ct_events);
	}
	if (*v->exp_events) {
		snprintf(word, sizeof(word), "%sexpevents", d);
		put_events(out, word, exp_events, NEVENTS(exp_events),
			   *v->exp_events);
	}
	if ((*v->flags & XT_CT_ZONE_MARK) || *v->zone) {
		snprintf(word, sizeof(word), "%szone", d);
		put_zone(out, word, v);
	}
}

static void CT_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	struct ct_view v = view_v0((void *)data);

	fputs(" CT", out);
	show_view(out, &v, false);
}

/* Revisions 1 and 2: a rule made by "-j NOTRACK" shows as such. */
static void CT_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	struct ct_view v = view_v1((void *)data);

	if (*v.flags & XT_CT_NOTRACK_ALIAS) {
		fputs(" NOTRACK", out);
		return;
	}
	fputs(" CT", out);
	show_view(out, &v, false);
}

static void CT_save_v0(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	struct ct_view v = view_v0((void *)data);

	if (*v.flags & XT_CT_NOTRACK_ALIAS)
		return;
	show_view(out, &v, true);
}

static void CT_save_v1(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	struct ct_view v = view_v1((void *)data);

	if (*v.flags & XT_CT_NOTRACK_ALIAS)
		return;
	show_view(out, &v, true);
}

static const char *CT_alias_v2(const void *data)
{
	const struct xt_ct_target_info_v1 *info = data;

	return info->flags & XT_CT_NOTRACK_ALIAS ? "NOTRACK" : "CT";
}

static const struct xtables_ext CT_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CT",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_ct_target_info),
		.userspacesize = offsetof(struct xt_ct_target_info, ct),
		.help = CT_help_v0,
		.options = CT_opts_v0,
		.parse = CT_parse_v0,
		.print = CT_print_v0,
		.save = CT_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CT",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_ct_target_info_v1),
		.userspacesize = offsetof(struct xt_ct_target_info_v1, ct),
		.help = CT_help_v1,
		.options = CT_opts_v1,
		.parse = CT_parse_v1,
		.print = CT_print_v1,
		.save = CT_save_v1,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CT",
		.revision = 2,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_ct_target_info_v1),
		.userspacesize = offsetof(struct xt_ct_target_info_v1, ct),
		.help = CT_help_v1,
		.options = CT_opts_v1,
		.parse = CT_parse_v1,
		.print = CT_print_v1,
		.save = CT_save_v1,
		.alias = CT_alias_v2,
	},
};

XTABLES_EXTENSIONS(CT_exts)
