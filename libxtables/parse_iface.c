/*
 * parse_iface.c - -i / -o: interface name, "+" as wildcard suffix, and
 * the mask of bytes the kernel compares.  A name with '/' or ' ' is
 * accepted; upstream's "Warning: weird character ..." is the caller's.
 */
#include <string.h>
#include "option_core.h"

int xtables_parse_iface(const char *arg, char *name, unsigned char *mask,
			struct xtables_err *err)
{
	size_t len = strlen(arg);

	memset(name, 0, IFNAMSIZ);
	memset(mask, 0, IFNAMSIZ);
	if (len == 0)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
				    "Empty interface is likely to be undesired");
	if (len + 1 > IFNAMSIZ)
		return xtables_fail(err, XTABLES_PARAMETER_PROBLEM,
			"interface name `%s' must be shorter than %d characters",
			arg, IFNAMSIZ);
	memcpy(name, arg, len);
	if (arg[len - 1] == '+')
		memset(mask, 0xff, len - 1);	/* the '+' itself stays in name */
	else
		memset(mask, 0xff, len + 1);	/* the terminating NUL too */
	return 0;
}
