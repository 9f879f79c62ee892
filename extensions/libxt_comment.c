/*
 * comment match: a free text of up to 255 characters carried with the
 * rule; it always matches.
 */
#include <string.h>
#include <xtables/extension.h>
#include <linux/netfilter/xt_comment.h>

enum { O_COMMENT };

static const struct xtables_option comment_opts[] = {
	{ .name = "comment", .type = XTTYPE_STRING, .id = O_COMMENT,
	  .flags = XTOPT_MAND },
	XTABLES_OPT_END,
};

static void comment_help(FILE *out)
{
	fputs("comment match options:\n"
	      "--comment COMMENT             Attach a comment to a rule\n",
	      out);
}

/* Longer texts are cut to what the kernel structure holds. */
static int comment_parse(struct xtables_optcall *cb)
{
	struct xt_comment_info *info = cb->data;
	size_t len = strlen(cb->arg);

	if (len > XT_MAX_COMMENT_LEN - 1)
		len = XT_MAX_COMMENT_LEN - 1;
	memcpy(info->comment, cb->arg, len);
	info->comment[len] = '\0';
	return 0;
}

/* The kernel's copy need not be terminated: read at most 255 bytes. */
static void comment_text(const void *data, char *buf)
{
	const struct xt_comment_info *info = data;
	size_t len = strnlen(info->comment, XT_MAX_COMMENT_LEN - 1);

	memcpy(buf, info->comment, len);
	buf[len] = '\0';
}

static void comment_print(FILE *out, const struct xtables_rule_ip *ip,
			  const void *data, unsigned int flags)
{
	char buf[XT_MAX_COMMENT_LEN];

	comment_text(data, buf);
	xtables_put_lit(out, " /* ");
	xtables_puts(out, buf);
	xtables_put_lit(out, " */");
}

static void comment_save(FILE *out, const struct xtables_rule_ip *ip,
			 const void *data)
{
	char buf[XT_MAX_COMMENT_LEN];

	comment_text(data, buf);
	xtables_put_lit(out, " --comment");
	xtables_save_string(out, buf);
}

static const struct xtables_ext comment_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_MATCH,
		.name = "comment",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_comment_info),
		.help = comment_help,
		.options = comment_opts,
		.parse = comment_parse,
		.print = comment_print,
		.save = comment_save,
	},
};

XTABLES_EXTENSIONS(comment_exts)
