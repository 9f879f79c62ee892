/*
 * blob_seed.c - write a live IPv4 table as an input of fuzz_blob
 * (struct blob_header, then the entries).  Run it in the namespace
 * that holds the table.
 *
 * usage: blob_seed TABLE > FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include "fuzz_blob.h"

int main(int argc, char **argv)
{
	struct ipt_getinfo info = { 0 };
	struct ipt_get_entries *ent;
	struct blob_header h = { 0 };
	socklen_t len = sizeof(info);
	int fd;

	if (argc != 2 || strlen(argv[1]) >= sizeof(info.name)) {
		fprintf(stderr, "usage: blob_seed TABLE\n");
		return 2;
	}
	fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	strcpy(info.name, argv[1]);
	if (getsockopt(fd, IPPROTO_IP, IPT_SO_GET_INFO, &info, &len) < 0) {
		perror("IPT_SO_GET_INFO");
		return 1;
	}
	len = sizeof(*ent) + info.size;
	ent = calloc(1, len);
	if (ent == NULL)
		return 1;
	strcpy(ent->name, argv[1]);
	ent->size = info.size;
	if (getsockopt(fd, IPPROTO_IP, IPT_SO_GET_ENTRIES, ent, &len) < 0) {
		perror("IPT_SO_GET_ENTRIES");
		return 1;
	}
	h.valid_hooks = info.valid_hooks;
	memcpy(h.hook_entry, info.hook_entry, sizeof(h.hook_entry));
	memcpy(h.underflow, info.underflow, sizeof(h.underflow));
	if (fwrite(&h, sizeof(h), 1, stdout) != 1 ||
	    fwrite(ent->entrytable, info.size, 1, stdout) != 1 ||
	    fflush(stdout) != 0)
		return 1;
	free(ent);
	return 0;
}
