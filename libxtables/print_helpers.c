/*
 * print_helpers.c - text forms extensions and printers share: quoting
 * for save, port and address names, masks.
 */
#include <arpa/inet.h>
#include <stddef.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include "option_core.h"

/*
 * Output without printf formats.  Listing or saving a large table calls
 * the printers several times for each of its rules; parsing a format
 * string each time (and stdio's general write path for a few bytes)
 * was most of the time spent in userspace.
 */

void xtables_put(FILE *out, const char *s, size_t len)
{
#ifdef __GLIBC__
	/* What putc_unlocked() does a byte at a time: straight into the
	 * stream's buffer while it has room.  A line-buffered or unbuffered
	 * stream never has room there, so those take the general path. */
	ptrdiff_t room = out->_IO_write_end - out->_IO_write_ptr;

	if (room >= 0 && (size_t)room >= len) {
		char *p = out->_IO_write_ptr;

		/* most pieces are short: two overlapping fixed-size copies
		 * (inlined moves) instead of a call to memcpy */
		if (len >= 8 && len <= 16) {
			memcpy(p, s, 8);
			memcpy(p + len - 8, s + len - 8, 8);
		} else if (len >= 4 && len < 8) {
			memcpy(p, s, 4);
			memcpy(p + len - 4, s + len - 4, 4);
		} else if (len < 4) {
			for (size_t i = 0; i < len; i++)
				p[i] = s[i];
		} else {
			memcpy(p, s, len);
		}
		out->_IO_write_ptr = p + len;
		return;
	}
#endif
	fwrite_unlocked(s, 1, len, out);
}

void xtables_puts(FILE *out, const char *s)
{
	xtables_put(out, s, strlen(s));
}

char *xtables_fmt_uint(char *buf, uint64_t n)
{
	unsigned int digits = 1;
	char *p;

	if (n < 10) {
		buf[0] = (char)('0' + n);
		buf[1] = '\0';
		return buf + 1;
	}
	for (uint64_t v = n; v >= 10; v /= 10)
		digits++;
	p = buf + digits;
	*p = '\0';
	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	return buf + digits;
}

void xtables_put_uint(FILE *out, uint64_t n)
{
	char buf[24];

	xtables_put(out, buf, (size_t)(xtables_fmt_uint(buf, n) - buf));
}

/* One byte of a dotted quad, without leading zeros. */
static char *octet_text(char *p, unsigned int b)
{
	if (b >= 100) {
		*p++ = (char)('0' + b / 100);
		b %= 100;
		*p++ = (char)('0' + b / 10);
	} else if (b >= 10) {
		*p++ = (char)('0' + b / 10);
	}
	*p++ = (char)('0' + b % 10);
	return p;
}

/* "a.b.c.d" into buf (16 bytes); returns the end (the NUL written). */
static char *ipv4_text(char *buf, const union nf_inet_addr *a)
{
	const uint8_t *b = (const uint8_t *)a;
	char *p = buf;

	for (unsigned int i = 0; i < 4; i++) {
		if (i)
			*p++ = '.';
		p = octet_text(p, b[i]);
	}
	*p = '\0';
	return p;
}

/* src into buf of len bytes, cut as snprintf("%s") cuts it. */
static const char *copy_cut(char *buf, size_t len, const char *src)
{
	size_t n = strlen(src);

	if (len == 0)
		return buf;
	if (n >= len)
		n = len - 1;
	memcpy(buf, src, n);
	buf[n] = '\0';
	return buf;
}

void xtables_put_addr(FILE *out, uint8_t family, const union nf_inet_addr *a)
{
	char buf[INET6_ADDRSTRLEN];

	if (family != NFPROTO_IPV6) {
		xtables_put(out, buf, (size_t)(ipv4_text(buf, a) - buf));
		return;
	}
	xtables_puts(out, xtables_addr_to_text(family, a, buf, sizeof(buf)));
}

/* The characters save writes without quotes: letters, digits, '_', '-'. */
static bool plain_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

void xtables_save_string(FILE *out, const char *s)
{
	size_t n = 0;
	const char *p;

	while (plain_char((unsigned char)s[n]))
		n++;

	if (n > 0 && s[n] == '\0') {
		putc_unlocked(' ', out);
		xtables_put(out, s, n);
		return;
	}
	xtables_put(out, " \"", 2);
	while ((p = strpbrk(s, "\"\\'")) != NULL) {
		xtables_put(out, s, (size_t)(p - s));
		putc_unlocked('\\', out);
		putc_unlocked(*p, out);
		s = p + 1;
	}
	xtables_puts(out, s);
	putc_unlocked('"', out);
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
	if (len >= 6) {
		xtables_fmt_uint(buf, port);
	} else {
		char tmp[8];

		xtables_fmt_uint(tmp, port);
		copy_cut(buf, len, tmp);
	}
	return buf;
}

void xtables_print_port_range(FILE *out, const char *word,
			      const uint16_t ports[2], bool invert,
			      const char *proto, bool numeric)
{
	char a[32];

	if (ports[0] == 0 && ports[1] == 0xFFFF && !invert)
		return;
	putc_unlocked(' ', out);
	xtables_puts(out, word);
	if (ports[0] != ports[1])
		putc_unlocked('s', out);
	putc_unlocked(':', out);
	if (invert)
		putc_unlocked('!', out);
	xtables_puts(out, xtables_port_name(ports[0], proto, numeric, a,
					    sizeof(a)));
	if (ports[0] != ports[1]) {
		putc_unlocked(':', out);
		xtables_puts(out, xtables_port_name(ports[1], proto, numeric,
						    a, sizeof(a)));
	}
}

void xtables_save_port_range(FILE *out, const char *opt,
			     const uint16_t ports[2], bool invert)
{
	if (invert)
		xtables_put(out, " !", 2);
	xtables_put(out, " --", 3);
	xtables_puts(out, opt);
	putc_unlocked(' ', out);
	xtables_put_uint(out, ports[0]);
	if (ports[0] != ports[1]) {
		putc_unlocked(':', out);
		xtables_put_uint(out, ports[1]);
	}
}

const char *xtables_addr_to_text(uint8_t family, const union nf_inet_addr *a,
				 char *buf, size_t len)
{
	struct xt_addr_family af = xt_addr_family_of(family);

	if (af.af == AF_INET) {
		char tmp[INET_ADDRSTRLEN];

		if (len >= INET_ADDRSTRLEN)
			ipv4_text(buf, a);
		else
			copy_cut(buf, len, (ipv4_text(tmp, a), tmp));
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
	else {
		char tmp[8];

		tmp[0] = '/';
		xtables_fmt_uint(tmp + 1, (unsigned int)plen);
		copy_cut(buf, len, tmp);
	}
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
