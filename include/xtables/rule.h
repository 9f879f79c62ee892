/*
 * xtables/rule.h - building rules from options: the registry of
 * extensions, the option core, and the kernel entry a rule becomes.
 *
 * Used by the programs' command-line and restore parsers; extensions
 * see only xtables/extension.h.
 */
#ifndef XTABLES_RULE_H
#define XTABLES_RULE_H

#include <xtables/family.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- registry and loader ---- */

/* Directory extensions are loaded from: $XTABLES_LIBDIR if set, else
 * the configured $(libdir)/xtables. */
const char *xtables_libdir(void);

/* Find extension NAME of KIND for FAM, loading libxt_NAME.so or
 * libipt_NAME.so (libip6t_ for IPv6) on first use, and choosing the
 * highest revision both this suite and the kernel support.  On failure
 * err holds the reference's text ("Couldn't load match `foo':No such
 * file or directory"), status PARAMETER_PROBLEM.  With quiet, a missing
 * extension returns NULL and leaves err untouched. */
const struct xtables_ext *xtables_find_ext(const struct xtables_family *fam,
					   enum xtables_ext_kind kind,
					   const char *name, bool quiet,
					   struct xtables_err *err);

/* Find the extension that prints/saves a kernel match/target by its
 * kernel name and revision (for rules read back from the kernel);
 * NULL if none.  As upstream, that is the extension xtables_find_ext()
 * chooses for the name (quietly), if it has that revision: a rule of
 * another revision is listed as "[unsupported revision]". */
const struct xtables_ext *xtables_find_ext_rev(const struct xtables_family *fam,
					       enum xtables_ext_kind kind,
					       const char *name,
					       uint8_t revision);

/* ---- one extension used in a rule being parsed ---- */

struct xtables_instance {
	const struct xtables_ext *ext;
	/* kernel form: struct xt_entry_match / xt_entry_target header
	 * (name, revision, size filled in) followed by the data */
	void *blob;
	size_t blob_size;		/* XT_ALIGN'd header + data */
	void *data;			/* = blob + header */
	void *udata;
	unsigned int seen;		/* option ids given */
	bool implicit;			/* loaded by -p, not -m */
};

struct xtables_instance *xtables_instance_new(const struct xtables_ext *ext,
					      struct xtables_err *err);
void xtables_instance_free(struct xtables_instance *inst);

/* Look up a long option of the instance's table; NULL if none. */
const struct xtables_option *
xtables_instance_option(const struct xtables_instance *inst, const char *name);

/* Parse one occurrence of opt with its argument (NULL if none). */
int xtables_instance_parse(struct xtables_instance *inst,
			   const struct xtables_option *opt, const char *arg,
			   bool invert, const struct xtables_rule_ip *ip,
			   struct xtables_err *err);

/* (addition) The same for an XTOPT_ARG2 option: arg2 is the next
 * command-line word if it does not start with '-' or '!' (the caller
 * then skips it), else NULL.  xtables_instance_parse() = arg2 NULL. */
int xtables_instance_parse2(struct xtables_instance *inst,
			    const struct xtables_option *opt, const char *arg,
			    const char *arg2, bool invert,
			    const struct xtables_rule_ip *ip,
			    struct xtables_err *err);

/* After the last option: mandatory options, the "also" relations, and
 * the extension's own check. */
int xtables_instance_final(struct xtables_instance *inst,
			   const struct xtables_rule_ip *ip,
			   struct xtables_err *err);

/* ---- typed value parsers shared by extensions and generic options ---- */

/* Parse arg as opt->type into val; messages as the reference's. */
int xtables_parse_value(const struct xtables_family *fam,
			const struct xtables_option *opt, const char *ext_name,
			const char *arg, union xtables_optval *val,
			uint8_t *nvals, struct xtables_err *err);

/* One address with its mask, as given by -s / -d: "a.b.c.d[/mask]",
 * hostnames resolved (possibly to several addresses). */
struct xtables_addrs {
	unsigned int n;
	union nf_inet_addr *addr;	/* n entries, already masked */
	union nf_inet_addr mask;
	/* (addition) n entries: masks[i] is the mask of addr[i] - items of
	 * a comma list may have different masks; mask == masks[0]. */
	union nf_inet_addr *masks;
};
/* Parse a comma-separated -s/-d list into one or more address sets.
 * (addition) The result is one struct holding all addresses in
 * upstream's order (list items left to right, a hostname expanded to
 * all its addresses in resolver order, no duplicates removed), each with
 * its own mask in masks[].  Returns 0, or -1 with err set. */
int xtables_parse_addr_list(const struct xtables_family *fam,
			    const char *arg, struct xtables_addrs *out,
			    struct xtables_err *err);
void xtables_addrs_free(struct xtables_addrs *a);

/* -i / -o: name with "+" wildcard into name and mask.
 * (addition) Errors: "Empty interface is likely to be undesired",
 * "interface name `%s' must be shorter than 16 characters".  A name with
 * '/' or ' ' is accepted; upstream's "Warning: weird character in
 * interface ..." is printed by the caller. */
int xtables_parse_iface(const char *arg, char *name, unsigned char *mask,
			struct xtables_err *err);

/* -p: name, number or "all"; 0 = any.  (addition) The name is taken as
 * given: upstream lowercases -p's argument in the command parser first.
 * Error: "unknown protocol \"%s\" specified". */
int xtables_parse_protocol(const char *arg, uint16_t *proto,
			   struct xtables_err *err);

/* ---- a rule as a kernel entry ---- */

/* Build the kernel entry for ip + matches + target.  target is the
 * target instance or NULL; jump is a chain name or standard verdict
 * name used when target is NULL (standard target). */
void *xtables_entry_build(const struct xtables_family *fam,
			  const struct xtables_rule_ip *ip,
			  struct xtables_instance *const *matches,
			  unsigned int nmatches,
			  const struct xtables_instance *target,
			  const char *jump, size_t *size);

/* Mask for xtables_rule_find: 0xff over the header and over each
 * extension's userspacesize, 0 over the rest. */
unsigned char *xtables_entry_mask(const struct xtables_family *fam,
				  struct xtables_instance *const *matches,
				  unsigned int nmatches,
				  const struct xtables_instance *target,
				  size_t size);

#ifdef __cplusplus
}
#endif
#endif
