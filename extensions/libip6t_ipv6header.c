/*
 * ipv6header match (IPv6): which extension headers a packet has - all
 * of the given ones exactly, or (--soft) at least those.
 */
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_ipv6header.h>

enum { O_HEADER, O_SOFT };

static const struct xtables_option ipv6header_opts[] = {
	{ .name = "header", .type = XTTYPE_STRING, .id = O_HEADER,
	  .flags = XTOPT_MAND | XTOPT_INVERT },
	{ .name = "soft", .type = XTTYPE_NONE, .id = O_SOFT },
	XTABLES_OPT_END,
};

/* Names known without /etc/protocols, first name of a number wins. */
static const struct {
	const char *name;
	uint8_t proto;
} header_names[] = {
	{ "hop-by-hop", IPPROTO_HOPOPTS }, { "protocol", IPPROTO_RAW },
	{ "hop", IPPROTO_HOPOPTS }, { "dst", IPPROTO_DSTOPTS },
	{ "route", IPPROTO_ROUTING }, { "frag", IPPROTO_FRAGMENT },
	{ "auth", IPPROTO_AH }, { "esp", IPPROTO_ESP },
	{ "none", IPPROTO_NONE }, { "prot", IPPROTO_RAW },
	{ "0", IPPROTO_HOPOPTS }, { "60", IPPROTO_DSTOPTS },
	{ "43", IPPROTO_ROUTING }, { "44", IPPROTO_FRAGMENT },
	{ "51", IPPROTO_AH }, { "50", IPPROTO_ESP },
	{ "59", IPPROTO_NONE }, { "255", IPPROTO_RAW },
};
#define N_NAMES (sizeof(header_names) / sizeof(header_names[0]))

/* The bit of each header in matchflags, in printing order. */
static const struct {
	uint8_t proto, bit;
} header_bits[] = {
	{ IPPROTO_HOPOPTS, MASK_HOPOPTS }, { IPPROTO_DSTOPTS, MASK_DSTOPTS },
	{ IPPROTO_ROUTING, MASK_ROUTING }, { IPPROTO_FRAGMENT, MASK_FRAGMENT },
	{ IPPROTO_AH, MASK_AH }, { IPPROTO_ESP, MASK_ESP },
	{ IPPROTO_NONE, MASK_NONE }, { IPPROTO_RAW, MASK_PROTO },
};
#define N_BITS (sizeof(header_bits) / sizeof(header_bits[0]))

static void ipv6header_help(FILE *out)
{
	fputs(
"ipv6header match options:\n"
"[!] --header headers     Type of header to match, by name\n"
"                         names: hop,dst,route,frag,auth,esp,none,prot\n"
"                    long names: hop-by-hop,ipv6-opts,ipv6-route,\n"
"                                ipv6-frag,ah,esp,ipv6-nonxt,protocol\n"
"                       numbers: 0,60,43,44,51,50,59\n"
"--soft                    The header CONTAINS the specified extensions\n",
	      out);
}

/* The bit of one name ("ipv6-frag", "frag", "44"); 0 with err set. */
static uint8_t header_bit(struct xtables_optcall *cb, const char *name)
{
	const struct protoent *pe = getprotobyname(name);
	unsigned int proto = 0, i;

	if (pe != NULL) {
		proto = pe->p_proto;
	} else {
		for (i = 0; i < N_NAMES; i++)
			if (strcmp(name, header_names[i].name) == 0)
				break;
		if (i == N_NAMES) {
			xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				     "unknown header `%s' specified", name);
			return 0;
		}
		proto = header_names[i].proto;
	}
	for (i = 0; i < N_BITS; i++)
		if (header_bits[i].proto == proto)
			return header_bits[i].bit;
	xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
		     "unknown header `%d' specified", proto);
	return 0;
}

static int ipv6header_parse(struct xtables_optcall *cb)
{
	struct ip6t_ipv6header_info *info = cb->data;
	char *buf, *tok, *save = NULL;
	uint8_t bits = 0, bit;

	if (cb->opt->id == O_SOFT) {
		info->modeflag = 0xFF;
		return 0;
	}
	buf = strdup(cb->arg);
	if (buf == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "out of memory");
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		bit = header_bit(cb, tok);
		if (bit == 0) {
			free(buf);
			return -1;
		}
		bits |= bit;
	}
	free(buf);
	if (bits == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "ip6t_ipv6header: cannot parse header names");
	info->matchflags = bits;
	if (cb->invert)
		info->invflags = 0xFF;
	return 0;
}

/* A header's name: /etc/protocols (not for 0), else the built-in one. */
static const char *header_name(uint8_t proto)
{
	const struct protoent *pe;

	if (proto != 0 && (pe = getprotobynumber(proto)) != NULL)
		return pe->p_name;
	for (unsigned int i = 0; i < N_NAMES; i++)
		if (header_names[i].proto == proto)
			return header_names[i].name;
	return "(null)";
}

static void print_headers(FILE *out, uint8_t bits)
{
	bool first = true;

	for (unsigned int i = 0; i < N_BITS; i++) {
		if (!(bits & header_bits[i].bit))
			continue;
		fprintf(out, "%s%s", first ? "" : ",",
			header_name(header_bits[i].proto));
		first = false;
	}
	if (first)
		fputs("NONE", out);
}

static void ipv6header_print(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data, unsigned int flags)
{
	const struct ip6t_ipv6header_info *info = data;

	fputs(" ipv6header", out);
	if (info->matchflags || info->invflags) {
		fprintf(out, " flags:%s", info->invflags ? "!" : "");
		if (flags & XTABLES_PRINT_NUMERIC)
			fprintf(out, "0x%02X", info->matchflags);
		else
			print_headers(out, info->matchflags);
	}
	if (info->modeflag)
		fputs(" soft", out);
}

static void ipv6header_save(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data)
{
	const struct ip6t_ipv6header_info *info = data;

	fprintf(out, "%s --header ", info->invflags ? " !" : "");
	print_headers(out, info->matchflags);
	if (info->modeflag)
		fputs(" --soft", out);
}

static const struct xtables_ext ipv6header_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "ipv6header",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_ipv6header_info),
		.help = ipv6header_help,
		.options = ipv6header_opts,
		.parse = ipv6header_parse,
		.print = ipv6header_print,
		.save = ipv6header_save,
	},
};

XTABLES_EXTENSIONS(ipv6header_exts)
