/*
 * xtables/extension.h - the public extension API.
 *
 * This is the one header an extension (a match or a target, built as
 * its own shared object and loaded with dlopen) includes.  An extension
 * declares itself as a struct xtables_ext: its name, revision, family,
 * the size of the data the kernel module expects, and an option table.
 * The shared option core in libxtables parses every option from that
 * table (typed values, ranges, inversion, conflicts, mandatory options)
 * and calls the extension's parse callback with the value already
 * converted; the extension only stores it.  print, save and help write
 * to the stream they are given.
 *
 * Callbacks never print to stdout/stderr on their own and never exit:
 * they report problems through xtables_fail() and return -1.
 */
#ifndef XTABLES_EXTENSION_H
#define XTABLES_EXTENSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/netfilter.h>
#include <linux/netfilter/x_tables.h>

/* (addition) <net/if.h> declares IFNAMSIZ only with _DEFAULT_SOURCE or
 * _GNU_SOURCE; an out-of-tree extension compiled with plain -std=c11
 * gets the POSIX name's value instead. */
#ifndef IFNAMSIZ
#define IFNAMSIZ IF_NAMESIZE
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this API; an extension built for another one is refused. */
#define XTABLES_ABI_VERSION 1

/* The version of iptables whose behaviour this suite reproduces. */
#define XTABLES_VERSION "1.8.11"

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

/* Exit statuses, as upstream iptables uses them. */
enum xtables_status {
	XTABLES_OK = 0,
	XTABLES_OTHER_PROBLEM = 1,	/* kernel/engine error: "iptables: %s." */
	XTABLES_PARAMETER_PROBLEM = 2,	/* bad command line, "Try `iptables -h'" */
	XTABLES_VERSION_PROBLEM = 3,	/* table missing, "Perhaps ... upgraded." */
	XTABLES_RESOURCE_PROBLEM = 4,	/* out of memory, lock, ... */
};

/*
 * An error returned by the library.  msg is the text the reference
 * prints after its "iptables v1.8.11 (legacy): " (parameter and version
 * problems) or "iptables: " (other problems) prefix, without trailing
 * newline; the program adds the prefix and the closing lines.
 * When raw is set the program prints msg as it is (plus newline),
 * without any prefix.
 */
struct xtables_err {
	int status;		/* enum xtables_status, 0 when no error */
	bool raw;
	int line;		/* restore: input line, 0 if none */
	char msg[1024];
};

/* Record an error (printf-style) and return -1. */
int xtables_fail(struct xtables_err *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Warnings the reference prints on stderr and then goes on (e.g.
 * "Warning: Extension ipvs revision 0 not supported, missing kernel
 * module?").  The library and extensions hand the text (without trailing
 * newline) to xtables_warn(); it reaches the handler the program set, or
 * is dropped when none is set.  The program prints it plus a newline.
 */
typedef void (*xtables_warn_fn)(const char *msg);
void xtables_set_warn_handler(xtables_warn_fn fn);
void xtables_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* (addition) Number of warnings xtables_warn() was given so far (with or
 * without a handler): lets a caller tell whether a call warned. */
unsigned long xtables_warn_count(void);

/* ------------------------------------------------------------------ */
/* The generic (non-extension) part of a rule, family independent      */
/* ------------------------------------------------------------------ */

/* Flag bits of struct xtables_rule_ip.flags (not the kernel's bits). */
#define XTABLES_IPF_FRAG	0x01	/* -f (IPv4 only) */
#define XTABLES_IPF_GOTO	0x02	/* -g instead of -j */
/* Inversion bits of .invflags: identical to the kernel's IPT_INV_* and
 * IP6T_INV_* values, which agree between the two families. */
#define XTABLES_INV_VIA_IN	0x01
#define XTABLES_INV_VIA_OUT	0x02
#define XTABLES_INV_TOS		0x04
#define XTABLES_INV_SRCIP	0x08
#define XTABLES_INV_DSTIP	0x10
#define XTABLES_INV_FRAG	0x20
#define XTABLES_INV_PROTO	0x40

struct xtables_rule_ip {
	uint8_t family;			/* NFPROTO_IPV4 or NFPROTO_IPV6 */
	union nf_inet_addr src, dst, smsk, dmsk;
	char iniface[IFNAMSIZ], outiface[IFNAMSIZ];
	unsigned char iniface_mask[IFNAMSIZ], outiface_mask[IFNAMSIZ];
	uint16_t proto;			/* 0 = any */
	uint8_t flags;			/* XTABLES_IPF_* */
	uint8_t invflags;		/* XTABLES_INV_* */
	bool has_proto;			/* IPv6: IP6T_F_PROTO */
	uint8_t tos;			/* IPv6 only */
};

/* ------------------------------------------------------------------ */
/* Option tables                                                       */
/* ------------------------------------------------------------------ */

/* Value types the option core parses before calling the extension. */
enum xtables_opt_type {
	XTTYPE_NONE,		/* a flag, no argument */
	XTTYPE_UINT8,		/* integers, in [min, max] (max 0 = type max) */
	XTTYPE_UINT16,
	XTTYPE_UINT32,
	XTTYPE_UINT64,
	XTTYPE_UINT8RC,		/* "a" or "a:b" ("a-b" too where upstream allows) */
	XTTYPE_UINT16RC,
	XTTYPE_UINT32RC,
	XTTYPE_UINT64RC,
	XTTYPE_DOUBLE,
	XTTYPE_STRING,		/* length < max (max 0: no bound) */
	XTTYPE_TOSMASK,		/* value[/mask] or a TOS name */
	XTTYPE_MARKMASK32,	/* value[/mask] */
	XTTYPE_SYSLOGLEVEL,	/* number or name */
	XTTYPE_HOST,		/* one address of the rule's family */
	XTTYPE_HOSTMASK,	/* address[/mask] */
	XTTYPE_PROTOCOL,	/* name (/etc/protocols) or number */
	XTTYPE_PORT,		/* number or service name */
	XTTYPE_PORTRC,		/* port[:port], either side may be empty */
	XTTYPE_PLEN,		/* prefix length, 0..32 / 0..128 */
	XTTYPE_PLENMASK,	/* prefix length, stored as a mask */
	XTTYPE_ETHERMAC,	/* xx:xx:xx:xx:xx:xx */
};

/* Option flags. */
enum {
	XTOPT_INVERT = 1 << 0,	/* accepts a preceding "!" */
	XTOPT_MAND   = 1 << 1,	/* must be given */
	XTOPT_MULTI  = 1 << 2,	/* may be given more than once */
	XTOPT_PUT    = 1 << 3,	/* core stores the value at ptroff (size bytes) */
	XTOPT_NBO    = 1 << 4,	/* core stores in network byte order */
	/* (addition) takes a second argument, the next command-line word,
	 * as upstream's --tcp-flags MASK COMP: the command parser passes
	 * it if there is one not starting with '-' or '!' (and skips it),
	 * else NULL; see xtables_instance_parse2() and optcall.arg2. */
	XTOPT_ARG2   = 1 << 5,
};

struct xtables_option {
	const char *name;		/* long option name, without "--" */
	enum xtables_opt_type type;
	unsigned int id;		/* 0..31, unique in the table */
	unsigned int excl;		/* ids (bitmask 1<<id) this one conflicts with */
	unsigned int also;		/* ids (bitmask) that must come with it */
	unsigned int flags;		/* XTOPT_* */
	unsigned int ptroff;		/* XTOPT_PUT: offset in the kernel data */
	unsigned int size;		/* XTOPT_PUT: size of the field */
	uint64_t min, max;		/* bounds for integer types (0,0 = type's) */
	bool has_arg_optional;		/* argument may be omitted */
};
#define XTABLES_OPT_END { .name = NULL }

/* Helper for XTOPT_PUT entries. */
#define XTOPT_POINTER(stype, member) \
	.ptroff = offsetof(stype, member), \
	.size = sizeof(((stype *)NULL)->member)

/* Values the core parsed, handed to the parse callback. */
union xtables_optval {
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;
	uint8_t u8_range[2];
	uint16_t u16_range[2];
	uint32_t u32_range[2];
	uint64_t u64_range[2];
	uint16_t port;
	uint16_t port_range[2];
	double dbl;
	uint8_t protocol;
	uint8_t syslog_level;
	uint8_t ethermac[6];
	struct {
		union nf_inet_addr haddr, hmask;
		uint8_t hlen;
	};
	struct {
		uint8_t tos_value, tos_mask;
	};
	struct {
		uint32_t mark, mask;
	};
};

/* Argument of the parse callback: one option occurrence. */
struct xtables_optcall {
	const struct xtables_option *opt;	/* the entry that matched */
	const char *arg;			/* its argument, NULL if none */
	const char *ext_name;			/* extension name, for messages */
	bool invert;				/* "!" was given before it */
	uint8_t nvals;				/* values parsed (ranges: 1 or 2) */
	union xtables_optval val;
	unsigned int seen;			/* ids given before this one */
	void *data;				/* kernel data of this extension */
	void *udata;				/* private per-rule scratch */
	const struct xtables_rule_ip *ip;	/* generic part of the rule */
	uint8_t family;
	struct xtables_err *err;
	const char *arg2;			/* (addition) XTOPT_ARG2's second word */
};

/* Argument of the final check callback, after the last option. */
struct xtables_checkcall {
	const char *ext_name;
	unsigned int seen;			/* ids that were given */
	void *data;
	void *udata;
	const struct xtables_rule_ip *ip;
	uint8_t family;
	struct xtables_err *err;
};

/* ------------------------------------------------------------------ */
/* Extensions                                                          */
/* ------------------------------------------------------------------ */

enum xtables_ext_kind {
	XTABLES_MATCH,
	XTABLES_TARGET,
};

/* Flags for print callbacks. */
enum {
	XTABLES_PRINT_NUMERIC = 1 << 0,	/* -n: no name lookups */
	XTABLES_PRINT_VERBOSE = 1 << 1,	/* -v */
};

struct xtables_ext {
	unsigned int abi;		/* XTABLES_ABI_VERSION */
	enum xtables_ext_kind kind;
	const char *name;		/* as typed after -m / -j */
	const char *real_name;		/* name the kernel knows, if different */
	uint8_t revision;
	uint8_t family;			/* NFPROTO_UNSPEC, NFPROTO_IPV4, NFPROTO_IPV6 */
	uint16_t size;			/* kernel data size (unaligned) */
	uint16_t userspacesize;		/* bytes compared by -D/-C; 0 = size */
	uint16_t udata_size;		/* private scratch per rule being parsed */

	/* -h text (the part after the generic help). */
	void (*help)(FILE *out);
	/* Fill defaults into freshly zeroed kernel data. */
	void (*init)(void *data);
	/* Options; NULL if none. */
	const struct xtables_option *options;
	/* One option occurrence; values already parsed/checked by the core. */
	int (*parse)(struct xtables_optcall *cb);
	/* After all options (mandatory/also/excl already checked). */
	int (*check)(struct xtables_checkcall *cb);
	/* -L: the text after the generic columns, starting with a space. */
	void (*print)(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data, unsigned int flags);
	/* -S / save: the options, each starting with a space. */
	void (*save)(FILE *out, const struct xtables_rule_ip *ip,
		     const void *data);
	/* Name to show in save output ("-m NAME"); NULL = name. */
	const char *(*alias)(const void *data);
	/* (addition) XTABLES_EXT_* flags. */
	unsigned int ext_flags;
};

/*
 * (addition) ext_flags bits.  XTABLES_EXT_ALIAS: an extension with a
 * real_name that is listed and saved under its own name again (through
 * its alias callback), as upstream's flag of that name.  For a
 * real_name extension without it, upstream's command parser prints
 * "Notice: The %s target is converted into %s target in rule listing
 * and saving." (matches: "Notice: the %s match is converted into %s
 * match in rule listing and saving.") to stderr when -j / -m selects
 * it (name as typed, then real_name).
 */
enum {
	XTABLES_EXT_ALIAS = 1 << 0,
};

/* Called by an extension (from its constructor) to make itself known. */
void xtables_register(const struct xtables_ext *ext);
void xtables_register_many(const struct xtables_ext *ext, unsigned int n);

/* Declares the constructor that registers an extension's table. */
#define XTABLES_EXTENSIONS(array)					\
	__attribute__((constructor)) static void xtables_ext_ctor(void)	\
	{ xtables_register_many(array, sizeof(array) / sizeof(array[0])); }

/* ------------------------------------------------------------------ */
/* Helpers extensions use for printing and parsing                     */
/* ------------------------------------------------------------------ */

/* Save-style quoting of a string argument, as upstream does it. */
void xtables_save_string(FILE *out, const char *s);
/* Port as service name (unless numeric) or number, for -L. */
const char *xtables_port_name(uint16_t port, const char *proto, bool numeric,
			      char *buf, size_t len);
/* A port or range "a", "a:b", "a:" or ":b" (ports as numbers or service
 * names for proto) as tcp, udp-like and sctp matches read it, with the
 * reference's messages ("invalid port/service `%s' specified",
 * "invalid portrange (min > max)").  Returns 0, or -1 with err set. */
int xtables_parse_port_range(const char *arg, const char *proto,
			     uint16_t ports[2], struct xtables_err *err);
/* -L form of a port range: nothing for the full range unless inverted,
 * else " WORD:[!]PORT" or " WORDs:[!]LOW:HIGH" (service names unless
 * numeric). */
void xtables_print_port_range(FILE *out, const char *word,
			      const uint16_t ports[2], bool invert,
			      const char *proto, bool numeric);
/* Save form: " [!] --OPT PORT" or " [!] --OPT LOW:HIGH". */
void xtables_save_port_range(FILE *out, const char *opt,
			     const uint16_t ports[2], bool invert);
/* Parse a port number (0-65535, base 0) or service name for proto
 * (getservbyname); -1 if neither (upstream's message for that case:
 * "invalid port/service `%s' specified"). */
int xtables_parse_port(const char *s, const char *proto);
/* Protocol name for a number (/etc/protocols and built-ins), or NULL. */
const char *xtables_proto_name(uint8_t proto);
/* (addition) Protocol name as upstream prints it: unless numeric (or
 * proto 0) /etc/protocols first, then the built-in names ("all" for 0,
 * "ipv6-icmp", "sctp", "udplite", "esp", "ah", "mobility-header", ...);
 * NULL if neither knows it.  -L uses numeric = -n, save uses true. */
const char *xtables_proto_to_name(uint16_t proto, bool numeric);
/* A double stored the way upstream's plain "(unsigned int)value" cast
 * stores it on x86-64 (a 64-bit truncating conversion keeping the low 32
 * bits; NaN and values beyond the int64 range give 0), without the
 * undefined behaviour of an out-of-range cast. */
uint32_t xtables_double_to_u32(double v);
/* Integer parsing: 0 on success, -1 if not a number in [min, max]. */
int xtables_strtoul(const char *s, char **end, uint64_t *value,
		    uint64_t min, uint64_t max);
/* Address to text for the given family (numeric). */
const char *xtables_addr_to_text(uint8_t family, const union nf_inet_addr *a,
				 char *buf, size_t len);
/* Mask to text ("/24" style where contiguous, else "/255.0.255.0").
 * A full mask gives "/32" ("/128"): -L leaves it out, save keeps it. */
const char *xtables_mask_to_text(uint8_t family, const union nf_inet_addr *m,
				 char *buf, size_t len);
/* (addition) Prefix length of a mask, -1 if it is not contiguous. */
int xtables_mask_to_plen(uint8_t family, const union nf_inet_addr *m);
/* (addition) Address to a name for -L without -n, as upstream: the
 * resolver's host name (getnameinfo), else (IPv4) an /etc/networks name,
 * else numeric. */
const char *xtables_addr_to_name(uint8_t family, const union nf_inet_addr *a,
				 char *buf, size_t len);

/* (addition) Output without printf formats, for the printers that run
 * once per rule of a large table (-L, -S, save).  The same bytes as
 * fwrite / fputs / fprintf("%llu") / the numeric address text would
 * write, much cheaper for the few bytes a printer writes at a time. */
void xtables_put(FILE *out, const char *s, size_t len);
void xtables_puts(FILE *out, const char *s);
/* A string literal, its length known at compile time. */
#define xtables_put_lit(out, lit) xtables_put(out, "" lit, sizeof(lit) - 1)
/* Unsigned decimal ("%llu"). */
void xtables_put_uint(FILE *out, uint64_t n);
/* Numeric address of the family, as xtables_addr_to_text() gives it. */
void xtables_put_addr(FILE *out, uint8_t family, const union nf_inet_addr *a);
/* (addition) "%llu" of n into buf (at least 21 bytes), NUL-terminated;
 * returns the end of the digits (where the NUL is). */
char *xtables_fmt_uint(char *buf, uint64_t n);

#ifdef __cplusplus
}
#endif
#endif
