/*
 * NOTRACK target (raw table): leaves packets untracked.  It has no
 * options.  Upstream and the kernel express it as the CT target with
 * --notrack: "-j NOTRACK" becomes CT revision 2 flagged so that it is
 * listed and saved as NOTRACK again (revisions 1 and 0 when the kernel
 * lacks 2; those are listed as CT).  The kernel's own NOTRACK target
 * is the fallback when CT is missing altogether.
 *
 * CT's print and save (libxt_CT) serve the rules read back.
 */
#include <xtables/extension.h>
#include "ct_target.h"

static void NOTRACK_init_ct0(void *data)
{
	struct xt_ct_target_info *info = data;

	info->flags = XT_CT_NOTRACK;
}

static void NOTRACK_init_ct1(void *data)
{
	struct xt_ct_target_info_v1 *info = data;

	info->flags = XT_CT_NOTRACK;
}

static void NOTRACK_init_ct2(void *data)
{
	struct xt_ct_target_info_v1 *info = data;

	info->flags = CT_NOTRACK_ALIAS_FLAGS;
}

static const struct xtables_ext NOTRACK_exts[] = {
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NOTRACK",
		.real_name = "CT",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_ct_target_info),
		.userspacesize = offsetof(struct xt_ct_target_info, ct),
		.init = NOTRACK_init_ct0,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NOTRACK",
		.real_name = "CT",
		.revision = 1,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_ct_target_info_v1),
		.userspacesize = offsetof(struct xt_ct_target_info_v1, ct),
		.init = NOTRACK_init_ct1,
	},
	{
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NOTRACK",
		.real_name = "CT",
		.revision = 2,
		.family = NFPROTO_UNSPEC,
		.size = sizeof(struct xt_ct_target_info_v1),
		.userspacesize = offsetof(struct xt_ct_target_info_v1, ct),
		.init = NOTRACK_init_ct2,
		/* listed and saved as NOTRACK (CT's alias callback) */
		.ext_flags = XTABLES_EXT_ALIAS,
	},
	{
		/* the kernel's NOTRACK target, no data */
		.abi = XTABLES_ABI_VERSION,
		.kind = XTABLES_TARGET,
		.name = "NOTRACK",
		.revision = 0,
		.family = NFPROTO_UNSPEC,
		.size = 0,
	},
};

XTABLES_EXTENSIONS(NOTRACK_exts)
