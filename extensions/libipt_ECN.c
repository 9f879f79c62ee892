/*
 * ECN target (IPv4, mangle table): clears or sets the ECN bits of the
 * TCP header (ECE, CWR) and the ECT codepoint of the IP header.
 */
#include <xtables/extension.h>
#include <linux/netfilter_ipv4/ipt_ECN.h>

enum { O_TCP_REMOVE, O_TCP_CWR, O_TCP_ECE, O_IP_ECT };

static const struct xtables_option ECN_opts[] = {
	{ .name = "ecn-tcp-remove", .type = XTTYPE_NONE, .id = O_TCP_REMOVE,
	  .excl = (1 << O_TCP_CWR) | (1 << O_TCP_ECE) },
	{ .name = "ecn-tcp-cwr", .type = XTTYPE_UINT8, .id = O_TCP_CWR,
	  .max = 1, .excl = 1 << O_TCP_REMOVE },
	{ .name = "ecn-tcp-ece", .type = XTTYPE_UINT8, .id = O_TCP_ECE,
	  .max = 1, .excl = 1 << O_TCP_REMOVE },
	{ .name = "ecn-ip-ect", .type = XTTYPE_UINT8, .id = O_IP_ECT,
	  .max = 3 },
	XTABLES_OPT_END,
};

static void ECN_help(FILE *out)
{
	fputs("ECN target options\n"
	      "  --ecn-tcp-remove\t\tRemove all ECN bits from TCP header\n",
	      out);
}

static int ECN_parse(struct xtables_optcall *cb)
{
	struct ipt_ECN_info *info = cb->data;

	switch (cb->opt->id) {
	case O_TCP_REMOVE:
		info->operation = IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR;
		info->proto.tcp.ece = 0;
		info->proto.tcp.cwr = 0;
		break;
	case O_TCP_CWR:
		info->operation |= IPT_ECN_OP_SET_CWR;
		info->proto.tcp.cwr = cb->val.u8;
		break;
	case O_TCP_ECE:
		info->operation |= IPT_ECN_OP_SET_ECE;
		info->proto.tcp.ece = cb->val.u8;
		break;
	case O_IP_ECT:
		info->operation |= IPT_ECN_OP_SET_IP;
		info->ip_ect = cb->val.u8;
		break;
	}
	return 0;
}

static int ECN_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "ECN target: An operation is required");
	return 0;
}

static bool is_remove(const struct ipt_ECN_info *info)
{
	return info->operation == (IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR) &&
	       info->proto.tcp.ece == 0 && info->proto.tcp.cwr == 0;
}

static void ECN_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct ipt_ECN_info *info = data;

	fputs(" ECN", out);
	if (is_remove(info)) {
		fputs(" TCP remove", out);
		return;
	}
	if (info->operation & IPT_ECN_OP_SET_ECE)
		fprintf(out, " ECE=%u", info->proto.tcp.ece);
	if (info->operation & IPT_ECN_OP_SET_CWR)
		fprintf(out, " CWR=%u", info->proto.tcp.cwr);
	if (info->operation & IPT_ECN_OP_SET_IP)
		fprintf(out, " ECT codepoint=%u", info->ip_ect);
}

static void ECN_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct ipt_ECN_info *info = data;

	if (is_remove(info)) {
		fputs(" --ecn-tcp-remove", out);
		return;
	}
	if (info->operation & IPT_ECN_OP_SET_ECE)
		fprintf(out, " --ecn-tcp-ece %d", info->proto.tcp.ece);
	if (info->operation & IPT_ECN_OP_SET_CWR)
		fprintf(out, " --ecn-tcp-cwr %d", info->proto.tcp.cwr);
	if (info->operation & IPT_ECN_OP_SET_IP)
		fprintf(out, " --ecn-ip-ect %d", info->ip_ect);
}

static const struct xtables_ext ECN_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "ECN",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct ipt_ECN_info),
		.help = ECN_help,
		.options = ECN_opts,
		.parse = ECN_parse,
		.check = ECN_check,
		.print = ECN_print,
		.save = ECN_save,
	},
};

XTABLES_EXTENSIONS(ECN_exts)
