/*
 * frag match (IPv6): the fragment extension header - the
 * identification range, its length, the reserved field, first / more /
 * last fragment.
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_frag.h>

enum { O_FRAGID, O_FRAGLEN, O_FRAGRES, O_FRAGFIRST, O_FRAGMORE,
       O_FRAGLAST };

static const struct xtables_option frag_opts[] = {
	{ .name = "fragid", .type = XTTYPE_UINT32RC, .id = O_FRAGID,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ip6t_frag, ids) },
	{ .name = "fraglen", .type = XTTYPE_UINT32, .id = O_FRAGLEN,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ip6t_frag, hdrlen) },
	{ .name = "fragres", .type = XTTYPE_NONE, .id = O_FRAGRES },
	{ .name = "fragfirst", .type = XTTYPE_NONE, .id = O_FRAGFIRST },
	{ .name = "fragmore", .type = XTTYPE_NONE, .id = O_FRAGMORE,
	  .excl = 1U << O_FRAGLAST },
	{ .name = "fraglast", .type = XTTYPE_NONE, .id = O_FRAGLAST,
	  .excl = 1U << O_FRAGMORE },
	XTABLES_OPT_END,
};

/* The flag each option without a value sets, and its -L / save words. */
static const struct {
	uint8_t flag;
	const char *word, *option;
} flag_opts[] = {
	{ IP6T_FRAG_RES, "reserved", "--fragres" },
	{ IP6T_FRAG_FST, "first", "--fragfirst" },
	{ IP6T_FRAG_MF, "more", "--fragmore" },
	{ IP6T_FRAG_NMF, "last", "--fraglast" },
};
#define N_FLAGS (sizeof(flag_opts) / sizeof(flag_opts[0]))

static void frag_help(FILE *out)
{
	fputs(
"frag match options:\n"
"[!] --fragid id[:id]           match the id (range)\n"
"[!] --fraglen length           total length of this header\n"
" --fragres                     check the reserved field too\n"
" --fragfirst                   matches on the first fragment\n"
" [--fragmore|--fraglast]       there are more fragments or this\n"
"                               is the last one\n", out);
}

static void frag_init(void *data)
{
	struct ip6t_frag *frag = data;

	frag->ids[1] = UINT32_MAX;
}

static int frag_parse(struct xtables_optcall *cb)
{
	struct ip6t_frag *frag = cb->data;

	switch (cb->opt->id) {
	case O_FRAGID:
		if (cb->nvals == 1)
			frag->ids[1] = frag->ids[0];
		if (cb->invert)
			frag->invflags |= IP6T_FRAG_INV_IDS;
		frag->flags |= IP6T_FRAG_IDS;
		break;
	case O_FRAGLEN:
		if (cb->invert)
			frag->invflags |= IP6T_FRAG_INV_LEN;
		frag->flags |= IP6T_FRAG_LEN;
		break;
	default:
		frag->flags |= flag_opts[cb->opt->id - O_FRAGRES].flag;
		break;
	}
	return 0;
}

static bool ids_any(const struct ip6t_frag *frag)
{
	return frag->ids[0] == 0 && frag->ids[1] == UINT32_MAX &&
	       !(frag->invflags & IP6T_FRAG_INV_IDS);
}

static void frag_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct ip6t_frag *frag = data;
	const char *inv = frag->invflags & IP6T_FRAG_INV_IDS ? "!" : "";

	fputs(" frag ", out);
	if (!ids_any(frag)) {
		if (frag->ids[0] == frag->ids[1])
			fprintf(out, "id:%s%u", inv, frag->ids[0]);
		else
			fprintf(out, "ids:%s%u:%u", inv, frag->ids[0],
				frag->ids[1]);
	}
	if (frag->flags & IP6T_FRAG_LEN)
		fprintf(out, " length:%s%u",
			frag->invflags & IP6T_FRAG_INV_LEN ? "!" : "",
			frag->hdrlen);
	for (unsigned int i = 0; i < N_FLAGS; i++)
		if (frag->flags & flag_opts[i].flag)
			fprintf(out, " %s", flag_opts[i].word);
	if (frag->invflags & ~IP6T_FRAG_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			frag->invflags & ~IP6T_FRAG_INV_MASK);
}

static void frag_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct ip6t_frag *frag = data;

	if (!ids_any(frag)) {
		fprintf(out, "%s --fragid %u",
			frag->invflags & IP6T_FRAG_INV_IDS ? " !" : "",
			frag->ids[0]);
		if (frag->ids[0] != frag->ids[1])
			fprintf(out, ":%u", frag->ids[1]);
	}
	if (frag->flags & IP6T_FRAG_LEN)
		fprintf(out, "%s --fraglen %u",
			frag->invflags & IP6T_FRAG_INV_LEN ? " !" : "",
			frag->hdrlen);
	for (unsigned int i = 0; i < N_FLAGS; i++)
		if (frag->flags & flag_opts[i].flag)
			fprintf(out, " %s", flag_opts[i].option);
}

static const struct xtables_ext frag_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "frag",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_frag),
		.help = frag_help,
		.init = frag_init,
		.options = frag_opts,
		.parse = frag_parse,
		.print = frag_print,
		.save = frag_save,
	},
};

XTABLES_EXTENSIONS(frag_exts)
