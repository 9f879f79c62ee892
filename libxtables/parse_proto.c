/*
 * parse_proto.c - layer-4 protocols: numbers, upstream's built-in names,
 * then /etc/protocols; and the names printed for numbers.
 */
#include <netdb.h>
#include <string.h>
#include "option_core.h"

/* Upstream's built-in protocol names (checked before /etc/protocols
 * when parsing, and used for numbers when printing numerically). */
static const struct {
	const char *name;
	uint8_t num;
} builtin_protos[] = {
	{ "tcp", IPPROTO_TCP },
	{ "sctp", IPPROTO_SCTP },
	{ "udp", IPPROTO_UDP },
	{ "udplite", IPPROTO_UDPLITE },
	{ "icmp", IPPROTO_ICMP },
	{ "ipv6-icmp", IPPROTO_ICMPV6 },
	{ "icmpv6", IPPROTO_ICMPV6 },
	{ "esp", IPPROTO_ESP },
	{ "ah", IPPROTO_AH },
	{ "mobility-header", IPPROTO_MH },
	{ "ipv6-mh", IPPROTO_MH },
	{ "mh", IPPROTO_MH },
	{ "dccp", IPPROTO_DCCP },
	{ "ipcomp", IPPROTO_COMP },
	{ "all", 0 },
};

int xtables_parse_protocol(const char *arg, uint16_t *proto,
			   struct xtables_err *err)
{
	const struct protoent *pe;
	unsigned int num;

	if (xt_strtoui(arg, &num, 0, UINT8_MAX)) {
		*proto = num;
		return 0;
	}
	for (unsigned int i = 0; i < sizeof(builtin_protos) / sizeof(*builtin_protos); i++)
		if (strcmp(arg, builtin_protos[i].name) == 0) {
			*proto = builtin_protos[i].num;
			return 0;
		}
	pe = getprotobyname(arg);
	if (pe != NULL) {
		*proto = pe->p_proto;
		return 0;
	}
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			    "unknown protocol \"%s\" specified", arg);
}

int xt_parse_protocol_opt(const char *arg, union xtables_optval *val,
			  struct xtables_err *err)
{
	uint16_t p;

	if (xtables_parse_protocol(arg, &p, err) != 0)
		return -1;
	val->protocol = p;
	return 0;
}

const char *xtables_proto_to_name(uint16_t proto, bool numeric)
{
	if (proto != 0 && !numeric) {
		const struct protoent *pe = getprotobynumber(proto);

		if (pe != NULL)
			return pe->p_name;
	}
	for (unsigned int i = 0; i < sizeof(builtin_protos) / sizeof(*builtin_protos); i++)
		if (builtin_protos[i].num == proto)
			return builtin_protos[i].name;
	return NULL;
}

const char *xtables_proto_name(uint8_t proto)
{
	return xtables_proto_to_name(proto, false);
}
