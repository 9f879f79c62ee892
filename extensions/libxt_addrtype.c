/*
 * addrtype match: the routing type (local, unicast, broadcast, ...) of
 * the source and/or destination address, as a bit mask of the kernel's
 * RTN_* values.  Revision 0 (IPv4 only) keeps each inversion in its own
 * word; revision 1 has a flags word with the inversions and the
 * restriction to the incoming or outgoing interface.
 */
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_addrtype.h>

enum { O_SRC_TYPE, O_DST_TYPE, O_LIMIT_IFACE_IN, O_LIMIT_IFACE_OUT };

#define F(id) (1u << (id))

static const struct xtables_option addrtype_opts_v0[] = {
	{ .name = "src-type", .type = XTTYPE_STRING, .id = O_SRC_TYPE,
	  .flags = XTOPT_INVERT },
	{ .name = "dst-type", .type = XTTYPE_STRING, .id = O_DST_TYPE,
	  .flags = XTOPT_INVERT },
	XTABLES_OPT_END,
};

static const struct xtables_option addrtype_opts_v1[] = {
	{ .name = "src-type", .type = XTTYPE_STRING, .id = O_SRC_TYPE,
	  .flags = XTOPT_INVERT },
	{ .name = "dst-type", .type = XTTYPE_STRING, .id = O_DST_TYPE,
	  .flags = XTOPT_INVERT },
	{ .name = "limit-iface-in", .type = XTTYPE_NONE,
	  .id = O_LIMIT_IFACE_IN, .excl = F(O_LIMIT_IFACE_OUT) },
	{ .name = "limit-iface-out", .type = XTTYPE_NONE,
	  .id = O_LIMIT_IFACE_OUT, .excl = F(O_LIMIT_IFACE_IN) },
	XTABLES_OPT_END,
};

/* Bit i of a mask is the type named types[i] (RTN_* order). */
static const char *const addrtype_names[] = {
	"UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST",
	"BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE",
};

#define NTYPES (sizeof(addrtype_names) / sizeof(addrtype_names[0]))

static void help_head(FILE *out)
{
	fputs("Address type match options:\n"
	      " [!] --src-type type[,...]      Match source address type\n"
	      " [!] --dst-type type[,...]      Match destination address type\n",
	      out);
}

static void help_types(FILE *out)
{
	fputs("\nValid types:           \n", out);
	for (size_t i = 0; i < NTYPES; i++)
		fprintf(out, "                                %s\n",
			addrtype_names[i]);
}

static void addrtype_help_v0(FILE *out)
{
	help_head(out);
	help_types(out);
}

static void addrtype_help_v1(FILE *out)
{
	help_head(out);
	fputs("     --limit-iface-in           Match only on the packet's incoming device\n"
	      "     --limit-iface-out          Match only on the packet's outgoing device\n",
	      out);
	help_types(out);
}

/* A name matches when the first len characters agree with a type (so
 * an abbreviation picks the first type it begins). */
static bool add_type(const char *name, size_t len, uint16_t *mask)
{
	for (size_t i = 0; i < NTYPES; i++)
		if (strncasecmp(name, addrtype_names[i], len) == 0) {
			*mask |= 1u << i;
			return true;
		}
	return false;
}

static int parse_types(struct xtables_err *err, const char *arg,
		       uint16_t *mask)
{
	const char *comma;

	for (; (comma = strchr(arg, ',')) != NULL; arg = comma + 1)
		if (comma == arg || !add_type(arg, comma - arg, mask))
			return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
					    "addrtype: bad type `%s'", arg);
	if (*arg == '\0' || !add_type(arg, strlen(arg), mask))
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "addrtype: bad type \"%s\"", arg);
	return 0;
}

static int addrtype_parse_v0(struct xtables_optcall *cb)
{
	struct xt_addrtype_info *info = cb->data;

	switch (cb->opt->id) {
	case O_SRC_TYPE:
		if (parse_types(cb->err, cb->arg, &info->source) != 0)
			return -1;
		if (cb->invert)
			info->invert_source = 1;
		break;
	case O_DST_TYPE:
		if (parse_types(cb->err, cb->arg, &info->dest) != 0)
			return -1;
		if (cb->invert)
			info->invert_dest = 1;
		break;
	}
	return 0;
}

static int addrtype_parse_v1(struct xtables_optcall *cb)
{
	struct xt_addrtype_info_v1 *info = cb->data;

	switch (cb->opt->id) {
	case O_SRC_TYPE:
		if (parse_types(cb->err, cb->arg, &info->source) != 0)
			return -1;
		if (cb->invert)
			info->flags |= XT_ADDRTYPE_INVERT_SOURCE;
		break;
	case O_DST_TYPE:
		if (parse_types(cb->err, cb->arg, &info->dest) != 0)
			return -1;
		if (cb->invert)
			info->flags |= XT_ADDRTYPE_INVERT_DEST;
		break;
	case O_LIMIT_IFACE_IN:
		info->flags |= XT_ADDRTYPE_LIMIT_IFACE_IN;
		break;
	case O_LIMIT_IFACE_OUT:
		info->flags |= XT_ADDRTYPE_LIMIT_IFACE_OUT;
		break;
	}
	return 0;
}

static int addrtype_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & (F(O_SRC_TYPE) | F(O_DST_TYPE))))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"addrtype: you must specify --src-type or --dst-type");
	return 0;
}

static void put_types(FILE *out, uint16_t mask)
{
	const char *sep = "";

	for (size_t i = 0; i < NTYPES; i++)
		if (mask & (1u << i)) {
			fprintf(out, "%s%s", sep, addrtype_names[i]);
			sep = ",";
		}
}

/* -L: " src-type [!]TYPES"; dst_sep is what follows "dst-type"
 * (revision 0 prints none, as upstream). */
static void print_side(FILE *out, const char *label, uint16_t mask,
		       bool invert)
{
	if (mask == 0)
		return;
	fprintf(out, " %s%s", label, invert ? "!" : "");
	put_types(out, mask);
}

static void save_side(FILE *out, const char *option, uint16_t mask,
		      bool invert)
{
	if (mask == 0)
		return;
	fprintf(out, "%s --%s ", invert ? " !" : "", option);
	put_types(out, mask);
}

static void addrtype_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	const struct xt_addrtype_info *info = data;

	fputs(" ADDRTYPE match", out);
	print_side(out, "src-type ", info->source, info->invert_source);
	print_side(out, "dst-type", info->dest, info->invert_dest);
}

static void addrtype_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	const struct xt_addrtype_info_v1 *info = data;

	fputs(" ADDRTYPE match", out);
	print_side(out, "src-type ", info->source,
		   info->flags & XT_ADDRTYPE_INVERT_SOURCE);
	print_side(out, "dst-type ", info->dest,
		   info->flags & XT_ADDRTYPE_INVERT_DEST);
	if (info->flags & XT_ADDRTYPE_LIMIT_IFACE_IN)
		fputs(" limit-in", out);
	if (info->flags & XT_ADDRTYPE_LIMIT_IFACE_OUT)
		fputs(" limit-out", out);
}

static void addrtype_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	const struct xt_addrtype_info *info = data;

	save_side(out, "src-type", info->source, info->invert_source);
	save_side(out, "dst-type", info->dest, info->invert_dest);
}

static void addrtype_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	const struct xt_addrtype_info_v1 *info = data;

	save_side(out, "src-type", info->source,
		  info->flags & XT_ADDRTYPE_INVERT_SOURCE);
	save_side(out, "dst-type", info->dest,
		  info->flags & XT_ADDRTYPE_INVERT_DEST);
	if (info->flags & XT_ADDRTYPE_LIMIT_IFACE_IN)
		fputs(" --limit-iface-in", out);
	if (info->flags & XT_ADDRTYPE_LIMIT_IFACE_OUT)
		fputs(" --limit-iface-out", out);
}

static const struct xtables_ext addrtype_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "addrtype",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct xt_addrtype_info),
		.help = addrtype_help_v0,
		.options = addrtype_opts_v0,
		.parse = addrtype_parse_v0,
		.check = addrtype_check,
		.print = addrtype_print_v0,
		.save = addrtype_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "addrtype",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_addrtype_info_v1),
		.help = addrtype_help_v1,
		.options = addrtype_opts_v1,
		.parse = addrtype_parse_v1,
		.check = addrtype_check,
		.print = addrtype_print_v1,
		.save = addrtype_save_v1,
	},
};

XTABLES_EXTENSIONS(addrtype_exts)
