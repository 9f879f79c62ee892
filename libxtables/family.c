/*
 * family.c - what is the same for every family: the built-in tables
 * with their hooks, and the names of the hooks' built-in chains.
 */
#include <string.h>
#include <xtables/family.h>

#define HOOK(h) (1u << NF_INET_##h)

static const struct xtables_table_desc table_descs[] = {
	{ "filter",   HOOK(LOCAL_IN) | HOOK(FORWARD) | HOOK(LOCAL_OUT) },
	{ "nat",      HOOK(PRE_ROUTING) | HOOK(LOCAL_IN) | HOOK(LOCAL_OUT) |
		      HOOK(POST_ROUTING) },
	{ "mangle",   HOOK(PRE_ROUTING) | HOOK(LOCAL_IN) | HOOK(FORWARD) |
		      HOOK(LOCAL_OUT) | HOOK(POST_ROUTING) },
	{ "raw",      HOOK(PRE_ROUTING) | HOOK(LOCAL_OUT) },
	{ "security", HOOK(LOCAL_IN) | HOOK(FORWARD) | HOOK(LOCAL_OUT) },
};

static const char *const hook_names[NF_INET_NUMHOOKS] = {
	[NF_INET_PRE_ROUTING]	= "PREROUTING",
	[NF_INET_LOCAL_IN]	= "INPUT",
	[NF_INET_FORWARD]	= "FORWARD",
	[NF_INET_LOCAL_OUT]	= "OUTPUT",
	[NF_INET_POST_ROUTING]	= "POSTROUTING",
};

const struct xtables_table_desc *xtables_table_desc(const char *name)
{
	for (size_t i = 0; i < sizeof(table_descs) / sizeof(table_descs[0]); i++)
		if (strcmp(table_descs[i].name, name) == 0)
			return &table_descs[i];
	return NULL;
}

const char *xtables_hook_name(unsigned int hook)
{
	return hook < NF_INET_NUMHOOKS ? hook_names[hook] : NULL;
}
