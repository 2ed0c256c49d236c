/* A session: models loaded and checked together, sharing one arena and one diagnostics list.
 *
 * Ownership: every file, model and string of a session belongs to its arena and dies with
 * rp_session_free(). */
#ifndef RP_PRODUCE_SESSION_H
#define RP_PRODUCE_SESSION_H

#include "load/load.h"
#include "util/diag.h"

#include <stddef.h>

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

/* Loads `path` now (without checking it), for the sessions of this process (and of
 * processes forked after) to take as loaded: every session that loads `path` gets this
 * model, with the diagnostics loading it gave, rather than reading and parsing the file
 * again. Kept only when it loads without errors. Not thread-safe. */
void rp_session_preload(const char *path);

/* Forgets the files loaded ahead (those already given to a session stay theirs only as long
 * as this is not called: call it when no session of this process uses them). */
void rp_session_preload_free(void);

#endif
