/* A plan as indented text (`rapport dump plan.xml`): one line per entity and per text. */
#include "model/dump_internal.h"

#include <string.h>

static void numbered(struct printer *p, const char *what, const struct rp_numbered *n, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        OPEN(p, "%s %s number=%s rank=%d", what, n[i].id, OPT(n[i].number), n[i].rank);
        rp_dump_texts(p, "title", &n[i].title);
        rp_dump_texts(p, "text", &n[i].text);
        rp_dump_texts(p, "item", &n[i].items);
        CLOSE(p);
    }
}

void rp_dump_organisation(struct printer *p, const struct rp_organisation *o)
{
    OPEN(p, "organisation %s (%s)", o->id, rp_org_kind_name(o->kind));
    rp_dump_texts(p, "name", &o->name);
    rp_dump_texts(p, "short-name", &o->short_name);
    rp_dump_texts(p, "abbr", &o->abbr);
    rp_dump_texts(p, "slogan", &o->slogan);
    for (size_t i = 0; i < o->unit_count; i++) {
        const struct rp_unit *u = &o->units[i];
        OPEN(p, "unit %s (%s) parent=%s", u->id, rp_unit_kind_name(u->kind), OPT(u->parent));
        rp_dump_texts(p, "name", &u->name);
        rp_dump_texts(p, "abbr", &u->abbr);
        for (size_t k = 0; k < u->alias_count; k++) {
            rp_dump_indent(p);
            fprintf(p->out, "alias: %s\n", u->aliases[k]);
        }
        rp_dump_texts(p, "text", &u->text);
        CLOSE(p);
    }
    CLOSE(p);
}

static void mission(struct printer *p, const struct rp_mission *m)
{
    OPEN(p, "mission %s number=%s legal-basis=%s", m->id, OPT(m->number), OPT(m->legal_basis));
    rp_dump_texts(p, "title", &m->title);
    rp_dump_texts(p, "text", &m->text);
    rp_dump_texts(p, "item", &m->items);
    for (size_t i = 0; i < m->child_count; i++)
        mission(p, &m->children[i]);
    CLOSE(p);
}

/* "maturity ms-digital level=1 as-of=2022 target=3 horizon=2025". */
static void maturities(struct printer *p, const struct rp_maturities *m)
{
    char from[RP_DATE_TEXT], by[RP_DATE_TEXT];
    for (size_t i = 0; i < m->count; i++) {
        rp_date_text(from, m->items[i].as_of);
        rp_date_text(by, m->items[i].horizon);
        rp_dump_indent(p);
        fprintf(p->out, "maturity %s level=%d as-of=%s target=%d horizon=%s\n", m->items[i].scale,
                m->items[i].level, from, m->items[i].target, by);
    }
}

static void actions(struct printer *p, const struct rp_action *a, size_t n)
{
    char d[RP_DATE_TEXT];
    for (size_t i = 0; i < n; i++) {
        rp_date_text(d, a[i].due);
        OPEN(p, "%s %s due=%s", rp_action_kind_name(a[i].kind), a[i].id, d);
        rp_dump_refs(p, "owners", &a[i].owners);
        rp_dump_refs(p, "objectives", &a[i].objectives);
        rp_dump_texts(p, "title", &a[i].title);
        rp_dump_texts(p, "text", &a[i].text);
        maturities(p, &a[i].maturity);
        CLOSE(p);
    }
}

static void indicator(struct printer *p, const struct rp_indicator *ind)
{
    OPEN(p, "indicator %s number=%s unit=%s direction=%s frequency=%s", ind->id, OPT(ind->number),
         OPT(ind->unit), rp_direction_name(ind->direction), rp_frequency_name(ind->frequency));
    rp_dump_texts(p, "title", &ind->title);
    rp_dump_texts(p, "definition", &ind->definition);
    if (ind->baseline.present) {
        rp_dump_indent(p);
        fprintf(p->out, "baseline: %g (%d)\n", ind->baseline.value, ind->baseline_year);
    }
    OPEN(p, "norm %s", rp_norm_kind_name(ind->norm.kind));
    for (size_t i = 0; i < ind->norm.threshold_count; i++) {
        const struct rp_threshold *t = &ind->norm.thresholds[i];
        rp_dump_indent(p);
        fprintf(p->out, "threshold %s: %g", t->id, t->value);
        if (t->within.present)
            fprintf(p->out, " within %g %s", t->within.value, rp_within_unit_name(t->within_unit));
        fputc('\n', p->out);
    }
    char d[RP_DATE_TEXT];
    for (size_t i = 0; i < ind->norm.milestone_count; i++) {
        rp_date_text(d, ind->norm.milestones[i].date);
        rp_dump_indent(p);
        fprintf(p->out, "milestone %s due=%s\n", OPT(ind->norm.milestones[i].id), d);
        p->depth++;
        rp_dump_texts(p, "text", &ind->norm.milestones[i].text);
        p->depth--;
    }
    rp_dump_texts(p, "text", &ind->norm.text);
    CLOSE(p);
    CLOSE(p);
}

static void groups(struct printer *p, const struct rp_group *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        OPEN(p, "group %s", g[i].id);
        rp_dump_texts(p, "name", &g[i].name);
        CLOSE(p);
    }
}

static void objectives(struct printer *p, const struct rp_plan *plan)
{
    groups(p, plan->objective_groups, plan->objective_group_count);
    for (size_t i = 0; i < plan->objective_count; i++) {
        const struct rp_strategic_objective *so = &plan->objectives[i];
        OPEN(p, "strategic-objective %s number=%s group=%s", so->id, OPT(so->number),
             OPT(so->group));
        rp_dump_refs(p, "owners", &so->owners);
        rp_dump_refs(p, "priorities", &so->priorities);
        rp_dump_texts(p, "title", &so->title);
        rp_dump_texts(p, "text", &so->text);
        maturities(p, &so->maturity);
        for (size_t k = 0; k < so->ambition_count; k++) {
            OPEN(p, "ambition %s owners-raw=%s", so->ambitions[k].id,
                 OPT(so->ambitions[k].owners_raw));
            rp_dump_refs(p, "owners", &so->ambitions[k].owners);
            rp_dump_texts(p, "text", &so->ambitions[k].text);
            CLOSE(p);
        }
        for (size_t k = 0; k < so->operational_count; k++) {
            const struct rp_operational_objective *oo = &so->operational[k];
            OPEN(p, "operational-objective %s number=%s", oo->id, OPT(oo->number));
            rp_dump_refs(p, "owners", &oo->owners);
            rp_dump_texts(p, "title", &oo->title);
            rp_dump_texts(p, "text", &oo->text);
            maturities(p, &oo->maturity);
            for (size_t j = 0; j < oo->indicator_count; j++)
                indicator(p, &oo->indicators[j]);
            actions(p, oo->actions, oo->action_count);
            CLOSE(p);
        }
        actions(p, so->actions, so->action_count);
        CLOSE(p);
    }
}

static void amendments(struct printer *p, const struct rp_plan *pl)
{
    char s[RP_DATE_TEXT], e[RP_DATE_TEXT];
    for (size_t i = 0; i < pl->amendment_count; i++) {
        const struct rp_amendment *a = &pl->amendments[i];
        rp_date_text(s, a->signed_on);
        rp_date_text(e, a->effective);
        OPEN(p, "amendment %s signed=%s effective=%s", a->id, s, e);
        rp_dump_texts(p, "title", &a->title);
        rp_dump_texts(p, "text", &a->text);
        CLOSE(p);
    }
    for (size_t i = 0; i < pl->change_count; i++) {
        const struct rp_text_change *c = &pl->changes[i];
        rp_dump_indent(p);
        fprintf(p->out, "change %s by %s: %s[%s] line %ld: %s\n", rp_change_name(c->change),
                OPT(c->amendment), c->element, c->lang, c->loc.line, c->plain);
    }
}

static void plan_parts(struct printer *p, const struct rp_plan *pl)
{
    char d[RP_DATE_TEXT];
    for (size_t i = 0; i < pl->party_count; i++) {
        OPEN(p, "party %s (%s)", pl->parties[i].id, rp_party_role_name(pl->parties[i].role));
        rp_dump_texts(p, "name", &pl->parties[i].name);
        CLOSE(p);
    }
    for (size_t i = 0; i < pl->legal_basis_count; i++) {
        rp_date_text(d, pl->legal_bases[i].date);
        OPEN(p, "legal-basis %s date=%s", pl->legal_bases[i].id, d);
        rp_dump_texts(p, "title", &pl->legal_bases[i].title);
        CLOSE(p);
    }
    for (size_t i = 0; i < pl->approval_count; i++) {
        rp_date_text(d, pl->approvals[i].date);
        OPEN(p, "approval date=%s", d);
        rp_dump_texts(p, "body", &pl->approvals[i].body);
        CLOSE(p);
    }
    if (pl->signature.present) {
        rp_date_text(d, pl->signature.date);
        OPEN(p, "signature date=%s", d);
        rp_dump_texts(p, "place", &pl->signature.place);
        for (size_t i = 0; i < pl->signature.signatory_count; i++) {
            OPEN(p, "signatory %s party=%s", pl->signature.signatories[i].name,
                 OPT(pl->signature.signatories[i].party));
            rp_dump_texts(p, "role", &pl->signature.signatories[i].role);
            CLOSE(p);
        }
        CLOSE(p);
    }
    amendments(p, pl);
    rp_dump_texts(p, "missions-text", &pl->missions_text);
    for (size_t i = 0; i < pl->mission_count; i++)
        mission(p, &pl->missions[i]);
    rp_dump_texts(p, "vision-text", &pl->vision_text);
    numbered(p, "pillar", pl->pillars, pl->pillar_count);
    rp_dump_texts(p, "values-text", &pl->values_text);
    numbered(p, "value", pl->values, pl->value_count);
    numbered(p, "stake", pl->stakes, pl->stake_count);
    groups(p, pl->stakeholder_groups, pl->stakeholder_group_count);
    for (size_t i = 0; i < pl->stakeholder_count; i++) {
        OPEN(p, "stakeholder %s group=%s", pl->stakeholders[i].id, OPT(pl->stakeholders[i].group));
        rp_dump_texts(p, "name", &pl->stakeholders[i].name);
        CLOSE(p);
    }
    rp_dump_texts(p, "risks-text", &pl->risks_text);
    for (size_t i = 0; i < pl->risk_count; i++) {
        OPEN(p, "risk %s code=%s rank=%d", pl->risks[i].id, OPT(pl->risks[i].code),
             pl->risks[i].rank);
        rp_dump_texts(p, "title", &pl->risks[i].title);
        rp_dump_texts(p, "justification", &pl->risks[i].justification);
        CLOSE(p);
    }
    for (size_t i = 0; i < pl->risk_domain_count; i++) {
        const struct rp_risk_domain *rd = &pl->risk_domains[i];
        OPEN(p, "risk-domain %s", rd->id);
        rp_dump_refs(p, "objectives", &rd->objectives);
        rp_dump_texts(p, "title", &rd->title);
        rp_dump_texts(p, "weakness", &rd->weaknesses);
        rp_dump_texts(p, "threat", &rd->threats);
        rp_dump_texts(p, "note", &rd->notes);
        CLOSE(p);
    }
    numbered(p, "priority", pl->priorities, pl->priority_count);
    rp_dump_texts(p, "success-factors-text", &pl->success_factors_text);
    numbered(p, "success-factor", pl->success_factors, pl->success_factor_count);
    for (size_t i = 0; i < pl->unit_count; i++) {
        OPEN(p, "unit-of-measure %s", pl->units[i].id);
        rp_dump_texts(p, "name", &pl->units[i].name);
        CLOSE(p);
    }
}

static void glossary(struct printer *p, const struct rp_plan *pl)
{
    for (size_t i = 0; i < pl->glossary_count; i++) {
        const struct rp_glossary_entry *g = &pl->glossary[i];
        OPEN(p, "glossary-entry %s", g->id);
        rp_dump_texts(p, "term", &g->term);
        rp_dump_texts(p, "expansion", &g->expansion);
        rp_dump_texts(p, "definition", &g->definition);
        CLOSE(p);
    }
}

static void commitment(struct printer *p, const struct rp_commitment *c)
{
    char d[RP_DATE_TEXT];
    rp_date_text(d, c->deadline);
    OPEN(p, "commitment %s number=%s deadline=%s", c->id, OPT(c->number), d);
    rp_dump_refs(p, "parties", &c->parties);
    rp_dump_texts(p, "text", &c->text);
    rp_dump_texts(p, "condition", &c->conditions);
    CLOSE(p);
}

static void plan_processes(struct printer *p, const struct rp_plan *pl)
{
    for (size_t i = 0; i < pl->process_count; i++) {
        const struct rp_key_process *kp = &pl->processes[i];
        OPEN(p, "key-process %s number=%s type=%s type-raw=%s", kp->id, OPT(kp->number),
             rp_process_type_name(kp->type), OPT(kp->type_raw));
        rp_dump_refs(p, "owners", &kp->owners);
        rp_dump_texts(p, "name", &kp->name);
        rp_dump_texts(p, "sub-process", &kp->sub_processes);
        rp_dump_texts(p, "trigger", &kp->triggers);
        rp_dump_texts(p, "output", &kp->outputs);
        rp_dump_texts(p, "client", &kp->clients);
        CLOSE(p);
    }
    actions(p, pl->projects, pl->project_count);
    for (size_t i = 0; i < pl->commitment_count; i++)
        commitment(p, &pl->commitments[i]);
}

static void maturity_scales(struct printer *p, const struct rp_plan *pl)
{
    for (size_t i = 0; i < pl->maturity_scale_count; i++) {
        const struct rp_maturity_scale *ms = &pl->maturity_scales[i];
        OPEN(p, "maturity-scale %s", ms->id);
        rp_dump_texts(p, "name", &ms->name);
        for (size_t k = 0; k < ms->level_count; k++) {
            OPEN(p, "level %d", ms->levels[k].value);
            rp_dump_texts(p, "name", &ms->levels[k].name);
            rp_dump_texts(p, "description", &ms->levels[k].description);
            CLOSE(p);
        }
        CLOSE(p);
    }
}

static void transversal(struct printer *p, const struct rp_transversal *t)
{
    if (!t->present)
        return;
    OPEN(p, "transversal-objectives pending=%d", t->pending);
    rp_dump_texts(p, "text", &t->text);
    char d[RP_DATE_TEXT];
    for (size_t i = 0; i < t->theme_count; i++) {
        const struct rp_transversal_theme *th = &t->themes[i];
        OPEN(p, "theme %s number=%s", th->id, OPT(th->number));
        rp_dump_texts(p, "title", &th->title);
        for (size_t k = 0; k < th->objective_count; k++) {
            const struct rp_transversal_objective *o = &th->objectives[k];
            OPEN(p, "transversal-objective %s number=%s", o->id, OPT(o->number));
            rp_dump_texts(p, "title", &o->title);
            rp_dump_texts(p, "text", &o->text);
            for (size_t j = 0; j < o->commitment_count; j++)
                commitment(p, &o->commitments[j]);
            for (size_t j = 0; j < o->target_count; j++) {
                const struct rp_transversal_target *tg = &o->targets[j];
                rp_date_text(d, tg->horizon);
                OPEN(p, "target %s %s %g %s horizon=%s", tg->id, rp_qualifier_name(tg->qualifier),
                     tg->value, tg->unit, d);
                rp_dump_texts(p, "label", &tg->label);
                CLOSE(p);
            }
            CLOSE(p);
        }
        CLOSE(p);
    }
    CLOSE(p);
}

static void communication(struct printer *p, const struct rp_comm_plan *cp)
{
    OPEN(p, "communication-plan");
    rp_dump_texts(p, "text", &cp->text);
    for (size_t i = 0; i < cp->objective_count; i++) {
        OPEN(p, "communication-objective %s", cp->objectives[i].id);
        rp_dump_texts(p, "name", &cp->objectives[i].name);
        CLOSE(p);
    }
    char d[RP_DATE_TEXT];
    for (size_t i = 0; i < cp->action_count; i++) {
        const struct rp_comm_action *a = &cp->actions[i];
        OPEN(p, "action %s about=%s", a->id, OPT(a->about));
        rp_dump_refs(p, "objectives", &a->objectives);
        rp_dump_texts(p, "audience", &a->audiences);
        rp_dump_texts(p, "target-group", &a->target_groups);
        for (size_t k = 0; k < a->messages.count; k++) {
            struct rp_texts one = {&a->messages.items[k], 1};
            rp_dump_texts(p, rp_message_kind_name(a->message_kinds[k]), &one);
        }
        rp_dump_texts(p, "channel", &a->channels);
        rp_dump_texts(p, "material", &a->materials);
        rp_dump_texts(p, "responsible", &a->responsibles);
        if (a->has_timing) {
            rp_date_text(d, a->timing_date);
            rp_dump_indent(p);
            fprintf(p->out, "timing date=%s\n", d);
            rp_dump_texts(p, "timing", &a->timings);
        }
        CLOSE(p);
    }
    CLOSE(p);
}

void rp_dump_translations(struct printer *p, const struct rp_translations *t)
{
    for (size_t i = 0; i < t->count; i++) {
        rp_dump_indent(p);
        fprintf(p->out, "translation[%s]: %s\n", t->items[i].lang,
                t->items[i].official ? "official" : "unofficial");
    }
}

void rp_plan_dump(const struct rp_plan *pl, FILE *out)
{
    struct printer p = {out, 0};
    char d[RP_DATE_TEXT];
    rp_date_text(d, pl->date);
    OPEN(&p, "plan %s (%s %d-%d, date %s, lang %s)", pl->id, rp_plan_kind_name(pl->kind), pl->start,
         pl->end, d, pl->lang);
    rp_dump_texts(&p, "title", &pl->title);
    rp_dump_translations(&p, &pl->translations);
    rp_dump_organisation(&p, &pl->organisation);
    plan_parts(&p, pl);
    maturity_scales(&p, pl);
    objectives(&p, pl);
    plan_processes(&p, pl);
    transversal(&p, &pl->transversal);
    for (size_t i = 0; i < pl->table_count; i++)
        rp_dump_table(&p, &pl->tables[i]);
    if (pl->has_communication)
        communication(&p, &pl->communication);
    glossary(&p, pl);
    rp_dump_narrative(&p, pl->key_figures, pl->key_figures_count, pl->sections, pl->section_count);
    CLOSE(&p);
}

