/* Evaluation checks: every reference resolves to the right kind of entity of its plan, the
 * year lies in the plan period, values fit their indicator, nothing is reported twice. */
#include "check/internal.h"

#include "model/table.h"
#include "util/arena.h"

#include <string.h>

static const enum rp_entity INDICATOR[] = {RP_ENT_INDICATOR, RP_ENT__MAX};
static const enum rp_entity PROGRESSABLE[] = {
    RP_ENT_STRATEGIC_OBJECTIVE, RP_ENT_OPERATIONAL_OBJECTIVE, RP_ENT_AMBITION, RP_ENT_PROJECT,
    RP_ENT_PROCESS, RP_ENT_KEY_PROCESS, RP_ENT_COMMITMENT, RP_ENT__MAX};
static const enum rp_entity ROW[] = {RP_ENT_ROW, RP_ENT__MAX};
static const enum rp_entity COLUMN[] = {RP_ENT_COLUMN, RP_ENT__MAX};
static const enum rp_entity RISK[] = {RP_ENT_RISK, RP_ENT_RISK_DOMAIN, RP_ENT__MAX};
static const enum rp_entity COMM[] = {RP_ENT_COMM_ACTION, RP_ENT__MAX};

/* Reports the second and later entries about the same plan element. */
static void check_once(struct checker *c, struct rp_index *seen, const char *ref,
                       const struct rp_loc *loc, const char *what)
{
    struct rp_index_entry e = {ref, RP_ENT_EVALUATION, NULL, NULL, loc};
    const struct rp_index_entry *first = rp_index_add(seen, &e);
    if (first)
        rp_check_report(c, RP_ERROR, loc, "%s for '%s' given twice (first at line %ld)", what,
                        ref, first->loc->line);
}

static void check_value(struct checker *c, const struct rp_indicator *ind,
                        const struct rp_result_value *v)
{
    if (v->unit && ind->unit && strcmp(v->unit, ind->unit) != 0)
        rp_check_report(c, RP_ERROR, &v->loc,
                        "value in '%s' does not fit indicator '%s', measured in '%s'", v->unit,
                        ind->id, ind->unit);
    if (ind->unit && strcmp(ind->unit, "percent") == 0 && (v->value < 0 || v->value > 100))
        rp_check_report(c, RP_ERROR, &v->loc,
                        "indicator '%s' is a percentage: %g is outside 0-100", ind->id, v->value);
    if (ind->norm.kind == RP_NORM_DELIVERABLE && v->value != 0 && v->value != 1)
        rp_check_report(c, RP_ERROR, &v->loc,
                        "indicator '%s' is a deliverable: its value is 1 (delivered) or 0, not %g",
                        ind->id, v->value);
    if (v->threshold) {
        size_t k = 0;
        while (k < ind->norm.threshold_count && strcmp(ind->norm.thresholds[k].id, v->threshold))
            k++;
        if (k == ind->norm.threshold_count)
            rp_check_report(c, RP_ERROR, &v->loc, "indicator '%s' has no threshold '%s'",
                            ind->id, v->threshold);
    } else if (ind->norm.kind == RP_NORM_TIERED) {
        rp_check_report(c, RP_ERROR, &v->loc,
                        "indicator '%s' has a tiered norm: each value names its threshold",
                        ind->id);
    }
}

static void check_results(struct checker *c, const struct rp_evaluation *e,
                          struct rp_index *seen)
{
    for (size_t i = 0; i < e->result_count; i++) {
        const struct rp_indicator_result *res = &e->results[i];
        const struct rp_index_entry *ent = rp_check_ref(c, &res->loc, "indicator", res->ref,
                                                        INDICATOR);
        check_once(c, seen, res->ref, &res->loc, "a result");
        if (!ent)
            continue;
        for (size_t k = 0; k < res->value_count; k++)
            check_value(c, ent->entity, &res->values[k]);
    }
}

static void check_budget(struct checker *c, const struct rp_evaluation *e)
{
    for (size_t i = 0; i < e->budget_count; i++) {
        const struct rp_budget_execution *b = &e->budget[i];
        const struct rp_index_entry *row = rp_check_ref(c, &b->loc, "table row", b->row, ROW);
        const struct rp_index_entry *col = rp_check_ref(c, &b->loc, "column", b->column, COLUMN);
        if (!row || !col)
            continue;
        if (row->parent != col->parent) {
            rp_check_report(c, RP_ERROR, &b->loc, "row '%s' and column '%s' belong to different "
                            "tables", b->row, b->column);
            continue;
        }
        const struct rp_column *column = col->entity;
        if (column->year && column->year != e->year)
            rp_check_report(c, RP_ERROR, &b->loc,
                            "column '%s' is the year %d, not the evaluated year %d", b->column,
                            column->year, e->year);
        const struct rp_table *t = row->parent;
        const struct rp_row *r = row->entity;
        long ci = rp_table_find_column(t, b->column);
        if (b->initial.present && ci >= 0 && (size_t)ci < r->value_count && !r->values[ci].nil &&
            rp_table_total_differs(t, b->initial.value, r->values[ci].value, 1))
            rp_check_report(c, RP_WARNING, &b->loc,
                            "initial credit %g differs from the plan's %g for row '%s'",
                            b->initial.value, r->values[ci].value, b->row);
    }
}

static void check_progress(struct checker *c, const struct rp_evaluation *e,
                           struct rp_index *seen)
{
    for (size_t i = 0; i < e->progress_count; i++) {
        const struct rp_progress *p = &e->progress[i];
        rp_check_ref(c, &p->loc, "objective, ambition, project or process", p->ref,
                     PROGRESSABLE);
        check_once(c, seen, p->ref, &p->loc, "progress");
        if (p->status == RP_PROGRESS_DONE && p->percent.present && p->percent.value < 100)
            rp_check_report(c, RP_WARNING, &p->loc, "'%s' is done but only %g %% complete",
                            p->ref, p->percent.value);
    }
}

struct eval_ctx {
    struct rp_index *index;
    struct rp_diags *diags;
};

static void dup_visit(void *ctx, enum rp_entity kind, const char *id, const void *entity,
                      const struct rp_loc *loc, const void *parent)
{
    struct eval_ctx *ec = ctx;
    if (kind == RP_ENT_EVALUATION || kind == RP_ENT_ORGANISATION)
        return;
    struct rp_index_entry e = {id, kind, entity, parent, loc};
    const struct rp_index_entry *first = rp_index_add(ec->index, &e);
    if (first)
        rp_diag_add(ec->diags, RP_ERROR, loc->file, loc->line, loc->col,
                    "duplicate id '%s' (first defined at line %ld)", id, first->loc->line);
}

void rp_check_evaluation(const struct rp_evaluation *e, const struct rp_plan *plan,
                         struct rp_arena *arena, struct rp_diags *diags)
{
    struct eval_ctx own = {rp_index_new(arena, 256), diags};
    rp_evaluation_walk(e, dup_visit, &own);
    for (size_t i = 0; i < e->placeholder_count; i++)
        rp_diag_add(diags, RP_WARNING, e->placeholders[i].loc.file, e->placeholders[i].loc.line,
                    e->placeholders[i].loc.col, "placeholder '%s' left unresolved",
                    e->placeholders[i].text);
    if (!plan) {
        if (e->plan_ref)
            rp_diag_add(diags, RP_WARNING, e->loc.file, e->loc.line, e->loc.col,
                        "plan '%s' is not loaded: references are not checked", e->plan_ref);
        else if (!e->has_organisation)
            rp_diag_add(diags, RP_ERROR, e->loc.file, e->loc.line, e->loc.col,
                        "a stand-alone evaluation (no plan attribute) needs an <organisation>");
        return;
    }
    struct checker c = {diags, rp_plan_index(plan, arena, diags), plan->lang};
    if (e->plan_ref && strcmp(e->plan_ref, plan->id) != 0)
        rp_check_report(&c, RP_ERROR, &e->loc, "evaluation of plan '%s' checked against plan '%s'",
                        e->plan_ref, plan->id);
    if (e->year < plan->start || e->year > plan->end)
        rp_check_report(&c, RP_ERROR, &e->loc, "year %d is outside the plan period %d-%d",
                        e->year, plan->start, plan->end);
    check_results(&c, e, rp_index_new(arena, e->result_count));
    check_progress(&c, e, rp_index_new(arena, e->progress_count));
    rp_check_evaluation_maturity(&c, e, plan, arena);
    check_budget(&c, e);
    struct rp_index *reviewed = rp_index_new(arena, e->risk_review_count);
    for (size_t i = 0; i < e->risk_review_count; i++) {
        rp_check_ref(&c, &e->risk_reviews[i].loc, "risk", e->risk_reviews[i].ref, RISK);
        check_once(&c, reviewed, e->risk_reviews[i].ref, &e->risk_reviews[i].loc, "a review");
    }
    struct rp_index *executed = rp_index_new(arena, e->comm_count);
    for (size_t i = 0; i < e->comm_count; i++) {
        rp_check_ref(&c, &e->comm[i].loc, "communication action", e->comm[i].ref, COMM);
        check_once(&c, executed, e->comm[i].ref, &e->comm[i].loc, "an execution");
    }
}
