#include "model/maturity.h"

#include <string.h>

const struct rp_maturity_scale *rp_maturity_scale_find(const struct rp_plan *p, const char *id)
{
    for (size_t i = 0; p && id && i < p->maturity_scale_count; i++)
        if (strcmp(p->maturity_scales[i].id, id) == 0)
            return &p->maturity_scales[i];
    return NULL;
}

const struct rp_maturity_level *rp_maturity_level_find(const struct rp_maturity_scale *scale,
                                                       int value)
{
    for (size_t i = 0; scale && i < scale->level_count; i++)
        if (scale->levels[i].value == value)
            return &scale->levels[i];
    return NULL;
}

const struct rp_maturity_reached *rp_maturity_reached_find(const struct rp_evaluation *e,
                                                           const char *ref, const char *scale)
{
    for (size_t i = 0; e && ref && scale && i < e->maturity_count; i++)
        if (strcmp(e->maturity[i].ref, ref) == 0 && strcmp(e->maturity[i].scale, scale) == 0)
            return &e->maturity[i];
    return NULL;
}

const struct rp_transversal_result *rp_transversal_result_find(const struct rp_evaluation *e,
                                                               const char *ref)
{
    for (size_t i = 0; e && ref && i < e->transversal_count; i++)
        if (strcmp(e->transversal[i].ref, ref) == 0)
            return &e->transversal[i];
    return NULL;
}

int rp_transversal_met(const struct rp_transversal_target *target, double value)
{
    if (target->qualifier == RP_QUAL_MIN)
        return value >= target->value;
    if (target->qualifier == RP_QUAL_MAX)
        return value <= target->value;
    return -1;
}

long rp_date_key(struct rp_date d, int end)
{
    long month = d.month ? d.month : end ? 12 : 1;
    long day = d.day ? d.day : end ? 31 : 1;
    return (long)d.year * 10000 + month * 100 + day;
}
