/* Maturity assessments and transversal objectives: levels that exist on their scale, targets
 * not below the level now, horizons after the as-of date and near the plan period, target
 * units, and what evaluations report on them. */
#include "check/internal.h"

#include "model/maturity.h"
#include "util/arena.h"

#include <stdio.h>
#include <string.h>

static const enum rp_entity SCALE[] = {RP_ENT_MATURITY_SCALE, RP_ENT__MAX};
static const enum rp_entity PARTY[] = {RP_ENT_PARTY, RP_ENT__MAX};
static const enum rp_entity ASSESSABLE[] = {RP_ENT_STRATEGIC_OBJECTIVE,
                                            RP_ENT_OPERATIONAL_OBJECTIVE, RP_ENT_PROJECT,
                                            RP_ENT_PROCESS, RP_ENT__MAX};
static const enum rp_entity TARGET[] = {RP_ENT_TRANSVERSAL_TARGET, RP_ENT__MAX};

/* A horizon this many years after the plan's end is no longer the plan's. */
enum { HORIZON_SLACK = 10 };

/* "0-5": the scale's range, for messages. */
static const char *range(char *buf, size_t size, const struct rp_maturity_scale *s)
{
    int lo = s->levels[0].value, hi = lo;
    for (size_t i = 1; i < s->level_count; i++) {
        lo = s->levels[i].value < lo ? s->levels[i].value : lo;
        hi = s->levels[i].value > hi ? s->levels[i].value : hi;
    }
    snprintf(buf, size, "%d-%d", lo, hi);
    return buf;
}

static void check_scales(struct checker *c, const struct rp_plan *p)
{
    for (size_t i = 0; i < p->maturity_scale_count; i++) {
        const struct rp_maturity_scale *s = &p->maturity_scales[i];
        for (size_t k = 1; k < s->level_count; k++)
            for (size_t j = 0; j < k; j++)
                if (s->levels[k].value == s->levels[j].value) {
                    rp_check_report(c, RP_ERROR, &s->levels[k].loc,
                                    "maturity scale '%s' has level %d twice (first at line %ld)",
                                    s->id, s->levels[k].value, s->levels[j].loc.line);
                    break;
                }
    }
}

static void check_level(struct checker *c, const struct rp_loc *loc, const char *item,
                        const struct rp_maturity_scale *s, int value, const char *what)
{
    char buf[32];
    if (!rp_maturity_level_find(s, value))
        rp_check_report(c, RP_ERROR, loc, "'%s': %s %d is not a level of maturity scale '%s' (%s)",
                        item, what, value, s->id, range(buf, sizeof buf, s));
}

static void check_dates(struct checker *c, const struct rp_plan *p, const char *item,
                        const struct rp_maturity *m)
{
    char a[RP_DATE_TEXT], b[RP_DATE_TEXT];
    if (m->as_of.year && m->as_of.year > p->end)
        rp_check_report(c, RP_WARNING, &m->loc,
                        "'%s': the as-of date %s on maturity scale '%s' is after the plan "
                        "period %d-%d",
                        item, rp_date_text(a, m->as_of), m->scale, p->start, p->end);
    if (!m->horizon.year)
        return;
    if (m->target < 0)
        rp_check_report(c, RP_WARNING, &m->loc,
                        "'%s': a horizon on maturity scale '%s' without a target level", item,
                        m->scale);
    if (m->as_of.year && rp_date_key(m->horizon, 1) <= rp_date_key(m->as_of, 0))
        rp_check_report(c, RP_ERROR, &m->loc,
                        "'%s': the horizon %s on maturity scale '%s' is not after the as-of "
                        "date %s",
                        item, rp_date_text(a, m->horizon), m->scale,
                        rp_date_text(b, m->as_of));
    else if (m->horizon.year < p->start || m->horizon.year > p->end + HORIZON_SLACK)
        rp_check_report(c, RP_WARNING, &m->loc,
                        "'%s': the horizon %s on maturity scale '%s' is far from the plan "
                        "period %d-%d",
                        item, rp_date_text(a, m->horizon), m->scale, p->start, p->end);
}

static void check_assessments(struct checker *c, const struct rp_plan *p, const char *item,
                              const struct rp_maturities *ms)
{
    for (size_t i = 0; i < ms->count; i++) {
        const struct rp_maturity *m = &ms->items[i];
        for (size_t k = 0; k < i; k++)
            if (strcmp(ms->items[k].scale, m->scale) == 0)
                rp_check_report(c, RP_ERROR, &m->loc,
                                "'%s' is assessed twice on maturity scale '%s' (first at line "
                                "%ld)",
                                item, m->scale, ms->items[k].loc.line);
        check_dates(c, p, item, m);
        if (!rp_check_ref(c, &m->loc, "maturity scale", m->scale, SCALE))
            continue;
        const struct rp_maturity_scale *s = rp_maturity_scale_find(p, m->scale);
        check_level(c, &m->loc, item, s, m->level, "level");
        if (m->target < 0)
            continue;
        check_level(c, &m->loc, item, s, m->target, "target level");
        if (m->target < m->level)
            rp_check_report(c, RP_WARNING, &m->loc,
                            "'%s': the target level %d on maturity scale '%s' is below the "
                            "current level %d",
                            item, m->target, m->scale, m->level);
    }
}

static void check_actions(struct checker *c, const struct rp_plan *p, const struct rp_action *a,
                          size_t n)
{
    for (size_t i = 0; i < n; i++)
        check_assessments(c, p, a[i].id, &a[i].maturity);
}

static void check_target(struct checker *c, const struct rp_plan *p,
                         const struct rp_transversal_target *t)
{
    const struct rp_index_entry *e = rp_index_get(c->index, t->unit);
    if (!rp_schema_unit(t->unit) && (!e || e->kind != RP_ENT_MEASURE_UNIT))
        rp_check_report(c, RP_ERROR, &t->loc,
                        "transversal target '%s' has unit '%s', which is neither a schema unit "
                        "nor one the plan declares",
                        t->id, t->unit);
    if (strcmp(t->unit, "percent") == 0 && (t->value < 0 || t->value > 100))
        rp_check_report(c, RP_ERROR, &t->loc,
                        "transversal target '%s' is a percentage: %g is outside 0-100", t->id,
                        t->value);
    char buf[RP_DATE_TEXT];
    if (t->horizon.year && (t->horizon.year < p->start || t->horizon.year > p->end))
        rp_check_report(c, RP_WARNING, &t->loc,
                        "transversal target '%s': the horizon %s is outside the plan period "
                        "%d-%d",
                        t->id, rp_date_text(buf, t->horizon), p->start, p->end);
}

static void check_transversal(struct checker *c, const struct rp_plan *p)
{
    const struct rp_transversal *t = &p->transversal;
    if (!t->present)
        return;
    if (t->pending && t->theme_count)
        rp_check_report(c, RP_WARNING, &t->loc,
                        "transversal objectives marked pending yet listing %zu theme%s",
                        t->theme_count, t->theme_count > 1 ? "s" : "");
    if (!t->pending && !t->theme_count)
        rp_check_report(c, RP_WARNING, &t->loc,
                        "transversal objectives without a theme: pending=\"true\" says the "
                        "plan sets them later");
    for (size_t i = 0; i < t->theme_count; i++)
        for (size_t k = 0; k < t->themes[i].objective_count; k++) {
            const struct rp_transversal_objective *o = &t->themes[i].objectives[k];
            for (size_t j = 0; j < o->commitment_count; j++)
                rp_check_holders(c, &o->commitments[j].parties, "party", PARTY);
            for (size_t j = 0; j < o->target_count; j++)
                check_target(c, p, &o->targets[j]);
        }
}

void rp_check_maturity(struct checker *c, const struct rp_plan *p)
{
    check_scales(c, p);
    for (size_t i = 0; i < p->objective_count; i++) {
        const struct rp_strategic_objective *so = &p->objectives[i];
        check_assessments(c, p, so->id, &so->maturity);
        for (size_t k = 0; k < so->operational_count; k++) {
            const struct rp_operational_objective *oo = &so->operational[k];
            check_assessments(c, p, oo->id, &oo->maturity);
            check_actions(c, p, oo->actions, oo->action_count);
        }
        check_actions(c, p, so->actions, so->action_count);
    }
    check_actions(c, p, p->projects, p->project_count);
    check_transversal(c, p);
}

/* The assessments of an objective, project or process of the index. */
static const struct rp_maturities *item_maturities(const struct rp_index_entry *e)
{
    if (e->kind == RP_ENT_STRATEGIC_OBJECTIVE)
        return &((const struct rp_strategic_objective *)e->entity)->maturity;
    if (e->kind == RP_ENT_OPERATIONAL_OBJECTIVE)
        return &((const struct rp_operational_objective *)e->entity)->maturity;
    return &((const struct rp_action *)e->entity)->maturity;
}

/* Reports the second entry about the same (item, scale) or target. */
static void check_once(struct checker *c, struct rp_index *seen, struct rp_arena *arena,
                       const char *key, const struct rp_loc *loc, const char *what)
{
    struct rp_index_entry e = {rp_arena_strdup(arena, key), RP_ENT_EVALUATION, NULL, NULL, loc};
    const struct rp_index_entry *first = rp_index_add(seen, &e);
    if (first)
        rp_check_report(c, RP_ERROR, loc, "%s given twice (first at line %ld)", what,
                        first->loc->line);
}

void rp_check_evaluation_maturity(struct checker *c, const struct rp_evaluation *e,
                                  const struct rp_plan *p, struct rp_arena *arena)
{
    struct rp_index *seen = rp_index_new(arena, e->maturity_count + e->transversal_count);
    char key[256], buf[32];
    for (size_t i = 0; i < e->maturity_count; i++) {
        const struct rp_maturity_reached *m = &e->maturity[i];
        snprintf(key, sizeof key, "%s %s", m->ref, m->scale);
        check_once(c, seen, arena, key, &m->loc,
                   rp_arena_printf(arena, "the maturity of '%s' on scale '%s'", m->ref, m->scale));
        const struct rp_index_entry *item =
            rp_check_ref(c, &m->loc, "objective, project or process", m->ref, ASSESSABLE);
        const struct rp_maturity_scale *s = rp_maturity_scale_find(p, m->scale);
        if (!rp_check_ref(c, &m->loc, "maturity scale", m->scale, SCALE) || !item)
            continue;
        if (!rp_maturity_level_find(s, m->level))
            rp_check_report(c, RP_ERROR, &m->loc,
                            "level %d is not a level of maturity scale '%s' (%s)", m->level,
                            m->scale, range(buf, sizeof buf, s));
        const struct rp_maturities *ms = item_maturities(item);
        size_t k = 0;
        while (k < ms->count && strcmp(ms->items[k].scale, m->scale) != 0)
            k++;
        if (k == ms->count)
            rp_check_report(c, RP_ERROR, &m->loc,
                            "'%s' has no assessment on maturity scale '%s' in the plan", m->ref,
                            m->scale);
    }
    for (size_t i = 0; i < e->transversal_count; i++) {
        const struct rp_transversal_result *t = &e->transversal[i];
        check_once(c, seen, arena, t->ref, &t->loc,
                   rp_arena_printf(arena, "a measured value for '%s'", t->ref));
        const struct rp_index_entry *ent =
            rp_check_ref(c, &t->loc, "transversal target", t->ref, TARGET);
        const struct rp_transversal_target *tg = ent ? ent->entity : NULL;
        if (tg && strcmp(tg->unit, "percent") == 0 && (t->value < 0 || t->value > 100))
            rp_check_report(c, RP_ERROR, &t->loc,
                            "transversal target '%s' is a percentage: %g is outside 0-100", t->ref,
                            t->value);
    }
}
