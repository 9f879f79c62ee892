/*
 * parse_port.c - ports: numbers or service names.  Two flavours exist
 * upstream and both are observable: xtables_parse_port() (strict number
 * 0-65535 or getservbyname for a protocol, used by tcp) and the option
 * core's PORT / PORTRC types (getaddrinfo's service lookup).
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include "option_core.h"

int xtables_parse_port(const char *s, const char *proto)
{
	struct servent *se;
	unsigned int port;

	if (xt_strtoui(s, &port, 0, UINT16_MAX))
		return port;
	se = getservbyname(s, proto);
	if (se != NULL)
		return ntohs((uint16_t)se->s_port);
	return -1;
}

/* A decimal service is what getaddrinfo itself turns into a port
 * without any lookup (strtoul base 10 over the whole string, then
 * htons of the value, so truncated to 16 bits).  Doing that here saves
 * getaddrinfo's sockets and netlink requests per port (a restore of
 * many rules spends most of its time there otherwise).  Only plain
 * digit strings short enough not to overflow take this path. */
static int port_by_number(const char *name)
{
	unsigned long v = 0;
	size_t i;

	for (i = 0; name[i] >= '0' && name[i] <= '9'; i++) {
		if (i == 9)
			return -1;
		v = v * 10 + (unsigned long)(name[i] - '0');
	}
	if (i == 0 || name[i] != '\0')
		return -1;
	return (int)(v & 0xffff);
}

int xt_port_by_service(const char *name)
{
	struct addrinfo *res = NULL, *p;
	int ret = port_by_number(name);

	if (ret >= 0)
		return ret;
	if (getaddrinfo(NULL, name, NULL, &res) != 0)
		return -1;
	for (p = res; p != NULL; p = p->ai_next) {
		if (p->ai_family == AF_INET6) {
			ret = ((struct sockaddr_in6 *)p->ai_addr)->sin6_port;
			break;
		}
		if (p->ai_family == AF_INET) {
			ret = ((struct sockaddr_in *)p->ai_addr)->sin_port;
			break;
		}
	}
	freeaddrinfo(res);
	return ret < 0 ? ret : ntohs((uint16_t)ret);
}

int xt_parse_port_opt(const struct xtables_option *opt, const char *ext_name,
		      const char *arg, union xtables_optval *val,
		      uint8_t *nvals, struct xtables_err *err)
{
	int port = xt_port_by_service(arg);

	(void)ext_name;
	(void)nvals;
	if (port < 0)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"Port \"%s\" does not resolve to anything.\n", arg);
	val->port = (opt->flags & XTOPT_NBO) ? htons(port) : port;
	return 0;
}

int xt_parse_portrc_opt(const struct xtables_option *opt, const char *ext_name,
			const char *arg, union xtables_optval *val,
			uint8_t *nvals, struct xtables_err *err)
{
	unsigned int maxiter = opt->size / 2;
	char *copy = strdup(arg), *work = copy, *part;
	int prev = 0;

	if (copy == NULL)
		return xtables_fail(err, XTABLES_RESOURCE_PROBLEM, "out of memory");
	if (maxiter == 0)
		maxiter = 2;
	val->port_range[0] = 0;
	val->port_range[1] = UINT16_MAX;
	*nvals = 0;
	while ((part = strsep(&work, ":")) != NULL) {
		int port;

		if (*nvals == maxiter) {
			xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				"%s: Too many components for option \"--%s\" (max: %u)\n",
				ext_name, opt->name, maxiter);
			goto fail;
		}
		if (*part == '\0') {
			++*nvals;
			continue;
		}
		port = xt_port_by_service(part);
		if (port < 0) {
			xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				"Port \"%s\" does not resolve to anything.\n", part);
			goto fail;
		}
		if (port < prev) {
			xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				"Port range %d-%d is negative.\n", prev, port);
			goto fail;
		}
		prev = port;
		if (opt->flags & XTOPT_NBO)
			port = htons(port);
		if (*nvals < 2)
			val->port_range[*nvals] = port;
		++*nvals;
	}
	if (*nvals == 1) {
		val->port_range[1] = val->port_range[0];
		++*nvals;
	}
	free(copy);
	return 0;
fail:
	free(copy);
	return -1;
}

static int port_of(const char *s, const char *proto, uint16_t *port,
		   struct xtables_err *err)
{
	int p = xtables_parse_port(s, proto);

	if (p < 0)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "invalid port/service `%s' specified", s);
	*port = p;
	return 0;
}

int xtables_parse_port_range(const char *arg, const char *proto,
			     uint16_t ports[2], struct xtables_err *err)
{
	char *buf = strdup(arg), *colon;
	int ret = -1;

	if (buf == NULL)
		return xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
				    "out of memory");
	colon = strchr(buf, ':');
	if (colon == NULL) {
		if (port_of(buf, proto, &ports[0], err) == 0) {
			ports[1] = ports[0];
			ret = 0;
		}
		goto out;
	}
	*colon++ = '\0';
	ports[0] = 0;
	ports[1] = 0xFFFF;
	if (buf[0] && port_of(buf, proto, &ports[0], err) != 0)
		goto out;
	if (colon[0] && port_of(colon, proto, &ports[1], err) != 0)
		goto out;
	if (ports[0] > ports[1]) {
		xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			     "invalid portrange (min > max)");
		goto out;
	}
	ret = 0;
out:
	free(buf);
	return ret;
}
