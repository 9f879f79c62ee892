/*
 * npt_target.c - options and output shared by SNPT and DNPT.
 */
#include "npt_target.h"

enum { O_SRC_PFX, O_DST_PFX };

const struct xtables_option npt_opts[] = {
	{ .name = "src-pfx", .type = XTTYPE_HOSTMASK, .id = O_SRC_PFX,
	  .flags = XTOPT_MAND },
	{ .name = "dst-pfx", .type = XTTYPE_HOSTMASK, .id = O_DST_PFX,
	  .flags = XTOPT_MAND },
	XTABLES_OPT_END,
};

void npt_help(FILE *out, const char *name)
{
	fprintf(out, "%s target options:\n"
		" --src-pfx prefix/length\n"
		" --dst-pfx prefix/length\n\n", name);
}

int npt_parse(struct xtables_optcall *cb)
{
	struct ip6t_npt_tginfo *npt = cb->data;

	if (cb->opt->id == O_SRC_PFX) {
		npt->src_pfx = cb->val.haddr;
		npt->src_pfx_len = cb->val.hlen;
	} else {
		npt->dst_pfx = cb->val.haddr;
		npt->dst_pfx_len = cb->val.hlen;
	}
	return 0;
}

static const char *addr(const union nf_inet_addr *a, char *buf, size_t len)
{
	return xtables_addr_to_text(NFPROTO_IPV6, a, buf, len);
}

void npt_print(FILE *out, const char *name, const void *data)
{
	const struct ip6t_npt_tginfo *npt = data;
	char buf[64];

	fprintf(out, " %s src-pfx %s/%u", name,
		addr(&npt->src_pfx, buf, sizeof(buf)), npt->src_pfx_len);
	fprintf(out, " dst-pfx %s/%u",
		addr(&npt->dst_pfx, buf, sizeof(buf)), npt->dst_pfx_len);
}

void npt_save(FILE *out, const void *data)
{
	const struct ip6t_npt_tginfo *npt = data;
	char buf[64];

	fprintf(out, " --src-pfx %s/%u",
		addr(&npt->src_pfx, buf, sizeof(buf)), npt->src_pfx_len);
	fprintf(out, " --dst-pfx %s/%u",
		addr(&npt->dst_pfx, buf, sizeof(buf)), npt->dst_pfx_len);
}
