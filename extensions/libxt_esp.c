/*
 * libxt_esp - match the SPI of IPsec ESP packets (xt_esp), a single
 * value or a range.  Loaded implicitly by -p esp.
 */
#include <stdint.h>
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_esp.h>

enum { O_ESPSPI };

static const struct xtables_option esp_opts[] = {
	{ .name = "espspi", .type = XTTYPE_UINT32RC, .id = O_ESPSPI,
	  .flags = XTOPT_INVERT | XTOPT_PUT, XTOPT_POINTER(struct xt_esp, spis) },
	XTABLES_OPT_END,
};

static void esp_help(FILE *out)
{
	fputs("esp match options:\n"
	      "[!] --espspi spi[:spi]\n"
	      "\t\t\t\tmatch spi (range)\n", out);
}

static void esp_init(void *data)
{
	struct xt_esp *info = data;

	info->spis[1] = UINT32_MAX;
}

static int esp_parse(struct xtables_optcall *cb)
{
	struct xt_esp *info = cb->data;

	if (cb->nvals == 1)
		info->spis[1] = info->spis[0];
	if (cb->invert)
		info->invflags |= XT_ESP_INV_SPI;
	return 0;
}

static void esp_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_esp *info = data;
	bool inv = info->invflags & XT_ESP_INV_SPI;

	fputs(" esp", out);
	if (info->spis[0] != 0 || info->spis[1] != UINT32_MAX || inv) {
		if (info->spis[0] == info->spis[1])
			fprintf(out, " spi:%s%u", inv ? "!" : "", info->spis[0]);
		else
			fprintf(out, " spis:%s%u:%u", inv ? "!" : "",
				info->spis[0], info->spis[1]);
	}
	if (info->invflags & ~XT_ESP_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			info->invflags & ~XT_ESP_INV_MASK);
}

static void esp_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_esp *info = data;

	if (info->spis[0] == 0 && info->spis[1] == UINT32_MAX &&
	    !(info->invflags & XT_ESP_INV_SPI))
		return;
	fprintf(out, "%s --espspi ",
		info->invflags & XT_ESP_INV_SPI ? " !" : "");
	if (info->spis[0] != info->spis[1])
		fprintf(out, "%u:%u", info->spis[0], info->spis[1]);
	else
		fprintf(out, "%u", info->spis[0]);
}

static const struct xtables_ext esp_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "esp",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_esp),
		.help = esp_help,
		.init = esp_init,
		.options = esp_opts,
		.parse = esp_parse,
		.print = esp_print,
		.save = esp_save,
	},
};

XTABLES_EXTENSIONS(esp_exts)
