/*
 * libxt_standard.c - the standard target: ACCEPT, DROP, QUEUE, RETURN,
 * a jump to a chain, or no target.  The verdict is the engine's business;
 * this extension only provides -j ACCEPT -h's text.
 */
#include <xtables/extension.h>

static void standard_help(FILE *out)
{
	fputs("standard match options:\n"
	      "(If target is DROP, ACCEPT, RETURN or nothing)\n", out);
}

static const struct xtables_ext standard_ext[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "standard",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(int),
		.help = standard_help,
	},
};

XTABLES_EXTENSIONS(standard_ext)
