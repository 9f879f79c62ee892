/*
 * libxt_socket - match packets that belong to a local socket
 * (xt_socket).  Revision 0 has no options (IPv4 only); 1 adds
 * --transparent, 2 --nowildcard, 3 --restore-skmark.
 */
#include <stdio.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_socket.h>

enum { O_TRANSPARENT, O_NOWILDCARD, O_RESTORESKMARK };

static const struct xtables_option socket_opts_v3[] = {
	{ .name = "transparent", .type = XTTYPE_NONE, .id = O_TRANSPARENT },
	{ .name = "nowildcard", .type = XTTYPE_NONE, .id = O_NOWILDCARD },
	{ .name = "restore-skmark", .type = XTTYPE_NONE, .id = O_RESTORESKMARK },
	XTABLES_OPT_END,
};

/* Revisions 1 and 2 know only a prefix of the option list. */
static const struct xtables_option socket_opts_v1[] = {
	{ .name = "transparent", .type = XTTYPE_NONE, .id = O_TRANSPARENT },
	XTABLES_OPT_END,
};

static const struct xtables_option socket_opts_v2[] = {
	{ .name = "transparent", .type = XTTYPE_NONE, .id = O_TRANSPARENT },
	{ .name = "nowildcard", .type = XTTYPE_NONE, .id = O_NOWILDCARD },
	XTABLES_OPT_END,
};

/* Kernel flag and save text of each option, in output order. */
static const struct {
	uint8_t flag;
	const char *text;
} socket_flags[] = {
	[O_TRANSPARENT] = { XT_SOCKET_TRANSPARENT, " --transparent" },
	[O_NOWILDCARD] = { XT_SOCKET_NOWILDCARD, " --nowildcard" },
	[O_RESTORESKMARK] = { XT_SOCKET_RESTORESKMARK, " --restore-skmark" },
};

static void socket_help_v1(FILE *out)
{
	fputs("socket match options:\n"
	      "  --transparent    Ignore non-transparent sockets\n\n", out);
}

static void socket_help_v2(FILE *out)
{
	fputs("socket match options:\n"
	      "  --nowildcard     Do not ignore LISTEN sockets bound on INADDR_ANY\n"
	      "  --transparent    Ignore non-transparent sockets\n\n", out);
}

static void socket_help_v3(FILE *out)
{
	fputs("socket match options:\n"
	      "  --nowildcard     Do not ignore LISTEN sockets bound on INADDR_ANY\n"
	      "  --transparent    Ignore non-transparent sockets\n"
	      "  --restore-skmark Set the packet mark to the socket mark if\n"
	      "                   the socket matches and transparent / \n"
	      "                   nowildcard conditions are satisfied\n\n", out);
}

static int socket_parse(struct xtables_optcall *cb)
{
	/* xt_socket_mtinfo1/2/3 all start with the flags byte/word */
	struct xt_socket_mtinfo1 *info = cb->data;

	info->flags |= socket_flags[cb->opt->id].flag;
	return 0;
}

static void socket_save(FILE *out, const struct xtables_rule_ip *ip,
			const void *data)
{
	const struct xt_socket_mtinfo1 *info = data;

	for (unsigned int i = 0; i < sizeof(socket_flags) / sizeof(socket_flags[0]); i++)
		if (info->flags & socket_flags[i].flag)
			fputs(socket_flags[i].text, out);
}

static void socket_print(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data, unsigned int flags)
{
	fputs(" socket", out);
	socket_save(out, ip, data);
}

static void socket_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	fputs(" socket", out);
}

static const struct xtables_ext socket_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "socket",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = 0,
		.print = socket_print_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "socket",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_socket_mtinfo1),
		.help = socket_help_v1,
		.options = socket_opts_v1,
		.parse = socket_parse,
		.print = socket_print,
		.save = socket_save,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "socket",
		.revision = 2,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_socket_mtinfo2),
		.help = socket_help_v2,
		.options = socket_opts_v2,
		.parse = socket_parse,
		.print = socket_print,
		.save = socket_save,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "socket",
		.revision = 3,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_socket_mtinfo3),
		.help = socket_help_v3,
		.options = socket_opts_v3,
		.parse = socket_parse,
		.print = socket_print,
		.save = socket_save,
	},
};

XTABLES_EXTENSIONS(socket_exts)
