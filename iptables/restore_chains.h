/*
 * restore_chains.h - the chain names iptables-restore has seen on
 * ":CHAIN" lines.  As in the reference, such a name is no longer looked
 * up as a target extension for the rest of the run (any table): "-j NAME"
 * jumps to the chain, never loads libxt_NAME.
 */
#ifndef IPTABLES_RESTORE_CHAINS_H
#define IPTABLES_RESTORE_CHAINS_H

#include <stdbool.h>

/* Remember name (a ":CHAIN" line).  Out of memory is ignored: the name
 * is then merely looked up as an extension. */
void restore_chain_announce(const char *name);

/* Whether name was announced; always false outside iptables-restore. */
bool restore_chain_announced(const char *name);

#endif
