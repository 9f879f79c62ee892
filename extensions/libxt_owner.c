/*
 * owner match (revision 1; revision 0 below for kernels lacking it): the user and group owning the socket of a
 * locally generated packet, or just whether there is a socket.  Users
 * and groups are names or numbers; numbers may be ranges "a-b" / "a:b".
 */
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <sys/types.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_owner.h>

enum {
	O_USER, O_GROUP, O_SOCK_EXISTS, O_SUPPL_GROUPS,
	O_PROCESS, O_SESSION, O_COMM,
};

/* Revision 0 (ipt_owner / ip6t_owner, kernels before 2.6.24), a layout
 * the UAPI headers no longer carry: one id of each kind, the command
 * name (IPv4 only), then the OWNER_V0_* bits that are set and those
 * that are inverted.  IPv6 uses the same layout. */
struct owner_info_v0 {
	uid_t uid;
	gid_t gid;
	pid_t pid;
	pid_t sid;
	char comm[16];
	uint8_t match, invert;
};

enum {
	OWNER_V0_UID = 0x01,
	OWNER_V0_GID = 0x02,
	OWNER_V0_PID = 0x04,
	OWNER_V0_SID = 0x08,
	OWNER_V0_COMM = 0x10,
};

/* (uid_t)-1 means "none" to the kernel, so the largest id is one less. */
#define OWNER_ID_MAX (UINT32_MAX - 1)

static const struct xtables_option owner_opts[] = {
	{ .name = "uid-owner", .type = XTTYPE_STRING, .id = O_USER,
	  .flags = XTOPT_INVERT },
	{ .name = "gid-owner", .type = XTTYPE_STRING, .id = O_GROUP,
	  .flags = XTOPT_INVERT },
	{ .name = "socket-exists", .type = XTTYPE_NONE, .id = O_SOCK_EXISTS,
	  .flags = XTOPT_INVERT },
	{ .name = "suppl-groups", .type = XTTYPE_NONE, .id = O_SUPPL_GROUPS },
	XTABLES_OPT_END,
};

/* Revision 0; IPv6 has no --cmd-owner. */
#define OWNER_V0_COMMON_OPTS						\
	{ .name = "uid-owner", .type = XTTYPE_STRING, .id = O_USER,	\
	  .flags = XTOPT_INVERT },					\
	{ .name = "gid-owner", .type = XTTYPE_STRING, .id = O_GROUP,	\
	  .flags = XTOPT_INVERT },					\
	{ .name = "pid-owner", .type = XTTYPE_UINT32, .id = O_PROCESS,	\
	  .flags = XTOPT_INVERT | XTOPT_PUT,				\
	  XTOPT_POINTER(struct owner_info_v0, pid), .max = INT_MAX },	\
	{ .name = "sid-owner", .type = XTTYPE_UINT32, .id = O_SESSION,	\
	  .flags = XTOPT_INVERT | XTOPT_PUT,				\
	  XTOPT_POINTER(struct owner_info_v0, sid), .max = INT_MAX }

static const struct xtables_option owner_opts_v0[] = {
	OWNER_V0_COMMON_OPTS,
	{ .name = "cmd-owner", .type = XTTYPE_STRING, .id = O_COMM,
	  .flags = XTOPT_INVERT | XTOPT_PUT,
	  XTOPT_POINTER(struct owner_info_v0, comm) },
	XTABLES_OPT_END,
};

static const struct xtables_option owner6_opts_v0[] = {
	OWNER_V0_COMMON_OPTS,
	XTABLES_OPT_END,
};

static void owner_help_v0(FILE *out)
{
	fputs("owner match options:\n"
	      "[!] --uid-owner userid       Match local UID\n"
	      "[!] --gid-owner groupid      Match local GID\n"
	      "[!] --pid-owner processid    Match local PID\n"
	      "[!] --sid-owner sessionid    Match local SID\n"
	      "[!] --cmd-owner name         Match local command name\n"
	      "NOTE: PID, SID and command matching are broken on SMP\n",
	      out);
}

static void owner6_help_v0(FILE *out)
{
	fputs("owner match options:\n"
	      "[!] --uid-owner userid       Match local UID\n"
	      "[!] --gid-owner groupid      Match local GID\n"
	      "[!] --pid-owner processid    Match local PID\n"
	      "[!] --sid-owner sessionid    Match local SID\n"
	      "NOTE: PID and SID matching are broken on SMP\n",
	      out);
}

static void owner_help(FILE *out)
{
	fputs("owner match options:\n"
	      "[!] --uid-owner userid[-userid]      Match local UID\n"
	      "[!] --gid-owner groupid[-groupid]    Match local GID\n"
	      "[!] --socket-exists                  Match if socket exists\n"
	      "    --suppl-groups                   Also match supplementary groups set with --gid-owner\n",
	      out);
}

static int bad_value(struct xtables_err *err, const char *option,
		     const char *arg)
{
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			    "owner: Bad value for \"%s\" option: \"%s\"",
			    option, arg);
}

/* "n", "n-m" or "n:m" */
static int parse_range(struct xtables_err *err, const char *option,
		       const char *arg, uint32_t *from, uint32_t *to)
{
	uint64_t v;
	char *end;

	if (xtables_strtoul(arg, &end, &v, 0, OWNER_ID_MAX) != 0)
		return bad_value(err, option, arg);
	*from = *to = v;
	if (*end == '-' || *end == ':') {
		if (xtables_strtoul(end + 1, &end, &v, 0, OWNER_ID_MAX) != 0)
			return bad_value(err, option, arg);
		*to = v;
	}
	if (*end != '\0')
		return bad_value(err, option, arg);
	return 0;
}

static int owner_parse(struct xtables_optcall *cb)
{
	struct xt_owner_match_info *info = cb->data;
	const struct passwd *pw;
	const struct group *gr;
	uint32_t from, to;

	switch (cb->opt->id) {
	case O_USER:
		if ((pw = getpwnam(cb->arg)) != NULL)
			from = to = pw->pw_uid;
		else if (parse_range(cb->err, "--uid-owner", cb->arg,
				     &from, &to) != 0)
			return -1;
		info->uid_min = from;
		info->uid_max = to;
		info->match |= XT_OWNER_UID;
		if (cb->invert)
			info->invert |= XT_OWNER_UID;
		break;
	case O_GROUP:
		if ((gr = getgrnam(cb->arg)) != NULL)
			from = to = gr->gr_gid;
		else if (parse_range(cb->err, "--gid-owner", cb->arg,
				     &from, &to) != 0)
			return -1;
		info->gid_min = from;
		info->gid_max = to;
		info->match |= XT_OWNER_GID;
		if (cb->invert)
			info->invert |= XT_OWNER_GID;
		break;
	case O_SOCK_EXISTS:
		info->match |= XT_OWNER_SOCKET;
		if (cb->invert)
			info->invert |= XT_OWNER_SOCKET;
		break;
	case O_SUPPL_GROUPS:
		if (!(info->match & XT_OWNER_GID))
			return bad_value(cb->err, "--suppl-groups",
					 "you need to use --gid-owner first");
		info->match |= XT_OWNER_SUPPL_GROUPS;
		break;
	}
	return 0;
}

/* Revision 0: single ids only (name or number); pid, sid and the
 * command name are stored by the option core. */
static int owner_parse_v0(struct xtables_optcall *cb)
{
	static const uint8_t bits[] = {
		[O_USER] = OWNER_V0_UID, [O_GROUP] = OWNER_V0_GID,
		[O_PROCESS] = OWNER_V0_PID, [O_SESSION] = OWNER_V0_SID,
		[O_COMM] = OWNER_V0_COMM,
	};
	struct owner_info_v0 *info = cb->data;
	const struct passwd *pw;
	const struct group *gr;
	uint64_t id;

	switch (cb->opt->id) {
	case O_USER:
		if ((pw = getpwnam(cb->arg)) != NULL)
			id = pw->pw_uid;
		else if (xtables_strtoul(cb->arg, NULL, &id, 0,
					 OWNER_ID_MAX) != 0)
			return bad_value(cb->err, "--uid-owner", cb->arg);
		info->uid = id;
		break;
	case O_GROUP:
		if ((gr = getgrnam(cb->arg)) != NULL)
			id = gr->gr_gid;
		else if (xtables_strtoul(cb->arg, NULL, &id, 0,
					 OWNER_ID_MAX) != 0)
			return bad_value(cb->err, "--gid-owner", cb->arg);
		info->gid = id;
		break;
	}
	if (cb->invert)
		info->invert |= bits[cb->opt->id];
	info->match |= bits[cb->opt->id];
	return 0;
}

static int owner_check(struct xtables_checkcall *cb)
{
	if (cb->seen == 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"owner: At least one of --uid-owner, --gid-owner or --socket-exists is required");
	return 0;
}

/* An id or range; a single id by name unless numeric. */
static void put_ids(FILE *out, uint32_t min, uint32_t max, bool numeric,
		    bool is_user)
{
	if (min != max) {
		fprintf(out, " %u-%u", min, max);
		return;
	}
	if (!numeric) {
		if (is_user) {
			const struct passwd *pw = getpwuid(min);

			if (pw != NULL && pw->pw_name != NULL) {
				fprintf(out, " %s", pw->pw_name);
				return;
			}
		} else {
			const struct group *gr = getgrgid(min);

			if (gr != NULL && gr->gr_name != NULL) {
				fprintf(out, " %s", gr->gr_name);
				return;
			}
		}
	}
	fprintf(out, " %u", min);
}

/* The items in the order -L and save show them, with their labels. */
static const struct {
	uint8_t flag;
	const char *label, *option;
} owner_items[] = {
	{ XT_OWNER_SOCKET, "owner socket exists", "--socket-exists" },
	{ XT_OWNER_UID, "owner UID match", "--uid-owner" },
	{ XT_OWNER_GID, "owner GID match", "--gid-owner" },
	{ XT_OWNER_SUPPL_GROUPS, "incl. suppl. groups", "--suppl-groups" },
};

static void owner_put(FILE *out, const struct xt_owner_match_info *info,
		      bool save, bool numeric)
{
	for (size_t i = 0; i < sizeof(owner_items) / sizeof(owner_items[0]); i++) {
		uint8_t flag = owner_items[i].flag;

		if (!(info->match & flag))
			continue;
		if (info->invert & flag)
			fputs(" !", out);
		fprintf(out, " %s", save ? owner_items[i].option :
					   owner_items[i].label);
		if (flag == XT_OWNER_UID)
			put_ids(out, info->uid_min, info->uid_max, numeric, true);
		else if (flag == XT_OWNER_GID)
			put_ids(out, info->gid_min, info->gid_max, numeric, false);
	}
}

static void owner_print(FILE *out, const struct xtables_rule_ip *ip,
			const void *data, unsigned int flags)
{
	owner_put(out, data, false, flags & XTABLES_PRINT_NUMERIC);
}

static void owner_save(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data)
{
	owner_put(out, data, true, true);
}

/* Revision 0 output, item by item in the order of the bits. */
static void owner_put_v0(FILE *out, const struct owner_info_v0 *info,
			 bool save, bool numeric)
{
	static const struct {
		uint8_t flag;
		const char *label, *option;
	} items[] = {
		{ OWNER_V0_UID, "owner UID match", "--uid-owner" },
		{ OWNER_V0_GID, "owner GID match", "--gid-owner" },
		{ OWNER_V0_PID, "owner PID match", "--pid-owner" },
		{ OWNER_V0_SID, "owner SID match", "--sid-owner" },
		{ OWNER_V0_COMM, "owner CMD match", "--cmd-owner" },
	};

	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		uint8_t flag = items[i].flag;

		if (!(info->match & flag))
			continue;
		if (info->invert & flag)
			fputs(" !", out);
		fprintf(out, " %s", save ? items[i].option : items[i].label);
		switch (flag) {
		case OWNER_V0_UID:
			put_ids(out, info->uid, info->uid, numeric, true);
			break;
		case OWNER_V0_GID:
			put_ids(out, info->gid, info->gid, numeric, false);
			break;
		case OWNER_V0_PID:
			fprintf(out, " %u", (unsigned int)info->pid);
			break;
		case OWNER_V0_SID:
			fprintf(out, " %u", (unsigned int)info->sid);
			break;
		case OWNER_V0_COMM:
			fprintf(out, " %.*s", (int)sizeof(info->comm),
				info->comm);
			break;
		}
	}
}

static void owner_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data, unsigned int flags)
{
	owner_put_v0(out, data, false, flags & XTABLES_PRINT_NUMERIC);
}

static void owner_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data)
{
	owner_put_v0(out, data, true, true);
}

static const struct xtables_ext owner_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "owner",
		.revision = 0,
		.family = NFPROTO_IPV4,
		.size = sizeof(struct owner_info_v0),
		.help = owner_help_v0,
		.options = owner_opts_v0,
		.parse = owner_parse_v0,
		.check = owner_check,
		.print = owner_print_v0,
		.save = owner_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "owner",
		.revision = 0,
		.family = NFPROTO_IPV6,
		.size = sizeof(struct owner_info_v0),
		.help = owner6_help_v0,
		.options = owner6_opts_v0,
		.parse = owner_parse_v0,
		.check = owner_check,
		.print = owner_print_v0,
		.save = owner_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "owner",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_owner_match_info),
		.help = owner_help,
		.options = owner_opts,
		.parse = owner_parse,
		.check = owner_check,
		.print = owner_print,
		.save = owner_save,
	},
};

XTABLES_EXTENSIONS(owner_exts)
