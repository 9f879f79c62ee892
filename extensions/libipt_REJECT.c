/*
 * libipt_REJECT - drop a packet and answer it with an ICMP error or a
 * TCP reset (ipt_REJECT, IPv4).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter_ipv4/ipt_REJECT.h>

enum {
	O_REJECT_WITH,
};

static const struct xtables_option reject_opts[] = {
	{ .name = "reject-with", .type = XTTYPE_STRING, .id = O_REJECT_WITH },
	XTABLES_OPT_END,
};

/* Indexed by enum ipt_reject_with; the echo-reply slot is retired. */
static const struct {
	const char *name;
	const char *alias;
	const char *desc;
} reject_types[] = {
	[IPT_ICMP_NET_UNREACHABLE] = { "icmp-net-unreachable", "net-unreach",
				       "ICMP network unreachable" },
	[IPT_ICMP_HOST_UNREACHABLE] = { "icmp-host-unreachable", "host-unreach",
					"ICMP host unreachable" },
	[IPT_ICMP_PROT_UNREACHABLE] = { "icmp-proto-unreachable", "proto-unreach",
					"ICMP protocol unreachable" },
	[IPT_ICMP_PORT_UNREACHABLE] = { "icmp-port-unreachable", "port-unreach",
					"ICMP port unreachable (default)" },
	[IPT_ICMP_NET_PROHIBITED] = { "icmp-net-prohibited", "net-prohib",
				      "ICMP network prohibited" },
	[IPT_ICMP_HOST_PROHIBITED] = { "icmp-host-prohibited", "host-prohib",
				       "ICMP host prohibited" },
	[IPT_TCP_RESET] = { "tcp-reset", "tcp-rst", "TCP RST packet" },
	[IPT_ICMP_ADMIN_PROHIBITED] = { "icmp-admin-prohibited", "admin-prohib",
					"ICMP administratively prohibited (*)" },
};
#define N_TYPES (sizeof(reject_types) / sizeof(reject_types[0]))

static void reject_help(FILE *out)
{
	fputs(
"REJECT target options:\n"
"--reject-with type              drop input packet and send back\n"
"                                a reply packet according to type:\n"
"Valid reject types:\n", out);
	for (size_t i = 0; i < N_TYPES; i++) {
		if (reject_types[i].name == NULL)
			continue;
		fprintf(out, "    %-25s\t%s\n", reject_types[i].name,
			reject_types[i].desc);
		fprintf(out, "    %-25s\talias\n", reject_types[i].alias);
	}
	fputs("\n(*) See man page or read the INCOMPATIBILITES file for "
	      "compatibility issues.\n", out);
}

static void reject_init(void *data)
{
	struct ipt_reject_info *info = data;

	info->with = IPT_ICMP_PORT_UNREACHABLE;
}

/* True if arg is a (case-insensitive) prefix of word. */
static bool abbreviates(const char *arg, const char *word)
{
	/* a first letter differing even folded: no match (cheap) */
	if (arg[0] != '\0' && (word[0] | 0x20) != (arg[0] | 0x20))
		return false;
	return strncasecmp(word, arg, strlen(arg)) == 0;
}

static int reject_parse(struct xtables_optcall *cb)
{
	struct ipt_reject_info *info = cb->data;

	for (size_t i = 0; i < N_TYPES; i++) {
		if (reject_types[i].name == NULL)
			continue;
		if (abbreviates(cb->arg, reject_types[i].name) ||
		    abbreviates(cb->arg, reject_types[i].alias)) {
			info->with = i;
			return 0;
		}
	}
	/* the retired type gets a warning before the error */
	if (abbreviates(cb->arg, "echo-reply") ||
	    abbreviates(cb->arg, "echoreply"))
		xtables_warn("--reject-with echo-reply no longer supported");
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "unknown reject type \"%s\"", cb->arg);
}

static const char *reject_name(const struct ipt_reject_info *info)
{
	if (info->with >= N_TYPES || reject_types[info->with].name == NULL)
		return "(null)";
	return reject_types[info->with].name;
}

static void reject_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	xtables_put_lit(out, " reject-with ");
	xtables_puts(out, reject_name(data));
}

static void reject_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	xtables_put_lit(out, " --reject-with ");
	xtables_puts(out, reject_name(data));
}

static const struct xtables_ext reject_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "REJECT",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct ipt_reject_info),
		.help = reject_help,
		.init = reject_init,
		.options = reject_opts,
		.parse = reject_parse,
		.print = reject_print,
		.save = reject_save,
	},
};

XTABLES_EXTENSIONS(reject_exts)
