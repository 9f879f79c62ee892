/*
 * tos_symbols.h - the symbolic TOS values (Minimize-Delay, ...) as the
 * tos match and the TOS target list and print them.  Parsing them is
 * the option core's (XTTYPE_TOSMASK).
 */
#ifndef TOS_SYMBOLS_H
#define TOS_SYMBOLS_H

#include <xtables/extension.h>

/* The mask a symbolic value stands for (only the TOS bits). */
#define TOS_SYMBOL_MASK 0x3f

/* Help lines "(0xVV) DD Name", each after INDENT spaces. */
void tos_symbols_help(FILE *out, unsigned int indent);

/* Print " " PREFIX NAME and return true if value/mask is a symbol. */
bool tos_symbols_print(FILE *out, const char *prefix, uint8_t value,
		       uint8_t mask);

#endif
