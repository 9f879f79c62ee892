/*
 * ipset_lookup - talking to ipset for the set match and the SET target
 * (see ipset_lookup.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include "ipset_lookup.h"

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

int ipset_by_name(struct xtables_err *err, const char *name, uint8_t family,
		  struct xt_set_info *info)
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
void ipset_by_index(ip_set_id_t index, char *name)
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

int ipset_parse_dirs(struct xtables_err *err, struct xt_set_info *info,
		     const char *arg)
{
	char *copy = strdup(arg), *rest = copy, *word;
	int ret = 0;

	if (copy == NULL)
		return xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
				    "out of memory");
	while (info->dim < IPSET_DIM_MAX && rest != NULL) {
		info->dim++;
		word = strsep(&rest, ",");
		if (strncmp(word, "src", 3) == 0)
			info->flags |= 1 << info->dim;
		else if (strncmp(word, "dst", 3) != 0) {
			ret = xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
					   "You must spefify `src' or `dst'.");
			break;
		}
	}
	if (ret == 0 && rest != NULL)
		ret = xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				   "Can't be more src/dst options than %i.",
				   IPSET_DIM_MAX);
	free(copy);
	return ret;
}

void ipset_show_dirs(FILE *out, const struct xt_set_info *info)
{
	char name[IPSET_MAXNAMELEN];

	ipset_by_index(info->index, name);
	fprintf(out, " %s", name);
	for (int i = 1; i <= info->dim; i++)
		fprintf(out, "%s%s", i == 1 ? " " : ",",
			info->flags & (1 << i) ? "src" : "dst");
}
