/*
 * pkttype match: the link-layer class of a packet (to this host, to all,
 * to a group, to another host), as the kernel's PACKET_* values.
 */
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/if_packet.h>
#include <linux/netfilter/xt_pkttype.h>

enum { O_PKTTYPE };

static const struct xtables_option pkttype_opts[] = {
	{ .name = "pkt-type", .type = XTTYPE_STRING, .id = O_PKTTYPE,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	XTABLES_OPT_END,
};

/* Names a type may be given by; the first of each value is the one
 * printed, and only those with a description appear in the help. */
static const struct {
	const char *name;
	uint8_t type;
	const char *help;
} pkttype_names[] = {
	{ "unicast", PACKET_HOST, "to us" },
	{ "broadcast", PACKET_BROADCAST, "to all" },
	{ "multicast", PACKET_MULTICAST, "to group" },
	{ "otherhost", PACKET_OTHERHOST, "to someone else" },
	{ "bcast", PACKET_BROADCAST, NULL },
	{ "mcast", PACKET_MULTICAST, NULL },
	{ "host", PACKET_HOST, NULL },
};

#define NNAMES (sizeof(pkttype_names) / sizeof(pkttype_names[0]))

static void pkttype_help(FILE *out)
{
	fputs("pkttype match options:\n"
	      "[!] --pkt-type packettype    match packet type\n"
	      "Valid packet types:\n", out);
	for (size_t i = 0; i < NNAMES; i++)
		if (pkttype_names[i].help != NULL)
			fprintf(out, "\t%-14s\t\t%s\n", pkttype_names[i].name,
				pkttype_names[i].help);
	fputc('\n', out);
}

static int pkttype_parse(struct xtables_optcall *cb)
{
	struct xt_pkttype_info *info = cb->data;

	for (size_t i = 0; i < NNAMES; i++)
		if (strcasecmp(cb->arg, pkttype_names[i].name) == 0) {
			info->pkttype = pkttype_names[i].type;
			if (cb->invert)
				info->invert = 1;
			return 0;
		}
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "Bad packet type '%s'", cb->arg);
}

static void put_type(FILE *out, const struct xt_pkttype_info *info)
{
	for (size_t i = 0; i < NNAMES; i++)
		if (pkttype_names[i].type == info->pkttype) {
			fputs(pkttype_names[i].name, out);
			return;
		}
	fprintf(out, "%d", info->pkttype);
}

static void pkttype_print(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	const struct xt_pkttype_info *info = data;

	fprintf(out, " PKTTYPE %s= ", info->invert ? "!" : "");
	put_type(out, info);
}

static void pkttype_save(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	const struct xt_pkttype_info *info = data;

	fprintf(out, "%s --pkt-type ", info->invert ? " !" : "");
	put_type(out, info);
}

static const struct xtables_ext pkttype_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "pkttype",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_pkttype_info),
		.help = pkttype_help,
		.options = pkttype_opts,
		.parse = pkttype_parse,
		.print = pkttype_print,
		.save = pkttype_save,
	},
};

XTABLES_EXTENSIONS(pkttype_exts)
