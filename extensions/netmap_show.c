/*
 * netmap_show.c - network range handling shared by the NETMAP targets.
 */
#include "netmap_show.h"

void netmap_range(const union nf_inet_addr *addr,
		  const union nf_inet_addr *mask, unsigned int words,
		  union nf_inet_addr *min, union nf_inet_addr *max)
{
	for (unsigned int i = 0; i < words; i++) {
		min->all[i] = addr->all[i] & mask->all[i];
		max->all[i] = min->all[i] | ~mask->all[i];
	}
}

void netmap_show(FILE *out, uint8_t family, const union nf_inet_addr *min,
		 const union nf_inet_addr *max, bool save)
{
	unsigned int words = family == NFPROTO_IPV6 ? 4 : 1;
	union nf_inet_addr mask = { .all = { 0 } };
	char buf[64];
	int plen;

	for (unsigned int i = 0; i < words; i++)
		mask.all[i] = ~(min->all[i] ^ max->all[i]);
	fputs(save ? " --to " : " to:", out);
	fputs(xtables_addr_to_text(family, min, buf, sizeof(buf)), out);
	plen = xtables_mask_to_plen(family, &mask);
	if (plen < 0)
		fprintf(out, "/%s",
			xtables_addr_to_text(family, &mask, buf, sizeof(buf)));
	else
		fprintf(out, "/%d", plen);
}
