/*
 * fuzz_common.h - what the fuzz targets share: the extension directory
 * ($XTABLES_LIBDIR, set by run.sh to extensions built with the
 * sanitizers) and a sink for printed output.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

static FILE *fuzz_sink;

static void fuzz_quiet_warning(const char *msg)
{
	(void)msg;
}

static inline void fuzz_init(const char *argv0)
{
	(void)argv0;
	if (getenv("XTABLES_LIBDIR") == NULL) {
		fprintf(stderr, "fuzz: set XTABLES_LIBDIR to the extensions\n");
		exit(2);
	}
	fuzz_sink = fopen("/dev/null", "we");
	if (fuzz_sink == NULL)
		exit(2);
	xtables_set_warn_handler(fuzz_quiet_warning);
}

#endif
