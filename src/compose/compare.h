/* The year told against the year before: what the evaluation dashboard compares.
 *
 * Pure model logic, no document: which earlier evaluation is "the previous year", how one
 * indicator's status and value moved between the two, and its target beside its result.
 * Nothing is invented: without a previous evaluation, or without a value in either year,
 * the comparison says so (has_before false, move RP_MOVE_UNKNOWN). */
#ifndef RP_COMPOSE_COMPARE_H
#define RP_COMPOSE_COMPARE_H

#include "compose/status.h"
#include "model/model.h"

#include <stdbool.h>
#include <stddef.h>

/* The latest of `evals` whose year is before `eval`'s, or NULL: the year the dashboard
 * compares with. Evaluations of the same or a later year are never "previous". */
const struct rp_evaluation *rp_eval_previous(const struct rp_evaluation *const *evals, size_t count,
                                             const struct rp_evaluation *eval);

/* How a measured value moved from the previous year to this one. */
enum rp_value_move { RP_MOVE_UNKNOWN, RP_MOVE_UP, RP_MOVE_DOWN, RP_MOVE_SAME };

struct rp_indicator_change {
    struct rp_indicator_assessment now, before; /* `before` only when has_before */
    bool has_before;                            /* a previous evaluation was given */
    bool has_value_now, has_value_before;
    double value_now, value_before; /* the value answering the norm's first threshold */
    enum rp_value_move move;        /* UNKNOWN unless both years have a value */
    /* +1 when the value moved the way the indicator aims (up for `increase`, down for
     * `decrease`), -1 the other way, 0 when it did not move, is unknown or has no aim. */
    int progress;
    bool has_target; /* the norm states a threshold (single, tiered) or a deliverable */
    double target;   /* the first threshold; 1 for a deliverable */
    bool target_met; /* this year's status is met or delivered */
};

/* Compares `ind` in `now` with `before` (NULL: no previous evaluation). */
struct rp_indicator_change rp_indicator_compare(const struct rp_indicator *ind,
                                                const struct rp_evaluation *now,
                                                const struct rp_evaluation *before);

/* The indicators of a plan whose value moved, counted (both years measured). */
struct rp_move_counts {
    size_t up, down, same;
    size_t better, worse; /* moved the indicator's way, or against it */
};

/* Tallies the moves of every indicator of `plan` between `before` and `now`; all zero when
 * `before` is NULL. */
struct rp_move_counts rp_plan_moves(const struct rp_plan *plan, const struct rp_evaluation *now,
                                    const struct rp_evaluation *before);

/* now - before, as a signed count. */
long rp_count_change(size_t now, size_t before);

#endif
