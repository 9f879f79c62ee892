/*
 * owner match (revision 1): the user and group owning the socket of a
 * locally generated packet, or just whether there is a socket.  Users
 * and groups are names or numbers; numbers may be ranges "a-b" / "a:b".
 */
#include <grp.h>
#include <pwd.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_owner.h>

enum { O_USER, O_GROUP, O_SOCK_EXISTS, O_SUPPL_GROUPS };

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

static const struct xtables_ext owner_exts[] = {
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
