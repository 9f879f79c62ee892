/*
 * eui64 match (IPv6): the packet's source address ends in the EUI-64
 * interface identifier derived from its source MAC address.  No
 * options.
 */
#include <xtables/extension.h>

static void eui64_print(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	/* upstream prints it without the usual leading space */
	fputs("eui64 ", out);
}

static void eui64_save(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
}

static const struct xtables_ext eui64_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "eui64",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(int),
		.print = eui64_print,
		.save = eui64_save,
	},
};

XTABLES_EXTENSIONS(eui64_exts)
