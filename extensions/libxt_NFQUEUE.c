/*
 * NFQUEUE target: hands packets to a userspace program through an
 * nfnetlink queue.  Revision 0 names one queue; 1 spreads flows over a
 * range of queues; 2 adds "accept when nobody listens" (bypass); 3
 * makes that a flags word and adds choosing the queue by CPU.
 *
 * All revisions start with the same words (queue number, number of
 * queues, bypass/flags), so one set of functions serves them, told
 * the revision.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_NFQUEUE.h>

enum { O_QUEUE_NUM, O_QUEUE_BALANCE, O_QUEUE_BYPASS, O_QUEUE_CPU_FANOUT };

static const struct xtables_option NFQUEUE_opts[] = {
	{ .name = "queue-num", .type = XTTYPE_UINT16, .id = O_QUEUE_NUM,
	  .excl = 1U << O_QUEUE_BALANCE, .flags = XTOPT_PUT,
	  XTOPT_POINTER(struct xt_NFQ_info, queuenum) },
	{ .name = "queue-balance", .type = XTTYPE_UINT16RC,
	  .id = O_QUEUE_BALANCE, .excl = 1U << O_QUEUE_NUM,
	  .max = UINT16_MAX - 1 },
	{ .name = "queue-bypass", .type = XTTYPE_NONE, .id = O_QUEUE_BYPASS },
	{ .name = "queue-cpu-fanout", .type = XTTYPE_NONE,
	  .id = O_QUEUE_CPU_FANOUT, .also = 1U << O_QUEUE_BALANCE },
	XTABLES_OPT_END,
};

static void NFQUEUE_help_v0(FILE *out)
{
	fputs("NFQUEUE target options\n"
	      "  --queue-num value\t\tSend packet to QUEUE number <value>.\n"
	      "  \t\t                Valid queue numbers are 0-65535\n", out);
}

static void NFQUEUE_help_v1(FILE *out)
{
	fputs("NFQUEUE target options\n"
	      "  --queue-num value            Send packet to QUEUE number <value>.\n"
	      "                               Valid queue numbers are 0-65535\n"
	      "  --queue-balance first:last\tBalance flows between queues <value> to <value>.\n",
	      out);
}

static void NFQUEUE_help_v2(FILE *out)
{
	fputs("NFQUEUE target options\n"
	      "  --queue-num value            Send packet to QUEUE number <value>.\n"
	      "                               Valid queue numbers are 0-65535\n"
	      "  --queue-balance first:last   Balance flows between queues <value> to <value>.\n"
	      "  --queue-bypass\t\tBypass Queueing if no queue instance exists.\n"
	      "  --queue-cpu-fanout\tUse current CPU (no hashing)\n", out);
}

static void NFQUEUE_help_v3(FILE *out)
{
	fputs("NFQUEUE target options\n"
	      "  --queue-num value            Send packet to QUEUE number <value>.\n"
	      "                               Valid queue numbers are 0-65535\n"
	      "  --queue-balance first:last   Balance flows between queues <value> to <value>.\n"
	      "  --queue-bypass               Bypass Queueing if no queue instance exists.\n"
	      "  --queue-cpu-fanout\tUse current CPU (no hashing)\n", out);
}

/* Revisions 1 and up start with one queue. */
static void NFQUEUE_init_v1(void *data)
{
	struct xt_NFQ_info_v1 *info = data;

	info->queues_total = 1;
}

static int NFQUEUE_parse_rev(struct xtables_optcall *cb, unsigned int rev)
{
	const uint16_t *r = cb->val.u16_range;

	switch (cb->opt->id) {
	case O_QUEUE_BALANCE: {
		struct xt_NFQ_info_v1 *info = cb->data;

		if (rev == 0)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"NFQUEUE target: --queue-balance not supported "
				"(kernel too old?)");
		if (cb->nvals != 2)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Bad range \"%s\"", cb->arg);
		if (r[0] >= r[1])
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "%u should be less than %u",
					    r[0], r[1]);
		info->queuenum = r[0];
		info->queues_total = r[1] - r[0] + 1;
		break;
	}
	case O_QUEUE_BYPASS:
		/* older revisions take the option and drop it */
		if (rev >= 2) {
			struct xt_NFQ_info_v3 *info = cb->data;

			info->flags |= NFQ_FLAG_BYPASS;
		}
		break;
	case O_QUEUE_CPU_FANOUT:
		if (rev >= 3) {
			struct xt_NFQ_info_v3 *info = cb->data;

			info->flags |= NFQ_FLAG_CPU_FANOUT;
		}
		break;
	}
	return 0;
}

static int NFQUEUE_parse_v0(struct xtables_optcall *cb)
{
	return NFQUEUE_parse_rev(cb, 0);
}

static int NFQUEUE_parse_v1(struct xtables_optcall *cb)
{
	return NFQUEUE_parse_rev(cb, 1);
}

static int NFQUEUE_parse_v2(struct xtables_optcall *cb)
{
	return NFQUEUE_parse_rev(cb, 2);
}

static int NFQUEUE_parse_v3(struct xtables_optcall *cb)
{
	return NFQUEUE_parse_rev(cb, 3);
}

/* -L and save differ in their words; flags only from revision 2 on. */
static void NFQUEUE_show(FILE *out, const void *data, unsigned int rev,
			 bool save)
{
	const struct xt_NFQ_info_v3 *info = data;
	unsigned int last;

	if (rev == 0) {
		fprintf(out, save ? " --queue-num %u" : " NFQUEUE num %u",
			info->queuenum);
		return;
	}
	last = info->queues_total;
	if (last > 1) {
		last += info->queuenum - 1;
		fprintf(out, save ? " --queue-balance %u:%u" :
				    " NFQUEUE balance %u:%u",
			info->queuenum, last);
	} else {
		fprintf(out, save ? " --queue-num %u" : " NFQUEUE num %u",
			info->queuenum);
	}
	if (rev >= 2 && (info->flags & NFQ_FLAG_BYPASS))
		fputs(save ? " --queue-bypass" : " bypass", out);
	if (rev >= 3 && (info->flags & NFQ_FLAG_CPU_FANOUT))
		fputs(save ? " --queue-cpu-fanout" : " cpu-fanout", out);
}

static void NFQUEUE_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			       const void *data, unsigned int flags)
{
	NFQUEUE_show(out, data, 0, false);
}

static void NFQUEUE_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data)
{
	NFQUEUE_show(out, data, 0, true);
}

static void NFQUEUE_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			       const void *data, unsigned int flags)
{
	NFQUEUE_show(out, data, 1, false);
}

static void NFQUEUE_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data)
{
	NFQUEUE_show(out, data, 1, true);
}

static void NFQUEUE_print_v2(FILE *out, const struct xtables_rule_ip *ip,
			       const void *data, unsigned int flags)
{
	NFQUEUE_show(out, data, 2, false);
}

static void NFQUEUE_save_v2(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data)
{
	NFQUEUE_show(out, data, 2, true);
}

static void NFQUEUE_print_v3(FILE *out, const struct xtables_rule_ip *ip,
			       const void *data, unsigned int flags)
{
	NFQUEUE_show(out, data, 3, false);
}

static void NFQUEUE_save_v3(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data)
{
	NFQUEUE_show(out, data, 3, true);
}

static const struct xtables_ext NFQUEUE_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NFQUEUE",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_NFQ_info),
		.help = NFQUEUE_help_v0,
		.options = NFQUEUE_opts,
		.parse = NFQUEUE_parse_v0,
		.print = NFQUEUE_print_v0,
		.save = NFQUEUE_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NFQUEUE",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_NFQ_info_v1),
		.help = NFQUEUE_help_v1,
		.init = NFQUEUE_init_v1,
		.options = NFQUEUE_opts,
		.parse = NFQUEUE_parse_v1,
		.print = NFQUEUE_print_v1,
		.save = NFQUEUE_save_v1,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NFQUEUE",
		.revision = 2,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_NFQ_info_v2),
		.help = NFQUEUE_help_v2,
		.init = NFQUEUE_init_v1,
		.options = NFQUEUE_opts,
		.parse = NFQUEUE_parse_v2,
		.print = NFQUEUE_print_v2,
		.save = NFQUEUE_save_v2,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NFQUEUE",
		.revision = 3,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_NFQ_info_v3),
		.help = NFQUEUE_help_v3,
		.init = NFQUEUE_init_v1,
		.options = NFQUEUE_opts,
		.parse = NFQUEUE_parse_v3,
		.print = NFQUEUE_print_v3,
		.save = NFQUEUE_save_v3,
	},
};

XTABLES_EXTENSIONS(NFQUEUE_exts)
