/* Indicator status, computed from the norm and the measured values; never typed by hand.
 *
 * The rules, in order:
 * - a norm of kind "undefined" (or a single/tiered norm without threshold) gives
 *   NORM_UNDEFINED, whether or not a value was measured: there is nothing to judge it by;
 * - no value at all gives NOT_MEASURED;
 * - a deliverable is DELIVERED when its value is 1 (any value >= 1), else NOT_DELIVERED;
 * - a single norm is MET when its value reaches the threshold, else NOT_MET;
 * - a tiered norm is judged threshold by threshold: all reached gives MET, some PARTIAL,
 *   none NOT_MET; a threshold without a value counts as not reached.
 * "Reached" respects the indicator's direction and is exact at the boundary: with
 * `increase` (and `none`, read as a target to reach) value >= threshold, with `decrease`
 * value <= threshold. */
#ifndef RP_COMPOSE_STATUS_H
#define RP_COMPOSE_STATUS_H

#include "model/model.h"

#include <stdbool.h>
#include <stddef.h>

enum rp_indicator_status {
    RP_IND_MET, RP_IND_PARTIAL, RP_IND_NOT_MET, RP_IND_DELIVERED, RP_IND_NOT_DELIVERED,
    RP_IND_NOT_MEASURED, RP_IND_NORM_UNDEFINED, RP_IND_STATUS__MAX
};

/* The verdict on one indicator for one year. */
struct rp_indicator_assessment {
    enum rp_indicator_status status;
    size_t thresholds; /* thresholds the norm sets (1 for a deliverable) */
    size_t measured;   /* thresholds that have a value */
    size_t reached;    /* thresholds reached */
};

/* True when `value` reaches `threshold` in direction `dir` (boundary included). */
bool rp_threshold_reached(enum rp_direction dir, double value, double threshold);

/* The value of `result` that answers threshold `k` of the indicator's norm: the value naming
 * that threshold, else (values without threshold ids) the k-th value; for a norm without
 * thresholds, the first value. NULL when there is none. */
const struct rp_result_value *rp_result_value_for(const struct rp_indicator *ind,
                                                  const struct rp_indicator_result *result,
                                                  size_t k);

/* Judges `ind` on `result` (NULL: no result reported, i.e. not measured). */
struct rp_indicator_assessment rp_indicator_assess(const struct rp_indicator *ind,
                                                   const struct rp_indicator_result *result);

/* "met", "partially-met", ... (for dumps and tests). */
const char *rp_indicator_status_name(enum rp_indicator_status status);

/* True for the statuses that count as achieved (met, delivered). */
bool rp_indicator_status_achieved(enum rp_indicator_status status);

/* The result reported for indicator `id` in `eval`, or NULL. */
const struct rp_indicator_result *rp_eval_result(const struct rp_evaluation *eval,
                                                 const char *id);

/* The progress reported for entity `id` in `eval`, or NULL. */
const struct rp_progress *rp_eval_progress(const struct rp_evaluation *eval, const char *id);

/* Progress statuses plus one slot for "no progress reported". */
#define RP_PROGRESS_UNREPORTED RP_PROGRESS__MAX
#define RP_PROGRESS_SLOTS (RP_PROGRESS__MAX + 1)

/* What the dashboard counts: indicators by status, and the plan's entities by progress
 * status (slot RP_PROGRESS_UNREPORTED when the evaluation says nothing about them). */
struct rp_status_counts {
    size_t indicators[RP_IND_STATUS__MAX];
    size_t indicator_total;
    size_t strategic[RP_PROGRESS_SLOTS], strategic_total;
    size_t operational[RP_PROGRESS_SLOTS], operational_total;
    size_t ambitions[RP_PROGRESS_SLOTS], ambition_total;
    size_t projects[RP_PROGRESS_SLOTS], project_total;   /* in objectives and the plan list */
    size_t processes[RP_PROGRESS_SLOTS], process_total; /* processes inside objectives */
};

/* The chart colour of an indicator status and of a progress slot (an RP_DOC_COLOR_STATUS
 * palette index, doc.h): one per status, the same in every chart (status_colors.c). */
int rp_indicator_status_color(enum rp_indicator_status status);
int rp_progress_color(int slot);

/* Counts every indicator and action of `plan` as `eval` reports it; `out` is overwritten. */
void rp_status_count(const struct rp_plan *plan, const struct rp_evaluation *eval,
                     struct rp_status_counts *out);

#endif
