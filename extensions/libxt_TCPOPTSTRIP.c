/*
 * TCPOPTSTRIP target (mangle table): removes the listed TCP options
 * from the TCP header, given by number or name.
 */
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_TCPOPTSTRIP.h>

enum { O_STRIP_OPTIONS };

static const struct xtables_option TCPOPTSTRIP_opts[] = {
	{ .name = "strip-options", .type = XTTYPE_STRING,
	  .id = O_STRIP_OPTIONS },
	XTABLES_OPT_END,
};

static const struct {
	const char *name, *desc;
	unsigned int kind;
} tcp_options[] = {
	{ "wscale", "Window scale", 3 },
	{ "mss", "Maximum Segment Size", 2 },
	{ "sack-permitted", "SACK permitted", 4 },
	{ "sack", "Selective ACK", 5 },
	{ "timestamp", "Timestamp", 8 },
	{ "md5", "MD5 signature", 19 },
};
#define NOPTS (sizeof(tcp_options) / sizeof(tcp_options[0]))

static void TCPOPTSTRIP_help(FILE *out)
{
	fputs("TCPOPTSTRIP target options:\n"
	      "  --strip-options value     strip specified TCP options denoted by value\n"
	      "                            (separated by comma) from TCP header\n"
	      "  Instead of the numeric value, you can also use the following names:\n",
	      out);
	for (size_t i = 0; i < NOPTS; i++)
		fprintf(out, "    %-14s    strip \"%s\" option\n",
			tcp_options[i].name, tcp_options[i].desc);
}

static int TCPOPTSTRIP_parse(struct xtables_optcall *cb)
{
	struct xt_tcpoptstrip_target_info *info = cb->data;
	char word[256];
	const char *p = cb->arg;

	for (;;) {
		size_t len = strcspn(p, ",");
		unsigned int kind = 0;
		uint64_t num;

		if (len >= sizeof(word))
			len = sizeof(word) - 1;
		memcpy(word, p, len);
		word[len] = '\0';
		for (size_t i = 0; i < NOPTS; i++)
			if (strcmp(tcp_options[i].name, word) == 0)
				kind = tcp_options[i].kind;
		if (kind == 0) {
			if (xtables_strtoul(word, NULL, &num, 0, UINT8_MAX) != 0)
				return xtables_fail(cb->err,
					XTABLES_PARAMETER_PROBLEM,
					"Bad TCP option value \"%s\"", word);
			kind = num;
		}
		if (kind < 2)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Option value may not be 0 or 1");
		if (tcpoptstrip_test_bit(info->strip_bmap, kind))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Option \"%s\" already specified",
					    word);
		tcpoptstrip_set_bit(info->strip_bmap, kind);
		if (p[strcspn(p, ",")] == '\0')
			return 0;
		p += strcspn(p, ",") + 1;
	}
}

static bool is_empty(const struct xt_tcpoptstrip_target_info *info)
{
	for (unsigned int i = 0; i < 8; i++)
		if (info->strip_bmap[i] != 0)
			return false;
	return true;
}

static void put_list(FILE *out, const struct xt_tcpoptstrip_target_info *info,
		     bool numeric)
{
	const char *sep = "";

	for (unsigned int k = 0; k < 256; k++) {
		const char *name = NULL;

		if (!tcpoptstrip_test_bit(info->strip_bmap, k))
			continue;
		for (size_t i = 0; !numeric && i < NOPTS; i++)
			if (tcp_options[i].kind == k)
				name = tcp_options[i].name;
		if (name != NULL)
			fprintf(out, "%s%s", sep, name);
		else
			fprintf(out, "%s%u", sep, k);
		sep = ",";
	}
}

static void TCPOPTSTRIP_print(FILE *out, const struct xtables_rule_ip *ip,
			      const void *data, unsigned int flags)
{
	const struct xt_tcpoptstrip_target_info *info = data;

	if (is_empty(info))
		return;
	fputs(" TCPOPTSTRIP options ", out);
	put_list(out, info, flags & XTABLES_PRINT_NUMERIC);
}

static void TCPOPTSTRIP_save(FILE *out, const struct xtables_rule_ip *ip,
			     const void *data)
{
	const struct xt_tcpoptstrip_target_info *info = data;

	if (is_empty(info))
		return;
	fputs(" --strip-options ", out);
	put_list(out, info, true);
}

static const struct xtables_ext TCPOPTSTRIP_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "TCPOPTSTRIP",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_tcpoptstrip_target_info),
		.help = TCPOPTSTRIP_help,
		.options = TCPOPTSTRIP_opts,
		.parse = TCPOPTSTRIP_parse,
		.print = TCPOPTSTRIP_print,
		.save = TCPOPTSTRIP_save,
	},
};

XTABLES_EXTENSIONS(TCPOPTSTRIP_exts)
