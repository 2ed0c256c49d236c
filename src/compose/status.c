#include "compose/status.h"

#include <string.h>

bool rp_threshold_reached(enum rp_direction dir, double value, double threshold)
{
    /* Exact comparisons: values and thresholds are both read from decimal text by the same
     * parser, so a value written like its threshold compares equal and meets it. */
    if (dir == RP_DIR_DECREASE)
        return value <= threshold;
    return value >= threshold;
}

const struct rp_result_value *rp_result_value_for(const struct rp_indicator *ind,
                                                  const struct rp_indicator_result *result,
                                                  size_t k)
{
    if (!result || result->value_count == 0)
        return NULL;
    if (ind->norm.threshold_count == 0)
        return k == 0 ? &result->values[0] : NULL;
    if (k >= ind->norm.threshold_count)
        return NULL;
    const char *id = ind->norm.thresholds[k].id;
    for (size_t i = 0; i < result->value_count; i++)
        if (result->values[i].threshold && id && strcmp(result->values[i].threshold, id) == 0)
            return &result->values[i];
    /* Values that name no threshold answer the thresholds in order. */
    size_t seen = 0;
    for (size_t i = 0; i < result->value_count; i++) {
        if (result->values[i].threshold)
            continue;
        if (seen++ == k)
            return &result->values[i];
    }
    return NULL;
}

struct rp_indicator_assessment rp_indicator_assess(const struct rp_indicator *ind,
                                                   const struct rp_indicator_result *result)
{
    struct rp_indicator_assessment a = {RP_IND_NOT_MEASURED, 0, 0, 0};
    const struct rp_norm *norm = &ind->norm;
    bool judgeable = norm->kind == RP_NORM_DELIVERABLE ||
                     ((norm->kind == RP_NORM_SINGLE || norm->kind == RP_NORM_TIERED) &&
                      norm->threshold_count > 0);
    if (!judgeable) {
        a.status = RP_IND_NORM_UNDEFINED;
        a.measured = result && result->value_count > 0;
        return a;
    }
    if (norm->kind == RP_NORM_DELIVERABLE) {
        a.thresholds = 1;
        const struct rp_result_value *v = result && result->value_count ? &result->values[0]
                                                                        : NULL;
        if (!v)
            return a;
        a.measured = 1;
        a.reached = v->value >= 1;
        a.status = a.reached ? RP_IND_DELIVERED : RP_IND_NOT_DELIVERED;
        return a;
    }
    /* A single norm judges its first threshold only; a tiered one every threshold. */
    a.thresholds = norm->kind == RP_NORM_SINGLE ? 1 : norm->threshold_count;
    for (size_t k = 0; k < a.thresholds; k++) {
        const struct rp_result_value *v = rp_result_value_for(ind, result, k);
        if (!v)
            continue;
        a.measured++;
        if (rp_threshold_reached(ind->direction, v->value, norm->thresholds[k].value))
            a.reached++;
    }
    if (a.measured == 0)
        a.status = RP_IND_NOT_MEASURED;
    else if (a.reached == a.thresholds)
        a.status = RP_IND_MET;
    else if (a.reached > 0)
        a.status = RP_IND_PARTIAL;
    else
        a.status = RP_IND_NOT_MET;
    return a;
}

const char *rp_indicator_status_name(enum rp_indicator_status status)
{
    static const char *const names[RP_IND_STATUS__MAX] = {
        "met",           "partially-met", "not-met",       "delivered",
        "not-delivered", "not-measured",  "norm-undefined",
    };
    return (unsigned)status < RP_IND_STATUS__MAX ? names[status] : "?";
}

bool rp_indicator_status_achieved(enum rp_indicator_status status)
{
    return status == RP_IND_MET || status == RP_IND_DELIVERED;
}

const struct rp_indicator_result *rp_eval_result(const struct rp_evaluation *eval,
                                                 const char *id)
{
    for (size_t i = 0; eval && id && i < eval->result_count; i++)
        if (strcmp(eval->results[i].ref, id) == 0)
            return &eval->results[i];
    return NULL;
}

const struct rp_progress *rp_eval_progress(const struct rp_evaluation *eval, const char *id)
{
    for (size_t i = 0; eval && id && i < eval->progress_count; i++)
        if (strcmp(eval->progress[i].ref, id) == 0)
            return &eval->progress[i];
    return NULL;
}

static void count_progress(const struct rp_evaluation *eval, const char *id,
                           size_t slots[RP_PROGRESS_SLOTS], size_t *total)
{
    const struct rp_progress *p = rp_eval_progress(eval, id);
    slots[p ? p->status : RP_PROGRESS_UNREPORTED]++;
    (*total)++;
}

static void count_actions(const struct rp_evaluation *eval, const struct rp_action *actions,
                          size_t count, struct rp_status_counts *out)
{
    for (size_t i = 0; i < count; i++) {
        if (actions[i].kind == RP_ACTION_PROCESS)
            count_progress(eval, actions[i].id, out->processes, &out->process_total);
        else
            count_progress(eval, actions[i].id, out->projects, &out->project_total);
    }
}

void rp_status_count(const struct rp_plan *plan, const struct rp_evaluation *eval,
                     struct rp_status_counts *out)
{
    memset(out, 0, sizeof *out);
    if (!plan)
        return;
    for (size_t s = 0; s < plan->objective_count; s++) {
        const struct rp_strategic_objective *so = &plan->objectives[s];
        count_progress(eval, so->id, out->strategic, &out->strategic_total);
        for (size_t a = 0; a < so->ambition_count; a++)
            count_progress(eval, so->ambitions[a].id, out->ambitions, &out->ambition_total);
        count_actions(eval, so->actions, so->action_count, out);
        for (size_t o = 0; o < so->operational_count; o++) {
            const struct rp_operational_objective *oo = &so->operational[o];
            count_progress(eval, oo->id, out->operational, &out->operational_total);
            count_actions(eval, oo->actions, oo->action_count, out);
            for (size_t i = 0; i < oo->indicator_count; i++) {
                const struct rp_indicator *ind = &oo->indicators[i];
                struct rp_indicator_assessment a =
                    rp_indicator_assess(ind, rp_eval_result(eval, ind->id));
                out->indicators[a.status]++;
                out->indicator_total++;
            }
        }
    }
    count_actions(eval, plan->projects, plan->project_count, out);
}
