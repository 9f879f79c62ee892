/*
 * dscp_class.h - DiffServ class names (BE, EF, AFxy, CSx) and their
 * codepoints, shared by the dscp match and the DSCP target.
 */
#ifndef DSCP_CLASS_H
#define DSCP_CLASS_H

#include <xtables/extension.h>

/* The codepoint of the class NAME starts with (case-insensitive, as
 * the reference compares: "CS10" is CS1); -1 with err set if none. */
int dscp_class_value(const char *name, struct xtables_err *err);

#endif
