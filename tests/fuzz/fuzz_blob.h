/*
 * fuzz_blob.h - the input format of fuzz_blob: this header (what
 * IPT_SO_GET_INFO says about the table), then the entries
 * (IPT_SO_GET_ENTRIES' entrytable), all in host byte order.
 */
#ifndef FUZZ_BLOB_H
#define FUZZ_BLOB_H

#include <stdint.h>

struct blob_header {
	uint32_t valid_hooks;
	uint32_t hook_entry[5];
	uint32_t underflow[5];
};

#endif
