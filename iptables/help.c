/*
 * help.c - `iptables -h`: the generic usage text (it is observable
 * output, so it reproduces the reference's bytes), then the help of the
 * extensions the command line loaded, target first.
 */
#include "cmd.h"

static const char *const usage_forms[] = {
	"-[ACD] chain rule-specification [options]",
	"-I chain [rulenum] rule-specification [options]",
	"-R chain rulenum rule-specification [options]",
	"-D chain rulenum [options]",
	"-[LS] [chain [rulenum]] [options]",
	"-[FZ] [chain] [options]",
	"-[NX] chain",
	"-E old-chain-name new-chain-name",
	"-P chain target [options]",
	"-h (print this help information)",
};

static const char commands_text[] =
	"Commands:\n"
	"Either long or short options are allowed.\n"
	"  --append  -A chain\t\tAppend to chain\n"
	"  --check   -C chain\t\tCheck for the existence of a rule\n"
	"  --delete  -D chain\t\tDelete matching rule from chain\n"
	"  --delete  -D chain rulenum\n"
	"\t\t\t\tDelete rule rulenum (1 = first) from chain\n"
	"  --insert  -I chain [rulenum]\n"
	"\t\t\t\tInsert in chain as rulenum (default 1=first)\n"
	"  --replace -R chain rulenum\n"
	"\t\t\t\tReplace rule rulenum (1 = first) in chain\n"
	"  --list    -L [chain [rulenum]]\n"
	"\t\t\t\tList the rules in a chain or all chains\n"
	"  --list-rules -S [chain [rulenum]]\n"
	"\t\t\t\tPrint the rules in a chain or all chains\n"
	"  --flush   -F [chain]\t\tDelete all rules in  chain or all chains\n"
	"  --zero    -Z [chain [rulenum]]\n"
	"\t\t\t\tZero counters in chain or all chains\n"
	"  --new     -N chain\t\tCreate a new user-defined chain\n"
	"  --delete-chain\n"
	"            -X [chain]\t\tDelete a user-defined chain\n"
	"  --policy  -P chain target\n"
	"\t\t\t\tChange policy on chain to target\n"
	"  --rename-chain\n"
	"            -E old-chain new-chain\n"
	"\t\t\t\tChange chain name, (moving any references)\n"
	"\n"
	"Options:\n";

/* %s: what -4 and -6 do for this family ("Nothing" / "Error"). */
static const char family_text[] =
	"    --ipv4\t-4\t\t%s (line is ignored by ip6tables-restore)\n"
	"    --ipv6\t-6\t\t%s (line is ignored by iptables-restore)\n";

static const char rule_text[] =
	"[!] --protocol\t-p proto\tprotocol: by number or name, eg. `tcp'\n"
	"[!] --source\t-s address[/mask][...]\n"
	"\t\t\t\tsource specification\n"
	"[!] --destination -d address[/mask][...]\n"
	"\t\t\t\tdestination specification\n"
	"[!] --in-interface -i input name[+]\n"
	"\t\t\t\tnetwork interface name ([+] for wildcard)\n"
	" --jump\t-j target\n"
	"\t\t\t\ttarget for rule (may load target extension)\n"
	"  --goto      -g chain\n"
	"\t\t\t       jump to chain with no return\n"
	"  --match\t-m match\n"
	"\t\t\t\textended match (may load extension)\n"
	"  --numeric\t-n\t\tnumeric output of addresses and ports\n"
	"[!] --out-interface -o output name[+]\n"
	"\t\t\t\tnetwork interface name ([+] for wildcard)\n"
	"  --table\t-t table\ttable to manipulate (default: `filter')\n"
	"  --verbose\t-v\t\tverbose mode\n"
	"  --wait\t-w [seconds]\tmaximum wait to acquire xtables lock before give up\n"
	"  --line-numbers\t\tprint line numbers when listing\n"
	"  --exact\t-x\t\texpand numbers (display exact values)\n";

static const char fragment_text[] =
	"[!] --fragment\t-f\t\tmatch second or further fragments only\n";

static const char tail_text[] =
	"  --modprobe=<command>\t\ttry to insert modules using this command\n"
	"  --set-counters -c PKTS BYTES\tset the counter during insert/append\n"
	"[!] --version\t-V\t\tprint package version.\n";

void print_help(FILE *out, const struct xtables_family *fam)
{
	bool ipv4 = fam->nfproto == NFPROTO_IPV4;
	unsigned int i;

	fprintf(out, "%s v%s (legacy)\n\n", fam->prog, XTABLES_VERSION);
	for (i = 0; i < sizeof(usage_forms) / sizeof(usage_forms[0]); i++)
		fprintf(out, "%s%s %s\n", i ? "       " : "Usage: ",
			fam->prog, usage_forms[i]);
	fputc('\n', out);
	fputs(commands_text, out);
	fprintf(out, family_text, ipv4 ? "Nothing" : "Error",
		ipv4 ? "Error" : "Nothing");
	fputs(rule_text, out);
	if (ipv4)
		fputs(fragment_text, out);
	fputs(tail_text, out);
}

static void print_ext_help(FILE *out, const struct xtables_ext *ext)
{
	fputc('\n', out);
	if (ext->help == NULL)
		fprintf(out, "%s does not take any options\n", ext->name);
	else
		ext->help(out);
}

void cmd_print_help(FILE *out, const struct cmd *c)
{
	unsigned int i;

	print_help(out, c->fam);
	if (c->target.ext != NULL)
		print_ext_help(out, c->target.ext);
	for (i = 0; i < c->nmatches; i++)
		print_ext_help(out, c->matches[i].ext);
}
