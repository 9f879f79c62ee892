/*
 * libxt_LOG - log matching packets to the kernel log (xt_LOG).
 */
#include <stdio.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_LOG.h>

#define LOG_LEVEL_DEFAULT 4	/* warning */

/* Option ids of the flag options are the bit numbers of XT_LOG_*. */
enum {
	O_TCPSEQ = 0,
	O_TCPOPT = 1,
	O_IPOPT = 2,
	O_UID = 3,
	O_MACDECODE = 5,
	O_LEVEL = 6,
	O_PREFIX = 7,
};

static const struct xtables_option log_opts[] = {
	{ .name = "log-level", .type = XTTYPE_SYSLOGLEVEL, .id = O_LEVEL },
	{ .name = "log-prefix", .type = XTTYPE_STRING, .id = O_PREFIX },
	{ .name = "log-tcp-sequence", .type = XTTYPE_NONE, .id = O_TCPSEQ },
	{ .name = "log-tcp-options", .type = XTTYPE_NONE, .id = O_TCPOPT },
	{ .name = "log-ip-options", .type = XTTYPE_NONE, .id = O_IPOPT },
	{ .name = "log-uid", .type = XTTYPE_NONE, .id = O_UID },
	{ .name = "log-macdecode", .type = XTTYPE_NONE, .id = O_MACDECODE },
	XTABLES_OPT_END,
};

/* Flag bits with their -L words and their save options, in print order. */
static const struct {
	uint8_t bit;
	const char *word;
	const char *option;
} log_flags[] = {
	{ XT_LOG_TCPSEQ, "tcp-sequence", "--log-tcp-sequence" },
	{ XT_LOG_TCPOPT, "tcp-options", "--log-tcp-options" },
	{ XT_LOG_IPOPT, "ip-options", "--log-ip-options" },
	{ XT_LOG_UID, "uid", "--log-uid" },
	{ XT_LOG_MACDECODE, "macdecode", "--log-macdecode" },
};

/* Level names for -L: the first name syslog knows for each level. */
static const char *const level_names[] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

static void log_help(FILE *out)
{
	fputs(
"LOG target options:\n"
" --log-level level\t\tLevel of logging (numeric or see syslog.conf)\n"
" --log-prefix prefix\t\tPrefix log messages with this prefix.\n"
" --log-tcp-sequence\t\tLog TCP sequence numbers.\n"
" --log-tcp-options\t\tLog TCP options.\n"
" --log-ip-options\t\tLog IP options.\n"
" --log-uid\t\t\tLog UID owning the local socket.\n"
" --log-macdecode\t\tDecode MAC addresses and protocol.\n", out);
}

static void log_init(void *data)
{
	struct xt_log_info *info = data;

	info->level = LOG_LEVEL_DEFAULT;
}

static int log_parse(struct xtables_optcall *cb)
{
	struct xt_log_info *info = cb->data;

	switch (cb->opt->id) {
	case O_LEVEL:
		info->level = cb->val.syslog_level;
		break;
	case O_PREFIX:
		if (cb->arg[0] == '\0')
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"Argument must have a minimum length of 1 characters\n");
		if (strchr(cb->arg, '\n') != NULL)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"Newlines not allowed in --log-prefix");
		/* longer prefixes are cut to what the kernel keeps */
		memset(info->prefix, 0, sizeof(info->prefix));
		strncpy(info->prefix, cb->arg, sizeof(info->prefix) - 1);
		break;
	default:
		info->logflags |= 1 << cb->opt->id;
		break;
	}
	return 0;
}

static void log_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	const struct xt_log_info *info = data;

	xtables_put_lit(out, " LOG");
	if (flags & XTABLES_PRINT_NUMERIC) {
		xtables_put_lit(out, " flags ");
		xtables_put_uint(out, info->logflags);
		xtables_put_lit(out, " level ");
		xtables_put_uint(out, info->level);
	} else {
		if (info->level < sizeof(level_names) / sizeof(level_names[0])) {
			xtables_put_lit(out, " level ");
			xtables_puts(out, level_names[info->level]);
		} else {
			xtables_put_lit(out, " UNKNOWN level ");
			xtables_put_uint(out, info->level);
		}
		for (size_t i = 0; i < sizeof(log_flags) / sizeof(log_flags[0]); i++)
			if (info->logflags & log_flags[i].bit) {
				putc_unlocked(' ', out);
				xtables_puts(out, log_flags[i].word);
			}
		if (info->logflags & ~XT_LOG_MASK)
			xtables_put_lit(out, " unknown-flags");
	}
	if (info->prefix[0] != '\0') {
		xtables_put_lit(out, " prefix \"");
		xtables_put(out, info->prefix,
			    strnlen(info->prefix, sizeof(info->prefix)));
		putc_unlocked('"', out);
	}
}

static void log_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	const struct xt_log_info *info = data;

	if (info->prefix[0] != '\0') {
		char prefix[sizeof(info->prefix) + 1];

		memcpy(prefix, info->prefix, sizeof(info->prefix));
		prefix[sizeof(info->prefix)] = '\0';
		xtables_put_lit(out, " --log-prefix");
		xtables_save_string(out, prefix);
	}
	if (info->level != LOG_LEVEL_DEFAULT) {
		xtables_put_lit(out, " --log-level ");
		xtables_put_uint(out, info->level);
	}
	for (size_t i = 0; i < sizeof(log_flags) / sizeof(log_flags[0]); i++)
		if (info->logflags & log_flags[i].bit) {
			putc_unlocked(' ', out);
			xtables_puts(out, log_flags[i].option);
		}
}

static const struct xtables_ext log_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "LOG",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_log_info),
		.help = log_help,
		.init = log_init,
		.options = log_opts,
		.parse = log_parse,
		.print = log_print,
		.save = log_save,
	},
};

XTABLES_EXTENSIONS(log_exts)
