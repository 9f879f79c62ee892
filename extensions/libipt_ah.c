/*
 * ah match (IPv4): the SPI (range) of the IPsec authentication header.
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv4/ipt_ah.h>

enum { O_AHSPI };

static const struct xtables_option ah_opts[] = {
	{ .name = "ahspi", .type = XTTYPE_UINT32RC, .id = O_AHSPI,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ipt_ah, spis) },
	XTABLES_OPT_END,
};

static void ah_help(FILE *out)
{
	fputs("ah match options:\n"
	      "[!] --ahspi spi[:spi]\n"
	      "\t\t\t\tmatch spi (range)\n", out);
}

static void ah_init(void *data)
{
	struct ipt_ah *ah = data;

	ah->spis[1] = UINT32_MAX;
}

static int ah_parse(struct xtables_optcall *cb)
{
	struct ipt_ah *ah = cb->data;

	if (cb->nvals == 1)
		ah->spis[1] = ah->spis[0];
	if (cb->invert)
		ah->invflags |= IPT_AH_INV_SPI;
	return 0;
}

static void ah_print(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data, unsigned int flags)
{
	const struct ipt_ah *ah = data;
	bool inv = ah->invflags & IPT_AH_INV_SPI;

	fputs(" ah ", out);
	if (ah->spis[0] != 0 || ah->spis[1] != UINT32_MAX || inv) {
		if (ah->spis[0] == ah->spis[1])
			fprintf(out, "spi:%s%u", inv ? "!" : "", ah->spis[0]);
		else
			fprintf(out, "spis:%s%u:%u", inv ? "!" : "",
				ah->spis[0], ah->spis[1]);
	}
	if (ah->invflags & ~IPT_AH_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			ah->invflags & ~IPT_AH_INV_MASK);
}

static void ah_save(FILE *out, const struct xtables_rule_ip *ip,
		    const void *data)
{
	const struct ipt_ah *ah = data;

	if (ah->spis[0] == 0 && ah->spis[1] == UINT32_MAX &&
	    !(ah->invflags & IPT_AH_INV_SPI))
		return;
	fprintf(out, "%s --ahspi ",
		ah->invflags & IPT_AH_INV_SPI ? " !" : "");
	if (ah->spis[0] != ah->spis[1])
		fprintf(out, "%u:%u", ah->spis[0], ah->spis[1]);
	else
		fprintf(out, "%u", ah->spis[0]);
}

static const struct xtables_ext ah_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "ah",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct ipt_ah),
		.help = ah_help,
		.init = ah_init,
		.options = ah_opts,
		.parse = ah_parse,
		.print = ah_print,
		.save = ah_save,
	},
};

XTABLES_EXTENSIONS(ah_exts)
