/*
 * ip6_opts.c - parsing and printing of the hbh / dst matches' data
 * (see ip6_opts.h).  An option is kept as (type << 8 | length), with
 * length 0xFF meaning "any length".
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "ip6_opts.h"

/* One number of the list, as upstream reads it (strtoul, base 0). */
static int opts_number(struct xtables_optcall *cb,
		       const struct ip6_opts_kind *k, const char *s,
		       const char *what, unsigned long *v)
{
	char *end;

	errno = 0;
	*v = strtoul(s, &end, 0);
	if (end == s)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "%s: no valid digits in %s `%s'",
				    k->name, what, s);
	if (*v == ULONG_MAX && errno == ERANGE)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "%s `%s' specified too big: would overflow",
				    what, s);
	if (*end != '\0')
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "%s: error parsing %s `%s'", k->name, what, s);
	return 0;
}

/* "TYPE[:LEN][,TYPE[:LEN]...]" into info->opts / optsnr. */
static int parse_list(struct xtables_optcall *cb,
		      const struct ip6_opts_kind *k, struct ip6t_opts *info)
{
	char *buf = strdup(cb->arg), *item = buf, *next, *len;
	unsigned int n = 0;
	unsigned long v;
	int ret = -1;

	if (buf == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "out of memory");
	for (; item != NULL && n < IP6T_OPTS_OPTSNR; item = next, n++) {
		next = strchr(item, ',');
		if (next != NULL)
			*next++ = '\0';
		len = strchr(item, ':');
		if (len != NULL) {
			if (n == IP6T_OPTS_OPTSNR - 1) {
				xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					     "too many ports specified");
				goto out;
			}
			*len++ = '\0';
		}
		if (opts_number(cb, k, item, "opt", &v) != 0)
			goto out;
		info->opts[n] = (v & 0xFF) << 8;
		if (len == NULL) {
			info->opts[n] |= 0xFF;
			continue;
		}
		if (info->opts[n] == 0) {
			xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM, "%s",
				     k->pad0_msg);
			goto out;
		}
		if (opts_number(cb, k, len, "length", &v) != 0)
			goto out;
		info->opts[n] |= v & 0xFF;
	}
	if (item != NULL) {
		xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			     "too many addresses specified");
		goto out;
	}
	info->optsnr = n;
	ret = 0;
out:
	free(buf);
	return ret;
}

int ip6_opts_parse(struct xtables_optcall *cb, const struct ip6_opts_kind *k)
{
	struct ip6t_opts *info = cb->data;

	switch (cb->opt->id) {
	case OPTS_O_LEN:
		if (cb->invert)
			info->invflags |= IP6T_OPTS_INV_LEN;
		info->flags |= IP6T_OPTS_LEN;
		break;
	case OPTS_O_OPTS:
		if (parse_list(cb, k, info) != 0)
			return -1;
		info->flags |= IP6T_OPTS_OPTS;
		break;
	}
	return 0;
}

static void print_list(FILE *out, const struct ip6t_opts *info)
{
	for (unsigned int i = 0; i < info->optsnr && i < IP6T_OPTS_OPTSNR; i++) {
		fprintf(out, "%c%d", i == 0 ? ' ' : ',', info->opts[i] >> 8);
		if ((info->opts[i] & 0xFF) != 0xFF)
			fprintf(out, ":%d", info->opts[i] & 0xFF);
	}
}

void ip6_opts_print(FILE *out, const struct ip6_opts_kind *k,
		    const struct ip6t_opts *info)
{
	fprintf(out, " %s", k->name);
	if (info->flags & IP6T_OPTS_LEN)
		fprintf(out, " length:%s%u",
			info->invflags & IP6T_OPTS_INV_LEN ? "!" : "",
			info->hdrlen);
	if (info->flags & IP6T_OPTS_OPTS)
		fputs(" opts", out);
	print_list(out, info);
	if (info->invflags & ~IP6T_OPTS_INV_MASK)
		fprintf(out, " Unknown invflags: 0x%X",
			info->invflags & ~IP6T_OPTS_INV_MASK);
}

void ip6_opts_save(FILE *out, const struct ip6_opts_kind *k,
		   const struct ip6t_opts *info)
{
	if (info->flags & IP6T_OPTS_LEN)
		fprintf(out, "%s %s %u",
			info->invflags & IP6T_OPTS_INV_LEN ? " !" : "",
			k->len_opt, info->hdrlen);
	if (info->flags & IP6T_OPTS_OPTS)
		fprintf(out, " %s", k->opts_opt);
	print_list(out, info);
}
