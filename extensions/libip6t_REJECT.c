/*
 * libip6t_REJECT - drop a packet and answer it with an ICMPv6 error or
 * a TCP reset (ip6t_REJECT, IPv6).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_REJECT.h>

enum { O_REJECT_WITH };

static const struct xtables_option reject_opts[] = {
	{ .name = "reject-with", .type = XTTYPE_STRING, .id = O_REJECT_WITH },
	XTABLES_OPT_END,
};

/* In upstream's order: help, abbreviation matching and printing. */
static const struct {
	const char *name, *alias;
	enum ip6t_reject_with with;
	const char *desc;
} reject_types[] = {
	{ "icmp6-no-route", "no-route", IP6T_ICMP6_NO_ROUTE,
	  "ICMPv6 no route" },
	{ "icmp6-adm-prohibited", "adm-prohibited", IP6T_ICMP6_ADM_PROHIBITED,
	  "ICMPv6 administratively prohibited" },
	{ "icmp6-addr-unreachable", "addr-unreach", IP6T_ICMP6_ADDR_UNREACH,
	  "ICMPv6 address unreachable" },
	{ "icmp6-port-unreachable", "port-unreach", IP6T_ICMP6_PORT_UNREACH,
	  "ICMPv6 port unreachable" },
	{ "tcp-reset", "tcp-reset", IP6T_TCP_RESET, "TCP RST packet" },
	{ "icmp6-policy-fail", "policy-fail", IP6T_ICMP6_POLICY_FAIL,
	  "ICMPv6 policy fail" },
	{ "icmp6-reject-route", "reject-route", IP6T_ICMP6_REJECT_ROUTE,
	  "ICMPv6 reject route" },
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
		fprintf(out, "    %-25s\t%s\n", reject_types[i].name,
			reject_types[i].desc);
		fprintf(out, "    %-25s\talias\n", reject_types[i].alias);
	}
	fputc('\n', out);
}

static void reject_init(void *data)
{
	struct ip6t_reject_info *info = data;

	info->with = IP6T_ICMP6_PORT_UNREACH;
}

/* True if arg is a (case-insensitive) prefix of word. */
static bool abbreviates(const char *arg, const char *word)
{
	return strncasecmp(word, arg, strlen(arg)) == 0;
}

static int reject_parse(struct xtables_optcall *cb)
{
	struct ip6t_reject_info *info = cb->data;

	for (size_t i = 0; i < N_TYPES; i++) {
		if (abbreviates(cb->arg, reject_types[i].name) ||
		    abbreviates(cb->arg, reject_types[i].alias)) {
			info->with = reject_types[i].with;
			return 0;
		}
	}
	return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			    "unknown reject type \"%s\"", cb->arg);
}

static const char *reject_name(const struct ip6t_reject_info *info)
{
	for (size_t i = 0; i < N_TYPES; i++)
		if (reject_types[i].with == info->with)
			return reject_types[i].name;
	return "(null)";
}

static void reject_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	fprintf(out, " reject-with %s", reject_name(data));
}

static void reject_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	fprintf(out, " --reject-with %s", reject_name(data));
}

static const struct xtables_ext reject_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "REJECT",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct ip6t_reject_info),
		.help = reject_help,
		.init = reject_init,
		.options = reject_opts,
		.parse = reject_parse,
		.print = reject_print,
		.save = reject_save,
	},
};

XTABLES_EXTENSIONS(reject_exts)
