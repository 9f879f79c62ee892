/*
 * libxt_udp.c - the udp match: source and destination port ranges.
 */
#include <linux/netfilter/xt_tcpudp.h>
#include <xtables/extension.h>

enum { O_SPORT, O_DPORT };

static void udp_help(FILE *out)
{
	fputs("udp match options:\n"
	      "[!] --source-port port[:port]\n"
	      " --sport ...\n"
	      "\t\t\t\tmatch source port(s)\n"
	      "[!] --destination-port port[:port]\n"
	      " --dport ...\n"
	      "\t\t\t\tmatch destination port(s)\n", out);
}

#define PORTS(optname, oid, member) \
	{ .name = optname, .id = oid, .type = XTTYPE_PORTRC, \
	  .flags = XTOPT_INVERT | XTOPT_PUT, XTOPT_POINTER(struct xt_udp, member) }

static const struct xtables_option udp_opts[] = {
	PORTS("source-port", O_SPORT, spts),
	PORTS("sport", O_SPORT, spts),
	PORTS("destination-port", O_DPORT, dpts),
	PORTS("dport", O_DPORT, dpts),
	XTABLES_OPT_END,
};

static void udp_init(void *data)
{
	struct xt_udp *u = data;

	u->spts[1] = u->dpts[1] = 0xFFFF;
}

static int udp_parse(struct xtables_optcall *cb)
{
	struct xt_udp *u = cb->data;

	if (cb->invert)
		u->invflags |= cb->opt->id == O_SPORT ? XT_UDP_INV_SRCPT
						      : XT_UDP_INV_DSTPT;
	return 0;
}

static void udp_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_udp *u = data;
	bool numeric = flags & XTABLES_PRINT_NUMERIC;

	xtables_put_lit(out, " udp");
	xtables_print_port_range(out, "spt", u->spts,
				 u->invflags & XT_UDP_INV_SRCPT, "udp", numeric);
	xtables_print_port_range(out, "dpt", u->dpts,
				 u->invflags & XT_UDP_INV_DSTPT, "udp", numeric);
	if (u->invflags & ~XT_UDP_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			u->invflags & ~XT_UDP_INV_MASK);
}

static void save_ports(FILE *out, const char *opt, const uint16_t *p,
		       bool invert)
{
	if (p[0] == 0 && p[1] == 0xFFFF && !invert)
		return;
	xtables_save_port_range(out, opt, p, invert);
}

static void udp_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_udp *u = data;

	save_ports(out, "sport", u->spts, u->invflags & XT_UDP_INV_SRCPT);
	save_ports(out, "dport", u->dpts, u->invflags & XT_UDP_INV_DSTPT);
}

static const struct xtables_ext udp_ext[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "udp",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_udp),
		.help = udp_help,
		.init = udp_init,
		.options = udp_opts,
		.parse = udp_parse,
		.print = udp_print,
		.save = udp_save,
	},
};

XTABLES_EXTENSIONS(udp_ext)
