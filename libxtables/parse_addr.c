/*
 * parse_addr.c - addresses and masks of the rule's family: -s / -d lists
 * (numeric, network names, hostnames with all their addresses) and the
 * option types HOST, HOSTMASK, PLEN and PLENMASK.  The family is data
 * (struct xt_addr_family): IPv4 and IPv6 go through the same code.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "option_core.h"

struct xt_addr_family xt_addr_family_of(uint8_t nfproto)
{
	if (nfproto == NFPROTO_IPV6)
		return (struct xt_addr_family){ AF_INET6, 16, 128 };
	return (struct xt_addr_family){ AF_INET, 4, 32 };
}

struct xt_addr_family xt_addr_family_from(const struct xtables_family *fam)
{
	if (fam == NULL)
		return xt_addr_family_of(NFPROTO_IPV4);
	return (struct xt_addr_family){ fam->af, fam->addr_len, fam->max_plen };
}

void xt_plen_to_mask(unsigned int plen, union nf_inet_addr *mask)
{
	memset(mask, 0, sizeof(*mask));
	for (unsigned int i = 0; i < 16 && plen > 0; i++) {
		unsigned int bits = plen >= 8 ? 8 : plen;

		((uint8_t *)mask)[i] = (uint8_t)(0xff00 >> bits);
		plen -= bits;
	}
}

int xt_mask_to_plen(const struct xt_addr_family *af,
		    const union nf_inet_addr *mask)
{
	const uint8_t *m = (const uint8_t *)mask;
	unsigned int i = 0, plen = 0;

	while (i < af->addr_len && m[i] == 0xff) {
		plen += 8;
		i++;
	}
	if (i < af->addr_len) {
		uint8_t b = m[i];

		while (b & 0x80) {
			plen++;
			b <<= 1;
		}
		if (b != 0)
			return -1;
		for (i++; i < af->addr_len; i++)
			if (m[i] != 0)
				return -1;
	}
	return plen;
}

/* IPv4 numeric as upstream: up to four dot-separated bytes (base 0);
 * an address with fewer is completed with zeros, a mask is not. */
static bool dotted_to_addr(const char *s, bool is_mask, union nf_inet_addr *out)
{
	uint8_t *b = (uint8_t *)out;
	unsigned int byte;
	char buf[20], *p, *q;
	size_t len = strnlen(s, sizeof(buf) - 1);

	memcpy(buf, s, len);	/* as snprintf "%s": cut to 19 characters */
	buf[len] = '\0';
	memset(out, 0, sizeof(*out));
	p = buf;
	for (int i = 0; i < 3; i++) {
		q = strchr(p, '.');
		if (q == NULL) {
			if (is_mask || !xt_strtoui(p, &byte, 0, UINT8_MAX))
				return false;
			b[i] = byte;
			return true;
		}
		*q = '\0';
		if (!xt_strtoui(p, &byte, 0, UINT8_MAX))
			return false;
		b[i] = byte;
		p = q + 1;
	}
	if (!xt_strtoui(p, &byte, 0, UINT8_MAX))
		return false;
	b[3] = byte;
	return true;
}

static bool numeric_addr(const struct xt_addr_family *af, const char *s,
			 bool is_mask, union nf_inet_addr *out)
{
	if (af->af == AF_INET)
		return dotted_to_addr(s, is_mask, out);
	memset(out, 0, sizeof(*out));
	return inet_pton(af->af, s, out) == 1;
}

bool xt_numeric_to_addr(const struct xt_addr_family *af, const char *s,
			union nf_inet_addr *out)
{
	return numeric_addr(af, s, false, out);
}

int xt_parse_mask(const struct xt_addr_family *af, const char *s,
		  union nf_inet_addr *mask, struct xtables_err *err)
{
	unsigned int bits;

	if (s == NULL) {
		xt_plen_to_mask(af->max_plen, mask);
		return 0;
	}
	if (numeric_addr(af, s, true, mask))
		return 0;
	if (!xt_strtoui(s, &bits, 0, af->max_plen))
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "invalid mask `%s' specified", s);
	xt_plen_to_mask(bits, mask);
	return 0;
}

static bool mask_is_zero(const union nf_inet_addr *m)
{
	static const union nf_inet_addr zero;

	return memcmp(m, &zero, sizeof(zero)) == 0;
}

/* Addresses of a host or network name: numeric, /etc/networks (IPv4),
 * then the resolver.  Returns a malloc'ed array, or NULL with err set. */
static union nf_inet_addr *host_network(const struct xt_addr_family *af,
					const char *name, unsigned int *n,
					struct xtables_err *err)
{
	struct addrinfo hints = { .ai_family = af->af, .ai_socktype = SOCK_RAW };
	struct addrinfo *res, *p;
	union nf_inet_addr one, *addrs;
	unsigned int i;

	if (numeric_addr(af, name, false, &one)) {
		addrs = malloc(sizeof(*addrs));
		if (addrs == NULL)
			goto oom;
		*addrs = one;
		*n = 1;
		return addrs;
	}
	if (af->af == AF_INET) {
		struct netent *net = getnetbyname(name);

		if (net != NULL && net->n_addrtype == AF_INET) {
			addrs = calloc(1, sizeof(*addrs));
			if (addrs == NULL)
				goto oom;
			addrs->ip = htonl(net->n_net);
			*n = 1;
			return addrs;
		}
	}
	if (getaddrinfo(name, NULL, &hints, &res) != 0)
		goto notfound;
	for (*n = 0, p = res; p != NULL; p = p->ai_next)
		++*n;
	addrs = calloc(*n ? *n : 1, sizeof(*addrs));
	if (addrs == NULL) {
		freeaddrinfo(res);
		goto oom;
	}
	for (i = 0, p = res; p != NULL; p = p->ai_next, i++) {
		if (af->af == AF_INET6)
			memcpy(&addrs[i],
			       &((struct sockaddr_in6 *)p->ai_addr)->sin6_addr, 16);
		else
			memcpy(&addrs[i],
			       &((struct sockaddr_in *)p->ai_addr)->sin_addr, 4);
	}
	freeaddrinfo(res);
	if (*n == 0) {
		free(addrs);
		goto notfound;
	}
	return addrs;
notfound:
	xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
		     "host/network `%s' not found", name);
	return NULL;
oom:
	xtables_fail(err, XTABLES_RESOURCE_PROBLEM, "out of memory");
	return NULL;
}

static void apply_mask(union nf_inet_addr *a, const union nf_inet_addr *m)
{
	for (int k = 0; k < 4; k++)
		a->all[k] &= m->all[k];
}

static int addrs_grow(struct xtables_addrs *out, unsigned int n)
{
	union nf_inet_addr *a = realloc(out->addr, n * sizeof(*a));

	if (a == NULL)
		return -1;
	out->addr = a;
	a = realloc(out->masks, n * sizeof(*a));
	if (a == NULL)
		return -1;
	out->masks = a;
	return 0;
}

/* A plain decimal number of at most maxdigits digits, no leading zero,
 * at s; its end in *end. */
static bool plain_decimal(const char *s, unsigned int maxdigits,
			  unsigned int *value, const char **end)
{
	unsigned int v = 0, n = 0;

	if (s[0] == '0') {
		*value = 0;
		*end = s + 1;
		return !(s[1] >= '0' && s[1] <= '9') && s[1] != 'x' &&
		       s[1] != 'X';
	}
	for (; *s >= '0' && *s <= '9'; s++)
		if (++n > maxdigits)
			return false;
		else
			v = v * 10 + (unsigned int)(*s - '0');
	*value = v;
	*end = s;
	return n > 0;
}

/* "a.b.c.d" or "a.b.c.d/len", each number plain decimal: by far the
 * most common -s / -d.  Gives what the general path gives for it; false
 * for anything else. */
static bool plain_ipv4(const char *s, union nf_inet_addr *addr,
		       union nf_inet_addr *mask)
{
	uint8_t *b = (uint8_t *)addr;
	unsigned int v, plen = 32;

	memset(addr, 0, sizeof(*addr));
	for (int i = 0; i < 4; i++) {
		if (!plain_decimal(s, 3, &v, &s) || v > UINT8_MAX ||
		    (i < 3 && *s != '.'))
			return false;
		b[i] = (uint8_t)v;
		if (i < 3)
			s++;
	}
	if (*s == '/' &&
	    (!plain_decimal(s + 1, 2, &plen, &s) || plen > 32))
		return false;
	if (*s != '\0')
		return false;
	xt_plen_to_mask(plen, mask);
	apply_mask(addr, mask);
	return true;
}

int xtables_parse_addr_list(const struct xtables_family *fam,
			    const char *arg, struct xtables_addrs *out,
			    struct xtables_err *err)
{
	struct xt_addr_family af = xt_addr_family_from(fam);
	const char *loop = arg, *next;
	char buf[256], *slash;

	memset(out, 0, sizeof(*out));
	if (af.af == AF_INET && arg[0] >= '0' && arg[0] <= '9') {
		union nf_inet_addr addr, mask;

		if (plain_ipv4(arg, &addr, &mask)) {
			if (addrs_grow(out, 1) != 0) {
				xtables_addrs_free(out);
				return xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
						    "out of memory");
			}
			out->addr[0] = addr;
			out->masks[0] = out->mask = mask;
			out->n = 1;
			return 0;
		}
	}
	for (;;) {
		union nf_inet_addr mask, *found;
		unsigned int n, len;

		while (isspace((unsigned char)*loop))
			++loop;
		next = strchr(loop, ',');
		len = next != NULL ? (unsigned int)(next - loop) : strlen(loop);
		if (len > sizeof(buf) - 1) {
			xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				     "Hostname too long");
			goto fail;
		}
		memcpy(buf, loop, len);
		buf[len] = '\0';
		slash = strrchr(buf, '/');
		if (slash != NULL)
			*slash++ = '\0';
		if (xt_parse_mask(&af, slash, &mask, err) != 0)
			goto fail;
		/* a null mask ignores the name, as in "any/0" */
		if (mask_is_zero(&mask))
			strcpy(buf, af.af == AF_INET ? "0.0.0.0" : "::");
		found = host_network(&af, buf, &n, err);
		if (found == NULL)
			goto fail;
		if (addrs_grow(out, out->n + n) != 0) {
			free(found);
			xtables_fail(err, XTABLES_RESOURCE_PROBLEM,
				     "out of memory");
			goto fail;
		}
		for (unsigned int j = 0; j < n; j++) {
			out->addr[out->n + j] = found[j];
			apply_mask(&out->addr[out->n + j], &mask);
			out->masks[out->n + j] = mask;
		}
		out->n += n;
		free(found);
		if (next == NULL)
			break;
		loop = next + 1;
	}
	out->mask = out->masks[0];
	return 0;
fail:
	xtables_addrs_free(out);
	return -1;
}

void xtables_addrs_free(struct xtables_addrs *a)
{
	free(a->addr);
	free(a->masks);
	a->addr = a->masks = NULL;
	a->n = 0;
}

/* ---- option types ---- */

int xt_parse_host(const struct xt_addr_family *af,
		  const struct xtables_option *opt, const char *ext_name,
		  const char *arg, union xtables_optval *val,
		  struct xtables_err *err)
{
	struct addrinfo hints = { .ai_family = af->af };
	struct addrinfo *res, *p;
	unsigned int count = 0;
	int ret;

	(void)opt;
	(void)ext_name;
	ret = getaddrinfo(arg, NULL, &hints, &res);
	if (ret != 0)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "getaddrinfo: %s\n", gai_strerror(ret));
	memset(&val->hmask, 0xff, sizeof(val->hmask));
	val->hlen = af->max_plen;
	for (p = res; p != NULL; p = p->ai_next) {
		const void *a = af->af == AF_INET6 ?
			(const void *)&((struct sockaddr_in6 *)p->ai_addr)->sin6_addr :
			(const void *)&((struct sockaddr_in *)p->ai_addr)->sin_addr;

		if (count++ == 0) {
			memset(&val->haddr, 0, sizeof(val->haddr));
			memcpy(&val->haddr, a, af->addr_len);
			continue;
		}
		if (memcmp(&val->haddr, a, af->addr_len) != 0) {
			freeaddrinfo(res);
			return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				"%s resolves to more than one address\n", arg);
		}
	}
	freeaddrinfo(res);
	return 0;
}

/* A mask in address form ("255.255.255.0"); false if not one. */
static bool full_mask(const struct xt_addr_family *af, const char *arg,
		      union nf_inet_addr *val_mask, uint8_t *hlen)
{
	struct addrinfo hints = { .ai_family = af->af,
				  .ai_flags = AI_NUMERICHOST };
	struct addrinfo *res;

	if (getaddrinfo(arg, NULL, &hints, &res) != 0)
		return false;
	if (res->ai_family == AF_INET6)
		memcpy(val_mask, &((struct sockaddr_in6 *)res->ai_addr)->sin6_addr, 16);
	else
		memcpy(val_mask, &((struct sockaddr_in *)res->ai_addr)->sin_addr, 4);
	*hlen = (uint8_t)xt_mask_to_plen(af, val_mask);
	freeaddrinfo(res);
	return true;
}

int xt_parse_plen(const struct xt_addr_family *af,
		  const struct xtables_option *opt, const char *ext_name,
		  const char *arg, union xtables_optval *val,
		  struct xtables_err *err)
{
	unsigned int plen;

	val->hlen = af->max_plen;
	if (!xt_strtoui(arg, &plen, 0, af->max_plen)) {
		if (full_mask(af, arg, &val->hmask, &val->hlen))
			return 0;
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"%s: bad value for option \"--%s\", neither a valid network mask nor valid CIDR (%u-%u).\n",
			ext_name, opt->name, 0, af->max_plen);
	}
	val->hlen = plen;
	return 0;
}

int xt_parse_plenmask(const struct xt_addr_family *af,
		      const struct xtables_option *opt, const char *ext_name,
		      const char *arg, union xtables_optval *val,
		      struct xtables_err *err)
{
	if (xt_parse_plen(af, opt, ext_name, arg, val, err) != 0)
		return -1;
	/* a mask that is no prefix stays as given */
	if (val->hlen == (uint8_t)-1)
		return 0;
	xt_plen_to_mask(val->hlen, &val->hmask);
	return 0;
}

int xt_parse_hostmask(const struct xt_addr_family *af,
		      const struct xtables_option *opt, const char *ext_name,
		      const char *arg, union xtables_optval *val,
		      struct xtables_err *err)
{
	const char *slash = strchr(arg, '/');
	char *host;
	int ret;

	if (slash == NULL)
		return xt_parse_host(af, opt, ext_name, arg, val, err);
	host = strndup(arg, slash - arg);
	if (host == NULL)
		return xtables_fail(err, XTABLES_RESOURCE_PROBLEM, "out of memory");
	ret = xt_parse_host(af, opt, ext_name, host, val, err);
	free(host);
	if (ret != 0)
		return ret;
	return xt_parse_plenmask(af, opt, ext_name, slash + 1, val, err);
}
