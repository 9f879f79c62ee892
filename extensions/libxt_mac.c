/*
 * mac match: the Ethernet source address of a received packet.
 */
#include <xtables/extension.h>
#include <linux/if_ether.h>
#include <linux/netfilter/xt_mac.h>

enum { O_MAC };

static const struct xtables_option mac_opts[] = {
	{ .name = "mac-source", .type = XTTYPE_ETHERMAC, .id = O_MAC,
	  .flags = XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_mac_info, srcaddr) },
	XTABLES_OPT_END,
};

static void mac_help(FILE *out)
{
	fputs("mac match options:\n"
	      "[!] --mac-source XX:XX:XX:XX:XX:XX\n"
	      "\t\t\t\tMatch source MAC address\n", out);
}

static int mac_parse(struct xtables_optcall *cb)
{
	struct xt_mac_info *info = cb->data;

	if (cb->invert)
		info->invert = 1;
	return 0;
}

static void put_mac(FILE *out, const unsigned char *mac)
{
	for (int i = 0; i < ETH_ALEN; i++)
		fprintf(out, "%c%02x", i == 0 ? ' ' : ':', mac[i]);
}

static void mac_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_mac_info *info = data;

	fputs(info->invert ? " MAC !" : " MAC", out);
	put_mac(out, info->srcaddr);
}

static void mac_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_mac_info *info = data;

	fputs(info->invert ? " ! --mac-source" : " --mac-source", out);
	put_mac(out, info->srcaddr);
}

static const struct xtables_ext mac_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "mac",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_mac_info),
		.help = mac_help,
		.options = mac_opts,
		.parse = mac_parse,
		.print = mac_print,
		.save = mac_save,
	},
};

XTABLES_EXTENSIONS(mac_exts)
