/* The seam between producing and the document builders: one adapter and one table line per
 * kind. The only file outside src/build/ that includes build/. */
#include "produce/kinds.h"

#include "build/build.h"

#include <string.h>

/* ---------------------------------------------------------------- adapters */

static struct rp_doc *build_budget(const struct rp_kind_input *in, enum rp_lang lang,
                                   const struct rp_templates *t, struct rp_arena *arena)
{
    return rp_build_budget(in->plan, rp_lang_code(lang), t, arena);
}

/* The latest evaluation of the plan, when there is one, gives each action's execution. */
static struct rp_doc *build_communication(const struct rp_kind_input *in, enum rp_lang lang,
                                          const struct rp_templates *t, struct rp_arena *arena)
{
    const struct rp_evaluation *latest = in->eval_count ? in->evals[in->eval_count - 1] : NULL;
    return rp_build_communication(in->plan, latest, rp_lang_code(lang), t, arena);
}

static struct rp_doc *build_evaluation(const struct rp_kind_input *in, enum rp_lang lang,
                                       const struct rp_templates *t, struct rp_arena *arena)
{
    return rp_build_evaluation(in->plan, in->evals, in->eval_count, rp_lang_code(lang), t,
                               arena);
}

/* ---------------------------------------------------------------- the table */

/* In name order (the manifest's order). Adding a kind: its adapter above, one line here. */
static const struct rp_kind kinds[] = {
    {"budget", RP_SCOPE_PLAN, RP_EVALS_NONE, NULL, build_budget},
    {"communication", RP_SCOPE_PLAN, RP_EVALS_LATEST, NULL, build_communication},
    {"evaluation", RP_SCOPE_YEAR, RP_EVALS_HISTORY, NULL, build_evaluation},
};

const struct rp_kind *const rp_kinds = kinds;
const size_t rp_kind_count = sizeof kinds / sizeof *kinds;

const struct rp_kind *rp_kind_find(const char *name)
{
    for (size_t i = 0; i < rp_kind_count; i++)
        if (strcmp(kinds[i].name, name) == 0)
            return &kinds[i];
    return NULL;
}

bool rp_kind_known(const char *name)
{
    static const char *const known[] = {"budget", "communication", "evaluation"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strcmp(known[i], name) == 0)
            return true;
    return false;
}

