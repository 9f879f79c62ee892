/*
 * CLASSIFY target: sets the packet's priority (skb->priority), written
 * as a tc class MAJOR:MINOR in hexadecimal.
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_CLASSIFY.h>

enum { O_SET_CLASS };

static const struct xtables_option CLASSIFY_opts[] = {
	{ .name = "set-class", .type = XTTYPE_STRING, .id = O_SET_CLASS,
	  .flags = XTOPT_MAND },
	XTABLES_OPT_END,
};

static void CLASSIFY_help(FILE *out)
{
	fputs("CLASSIFY target options:\n"
	      "--set-class MAJOR:MINOR    Set skb->priority value (always hexadecimal!)\n",
	      out);
}

static int CLASSIFY_parse(struct xtables_optcall *cb)
{
	struct xt_classify_target_info *info = cb->data;
	unsigned int major, minor;

	if (sscanf(cb->arg, "%x:%x", &major, &minor) != 2)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "Bad class value \"%s\"", cb->arg);
	info->priority = (major << 16) | (minor & 0xffff);
	return 0;
}

static void CLASSIFY_print(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data, unsigned int flags)
{
	const struct xt_classify_target_info *info = data;

	fprintf(out, " CLASSIFY set %x:%x", info->priority >> 16,
		info->priority & 0xffff);
}

static void CLASSIFY_save(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data)
{
	const struct xt_classify_target_info *info = data;

	fprintf(out, " --set-class %.4x:%.4x", info->priority >> 16,
		info->priority & 0xffff);
}

static const struct xtables_ext CLASSIFY_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "CLASSIFY",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_classify_target_info),
		.help = CLASSIFY_help,
		.options = CLASSIFY_opts,
		.parse = CLASSIFY_parse,
		.print = CLASSIFY_print,
		.save = CLASSIFY_save,
	},
};

XTABLES_EXTENSIONS(CLASSIFY_exts)
