/* Semantic checks over the model: every problem of a file in one run, as located
 * diagnostics. Errors stop the documents of that file; warnings (defects of the source
 * itself, such as a wrong stated total) do not. */
#ifndef RP_CHECK_H
#define RP_CHECK_H

#include "model/index.h"
#include "model/model.h"
#include "util/diag.h"

struct rp_arena;

/* Builds the id index of a plan, reporting duplicate ids. The index lives in `arena`. */
struct rp_index *rp_plan_index(const struct rp_plan *plan, struct rp_arena *arena,
                               struct rp_diags *diags);

/* Checks a plan: duplicate ids, references, periods, table arithmetic, placeholders. */
void rp_check_plan(const struct rp_plan *plan, struct rp_arena *arena, struct rp_diags *diags);

/* Checks an evaluation; `plan` is its plan or NULL for a stand-alone report. */
void rp_check_evaluation(const struct rp_evaluation *eval, const struct rp_plan *plan,
                         struct rp_arena *arena, struct rp_diags *diags);

#endif
