/* The command-line interface: one function per command, each returning the exit status.
 *
 * Exit statuses (documented in --help and README.md):
 *   0  success (warnings allowed)
 *   1  an input has errors, or a document could not be produced
 *   2  usage error (unknown command or option, missing argument) */
#ifndef RP_CLI_H
#define RP_CLI_H

#include "load/load.h"
#include "util/diag.h"

enum { RP_EXIT_OK = 0, RP_EXIT_INPUT = 1, RP_EXIT_USAGE = 2 };

int rp_cmd_check(int argc, char **argv);
int rp_cmd_dump(int argc, char **argv);
int rp_cmd_stats(int argc, char **argv);
int rp_cmd_render(int argc, char **argv);
int rp_cmd_build(int argc, char **argv);

/* Prints the usage text to `out`. */
void rp_cli_usage(FILE *out);

struct rp_session;

/* Loads the templates of `dir` into the session's arena and makes them the active ones;
 * returns 0, or -1 with the problems in the session's diagnostics. */
int rp_cli_use_templates(const char *dir, struct rp_session *s);

/* A set of loaded files sharing one arena and one diagnostics list. */
struct rp_session {
    struct rp_arena *arena;
    struct rp_diags diags;
    struct rp_file *files;
    size_t count, cap;
};

void rp_session_init(struct rp_session *s);
void rp_session_free(struct rp_session *s);

/* Loads and checks `path` (a plan, or an evaluation with its plan); returns the file, or
 * NULL when it has errors (they are in s->diags). */
const struct rp_file *rp_session_load(struct rp_session *s, const char *path);

/* The plan an evaluation refers to: one loaded in this session with that id, else the
 * plan.xml beside the evaluation when its id matches; NULL for a stand-alone report or when
 * none is found. */
const struct rp_plan *rp_session_plan_of(struct rp_session *s, const struct rp_file *eval);

#endif
