/*
 * tos_symbols.c - the symbolic TOS values (see tos_symbols.h).
 */
#include "tos_symbols.h"

static const struct {
	uint8_t value;
	const char *name;
} symbols[] = {
	{ 0x10, "Minimize-Delay" },
	{ 0x08, "Maximize-Throughput" },
	{ 0x04, "Maximize-Reliability" },
	{ 0x02, "Minimize-Cost" },
	{ 0x00, "Normal-Service" },
};

#define NSYMBOLS (sizeof(symbols) / sizeof(symbols[0]))

__attribute__((visibility("hidden")))
void tos_symbols_help(FILE *out, unsigned int indent)
{
	for (size_t i = 0; i < NSYMBOLS; i++)
		fprintf(out, "%*s(0x%02x) %2u %s\n", (int)indent, "",
			symbols[i].value, symbols[i].value, symbols[i].name);
}

__attribute__((visibility("hidden")))
bool tos_symbols_print(FILE *out, const char *prefix, uint8_t value,
		       uint8_t mask)
{
	if (mask != TOS_SYMBOL_MASK)
		return false;
	for (size_t i = 0; i < NSYMBOLS; i++)
		if (symbols[i].value == value) {
			fprintf(out, " %s%s", prefix, symbols[i].name);
			return true;
		}
	return false;
}
