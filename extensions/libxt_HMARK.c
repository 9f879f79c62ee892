/*
 * HMARK target: sets the packet mark to a hash of (masked) packet or
 * conntrack tuple fields, modulo --hmark-mod, plus --hmark-offset.
 * --hmark-tuple picks whole fields; the prefix/mask options fine-tune
 * them.
 */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_HMARK.h>

/* Option ids equal the XT_HMARK_* flag bits (O_TUPLE excepted). */
enum {
	O_SRC_PREFIX = XT_HMARK_SADDR_MASK,
	O_DST_PREFIX = XT_HMARK_DADDR_MASK,
	O_SPI = XT_HMARK_SPI,
	O_SPI_MASK = XT_HMARK_SPI_MASK,
	O_SPORT = XT_HMARK_SPORT,
	O_DPORT = XT_HMARK_DPORT,
	O_SPORT_MASK = XT_HMARK_SPORT_MASK,
	O_DPORT_MASK = XT_HMARK_DPORT_MASK,
	O_PROTO_MASK = XT_HMARK_PROTO_MASK,
	O_RND = XT_HMARK_RND,
	O_MOD = XT_HMARK_MODULUS,
	O_OFFSET = XT_HMARK_OFFSET,
	O_CT = XT_HMARK_CT,
	O_TUPLE,
};

#define HI struct xt_hmark_info

static const struct xtables_option HMARK_opts[] = {
	{ .name = "hmark-tuple", .type = XTTYPE_STRING, .id = O_TUPLE },
	{ .name = "hmark-src-prefix", .type = XTTYPE_PLENMASK,
	  .id = O_SRC_PREFIX, .flags = XTOPT_PUT, XTOPT_POINTER(HI, src_mask) },
	{ .name = "hmark-dst-prefix", .type = XTTYPE_PLENMASK,
	  .id = O_DST_PREFIX, .flags = XTOPT_PUT, XTOPT_POINTER(HI, dst_mask) },
	{ .name = "hmark-sport-mask", .type = XTTYPE_UINT16, .id = O_SPORT_MASK,
	  .flags = XTOPT_PUT | XTOPT_NBO,
	  XTOPT_POINTER(HI, port_mask.p16.src) },
	{ .name = "hmark-dport-mask", .type = XTTYPE_UINT16, .id = O_DPORT_MASK,
	  .flags = XTOPT_PUT | XTOPT_NBO,
	  XTOPT_POINTER(HI, port_mask.p16.dst) },
	{ .name = "hmark-spi-mask", .type = XTTYPE_UINT32, .id = O_SPI_MASK,
	  .flags = XTOPT_PUT | XTOPT_NBO, XTOPT_POINTER(HI, port_mask.v32) },
	{ .name = "hmark-sport", .type = XTTYPE_UINT16, .id = O_SPORT,
	  .flags = XTOPT_PUT | XTOPT_NBO, XTOPT_POINTER(HI, port_set.p16.src) },
	{ .name = "hmark-dport", .type = XTTYPE_UINT16, .id = O_DPORT,
	  .flags = XTOPT_PUT | XTOPT_NBO, XTOPT_POINTER(HI, port_set.p16.dst) },
	{ .name = "hmark-spi", .type = XTTYPE_UINT32, .id = O_SPI,
	  .flags = XTOPT_PUT | XTOPT_NBO, XTOPT_POINTER(HI, port_set.v32) },
	{ .name = "hmark-proto-mask", .type = XTTYPE_UINT16, .id = O_PROTO_MASK,
	  .flags = XTOPT_PUT, XTOPT_POINTER(HI, proto_mask) },
	{ .name = "hmark-rnd", .type = XTTYPE_UINT32, .id = O_RND,
	  .flags = XTOPT_PUT, XTOPT_POINTER(HI, hashrnd) },
	{ .name = "hmark-mod", .type = XTTYPE_UINT32, .id = O_MOD, .min = 1,
	  .flags = XTOPT_PUT | XTOPT_MAND, XTOPT_POINTER(HI, hmodulus) },
	{ .name = "hmark-offset", .type = XTTYPE_UINT32, .id = O_OFFSET,
	  .flags = XTOPT_PUT, XTOPT_POINTER(HI, hoffset) },
	XTABLES_OPT_END,
};

static void HMARK_help(FILE *out)
{
	fputs("HMARK target options, i.e. modify hash calculation by:\n"
	      "  --hmark-tuple [src|dst|sport|dport|spi|proto|ct][,...]\n"
	      "  --hmark-mod value\t\t    nfmark modulus value\n"
	      "  --hmark-offset value\t\t    Last action add value to nfmark\n\n"
	      "  --hmark-rnd\t\t\t    Random see for hashing\n"
	      " Alternatively, fine tuning of what will be included in hash calculation\n"
	      "  --hmark-src-prefix length\t    Source address mask CIDR prefix\n"
	      "  --hmark-dst-prefix length\t    Dest address mask CIDR prefix\n"
	      "  --hmark-sport-mask value\t    Mask src port with value\n"
	      "  --hmark-dport-mask value\t    Mask dst port with value\n"
	      "  --hmark-spi-mask value\t    For esp and ah AND spi with value\n"
	      "  --hmark-sport value\t\t    OR src port with value\n"
	      "  --hmark-dport value\t\t    OR dst port with value\n"
	      "  --hmark-spi value\t\t    For esp and ah OR spi with value\n"
	      "  --hmark-proto-mask value\t    Mask Protocol with value\n", out);
}

/* --hmark-tuple words (matched case-insensitively, abbreviations
 * allowed, first one wins), the flag each sets and the field it fills
 * with ones. */
static const struct {
	const char *word;
	unsigned int flag;
	size_t off, len;
} tuple_words[] = {
	{ "ct", XT_HMARK_CT, 0, 0 },
	{ "src", XT_HMARK_SADDR_MASK, offsetof(HI, src_mask),
	  sizeof(union nf_inet_addr) },
	{ "dst", XT_HMARK_DADDR_MASK, offsetof(HI, dst_mask),
	  sizeof(union nf_inet_addr) },
	{ "sport", XT_HMARK_SPORT_MASK, offsetof(HI, port_mask.p16.src), 2 },
	{ "dport", XT_HMARK_DPORT_MASK, offsetof(HI, port_mask.p16.dst), 2 },
	{ "proto", XT_HMARK_PROTO_MASK, offsetof(HI, proto_mask), 2 },
	{ "spi", XT_HMARK_SPI_MASK, offsetof(HI, port_mask.v32), 4 },
};

static bool tuple_word(struct xt_hmark_info *info, const char *w, size_t len)
{
	for (size_t i = 0; i < sizeof(tuple_words) / sizeof(tuple_words[0]); i++) {
		if (strncasecmp(w, tuple_words[i].word, len) != 0)
			continue;
		memset((char *)info + tuple_words[i].off, 0xff,
		       tuple_words[i].len);
		info->flags |= XT_HMARK_FLAG(tuple_words[i].flag);
		return true;
	}
	return false;
}

static int HMARK_tuple(struct xtables_optcall *cb)
{
	struct xt_hmark_info *info = cb->data;
	const char *arg = cb->arg, *comma;

	while ((comma = strchr(arg, ',')) != NULL) {
		if (comma == arg || !tuple_word(info, arg, comma - arg))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Bad type \"%s\"", arg);
		arg = comma + 1;
	}
	if (*arg == '\0')
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"\"--hmark-tuple\" requires a list of types with no spaces, e.g. src,dst,sport,dport,proto");
	if (!tuple_word(info, arg, strlen(arg)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "Bad type \"%s\"", arg);
	return 0;
}

static int HMARK_parse(struct xtables_optcall *cb)
{
	struct xt_hmark_info *info = cb->data;

	if (cb->opt->id == O_TUPLE)
		return HMARK_tuple(cb);
	if (cb->opt->id == O_SRC_PREFIX || cb->opt->id == O_DST_PREFIX) {
		union nf_inet_addr *m = cb->opt->id == O_SRC_PREFIX ?
					&info->src_mask : &info->dst_mask;
		*m = cb->val.hmask;
	}
	info->flags |= XT_HMARK_FLAG(cb->opt->id);
	return 0;
}

#define PKT_FLAGS (XT_HMARK_FLAG(XT_HMARK_SADDR_MASK) | \
	XT_HMARK_FLAG(XT_HMARK_DADDR_MASK) | XT_HMARK_FLAG(XT_HMARK_SPI_MASK) | \
	XT_HMARK_FLAG(XT_HMARK_SPORT_MASK) | XT_HMARK_FLAG(XT_HMARK_DPORT_MASK) | \
	XT_HMARK_FLAG(XT_HMARK_PROTO_MASK) | XT_HMARK_FLAG(XT_HMARK_SPORT) | \
	XT_HMARK_FLAG(XT_HMARK_DPORT) | XT_HMARK_FLAG(XT_HMARK_SPI))

/* info->flags holds a bit for every option given and tuple word. */
static int HMARK_check(struct xtables_checkcall *cb)
{
	const struct xt_hmark_info *info = cb->data;

	if (!(info->flags & XT_HMARK_FLAG(XT_HMARK_MODULUS)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--hmark-mod is mandatory");
	if (!(info->flags & XT_HMARK_FLAG(XT_HMARK_RND)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--hmark-rnd is mandatory");
	if ((info->flags & XT_HMARK_FLAG(XT_HMARK_SPI_MASK)) &&
	    (info->flags & (XT_HMARK_FLAG(XT_HMARK_SPORT_MASK) |
			    XT_HMARK_FLAG(XT_HMARK_DPORT_MASK))))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"you cannot use --hmark-spi-mask and --hmark-?port-mask,at the same time");
	if (!(info->flags & (PKT_FLAGS | XT_HMARK_FLAG(XT_HMARK_CT))))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "you have to specify --hmark-tuple at least");
	return 0;
}

static bool has(const struct xt_hmark_info *info, unsigned int f)
{
	return info->flags & XT_HMARK_FLAG(f);
}

/* Prefix length as upstream computes it: -1 when not contiguous. */
static int prefix_of(uint8_t family, const union nf_inet_addr *m)
{
	return xtables_mask_to_plen(family, m);
}

/* -L shows an IPv6 mask as its text without "/" (nothing for /128),
 * an IPv4 one as an unsigned prefix length. */
static void print_prefix(FILE *out, uint8_t family, const char *what,
			 const union nf_inet_addr *m)
{
	char buf[64];

	if (family != NFPROTO_IPV6) {
		fprintf(out, "%s-prefix %u ", what,
			(unsigned int)prefix_of(family, m));
		return;
	}
	if (prefix_of(family, m) == 128)
		buf[0] = '\0';
	else
		xtables_mask_to_text(family, m, buf, sizeof(buf));
	fprintf(out, "%s-prefix %s ", what, buf[0] == '/' ? buf + 1 : buf);
}

static void HMARK_print(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	const struct xt_hmark_info *info = data;

	fputs(" HMARK ", out);
	if (has(info, XT_HMARK_MODULUS))
		fprintf(out, "mod %u ", info->hmodulus);
	if (has(info, XT_HMARK_OFFSET))
		fprintf(out, "+ 0x%x ", info->hoffset);
	if (has(info, XT_HMARK_CT))
		fputs("ct, ", out);
	if (has(info, XT_HMARK_SADDR_MASK))
		print_prefix(out, ip->family, "src", &info->src_mask);
	if (has(info, XT_HMARK_DADDR_MASK))
		print_prefix(out, ip->family, "dst", &info->dst_mask);
	if (has(info, XT_HMARK_SPORT_MASK))
		fprintf(out, "sport-mask 0x%x ", ntohs(info->port_mask.p16.src));
	if (has(info, XT_HMARK_DPORT_MASK))
		fprintf(out, "dport-mask 0x%x ", ntohs(info->port_mask.p16.dst));
	if (has(info, XT_HMARK_SPI_MASK))
		fprintf(out, "spi-mask 0x%x ", ntohl(info->port_mask.v32));
	if (has(info, XT_HMARK_SPORT))
		fprintf(out, "sport 0x%x ", ntohs(info->port_set.p16.src));
	if (has(info, XT_HMARK_DPORT))
		fprintf(out, "dport 0x%x ", ntohs(info->port_set.p16.dst));
	if (has(info, XT_HMARK_SPI))
		fprintf(out, "spi 0x%x ", ntohl(info->port_set.v32));
	if (has(info, XT_HMARK_PROTO_MASK))
		fprintf(out, "proto-mask 0x%x ", info->proto_mask);
	if (has(info, XT_HMARK_RND))
		fprintf(out, "rnd 0x%x ", info->hashrnd);
}

static void HMARK_save(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	const struct xt_hmark_info *info = data;

	if (has(info, XT_HMARK_SADDR_MASK))
		fprintf(out, " --hmark-src-prefix %d",
			prefix_of(ip->family, &info->src_mask));
	if (has(info, XT_HMARK_DADDR_MASK))
		fprintf(out, " --hmark-dst-prefix %d",
			prefix_of(ip->family, &info->dst_mask));
	if (has(info, XT_HMARK_SPORT_MASK))
		fprintf(out, " --hmark-sport-mask 0x%04x",
			ntohs(info->port_mask.p16.src));
	if (has(info, XT_HMARK_DPORT_MASK))
		fprintf(out, " --hmark-dport-mask 0x%04x",
			ntohs(info->port_mask.p16.dst));
	if (has(info, XT_HMARK_SPI_MASK))
		fprintf(out, " --hmark-spi-mask 0x%08x",
			ntohl(info->port_mask.v32));
	if (has(info, XT_HMARK_SPORT))
		fprintf(out, " --hmark-sport 0x%04x",
			ntohs(info->port_set.p16.src));
	if (has(info, XT_HMARK_DPORT))
		fprintf(out, " --hmark-dport 0x%04x",
			ntohs(info->port_set.p16.dst));
	if (has(info, XT_HMARK_SPI))
		fprintf(out, " --hmark-spi 0x%08x", ntohl(info->port_set.v32));
	if (has(info, XT_HMARK_PROTO_MASK))
		fprintf(out, " --hmark-proto-mask 0x%02x", info->proto_mask);
	if (has(info, XT_HMARK_RND))
		fprintf(out, " --hmark-rnd 0x%08x", info->hashrnd);
	if (has(info, XT_HMARK_MODULUS))
		fprintf(out, " --hmark-mod %u", info->hmodulus);
	if (has(info, XT_HMARK_OFFSET))
		fprintf(out, " --hmark-offset %u", info->hoffset);
	if (has(info, XT_HMARK_CT))
		fputs(" --hmark-tuple ct", out);
}

static const struct xtables_ext HMARK_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "HMARK",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_hmark_info),
		.help = HMARK_help,
		.options = HMARK_opts,
		.parse = HMARK_parse,
		.check = HMARK_check,
		.print = HMARK_print,
		.save = HMARK_save,
	},
};

XTABLES_EXTENSIONS(HMARK_exts)
