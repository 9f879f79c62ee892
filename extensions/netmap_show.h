/*
 * netmap_show.h - what the IPv4 and IPv6 NETMAP targets share: turning
 * the parsed network (address and mask) into the kernel's first/last
 * address pair, and showing that pair again as network/prefix.  Linked
 * into both extensions' shared objects; not part of libxtables.
 */
#ifndef NETMAP_SHOW_H
#define NETMAP_SHOW_H

#include <xtables/extension.h>

#pragma GCC visibility push(hidden)

/* words: 1 (IPv4) or 4 (IPv6) 32-bit words of the addresses. */
void netmap_range(const union nf_inet_addr *addr,
		  const union nf_inet_addr *mask, unsigned int words,
		  union nf_inet_addr *min, union nf_inet_addr *max);

/* " to:NET/PLEN" (-L) or " --to NET/PLEN" (save); a mask with holes is
 * shown as an address. */
void netmap_show(FILE *out, uint8_t family, const union nf_inet_addr *min,
		 const union nf_inet_addr *max, bool save);

#pragma GCC visibility pop
#endif
