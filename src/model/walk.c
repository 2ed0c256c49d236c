#include "model/walk.h"

#define VISIT(kind, obj, parent) visit(ctx, (kind), (obj)->id, (obj), &(obj)->loc, (parent))

const char *rp_entity_name(enum rp_entity kind)
{
    static const char *const names[RP_ENT__MAX] = {
        "plan", "evaluation", "organisation", "unit", "party", "legal basis", "mission",
        "vision pillar", "value", "stake", "stakeholder", "risk", "risk domain", "priority",
        "strategic objective", "operational objective", "ambition", "indicator", "threshold",
        "milestone", "project", "process", "key process", "commitment", "table",
        "column group", "column", "row", "communication objective", "communication action",
        "key figures", "figure", "section", "success factor", "unit of measure",
        "glossary entry", "amendment", "maturity scale", "transversal theme",
        "transversal objective", "transversal target", "group of stakeholders",
        "group of strategic objectives"};
    return (unsigned)kind < RP_ENT__MAX ? names[kind] : "?";
}

static void walk_organisation(const struct rp_organisation *org, rp_visit_fn *visit, void *ctx)
{
    VISIT(RP_ENT_ORGANISATION, org, NULL);
    for (size_t i = 0; i < org->unit_count; i++)
        VISIT(RP_ENT_UNIT, &org->units[i], org);
}

static void walk_key_figures(const struct rp_key_figures *kf, rp_visit_fn *visit, void *ctx)
{
    VISIT(RP_ENT_KEY_FIGURES, kf, NULL);
    for (size_t i = 0; i < kf->figure_count; i++)
        VISIT(RP_ENT_FIGURE, &kf->figures[i], kf);
}

static void walk_section(const struct rp_section *s, rp_visit_fn *visit, void *ctx)
{
    VISIT(RP_ENT_SECTION, s, NULL);
    for (size_t i = 0; i < s->block_count; i++) {
        if (s->blocks[i].kind == RP_BLOCK_SECTION)
            walk_section(s->blocks[i].section, visit, ctx);
        else if (s->blocks[i].kind == RP_BLOCK_KEY_FIGURES)
            walk_key_figures(s->blocks[i].figures, visit, ctx);
    }
}

static void walk_narrative(const struct rp_key_figures *kf, size_t kf_count,
                           const struct rp_section *sections, size_t section_count,
                           rp_visit_fn *visit, void *ctx)
{
    for (size_t i = 0; i < kf_count; i++)
        walk_key_figures(&kf[i], visit, ctx);
    for (size_t i = 0; i < section_count; i++)
        walk_section(&sections[i], visit, ctx);
}

static void walk_mission(const struct rp_mission *m, rp_visit_fn *visit, void *ctx)
{
    VISIT(RP_ENT_MISSION, m, NULL);
    for (size_t i = 0; i < m->child_count; i++)
        walk_mission(&m->children[i], visit, ctx);
}

static void walk_actions(const struct rp_action *a, size_t n, const void *parent,
                         rp_visit_fn *visit, void *ctx)
{
    for (size_t i = 0; i < n; i++)
        VISIT(a[i].kind == RP_ACTION_PROCESS ? RP_ENT_PROCESS : RP_ENT_PROJECT, &a[i], parent);
}

static void walk_indicator(const struct rp_indicator *ind, const void *parent,
                           rp_visit_fn *visit, void *ctx)
{
    VISIT(RP_ENT_INDICATOR, ind, parent);
    for (size_t i = 0; i < ind->norm.threshold_count; i++)
        VISIT(RP_ENT_THRESHOLD, &ind->norm.thresholds[i], ind);
    for (size_t i = 0; i < ind->norm.milestone_count; i++)
        VISIT(RP_ENT_MILESTONE, &ind->norm.milestones[i], ind);
}

static void walk_objective(const struct rp_strategic_objective *so, rp_visit_fn *visit,
                           void *ctx)
{
    VISIT(RP_ENT_STRATEGIC_OBJECTIVE, so, NULL);
    for (size_t i = 0; i < so->ambition_count; i++)
        VISIT(RP_ENT_AMBITION, &so->ambitions[i], so);
    for (size_t i = 0; i < so->operational_count; i++) {
        const struct rp_operational_objective *oo = &so->operational[i];
        VISIT(RP_ENT_OPERATIONAL_OBJECTIVE, oo, so);
        for (size_t k = 0; k < oo->indicator_count; k++)
            walk_indicator(&oo->indicators[k], oo, visit, ctx);
        walk_actions(oo->actions, oo->action_count, oo, visit, ctx);
    }
    walk_actions(so->actions, so->action_count, so, visit, ctx);
}

static void walk_table(const struct rp_table *t, rp_visit_fn *visit, void *ctx)
{
    VISIT(RP_ENT_TABLE, t, NULL);
    for (size_t i = 0; i < t->group_count; i++)
        VISIT(RP_ENT_COLUMN_GROUP, &t->groups[i], t);
    for (size_t i = 0; i < t->column_count; i++)
        VISIT(RP_ENT_COLUMN, &t->columns[i], t);
    for (size_t i = 0; i < t->row_count; i++)
        VISIT(RP_ENT_ROW, &t->rows[i], t);
}

/* A transversal objective's commitments are commitments like the plan's: one namespace. */
static void walk_transversal(const struct rp_transversal *t, rp_visit_fn *visit, void *ctx)
{
    for (size_t i = 0; i < t->theme_count; i++) {
        const struct rp_transversal_theme *th = &t->themes[i];
        VISIT(RP_ENT_TRANSVERSAL_THEME, th, NULL);
        for (size_t k = 0; k < th->objective_count; k++) {
            const struct rp_transversal_objective *o = &th->objectives[k];
            VISIT(RP_ENT_TRANSVERSAL_OBJECTIVE, o, th);
            for (size_t j = 0; j < o->commitment_count; j++)
                VISIT(RP_ENT_COMMITMENT, &o->commitments[j], o);
            for (size_t j = 0; j < o->target_count; j++)
                VISIT(RP_ENT_TRANSVERSAL_TARGET, &o->targets[j], o);
        }
    }
}

void rp_plan_walk(const struct rp_plan *p, rp_visit_fn *visit, void *ctx)
{
    VISIT(RP_ENT_PLAN, p, NULL);
    walk_organisation(&p->organisation, visit, ctx);
    for (size_t i = 0; i < p->party_count; i++)
        VISIT(RP_ENT_PARTY, &p->parties[i], NULL);
    for (size_t i = 0; i < p->legal_basis_count; i++)
        VISIT(RP_ENT_LEGAL_BASIS, &p->legal_bases[i], NULL);
    for (size_t i = 0; i < p->amendment_count; i++)
        VISIT(RP_ENT_AMENDMENT, &p->amendments[i], NULL);
    for (size_t i = 0; i < p->mission_count; i++)
        walk_mission(&p->missions[i], visit, ctx);
    for (size_t i = 0; i < p->pillar_count; i++)
        VISIT(RP_ENT_PILLAR, &p->pillars[i], NULL);
    for (size_t i = 0; i < p->value_count; i++)
        VISIT(RP_ENT_VALUE, &p->values[i], NULL);
    for (size_t i = 0; i < p->stake_count; i++)
        VISIT(RP_ENT_STAKE, &p->stakes[i], NULL);
    for (size_t i = 0; i < p->stakeholder_group_count; i++)
        VISIT(RP_ENT_STAKEHOLDER_GROUP, &p->stakeholder_groups[i], NULL);
    for (size_t i = 0; i < p->stakeholder_count; i++)
        VISIT(RP_ENT_STAKEHOLDER, &p->stakeholders[i], NULL);
    for (size_t i = 0; i < p->risk_count; i++)
        VISIT(RP_ENT_RISK, &p->risks[i], NULL);
    for (size_t i = 0; i < p->risk_domain_count; i++)
        VISIT(RP_ENT_RISK_DOMAIN, &p->risk_domains[i], NULL);
    for (size_t i = 0; i < p->priority_count; i++)
        VISIT(RP_ENT_PRIORITY, &p->priorities[i], NULL);
    for (size_t i = 0; i < p->success_factor_count; i++)
        VISIT(RP_ENT_SUCCESS_FACTOR, &p->success_factors[i], NULL);
    for (size_t i = 0; i < p->unit_count; i++)
        VISIT(RP_ENT_MEASURE_UNIT, &p->units[i], NULL);
    for (size_t i = 0; i < p->maturity_scale_count; i++)
        VISIT(RP_ENT_MATURITY_SCALE, &p->maturity_scales[i], NULL);
    for (size_t i = 0; i < p->objective_group_count; i++)
        VISIT(RP_ENT_OBJECTIVE_GROUP, &p->objective_groups[i], NULL);
    for (size_t i = 0; i < p->objective_count; i++)
        walk_objective(&p->objectives[i], visit, ctx);
    for (size_t i = 0; i < p->process_count; i++)
        VISIT(RP_ENT_KEY_PROCESS, &p->processes[i], NULL);
    walk_actions(p->projects, p->project_count, NULL, visit, ctx);
    for (size_t i = 0; i < p->commitment_count; i++)
        VISIT(RP_ENT_COMMITMENT, &p->commitments[i], NULL);
    walk_transversal(&p->transversal, visit, ctx);
    for (size_t i = 0; i < p->table_count; i++)
        walk_table(&p->tables[i], visit, ctx);
    for (size_t i = 0; i < p->communication.objective_count; i++)
        VISIT(RP_ENT_COMM_OBJECTIVE, &p->communication.objectives[i], NULL);
    for (size_t i = 0; i < p->communication.action_count; i++)
        VISIT(RP_ENT_COMM_ACTION, &p->communication.actions[i], NULL);
    for (size_t i = 0; i < p->glossary_count; i++)
        VISIT(RP_ENT_GLOSSARY_ENTRY, &p->glossary[i], NULL);
    walk_narrative(p->key_figures, p->key_figures_count, p->sections, p->section_count, visit,
                   ctx);
}

void rp_evaluation_walk(const struct rp_evaluation *e, rp_visit_fn *visit, void *ctx)
{
    VISIT(RP_ENT_EVALUATION, e, NULL);
    if (e->has_organisation)
        walk_organisation(&e->organisation, visit, ctx);
    walk_narrative(e->key_figures, e->key_figures_count, e->sections, e->section_count, visit,
                   ctx);
}
