/*
 * nat_range.c - range parsing, kernel layouts and printing shared by
 * the NAT targets.  See nat_range.h.
 */
#include <errno.h>
#include <inttypes.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "nat_range.h"

size_t nat_layout_size(enum nat_layout layout)
{
	switch (layout) {
	case NAT_COMPAT:
		return sizeof(struct nf_nat_ipv4_multi_range_compat);
	case NAT_RANGE:
		return sizeof(struct nf_nat_range);
	case NAT_RANGE2:
		break;
	}
	return sizeof(struct nf_nat_range2);
}

static void nat_load(enum nat_layout layout, const void *data,
		     struct nf_nat_range2 *r)
{
	memset(r, 0, sizeof(*r));
	if (layout == NAT_COMPAT) {
		const struct nf_nat_ipv4_range *c =
			((const struct nf_nat_ipv4_multi_range_compat *)data)->range;

		r->flags = c->flags;
		r->min_addr.ip = c->min_ip;
		r->max_addr.ip = c->max_ip;
		r->min_proto = c->min;
		r->max_proto = c->max;
	} else {
		memcpy(r, data, nat_layout_size(layout));
	}
}

static void nat_store(enum nat_layout layout, void *data,
		      const struct nf_nat_range2 *r)
{
	if (layout == NAT_COMPAT) {
		struct nf_nat_ipv4_range *c =
			((struct nf_nat_ipv4_multi_range_compat *)data)->range;

		c->flags = r->flags;
		c->min_ip = r->min_addr.ip;
		c->max_ip = r->max_addr.ip;
		c->min = r->min_proto;
		c->max = r->max_proto;
	} else {
		memcpy(data, r, nat_layout_size(layout));
	}
}

/*
 * A number in [lo, hi] at the start of s; *end is left after it (any
 * text may follow).  False if there is no number or it is out of range.
 */
static bool leading_uint(const char *s, char **end, unsigned int lo,
			 unsigned int hi, unsigned int *value)
{
	uintmax_t v;

	errno = 0;
	v = strtoumax(s, end, 0);
	if (*end == s || errno == ERANGE || v < lo || v > hi)
		return false;
	*value = v;
	return true;
}

/* A service name as a port number, or -1. */
static int service_port(const char *name)
{
	struct servent *s = getservbyname(name, NULL);

	return s == NULL ? -1 : ntohs(s->s_port);
}

static int bad_port(struct xtables_err *err, const char *arg)
{
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			    "Port `%s' not valid", arg);
}

/* port[-port[/port]]; the last part only where the layout keeps it is
 * checked later (nat_check_no_offset). */
static int parse_ports(struct xtables_err *err, const char *arg, bool portok,
		       struct nf_nat_range2 *r)
{
	unsigned int port, maxport, baseport;
	char *end;
	int svc;

	if (!portok)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"Need TCP, UDP, SCTP or DCCP with port specification");
	r->flags |= NF_NAT_RANGE_PROTO_SPECIFIED;

	if (!leading_uint(arg, &end, 0, UINT16_MAX, &port)) {
		svc = service_port(arg);
		if (svc < 0)
			return bad_port(err, arg);
		port = svc;
		end = (char *)"";
	}
	switch (*end) {
	case '\0':
		r->min_proto.tcp.port = r->max_proto.tcp.port = htons(port);
		return 0;
	case '-':
		arg = end + 1;
		break;
	case ':':
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Invalid port:port syntax - use dash");
	default:
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Garbage after port value: `%s'", end);
	}

	/* the upper end of a range is a number, never a service name */
	if (!leading_uint(arg, &end, 0, UINT16_MAX, &maxport))
		return bad_port(err, arg);
	if (maxport < port)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Port range `%s' funky", arg);
	r->min_proto.tcp.port = htons(port);
	r->max_proto.tcp.port = htons(maxport);
	switch (*end) {
	case '\0':
		return 0;
	case '/':
		arg = end + 1;
		break;
	default:
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Garbage after port range: `%s'", end);
	}

	if (!leading_uint(arg, &end, 1, UINT16_MAX, &baseport)) {
		svc = service_port(arg);
		if (svc < 0)
			return bad_port(err, arg);
		baseport = svc;
	}
	r->flags |= NF_NAT_RANGE_PROTO_OFFSET;
	r->base_proto.tcp.port = htons(baseport);
	return 0;
}

static int bad_address(struct xtables_err *err, const char *text)
{
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			    "Bad IP address \"%s\"", text);
}

/* [addr[-addr]][:ports], IPv6 addresses in brackets when ports follow. */
static int parse_to(struct xtables_err *err, const char *orig, bool portok,
		    struct nf_nat_range2 *r, uint8_t family)
{
	int af = family == NFPROTO_IPV6 ? AF_INET6 : AF_INET;
	char *arg = strdup(orig), *start, *colon, *dash;
	int ret = -1;

	if (arg == NULL)
		return xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
				    "strdup failed");
	start = strchr(arg, '[');
	if (start == NULL) {
		start = arg;
		/* one colon introduces ports; more make an IPv6 address */
		colon = strchr(arg, ':');
		if (colon != NULL && strchr(colon + 1, ':') != NULL)
			colon = NULL;
	} else {
		char *close = strchr(++start, ']');

		if (close == NULL || af == AF_INET) {
			xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				     "Invalid address format");
			goto out;
		}
		*close = '\0';
		colon = strchr(close + 1, ':');
	}

	if (colon != NULL) {
		if (parse_ports(err, colon + 1, portok, r) < 0)
			goto out;
		/* ":ports" or "[]:ports": no address */
		if (colon == arg || colon == arg + 2) {
			ret = 0;
			goto out;
		}
		*colon = '\0';
	}

	r->flags |= NF_NAT_RANGE_MAP_IPS;
	dash = strchr(start, '-');
	if (dash != NULL)
		*dash = '\0';
	if (inet_pton(af, start, &r->min_addr) != 1) {
		bad_address(err, start);
		goto out;
	}
	if (dash == NULL)
		r->max_addr = r->min_addr;
	else if (inet_pton(af, dash + 1, &r->max_addr) != 1) {
		bad_address(err, dash + 1);
		goto out;
	}
	ret = 0;
out:
	free(arg);
	return ret;
}

/* Protocols whose "ports" NAT can map (ICMP: the query id). */
static bool has_ports(uint16_t proto)
{
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP ||
	       proto == IPPROTO_SCTP || proto == IPPROTO_DCCP ||
	       proto == IPPROTO_ICMP;
}

int nat_parse(struct xtables_optcall *cb, enum nat_layout layout)
{
	bool portok = has_ports(cb->ip->proto);
	struct nf_nat_range2 r;
	int ret = 0;

	nat_load(layout, cb->data, &r);
	switch (cb->opt->id) {
	case NAT_O_TO_DEST:
	case NAT_O_TO_SRC:
		ret = parse_to(cb->err, cb->arg, portok, &r, cb->family);
		break;
	case NAT_O_TO_PORTS:
		ret = parse_ports(cb->err, cb->arg, portok, &r);
		break;
	case NAT_O_RANDOM:
		r.flags |= NF_NAT_RANGE_PROTO_RANDOM;
		break;
	case NAT_O_RANDOM_FULLY:
		r.flags |= NF_NAT_RANGE_PROTO_RANDOM_FULLY;
		break;
	case NAT_O_PERSISTENT:
		r.flags |= NF_NAT_RANGE_PERSISTENT;
		break;
	}
	if (ret == 0)
		nat_store(layout, cb->data, &r);
	return ret;
}

int nat_check_compat(struct xtables_checkcall *cb)
{
	struct nf_nat_ipv4_multi_range_compat *mr = cb->data;

	mr->rangesize = 1;
	return 0;
}

int nat_check_no_offset(struct xtables_checkcall *cb, enum nat_layout layout)
{
	struct nf_nat_range2 r;

	if (layout == NAT_COMPAT)
		nat_check_compat(cb);
	nat_load(layout, cb->data, &r);
	if (r.flags & NF_NAT_RANGE_PROTO_OFFSET)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"Shifted portmap ranges not supported with this kernel");
	return 0;
}

/* The range as text: "[addr-addr]:port-port/base", parts as present. */
static void format_range(char *buf, size_t len, const struct nf_nat_range2 *r,
			 uint8_t family)
{
	int af = family == NFPROTO_IPV6 ? AF_INET6 : AF_INET;
	bool brackets = af == AF_INET6 &&
			r->flags & NF_NAT_RANGE_PROTO_SPECIFIED;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	size_t n = 0;

	buf[0] = '\0';
	if (r->flags & NF_NAT_RANGE_MAP_IPS) {
		inet_ntop(af, &r->min_addr, a, sizeof(a));
		n += snprintf(buf + n, len - n, "%s%s", brackets ? "[" : "", a);
		if (memcmp(&r->min_addr, &r->max_addr, sizeof(r->min_addr))) {
			inet_ntop(af, &r->max_addr, b, sizeof(b));
			n += snprintf(buf + n, len - n, "-%s", b);
		}
		if (brackets)
			n += snprintf(buf + n, len - n, "]");
	}
	if (r->flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
		n += snprintf(buf + n, len - n, ":%hu",
			      ntohs(r->min_proto.tcp.port));
		if (r->max_proto.tcp.port != r->min_proto.tcp.port)
			n += snprintf(buf + n, len - n, "-%hu",
				      ntohs(r->max_proto.tcp.port));
		if (r->flags & NF_NAT_RANGE_PROTO_OFFSET)
			snprintf(buf + n, len - n, "/%hu",
				 ntohs(r->base_proto.tcp.port));
	}
}

void nat_print(FILE *out, const struct nat_style *style, enum nat_layout layout,
	       uint8_t family, const void *data, bool save)
{
	static const struct {
		uint32_t flag;
		const char *word;
	} flag_words[] = {
		{ NF_NAT_RANGE_PROTO_RANDOM, "random" },
		{ NF_NAT_RANGE_PROTO_RANDOM_FULLY, "random-fully" },
		{ NF_NAT_RANGE_PERSISTENT, "persistent" },
	};
	char buf[2 * INET6_ADDRSTRLEN + 32];
	const char *text = buf;
	struct nf_nat_range2 r;

	nat_load(layout, data, &r);
	format_range(buf, sizeof(buf), &r, family);
	if (buf[0] != '\0') {
		if (buf[0] == ':' && style->ports_only)
			text++;
		fprintf(out, " %s%s", save ? style->save_opt : style->print_opt,
			text);
	}
	for (size_t i = 0; i < sizeof(flag_words) / sizeof(flag_words[0]); i++)
		if (r.flags & flag_words[i].flag)
			fprintf(out, " %s%s", save ? "--" : "",
				flag_words[i].word);
}
