/*
 * policy match: the IPsec policy a packet was (or will be) handled
 * with.  --dir and --pol describe the whole policy; --reqid, --spi,
 * --proto, --mode, --tunnel-src and --tunnel-dst describe one element,
 * --next starts the following element (only with --strict).
 */
#include <netdb.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_policy.h>

enum {
	O_DIR, O_POL, O_STRICT, O_REQID, O_SPI, O_PROTO, O_MODE,
	O_TUNNEL_SRC, O_TUNNEL_DST, O_NEXT,
};

static const struct xtables_option policy_opts[] = {
	{ .name = "dir", .type = XTTYPE_STRING, .id = O_DIR },
	{ .name = "pol", .type = XTTYPE_STRING, .id = O_POL },
	{ .name = "strict", .type = XTTYPE_NONE, .id = O_STRICT },
	{ .name = "reqid", .type = XTTYPE_UINT32, .id = O_REQID,
	  .flags = XTOPT_MULTI | XTOPT_INVERT },
	{ .name = "spi", .type = XTTYPE_UINT32, .id = O_SPI,
	  .flags = XTOPT_MULTI | XTOPT_INVERT },
	{ .name = "tunnel-src", .type = XTTYPE_HOSTMASK, .id = O_TUNNEL_SRC,
	  .flags = XTOPT_MULTI | XTOPT_INVERT },
	{ .name = "tunnel-dst", .type = XTTYPE_HOSTMASK, .id = O_TUNNEL_DST,
	  .flags = XTOPT_MULTI | XTOPT_INVERT },
	{ .name = "proto", .type = XTTYPE_PROTOCOL, .id = O_PROTO,
	  .flags = XTOPT_MULTI | XTOPT_INVERT },
	{ .name = "mode", .type = XTTYPE_STRING, .id = O_MODE,
	  .flags = XTOPT_MULTI | XTOPT_INVERT },
	{ .name = "next", .type = XTTYPE_NONE, .id = O_NEXT,
	  .flags = XTOPT_MULTI, .also = 1 << O_STRICT },
	XTABLES_OPT_END,
};

static void policy_help(FILE *out)
{
	fputs("policy match options:\n"
	      "  --dir in|out\t\t\tmatch policy applied during decapsulation/\n"
	      "\t\t\t\tpolicy to be applied during encapsulation\n"
	      "  --pol none|ipsec\t\tmatch policy\n"
	      "  --strict \t\t\tmatch entire policy instead of single element\n"
	      "\t\t\t\tat any position\n"
	      "These options may be used repeatedly, to describe policy elements:\n"
	      "[!] --reqid reqid\t\tmatch reqid\n"
	      "[!] --spi spi\t\t\tmatch SPI\n"
	      "[!] --proto proto\t\tmatch protocol (ah/esp/ipcomp)\n"
	      "[!] --mode mode \t\tmatch mode (transport/tunnel)\n"
	      "[!] --tunnel-src addr/mask\tmatch tunnel source\n"
	      "[!] --tunnel-dst addr/mask\tmatch tunnel destination\n"
	      "  --next \t\t\tbegin next element in policy\n", out);
}

static int double_opt(struct xtables_optcall *cb)
{
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "policy match: double --%s option", cb->opt->name);
}

static int policy_words(struct xtables_optcall *cb, struct xt_policy_info *info,
			struct xt_policy_elem *e)
{
	const char *a = cb->arg;

	switch (cb->opt->id) {
	case O_DIR:
		if (strcmp(a, "in") == 0)
			info->flags |= XT_POLICY_MATCH_IN;
		else if (strcmp(a, "out") == 0)
			info->flags |= XT_POLICY_MATCH_OUT;
		else
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"policy_match: invalid dir \"%s\"", a);
		return 0;
	case O_POL:
		if (strcmp(a, "none") == 0)
			info->flags |= XT_POLICY_MATCH_NONE;
		else if (strcmp(a, "ipsec") != 0)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"policy match: invalid policy \"%s\"", a);
		return 0;
	default:	/* O_MODE */
		if (e->match.mode)
			return double_opt(cb);
		e->match.mode = 1;
		e->invert.mode = cb->invert;
		if (strcmp(a, "transport") == 0)
			e->mode = XT_POLICY_MODE_TRANSPORT;
		else if (strcmp(a, "tunnel") == 0)
			e->mode = XT_POLICY_MODE_TUNNEL;
		else
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"policy match: invalid mode \"%s\"", a);
		return 0;
	}
}

static int policy_parse(struct xtables_optcall *cb)
{
	struct xt_policy_info *info = cb->data;
	struct xt_policy_elem *e = &info->pol[info->len];

	switch (cb->opt->id) {
	case O_DIR:
	case O_POL:
	case O_MODE:
		return policy_words(cb, info, e);
	case O_STRICT:
		info->flags |= XT_POLICY_MATCH_STRICT;
		return 0;
	case O_REQID:
		if (e->match.reqid)
			return double_opt(cb);
		e->match.reqid = 1;
		e->invert.reqid = cb->invert;
		e->reqid = cb->val.u32;
		return 0;
	case O_SPI:
		if (e->match.spi)
			return double_opt(cb);
		e->match.spi = 1;
		e->invert.spi = cb->invert;
		e->spi = cb->val.u32;
		return 0;
	case O_TUNNEL_SRC:
		if (e->match.saddr)
			return double_opt(cb);
		e->match.saddr = 1;
		e->invert.saddr = cb->invert;
		memcpy(&e->saddr, &cb->val.haddr, sizeof(e->saddr));
		memcpy(&e->smask, &cb->val.hmask, sizeof(e->smask));
		return 0;
	case O_TUNNEL_DST:
		if (e->match.daddr)
			return double_opt(cb);
		e->match.daddr = 1;
		e->invert.daddr = cb->invert;
		memcpy(&e->daddr, &cb->val.haddr, sizeof(e->daddr));
		memcpy(&e->dmask, &cb->val.hmask, sizeof(e->dmask));
		return 0;
	case O_PROTO:
		if (e->match.proto)
			return double_opt(cb);
		e->proto = cb->val.protocol;
		if (e->proto != IPPROTO_AH && e->proto != IPPROTO_ESP &&
		    e->proto != IPPROTO_COMP)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"policy match: protocol must be ah/esp/ipcomp");
		e->match.proto = 1;
		e->invert.proto = cb->invert;
		return 0;
	default:	/* O_NEXT */
		if (++info->len == XT_POLICY_MAX_ELEM)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"policy match: maximum policy depth reached");
		return 0;
	}
}

static int policy_check(struct xtables_checkcall *cb)
{
	struct xt_policy_info *info = cb->data;

	if (!(info->flags & (XT_POLICY_MATCH_IN | XT_POLICY_MATCH_OUT)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"policy match: neither --dir in nor --dir out specified");
	if (info->flags & XT_POLICY_MATCH_NONE) {
		if (info->flags & XT_POLICY_MATCH_STRICT)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"policy match: policy none but --strict given");
		if (info->len != 0)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"policy match: policy none but policy given");
	} else {
		info->len++;	/* the last element has no --next after it */
	}
	for (unsigned int i = 0; i < info->len; i++) {
		const struct xt_policy_elem *e = &info->pol[i];

		if ((info->flags & XT_POLICY_MATCH_STRICT) &&
		    !(e->match.reqid || e->match.spi || e->match.saddr ||
		      e->match.daddr || e->match.proto || e->match.mode))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"policy match: empty policy element %u. --strict is in effect, but at least one of reqid, spi, tunnel-src, tunnel-dst, proto or mode is required.",
				i);
		if ((e->match.saddr || e->match.daddr) &&
		    ((e->mode == XT_POLICY_MODE_TUNNEL && e->invert.mode) ||
		     (e->mode == XT_POLICY_MODE_TRANSPORT && !e->invert.mode)))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode");
	}
	return 0;
}

/* ---- output ---- */

static void put_addr(FILE *out, uint8_t family, const char *prefix,
		     const char *name, bool inv, const union xt_policy_addr *pa,
		     const union xt_policy_addr *pm)
{
	char abuf[64], mbuf[64];
	int full = family == NFPROTO_IPV6 ? 128 : 32;
	union nf_inet_addr a = { 0 }, m = { 0 };

	memcpy(&a, pa, sizeof(*pa));
	memcpy(&m, pm, sizeof(*pm));
	xtables_addr_to_text(family, &a, abuf, sizeof(abuf));
	if (xtables_mask_to_plen(family, &m) == full)
		mbuf[0] = '\0';
	else
		xtables_mask_to_text(family, &m, mbuf, sizeof(mbuf));
	fprintf(out, "%s %s%s %s%s", inv ? " !" : "", prefix, name, abuf, mbuf);
}

static void put_elem(FILE *out, uint8_t family, const char *prefix,
		     const struct xt_policy_elem *e, bool numeric)
{
	if (e->match.reqid)
		fprintf(out, "%s %sreqid %u", e->invert.reqid ? " !" : "",
			prefix, e->reqid);
	if (e->match.spi)
		fprintf(out, "%s %sspi 0x%x", e->invert.spi ? " !" : "",
			prefix, e->spi);
	if (e->match.proto) {
		const struct protoent *p = numeric ? NULL :
					   getprotobynumber(e->proto);

		fprintf(out, "%s %sproto ", e->invert.proto ? " !" : "", prefix);
		if (p != NULL)
			fputs(p->p_name, out);
		else
			fprintf(out, "%u", e->proto);
	}
	if (e->match.mode)
		fprintf(out, "%s %smode %s", e->invert.mode ? " !" : "", prefix,
			e->mode == XT_POLICY_MODE_TRANSPORT ? "transport" :
			e->mode == XT_POLICY_MODE_TUNNEL ? "tunnel" : "???");
	if (e->match.daddr)
		put_addr(out, family, prefix, "tunnel-dst", e->invert.daddr,
			 &e->daddr, &e->dmask);
	if (e->match.saddr)
		put_addr(out, family, prefix, "tunnel-src", e->invert.saddr,
			 &e->saddr, &e->smask);
}

static void put_flags(FILE *out, const char *prefix,
		      const struct xt_policy_info *info)
{
	fprintf(out, " %sdir %s", prefix,
		info->flags & XT_POLICY_MATCH_IN ? "in" : "out");
	fprintf(out, " %spol %s", prefix,
		info->flags & XT_POLICY_MATCH_NONE ? "none" : "ipsec");
	if (info->flags & XT_POLICY_MATCH_STRICT)
		fprintf(out, " %sstrict", prefix);
}

static void policy_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	const struct xt_policy_info *info = data;

	fputs(" policy match", out);
	put_flags(out, "", info);
	for (unsigned int i = 0; i < info->len; i++) {
		if (info->len > 1)
			fprintf(out, " [%u]", i);
		put_elem(out, ip->family, "", &info->pol[i],
			 flags & XTABLES_PRINT_NUMERIC);
	}
}

static void policy_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct xt_policy_info *info = data;

	put_flags(out, "--", info);
	for (unsigned int i = 0; i < info->len; i++) {
		put_elem(out, ip->family, "--", &info->pol[i], false);
		if (i + 1 < info->len)
			fputs(" --next", out);
	}
}

static const struct xtables_ext policy_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "policy",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_policy_info),
		.help = policy_help,
		.options = policy_opts,
		.parse = policy_parse,
		.check = policy_check,
		.print = policy_print,
		.save = policy_save,
	},
};

XTABLES_EXTENSIONS(policy_exts)
