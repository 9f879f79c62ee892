/*
 * NETMAP target (IPv6, nat table): maps a whole network onto another
 * one of the same size, keeping the host part of the address.
 */
#include <xtables/extension.h>
#include <linux/netfilter/nf_nat.h>
#include "netmap_show.h"

enum { O_TO };

static const struct xtables_option NETMAP_opts[] = {
	{ .name = "to", .type = XTTYPE_HOSTMASK, .id = O_TO,
	  .flags = XTOPT_MAND },
	XTABLES_OPT_END,
};

static void NETMAP_help(FILE *out)
{
	fputs("NETMAP target options:\n"
	      "  --to address[/mask]\n"
	      "\t\t\t\tNetwork address to map to.\n\n", out);
}

static int NETMAP_parse(struct xtables_optcall *cb)
{
	struct nf_nat_range *r = cb->data;

	netmap_range(&cb->val.haddr, &cb->val.hmask, 4, &r->min_addr,
		     &r->max_addr);
	r->flags |= NF_NAT_RANGE_MAP_IPS;
	return 0;
}

static void NETMAP_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct nf_nat_range *r = data;

	netmap_show(out, NFPROTO_IPV6, &r->min_addr, &r->max_addr, false);
}

static void NETMAP_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct nf_nat_range *r = data;

	netmap_show(out, NFPROTO_IPV6, &r->min_addr, &r->max_addr, true);
}

static const struct xtables_ext NETMAP_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NETMAP",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct nf_nat_range),
		.help = NETMAP_help,
		.options = NETMAP_opts,
		.parse = NETMAP_parse,
		.print = NETMAP_print,
		.save = NETMAP_save,
	},
};

XTABLES_EXTENSIONS(NETMAP_exts)
