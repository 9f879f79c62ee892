/*
 * CLUSTERIP target (IPv4): a simple load-sharing cluster - all nodes
 * answer for one address with a multicast MAC and each keeps the
 * connections that hash to its node number.  (Removed from recent
 * kernels; the options are still parsed as upstream does.)
 */
#include <stdio.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter_ipv4/ipt_CLUSTERIP.h>

enum {
	O_NEW, O_HASHMODE, O_CLUSTERMAC, O_TOTAL_NODES, O_LOCAL_NODE,
	O_HASH_INIT,
};

#define F_NEW (1U << O_NEW)
#define F_ALL_NEEDED (F_NEW | (1U << O_HASHMODE) | (1U << O_CLUSTERMAC) | \
		      (1U << O_TOTAL_NODES) | (1U << O_LOCAL_NODE))

static const struct xtables_option CLUSTERIP_opts[] = {
	{ .name = "new", .type = XTTYPE_NONE, .id = O_NEW },
	{ .name = "hashmode", .type = XTTYPE_STRING, .id = O_HASHMODE,
	  .also = F_NEW },
	{ .name = "clustermac", .type = XTTYPE_ETHERMAC, .id = O_CLUSTERMAC,
	  .also = F_NEW, .flags = XTOPT_PUT,
	  XTOPT_POINTER(struct ipt_clusterip_tgt_info, clustermac) },
	{ .name = "total-nodes", .type = XTTYPE_UINT16, .id = O_TOTAL_NODES,
	  .also = F_NEW, .flags = XTOPT_PUT, .max = CLUSTERIP_MAX_NODES,
	  XTOPT_POINTER(struct ipt_clusterip_tgt_info, num_total_nodes) },
	{ .name = "local-node", .type = XTTYPE_UINT16, .id = O_LOCAL_NODE,
	  .also = F_NEW, .flags = XTOPT_PUT, .max = CLUSTERIP_MAX_NODES,
	  XTOPT_POINTER(struct ipt_clusterip_tgt_info, local_nodes[0]) },
	{ .name = "hash-init", .type = XTTYPE_UINT32, .id = O_HASH_INIT,
	  .also = F_NEW, .flags = XTOPT_PUT,
	  XTOPT_POINTER(struct ipt_clusterip_tgt_info, hash_initval) },
	XTABLES_OPT_END,
};

static const char *const hashmodes[] = {
	[CLUSTERIP_HASHMODE_SIP] = "sourceip",
	[CLUSTERIP_HASHMODE_SIP_SPT] = "sourceip-sourceport",
	[CLUSTERIP_HASHMODE_SIP_SPT_DPT] = "sourceip-sourceport-destport",
};

static void CLUSTERIP_help(FILE *out)
{
	fputs("CLUSTERIP target options:\n"
	      "  --new\t\t\t Create a new ClusterIP\n"
	      "  --hashmode <mode>\t\t Specify hashing mode\n"
	      "\t\t\t\t\tsourceip\n"
	      "\t\t\t\t\tsourceip-sourceport\n"
	      "\t\t\t\t\tsourceip-sourceport-destport\n"
	      "  --clustermac <mac>\t\t Set clusterIP MAC address\n"
	      "  --total-nodes <num>\t\t Set number of total nodes in cluster\n"
	      "  --local-node <num>\t\t Set the local node number\n"
	      "  --hash-init <num>\t\t Set init value of the Jenkins hash\n",
	      out);
}

static int CLUSTERIP_parse(struct xtables_optcall *cb)
{
	struct ipt_clusterip_tgt_info *info = cb->data;

	switch (cb->opt->id) {
	case O_NEW:
		info->flags |= CLUSTERIP_FLAG_NEW;
		break;
	case O_HASHMODE:
		for (unsigned int m = CLUSTERIP_HASHMODE_SIP;
		     m <= CLUSTERIP_HASHMODE_MAX; m++)
			if (strcmp(cb->arg, hashmodes[m]) == 0) {
				info->hash_mode = m;
				return 0;
			}
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "Unknown hashmode \"%s\"", cb->arg);
	case O_CLUSTERMAC:
		if (!(info->clustermac[0] & 0x01))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"MAC has to be a multicast ethernet address");
		break;
	case O_LOCAL_NODE:
		info->num_local_nodes = 1;
		break;
	}
	return 0;
}

static int CLUSTERIP_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0 || (cb->seen & F_ALL_NEEDED) == F_ALL_NEEDED)
		return 0;
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "CLUSTERIP target: Invalid parameter combination");
}

static const char *hashmode_name(unsigned int mode)
{
	if (mode <= CLUSTERIP_HASHMODE_MAX)
		return hashmodes[mode];
	return "unknown-error";
}

static const char *mac_text(const uint8_t *mac, char *buf, size_t len)
{
	snprintf(buf, len, "%02X:%02X:%02X:%02X:%02X:%02X",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

static void CLUSTERIP_print(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	const struct ipt_clusterip_tgt_info *info = data;
	char mac[32];

	if (!(info->flags & CLUSTERIP_FLAG_NEW)) {
		fputs(" CLUSTERIP", out);
		return;
	}
	fprintf(out, " CLUSTERIP hashmode=%s clustermac=%s total_nodes=%u local_node=%u hash_init=%u",
		hashmode_name(info->hash_mode),
		mac_text(info->clustermac, mac, sizeof(mac)),
		info->num_total_nodes, info->local_nodes[0],
		info->hash_initval);
}

static void CLUSTERIP_save(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	const struct ipt_clusterip_tgt_info *info = data;
	char mac[32];

	if (!(info->flags & CLUSTERIP_FLAG_NEW))
		return;
	fprintf(out, " --new --hashmode %s --clustermac %s --total-nodes %d --local-node %d --hash-init %u",
		hashmode_name(info->hash_mode),
		mac_text(info->clustermac, mac, sizeof(mac)),
		info->num_total_nodes, info->local_nodes[0],
		info->hash_initval);
}

static const struct xtables_ext CLUSTERIP_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CLUSTERIP",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct ipt_clusterip_tgt_info),
		.userspacesize = offsetof(struct ipt_clusterip_tgt_info, config),
		.help = CLUSTERIP_help,
		.options = CLUSTERIP_opts,
		.parse = CLUSTERIP_parse,
		.check = CLUSTERIP_check,
		.print = CLUSTERIP_print,
		.save = CLUSTERIP_save,
	},
};

XTABLES_EXTENSIONS(CLUSTERIP_exts)
