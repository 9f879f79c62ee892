/*
 * TEE target (mangle table): sends a copy of the packet to a gateway,
 * optionally through a given interface.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_TEE.h>

enum { O_GATEWAY, O_OIF };

static const struct xtables_option TEE_opts[] = {
	{ .name = "gateway", .type = XTTYPE_HOST, .id = O_GATEWAY,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_tee_tginfo, gw) },
	{ .name = "oif", .type = XTTYPE_STRING, .id = O_OIF,
	  .flags = XTOPT_PUT, XTOPT_POINTER(struct xt_tee_tginfo, oif) },
	XTABLES_OPT_END,
};

static void TEE_help(FILE *out)
{
	fputs("TEE target options:\n"
	      "  --gateway IPADDR    Route packet via the gateway given by address\n"
	      "  --oif NAME          Include oif in route calculation\n"
	      "\n", out);
}

static void TEE_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_tee_tginfo *info = data;
	uint8_t family = ip->family;
	char buf[256];

	if (flags & XTABLES_PRINT_NUMERIC)
		xtables_addr_to_text(family, &info->gw, buf, sizeof(buf));
	else
		xtables_addr_to_name(family, &info->gw, buf, sizeof(buf));
	fprintf(out, " TEE gw:%s", buf);
	if (info->oif[0] != '\0')
		fprintf(out, " oif=%s", info->oif);
}

static void TEE_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_tee_tginfo *info = data;
	char buf[64];

	fprintf(out, " --gateway %s",
		xtables_addr_to_text(ip->family, &info->gw, buf, sizeof(buf)));
	if (info->oif[0] != '\0')
		fprintf(out, " --oif %s", info->oif);
}

static const struct xtables_ext TEE_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TEE",
		.revision = 1,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct xt_tee_tginfo),
		.userspacesize = offsetof(struct xt_tee_tginfo, priv),
		.help = TEE_help,
		.options = TEE_opts,
		.print = TEE_print,
		.save = TEE_save,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TEE",
		.revision = 1,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct xt_tee_tginfo),
		.userspacesize = offsetof(struct xt_tee_tginfo, priv),
		.help = TEE_help,
		.options = TEE_opts,
		.print = TEE_print,
		.save = TEE_save,
	},
};

XTABLES_EXTENSIONS(TEE_exts)
