/*
 * libxt_string - match packets carrying a byte pattern (xt_string).
 *
 * Revision 0 keeps the inversion in its own byte; revision 1 has a
 * flags byte with inversion and case folding (--icase).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_string.h>

enum {
	O_FROM,
	O_TO,
	O_ALGO,
	O_ICASE,
	O_STRING,
	O_HEX_STRING,
};

static const struct xtables_option string_opts[] = {
	{ .name = "from", .type = XTTYPE_UINT16, .id = O_FROM },
	{ .name = "to", .type = XTTYPE_UINT16, .id = O_TO },
	{ .name = "algo", .type = XTTYPE_STRING, .id = O_ALGO,
	  .flags = XTOPT_MAND },
	{ .name = "string", .type = XTTYPE_STRING, .id = O_STRING,
	  .flags = XTOPT_INVERT, .excl = 1 << O_HEX_STRING },
	{ .name = "hex-string", .type = XTTYPE_STRING, .id = O_HEX_STRING,
	  .flags = XTOPT_INVERT, .excl = 1 << O_STRING },
	{ .name = "icase", .type = XTTYPE_NONE, .id = O_ICASE },
	XTABLES_OPT_END,
};

static void string_help(FILE *out)
{
	fputs(
"string match options:\n"
"--from                       Offset to start searching from\n"
"--to                         Offset to stop searching\n"
"--algo                       Algorithm\n"
"--icase                      Ignore case (default: 0)\n"
"[!] --string string          Match a string in a packet\n"
"[!] --hex-string string      Match a hex string in a packet\n", out);
}

static void string_init(void *data)
{
	struct xt_string_info *info = data;

	info->to_offset = UINT16_MAX;
}

static int string_too_long(struct xtables_err *err, const char *arg)
{
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			    "STRING too long \"%s\"", arg);
}

/* A plain pattern is taken as it is. */
static int parse_plain(struct xtables_err *err, const char *arg,
		       struct xt_string_info *info)
{
	size_t len = strlen(arg);

	if (len > XT_STRING_MAX_PATTERN_SIZE)
		return string_too_long(err, arg);
	memset(info->pattern, 0, sizeof(info->pattern));
	memcpy(info->pattern, arg, len);
	info->patlen = len;
	return 0;
}

/*
 * A hex pattern mixes plain characters, "\c" escapes and "|xx xx|"
 * blocks of hexadecimal bytes.  The scanning rules (including what
 * happens right after a closing '|') follow the reference exactly.
 */
static int parse_hex(struct xtables_err *err, const char *s,
		     struct xt_string_info *info)
{
	size_t len = strlen(s), i = 0, n = 0;
	bool in_hex = false, escaped = false;

	if (len == 0)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "STRING must contain at least one char");
	memset(info->pattern, 0, sizeof(info->pattern));

	while (i < len) {
		if (n >= XT_STRING_MAX_PATTERN_SIZE)
			return string_too_long(err, s);
		if (s[i] == '\\') {
			if (in_hex)
				return xtables_fail(err,
					XTABLES_PARAMETER_PROBLEM,
					"Cannot include literals in hex data");
			escaped = true;
		} else if (s[i] == '|') {
			in_hex = !in_hex;
			if (in_hex)
				while (s[i + 1] == ' ')
					i++;
			if (i + 1 >= len)
				break;
			i++;
		}

		if (escaped) {
			if (i + 1 >= len)
				return xtables_fail(err,
					XTABLES_PARAMETER_PROBLEM,
					"Bad literal placement at end of string");
			info->pattern[n] = s[i + 1];
			i += 2;
			escaped = false;
		} else if (in_hex) {
			char digits[3] = { 0 };

			if (i + 1 >= len)
				return xtables_fail(err,
					XTABLES_PARAMETER_PROBLEM,
					"Odd number of hex digits");
			if (i + 2 >= len)
				return xtables_fail(err,
					XTABLES_PARAMETER_PROBLEM,
					"Invalid hex block");
			for (int k = 0; k < 2; k++)
				if (!isxdigit((unsigned char)s[i + k]))
					return xtables_fail(err,
						XTABLES_PARAMETER_PROBLEM,
						"Invalid hex char '%c'", s[i + k]);
			digits[0] = s[i];
			digits[1] = s[i + 1];
			info->pattern[n] = (char)strtoul(digits, NULL, 16);
			i += s[i + 2] == ' ' ? 3 : 2;
		} else {
			info->pattern[n] = s[i];
			i++;
		}
		n++;
	}
	info->patlen = n;
	return 0;
}

static void set_invert(struct xt_string_info *info, uint8_t revision)
{
	if (revision == 0)
		info->u.v0.invert = 1;
	else
		info->u.v1.flags |= XT_STRING_FLAG_INVERT;
}

static int string_parse_rev(struct xtables_optcall *cb, uint8_t revision)
{
	struct xt_string_info *info = cb->data;
	int ret = 0;

	switch (cb->opt->id) {
	case O_FROM:
		info->from_offset = cb->val.u16;
		break;
	case O_TO:
		info->to_offset = cb->val.u16;
		break;
	case O_ALGO:
		memset(info->algo, 0, sizeof(info->algo));
		strncpy(info->algo, cb->arg, sizeof(info->algo) - 1);
		break;
	case O_STRING:
	case O_HEX_STRING:
		ret = cb->opt->id == O_STRING ?
			parse_plain(cb->err, cb->arg, info) :
			parse_hex(cb->err, cb->arg, info);
		if (ret == 0 && cb->invert)
			set_invert(info, revision);
		break;
	case O_ICASE:
		if (revision == 0)
			return xtables_fail(cb->err, XTABLES_VERSION_PROBLEM,
					    "Kernel doesn't support --icase");
		info->u.v1.flags |= XT_STRING_FLAG_IGNORECASE;
		break;
	}
	return ret;
}

static int string_parse_v0(struct xtables_optcall *cb)
{
	return string_parse_rev(cb, 0);
}

static int string_parse_v1(struct xtables_optcall *cb)
{
	return string_parse_rev(cb, 1);
}

static int string_check(struct xtables_checkcall *cb)
{
	if (!(cb->seen & (1 << O_STRING | 1 << O_HEX_STRING)))
		return xtables_fail(cb->err, XTABLES_PARAMETER_PROBLEM,
			"STRING match: You must specify `--string' or `--hex-string'");
	return 0;
}

/* Shown in hex when any byte is not printable or it ends in '\'. */
static bool needs_hex(const char *p, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++)
		if (!isprint((unsigned char)p[i]))
			return true;
	return len > 0 && p[len - 1] == '\\';
}

static void put_pattern(FILE *out, const char *p, unsigned int len)
{
	static const char hex[] = "0123456789abcdef";

	xtables_put_lit(out, " \"");
	if (needs_hex(p, len)) {
		putc_unlocked('|', out);
		for (unsigned int i = 0; i < len; i++) {
			putc_unlocked(hex[(unsigned char)p[i] >> 4], out);
			putc_unlocked(hex[(unsigned char)p[i] & 15], out);
		}
		putc_unlocked('|', out);
	} else {
		for (unsigned int i = 0; i < len; i++) {
			if (p[i] == '"' || p[i] == '\\')
				putc_unlocked('\\', out);
			putc_unlocked(p[i], out);
		}
	}
	putc_unlocked('"', out);
}

/* The algorithm name, "%.*s" of its field. */
static void put_algo(FILE *out, const struct xt_string_info *info)
{
	xtables_put(out, info->algo,
		    strnlen(info->algo, XT_STRING_MAX_ALGO_NAME_SIZE));
}

static bool is_inverted(const struct xt_string_info *info, uint8_t revision)
{
	return revision == 0 ? info->u.v0.invert :
	       info->u.v1.flags & XT_STRING_FLAG_INVERT;
}

static bool is_icase(const struct xt_string_info *info, uint8_t revision)
{
	return revision > 0 && info->u.v1.flags & XT_STRING_FLAG_IGNORECASE;
}

static unsigned int patlen(const struct xt_string_info *info)
{
	return info->patlen > XT_STRING_MAX_PATTERN_SIZE ?
	       XT_STRING_MAX_PATTERN_SIZE : info->patlen;
}

static void string_print_rev(FILE *out, const void *data, uint8_t revision)
{
	const struct xt_string_info *info = data;

	xtables_puts(out, is_inverted(info, revision) ? " STRING match !" :
						       " STRING match ");
	put_pattern(out, info->pattern, patlen(info));
	xtables_put_lit(out, " ALGO name ");
	put_algo(out, info);
	if (info->from_offset != 0) {
		xtables_put_lit(out, " FROM ");
		xtables_put_uint(out, info->from_offset);
	}
	if (info->to_offset != UINT16_MAX) {
		xtables_put_lit(out, " TO ");
		xtables_put_uint(out, info->to_offset);
	}
	if (is_icase(info, revision))
		xtables_put_lit(out, " ICASE");
}

static void string_save_rev(FILE *out, const void *data, uint8_t revision)
{
	const struct xt_string_info *info = data;

	if (is_inverted(info, revision))
		xtables_put_lit(out, " !");
	xtables_puts(out, needs_hex(info->pattern, patlen(info)) ?
			  " --hex-string" : " --string");
	put_pattern(out, info->pattern, patlen(info));
	xtables_put_lit(out, " --algo ");
	put_algo(out, info);
	if (info->from_offset != 0) {
		xtables_put_lit(out, " --from ");
		xtables_put_uint(out, info->from_offset);
	}
	if (info->to_offset != UINT16_MAX) {
		xtables_put_lit(out, " --to ");
		xtables_put_uint(out, info->to_offset);
	}
	if (is_icase(info, revision))
		xtables_put_lit(out, " --icase");
}

static void string_print_v0(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	string_print_rev(out, data, 0);
}

static void string_print_v1(FILE *out, const struct xtables_rule_ip *ip,
			    const void *data, unsigned int flags)
{
	string_print_rev(out, data, 1);
}

static void string_save_v0(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	string_save_rev(out, data, 0);
}

static void string_save_v1(FILE *out, const struct xtables_rule_ip *ip,
			   const void *data)
{
	string_save_rev(out, data, 1);
}

static const struct xtables_ext string_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "string",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_string_info),
		.userspacesize = offsetof(struct xt_string_info, config),
		.help = string_help,
		.init = string_init,
		.options = string_opts,
		.parse = string_parse_v0,
		.check = string_check,
		.print = string_print_v0,
		.save = string_save_v0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "string",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_string_info),
		.userspacesize = offsetof(struct xt_string_info, config),
		.help = string_help,
		.init = string_init,
		.options = string_opts,
		.parse = string_parse_v1,
		.check = string_check,
		.print = string_print_v1,
		.save = string_save_v1,
	},
};

XTABLES_EXTENSIONS(string_exts)
