/*
 * libxt_set - match packets against an ipset set (xt_set, revision 4):
 * set name and src/dst directions, --return-nomatch, counter updates
 * and counter comparisons.  Set names are turned into kernel indexes
 * (and back, for listing) through the SO_IP_SET socket option.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_set.h>

enum {
	O_MATCH_SET, O_SET, O_RETURN_NOMATCH, O_UPDATE_COUNTERS,
	O_UPDATE_SUBCOUNTERS, O_PACKETS_EQ, O_PACKETS_LT, O_PACKETS_GT,
	O_BYTES_EQ, O_BYTES_LT, O_BYTES_GT,
};

static const struct xtables_option set_opts[] = {
	{ .name = "match-set", .type = XTTYPE_STRING, .id = O_MATCH_SET,
	  .flags = XTOPT_INVERT | XTOPT_MULTI | XTOPT_ARG2 },
	{ .name = "set", .type = XTTYPE_STRING, .id = O_SET,
	  .flags = XTOPT_INVERT | XTOPT_MULTI | XTOPT_ARG2 },
	{ .name = "return-nomatch", .type = XTTYPE_NONE, .id = O_RETURN_NOMATCH,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "update-counters", .type = XTTYPE_NONE, .id = O_UPDATE_COUNTERS,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "update-subcounters", .type = XTTYPE_NONE,
	  .id = O_UPDATE_SUBCOUNTERS, .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "packets-eq", .type = XTTYPE_STRING, .id = O_PACKETS_EQ,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "packets-lt", .type = XTTYPE_STRING, .id = O_PACKETS_LT,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "packets-gt", .type = XTTYPE_STRING, .id = O_PACKETS_GT,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "bytes-eq", .type = XTTYPE_STRING, .id = O_BYTES_EQ,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "bytes-lt", .type = XTTYPE_STRING, .id = O_BYTES_LT,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	{ .name = "bytes-gt", .type = XTTYPE_STRING, .id = O_BYTES_GT,
	  .flags = XTOPT_INVERT | XTOPT_MULTI },
	XTABLES_OPT_END,
};

static void set_help(FILE *out)
{
	fputs("set match options:\n"
	      " [!] --match-set name flags [--return-nomatch]\n"
	      "   [! --update-counters] [! --update-subcounters]\n"
	      "   [[!] --packets-eq value | --packets-lt value | --packets-gt value\n"
	      "   [[!] --bytes-eq value | --bytes-lt value | --bytes-gt value\n"
	      "\t\t 'name' is the set name from to match,\n"
	      "\t\t 'flags' are the comma separated list of\n"
	      "\t\t 'src' and 'dst' specifications.\n", out);
}

/* ---- talking to ipset ---- */

static int ipset_socket(struct xtables_err *err, unsigned int *version)
{
	struct ip_set_req_version req = { .op = IP_SET_OP_VERSION };
	socklen_t size = sizeof(req);
	int fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);

	if (fd < 0) {
		xtables_fail(err, XTABLES_OTHER_PROBLEM,
			     "Can't open socket to ipset.\n");
		return -1;
	}
	if (getsockopt(fd, SOL_IP, SO_IP_SET, &req, &size) != 0) {
		close(fd);
		xtables_fail(err, XTABLES_OTHER_PROBLEM,
			     "Kernel module xt_set is not loaded in.\n");
		return -1;
	}
	*version = req.version;
	return fd;
}

static const char *family_name(uint8_t family)
{
	return family == NFPROTO_IPV4 ? "IPv4" :
	       family == NFPROTO_IPV6 ? "IPv6" : "unknown";
}

static int set_by_name(struct xtables_err *err, const char *name,
		       uint8_t family, struct xt_set_info *info)
{
	struct ip_set_req_get_set_family req;
	socklen_t size = sizeof(req);
	unsigned int version;
	int fd = ipset_socket(err, &version), res;

	if (fd < 0)
		return -1;
	memset(&req, 0, sizeof(req));
	req.version = version;
	req.op = IP_SET_OP_GET_FNAME;
	strncpy(req.set.name, name, IPSET_MAXNAMELEN - 1);
	res = getsockopt(fd, SOL_IP, SO_IP_SET, &req, &size);
	if (res != 0 && errno == EBADMSG) {
		/* old kernels: no family in the answer */
		struct ip_set_req_get_set old;

		memset(&old, 0, sizeof(old));
		old.version = version;
		old.op = IP_SET_OP_GET_BYNAME;
		strncpy(old.set.name, name, IPSET_MAXNAMELEN - 1);
		size = sizeof(old);
		res = getsockopt(fd, SOL_IP, SO_IP_SET, &old, &size);
		close(fd);
		if (res != 0)
			return xtables_fail(err, XTABLES_OTHER_PROBLEM,
				"Problem when communicating with ipset, errno=%d.\n",
				errno);
		if (size != sizeof(old))
			return xtables_fail(err, XTABLES_OTHER_PROBLEM,
				"Incorrect return size from kernel during ipset lookup, (want %zu, got %zu)\n",
				sizeof(old), (size_t)size);
		if (old.set.index == IPSET_INVALID_ID)
			return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
					    "Set %s doesn't exist.\n", name);
		info->index = old.set.index;
		return 0;
	}
	close(fd);
	if (res != 0)
		return xtables_fail(err, XTABLES_OTHER_PROBLEM,
			"Problem when communicating with ipset, errno=%d.\n",
			errno);
	if (size != sizeof(req))
		return xtables_fail(err, XTABLES_OTHER_PROBLEM,
			"Incorrect return size from kernel during ipset lookup, (want %zu, got %zu)\n",
			sizeof(req), (size_t)size);
	if (req.set.index == IPSET_INVALID_ID)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Set %s doesn't exist.\n", name);
	if (req.family != family)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"The protocol family of set %s is %s, which is not applicable.\n",
			name, family_name(req.family));
	info->index = req.set.index;
	return 0;
}

/* Name of a set by index, "" (with a warning) if it cannot be had. */
static void set_by_index(ip_set_id_t index, char *name)
{
	struct ip_set_req_get_set req;
	socklen_t size = sizeof(req);
	struct xtables_err err;
	unsigned int version;
	int fd = ipset_socket(&err, &version);

	name[0] = '\0';
	if (fd < 0)
		return;
	memset(&req, 0, sizeof(req));
	req.version = version;
	req.op = IP_SET_OP_GET_BYINDEX;
	req.set.index = index;
	if (getsockopt(fd, SOL_IP, SO_IP_SET, &req, &size) == 0 &&
	    req.set.name[0] != '\0')
		snprintf(name, IPSET_MAXNAMELEN, "%.*s", IPSET_MAXNAMELEN - 1,
			 req.set.name);
	close(fd);
}

/* ---- parsing ---- */

static int set_dirs(struct xtables_optcall *cb, struct xt_set_info *info,
		    const char *arg)
{
	char *copy = strdup(arg), *rest = copy, *word;
	int ret = 0;

	if (copy == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "out of memory");
	while (info->dim < IPSET_DIM_MAX && rest != NULL) {
		info->dim++;
		word = strsep(&rest, ",");
		if (strncmp(word, "src", 3) == 0)
			info->flags |= 1 << info->dim;
		else if (strncmp(word, "dst", 3) != 0) {
			ret = xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					   "You must spefify `src' or `dst'.");
			break;
		}
	}
	if (ret == 0 && rest != NULL)
		ret = xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				   "Can't be more src/dst options than %i.",
				   IPSET_DIM_MAX);
	free(copy);
	return ret;
}

static int set_counter(struct xtables_optcall *cb,
		       struct ip_set_counter_match *c, const char *what,
		       const char *opt, uint8_t op)
{
	uint64_t v;

	if (c->op != IPSET_COUNTER_NONE)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"only one of the --%s-[eq|lt|gt] is allowed", what);
	if (cb->invert && op != IPSET_COUNTER_EQ)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--%s option cannot be inverted", opt);
	if (xtables_strtoul(cb->arg, NULL, &v, 0, UINT64_MAX) != 0)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"Cannot parse %s as a counter value", cb->arg);
	c->op = cb->invert ? IPSET_COUNTER_NE : op;
	c->value = v;
	return 0;
}

static int set_match(struct xtables_optcall *cb, struct xt_set_info *info)
{
	if (info->dim)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--match-set can be specified only once");
	if (cb->invert)
		info->flags |= IPSET_INV_MATCH;
	if (cb->arg2 == NULL)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--match-set requires two args.");
	if (strlen(cb->arg) > IPSET_MAXNAMELEN - 1)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "setname `%s' too long, max %d characters.",
				    cb->arg, IPSET_MAXNAMELEN - 1);
	if (set_by_name(cb->err, cb->arg, cb->family, info) != 0)
		return -1;
	return set_dirs(cb, info, cb->arg2);
}

static int set_parse(struct xtables_optcall *cb)
{
	struct xt_set_info_match_v4 *info = cb->data;
	const char *name = cb->opt->name;

	switch (cb->opt->id) {
	case O_SET:
		xtables_warn("--set option deprecated, please use --match-set");
		/* fall through */
	case O_MATCH_SET:
		return set_match(cb, &info->match_set);
	case O_RETURN_NOMATCH:
		if (cb->invert)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"--return-nomatch flag cannot be inverted");
		info->flags |= IPSET_FLAG_RETURN_NOMATCH;
		return 0;
	case O_UPDATE_COUNTERS:
		if (cb->invert)
			info->flags |= IPSET_FLAG_SKIP_COUNTER_UPDATE;
		return 0;
	case O_UPDATE_SUBCOUNTERS:
		if (cb->invert)
			info->flags |= IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE;
		return 0;
	case O_PACKETS_EQ:
		return set_counter(cb, &info->packets, "packets", name, IPSET_COUNTER_EQ);
	case O_PACKETS_LT:
		return set_counter(cb, &info->packets, "packets", name, IPSET_COUNTER_LT);
	case O_PACKETS_GT:
		return set_counter(cb, &info->packets, "packets", name, IPSET_COUNTER_GT);
	case O_BYTES_EQ:
		return set_counter(cb, &info->bytes, "bytes", name, IPSET_COUNTER_EQ);
	case O_BYTES_LT:
		return set_counter(cb, &info->bytes, "bytes", name, IPSET_COUNTER_LT);
	default:
		return set_counter(cb, &info->bytes, "bytes", name, IPSET_COUNTER_GT);
	}
}

static int set_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & (1 << O_MATCH_SET | 1 << O_SET)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"You must specify `--match-set' with proper arguments");
	return 0;
}

/* ---- output ---- */

static void set_counter_out(FILE *out, const struct ip_set_counter_match *c,
			    const char *name, const char *sep)
{
	unsigned long long v = c->value;

	switch (c->op) {
	case IPSET_COUNTER_EQ: fprintf(out, " %s%s-eq %llu", sep, name, v); break;
	case IPSET_COUNTER_NE: fprintf(out, " ! %s%s-eq %llu", sep, name, v); break;
	case IPSET_COUNTER_LT: fprintf(out, " %s%s-lt %llu", sep, name, v); break;
	case IPSET_COUNTER_GT: fprintf(out, " %s%s-gt %llu", sep, name, v); break;
	}
}

static void set_show(FILE *out, const struct xt_set_info_match_v4 *info,
		     const char *opt, const char *sep)
{
	const struct xt_set_info *s = &info->match_set;
	char name[IPSET_MAXNAMELEN];

	set_by_index(s->index, name);
	fprintf(out, "%s %s %s", s->flags & IPSET_INV_MATCH ? " !" : "", opt,
		name);
	for (int i = 1; i <= s->dim; i++)
		fprintf(out, "%s%s", i == 1 ? " " : ",",
			s->flags & (1 << i) ? "src" : "dst");
	if (info->flags & IPSET_FLAG_RETURN_NOMATCH)
		fprintf(out, " %sreturn-nomatch", sep);
	if (info->flags & IPSET_FLAG_SKIP_COUNTER_UPDATE)
		fprintf(out, " ! %supdate-counters", sep);
	if (info->flags & IPSET_FLAG_SKIP_SUBCOUNTER_UPDATE)
		fprintf(out, " ! %supdate-subcounters", sep);
	set_counter_out(out, &info->packets, "packets", sep);
	set_counter_out(out, &info->bytes, "bytes", sep);
}

static void set_print(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags)
{
	set_show(out, data, "match-set", "");
}

static void set_save(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data)
{
	set_show(out, data, "--match-set", "--");
}

static const struct xtables_ext set_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "set",
		.revision = 4,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_set_info_match_v4),
		.help = set_help,
		.options = set_opts,
		.parse = set_parse,
		.check = set_check,
		.print = set_print,
		.save = set_save,
	},
};

XTABLES_EXTENSIONS(set_exts)
