/*
 * TRACE target (raw table): marks packets so that the kernel logs every
 * rule they traverse.  No options.
 */
#include <xtables/extension.h>

static void TRACE_help(FILE *out)
{
	fputs("TRACE does not take any options\n", out);
}

static const struct xtables_ext TRACE_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TRACE",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = 0,
		.help = TRACE_help,
	},
};

XTABLES_EXTENSIONS(TRACE_exts)
