/* Loading a plan or an evaluation file into the model. */
#ifndef RP_LOAD_H
#define RP_LOAD_H

#include "model/model.h"
#include "util/diag.h"

struct rp_arena;

enum rp_file_kind { RP_FILE_NONE, RP_FILE_PLAN, RP_FILE_EVALUATION };

struct rp_file {
    enum rp_file_kind kind;
    const char *path;
    struct rp_plan *plan;             /* RP_FILE_PLAN */
    struct rp_evaluation *evaluation; /* RP_FILE_EVALUATION */
};

/* Parses, validates and loads `path` into `arena`. Returns 0 and fills *out on success;
 * returns -1 with every problem recorded in `diags` otherwise (*out.kind is RP_FILE_NONE). */
__attribute__((warn_unused_result)) int rp_load(const char *path, struct rp_arena *arena,
                                                struct rp_diags *diags, struct rp_file *out);

/* The same from memory (`name` is used in diagnostics): fuzzing and tests. */
__attribute__((warn_unused_result)) int rp_load_memory(const char *data, size_t size,
                                                       const char *name, struct rp_arena *arena,
                                                       struct rp_diags *diags, struct rp_file *out);

#endif
