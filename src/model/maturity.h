/* Look-ups over maturity scales and transversal objectives, for the checker and the
 * builders alike. */
#ifndef RP_MODEL_MATURITY_H
#define RP_MODEL_MATURITY_H

#include "model/model.h"

/* The plan's scale `id`, or NULL. */
const struct rp_maturity_scale *rp_maturity_scale_find(const struct rp_plan *p, const char *id);

/* The level of `scale` whose value is `value`, or NULL. */
const struct rp_maturity_level *rp_maturity_level_find(const struct rp_maturity_scale *scale,
                                                       int value);

/* What `e` reports for item `ref` on scale `scale`, or NULL. */
const struct rp_maturity_reached *rp_maturity_reached_find(const struct rp_evaluation *e,
                                                           const char *ref, const char *scale);

/* The measured value `e` reports for transversal target `ref`, or NULL. */
const struct rp_transversal_result *rp_transversal_result_find(const struct rp_evaluation *e,
                                                               const char *ref);

/* Whether `value` meets `target`: 1 yes, 0 no, -1 when the target says neither at least nor
 * at most (exact, approx: a figure to be near, not a bound). */
int rp_transversal_met(const struct rp_transversal_target *target, double value);

/* A date as yyyymmdd for comparisons: an absent month or day counts as the first of its
 * period, or the last when `end` (a horizon "2025" runs to the end of 2025). */
long rp_date_key(struct rp_date d, int end);

#endif
