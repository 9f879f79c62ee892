/*
 * ipset_lookup - set names to kernel indexes and back through the
 * SO_IP_SET socket option, and the "src,dst" direction lists; shared by
 * the set match and the SET target.
 */
#ifndef XT_EXT_IPSET_LOOKUP_H
#define XT_EXT_IPSET_LOOKUP_H

#include <xtables/extension.h>
#include <linux/netfilter/xt_set.h>

/* Index of the set NAME of FAMILY into info->index; -1 (err set) when
 * the set does not exist or ipset cannot be asked. */
int ipset_by_name(struct xtables_err *err, const char *name, uint8_t family,
		  struct xt_set_info *info);
/* Name of the set at INDEX into NAME (IPSET_MAXNAMELEN), "" if unknown. */
void ipset_by_index(ip_set_id_t index, char *name);
/* "src,dst,..." into info->dim and the direction bits of info->flags. */
int ipset_parse_dirs(struct xtables_err *err, struct xt_set_info *info,
		     const char *arg);
/* " NAME src,dst" as -L and save show a set reference. */
void ipset_show_dirs(FILE *out, const struct xt_set_info *info);

#endif
