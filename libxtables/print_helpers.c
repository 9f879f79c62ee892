/*
 * print_helpers.c - text forms extensions and printers share: quoting
 * for save, port and address names, masks.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include "option_core.h"

void xtables_save_string(FILE *out, const char *s)
{
	static const char plain[] = "_-0123456789"
		"abcdefghijklmnopqrstuvwxyz"
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	size_t n = strspn(s, plain);
	const char *p;

	if (n > 0 && s[n] == '\0') {
		fprintf(out, " %s", s);
		return;
	}
	fputs(" \"", out);
	while ((p = strpbrk(s, "\"\\'")) != NULL) {
		fwrite(s, 1, p - s, out);
		fputc('\\', out);
		fputc(*p, out);
		s = p + 1;
	}
	fputs(s, out);
	fputc('"', out);
}

const char *xtables_port_name(uint16_t port, const char *proto, bool numeric,
			      char *buf, size_t len)
{
	if (!numeric) {
		const struct servent *se = getservbyport(htons(port), proto);

		if (se != NULL) {
			snprintf(buf, len, "%s", se->s_name);
			return buf;
		}
	}
	snprintf(buf, len, "%u", port);
	return buf;
}

void xtables_print_port_range(FILE *out, const char *word,
			      const uint16_t ports[2], bool invert,
			      const char *proto, bool numeric)
{
	char a[32], b[32];
	const char *inv = invert ? "!" : "";

	if (ports[0] == 0 && ports[1] == 0xFFFF && !invert)
		return;
	if (ports[0] == ports[1])
		fprintf(out, " %s:%s%s", word, inv,
			xtables_port_name(ports[0], proto, numeric, a, sizeof(a)));
	else
		fprintf(out, " %ss:%s%s:%s", word, inv,
			xtables_port_name(ports[0], proto, numeric, a, sizeof(a)),
			xtables_port_name(ports[1], proto, numeric, b, sizeof(b)));
}

void xtables_save_port_range(FILE *out, const char *opt,
			     const uint16_t ports[2], bool invert)
{
	if (invert)
		fputs(" !", out);
	if (ports[0] != ports[1])
		fprintf(out, " --%s %u:%u", opt, ports[0], ports[1]);
	else
		fprintf(out, " --%s %u", opt, ports[0]);
}

const char *xtables_addr_to_text(uint8_t family, const union nf_inet_addr *a,
				 char *buf, size_t len)
{
	struct xt_addr_family af = xt_addr_family_of(family);

	if (af.af == AF_INET) {
		const uint8_t *b = (const uint8_t *)a;

		snprintf(buf, len, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
		return buf;
	}
	if (inet_ntop(af.af, a, buf, len) == NULL)
		snprintf(buf, len, "?");
	return buf;
}

int xtables_mask_to_plen(uint8_t family, const union nf_inet_addr *m)
{
	struct xt_addr_family af = xt_addr_family_of(family);

	return xt_mask_to_plen(&af, m);
}

const char *xtables_mask_to_text(uint8_t family, const union nf_inet_addr *m,
				 char *buf, size_t len)
{
	int plen = xtables_mask_to_plen(family, m);
	char tmp[INET6_ADDRSTRLEN];

	if (plen < 0)
		snprintf(buf, len, "/%s",
			 xtables_addr_to_text(family, m, tmp, sizeof(tmp)));
	else
		snprintf(buf, len, "/%d", plen);
	return buf;
}

const char *xtables_addr_to_name(uint8_t family, const union nf_inet_addr *a,
				 char *buf, size_t len)
{
	struct xt_addr_family af = xt_addr_family_of(family);
	char host[NI_MAXHOST];

	if (af.af == AF_INET) {
		struct sockaddr_in sa = { .sin_family = AF_INET };
		struct netent *net;

		memcpy(&sa.sin_addr, a, 4);
		if (getnameinfo((struct sockaddr *)&sa, sizeof(sa), host,
				sizeof(host) - 1, NULL, 0, 0) == 0) {
			snprintf(buf, len, "%s", host);
			return buf;
		}
		net = getnetbyaddr(ntohl(a->ip), AF_INET);
		if (net != NULL) {
			snprintf(buf, len, "%s", net->n_name);
			return buf;
		}
	} else {
		struct sockaddr_in6 sa = { .sin6_family = AF_INET6 };

		memcpy(&sa.sin6_addr, a, 16);
		if (getnameinfo((struct sockaddr *)&sa, sizeof(sa), host,
				sizeof(host) - 1, NULL, 0, 0) == 0) {
			snprintf(buf, len, "%s", host);
			return buf;
		}
	}
	return xtables_addr_to_text(family, a, buf, len);
}
