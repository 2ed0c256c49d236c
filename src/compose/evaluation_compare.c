/* Year-on-year comparison for the evaluation dashboard (compare.h). */
#include "compose/compare.h"

#include <stddef.h>

const struct rp_evaluation *rp_eval_previous(const struct rp_evaluation *const *evals, size_t count,
                                             const struct rp_evaluation *eval)
{
    const struct rp_evaluation *best = NULL;
    if (!evals || !eval)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        const struct rp_evaluation *e = evals[i];
        if (e && e != eval && e->year < eval->year && (!best || e->year > best->year))
            best = e;
    }
    return best;
}

/* The value answering the first threshold (the only one of a single norm or a deliverable). */
static bool first_value(const struct rp_indicator *ind, const struct rp_evaluation *e, double *out)
{
    const struct rp_indicator_result *res = e ? rp_eval_result(e, ind->id) : NULL;
    const struct rp_result_value *v = res ? rp_result_value_for(ind, res, 0) : NULL;
    if (!v)
        return false;
    *out = v->value;
    return true;
}

struct rp_indicator_change rp_indicator_compare(const struct rp_indicator *ind,
                                                const struct rp_evaluation *now,
                                                const struct rp_evaluation *before)
{
    struct rp_indicator_change c = {0};
    c.now = rp_indicator_assess(ind, now ? rp_eval_result(now, ind->id) : NULL);
    c.has_before = before != NULL;
    if (before)
        c.before = rp_indicator_assess(ind, rp_eval_result(before, ind->id));
    c.has_value_now = first_value(ind, now, &c.value_now);
    c.has_value_before = before && first_value(ind, before, &c.value_before);
    c.move = RP_MOVE_UNKNOWN;
    if (c.has_value_now && c.has_value_before) {
        c.move = c.value_now > c.value_before   ? RP_MOVE_UP
                 : c.value_now < c.value_before ? RP_MOVE_DOWN
                                                : RP_MOVE_SAME;
        int sign = c.move == RP_MOVE_UP ? 1 : c.move == RP_MOVE_DOWN ? -1 : 0;
        /* A deliverable aims at being delivered: up is its way whatever the direction. */
        if (ind->norm.kind == RP_NORM_DELIVERABLE)
            c.progress = sign;
        else if (ind->direction == RP_DIR_INCREASE)
            c.progress = sign;
        else if (ind->direction == RP_DIR_DECREASE)
            c.progress = -sign;
    }
    if (ind->norm.kind == RP_NORM_DELIVERABLE) {
        c.has_target = true;
        c.target = 1;
    } else if ((ind->norm.kind == RP_NORM_SINGLE || ind->norm.kind == RP_NORM_TIERED) &&
               ind->norm.threshold_count > 0) {
        c.has_target = true;
        c.target = ind->norm.thresholds[0].value;
    }
    c.target_met = c.has_target && rp_indicator_status_achieved(c.now.status);
    return c;
}

struct rp_move_counts rp_plan_moves(const struct rp_plan *plan, const struct rp_evaluation *now,
                                    const struct rp_evaluation *before)
{
    struct rp_move_counts m = {0};
    if (!plan || !before)
        return m;
    for (size_t s = 0; s < plan->objective_count; s++) {
        const struct rp_strategic_objective *so = &plan->objectives[s];
        for (size_t o = 0; o < so->operational_count; o++) {
            const struct rp_operational_objective *oo = &so->operational[o];
            for (size_t i = 0; i < oo->indicator_count; i++) {
                struct rp_indicator_change c =
                    rp_indicator_compare(&oo->indicators[i], now, before);
                m.up += c.move == RP_MOVE_UP;
                m.down += c.move == RP_MOVE_DOWN;
                m.same += c.move == RP_MOVE_SAME;
                m.better += c.progress > 0;
                m.worse += c.progress < 0;
            }
        }
    }
    return m;
}

long rp_count_change(size_t now, size_t before)
{
    return now >= before ? (long)(now - before) : -(long)(before - now);
}
