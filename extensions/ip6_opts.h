/*
 * ip6_opts.h - what the hbh and dst matches share: both look at an
 * options extension header (struct ip6t_opts) through a length and a
 * list of TYPE[:LEN] options, and differ only in their names and in the
 * wording of a few messages.  Linked into both extensions' shared
 * objects; not part of libxtables.
 */
#ifndef IP6_OPTS_H
#define IP6_OPTS_H

#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_opts.h>

#pragma GCC visibility push(hidden)

/* Option ids, the same in both tables. */
enum { OPTS_O_LEN, OPTS_O_OPTS };

struct ip6_opts_kind {
	const char *name;	/* "hbh": -L label and message prefix */
	const char *len_opt;	/* "--hbh-len" */
	const char *opts_opt;	/* "--hbh-opts" */
	const char *pad0_msg;	/* upstream's two wordings differ */
};

int ip6_opts_parse(struct xtables_optcall *cb, const struct ip6_opts_kind *k);
void ip6_opts_print(FILE *out, const struct ip6_opts_kind *k,
		    const struct ip6t_opts *info);
void ip6_opts_save(FILE *out, const struct ip6_opts_kind *k,
		   const struct ip6t_opts *info);

#pragma GCC visibility pop
#endif
