/* Plan checks: ids, references between entities, the plan period, placeholders. */
#include "check/internal.h"

#include "util/arena.h"

#include <string.h>

static const enum rp_entity UNIT[] = {RP_ENT_UNIT, RP_ENT__MAX};
static const enum rp_entity PARTY[] = {RP_ENT_PARTY, RP_ENT__MAX};
static const enum rp_entity LEGAL[] = {RP_ENT_LEGAL_BASIS, RP_ENT__MAX};
static const enum rp_entity PRIORITY[] = {RP_ENT_PRIORITY, RP_ENT__MAX};
static const enum rp_entity STRATEGIC[] = {RP_ENT_STRATEGIC_OBJECTIVE, RP_ENT__MAX};
static const enum rp_entity OBJECTIVE[] = {RP_ENT_STRATEGIC_OBJECTIVE,
                                           RP_ENT_OPERATIONAL_OBJECTIVE, RP_ENT__MAX};
static const enum rp_entity COMM_OBJECTIVE[] = {RP_ENT_COMM_OBJECTIVE, RP_ENT__MAX};

struct index_ctx {
    struct rp_index *index;
    struct rp_diags *diags;
};

static void index_visit(void *ctx, enum rp_entity kind, const char *id, const void *entity,
                        const struct rp_loc *loc, const void *parent)
{
    struct index_ctx *ic = ctx;
    /* The plan and its organisation name files and folders, not entities to refer to: a
     * party may well share the organisation's id. */
    if (kind == RP_ENT_PLAN || kind == RP_ENT_ORGANISATION || kind == RP_ENT_EVALUATION)
        return;
    struct rp_index_entry e = {id, kind, entity, parent, loc};
    const struct rp_index_entry *first = rp_index_add(ic->index, &e);
    if (first)
        rp_diag_add(ic->diags, RP_ERROR, loc->file, loc->line, loc->col,
                    "duplicate id '%s' (first defined at line %ld as a %s)", id,
                    first->loc->line, rp_entity_name(first->kind));
}

struct rp_index *rp_plan_index(const struct rp_plan *plan, struct rp_arena *arena,
                               struct rp_diags *diags)
{
    struct index_ctx ic = {rp_index_new(arena, 1024), diags};
    rp_plan_walk(plan, index_visit, &ic);
    return ic.index;
}

/* Owners and parties: each a defined unit (party), none named twice. */
static void check_holders(struct checker *c, const struct rp_refs *refs, const char *what,
                          const enum rp_entity *kinds)
{
    rp_check_refs(c, refs, what, kinds);
    for (size_t i = 1; i < refs->count; i++)
        for (size_t k = 0; k < i; k++)
            if (strcmp(refs->ids[i], refs->ids[k]) == 0) {
                rp_check_report(c, RP_ERROR, &refs->loc, "%s '%s' is named twice", what,
                                refs->ids[i]);
                break;
            }
}

void rp_check_holders(struct checker *c, const struct rp_refs *refs, const char *what,
                      const enum rp_entity *kinds)
{
    check_holders(c, refs, what, kinds);
}

static void check_actions(struct checker *c, const struct rp_action *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        check_holders(c, &a[i].owners, "owner", UNIT);
        rp_check_refs(c, &a[i].objectives, "objective", OBJECTIVE);
    }
}

static void check_missions(struct checker *c, const struct rp_mission *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rp_check_ref(c, &m[i].loc, "legal basis", m[i].legal_basis, LEGAL);
        check_missions(c, m[i].children, m[i].child_count);
    }
}

/* An indicator counts in a unit of the schema or one the plan declares in <units>. */
static void check_unit(struct checker *c, const struct rp_indicator *ind)
{
    if (!ind->unit || rp_schema_unit(ind->unit))
        return;
    const struct rp_index_entry *e = rp_index_get(c->index, ind->unit);
    if (!e || e->kind != RP_ENT_MEASURE_UNIT)
        rp_check_report(c, RP_ERROR, &ind->loc,
                        "indicator '%s' has unit '%s', which is neither a schema unit nor one "
                        "the plan declares",
                        ind->id, ind->unit);
}

/* A declared unit that is a schema unit would have two sets of words. */
static void check_declared_units(struct checker *c, const struct rp_plan *p)
{
    for (size_t i = 0; i < p->unit_count; i++)
        if (rp_schema_unit(p->units[i].id))
            rp_check_report(c, RP_ERROR, &p->units[i].loc,
                            "unit '%s' is a schema unit: indicators use it without declaring it",
                            p->units[i].id);
}

static void check_objectives(struct checker *c, const struct rp_plan *p)
{
    for (size_t i = 0; i < p->objective_count; i++) {
        const struct rp_strategic_objective *so = &p->objectives[i];
        check_holders(c, &so->owners, "owner", UNIT);
        rp_check_refs(c, &so->priorities, "priority", PRIORITY);
        for (size_t k = 0; k < so->ambition_count; k++) {
            check_holders(c, &so->ambitions[k].owners, "owner", UNIT);
            if (so->ambitions[k].owners.count == 0)
                rp_check_report(c, RP_ERROR, &so->ambitions[k].loc,
                                "ambition '%s' has no owner", so->ambitions[k].id);
        }
        for (size_t k = 0; k < so->operational_count; k++) {
            const struct rp_operational_objective *oo = &so->operational[k];
            check_holders(c, &oo->owners, "owner", UNIT);
            check_actions(c, oo->actions, oo->action_count);
            for (size_t j = 0; j < oo->indicator_count; j++) {
                const struct rp_indicator *ind = &oo->indicators[j];
                check_unit(c, ind);
                if (ind->norm.kind == RP_NORM_TIERED && ind->norm.threshold_count < 2)
                    rp_check_report(c, RP_ERROR, &ind->loc,
                                    "indicator '%s': a tiered norm needs two thresholds or more",
                                    ind->id);
                if (ind->norm.kind == RP_NORM_SINGLE && ind->norm.threshold_count != 1)
                    rp_check_report(c, RP_ERROR, &ind->loc,
                                    "indicator '%s': a single norm needs exactly one threshold",
                                    ind->id);
            }
        }
        check_actions(c, so->actions, so->action_count);
    }
}

/* Two entries with one term in one language: a reader could not tell which one is meant. */
static void check_glossary(struct checker *c, const struct rp_plan *p)
{
    for (size_t i = 0; i < p->glossary_count; i++)
        for (size_t t = 0; t < p->glossary[i].term.count; t++) {
            const struct rp_text *term = &p->glossary[i].term.items[t];
            for (size_t k = 0; k < i; k++) {
                const struct rp_text *same = rp_texts_pick(&p->glossary[k].term, term->lang, NULL);
                if (same && rp_lang_same(same->lang, term->lang) &&
                    strcmp(same->plain, term->plain) == 0) {
                    rp_check_report(c, RP_ERROR, &term->loc,
                                    "glossary entry '%s' repeats the term '%s' of entry '%s' "
                                    "(line %ld)",
                                    p->glossary[i].id, term->plain, p->glossary[k].id,
                                    p->glossary[k].loc.line);
                    break;
                }
            }
        }
}

static void check_relations(struct checker *c, const struct rp_section *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rp_check_refs(c, &s[i].relates_to, "related element", NULL);
        for (size_t b = 0; b < s[i].block_count; b++)
            if (s[i].blocks[b].kind == RP_BLOCK_SECTION)
                check_relations(c, s[i].blocks[b].section, 1);
    }
}

static void check_placeholders(struct checker *c, const struct rp_placeholder *ph, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rp_check_report(c, RP_WARNING, &ph[i].loc,
                        "placeholder '%s' left unresolved by the source", ph[i].text);
}

void rp_check_plan(const struct rp_plan *p, struct rp_arena *arena, struct rp_diags *diags)
{
    struct checker c = {diags, rp_plan_index(p, arena, diags), p->lang};
    if (p->start > p->end)
        rp_check_report(&c, RP_ERROR, &p->loc, "the plan period %d-%d ends before it starts",
                        p->start, p->end);
    for (size_t i = 0; i < p->organisation.unit_count; i++)
        rp_check_ref(&c, &p->organisation.units[i].loc, "parent unit",
                     p->organisation.units[i].parent, UNIT);
    check_missions(&c, p->missions, p->mission_count);
    for (size_t i = 0; i < p->risk_domain_count; i++)
        rp_check_refs(&c, &p->risk_domains[i].objectives, "objective", STRATEGIC);
    check_declared_units(&c, p);
    check_objectives(&c, p);
    for (size_t i = 0; i < p->process_count; i++)
        check_holders(&c, &p->processes[i].owners, "owner", UNIT);
    check_actions(&c, p->projects, p->project_count);
    for (size_t i = 0; i < p->commitment_count; i++)
        check_holders(&c, &p->commitments[i].parties, "party", PARTY);
    check_glossary(&c, p);
    rp_check_groups(&c, p);
    rp_check_maturity(&c, p);
    for (size_t i = 0; i < p->signature.signatory_count; i++)
        rp_check_ref(&c, &p->signature.signatories[i].loc, "party",
                     p->signature.signatories[i].party, PARTY);
    for (size_t i = 0; i < p->communication.action_count; i++)
        rp_check_refs(&c, &p->communication.actions[i].objectives, "communication objective",
                      COMM_OBJECTIVE);
    for (size_t i = 0; i < p->key_figures_count; i++)
        for (size_t k = 0; k < p->key_figures[i].figure_count; k++)
            rp_check_refs(&c, &p->key_figures[i].figures[k].relates_to, "related element", NULL);
    check_relations(&c, p->sections, p->section_count);
    rp_check_tables(&c, p);
    rp_check_amendments(&c, p);
    check_placeholders(&c, p->placeholders, p->placeholder_count);
}
