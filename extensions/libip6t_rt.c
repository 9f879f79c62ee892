/*
 * rt match (IPv6): the routing extension header - its type, the
 * segments-left range, its length, and for type 0 the reserved field
 * and a list of addresses.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_rt.h>

enum { O_RT_TYPE, O_RT_SEGSLEFT, O_RT_LEN, O_RT0_RES, O_RT0_ADDRS,
       O_RT0_NSTRICT };

static const struct xtables_option rt_opts[] = {
	{ .name = "rt-type", .type = XTTYPE_UINT32, .id = O_RT_TYPE,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ip6t_rt, rt_type) },
	{ .name = "rt-segsleft", .type = XTTYPE_UINT32RC, .id = O_RT_SEGSLEFT,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ip6t_rt, segsleft) },
	{ .name = "rt-len", .type = XTTYPE_UINT32, .id = O_RT_LEN,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct ip6t_rt, hdrlen) },
	{ .name = "rt-0-res", .type = XTTYPE_NONE, .id = O_RT0_RES },
	{ .name = "rt-0-addrs", .type = XTTYPE_STRING, .id = O_RT0_ADDRS },
	{ .name = "rt-0-not-strict", .type = XTTYPE_NONE, .id = O_RT0_NSTRICT },
	XTABLES_OPT_END,
};

static void rt_help(FILE *out)
{
	fprintf(out,
"rt match options:\n"
"[!] --rt-type type             match the type\n"
"[!] --rt-segsleft num[:num]    match the Segments Left field (range)\n"
"[!] --rt-len length            total length of this header\n"
" --rt-0-res                    check the reserved field too (type 0)\n"
" --rt-0-addrs ADDR[,ADDR...]   Type=0 addresses (list, max: %d)\n"
" --rt-0-not-strict             List of Type=0 addresses not a strict list\n",
		IP6T_RT_HOPS);
}

static void rt_init(void *data)
{
	struct ip6t_rt *rt = data;

	rt->segsleft[1] = UINT32_MAX;
}

/* "a,b,..." of numeric IPv6 addresses, at most IP6T_RT_HOPS. */
static int parse_addrs(struct xtables_optcall *cb, struct ip6t_rt *rt)
{
	const char *p = cb->arg;
	unsigned int n = 0;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char buf[INET6_ADDRSTRLEN + 64];

		if (n == IP6T_RT_HOPS)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "too many addresses specified");
		snprintf(buf, sizeof(buf), "%.*s", (int)len, p);
		if (inet_pton(AF_INET6, buf, &rt->addrs[n]) != 1)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "bad address: %s", buf);
		n++;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	rt->addrnr = n;
	return 0;
}

/* Whether a --rt-type 0 (not inverted) came before this option. */
static bool type0_given(const struct xtables_optcall *cb,
			const struct ip6t_rt *rt)
{
	return (cb->seen & (1U << O_RT_TYPE)) && rt->rt_type == 0 &&
	       !(rt->invflags & IP6T_RT_INV_TYP);
}

static int rt_parse(struct xtables_optcall *cb)
{
	struct ip6t_rt *rt = cb->data;

	switch (cb->opt->id) {
	case O_RT_TYPE:
		if (cb->invert)
			rt->invflags |= IP6T_RT_INV_TYP;
		rt->flags |= IP6T_RT_TYP;
		break;
	case O_RT_SEGSLEFT:
		if (cb->nvals == 1)
			rt->segsleft[1] = rt->segsleft[0];
		if (cb->invert)
			rt->invflags |= IP6T_RT_INV_SGS;
		rt->flags |= IP6T_RT_SGS;
		break;
	case O_RT_LEN:
		if (cb->invert)
			rt->invflags |= IP6T_RT_INV_LEN;
		rt->flags |= IP6T_RT_LEN;
		break;
	case O_RT0_RES:
		if (!type0_given(cb, rt))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"`--rt-type 0' required before `--rt-0-res'");
		rt->flags |= IP6T_RT_RES;
		break;
	case O_RT0_ADDRS:
		if (!type0_given(cb, rt))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"`--rt-type 0' required before `--rt-0-addrs'");
		if (parse_addrs(cb, rt) != 0)
			return -1;
		rt->flags |= IP6T_RT_FST;
		break;
	case O_RT0_NSTRICT:
		if (!(cb->seen & (1U << O_RT0_ADDRS)))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"`--rt-0-addr ...' required before `--rt-0-not-strict'");
		rt->flags |= IP6T_RT_FST_NSTRICT;
		break;
	}
	return 0;
}

static bool segsleft_any(const struct ip6t_rt *rt)
{
	return rt->segsleft[0] == 0 && rt->segsleft[1] == UINT32_MAX &&
	       !(rt->invflags & IP6T_RT_INV_SGS);
}

static void print_addrs(FILE *out, const struct ip6t_rt *rt)
{
	char buf[INET6_ADDRSTRLEN];

	for (unsigned int i = 0; i < rt->addrnr && i < IP6T_RT_HOPS; i++)
		fprintf(out, "%c%s", i == 0 ? ' ' : ',',
			inet_ntop(AF_INET6, &rt->addrs[i], buf, sizeof(buf)));
}

static void rt_print(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data, unsigned int flags)
{
	const struct ip6t_rt *rt = data;
	const char *inv;

	fputs(" rt", out);
	if (rt->flags & IP6T_RT_TYP)
		fprintf(out, " type:%s%d",
			rt->invflags & IP6T_RT_INV_TYP ? "!" : "",
			(int)rt->rt_type);
	if (!segsleft_any(rt)) {
		inv = rt->invflags & IP6T_RT_INV_SGS ? "!" : "";
		if (rt->segsleft[0] == rt->segsleft[1])
			fprintf(out, " segsleft:%s%u", inv, rt->segsleft[0]);
		else
			fprintf(out, " segslefts:%s%u:%u", inv,
				rt->segsleft[0], rt->segsleft[1]);
	}
	if (rt->flags & IP6T_RT_LEN)
		fprintf(out, " length:%s%u",
			rt->invflags & IP6T_RT_INV_LEN ? "!" : "", rt->hdrlen);
	if (rt->flags & IP6T_RT_RES)
		fputs(" reserved", out);
	if (rt->flags & IP6T_RT_FST)
		fputs(" 0-addrs", out);
	print_addrs(out, rt);
	if (rt->flags & IP6T_RT_FST_NSTRICT)
		fputs(" 0-not-strict", out);
	if (rt->invflags & ~IP6T_RT_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			rt->invflags & ~IP6T_RT_INV_MASK);
}

static void rt_save(FILE *out, const struct xtables_rule_ip *ip,
		    const void *data)
{
	const struct ip6t_rt *rt = data;

	if (rt->flags & IP6T_RT_TYP)
		fprintf(out, "%s --rt-type %u",
			rt->invflags & IP6T_RT_INV_TYP ? " !" : "",
			rt->rt_type);
	if (!segsleft_any(rt)) {
		fprintf(out, "%s --rt-segsleft %u",
			rt->invflags & IP6T_RT_INV_SGS ? " !" : "",
			rt->segsleft[0]);
		if (rt->segsleft[0] != rt->segsleft[1])
			fprintf(out, ":%u", rt->segsleft[1]);
	}
	if (rt->flags & IP6T_RT_LEN)
		fprintf(out, "%s --rt-len %u",
			rt->invflags & IP6T_RT_INV_LEN ? " !" : "",
			rt->hdrlen);
	if (rt->flags & IP6T_RT_RES)
		fputs(" --rt-0-res", out);
	if (rt->flags & IP6T_RT_FST)
		fputs(" --rt-0-addrs", out);
	print_addrs(out, rt);
	if (rt->flags & IP6T_RT_FST_NSTRICT)
		fputs(" --rt-0-not-strict", out);
}

static const struct xtables_ext rt_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "rt",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_rt),
		.help = rt_help,
		.init = rt_init,
		.options = rt_opts,
		.parse = rt_parse,
		.print = rt_print,
		.save = rt_save,
	},
};

XTABLES_EXTENSIONS(rt_exts)
