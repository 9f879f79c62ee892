/*
 * libxt_ipcomp - match the CPI of IPComp packets (xt_ipcomp), a single
 * value or a range, and optionally a non-zero reserved field.
 * Loaded implicitly by -p ipcomp.
 */
#include <stdint.h>
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_ipcomp.h>

enum { O_SPI, O_RES };

static const struct xtables_option ipcomp_opts[] = {
	{ .name = "ipcompspi", .type = XTTYPE_UINT32RC, .id = O_SPI,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_ipcomp, spis) },
	{ .name = "compres", .type = XTTYPE_NONE, .id = O_RES },
	XTABLES_OPT_END,
};

static void ipcomp_help(FILE *out)
{
	fputs("comp match options:\n"
	      "[!] --ipcompspi spi[:spi]\n"
	      "\t\t\t\tmatch spi (range)\n", out);
}

static int ipcomp_parse(struct xtables_optcall *cb)
{
	struct xt_ipcomp *info = cb->data;

	if (cb->opt->id == O_RES) {
		info->hdrres = 1;
		return 0;
	}
	if (cb->nvals == 1)
		info->spis[1] = info->spis[0];
	if (cb->invert)
		info->invflags |= XT_IPCOMP_INV_SPI;
	return 0;
}

static void ipcomp_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct xt_ipcomp *info = data;
	bool inv = info->invflags & XT_IPCOMP_INV_SPI;

	/* the reference leaves no space between "comp " and the SPIs */
	fputs(" comp ", out);
	if (info->spis[0] != 0 || info->spis[1] != UINT32_MAX || inv) {
		if (info->spis[0] == info->spis[1])
			fprintf(out, "spi:%s%u", inv ? "!" : "", info->spis[0]);
		else
			fprintf(out, "spis:%s%u:%u", inv ? "!" : "",
				info->spis[0], info->spis[1]);
	}
	if (info->hdrres)
		fputs(" reserved", out);
	if (info->invflags & ~XT_IPCOMP_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			info->invflags & ~XT_IPCOMP_INV_MASK);
}

static void ipcomp_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct xt_ipcomp *info = data;

	if (!(info->spis[0] == 0 && info->spis[1] == UINT32_MAX) ||
	    info->invflags & XT_IPCOMP_INV_SPI) {
		fprintf(out, "%s --ipcompspi ",
			info->invflags & XT_IPCOMP_INV_SPI ? " !" : "");
		if (info->spis[0] != info->spis[1])
			fprintf(out, "%u:%u", info->spis[0], info->spis[1]);
		else
			fprintf(out, "%u", info->spis[0]);
	}
	if (info->hdrres)
		fputs(" --compres", out);
}

static const struct xtables_ext ipcomp_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "ipcomp",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_ipcomp),
		.help = ipcomp_help,
		.options = ipcomp_opts,
		.parse = ipcomp_parse,
		.print = ipcomp_print,
		.save = ipcomp_save,
	},
};

XTABLES_EXTENSIONS(ipcomp_exts)
