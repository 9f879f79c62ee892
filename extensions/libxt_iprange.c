/*
 * iprange match: source and/or destination address inside an inclusive
 * range "from[-to]".  Addresses are numeric only.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_iprange.h>

/* Revision 0 (IPv4 only), a layout the UAPI headers no longer carry:
 * inclusive source and destination ranges in network byte order, then
 * the IPRANGE_* flags. */
struct iprange_info_v0 {
	uint32_t src_min, src_max;
	uint32_t dst_min, dst_max;
	uint8_t flags;
};

enum { O_SRC_RANGE, O_DST_RANGE };

static const struct xtables_option iprange_opts[] = {
	{ .name = "src-range", .type = XTTYPE_STRING, .id = O_SRC_RANGE,
	  .flags = XTOPT_INVERT },
	{ .name = "dst-range", .type = XTTYPE_STRING, .id = O_DST_RANGE,
	  .flags = XTOPT_INVERT },
	XTABLES_OPT_END,
};

static void iprange_help(FILE *out)
{
	fputs("iprange match options:\n"
	      "[!] --src-range ip[-ip]    Match source IP in the specified range\n"
	      "[!] --dst-range ip[-ip]    Match destination IP in the specified range\n",
	      out);
}

/* One dotted part: a C number (decimal, 0octal, 0xhex) up to 255. */
static bool iprange_byte(const char *s, uint8_t *b)
{
	const char *p = s;
	unsigned long v;
	char *end;

	/* the common case, one to three decimal digits without a leading
	 * zero, read directly: the same value strtoul() gives */
	if (p[0] >= '1' && p[0] <= '9') {
		unsigned int n = (unsigned int)(p[0] - '0'), i = 1;

		while (i < 3 && p[i] >= '0' && p[i] <= '9')
			n = n * 10 + (unsigned int)(p[i++] - '0');
		if (p[i] == '\0') {
			if (n > 255)
				return false;
			*b = (uint8_t)n;
			return true;
		}
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-')
		return false;
	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno != 0 || end == s || *end != '\0' || v > 255)
		return false;
	*b = v;
	return true;
}

/* IPv4 as upstream reads it: up to four parts, missing ones are zero
 * ("10.1" is 10.1.0.0); only the first 19 characters are looked at. */
static bool iprange_ipv4(const char *text, struct in_addr *addr)
{
	uint8_t *bytes = (uint8_t *)&addr->s_addr;
	char buf[20], *part, *dot;
	int i;

	strncpy(buf, text, sizeof(buf) - 1);
	buf[sizeof(buf) - 1] = '\0';
	memset(addr, 0, sizeof(*addr));
	part = buf;
	for (i = 0; i < 3; i++) {
		dot = strchr(part, '.');
		if (dot == NULL)
			return iprange_byte(part, &bytes[i]);
		*dot = '\0';
		if (!iprange_byte(part, &bytes[i]))
			return false;
		part = dot + 1;
	}
	return iprange_byte(part, &bytes[3]);
}

static bool iprange_addr(uint8_t family, const char *text,
			 union nf_inet_addr *addr)
{
	memset(addr, 0, sizeof(*addr));
	if (family == NFPROTO_IPV6)
		return inet_pton(AF_INET6, text, &addr->in6) == 1;
	return iprange_ipv4(text, &addr->in);
}

/* "from[-to]" into range[0..1]; a reversed range only earns a warning. */
static int iprange_parse_range(struct xtables_optcall *cb,
			       union nf_inet_addr *range)
{
	const char *optname = cb->opt->id == O_SRC_RANGE ?
			      "--src-range" : "--dst-range";
	char *from = strdup(cb->arg);
	char *to, *dash;
	int ret = 0;

	if (from == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "strdup");
	dash = strchr(from, '-');
	to = from;
	if (dash != NULL) {
		*dash = '\0';
		to = dash + 1;
	}
	if (!iprange_addr(cb->family, from, &range[0]))
		ret = xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"iprange: Bad value for \"%s\" option: \"%s\"",
			optname, from);
	else if (!iprange_addr(cb->family, to, &range[1]))
		ret = xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"iprange: Bad value for \"%s\" option: \"%s\"",
			optname, to);
	else if (dash != NULL &&
		 memcmp(&range[0], &range[1], sizeof(range[0])) > 0)
		/* accepted, with a warning */
		xtables_warn("xt_iprange: range %s-%s is reversed and "
			     "will never match", from, to);
	free(from);
	return ret;
}

static int iprange_parse(struct xtables_optcall *cb)
{
	struct xt_iprange_mtinfo *info = cb->data;

	switch (cb->opt->id) {
	case O_SRC_RANGE:
		if (iprange_parse_range(cb, &info->src_min) < 0)
			return -1;
		info->flags |= IPRANGE_SRC;
		if (cb->invert)
			info->flags |= IPRANGE_SRC_INV;
		break;
	case O_DST_RANGE:
		if (iprange_parse_range(cb, &info->dst_min) < 0)
			return -1;
		info->flags |= IPRANGE_DST;
		if (cb->invert)
			info->flags |= IPRANGE_DST_INV;
		break;
	}
	return 0;
}

static int iprange_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"iprange match: You must specify `--src-range' or "
			"`--dst-range'");
	return 0;
}

static void iprange_range(FILE *out, uint8_t family,
			  const union nf_inet_addr *min,
			  const union nf_inet_addr *max)
{
	putc_unlocked(' ', out);
	xtables_put_addr(out, family, min);
	putc_unlocked('-', out);
	xtables_put_addr(out, family, max);
}

/* What each direction is called in -L and in save. */
static const struct {
	uint8_t flag, inv;
	const char *label, *option;
	size_t min, max;
} iprange_dirs[] = {
	{ IPRANGE_SRC, IPRANGE_SRC_INV, "source IP range", "--src-range",
	  offsetof(struct xt_iprange_mtinfo, src_min),
	  offsetof(struct xt_iprange_mtinfo, src_max) },
	{ IPRANGE_DST, IPRANGE_DST_INV, "destination IP range", "--dst-range",
	  offsetof(struct xt_iprange_mtinfo, dst_min),
	  offsetof(struct xt_iprange_mtinfo, dst_max) },
};

static void iprange_show(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, bool save)
{
	const struct xt_iprange_mtinfo *info = data;
	const char *base = data;
	size_t i;

	for (i = 0; i < sizeof(iprange_dirs) / sizeof(iprange_dirs[0]); i++) {
		if (!(info->flags & iprange_dirs[i].flag))
			continue;
		if (save) {
			if (info->flags & iprange_dirs[i].inv)
				xtables_put_lit(out, " !");
			putc_unlocked(' ', out);
			xtables_puts(out, iprange_dirs[i].option);
		} else {
			putc_unlocked(' ', out);
			xtables_puts(out, iprange_dirs[i].label);
			if (info->flags & iprange_dirs[i].inv)
				xtables_put_lit(out, " !");
		}
		iprange_range(out, ip->family,
			(const union nf_inet_addr *)(base + iprange_dirs[i].min),
			(const union nf_inet_addr *)(base + iprange_dirs[i].max));
	}
}

static void iprange_print(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	iprange_show(out, ip, data, false);
}

static void iprange_save(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	iprange_show(out, ip, data, true);
}

static int iprange_parse_v0(struct xtables_optcall *cb)
{
	struct iprange_info_v0 *info = cb->data;
	union nf_inet_addr range[2];
	bool src = cb->opt->id == O_SRC_RANGE;

	if (iprange_parse_range(cb, range) < 0)
		return -1;
	info->flags |= src ? IPRANGE_SRC : IPRANGE_DST;
	if (cb->invert)
		info->flags |= src ? IPRANGE_SRC_INV : IPRANGE_DST_INV;
	if (src) {
		info->src_min = range[0].ip;
		info->src_max = range[1].ip;
	} else {
		info->dst_min = range[0].ip;
		info->dst_max = range[1].ip;
	}
	return 0;
}

static void iprange_show_v0(FILE *out, const void *data, bool save)
{
	const struct iprange_info_v0 *v0 = data;
	struct xt_iprange_mtinfo info = { .flags = v0->flags };
	struct xtables_rule_ip ip = { .family = NFPROTO_IPV4 };

	info.src_min.ip = v0->src_min;
	info.src_max.ip = v0->src_max;
	info.dst_min.ip = v0->dst_min;
	info.dst_max.ip = v0->dst_max;
	iprange_show(out, &ip, &info, save);
}

static void iprange_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data, unsigned int flags)
{
	iprange_show_v0(out, data, false);
}

static void iprange_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data)
{
	iprange_show_v0(out, data, true);
}

static const struct xtables_ext iprange_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "iprange",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct iprange_info_v0),
		.help = iprange_help,
		.options = iprange_opts,
		.parse = iprange_parse_v0,
		.check = iprange_check,
		.print = iprange_print_v0,
		.save = iprange_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "iprange",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_iprange_mtinfo),
		.help = iprange_help,
		.options = iprange_opts,
		.parse = iprange_parse,
		.check = iprange_check,
		.print = iprange_print,
		.save = iprange_save,
	},
};

XTABLES_EXTENSIONS(iprange_exts)
