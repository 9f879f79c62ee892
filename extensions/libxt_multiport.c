/*
 * multiport match: up to 15 source and/or destination ports, or port
 * ranges a:b (a range takes two of the 15 places).  Needs -p tcp, udp,
 * udplite, sctp or dccp.
 */
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_multiport.h>

enum { O_SOURCE_PORTS, O_DEST_PORTS, O_SD_PORTS };

#define MULTIPORT_ANY ((1U << O_SOURCE_PORTS) | (1U << O_DEST_PORTS) | \
		       (1U << O_SD_PORTS))

static const struct xtables_option multiport_opts[] = {
	{ .name = "source-ports", .type = XTTYPE_STRING, .id = O_SOURCE_PORTS,
	  .excl = MULTIPORT_ANY, .flags = XTOPT_INVERT },
	{ .name = "sports", .type = XTTYPE_STRING, .id = O_SOURCE_PORTS,
	  .excl = MULTIPORT_ANY, .flags = XTOPT_INVERT },
	{ .name = "destination-ports", .type = XTTYPE_STRING, .id = O_DEST_PORTS,
	  .excl = MULTIPORT_ANY, .flags = XTOPT_INVERT },
	{ .name = "dports", .type = XTTYPE_STRING, .id = O_DEST_PORTS,
	  .excl = MULTIPORT_ANY, .flags = XTOPT_INVERT },
	{ .name = "ports", .type = XTTYPE_STRING, .id = O_SD_PORTS,
	  .excl = MULTIPORT_ANY, .flags = XTOPT_INVERT },
	XTABLES_OPT_END,
};

/* Kernel flag, -L word and save option for each option id. */
static const struct {
	uint8_t flag;
	const char *word, *option;
} multiport_kinds[] = {
	[O_SOURCE_PORTS] = { XT_MULTIPORT_SOURCE, "sports", "--sports" },
	[O_DEST_PORTS] = { XT_MULTIPORT_DESTINATION, "dports", "--dports" },
	[O_SD_PORTS] = { XT_MULTIPORT_EITHER, "ports", "--ports" },
};

/* Protocols with ports, by number. */
static const struct {
	uint8_t proto;
	const char *name;
} multiport_protos[] = {
	{ IPPROTO_TCP, "tcp" },
	{ IPPROTO_UDP, "udp" },
	{ IPPROTO_UDPLITE, "udplite" },
	{ IPPROTO_SCTP, "sctp" },
	{ IPPROTO_DCCP, "dccp" },
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static void multiport_help_v0(FILE *out)
{
	fputs("multiport match options:\n"
	      " --source-ports port[,port,port...]\n"
	      " --sports ...\n"
	      "\t\t\t\tmatch source port(s)\n"
	      " --destination-ports port[,port,port...]\n"
	      " --dports ...\n"
	      "\t\t\t\tmatch destination port(s)\n"
	      " --ports port[,port,port]\n"
	      "\t\t\t\tmatch both source and destination port(s)\n"
	      " NOTE: this kernel does not support port ranges in multiport.\n",
	      out);
}

static void multiport_help(FILE *out)
{
	fputs("multiport match options:\n"
	      "[!] --source-ports port[,port:port,port...]\n"
	      " --sports ...\n"
	      "\t\t\t\tmatch source port(s)\n"
	      "[!] --destination-ports port[,port:port,port...]\n"
	      " --dports ...\n"
	      "\t\t\t\tmatch destination port(s)\n"
	      "[!] --ports port[,port:port,port]\n"
	      "\t\t\t\tmatch both source and destination port(s)\n",
	      out);
}

static const char *multiport_proto_name(uint16_t proto)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(multiport_protos); i++)
		if (multiport_protos[i].proto == proto)
			return multiport_protos[i].name;
	return NULL;
}

static int multiport_port(struct xtables_optcall *cb, const char *text,
			  const char *proto, uint16_t *port)
{
	int value = xtables_parse_port(text, proto);

	if (value < 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "invalid port/service `%s' specified",
				    text);
	*port = value;
	return 0;
}

/* "p[,p|a:b]..." into ports/pflags/count. */
static int multiport_parse_list(struct xtables_optcall *cb, const char *proto,
				struct xt_multiport_v1 *info)
{
	char *buf = strdup(cb->arg);
	char *cur, *next, *high;
	unsigned int i = 0;
	int ret = -1;

	if (buf == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "strdup");
	memset(info->pflags, 0, sizeof(info->pflags));
	for (cur = buf; cur != NULL && i < XT_MULTI_PORTS; cur = next, i++) {
		next = strchr(cur, ',');
		if (next != NULL)
			*next++ = '\0';
		high = strchr(cur, ':');
		if (high != NULL) {
			if (i == XT_MULTI_PORTS - 1)
				goto too_many;
			*high++ = '\0';
		}
		if (multiport_port(cb, cur, proto, &info->ports[i]) < 0)
			goto out;
		if (high != NULL) {
			info->pflags[i] = 1;
			i++;
			if (multiport_port(cb, high, proto,
					   &info->ports[i]) < 0)
				goto out;
			if (info->ports[i - 1] >= info->ports[i]) {
				xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					     "invalid portrange specified");
				goto out;
			}
		}
	}
	info->count = i;
	if (cur != NULL)
		goto too_many;
	ret = 0;
	goto out;
too_many:
	xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
		     "too many ports specified");
out:
	free(buf);
	return ret;
}

/* The rule's protocol name, or NULL after reporting why there is none. */
static const char *multiport_rule_proto(struct xtables_optcall *cb)
{
	const char *proto = multiport_proto_name(cb->ip->proto);

	if (cb->ip->invflags & XTABLES_INV_PROTO)
		proto = NULL;
	if (proto == NULL) {
		if (cb->ip->proto == 0 &&
		    !(cb->ip->invflags & XTABLES_INV_PROTO))
			xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"multiport needs `-p tcp', `-p udp', "
				"`-p udplite', `-p sctp' or `-p dccp'");
		else
			xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
	}
	return proto;
}

/* Revision 0: single ports only, no inversion. */
static int multiport_parse_v0(struct xtables_optcall *cb)
{
	struct xt_multiport *info = cb->data;
	const char *proto = multiport_rule_proto(cb);
	char *buf, *cur, *next;
	unsigned int i;
	int ret = 0;

	if (proto == NULL)
		return -1;
	buf = strdup(cb->arg);
	if (buf == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "strdup");
	for (cur = buf, i = 0; cur != NULL && i < XT_MULTI_PORTS;
	     cur = next, i++) {
		next = strchr(cur, ',');
		if (next != NULL)
			*next++ = '\0';
		if (multiport_port(cb, cur, proto, &info->ports[i]) < 0) {
			ret = -1;
			break;
		}
	}
	if (ret == 0 && cur != NULL)
		ret = xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				   "too many ports specified");
	free(buf);
	if (ret < 0)
		return ret;
	info->count = i;
	info->flags = multiport_kinds[cb->opt->id].flag;
	if (cb->invert)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "multiport.0 does not support invert");
	return 0;
}

static int multiport_parse(struct xtables_optcall *cb)
{
	struct xt_multiport_v1 *info = cb->data;
	const char *proto = multiport_rule_proto(cb);

	if (proto == NULL)
		return -1;
	if (multiport_parse_list(cb, proto, info) < 0)
		return -1;
	info->flags = multiport_kinds[cb->opt->id].flag;
	if (cb->invert)
		info->invert = 1;
	return 0;
}

static int multiport_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "no ports specified");
	return 0;
}

static void multiport_port_out(FILE *out, uint16_t port, uint16_t proto,
			       bool numeric)
{
	const struct servent *s = NULL;

	if (!numeric)
		s = getservbyport(htons(port), multiport_proto_name(proto));
	if (s != NULL)
		fputs(s->s_name, out);
	else
		fprintf(out, "%u", port);
}

static void multiport_list(FILE *out, const struct xt_multiport_v1 *info,
			   uint16_t proto, bool numeric)
{
	unsigned int i;

	for (i = 0; i < info->count && i < XT_MULTI_PORTS; i++) {
		if (i > 0)
			fputc(',', out);
		multiport_port_out(out, info->ports[i], proto, numeric);
		if (info->pflags[i] && i + 1 < XT_MULTI_PORTS) {
			fputc(':', out);
			multiport_port_out(out, info->ports[++i], proto,
					   numeric);
		}
	}
}

static const char *multiport_word(uint8_t flag, bool save)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(multiport_kinds); i++)
		if (multiport_kinds[i].flag == flag)
			return save ? multiport_kinds[i].option :
				      multiport_kinds[i].word;
	return save ? NULL : "ERROR";
}

static void multiport_print(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	const struct xt_multiport_v1 *info = data;

	fprintf(out, " multiport %s ", multiport_word(info->flags, false));
	if (info->invert)
		fputs(" !", out);
	multiport_list(out, info, ip->proto, flags & XTABLES_PRINT_NUMERIC);
}

static void multiport_save(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	const struct xt_multiport_v1 *info = data;
	const char *option = multiport_word(info->flags, true);

	if (info->invert)
		fputs(" !", out);
	if (option != NULL)
		fprintf(out, " %s ", option);
	multiport_list(out, info, ip->proto, true);
}

/* Revision 0 shows as revision 1 without ranges and inversion. */
static struct xt_multiport_v1 multiport_as_v1(const struct xt_multiport *v0)
{
	struct xt_multiport_v1 v1 = { .flags = v0->flags, .count = v0->count };

	memcpy(v1.ports, v0->ports, sizeof(v1.ports));
	return v1;
}

static void multiport_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			       const void *data, unsigned int flags)
{
	struct xt_multiport_v1 v1 = multiport_as_v1(data);

	multiport_print(out, ip, &v1, flags);
}

static void multiport_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data)
{
	struct xt_multiport_v1 v1 = multiport_as_v1(data);

	multiport_save(out, ip, &v1);
}

static const struct xtables_ext multiport_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "multiport",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_multiport),
		.help = multiport_help_v0,
		.options = multiport_opts,
		.parse = multiport_parse_v0,
		.check = multiport_check,
		.print = multiport_print_v0,
		.save = multiport_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "multiport",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_multiport_v1),
		.help = multiport_help,
		.options = multiport_opts,
		.parse = multiport_parse,
		.check = multiport_check,
		.print = multiport_print,
		.save = multiport_save,
	},
};

XTABLES_EXTENSIONS(multiport_exts)
