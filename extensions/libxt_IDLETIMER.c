/*
 * IDLETIMER target: (re)starts a timer, identified by a label, each time
 * a packet passes; when it runs out the kernel notifies user space
 * through sysfs.  Revision 1 adds the alarm timer type and the
 * (Android) netlink notification flag.
 */
#include <xtables/extension.h>
#include <linux/netfilter/xt_IDLETIMER.h>

enum { O_TIMEOUT, O_LABEL, O_ALARM, O_NLMSG };

static const struct xtables_option IDLETIMER_opts_v0[] = {
	{ .name = "timeout", .type = XTTYPE_UINT32, .id = O_TIMEOUT,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct idletimer_tg_info, timeout) },
	{ .name = "label", .type = XTTYPE_STRING, .id = O_LABEL,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct idletimer_tg_info, label) },
	XTABLES_OPT_END,
};

static const struct xtables_option IDLETIMER_opts_v1[] = {
	{ .name = "timeout", .type = XTTYPE_UINT32, .id = O_TIMEOUT,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct idletimer_tg_info_v1, timeout) },
	{ .name = "label", .type = XTTYPE_STRING, .id = O_LABEL,
	  .flags = XTOPT_MAND | XTOPT_PUT,
	  XTOPT_POINTER(struct idletimer_tg_info_v1, label) },
	{ .name = "alarm", .type = XTTYPE_NONE, .id = O_ALARM },
	{ .name = "send_nl_msg", .type = XTTYPE_NONE, .id = O_NLMSG },
	XTABLES_OPT_END,
};

static void IDLETIMER_help_v0(FILE *out)
{
	fputs("IDLETIMER target options:\n"
	      " --timeout time\tTimeout until the notification is sent (in seconds)\n"
	      " --label string\tUnique rule identifier\n"
	      "\n", out);
}

static void IDLETIMER_help_v1(FILE *out)
{
	fputs("IDLETIMER target options:\n"
	      " --timeout time\tTimeout until the notification is sent (in seconds)\n"
	      " --label string\tUnique rule identifier\n"
	      " --alarm\tUse alarm instead of default timer\n"
	      " --send_nl_msg\t\tEnable netlink messages and show remaining time in sysfs.\n"
	      "\n", out);
}

static int IDLETIMER_parse_v1(struct xtables_optcall *cb)
{
	struct idletimer_tg_info_v1 *info = cb->data;

	if (cb->opt->id == O_ALARM)
		info->timer_type = XT_IDLETIMER_ALARM;
	else if (cb->opt->id == O_NLMSG)
		info->send_nl_msg = 1;
	return 0;
}

static void IDLETIMER_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			       const void *data, unsigned int flags)
{
	const struct idletimer_tg_info *info = data;

	fprintf(out, " timeout:%u label:%s", info->timeout, info->label);
}

static void IDLETIMER_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data)
{
	const struct idletimer_tg_info *info = data;

	fprintf(out, " --timeout %u --label %s", info->timeout, info->label);
}

static void IDLETIMER_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			       const void *data, unsigned int flags)
{
	const struct idletimer_tg_info_v1 *info = data;

	fprintf(out, " timeout:%u label:%s", info->timeout, info->label);
	if (info->timer_type == XT_IDLETIMER_ALARM)
		fputs(" alarm", out);
	if (info->send_nl_msg)
		fputs(" send_nl_msg", out);
}

static void IDLETIMER_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data)
{
	const struct idletimer_tg_info_v1 *info = data;

	fprintf(out, " --timeout %u --label %s", info->timeout, info->label);
	if (info->timer_type == XT_IDLETIMER_ALARM)
		fputs(" --alarm", out);
	if (info->send_nl_msg)
		fputs(" --send_nl_msg", out);
}

static const struct xtables_ext IDLETIMER_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "IDLETIMER",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct idletimer_tg_info),
		.userspacesize = offsetof(struct idletimer_tg_info, timer),
		.help = IDLETIMER_help_v0,
		.options = IDLETIMER_opts_v0,
		.print = IDLETIMER_print_v0,
		.save = IDLETIMER_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "IDLETIMER",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct idletimer_tg_info_v1),
		.userspacesize = offsetof(struct idletimer_tg_info_v1, timer),
		.help = IDLETIMER_help_v1,
		.options = IDLETIMER_opts_v1,
		.parse = IDLETIMER_parse_v1,
		.print = IDLETIMER_print_v1,
		.save = IDLETIMER_save_v1,
	},
};

XTABLES_EXTENSIONS(IDLETIMER_exts)
