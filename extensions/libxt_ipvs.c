/*
 * ipvs match: packets of connections handled by IPVS (the kernel's
 * load balancer), optionally narrowed by the virtual service's
 * protocol, address, port, the flow direction, the forwarding method
 * and the port of the controlling connection.  Each option sets its
 * bit in the kernel's bitmask (ids follow XT_IPVS_* order) and, when
 * negated, in its invert mask.
 */
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include <xtables/extension.h>
#include <linux/ip_vs.h>
#include <linux/netfilter/xt_ipvs.h>

/* same order as the XT_IPVS_* bits */
enum { O_IPVS, O_VPROTO, O_VADDR, O_VPORT, O_VDIR, O_VMETHOD, O_VPORTCTL };

static const struct xtables_option ipvs_opts[] = {
	{ .name = "ipvs", .type = XTTYPE_NONE, .id = O_IPVS,
	  .flags = XTOPT_INVERT },
	{ .name = "vproto", .type = XTTYPE_PROTOCOL, .id = O_VPROTO,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_ipvs_mtinfo, l4proto) },
	{ .name = "vaddr", .type = XTTYPE_HOSTMASK, .id = O_VADDR,
	  .flags = XTOPT_INVERT },
	{ .name = "vport", .type = XTTYPE_PORT, .id = O_VPORT,
	  .flags = XTOPT_INVERT | XTOPT_PUT | XTOPT_NBO,
	  XTOPT_POINTER(struct xt_ipvs_mtinfo, vport) },
	{ .name = "vdir", .type = XTTYPE_STRING, .id = O_VDIR },
	{ .name = "vmethod", .type = XTTYPE_STRING, .id = O_VMETHOD,
	  .flags = XTOPT_INVERT },
	{ .name = "vportctl", .type = XTTYPE_PORT, .id = O_VPORTCTL,
	  .flags = XTOPT_INVERT | XTOPT_PUT | XTOPT_NBO,
	  XTOPT_POINTER(struct xt_ipvs_mtinfo, vportctl) },
	XTABLES_OPT_END,
};

static void ipvs_help(FILE *out)
{
	fputs("IPVS match options:\n"
	      "[!] --ipvs                      packet belongs to an IPVS connection\n"
	      "\n"
	      "Any of the following options implies --ipvs (even negated)\n"
	      "[!] --vproto protocol           VIP protocol to match; by number or name,\n"
	      "                                e.g. \"tcp\"\n"
	      "[!] --vaddr address[/mask]      VIP address to match\n"
	      "[!] --vport port                VIP port to match; by number or name,\n"
	      "                                e.g. \"http\"\n"
	      "    --vdir {ORIGINAL|REPLY}     flow direction of packet\n"
	      "[!] --vmethod {GATE|IPIP|MASQ}  IPVS forwarding method used\n"
	      "[!] --vportctl port             VIP port of the controlling connection to\n"
	      "                                match, e.g. 21 for FTP\n", out);
}

/* forwarding methods by name, as --vmethod takes and shows them */
static const struct {
	const char *name;
	uint8_t method;
} ipvs_methods[] = {
	{ "GATE", IP_VS_CONN_F_DROUTE },
	{ "IPIP", IP_VS_CONN_F_TUNNEL },
	{ "MASQ", IP_VS_CONN_F_MASQ },
};
#define N_METHODS (sizeof(ipvs_methods) / sizeof(ipvs_methods[0]))

static int bad_value(struct xtables_optcall *cb)
{
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "ipvs: Bad value for \"--%s\" option: \"%s\"",
			    cb->opt->name, cb->arg);
}

static int ipvs_parse(struct xtables_optcall *cb)
{
	struct xt_ipvs_mtinfo *info = cb->data;
	unsigned int i;

	switch (cb->opt->id) {
	case O_VADDR:
		info->vaddr = cb->val.haddr;
		info->vmask = cb->val.hmask;
		break;
	case O_VDIR:
		if (strcasecmp(cb->arg, "ORIGINAL") == 0)
			info->invert &= ~XT_IPVS_DIR;
		else if (strcasecmp(cb->arg, "REPLY") == 0)
			info->invert |= XT_IPVS_DIR;
		else
			return bad_value(cb);
		break;
	case O_VMETHOD:
		for (i = 0; i < N_METHODS; i++)
			if (strcasecmp(cb->arg, ipvs_methods[i].name) == 0)
				break;
		if (i == N_METHODS)
			return bad_value(cb);
		info->fwd_method = ipvs_methods[i].method;
		break;
	}
	info->bitmask |= 1 << cb->opt->id;
	if (cb->invert)
		info->invert |= 1 << cb->opt->id;
	return 0;
}

static int ipvs_check(struct xtables_checkcall *cb)
{
	struct xt_ipvs_mtinfo *info = cb->data;

	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "IPVS: At least one option is required");
	if (info->bitmask & XT_IPVS_ONCE_MASK) {
		if (info->invert & XT_IPVS_IPVS_PROPERTY)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"! --ipvs cannot be together with other options");
		info->bitmask |= XT_IPVS_IPVS_PROPERTY;
	}
	return 0;
}

static void show_addr(FILE *out, const struct xtables_rule_ip *ip,
		      const struct xt_ipvs_mtinfo *info, bool numeric)
{
	static const union nf_inet_addr zero;
	union nf_inet_addr full;
	char abuf[1100], mbuf[64];
	size_t alen = ip->family == NFPROTO_IPV4 ? 4 : 16;

	if (!numeric && memcmp(&info->vaddr, &zero, alen) == 0) {
		fputs(" anywhere", out);
		return;
	}
	if (numeric)
		xtables_addr_to_text(ip->family, &info->vaddr, abuf, sizeof(abuf));
	else
		xtables_addr_to_name(ip->family, &info->vaddr, abuf, sizeof(abuf));
	memset(&full, 0xff, sizeof(full));
	if (memcmp(&info->vmask, &full, alen) == 0)
		mbuf[0] = '\0';
	else
		xtables_mask_to_text(ip->family, &info->vmask, mbuf, sizeof(mbuf));
	fprintf(out, " %s%s", abuf, mbuf);
}

static const char *neg(const struct xt_ipvs_mtinfo *info, unsigned int bit)
{
	return info->invert & bit ? " !" : "";
}

static void ipvs_show(FILE *out, const struct xtables_rule_ip *ip,
		      const struct xt_ipvs_mtinfo *info, bool numeric,
		      const char *prefix)
{
	unsigned int i;

	if (info->bitmask == XT_IPVS_IPVS_PROPERTY)
		fprintf(out, "%s %sipvs", neg(info, XT_IPVS_IPVS_PROPERTY), prefix);
	if (info->bitmask & XT_IPVS_PROTO)
		fprintf(out, "%s %svproto %u", neg(info, XT_IPVS_PROTO), prefix,
			info->l4proto);
	if (info->bitmask & XT_IPVS_VADDR) {
		fprintf(out, "%s %svaddr", neg(info, XT_IPVS_VADDR), prefix);
		show_addr(out, ip, info, numeric);
	}
	if (info->bitmask & XT_IPVS_VPORT)
		fprintf(out, "%s %svport %u", neg(info, XT_IPVS_VPORT), prefix,
			ntohs(info->vport));
	if (info->bitmask & XT_IPVS_DIR)
		fprintf(out, " %svdir %s", prefix,
			info->invert & XT_IPVS_DIR ? "REPLY" : "ORIGINAL");
	if (info->bitmask & XT_IPVS_METHOD) {
		const char *name = "UNKNOWN";

		for (i = 0; i < N_METHODS; i++)
			if (ipvs_methods[i].method == info->fwd_method)
				name = ipvs_methods[i].name;
		fprintf(out, "%s %svmethod %s", neg(info, XT_IPVS_METHOD),
			prefix, name);
	}
	if (info->bitmask & XT_IPVS_VPORTCTL)
		fprintf(out, "%s %svportctl %u", neg(info, XT_IPVS_VPORTCTL),
			prefix, ntohs(info->vportctl));
}

static void ipvs_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	ipvs_show(out, ip, data, flags & XTABLES_PRINT_NUMERIC, "");
}

static void ipvs_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	ipvs_show(out, ip, data, true, "--");
}

static const struct xtables_ext ipvs_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "ipvs",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_ipvs_mtinfo),
		.help = ipvs_help,
		.options = ipvs_opts,
		.parse = ipvs_parse,
		.check = ipvs_check,
		.print = ipvs_print,
		.save = ipvs_save,
	},
};

XTABLES_EXTENSIONS(ipvs_exts)
