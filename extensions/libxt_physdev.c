/*
 * physdev match: the bridge ports a bridged packet came in on or goes
 * out of, and whether it is bridged at all.
 */
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_physdev.h>

enum { O_IN, O_OUT, O_IS_IN, O_IS_OUT, O_IS_BRIDGED };

static const struct xtables_option physdev_opts[] = {
	{ .name = "physdev-in", .type = XTTYPE_STRING, .id = O_IN,
	  .flags = XTOPT_INVERT },
	{ .name = "physdev-out", .type = XTTYPE_STRING, .id = O_OUT,
	  .flags = XTOPT_INVERT },
	{ .name = "physdev-is-in", .type = XTTYPE_NONE, .id = O_IS_IN,
	  .flags = XTOPT_INVERT },
	{ .name = "physdev-is-out", .type = XTTYPE_NONE, .id = O_IS_OUT,
	  .flags = XTOPT_INVERT },
	{ .name = "physdev-is-bridged", .type = XTTYPE_NONE,
	  .id = O_IS_BRIDGED, .flags = XTOPT_INVERT },
	XTABLES_OPT_END,
};

/* Kernel bit per option id. */
static const uint8_t op_bit[] = {
	[O_IN] = XT_PHYSDEV_OP_IN, [O_OUT] = XT_PHYSDEV_OP_OUT,
	[O_IS_IN] = XT_PHYSDEV_OP_ISIN, [O_IS_OUT] = XT_PHYSDEV_OP_ISOUT,
	[O_IS_BRIDGED] = XT_PHYSDEV_OP_BRIDGED,
};

static void physdev_help(FILE *out)
{
	fputs("physdev match options:\n"
	      " [!] --physdev-in inputname[+]\t\tbridge port name ([+] for wildcard)\n"
	      " [!] --physdev-out outputname[+]\tbridge port name ([+] for wildcard)\n"
	      " [!] --physdev-is-in\t\t\tarrived on a bridge device\n"
	      " [!] --physdev-is-out\t\t\twill leave on a bridge device\n"
	      " [!] --physdev-is-bridged\t\tit's a bridged packet\n", out);
}

/* A port name with "+" as wildcard suffix, and the bytes the kernel
 * compares: the name and its NUL, or only the part before the "+". */
static int parse_port(struct xtables_err *err, const char *arg, char *name,
		      char *mask)
{
	size_t len = strlen(arg);

	memset(name, 0, IFNAMSIZ);
	memset(mask, 0, IFNAMSIZ);
	if (len + 1 > IFNAMSIZ)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"interface name `%s' must be shorter than IFNAMSIZ (%i)",
			arg, IFNAMSIZ - 1);
	memcpy(name, arg, len);
	if (len == 0)
		return 0;
	if (arg[len - 1] == '+')
		memset(mask, 0xff, len - 1);
	else
		memset(mask, 0xff, len + 1);
	if (strpbrk(arg, "/ ") != NULL)
		xtables_warn("Warning: weird character in interface `%s' "
			     "('/' and ' ' are not allowed by the kernel).",
			     arg);
	return 0;
}

static int physdev_parse(struct xtables_optcall *cb)
{
	struct xt_physdev_info *info = cb->data;
	uint8_t bit = op_bit[cb->opt->id];
	int ret = 0;

	if (cb->opt->id == O_IN)
		ret = parse_port(cb->err, cb->arg, info->physindev,
				 info->in_mask);
	else if (cb->opt->id == O_OUT)
		ret = parse_port(cb->err, cb->arg, info->physoutdev,
				 info->out_mask);
	if (ret != 0)
		return ret;
	info->bitmask |= bit;
	if (cb->invert)
		info->invert |= bit;
	return 0;
}

static int physdev_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "PHYSDEV: no physdev option specified");
	return 0;
}

static void put_flag(FILE *out, const struct xt_physdev_info *info,
		     uint8_t bit, const char *option)
{
	if (info->bitmask & bit)
		fprintf(out, "%s %s", info->invert & bit ? " !" : "", option);
}

static void put_port(FILE *out, const struct xt_physdev_info *info,
		     uint8_t bit, const char *option, const char *name)
{
	if (info->bitmask & bit)
		fprintf(out, "%s %s %.*s", info->invert & bit ? " !" : "",
			option, IFNAMSIZ, name);
}

static void physdev_save(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	const struct xt_physdev_info *info = data;

	put_flag(out, info, XT_PHYSDEV_OP_ISIN, "--physdev-is-in");
	put_port(out, info, XT_PHYSDEV_OP_IN, "--physdev-in", info->physindev);
	put_flag(out, info, XT_PHYSDEV_OP_ISOUT, "--physdev-is-out");
	put_port(out, info, XT_PHYSDEV_OP_OUT, "--physdev-out",
		 info->physoutdev);
	put_flag(out, info, XT_PHYSDEV_OP_BRIDGED, "--physdev-is-bridged");
}

static void physdev_print(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	fputs(" PHYSDEV match", out);
	physdev_save(out, ip, data);
}

static const struct xtables_ext physdev_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "physdev",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_physdev_info),
		.help = physdev_help,
		.options = physdev_opts,
		.parse = physdev_parse,
		.check = physdev_check,
		.print = physdev_print,
		.save = physdev_save,
	},
};

XTABLES_EXTENSIONS(physdev_exts)
