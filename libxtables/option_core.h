/*
 * option_core.h - internals shared by the files of the option core
 * (registry, loader, instance, typed value parsers, printing helpers).
 * Not installed; nothing here is exported from the library.
 */
#ifndef XTABLES_OPTION_CORE_H
#define XTABLES_OPTION_CORE_H

#include <xtables/rule.h>

/* What address parsing needs to know about a family. */
struct xt_addr_family {
	int af;				/* AF_INET / AF_INET6 */
	unsigned int addr_len;		/* 4 / 16 */
	unsigned int max_plen;		/* 32 / 128 */
};

/* The address description of an nfproto (IPv4 unless IPv6). */
struct xt_addr_family xt_addr_family_of(uint8_t nfproto);
/* ... of a family description (NULL: IPv4). */
struct xt_addr_family xt_addr_family_from(const struct xtables_family *fam);

/* ---- registry.c ---- */

/* Number of registered extensions and the i-th one, in registration order. */
unsigned int xt_registry_count(void);
const struct xtables_ext *xt_registry_get(unsigned int i);
/* Whether an extension named NAME of KIND usable for NFPROTO is registered. */
bool xt_registry_has(enum xtables_ext_kind kind, const char *name,
		     uint8_t nfproto);

/* ---- parse_number.c ---- */

/* Strict parse of a whole string as an unsigned number, base 0: true on
 * success within [min, max]. */
bool xt_strtoui(const char *s, unsigned int *value, unsigned int min,
		unsigned int max);

/* ---- parse_addr.c ---- */

/* Numeric address of the family (IPv4: upstream's dotted form with
 * autocompletion "10.1" -> 10.1.0.0, bytes in base 0); true if parsed. */
bool xt_numeric_to_addr(const struct xt_addr_family *af, const char *s,
			union nf_inet_addr *out);
/* Mask "/N" or dotted/colon mask; -1 with err set on failure. */
int xt_parse_mask(const struct xt_addr_family *af, const char *s,
		  union nf_inet_addr *mask, struct xtables_err *err);
/* Prefix length of a mask, -1 if not contiguous. */
int xt_mask_to_plen(const struct xt_addr_family *af,
		    const union nf_inet_addr *mask);
/* Mask with plen leading one bits. */
void xt_plen_to_mask(unsigned int plen, union nf_inet_addr *mask);

/* Option value parsers for the address types (parse_value.c dispatches). */
int xt_parse_host(const struct xt_addr_family *af,
		  const struct xtables_option *opt, const char *ext_name,
		  const char *arg, union xtables_optval *val,
		  struct xtables_err *err);
int xt_parse_hostmask(const struct xt_addr_family *af,
		      const struct xtables_option *opt, const char *ext_name,
		      const char *arg, union xtables_optval *val,
		      struct xtables_err *err);
int xt_parse_plen(const struct xt_addr_family *af,
		  const struct xtables_option *opt, const char *ext_name,
		  const char *arg, union xtables_optval *val,
		  struct xtables_err *err);
int xt_parse_plenmask(const struct xt_addr_family *af,
		      const struct xtables_option *opt, const char *ext_name,
		      const char *arg, union xtables_optval *val,
		      struct xtables_err *err);

/* ---- parse_port.c ---- */

/* Port via getaddrinfo's service lookup, as the option core's port types
 * do (any number is accepted and truncated to 16 bits); -1 if none. */
int xt_port_by_service(const char *name);
int xt_parse_port_opt(const struct xtables_option *opt, const char *ext_name,
		      const char *arg, union xtables_optval *val,
		      uint8_t *nvals, struct xtables_err *err);
int xt_parse_portrc_opt(const struct xtables_option *opt, const char *ext_name,
			const char *arg, union xtables_optval *val,
			uint8_t *nvals, struct xtables_err *err);

/* ---- parse_proto.c ---- */

int xt_parse_protocol_opt(const char *arg, union xtables_optval *val,
			  struct xtables_err *err);

/* ---- parse_value.c ---- */

/* Size a XTOPT_PUT field of this type must have (0: cannot be stored,
 * SIZE_MAX: any size, strings). */
size_t xt_put_size(enum xtables_opt_type type);
int xt_parse_value_af(const struct xt_addr_family *af,
		      const struct xtables_option *opt, const char *ext_name,
		      const char *arg, union xtables_optval *val,
		      uint8_t *nvals, struct xtables_err *err);
void xt_store_value(const struct xtables_option *opt, const char *arg,
		    const union xtables_optval *val, uint8_t nvals, void *data);

#endif
