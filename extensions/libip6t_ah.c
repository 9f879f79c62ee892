/*
 * ah match (IPv6): the authentication header - the SPI range, its
 * length, and whether the reserved field is zero.
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_ah.h>

enum { O_AHSPI, O_AHLEN, O_AHRES };

static const struct xtables_option ah_opts[] = {
	{ .name = "ahspi", .type = XTTYPE_UINT32RC, .id = O_AHSPI,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ip6t_ah, spis) },
	{ .name = "ahlen", .type = XTTYPE_UINT32, .id = O_AHLEN,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ip6t_ah, hdrlen) },
	{ .name = "ahres", .type = XTTYPE_NONE, .id = O_AHRES },
	XTABLES_OPT_END,
};

static void ah_help(FILE *out)
{
	fputs(
"ah match options:\n"
"[!] --ahspi spi[:spi]          match spi (range)\n"
"[!] --ahlen length             total length of this header\n"
" --ahres                       check the reserved field too\n", out);
}

static void ah_init(void *data)
{
	struct ip6t_ah *ah = data;

	ah->spis[1] = UINT32_MAX;
}

static int ah_parse(struct xtables_optcall *cb)
{
	struct ip6t_ah *ah = cb->data;

	switch (cb->opt->id) {
	case O_AHSPI:
		if (cb->nvals == 1)
			ah->spis[1] = ah->spis[0];
		if (cb->invert)
			ah->invflags |= IP6T_AH_INV_SPI;
		break;
	case O_AHLEN:
		if (cb->invert)
			ah->invflags |= IP6T_AH_INV_LEN;
		break;
	case O_AHRES:
		ah->hdrres = 1;
		break;
	}
	return 0;
}

static bool spis_any(const struct ip6t_ah *ah)
{
	return ah->spis[0] == 0 && ah->spis[1] == UINT32_MAX &&
	       !(ah->invflags & IP6T_AH_INV_SPI);
}

static bool len_shown(const struct ip6t_ah *ah)
{
	return ah->hdrlen != 0 || (ah->invflags & IP6T_AH_INV_LEN);
}

static void ah_print(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data, unsigned int flags)
{
	const struct ip6t_ah *ah = data;
	const char *inv = ah->invflags & IP6T_AH_INV_SPI ? "!" : "";

	/* upstream puts no space between the spi and length parts */
	fputs(" ah ", out);
	if (!spis_any(ah)) {
		if (ah->spis[0] == ah->spis[1])
			fprintf(out, "spi:%s%u", inv, ah->spis[0]);
		else
			fprintf(out, "spis:%s%u:%u", inv, ah->spis[0],
				ah->spis[1]);
	}
	if (len_shown(ah))
		fprintf(out, "length:%s%u",
			ah->invflags & IP6T_AH_INV_LEN ? "!" : "", ah->hdrlen);
	if (ah->hdrres)
		fputs(" reserved", out);
	if (ah->invflags & ~IP6T_AH_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			ah->invflags & ~IP6T_AH_INV_MASK);
}

static void ah_save(FILE *out, const struct xtables_rule_ip *ip,
		    const void *data)
{
	const struct ip6t_ah *ah = data;

	if (!spis_any(ah)) {
		fprintf(out, "%s --ahspi %u",
			ah->invflags & IP6T_AH_INV_SPI ? " !" : "",
			ah->spis[0]);
		if (ah->spis[0] != ah->spis[1])
			fprintf(out, ":%u", ah->spis[1]);
	}
	if (len_shown(ah))
		fprintf(out, "%s --ahlen %u",
			ah->invflags & IP6T_AH_INV_LEN ? " !" : "",
			ah->hdrlen);
	if (ah->hdrres)
		fputs(" --ahres", out);
}

static const struct xtables_ext ah_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "ah",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_ah),
		.help = ah_help,
		.init = ah_init,
		.options = ah_opts,
		.parse = ah_parse,
		.print = ah_print,
		.save = ah_save,
	},
};

XTABLES_EXTENSIONS(ah_exts)
