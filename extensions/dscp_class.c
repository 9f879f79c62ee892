/*
 * dscp_class.c - DiffServ class name to codepoint (see dscp_class.h).
 */
#include <string.h>
#include <strings.h>
#include "dscp_class.h"

/* Looked up in this order: the first name the argument starts with. */
static const struct {
	const char *name;
	uint8_t dscp;
} classes[] = {
	{ "CS0", 0x00 }, { "CS1", 0x08 }, { "CS2", 0x10 }, { "CS3", 0x18 },
	{ "CS4", 0x20 }, { "CS5", 0x28 }, { "CS6", 0x30 }, { "CS7", 0x38 },
	{ "BE", 0x00 },
	{ "AF11", 0x0a }, { "AF12", 0x0c }, { "AF13", 0x0e },
	{ "AF21", 0x12 }, { "AF22", 0x14 }, { "AF23", 0x16 },
	{ "AF31", 0x1a }, { "AF32", 0x1c }, { "AF33", 0x1e },
	{ "AF41", 0x22 }, { "AF42", 0x24 }, { "AF43", 0x26 },
	{ "EF", 0x2e },
};

__attribute__((visibility("hidden")))
int dscp_class_value(const char *name, struct xtables_err *err)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strncasecmp(name, classes[i].name,
				strlen(classes[i].name)) == 0)
			return classes[i].dscp;
	return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			    "Invalid DSCP value `%s'", name);
}
