/* The command-line interface: one function per command, each returning the exit status.
 *
 * Exit statuses: enum rp_exit (util/exit.h), documented in --help and README.md. */
#ifndef RP_CLI_H
#define RP_CLI_H

#include "produce/session.h"
#include "util/exit.h"

#include <stdbool.h>
#include <stdio.h>

int rp_cmd_check(int argc, char **argv);
int rp_cmd_dump(int argc, char **argv);
int rp_cmd_stats(int argc, char **argv);
int rp_cmd_render(int argc, char **argv);
int rp_cmd_build(int argc, char **argv);
int rp_cmd_coverage(int argc, char **argv);
int rp_cmd_xliff(int argc, char **argv);

/* Prints the usage text to `out`. */
void rp_cli_usage(FILE *out);

/* What every command does with its options (src/cli/options.c). */

/* Prints "rapport COMMAND: " and `fmt` filled with `arg` on stderr, then where the command's
 * help is; returns RP_EXIT_USAGE. */
int rp_cli_bad_usage(const char *command, const char *fmt, const char *arg);

/* The value of the option at argv[*i] when it is `name` ("--lang nl", "--lang=nl") or
 * `short_name` ("-o out", "-oout"; NULL when it has none), *i moved past a separate value;
 * "" when the value is missing; NULL when argv[*i] is another option. */
const char *rp_cli_value(int argc, char **argv, int *i, const char *name, const char *short_name);

/* Whether `code` names an edition's language exactly: fr, nl, en or de. */
bool rp_cli_lang_ok(const char *code);

#endif
