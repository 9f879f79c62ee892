/*
 * ct_target.h - what the CT target and its NOTRACK alias share: the
 * flag a rule made with "-j NOTRACK" carries.
 */
#ifndef CT_TARGET_H
#define CT_TARGET_H

#include <linux/netfilter/xt_CT.h>

/* "-j NOTRACK" through CT revision 2: untracked, and shown as NOTRACK. */
#define CT_NOTRACK_ALIAS_FLAGS (XT_CT_NOTRACK | XT_CT_NOTRACK_ALIAS)

#endif
