/*
 * instance.c - the option core: one extension as used in one rule.  It
 * owns the kernel form (header + data), checks each option occurrence
 * (repetition, inversion, argument), parses its value by type, stores
 * it for XTOPT_PUT, hands it to the extension, and finally checks the
 * constraints between options.  Messages are upstream's.
 */
#include <stdlib.h>
#include <string.h>
#include "option_core.h"

/* Kernel header before an extension's data (same size for both kinds). */
static size_t header_size(enum xtables_ext_kind kind)
{
	return kind == XTABLES_TARGET ? XT_ALIGN(sizeof(struct xt_entry_target))
				      : XT_ALIGN(sizeof(struct xt_entry_match));
}

/* Bytes of one allocation: the instance, its blob and its udata. */
static size_t alloc_size(const struct xtables_ext *ext)
{
	return XT_ALIGN(sizeof(struct xtables_instance)) + header_size(ext->kind) +
	       XT_ALIGN(ext->size) + XT_ALIGN(ext->udata_size);
}

/* Instances freed, kept for the next ones of the same size: a restore
 * makes and frees several per rule line. */
#define SPARES_MAX 32
static struct spare {
	size_t size;
	void *mem;
} spares[SPARES_MAX];
static unsigned int nspares;

static void *take_memory(size_t size)
{
	void *mem;

	for (unsigned int i = nspares; i-- > 0;)
		if (spares[i].size == size) {
			mem = spares[i].mem;
			spares[i] = spares[--nspares];
			return mem;
		}
	return malloc(size);
}

static void release_memory(void *mem, size_t size)
{
	if (nspares < SPARES_MAX) {
		spares[nspares].size = size;
		spares[nspares++].mem = mem;
		return;
	}
	free(mem);
}

/* Free the kept instances (at exit, for leak checkers). */
static void __attribute__((destructor)) drop_spares(void)
{
	while (nspares > 0)
		free(spares[--nspares].mem);
}

struct xtables_instance *xtables_instance_new(const struct xtables_ext *ext,
					      struct xtables_err *err)
{
	size_t hdr = header_size(ext->kind);
	size_t blob_size = hdr + XT_ALIGN(ext->size);
	size_t inst_size = XT_ALIGN(sizeof(struct xtables_instance));
	size_t size = alloc_size(ext);
	const char *kname = ext->real_name ? ext->real_name : ext->name;
	struct xtables_instance *inst;

	/* one allocation for the instance, its blob and its udata */
	inst = take_memory(size);
	if (inst == NULL) {
		xtables_fail(err, XTABLES_RESOURCE_PROBLEM, "out of memory");
		return NULL;
	}
	memset(inst, 0, size);
	inst->ext = ext;
	inst->blob_size = blob_size;
	inst->blob = (unsigned char *)inst + inst_size;
	if (ext->udata_size)
		inst->udata = (unsigned char *)inst->blob + blob_size;
	inst->data = (unsigned char *)inst->blob + hdr;
	if (ext->kind == XTABLES_TARGET) {
		struct xt_entry_target *t = inst->blob;

		t->u.user.target_size = inst->blob_size;
		/* the blob is zeroed: the name stays NUL-terminated */
		memcpy(t->u.user.name, kname,
		       strnlen(kname, sizeof(t->u.user.name) - 1));
		t->u.user.revision = ext->revision;
	} else {
		struct xt_entry_match *m = inst->blob;

		m->u.user.match_size = inst->blob_size;
		memcpy(m->u.user.name, kname,
		       strnlen(kname, sizeof(m->u.user.name) - 1));
		m->u.user.revision = ext->revision;
	}
	if (ext->init)
		ext->init(inst->data);
	return inst;
}

void xtables_instance_free(struct xtables_instance *inst)
{
	/* blob and udata are part of it */
	if (inst != NULL)
		release_memory(inst, alloc_size(inst->ext));
}

const struct xtables_option *
xtables_instance_option(const struct xtables_instance *inst, const char *name)
{
	const struct xtables_option *o = inst->ext->options;

	for (; o != NULL && o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

static const struct xtables_option *option_by_id(const struct xtables_option *o,
						 unsigned int id)
{
	for (; o != NULL && o->name != NULL; o++)
		if (o->id == id)
			return o;
	return NULL;
}

int xtables_instance_parse2(struct xtables_instance *inst,
			    const struct xtables_option *opt, const char *arg,
			    const char *arg2, bool invert,
			    const struct xtables_rule_ip *ip,
			    struct xtables_err *err)
{
	const char *name = inst->ext->name;
	const struct xtables_option *first;
	unsigned int bit;
	uint8_t family = ip ? ip->family : NFPROTO_IPV4;
	struct xt_addr_family af = xt_addr_family_of(family);
	struct xtables_optcall cb;

	/* upstream knows an option by its id: messages name the first
	 * entry of that id ("--destination-port" for --dport) */
	first = option_by_id(inst->ext->options, opt->id);
	if (first != NULL)
		opt = first;
	bit = 1u << opt->id;
	cb = (struct xtables_optcall){
		.opt = opt, .arg = arg, .arg2 = arg2, .ext_name = name,
		.invert = invert, .seen = inst->seen, .data = inst->data,
		.udata = inst->udata, .ip = ip, .family = family, .err = err,
	};

	if ((!(opt->flags & XTOPT_MULTI) || (opt->excl & bit)) &&
	    (inst->seen & bit))
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"%s: option \"--%s\" can only be used once.\n",
			name, opt->name);
	if (invert && !(opt->flags & XTOPT_INVERT))
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"%s: option \"--%s\" cannot be inverted.\n",
			name, opt->name);
	if (xt_parse_value_af(&af, opt, name, arg, &cb.val, &cb.nvals, err) != 0)
		return -1;
	if ((opt->flags & XTOPT_PUT) && opt->type != XTTYPE_NONE &&
	    opt->type != XTTYPE_HOSTMASK)
		xt_store_value(opt, arg, &cb.val, cb.nvals, inst->data);
	if (inst->ext->parse && inst->ext->parse(&cb) != 0) {
		if (err && err->status == 0)
			xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				     "%s: bad option \"--%s\"", name, opt->name);
		return -1;
	}
	inst->seen |= bit;
	return 0;
}

int xtables_instance_parse(struct xtables_instance *inst,
			   const struct xtables_option *opt, const char *arg,
			   bool invert, const struct xtables_rule_ip *ip,
			   struct xtables_err *err)
{
	return xtables_instance_parse2(inst, opt, arg, NULL, invert, ip, err);
}

/* upstream's final checks over the option table: mandatory options,
 * then per given option its "also" and "excl" relations by id */
static int check_options(const struct xtables_instance *inst,
			 struct xtables_err *err)
{
	const struct xtables_option *table = inst->ext->options, *e, *other;
	const char *name = inst->ext->name;
	unsigned int seen = inst->seen;

	for (e = table; e != NULL && e->name != NULL; e++) {
		if ((e->flags & XTOPT_MAND) && !(seen & (1u << e->id)))
			return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				"%s: option \"--%s\" must be specified\n",
				name, e->name);
		if (!(seen & (1u << e->id)) ||
		    ((e->also | e->excl) & ~(1u << e->id)) == 0)
			continue;
		for (unsigned int i = 0; i < 32; i++) {
			unsigned int ef = 1u << e->id, of = 1u << i;

			if (i == e->id || !((e->also | e->excl) & of))
				continue;
			other = option_by_id(table, i);
			if (other == NULL)
				continue;
			if ((e->also & of) && !(seen & of))
				return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
					"%s: option \"--%s\" also requires \"--%s\".\n",
					name, e->name, other->name);
			if ((e->excl & of) && (seen & (ef | of)) == (ef | of))
				return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
					"%s: option \"--%s\" cannot be used together with \"--%s\".\n",
					name, e->name, other->name);
		}
	}
	return 0;
}

int xtables_instance_final(struct xtables_instance *inst,
			   const struct xtables_rule_ip *ip,
			   struct xtables_err *err)
{
	struct xtables_checkcall cb = {
		.ext_name = inst->ext->name, .seen = inst->seen,
		.data = inst->data, .udata = inst->udata, .ip = ip,
		.family = ip ? ip->family : NFPROTO_IPV4, .err = err,
	};

	/* upstream: the extension's own check first, then the table's */
	if (inst->ext->check && inst->ext->check(&cb) != 0) {
		if (err && err->status == 0)
			xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				     "%s: invalid options", inst->ext->name);
		return -1;
	}
	return check_options(inst, err);
}
