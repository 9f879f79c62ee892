/*
 * parse_value.c - the typed option values: one parser per enum
 * xtables_opt_type (a table), with upstream's checks and messages, and
 * storing a parsed value into the kernel data for XTOPT_PUT options.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include "option_core.h"

struct value_ctx {
	const struct xt_addr_family *af;
	const struct xtables_option *opt;
	const char *ext_name;
	const char *arg;
	union xtables_optval *val;
	uint8_t *nvals;
	struct xtables_err *err;
};

static uint64_t hton64(uint64_t v)
{
	return ((uint64_t)htonl((uint32_t)v) << 32) | htonl((uint32_t)(v >> 32));
}

/* Largest value of an integer type. */
static uint64_t type_max(enum xtables_opt_type t)
{
	switch (t) {
	case XTTYPE_UINT8:
	case XTTYPE_UINT8RC:
		return UINT8_MAX;
	case XTTYPE_UINT16:
	case XTTYPE_UINT16RC:
		return UINT16_MAX;
	case XTTYPE_UINT32:
	case XTTYPE_UINT32RC:
		return UINT32_MAX;
	case XTTYPE_UINT64:
	case XTTYPE_UINT64RC:
		return UINT64_MAX;
	default:
		return 0;
	}
}

/* Size of one element of a type ([2] ranges: of one side). */
static size_t elem_size(enum xtables_opt_type t)
{
	switch (t) {
	case XTTYPE_UINT8:
	case XTTYPE_UINT8RC:
	case XTTYPE_SYSLOGLEVEL:
	case XTTYPE_PROTOCOL:
		return 1;
	case XTTYPE_UINT16:
	case XTTYPE_UINT16RC:
	case XTTYPE_PORT:
	case XTTYPE_PORTRC:
		return 2;
	case XTTYPE_UINT32:
	case XTTYPE_UINT32RC:
		return 4;
	case XTTYPE_UINT64:
	case XTTYPE_UINT64RC:
	case XTTYPE_DOUBLE:
		return 8;
	case XTTYPE_HOST:
	case XTTYPE_PLENMASK:
		return sizeof(union nf_inet_addr);
	case XTTYPE_ETHERMAC:
		return 6;
	default:
		return 0;
	}
}

size_t xt_put_size(enum xtables_opt_type t)
{
	switch (t) {
	case XTTYPE_STRING:
		return SIZE_MAX;
	case XTTYPE_UINT8RC:
	case XTTYPE_UINT16RC:
	case XTTYPE_UINT32RC:
	case XTTYPE_UINT64RC:
	case XTTYPE_PORTRC:
		return 2 * elem_size(t);
	default:
		return elem_size(t);
	}
}

static int parse_none(struct value_ctx *c)
{
	(void)c;
	return 0;
}

static int parse_int(struct value_ctx *c)
{
	const struct xtables_option *o = c->opt;
	uint64_t lmin = o->min, lmax = o->max ? o->max : type_max(o->type);
	uint64_t v;

	if (xtables_strtoul(c->arg, NULL, &v, lmin, lmax) != 0)
		return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
			"%s: bad value for option \"--%s\", or out of range (%ju-%ju).\n",
			c->ext_name, o->name, (uintmax_t)lmin, (uintmax_t)lmax);
	switch (o->type) {
	case XTTYPE_UINT8:
		c->val->u8 = v;
		break;
	case XTTYPE_UINT16:
		c->val->u16 = (o->flags & XTOPT_NBO) ? htons(v) : v;
		break;
	case XTTYPE_UINT32:
		c->val->u32 = (o->flags & XTOPT_NBO) ? htonl(v) : v;
		break;
	default:
		c->val->u64 = (o->flags & XTOPT_NBO) ? hton64(v) : v;
		break;
	}
	return 0;
}

static void mint_to_val(struct value_ctx *c, unsigned int i, uint64_t v)
{
	bool nbo = c->opt->flags & XTOPT_NBO;

	if (i >= 2)
		return;
	switch (c->opt->type) {
	case XTTYPE_UINT8RC:
		c->val->u8_range[i] = v;
		break;
	case XTTYPE_UINT16RC:
		c->val->u16_range[i] = nbo ? htons(v) : v;
		break;
	case XTTYPE_UINT32RC:
		c->val->u32_range[i] = nbo ? htonl(v) : v;
		break;
	default:
		c->val->u64_range[i] = nbo ? hton64(v) : v;
		break;
	}
}

/* "a", "a:b", ":b", "a:" - components default to the bounds. */
static int parse_mint(struct value_ctx *c)
{
	const struct xtables_option *o = c->opt;
	uint64_t lmax = type_max(o->type), lmin = o->min, v;
	size_t esize = elem_size(o->type);
	unsigned int maxiter;
	const char *arg;
	char *end;

	if (o->max && o->max < lmax)
		lmax = o->max;
	maxiter = o->size / esize;
	if (maxiter == 0)
		maxiter = 2;
	*c->nvals = 0;
	for (arg = c->arg;; arg = end + 1) {
		if (*c->nvals == maxiter)
			return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
				"%s: Too many components for option \"--%s\" (max: %u)\n",
				c->ext_name, o->name, maxiter);
		if (*arg == '\0' || *arg == ':') {
			end = (char *)arg;
			v = *c->nvals == 1 ? lmax : lmin;
		} else {
			if (xtables_strtoul(arg, &end, &v, lmin, lmax) != 0)
				return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
					"%s: bad value for option \"--%s\" near \"%s\", or out of range (%ju-%ju).\n",
					c->ext_name, o->name, arg,
					(uintmax_t)lmin, (uintmax_t)lmax);
			if (*end != '\0' && *end != ':')
				return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
					"%s: Argument to \"--%s\" has unexpected characters near \"%s\".\n",
					c->ext_name, o->name, end);
			lmin = v;
		}
		mint_to_val(c, *c->nvals, v);
		++*c->nvals;
		if (*end == '\0')
			break;
	}
	return 0;
}

static int parse_double(struct value_ctx *c)
{
	const struct xtables_option *o = c->opt;
	double v;
	char *end;

	v = strtod(c->arg, &end);
	if (end == c->arg || *end != '\0' ||
	    (o->min != o->max && (v < o->min || v > o->max)))
		return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
			"%s: bad value for option \"--%s\", or out of range (%u-%u).\n",
			c->ext_name, o->name, (unsigned int)o->min,
			(unsigned int)o->max);
	c->val->dbl = v;
	return 0;
}

static int parse_string(struct value_ctx *c)
{
	size_t z = strlen(c->arg);

	if (c->opt->min != 0 && z < c->opt->min)
		return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
			"Argument must have a minimum length of %u characters\n",
			(unsigned int)c->opt->min);
	if (c->opt->max != 0 && z > c->opt->max)
		return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
			"Argument must have a maximum length of %u characters\n",
			(unsigned int)c->opt->max);
	return 0;
}

static const struct {
	const char *name;
	uint8_t value;
} tos_names[] = {
	{ "Minimize-Delay", 0x10 },
	{ "Maximize-Throughput", 0x08 },
	{ "Maximize-Reliability", 0x04 },
	{ "Minimize-Cost", 0x02 },
	{ "Normal-Service", 0x00 },
};

static int parse_tosmask(struct value_ctx *c)
{
	uint64_t v;
	char *end;

	if (xtables_strtoul(c->arg, &end, NULL, 0, UINT8_MAX) == 0) {
		/* numeric: value[/mask], mask defaults to 0xff */
		if (xtables_strtoul(c->arg, &end, &v, 0, UINT8_MAX) != 0)
			v = 0;
		c->val->tos_value = v;
		c->val->tos_mask = UINT8_MAX;
		if (*end == '/') {
			if (xtables_strtoul(end + 1, &end, &v, 0, UINT8_MAX) != 0)
				return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
					"Illegal value: \"%s\"", c->arg);
			c->val->tos_mask = v;
		}
		if (*end != '\0')
			return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
				"Illegal value: \"%s\"", c->arg);
		return 0;
	}
	/* a name: the mask is the option's max (differs by revision) */
	c->val->tos_mask = c->opt->max;
	for (unsigned int i = 0; i < sizeof(tos_names) / sizeof(*tos_names); i++)
		if (strcasecmp(c->arg, tos_names[i].name) == 0) {
			c->val->tos_value = tos_names[i].value;
			return 0;
		}
	return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
		"Symbolic name \"%s\" is unknown", c->arg);
}

static int parse_markmask(struct value_ctx *c)
{
	uint64_t v;
	char *end;

	c->val->mask = UINT32_MAX;
	if (xtables_strtoul(c->arg, &end, &v, 0, UINT32_MAX) != 0)
		goto bad;
	c->val->mark = v;
	if (*end == '\0')
		return 0;
	if (*end != '/')
		goto garbage;
	if (xtables_strtoul(end + 1, &end, &v, 0, UINT32_MAX) != 0)
		goto bad;
	c->val->mask = v;
	if (*end == '\0')
		return 0;
garbage:
	return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
		"%s: trailing garbage after value for option \"--%s\".\n",
		c->ext_name, c->opt->name);
bad:
	return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
		"%s: bad integer value for option \"--%s\", or out of range.\n",
		c->ext_name, c->opt->name);
}

static const struct {
	const char *name;
	uint8_t level;
} syslog_names[] = {
	{ "alert", LOG_ALERT },
	{ "crit", LOG_CRIT },
	{ "debug", LOG_DEBUG },
	{ "emerg", LOG_EMERG },
	{ "error", LOG_ERR },
	{ "info", LOG_INFO },
	{ "notice", LOG_NOTICE },
	{ "panic", LOG_EMERG },
	{ "warning", LOG_WARNING },
};

static int parse_sysloglevel(struct value_ctx *c)
{
	unsigned int num;

	if (xt_strtoui(c->arg, &num, 0, 7)) {
		c->val->syslog_level = num;
		return 0;
	}
	for (unsigned int i = 0; i < sizeof(syslog_names) / sizeof(*syslog_names); i++)
		if (strcmp(c->arg, syslog_names[i].name) == 0) {
			c->val->syslog_level = syslog_names[i].level;
			return 0;
		}
	return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
			    "log level \"%s\" unknown\n", c->arg);
}

static int parse_ethermac(struct value_ctx *c)
{
	const char *arg = c->arg;
	char *end;

	for (unsigned int i = 0; i < 6; i++) {
		c->val->ethermac[i] = strtoul(arg, &end, 16);
		if (end - arg > 2 || (i < 5 ? *end != ':' : *end != '\0'))
			return xtables_fail(c->err, XTABLES_PARAMETER_PROBLEM,
					    "Invalid MAC address specified.");
		arg = end + 1;
	}
	return 0;
}

static int parse_host(struct value_ctx *c)
{
	return xt_parse_host(c->af, c->opt, c->ext_name, c->arg, c->val, c->err);
}

static int parse_hostmask(struct value_ctx *c)
{
	return xt_parse_hostmask(c->af, c->opt, c->ext_name, c->arg, c->val,
				 c->err);
}

static int parse_plen(struct value_ctx *c)
{
	return xt_parse_plen(c->af, c->opt, c->ext_name, c->arg, c->val, c->err);
}

static int parse_plenmask(struct value_ctx *c)
{
	return xt_parse_plenmask(c->af, c->opt, c->ext_name, c->arg, c->val,
				 c->err);
}

static int parse_protocol(struct value_ctx *c)
{
	return xt_parse_protocol_opt(c->arg, c->val, c->err);
}

static int parse_port(struct value_ctx *c)
{
	return xt_parse_port_opt(c->opt, c->ext_name, c->arg, c->val, c->nvals,
				 c->err);
}

static int parse_portrc(struct value_ctx *c)
{
	return xt_parse_portrc_opt(c->opt, c->ext_name, c->arg, c->val,
				   c->nvals, c->err);
}

static int (*const parsers[])(struct value_ctx *) = {
	[XTTYPE_NONE] = parse_none,
	[XTTYPE_UINT8] = parse_int,
	[XTTYPE_UINT16] = parse_int,
	[XTTYPE_UINT32] = parse_int,
	[XTTYPE_UINT64] = parse_int,
	[XTTYPE_UINT8RC] = parse_mint,
	[XTTYPE_UINT16RC] = parse_mint,
	[XTTYPE_UINT32RC] = parse_mint,
	[XTTYPE_UINT64RC] = parse_mint,
	[XTTYPE_DOUBLE] = parse_double,
	[XTTYPE_STRING] = parse_string,
	[XTTYPE_TOSMASK] = parse_tosmask,
	[XTTYPE_MARKMASK32] = parse_markmask,
	[XTTYPE_SYSLOGLEVEL] = parse_sysloglevel,
	[XTTYPE_HOST] = parse_host,
	[XTTYPE_HOSTMASK] = parse_hostmask,
	[XTTYPE_PROTOCOL] = parse_protocol,
	[XTTYPE_PORT] = parse_port,
	[XTTYPE_PORTRC] = parse_portrc,
	[XTTYPE_PLEN] = parse_plen,
	[XTTYPE_PLENMASK] = parse_plenmask,
	[XTTYPE_ETHERMAC] = parse_ethermac,
};

int xt_parse_value_af(const struct xt_addr_family *af,
		      const struct xtables_option *opt, const char *ext_name,
		      const char *arg, union xtables_optval *val,
		      uint8_t *nvals, struct xtables_err *err)
{
	uint8_t dummy;
	struct value_ctx c = {
		.af = af, .opt = opt, .ext_name = ext_name, .arg = arg,
		.val = val, .nvals = nvals ? nvals : &dummy, .err = err,
	};

	memset(val, 0, sizeof(*val));
	*c.nvals = 1;
	if ((unsigned int)opt->type >= sizeof(parsers) / sizeof(*parsers) ||
	    parsers[opt->type] == NULL)
		return 0;
	if (opt->type != XTTYPE_NONE && arg == NULL)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"%s: option \"--%s\" requires an argument.\n",
			ext_name, opt->name);
	return parsers[opt->type](&c);
}

int xtables_parse_value(const struct xtables_family *fam,
			const struct xtables_option *opt, const char *ext_name,
			const char *arg, union xtables_optval *val,
			uint8_t *nvals, struct xtables_err *err)
{
	struct xt_addr_family af = xt_addr_family_from(fam);

	return xt_parse_value_af(&af, opt, ext_name, arg, val, nvals, err);
}

/* Store a parsed value at the option's place in the kernel data, the
 * way upstream's XTOPT_PUT does (integer ranges: host order). */
void xt_store_value(const struct xtables_option *opt, const char *arg,
		    const union xtables_optval *val, uint8_t nvals, void *data)
{
	unsigned char *p = (unsigned char *)data + opt->ptroff;
	size_t esize = elem_size(opt->type);
	bool nbo = opt->flags & XTOPT_NBO;
	unsigned int n;

	switch (opt->type) {
	case XTTYPE_STRING: {
		size_t z = strlen(arg);

		if (opt->size == 0)
			return;
		if (z >= opt->size)
			z = opt->size - 1;
		memcpy(p, arg, z);
		p[z] = '\0';
		return;
	}
	case XTTYPE_UINT8RC:
	case XTTYPE_UINT16RC:
	case XTTYPE_UINT32RC:
	case XTTYPE_UINT64RC:
		n = opt->size / esize;
		if (n > nvals)
			n = nvals;
		for (unsigned int i = 0; i < n && i < 2; i++, p += esize) {
			if (opt->type == XTTYPE_UINT8RC) {
				*p = val->u8_range[i];
			} else if (opt->type == XTTYPE_UINT16RC) {
				uint16_t v = nbo ? ntohs(val->u16_range[i]) :
						   val->u16_range[i];
				memcpy(p, &v, 2);
			} else if (opt->type == XTTYPE_UINT32RC) {
				uint32_t v = nbo ? ntohl(val->u32_range[i]) :
						   val->u32_range[i];
				memcpy(p, &v, 4);
			} else {
				uint64_t v = nbo ? hton64(val->u64_range[i]) :
						   val->u64_range[i];
				memcpy(p, &v, 8);
			}
		}
		return;
	case XTTYPE_PORTRC:
		n = opt->size / 2;
		if (n > nvals)
			n = nvals;
		if (n > 2)
			n = 2;
		memcpy(p, val->port_range, 2 * n);
		return;
	case XTTYPE_UINT8:
	case XTTYPE_UINT16:
	case XTTYPE_UINT32:
	case XTTYPE_UINT64:
	case XTTYPE_DOUBLE:
	case XTTYPE_SYSLOGLEVEL:
	case XTTYPE_PROTOCOL:
	case XTTYPE_PORT:
	case XTTYPE_ETHERMAC:
		/* the union members of these types all start at offset 0 */
		memcpy(p, val, esize);
		return;
	case XTTYPE_HOST:
		memcpy(p, &val->haddr, sizeof(val->haddr));
		return;
	case XTTYPE_PLENMASK:
		memcpy(p, &val->hmask, sizeof(val->hmask));
		return;
	default:
		return;
	}
}
