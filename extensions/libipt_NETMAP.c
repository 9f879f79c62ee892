/*
 * NETMAP target (IPv4, nat table): maps a whole network onto another
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

static void NETMAP_init(void *data)
{
	struct nf_nat_ipv4_multi_range_compat *mr = data;

	mr->rangesize = 1;
}

static int NETMAP_parse(struct xtables_optcall *cb)
{
	struct nf_nat_ipv4_range *r =
		&((struct nf_nat_ipv4_multi_range_compat *)cb->data)->range[0];
	union nf_inet_addr min, max;

	netmap_range(&cb->val.haddr, &cb->val.hmask, 1, &min, &max);
	r->flags |= NF_NAT_RANGE_MAP_IPS;
	r->min_ip = min.ip;
	r->max_ip = max.ip;
	return 0;
}

static void show(FILE *out, const void *data, bool save)
{
	const struct nf_nat_ipv4_range *r =
		&((const struct nf_nat_ipv4_multi_range_compat *)data)->range[0];
	union nf_inet_addr min = { .ip = r->min_ip }, max = { .ip = r->max_ip };

	netmap_show(out, NFPROTO_IPV4, &min, &max, save);
}

static void NETMAP_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	show(out, data, false);
}

static void NETMAP_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	show(out, data, true);
}

static const struct xtables_ext NETMAP_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NETMAP",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct nf_nat_ipv4_multi_range_compat),
		.help = NETMAP_help,
		.init = NETMAP_init,
		.options = NETMAP_opts,
		.parse = NETMAP_parse,
		.print = NETMAP_print,
		.save = NETMAP_save,
	},
};

XTABLES_EXTENSIONS(NETMAP_exts)
