/*
 * libxt_dccp - match DCCP ports, packet types and an option number
 * (xt_dccp).  Loaded implicitly by -p dccp.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_dccp.h>

enum { O_SPORT, O_DPORT, O_TYPES, O_OPTION };

#define PORT_OPT(optname, oid, member) \
	{ .name = optname, .type = XTTYPE_PORTRC, .id = oid, \
	  .flags = XTOPT_INVERT | XTOPT_PUT, \
	  XTOPT_POINTER(struct xt_dccp_info, member) }

static const struct xtables_option dccp_opts[] = {
	PORT_OPT("source-port", O_SPORT, spts),
	PORT_OPT("sport", O_SPORT, spts),
	PORT_OPT("destination-port", O_DPORT, dpts),
	PORT_OPT("dport", O_DPORT, dpts),
	{ .name = "dccp-types", .type = XTTYPE_STRING, .id = O_TYPES,
	  .flags = XTOPT_INVERT },
	{ .name = "dccp-option", .type = XTTYPE_UINT8, .id = O_OPTION,
	  .flags = XTOPT_INVERT | XTOPT_PUT, .min = 1, .max = UINT8_MAX,
	  XTOPT_POINTER(struct xt_dccp_info, option) },
	XTABLES_OPT_END,
};

/* Packet type names, by type number (bit in the type mask). */
static const char *const dccp_types[] = {
	"REQUEST", "RESPONSE", "DATA", "ACK", "DATAACK", "CLOSEREQ",
	"CLOSE", "RESET", "SYNC", "SYNCACK", "INVALID",
};
#define NTYPES (sizeof(dccp_types) / sizeof(dccp_types[0]))

/* Kernel flag bit of each option id. */
static const uint16_t dccp_flag[] = {
	[O_SPORT] = XT_DCCP_SRC_PORTS,
	[O_DPORT] = XT_DCCP_DEST_PORTS,
	[O_TYPES] = XT_DCCP_TYPE,
	[O_OPTION] = XT_DCCP_OPTION,
};

static void dccp_help(FILE *out)
{
	fputs("dccp match options\n"
	      "[!] --source-port port[:port]                          match source port(s)\n"
	      " --sport ...\n"
	      "[!] --destination-port port[:port]                     match destination port(s)\n"
	      " --dport ...\n"
	      "[!] --dccp-types type[,...]                            match when packet is one of the given types\n"
	      "[!] --dccp-option option                               match if option (by number!) is set\n",
	      out);
}

static int dccp_parse_types(struct xtables_optcall *cb, uint16_t *mask)
{
	char *buf = strdup(cb->arg), *tok, *save = NULL;
	int ret = 0;

	if (buf == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "out of memory");
	*mask = 0;
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		unsigned int i;

		for (i = 0; i < NTYPES; i++)
			if (strcasecmp(dccp_types[i], tok) == 0)
				break;
		if (i == NTYPES) {
			ret = xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					   "Unknown DCCP type `%s'", tok);
			break;
		}
		if (i == NTYPES - 1)	/* INVALID: every type number from 10 on */
			*mask |= (uint16_t)~((1U << i) - 1);
		else
			*mask |= 1U << i;
	}
	free(buf);
	return ret;
}

static int dccp_parse(struct xtables_optcall *cb)
{
	struct xt_dccp_info *info = cb->data;
	uint16_t flag = dccp_flag[cb->opt->id];

	if (cb->opt->id == O_TYPES &&
	    dccp_parse_types(cb, &info->typemask) != 0)
		return -1;
	info->flags |= flag;
	if (cb->invert)
		info->invflags |= flag;
	return 0;
}

static void dccp_type_list(FILE *out, uint16_t types, bool numeric)
{
	bool first = true;

	fputc(' ', out);
	for (unsigned int i = 0; i < 16; i++) {
		if (!(types & (1U << i)))
			continue;
		if (!first)
			fputc(',', out);
		first = false;
		if (numeric) {
			fprintf(out, "%u", i);
		} else if (i >= NTYPES - 1) {
			fputs(dccp_types[NTYPES - 1], out);
			break;
		} else {
			fputs(dccp_types[i], out);
		}
	}
}

static void dccp_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct xt_dccp_info *info = data;
	bool numeric = flags & XTABLES_PRINT_NUMERIC;

	fputs(" dccp", out);
	if (info->flags & XT_DCCP_SRC_PORTS)
		xtables_print_port_range(out, "spt", info->spts,
			   info->invflags & XT_DCCP_SRC_PORTS,
			   "dccp", numeric);
	if (info->flags & XT_DCCP_DEST_PORTS)
		xtables_print_port_range(out, "dpt", info->dpts,
			   info->invflags & XT_DCCP_DEST_PORTS,
			   "dccp", numeric);
	if (info->flags & XT_DCCP_TYPE) {
		if (info->invflags & XT_DCCP_TYPE)
			fputs(" !", out);
		dccp_type_list(out, info->typemask, numeric);
	}
	if (info->flags & XT_DCCP_OPTION) {
		bool inv = info->invflags & XT_DCCP_OPTION;

		if (info->option || inv)
			fprintf(out, " option=%s%u", inv ? "!" : "",
				info->option);
	}
}

static void dccp_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct xt_dccp_info *info = data;

	if (info->flags & XT_DCCP_SRC_PORTS)
		xtables_save_port_range(out, "sport", info->spts,
				info->invflags & XT_DCCP_SRC_PORTS);
	if (info->flags & XT_DCCP_DEST_PORTS)
		xtables_save_port_range(out, "dport", info->dpts,
				info->invflags & XT_DCCP_DEST_PORTS);
	if (info->flags & XT_DCCP_TYPE) {
		fprintf(out, "%s --dccp-types",
			info->invflags & XT_DCCP_TYPE ? " !" : "");
		dccp_type_list(out, info->typemask, false);
	}
	if (info->flags & XT_DCCP_OPTION)
		fprintf(out, "%s --dccp-option %u",
			info->invflags & XT_DCCP_OPTION ? " !" : "",
			info->option);
}

static const struct xtables_ext dccp_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "dccp",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_dccp_info),
		.help = dccp_help,
		.options = dccp_opts,
		.parse = dccp_parse,
		.print = dccp_print,
		.save = dccp_save,
	},
};

XTABLES_EXTENSIONS(dccp_exts)
