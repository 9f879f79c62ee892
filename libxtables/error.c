/*
 * error.c - recording errors for the caller, and passing warnings on to
 * the program (the library itself never prints).
 */
#include <stdarg.h>
#include <stdio.h>
#include <xtables/extension.h>

int xtables_fail(struct xtables_err *err, int status, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->status = status;
	err->raw = false;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static xtables_warn_fn warn_handler;
static unsigned long warn_count;

unsigned long xtables_warn_count(void)
{
	return warn_count;
}

void xtables_set_warn_handler(xtables_warn_fn fn)
{
	warn_handler = fn;
}

void xtables_warn(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	warn_count++;
	if (warn_handler == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warn_handler(msg);
}
