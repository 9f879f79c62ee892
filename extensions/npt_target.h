/*
 * npt_target.h - the IPv6 network prefix translation targets SNPT and
 * DNPT have the same options, data and output but for their names.
 * Linked into both shared objects; not part of libxtables.
 */
#ifndef NPT_TARGET_H
#define NPT_TARGET_H

#include <xtables/extension.h>
#include <linux/netfilter_ipv6/ip6t_NPT.h>

#pragma GCC visibility push(hidden)

extern const struct xtables_option npt_opts[];

void npt_help(FILE *out, const char *name);
int npt_parse(struct xtables_optcall *cb);
/* -L (with the target's name) or save output. */
void npt_print(FILE *out, const char *name, const void *data);
void npt_save(FILE *out, const void *data);

#pragma GCC visibility pop
#endif
