/*
 * libxt_cluster - match the packets this node of a load-sharing cluster
 * is responsible for, by a hash of the connection (xt_cluster).
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_cluster.h>

enum { O_TOTAL, O_NODE, O_NODEMASK, O_SEED };

static const struct xtables_option cluster_opts[] = {
	{ .name = "cluster-total-nodes", .type = XTTYPE_UINT32, .id = O_TOTAL,
	  .flags = XTOPT_MAND | XTOPT_PUT, .min = 1, .max = XT_CLUSTER_NODES_MAX,
	  XTOPT_POINTER(struct xt_cluster_match_info, total_nodes) },
	{ .name = "cluster-local-node", .type = XTTYPE_UINT32, .id = O_NODE,
	  .flags = XTOPT_INVERT, .min = 1, .max = XT_CLUSTER_NODES_MAX,
	  .excl = 1 << O_NODEMASK },
	{ .name = "cluster-local-nodemask", .type = XTTYPE_UINT32,
	  .id = O_NODEMASK, .flags = XTOPT_INVERT | XTOPT_PUT,
	  .min = 1, .max = XT_CLUSTER_NODES_MAX,	/* sic, as upstream */
	  .excl = 1 << O_NODE,
	  XTOPT_POINTER(struct xt_cluster_match_info, node_mask) },
	{ .name = "cluster-hash-seed", .type = XTTYPE_UINT32, .id = O_SEED,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_cluster_match_info, hash_seed) },
	XTABLES_OPT_END,
};

struct cluster_scratch {
	uint32_t node;
};

static void cluster_help(FILE *out)
{
	fputs("cluster match options:\n"
	      "  --cluster-total-nodes <num>\t\tSet number of total nodes in cluster\n"
	      "  [!] --cluster-local-node <num>\tSet the local node number\n"
	      "  [!] --cluster-local-nodemask <num>\tSet the local node mask\n"
	      "  --cluster-hash-seed <num>\t\tSet seed value of the Jenkins hash\n",
	      out);
}

static int cluster_parse(struct xtables_optcall *cb)
{
	struct xt_cluster_match_info *info = cb->data;
	struct cluster_scratch *s = cb->udata;

	switch (cb->opt->id) {
	case O_NODE:
		s->node = cb->val.u32;
		info->node_mask = 1U << (cb->val.u32 - 1);
		/* fall through */
	case O_NODEMASK:
		if (cb->invert)
			info->flags |= XT_CLUSTER_F_INV;
		break;
	}
	return 0;
}

static int cluster_check(struct xtables_checkcall *cb)
{
	const struct xt_cluster_match_info *info = cb->data;
	const struct cluster_scratch *s = cb->udata;

	/* the reference reports missing mandatory options first */
	if (!(cb->seen & (1 << O_TOTAL)) || !(cb->seen & (1 << O_SEED)))
		return 0;
	if ((cb->seen & (1 << O_NODE)) && info->total_nodes < s->node)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"cluster match: `--cluster-local-node' must be <= `--cluster-total-nodes'");
	if (!(cb->seen & (1 << O_NODE | 1 << O_NODEMASK)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"cluster match: `--cluster-local-node' or`--cluster-local-nodemask' is missing");
	return 0;
}

static void cluster_print(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	const struct xt_cluster_match_info *info = data;

	fprintf(out, " cluster %snode_mask=0x%08x total_nodes=%u hash_seed=0x%08x",
		info->flags & XT_CLUSTER_F_INV ? "!" : "", info->node_mask,
		info->total_nodes, info->hash_seed);
}

static void cluster_save(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	const struct xt_cluster_match_info *info = data;

	fprintf(out, "%s --cluster-local-nodemask 0x%08x --cluster-total-nodes %u --cluster-hash-seed 0x%08x",
		info->flags & XT_CLUSTER_F_INV ? " !" : "", info->node_mask,
		info->total_nodes, info->hash_seed);
}

static const struct xtables_ext cluster_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "cluster",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_cluster_match_info),
		.udata_size = sizeof(struct cluster_scratch),
		.help = cluster_help,
		.options = cluster_opts,
		.parse = cluster_parse,
		.check = cluster_check,
		.print = cluster_print,
		.save = cluster_save,
	},
};

XTABLES_EXTENSIONS(cluster_exts)
