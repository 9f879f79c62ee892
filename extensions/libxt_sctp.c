/*
 * libxt_sctp - match SCTP ports and chunk types, optionally with chunk
 * flags (xt_sctp).  Loaded implicitly by -p sctp.  Like upstream, the
 * options are parsed here (not by the option core's value types) and
 * --chunk-types takes two words.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xtables/extension.h>
/* the UAPI header's chunk map helpers use ARRAY_SIZE */
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#include <linux/netfilter/xt_sctp.h>

enum { O_SPORT, O_DPORT, O_CHUNKS };

#define ARG_OPT(optname, oid) \
	{ .name = optname, .id = oid, .type = XTTYPE_STRING, \
	  .flags = XTOPT_INVERT | XTOPT_MULTI }

static const struct xtables_option sctp_opts[] = {
	ARG_OPT("source-port", O_SPORT),
	ARG_OPT("sport", O_SPORT),
	ARG_OPT("destination-port", O_DPORT),
	ARG_OPT("dport", O_DPORT),
	{ .name = "chunk-types", .id = O_CHUNKS, .type = XTTYPE_STRING,
	  .flags = XTOPT_INVERT | XTOPT_MULTI | XTOPT_ARG2 },
	XTABLES_OPT_END,
};

/*
 * Chunk names, their type numbers and the letters of their flag bits
 * (bit 7 first; '-' for an unused bit).  As upstream, the flag records
 * in the kernel data name a chunk by its index in this table.
 */
static const struct {
	const char *name;
	uint8_t type;
	const char *flags;
} sctp_chunks[] = {
	{ "DATA", 0, "----IUBE" },
	{ "INIT", 1, "--------" },
	{ "INIT_ACK", 2, "--------" },
	{ "SACK", 3, "--------" },
	{ "HEARTBEAT", 4, "--------" },
	{ "HEARTBEAT_ACK", 5, "--------" },
	{ "ABORT", 6, "-------T" },
	{ "SHUTDOWN", 7, "--------" },
	{ "SHUTDOWN_ACK", 8, "--------" },
	{ "ERROR", 9, "--------" },
	{ "COOKIE_ECHO", 10, "--------" },
	{ "COOKIE_ACK", 11, "--------" },
	{ "ECN_ECNE", 12, "--------" },
	{ "ECN_CWR", 13, "--------" },
	{ "SHUTDOWN_COMPLETE", 14, "-------T" },
	{ "I_DATA", 64, "----IUBE" },
	{ "RE_CONFIG", 130, "--------" },
	{ "PAD", 132, "--------" },
	{ "ASCONF", 193, "--------" },
	{ "ASCONF_ACK", 128, "--------" },
	{ "FORWARD_TSN", 192, "--------" },
	{ "I_FORWARD_TSN", 194, "--------" },
};
#define NCHUNKS (sizeof(sctp_chunks) / sizeof(sctp_chunks[0]))

static const struct {
	const char *name;
	uint32_t type;
} sctp_match_types[] = {
	{ "ANY", SCTP_CHUNK_MATCH_ANY },
	{ "ALL", SCTP_CHUNK_MATCH_ALL },
	{ "ONLY", SCTP_CHUNK_MATCH_ONLY },
};

static void sctp_help(FILE *out)
{
	fputs("sctp match options\n"
	      "[!] --source-port port[:port]                          match source port(s)\n"
	      " --sport ...\n"
	      "[!] --destination-port port[:port]                     match destination port(s)\n"
	      " --dport ...\n"
	      "[!] --chunk-types (all|any|none) (chunktype[:flags])+\tmatch if all, any or none of\n"
	      "\t\t\t\t\t\t        chunktypes are present\n"
	      "chunktypes - DATA INIT INIT_ACK SACK HEARTBEAT HEARTBEAT_ACK ABORT SHUTDOWN SHUTDOWN_ACK ERROR COOKIE_ECHO COOKIE_ACK ECN_ECNE ECN_CWR SHUTDOWN_COMPLETE I_DATA RE_CONFIG PAD ASCONF ASCONF_ACK FORWARD_TSN I_FORWARD_TSN ALL NONE\n",
	      out);
}

static void sctp_init(void *data)
{
	struct xt_sctp_info *info = data;

	for (unsigned int i = 0; i < XT_NUM_SCTP_FLAGS; i++)
		info->flag_info[i].chunktype = 0xff;
}

static int sctp_flag_bit(struct xtables_optcall *cb, struct xt_sctp_info *info,
			 unsigned int idx, int bit, bool set)
{
	int i;

	for (i = 0; i < info->flag_count; i++)
		if (info->flag_info[i].chunktype == idx)
			break;
	if (i == info->flag_count) {
		if (info->flag_count == XT_NUM_SCTP_FLAGS)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				"Number of chunk types with flags exceeds currently allowed limit. Increasing this limit involves changing IPT_NUM_SCTP_FLAGS and recompiling both the kernel space and user space modules");
		info->flag_info[i].chunktype = idx;
		info->flag_count++;
	}
	info->flag_info[i].flag_mask |= 1 << bit;
	if (set)
		info->flag_info[i].flag |= 1 << bit;
	return 0;
}

static int sctp_chunk_flags(struct xtables_optcall *cb,
			    struct xt_sctp_info *info, unsigned int idx,
			    const char *letters)
{
	for (size_t j = 0; letters[j] != '\0'; j++) {
		unsigned char c = letters[j];
		const char *p = strchr(sctp_chunks[idx].flags, toupper(c));

		if (p == NULL)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Invalid flags for chunk type %u", idx);
		if (sctp_flag_bit(cb, info, idx,
				  7 - (int)(p - sctp_chunks[idx].flags),
				  isupper(c)) != 0)
			return -1;
	}
	return 0;
}

static int sctp_chunk_list(struct xtables_optcall *cb,
			   struct xt_sctp_info *info, const char *list)
{
	char *buf, *tok, *save = NULL;
	int ret = 0;

	SCTP_CHUNKMAP_RESET(info->chunkmap);
	if (strcasecmp(list, "ALL") == 0) {
		SCTP_CHUNKMAP_SET_ALL(info->chunkmap);
		return 0;
	}
	if (strcasecmp(list, "NONE") == 0)
		return 0;
	buf = strdup(list);
	if (buf == NULL)
		return xtables_fail(cb->err, XTABLES_RESOURCE_PROBLEM,
				    "out of memory");
	for (tok = strtok_r(buf, ",", &save); tok != NULL && ret == 0;
	     tok = strtok_r(NULL, ",", &save)) {
		char *letters = strchr(tok, ':');
		unsigned int i;

		if (letters != NULL)
			*letters++ = '\0';
		for (i = 0; i < NCHUNKS; i++)
			if (strcasecmp(sctp_chunks[i].name, tok) == 0)
				break;
		if (i == NCHUNKS) {
			ret = xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					   "Unknown sctp chunk `%s'", tok);
			break;
		}
		SCTP_CHUNKMAP_SET(info->chunkmap, sctp_chunks[i].type);
		if (letters != NULL)
			ret = sctp_chunk_flags(cb, info, i, letters);
	}
	free(buf);
	return ret;
}

static int sctp_chunks_opt(struct xtables_optcall *cb,
			   struct xt_sctp_info *info)
{
	unsigned int i;

	if (cb->arg2 == NULL)
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
				    "--chunk-types requires two args");
	for (i = 0; i < sizeof(sctp_match_types) / sizeof(sctp_match_types[0]); i++)
		if (strcasecmp(sctp_match_types[i].name, cb->arg) == 0)
			break;
	if (i == sizeof(sctp_match_types) / sizeof(sctp_match_types[0]))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"Match type has to be one of \"ALL\", \"ANY\" or \"ONLY\"");
	info->chunk_match_type = sctp_match_types[i].type;
	return sctp_chunk_list(cb, info, cb->arg2);
}

static int sctp_parse(struct xtables_optcall *cb)
{
	struct xt_sctp_info *info = cb->data;
	uint32_t flag;
	int ret;

	switch (cb->opt->id) {
	case O_SPORT:
		flag = XT_SCTP_SRC_PORTS;
		if (cb->seen & (1 << O_SPORT))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Only one `--source-port' allowed");
		info->flags |= flag;
		ret = xtables_parse_port_range(cb->arg, "sctp", info->spts, cb->err);
		break;
	case O_DPORT:
		flag = XT_SCTP_DEST_PORTS;
		if (cb->seen & (1 << O_DPORT))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Only one `--destination-port' allowed");
		info->flags |= flag;
		ret = xtables_parse_port_range(cb->arg, "sctp", info->dpts, cb->err);
		break;
	default:
		flag = XT_SCTP_CHUNK_TYPES;
		if (cb->seen & (1 << O_CHUNKS))
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "Only one `--chunk-types' allowed");
		if (cb->arg2 == NULL)
			return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
					    "--chunk-types requires two args");
		info->flags |= flag;
		ret = sctp_chunks_opt(cb, info);
		break;
	}
	if (ret == 0 && cb->invert)
		info->invflags |= flag;
	return ret;
}

/* Flag letters of the chunk whose table index equals its type number
 * (upstream's lookup; other chunks show no letters). */
static void sctp_flags_out(FILE *out, const struct xt_sctp_info *info,
			   unsigned int type)
{
	for (int j = 0; j < info->flag_count && j < XT_NUM_SCTP_FLAGS; j++) {
		const struct xt_sctp_flag_info *fi = &info->flag_info[j];

		if (fi->chunktype != type || type >= NCHUNKS)
			continue;
		if (fi->flag_mask)
			fputc(':', out);
		for (int bit = 7; bit >= 0; bit--) {
			char c = sctp_chunks[type].flags[7 - bit];

			if (!(fi->flag_mask & (1 << bit)))
				continue;
			fputc(fi->flag & (1 << bit) ? c : tolower((unsigned char)c),
			      out);
		}
	}
}

static void sctp_chunks_out(FILE *out, const struct xt_sctp_info *info,
			    bool numeric)
{
	bool first = true;

	switch (info->chunk_match_type) {
	case SCTP_CHUNK_MATCH_ANY: fputs(" any", out); break;
	case SCTP_CHUNK_MATCH_ALL: fputs(" all", out); break;
	case SCTP_CHUNK_MATCH_ONLY: fputs(" only", out); break;
	default: fputs("Never reach here\n", out); break;
	}
	if (SCTP_CHUNKMAP_IS_CLEAR(info->chunkmap)) {
		fputs(" NONE", out);
		return;
	}
	if (SCTP_CHUNKMAP_IS_ALL_SET(info->chunkmap)) {
		fputs(" ALL", out);
		return;
	}
	for (unsigned int i = 0; i < 256; i++) {
		if (!SCTP_CHUNKMAP_IS_SET(info->chunkmap, i))
			continue;
		fputc(first ? ' ' : ',', out);
		first = false;
		if (numeric) {
			fprintf(out, "0x%04X", i);
		} else {
			for (unsigned int k = 0; k < NCHUNKS; k++)
				if (sctp_chunks[k].type == i)
					fputs(sctp_chunks[k].name, out);
		}
		sctp_flags_out(out, info, i);
	}
}

static void sctp_print(FILE *out, const struct xtables_rule_ip *ip,
		       const void *data, unsigned int flags)
{
	const struct xt_sctp_info *info = data;
	bool numeric = flags & XTABLES_PRINT_NUMERIC;

	fputs(" sctp", out);
	if (info->flags & XT_SCTP_SRC_PORTS)
		xtables_print_port_range(out, "spt", info->spts,
			       info->invflags & XT_SCTP_SRC_PORTS,
			       "sctp", numeric);
	if (info->flags & XT_SCTP_DEST_PORTS)
		xtables_print_port_range(out, "dpt", info->dpts,
			       info->invflags & XT_SCTP_DEST_PORTS,
			       "sctp", numeric);
	if (info->flags & XT_SCTP_CHUNK_TYPES) {
		if (info->invflags & XT_SCTP_CHUNK_TYPES)
			fputs(" !", out);
		sctp_chunks_out(out, info, numeric);
	}
}

static void sctp_save(FILE *out, const struct xtables_rule_ip *ip,
		      const void *data)
{
	const struct xt_sctp_info *info = data;

	if (info->flags & XT_SCTP_SRC_PORTS)
		xtables_save_port_range(out, "sport", info->spts,
				info->invflags & XT_SCTP_SRC_PORTS);
	if (info->flags & XT_SCTP_DEST_PORTS)
		xtables_save_port_range(out, "dport", info->dpts,
				info->invflags & XT_SCTP_DEST_PORTS);
	if (info->flags & XT_SCTP_CHUNK_TYPES) {
		if (info->invflags & XT_SCTP_CHUNK_TYPES)
			fputs(" !", out);
		fputs(" --chunk-types", out);
		sctp_chunks_out(out, info, false);
	}
}

static const struct xtables_ext sctp_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "sctp",
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_sctp_info),
		.help = sctp_help,
		.init = sctp_init,
		.options = sctp_opts,
		.parse = sctp_parse,
		.print = sctp_print,
		.save = sctp_save,
	},
};

XTABLES_EXTENSIONS(sctp_exts)
