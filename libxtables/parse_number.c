/*
 * parse_number.c - unsigned numbers as upstream reads them: base 0
 * (decimal, 0x hex, 0 octal), leading blanks allowed, no minus sign.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include "option_core.h"

int xtables_strtoul(const char *s, char **end, uint64_t *value,
		    uint64_t min, uint64_t max)
{
	const char *p;
	char *my_end;
	uintmax_t v;

	if (s[0] == '0' && !(s[1] >= '0' && s[1] <= '9') && s[1] != 'x' &&
	    s[1] != 'X') {
		/* a lone 0 (octal for strtoumax) */
		v = 0;
		errno = 0;
		my_end = (char *)s + 1;
		goto parsed;
	}
	if (*s >= '1' && *s <= '9') {
		/* plain decimal, by far the common case: what strtoumax()
		 * gives, without its locale and base handling; 19 digits
		 * cannot overflow */
		unsigned int n = 0;

		v = 0;
		for (p = s; *p >= '0' && *p <= '9' && n < 19; p++, n++)
			v = v * 10 + (unsigned int)(*p - '0');
		if (!(*p >= '0' && *p <= '9')) {
			errno = 0;
			my_end = (char *)p;
			goto parsed;
		}
	}
	for (p = s; isspace((unsigned char)*p); ++p)
		;
	if (*p == '-')
		return -1;
	errno = 0;
	v = strtoumax(s, &my_end, 0);
parsed:
	if (my_end == s)
		return -1;
	if (end != NULL)
		*end = my_end;
	if (errno == ERANGE || v < min || (max != 0 && v > max))
		return -1;
	if (end == NULL && *my_end != '\0')
		return -1;
	if (value != NULL)
		*value = v;
	return 0;
}

bool xt_strtoui(const char *s, unsigned int *value, unsigned int min,
		unsigned int max)
{
	uint64_t v;

	if (xtables_strtoul(s, NULL, &v, min, max) != 0)
		return false;
	if (value != NULL)
		*value = (unsigned int)v;
	return true;
}

uint32_t xtables_double_to_u32(double v)
{
	if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0))
		return 0;
	return (uint32_t)(uint64_t)(int64_t)v;
}
