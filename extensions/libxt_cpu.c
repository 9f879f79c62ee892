/*
 * libxt_cpu - match the number of the CPU handling the packet (xt_cpu).
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_cpu.h>

enum { O_CPU };

static const struct xtables_option cpu_opts[] = {
	{ .name = "cpu", .type = XTTYPE_UINT32, .id = O_CPU,
	  .flags = XTOPT_MAND | XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct xt_cpu_info, cpu) },
	XTABLES_OPT_END,
};

static void cpu_help(FILE *out)
{
	fputs("cpu match options:\n"
	      "[!] --cpu number   Match CPU number\n", out);
}

static int cpu_parse(struct xtables_optcall *cb)
{
	struct xt_cpu_info *info = cb->data;

	if (cb->invert)
		info->invert = 1;
	return 0;
}

static void cpu_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_cpu_info *info = data;

	fprintf(out, " cpu %s%u", info->invert ? "! " : "", info->cpu);
}

static void cpu_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_cpu_info *info = data;

	fprintf(out, "%s --cpu %u", info->invert ? " !" : "", info->cpu);
}

static const struct xtables_ext cpu_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "cpu",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_cpu_info),
		.help = cpu_help,
		.options = cpu_opts,
		.parse = cpu_parse,
		.print = cpu_print,
		.save = cpu_save,
	},
};

XTABLES_EXTENSIONS(cpu_exts)
