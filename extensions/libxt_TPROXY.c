/*
 * TPROXY target (mangle PREROUTING): hands a packet to a local socket
 * without changing it - on a given port, optionally a given address -
 * and marks it.  Revision 0 is IPv4 only (a 4-byte address); revision 1
 * holds an address of either family.
 */
#include <arpa/inet.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_TPROXY.h>

enum { O_PORT, O_ADDR, O_MARK };

static const struct xtables_option TPROXY_opts_v0[] = {
	{ .name = "on-port", .type = XTTYPE_PORT, .id = O_PORT,
	  .flags = XTOPT_MAND | XTOPT_NBO | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_tproxy_target_info, lport) },
	{ .name = "on-ip", .type = XTTYPE_HOST, .id = O_ADDR },
	{ .name = "tproxy-mark", .type = XTTYPE_MARKMASK32, .id = O_MARK },
	XTABLES_OPT_END,
};

static const struct xtables_option TPROXY_opts_v1[] = {
	{ .name = "on-port", .type = XTTYPE_PORT, .id = O_PORT,
	  .flags = XTOPT_MAND | XTOPT_NBO | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_tproxy_target_info_v1, lport) },
	{ .name = "on-ip", .type = XTTYPE_HOST, .id = O_ADDR,
	  .flags = XTOPT_PUT,
	  XTOPT_POINTER(struct xt_tproxy_target_info_v1, laddr) },
	{ .name = "tproxy-mark", .type = XTTYPE_MARKMASK32, .id = O_MARK },
	XTABLES_OPT_END,
};

static void TPROXY_help(FILE *out)
{
	fputs("TPROXY target options:\n"
	      "  --on-port port\t\t    Redirect connection to port, or the original port if 0\n"
	      "  --on-ip ip\t\t\t    Optionally redirect to the given IP\n"
	      "  --tproxy-mark value[/mask]\t    Mark packets with the given value/mask\n"
	      "\n", out);
}

static int TPROXY_parse_v0(struct xtables_optcall *cb)
{
	struct xt_tproxy_target_info *info = cb->data;

	if (cb->opt->id == O_MARK) {
		info->mark_value = cb->val.mark;
		info->mark_mask = cb->val.mask;
	} else if (cb->opt->id == O_ADDR) {
		info->laddr = cb->val.haddr.ip;
	}
	return 0;
}

static int TPROXY_parse_v1(struct xtables_optcall *cb)
{
	struct xt_tproxy_target_info_v1 *info = cb->data;

	if (cb->opt->id == O_MARK) {
		info->mark_value = cb->val.mark;
		info->mark_mask = cb->val.mask;
	}
	return 0;
}

static void show(FILE *out, bool save, uint8_t family,
		 const union nf_inet_addr *addr, uint16_t lport,
		 uint32_t value, uint32_t mask)
{
	char buf[64];

	xtables_addr_to_text(family, addr, buf, sizeof(buf));
	if (save)
		fprintf(out, " --on-port %u --on-ip %s --tproxy-mark 0x%x/0x%x",
			ntohs(lport), buf, value, mask);
	else
		fprintf(out, " TPROXY redirect %s:%u mark 0x%x/0x%x",
			buf, ntohs(lport), value, mask);
}

static void show_v0(FILE *out, const void *data, bool save)
{
	const struct xt_tproxy_target_info *info = data;
	union nf_inet_addr a = { .ip = info->laddr };

	show(out, save, NFPROTO_IPV4, &a, info->lport, info->mark_value,
	     info->mark_mask);
}

static void show_v1(FILE *out, uint8_t family, const void *data, bool save)
{
	const struct xt_tproxy_target_info_v1 *info = data;

	show(out, save, family, &info->laddr, info->lport, info->mark_value,
	     info->mark_mask);
}

static void TPROXY_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	show_v0(out, data, false);
}

static void TPROXY_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	show_v0(out, data, true);
}

static void TPROXY_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	show_v1(out, ip->family, data, false);
}

static void TPROXY_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	show_v1(out, ip->family, data, true);
}

static const struct xtables_ext TPROXY_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TPROXY",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct xt_tproxy_target_info),
		.help = TPROXY_help,
		.options = TPROXY_opts_v0,
		.parse = TPROXY_parse_v0,
		.print = TPROXY_print_v0,
		.save = TPROXY_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TPROXY",
		.revision = 1,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct xt_tproxy_target_info_v1),
		.help = TPROXY_help,
		.options = TPROXY_opts_v1,
		.parse = TPROXY_parse_v1,
		.print = TPROXY_print_v1,
		.save = TPROXY_save_v1,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TPROXY",
		.revision = 1,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct xt_tproxy_target_info_v1),
		.help = TPROXY_help,
		.options = TPROXY_opts_v1,
		.parse = TPROXY_parse_v1,
		.print = TPROXY_print_v1,
		.save = TPROXY_save_v1,
	},
};

XTABLES_EXTENSIONS(TPROXY_exts)
