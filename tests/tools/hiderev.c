/*
 * hiderev.c - an LD_PRELOAD shim for tests: makes the kernel look as if
 * it lacked some revisions of matches and targets.
 *
 * It wraps getsockopt(): the revision queries IPT_SO_GET_REVISION_MATCH /
 * _TARGET (IPv4) and IP6T_SO_GET_REVISION_MATCH / _TARGET (IPv6) fail
 * for the names and revisions listed in $XT_HIDE_REV; every other call
 * goes to the real getsockopt.  Only the queries are affected: rules
 * already in the kernel, and rules committed, are not.
 *
 * XT_HIDE_REV is a list separated by commas or blanks of
 *     [m:|t:]NAME            every revision: fails with ENOENT, as for
 *                            an extension the kernel does not know
 *     [m:|t:]NAME/REV        one revision: fails with EPROTONOSUPPORT,
 *     [m:|t:]NAME/LO-HI      as for a revision the kernel lacks
 * "m:" limits an item to matches, "t:" to targets (default: both).
 *
 * With XT_HIDE_COMMIT=1 the kernel is also made to refuse a table
 * (IPT_SO_SET_REPLACE / IP6T_SO_SET_REPLACE fail with ENOENT, as for a
 * missing module) that holds a match or target the list hides.
 *
 * With XT_HIDE_LOG=FILE every revision query is appended to FILE as
 * "m:NAME/REV ok" or "t:NAME/REV hidden" (the answer the shim gave or
 * passed on: "ok", "hidden", or "error" for a kernel error).
 *
 * Build: cc -shared -fPIC -o hiderev.so hiderev.c -ldl
 * Use:   XT_HIDE_REV=CT/2 LD_PRELOAD=/path/hiderev.so iptables ...
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

typedef int (*getsockopt_fn)(int, int, int, void *, socklen_t *);

/* Is this a revision query, and for a target? */
static bool revision_query(int level, int optname, bool *target)
{
	if (level == IPPROTO_IP &&
	    (optname == IPT_SO_GET_REVISION_MATCH ||
	     optname == IPT_SO_GET_REVISION_TARGET)) {
		*target = optname == IPT_SO_GET_REVISION_TARGET;
		return true;
	}
	if (level == IPPROTO_IPV6 &&
	    (optname == IP6T_SO_GET_REVISION_MATCH ||
	     optname == IP6T_SO_GET_REVISION_TARGET)) {
		*target = optname == IP6T_SO_GET_REVISION_TARGET;
		return true;
	}
	return false;
}

/* Does one list item (item[0..len)) hide name/rev?  0 if not, else the
 * errno to fail with. */
static int item_hides(const char *item, size_t len, bool target,
		      const char *name, unsigned int rev)
{
	const char *slash;
	size_t nlen;
	unsigned long lo, hi;
	char *end;

	if (len >= 2 && item[1] == ':' && (item[0] == 'm' || item[0] == 't')) {
		if ((item[0] == 't') != target)
			return 0;
		item += 2;
		len -= 2;
	}
	slash = memchr(item, '/', len);
	nlen = slash ? (size_t)(slash - item) : len;
	if (nlen != strlen(name) || strncmp(item, name, nlen) != 0)
		return 0;
	if (slash == NULL)
		return ENOENT;
	lo = strtoul(slash + 1, &end, 10);
	hi = lo;
	if (*end == '-')
		hi = strtoul(end + 1, &end, 10);
	if (end != item + len)
		return 0;		/* malformed: hides nothing */
	return rev >= lo && rev <= hi ? EPROTONOSUPPORT : 0;
}

static int hidden(bool target, const char *name, unsigned int rev)
{
	const char *list = getenv("XT_HIDE_REV");
	const char *seps = ", \t\n";

	if (list == NULL)
		return 0;
	while (*list) {
		size_t len;
		int e;

		list += strspn(list, seps);
		len = strcspn(list, seps);
		if (len == 0)
			break;
		e = item_hides(list, len, target, name, rev);
		if (e != 0)
			return e;
		list += len;
	}
	return 0;
}

/* A table being committed: does an entry use a hidden extension? */
static bool replace_uses_hidden(const void *optval, socklen_t optlen,
				size_t hdr, size_t entry_size,
				size_t off_target_offset, size_t off_next_offset)
{
	const unsigned char *p = optval;
	unsigned int size;
	size_t at;

	if (optlen < hdr)
		return false;
	/* ipt_replace and ip6t_replace agree up to the entries */
	memcpy(&size, p + offsetof(struct ipt_replace, size), sizeof(size));
	if (size > optlen - hdr)
		return false;
	p += hdr;
	for (at = 0; at + entry_size <= size;) {
		uint16_t toff, noff;
		size_t m;

		memcpy(&toff, p + at + off_target_offset, sizeof(toff));
		memcpy(&noff, p + at + off_next_offset, sizeof(noff));
		if (noff < entry_size || at + noff > size || toff > noff ||
		    toff + sizeof(struct xt_entry_target) > noff)
			return false;
		for (m = entry_size; m + sizeof(struct xt_entry_match) <= toff;) {
			const struct xt_entry_match *em = (const void *)(p + at + m);

			if (em->u.match_size < sizeof(*em))
				break;
			if (strnlen(em->u.user.name, sizeof(em->u.user.name)) <
			    sizeof(em->u.user.name) &&
			    hidden(false, em->u.user.name, em->u.user.revision))
				return true;
			m += em->u.match_size;
		}
		{
			const struct xt_entry_target *et =
				(const void *)(p + at + toff);

			if (et->u.user.name[0] != '\0' &&
			    strnlen(et->u.user.name, sizeof(et->u.user.name)) <
			    sizeof(et->u.user.name) &&
			    hidden(true, et->u.user.name, et->u.user.revision))
				return true;
		}
		at += noff;
	}
	return false;
}

int setsockopt(int fd, int level, int optname, const void *optval,
	       socklen_t optlen)
{
	typedef int (*setsockopt_fn)(int, int, int, const void *, socklen_t);
	static setsockopt_fn real;
	const char *commit = getenv("XT_HIDE_COMMIT");
	bool refuse = false;

	if (real == NULL)
		real = (setsockopt_fn)dlsym(RTLD_NEXT, "setsockopt");
	if (real == NULL) {
		errno = ENOSYS;
		return -1;
	}
	if (commit != NULL && strcmp(commit, "1") == 0 && optval != NULL) {
		if (level == IPPROTO_IP && optname == IPT_SO_SET_REPLACE)
			refuse = replace_uses_hidden(optval, optlen,
				offsetof(struct ipt_replace, entries),
				sizeof(struct ipt_entry),
				offsetof(struct ipt_entry, target_offset),
				offsetof(struct ipt_entry, next_offset));
		else if (level == IPPROTO_IPV6 && optname == IP6T_SO_SET_REPLACE)
			refuse = replace_uses_hidden(optval, optlen,
				offsetof(struct ip6t_replace, entries),
				sizeof(struct ip6t_entry),
				offsetof(struct ip6t_entry, target_offset),
				offsetof(struct ip6t_entry, next_offset));
	}
	if (refuse) {
		errno = ENOENT;
		return -1;
	}
	return real(fd, level, optname, optval, optlen);
}

static void log_query(bool target, const struct xt_get_revision *req,
		      const char *answer)
{
	const char *path = getenv("XT_HIDE_LOG");
	FILE *f;

	if (path == NULL || path[0] == '\0')
		return;
	f = fopen(path, "ae");
	if (f == NULL)
		return;
	fprintf(f, "%c:%s/%u %s\n", target ? 't' : 'm', req->name,
		(unsigned int)req->revision, answer);
	fclose(f);
}

int getsockopt(int fd, int level, int optname, void *optval,
	       socklen_t *optlen)
{
	static getsockopt_fn real;
	bool target;

	if (real == NULL)
		real = (getsockopt_fn)dlsym(RTLD_NEXT, "getsockopt");
	if (real == NULL) {
		errno = ENOSYS;
		return -1;
	}
	if (optval != NULL && optlen != NULL &&
	    *optlen >= sizeof(struct xt_get_revision) &&
	    revision_query(level, optname, &target)) {
		struct xt_get_revision req;
		int e;

		int ret;

		memcpy(&req, optval, sizeof(req));
		req.name[sizeof(req.name) - 1] = '\0';
		e = hidden(target, req.name, req.revision);
		if (e != 0) {
			log_query(target, &req, "hidden");
			errno = e;
			return -1;
		}
		ret = real(fd, level, optname, optval, optlen);
		e = errno;
		log_query(target, &req, ret == 0 ? "ok" : "error");
		errno = e;
		return ret;
	}
	return real(fd, level, optname, optval, optlen);
}
