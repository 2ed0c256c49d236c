/* The command-line interface: one function per command, each returning the exit status.
 *
 * Exit statuses: enum rp_exit (util/exit.h), documented in --help and README.md. */
#ifndef RP_CLI_H
#define RP_CLI_H

#include "produce/session.h"
#include "util/exit.h"

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

#endif
