#include "model/dump.h"

#include <string.h>

struct printer {
    FILE *out;
    int depth;
};

static void indent(struct printer *p)
{
    for (int i = 0; i < p->depth; i++)
        fputs("  ", p->out);
}

/* Placeholders in [[…]], links as text<href>, emphasis in *…*, footnotes in ^[…]. */
static void runs(struct printer *p, const struct rp_run *run, size_t count)
{
    for (size_t r = 0; r < count; r++, run++) {
        const char *mark = run->style & RP_STYLE_STRONG ? "**"
                           : run->style & RP_STYLE_EM   ? "*"
                                                        : "";
        if (run->kind == RP_RUN_PLACEHOLDER)
            fprintf(p->out, "[[%s]]", run->text);
        else if (run->kind == RP_RUN_LINK)
            fprintf(p->out, "%s%s%s<%s>", mark, run->text, mark, run->href);
        else if (run->kind == RP_RUN_FOOTNOTE) {
            fputs("^[", p->out);
            runs(p, run->runs, run->run_count);
            fputc(']', p->out);
        } else
            fprintf(p->out, "%s%s%s", mark, run->text, mark);
    }
}

/* One line per text. */
static void texts(struct printer *p, const char *field, const struct rp_texts *t)
{
    for (size_t i = 0; i < t->count; i++) {
        indent(p);
        fprintf(p->out, "%s[%s]: ", field, t->items[i].lang);
        runs(p, t->items[i].runs, t->items[i].run_count);
        if (t->items[i].amendment)
            fprintf(p->out, " {%s %s}", rp_change_name(t->items[i].change),
                    t->items[i].amendment);
        fputc('\n', p->out);
    }
}

static void refs(struct printer *p, const char *field, const struct rp_refs *r)
{
    if (!r->count)
        return;
    indent(p);
    fprintf(p->out, "%s:", field);
    for (size_t i = 0; i < r->count; i++)
        fprintf(p->out, " %s", r->ids[i]);
    fputc('\n', p->out);
}

#define OPEN(p, ...)                                                                               \
    do {                                                                                           \
        indent(p);                                                                                 \
        fprintf((p)->out, __VA_ARGS__);                                                            \
        fputc('\n', (p)->out);                                                                     \
        (p)->depth++;                                                                              \
    } while (0)
#define CLOSE(p) ((p)->depth--)
#define OPT(s) ((s) ? (s) : "-")

static void numbered(struct printer *p, const char *what, const struct rp_numbered *n, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        OPEN(p, "%s %s number=%s rank=%d", what, n[i].id, OPT(n[i].number), n[i].rank);
        texts(p, "title", &n[i].title);
        texts(p, "text", &n[i].text);
        texts(p, "item", &n[i].items);
        CLOSE(p);
    }
}

static void organisation(struct printer *p, const struct rp_organisation *o)
{
    OPEN(p, "organisation %s (%s)", o->id, rp_org_kind_name(o->kind));
    texts(p, "name", &o->name);
    texts(p, "short-name", &o->short_name);
    texts(p, "abbr", &o->abbr);
    texts(p, "slogan", &o->slogan);
    for (size_t i = 0; i < o->unit_count; i++) {
        const struct rp_unit *u = &o->units[i];
        OPEN(p, "unit %s (%s) parent=%s", u->id, rp_unit_kind_name(u->kind), OPT(u->parent));
        texts(p, "name", &u->name);
        texts(p, "abbr", &u->abbr);
        for (size_t k = 0; k < u->alias_count; k++) {
            indent(p);
            fprintf(p->out, "alias: %s\n", u->aliases[k]);
        }
        texts(p, "text", &u->text);
        CLOSE(p);
    }
    CLOSE(p);
}

static void mission(struct printer *p, const struct rp_mission *m)
{
    OPEN(p, "mission %s number=%s legal-basis=%s", m->id, OPT(m->number), OPT(m->legal_basis));
    texts(p, "title", &m->title);
    texts(p, "text", &m->text);
    texts(p, "item", &m->items);
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
        indent(p);
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
        refs(p, "owners", &a[i].owners);
        refs(p, "objectives", &a[i].objectives);
        texts(p, "title", &a[i].title);
        texts(p, "text", &a[i].text);
        maturities(p, &a[i].maturity);
        CLOSE(p);
    }
}

static void indicator(struct printer *p, const struct rp_indicator *ind)
{
    OPEN(p, "indicator %s number=%s unit=%s direction=%s frequency=%s", ind->id, OPT(ind->number),
         OPT(ind->unit), rp_direction_name(ind->direction), rp_frequency_name(ind->frequency));
    texts(p, "title", &ind->title);
    texts(p, "definition", &ind->definition);
    if (ind->baseline.present) {
        indent(p);
        fprintf(p->out, "baseline: %g (%d)\n", ind->baseline.value, ind->baseline_year);
    }
    OPEN(p, "norm %s", rp_norm_kind_name(ind->norm.kind));
    for (size_t i = 0; i < ind->norm.threshold_count; i++) {
        const struct rp_threshold *t = &ind->norm.thresholds[i];
        indent(p);
        fprintf(p->out, "threshold %s: %g", t->id, t->value);
        if (t->within.present)
            fprintf(p->out, " within %g %s", t->within.value, rp_within_unit_name(t->within_unit));
        fputc('\n', p->out);
    }
    char d[RP_DATE_TEXT];
    for (size_t i = 0; i < ind->norm.milestone_count; i++) {
        rp_date_text(d, ind->norm.milestones[i].date);
        indent(p);
        fprintf(p->out, "milestone %s due=%s\n", OPT(ind->norm.milestones[i].id), d);
        p->depth++;
        texts(p, "text", &ind->norm.milestones[i].text);
        p->depth--;
    }
    texts(p, "text", &ind->norm.text);
    CLOSE(p);
    CLOSE(p);
}

static void groups(struct printer *p, const struct rp_group *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        OPEN(p, "group %s", g[i].id);
        texts(p, "name", &g[i].name);
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
        refs(p, "owners", &so->owners);
        refs(p, "priorities", &so->priorities);
        texts(p, "title", &so->title);
        texts(p, "text", &so->text);
        maturities(p, &so->maturity);
        for (size_t k = 0; k < so->ambition_count; k++) {
            OPEN(p, "ambition %s owners-raw=%s", so->ambitions[k].id,
                 OPT(so->ambitions[k].owners_raw));
            refs(p, "owners", &so->ambitions[k].owners);
            texts(p, "text", &so->ambitions[k].text);
            CLOSE(p);
        }
        for (size_t k = 0; k < so->operational_count; k++) {
            const struct rp_operational_objective *oo = &so->operational[k];
            OPEN(p, "operational-objective %s number=%s", oo->id, OPT(oo->number));
            refs(p, "owners", &oo->owners);
            texts(p, "title", &oo->title);
            texts(p, "text", &oo->text);
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

static void table(struct printer *p, const struct rp_table *t)
{
    OPEN(p, "table %s (%s, %s, scale %ld, tolerance %g, %d decimals)", t->id,
         rp_table_kind_name(t->kind), rp_table_unit_name(t->unit), t->scale, t->tolerance,
         t->decimals);
    texts(p, "caption", &t->caption);
    for (size_t i = 0; i < t->dimension_count; i++) {
        OPEN(p, "row-dimension %s", t->dimensions[i].id);
        texts(p, "label", &t->dimensions[i].label);
        CLOSE(p);
    }
    for (size_t i = 0; i < t->group_count; i++) {
        OPEN(p, "column-group %s", t->groups[i].id);
        refs(p, "columns", &t->groups[i].columns);
        texts(p, "label", &t->groups[i].label);
        CLOSE(p);
    }
    for (size_t i = 0; i < t->column_count; i++) {
        const struct rp_column *c = &t->columns[i];
        /* A column's unit and decimals only where they are its own: the table's otherwise. */
        char unit[32] = "", decimals[32] = "";
        if (c->unit != t->unit)
            snprintf(unit, sizeof unit, " unit=%s", rp_table_unit_name(c->unit));
        if (c->decimals != t->decimals)
            snprintf(decimals, sizeof decimals, " decimals=%d", c->decimals);
        OPEN(p, "column %s year=%d credit=%s stage=%s%s%s", c->id, c->year,
             rp_credit_name(c->credit), OPT(c->stage), unit, decimals);
        refs(p, "sums", &c->sums);
        texts(p, "label", &c->label);
        CLOSE(p);
    }
    for (size_t i = 0; i < t->row_count; i++) {
        const struct rp_row *r = &t->rows[i];
        /* The tree and the year only where the row states them. */
        char tree[160] = "", level[32] = "", year[32] = "";
        if (r->dimension)
            snprintf(tree, sizeof tree, " dimension=%s", r->dimension);
        if (r->level >= 0)
            snprintf(level, sizeof level, " level=%d", r->level);
        if (r->year)
            snprintf(year, sizeof year, " year=%d", r->year);
        OPEN(p, "row %s (%s) mark=%s unit=%s%s%s%s", r->id, rp_row_kind_name(r->kind),
             OPT(r->mark), OPT(r->unit), tree, level, year);
        texts(p, "label", &r->label);
        indent(p);
        fputs("values:", p->out);
        for (size_t k = 0; k < r->value_count; k++)
            r->values[k].nil ? fputs(" -", p->out)
                             : fprintf(p->out, " %.*f",
                                       k < t->column_count ? t->columns[k].decimals : t->decimals,
                                       r->values[k].value);
        fputc('\n', p->out);
        refs(p, "sums", &r->sums);
        texts(p, "note", &r->notes);
        CLOSE(p);
    }
    for (size_t i = 0; i < t->note_count; i++) {
        struct rp_texts one = {(struct rp_text *)&t->notes[i].text, 1};
        indent(p);
        fprintf(p->out, "note mark=%s\n", OPT(t->notes[i].mark));
        p->depth++;
        texts(p, "text", &one);
        p->depth--;
    }
    CLOSE(p);
}

static void key_figures(struct printer *p, const struct rp_key_figures *kf)
{
    OPEN(p, "key-figures %s", kf->id);
    texts(p, "title", &kf->title);
    for (size_t i = 0; i < kf->figure_count; i++) {
        const struct rp_figure *f = &kf->figures[i];
        OPEN(p, "figure %s value=%g unit=%s scale=%ld qualifier=%s raw=%s", f->id, f->value,
             f->unit, f->scale, rp_qualifier_name(f->qualifier), OPT(f->raw));
        refs(p, "relates-to", &f->relates_to);
        texts(p, "label", &f->label);
        texts(p, "comment", &f->comment);
        CLOSE(p);
    }
    CLOSE(p);
}

static void section(struct printer *p, const struct rp_section *s)
{
    OPEN(p, "section %s role=%s", s->id, rp_section_role_name(s->role));
    texts(p, "signed-by", &s->signed_by);
    refs(p, "relates-to", &s->relates_to);
    texts(p, "title", &s->title);
    texts(p, "teaser", &s->teaser);
    texts(p, "lead", &s->lead);
    for (size_t i = 0; i < s->block_count; i++) {
        const struct rp_block *b = &s->blocks[i];
        struct rp_texts one = {(struct rp_text *)&b->paragraph, 1};
        switch (b->kind) {
        case RP_BLOCK_PARAGRAPH:
            texts(p, "p", &one);
            break;
        case RP_BLOCK_LIST:
            OPEN(p, "list ordered=%d", b->ordered);
            texts(p, "item", &b->list_items);
            CLOSE(p);
            break;
        case RP_BLOCK_KEY_FIGURES:
            key_figures(p, b->figures);
            break;
        case RP_BLOCK_SECTION:
            section(p, b->section);
            break;
        default:
            OPEN(p, "figure %s href=%s missing=%d", rp_media_kind_name(b->media.kind),
                 OPT(b->media.href), b->media.missing);
            texts(p, "caption", &b->media.caption);
            CLOSE(p);
        }
    }
    CLOSE(p);
}

static void narrative(struct printer *p, const struct rp_key_figures *kf, size_t nkf,
                      const struct rp_section *s, size_t ns)
{
    for (size_t i = 0; i < nkf; i++)
        key_figures(p, &kf[i]);
    for (size_t i = 0; i < ns; i++)
        section(p, &s[i]);
}

/* The amendments, then every text they mark, shown or not (the texts above are the
 * consolidated ones). */
static void amendments(struct printer *p, const struct rp_plan *pl)
{
    char s[RP_DATE_TEXT], e[RP_DATE_TEXT];
    for (size_t i = 0; i < pl->amendment_count; i++) {
        const struct rp_amendment *a = &pl->amendments[i];
        rp_date_text(s, a->signed_on);
        rp_date_text(e, a->effective);
        OPEN(p, "amendment %s signed=%s effective=%s", a->id, s, e);
        texts(p, "title", &a->title);
        texts(p, "text", &a->text);
        CLOSE(p);
    }
    for (size_t i = 0; i < pl->change_count; i++) {
        const struct rp_text_change *c = &pl->changes[i];
        indent(p);
        fprintf(p->out, "change %s by %s: %s[%s] line %ld: %s\n", rp_change_name(c->change),
                OPT(c->amendment), c->element, c->lang, c->loc.line, c->plain);
    }
}

static void plan_parts(struct printer *p, const struct rp_plan *pl)
{
    char d[RP_DATE_TEXT];
    for (size_t i = 0; i < pl->party_count; i++) {
        OPEN(p, "party %s (%s)", pl->parties[i].id, rp_party_role_name(pl->parties[i].role));
        texts(p, "name", &pl->parties[i].name);
        CLOSE(p);
    }
    for (size_t i = 0; i < pl->legal_basis_count; i++) {
        rp_date_text(d, pl->legal_bases[i].date);
        OPEN(p, "legal-basis %s date=%s", pl->legal_bases[i].id, d);
        texts(p, "title", &pl->legal_bases[i].title);
        CLOSE(p);
    }
    for (size_t i = 0; i < pl->approval_count; i++) {
        rp_date_text(d, pl->approvals[i].date);
        OPEN(p, "approval date=%s", d);
        texts(p, "body", &pl->approvals[i].body);
        CLOSE(p);
    }
    if (pl->signature.present) {
        rp_date_text(d, pl->signature.date);
        OPEN(p, "signature date=%s", d);
        texts(p, "place", &pl->signature.place);
        for (size_t i = 0; i < pl->signature.signatory_count; i++) {
            OPEN(p, "signatory %s party=%s", pl->signature.signatories[i].name,
                 OPT(pl->signature.signatories[i].party));
            texts(p, "role", &pl->signature.signatories[i].role);
            CLOSE(p);
        }
        CLOSE(p);
    }
    amendments(p, pl);
    texts(p, "missions-text", &pl->missions_text);
    for (size_t i = 0; i < pl->mission_count; i++)
        mission(p, &pl->missions[i]);
    texts(p, "vision-text", &pl->vision_text);
    numbered(p, "pillar", pl->pillars, pl->pillar_count);
    texts(p, "values-text", &pl->values_text);
    numbered(p, "value", pl->values, pl->value_count);
    numbered(p, "stake", pl->stakes, pl->stake_count);
    groups(p, pl->stakeholder_groups, pl->stakeholder_group_count);
    for (size_t i = 0; i < pl->stakeholder_count; i++) {
        OPEN(p, "stakeholder %s group=%s", pl->stakeholders[i].id, OPT(pl->stakeholders[i].group));
        texts(p, "name", &pl->stakeholders[i].name);
        CLOSE(p);
    }
    texts(p, "risks-text", &pl->risks_text);
    for (size_t i = 0; i < pl->risk_count; i++) {
        OPEN(p, "risk %s code=%s rank=%d", pl->risks[i].id, OPT(pl->risks[i].code),
             pl->risks[i].rank);
        texts(p, "title", &pl->risks[i].title);
        texts(p, "justification", &pl->risks[i].justification);
        CLOSE(p);
    }
    for (size_t i = 0; i < pl->risk_domain_count; i++) {
        const struct rp_risk_domain *rd = &pl->risk_domains[i];
        OPEN(p, "risk-domain %s", rd->id);
        refs(p, "objectives", &rd->objectives);
        texts(p, "title", &rd->title);
        texts(p, "weakness", &rd->weaknesses);
        texts(p, "threat", &rd->threats);
        texts(p, "note", &rd->notes);
        CLOSE(p);
    }
    numbered(p, "priority", pl->priorities, pl->priority_count);
    texts(p, "success-factors-text", &pl->success_factors_text);
    numbered(p, "success-factor", pl->success_factors, pl->success_factor_count);
    for (size_t i = 0; i < pl->unit_count; i++) {
        OPEN(p, "unit-of-measure %s", pl->units[i].id);
        texts(p, "name", &pl->units[i].name);
        CLOSE(p);
    }
}

static void glossary(struct printer *p, const struct rp_plan *pl)
{
    for (size_t i = 0; i < pl->glossary_count; i++) {
        const struct rp_glossary_entry *g = &pl->glossary[i];
        OPEN(p, "glossary-entry %s", g->id);
        texts(p, "term", &g->term);
        texts(p, "expansion", &g->expansion);
        texts(p, "definition", &g->definition);
        CLOSE(p);
    }
}

static void commitment(struct printer *p, const struct rp_commitment *c)
{
    char d[RP_DATE_TEXT];
    rp_date_text(d, c->deadline);
    OPEN(p, "commitment %s number=%s deadline=%s", c->id, OPT(c->number), d);
    refs(p, "parties", &c->parties);
    texts(p, "text", &c->text);
    texts(p, "condition", &c->conditions);
    CLOSE(p);
}

static void plan_processes(struct printer *p, const struct rp_plan *pl)
{
    for (size_t i = 0; i < pl->process_count; i++) {
        const struct rp_key_process *kp = &pl->processes[i];
        OPEN(p, "key-process %s number=%s type=%s type-raw=%s", kp->id, OPT(kp->number),
             rp_process_type_name(kp->type), OPT(kp->type_raw));
        refs(p, "owners", &kp->owners);
        texts(p, "name", &kp->name);
        texts(p, "sub-process", &kp->sub_processes);
        texts(p, "trigger", &kp->triggers);
        texts(p, "output", &kp->outputs);
        texts(p, "client", &kp->clients);
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
        texts(p, "name", &ms->name);
        for (size_t k = 0; k < ms->level_count; k++) {
            OPEN(p, "level %d", ms->levels[k].value);
            texts(p, "name", &ms->levels[k].name);
            texts(p, "description", &ms->levels[k].description);
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
    texts(p, "text", &t->text);
    char d[RP_DATE_TEXT];
    for (size_t i = 0; i < t->theme_count; i++) {
        const struct rp_transversal_theme *th = &t->themes[i];
        OPEN(p, "theme %s number=%s", th->id, OPT(th->number));
        texts(p, "title", &th->title);
        for (size_t k = 0; k < th->objective_count; k++) {
            const struct rp_transversal_objective *o = &th->objectives[k];
            OPEN(p, "transversal-objective %s number=%s", o->id, OPT(o->number));
            texts(p, "title", &o->title);
            texts(p, "text", &o->text);
            for (size_t j = 0; j < o->commitment_count; j++)
                commitment(p, &o->commitments[j]);
            for (size_t j = 0; j < o->target_count; j++) {
                const struct rp_transversal_target *tg = &o->targets[j];
                rp_date_text(d, tg->horizon);
                OPEN(p, "target %s %s %g %s horizon=%s", tg->id, rp_qualifier_name(tg->qualifier),
                     tg->value, tg->unit, d);
                texts(p, "label", &tg->label);
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
    texts(p, "text", &cp->text);
    for (size_t i = 0; i < cp->objective_count; i++) {
        OPEN(p, "communication-objective %s", cp->objectives[i].id);
        texts(p, "name", &cp->objectives[i].name);
        CLOSE(p);
    }
    char d[RP_DATE_TEXT];
    for (size_t i = 0; i < cp->action_count; i++) {
        const struct rp_comm_action *a = &cp->actions[i];
        OPEN(p, "action %s about=%s", a->id, OPT(a->about));
        refs(p, "objectives", &a->objectives);
        texts(p, "audience", &a->audiences);
        texts(p, "target-group", &a->target_groups);
        for (size_t k = 0; k < a->messages.count; k++) {
            struct rp_texts one = {&a->messages.items[k], 1};
            texts(p, rp_message_kind_name(a->message_kinds[k]), &one);
        }
        texts(p, "channel", &a->channels);
        texts(p, "material", &a->materials);
        texts(p, "responsible", &a->responsibles);
        if (a->has_timing) {
            rp_date_text(d, a->timing_date);
            indent(p);
            fprintf(p->out, "timing date=%s\n", d);
            texts(p, "timing", &a->timings);
        }
        CLOSE(p);
    }
    CLOSE(p);
}

static void translations(struct printer *p, const struct rp_translations *t)
{
    for (size_t i = 0; i < t->count; i++) {
        indent(p);
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
    texts(&p, "title", &pl->title);
    translations(&p, &pl->translations);
    organisation(&p, &pl->organisation);
    plan_parts(&p, pl);
    maturity_scales(&p, pl);
    objectives(&p, pl);
    plan_processes(&p, pl);
    transversal(&p, &pl->transversal);
    for (size_t i = 0; i < pl->table_count; i++)
        table(&p, &pl->tables[i]);
    if (pl->has_communication)
        communication(&p, &pl->communication);
    glossary(&p, pl);
    narrative(&p, pl->key_figures, pl->key_figures_count, pl->sections, pl->section_count);
    CLOSE(&p);
}

static void opt_num(FILE *out, const char *name, struct rp_opt_num n)
{
    if (n.present)
        fprintf(out, " %s=%g", name, n.value);
}

void rp_evaluation_dump(const struct rp_evaluation *e, FILE *out)
{
    struct printer p = {out, 0};
    char d[RP_DATE_TEXT];
    rp_date_text(d, e->date);
    OPEN(&p, "evaluation %s plan=%s year=%d date=%s sample=%d lang=%s", e->id, OPT(e->plan_ref),
         e->year, d, e->sample, e->lang);
    texts(&p, "title", &e->title);
    translations(&p, &e->translations);
    if (e->has_organisation)
        organisation(&p, &e->organisation);
    for (size_t i = 0; i < e->result_count; i++) {
        const struct rp_indicator_result *r = &e->results[i];
        OPEN(&p, "indicator-result %s", r->ref);
        for (size_t k = 0; k < r->value_count; k++) {
            indent(&p);
            fprintf(out, "value %g threshold=%s unit=%s\n", r->values[k].value,
                    OPT(r->values[k].threshold), OPT(r->values[k].unit));
        }
        texts(&p, "comment", &r->comment);
        CLOSE(&p);
    }
    for (size_t i = 0; i < e->progress_count; i++) {
        const struct rp_progress *pr = &e->progress[i];
        indent(&p);
        fprintf(out, "progress %s %s", pr->ref, rp_progress_status_name(pr->status));
        opt_num(out, "percent", pr->percent);
        fputc('\n', out);
        p.depth++;
        for (size_t k = 0; k < pr->milestone_count; k++) {
            rp_date_text(d, pr->milestones[k].date);
            indent(&p);
            fprintf(out, "milestone %s done=%d\n", d, pr->milestones[k].done);
            p.depth++;
            texts(&p, "text", &pr->milestones[k].text);
            p.depth--;
        }
        texts(&p, "comment", &pr->comment);
        p.depth--;
    }
    for (size_t i = 0; i < e->maturity_count; i++) {
        const struct rp_maturity_reached *m = &e->maturity[i];
        OPEN(&p, "maturity %s scale=%s level=%d", m->ref, m->scale, m->level);
        texts(&p, "comment", &m->comment);
        CLOSE(&p);
    }
    for (size_t i = 0; i < e->transversal_count; i++) {
        OPEN(&p, "transversal-result %s %g", e->transversal[i].ref, e->transversal[i].value);
        texts(&p, "comment", &e->transversal[i].comment);
        CLOSE(&p);
    }
    for (size_t i = 0; i < e->budget_count; i++) {
        const struct rp_budget_execution *b = &e->budget[i];
        indent(&p);
        fprintf(out, "budget-execution %s %s", b->row, b->column);
        opt_num(out, "initial", b->initial);
        opt_num(out, "adjusted", b->adjusted);
        opt_num(out, "committed", b->committed);
        opt_num(out, "liquidated", b->liquidated);
        fputc('\n', out);
        p.depth++;
        texts(&p, "explanation", &b->explanation);
        p.depth--;
    }
    for (size_t i = 0; i < e->risk_review_count; i++) {
        OPEN(&p, "risk-review %s rank=%d trend=%s", e->risk_reviews[i].ref, e->risk_reviews[i].rank,
             rp_trend_name(e->risk_reviews[i].trend));
        texts(&p, "comment", &e->risk_reviews[i].comment);
        CLOSE(&p);
    }
    for (size_t i = 0; i < e->comm_count; i++) {
        rp_date_text(d, e->comm[i].date);
        indent(&p);
        fprintf(out, "communication-execution %s %s date=%s", e->comm[i].ref,
                rp_comm_status_name(e->comm[i].status), d);
        opt_num(out, "reach", e->comm[i].reach);
        fputc('\n', out);
        p.depth++;
        texts(&p, "comment", &e->comm[i].comment);
        p.depth--;
    }
    narrative(&p, e->key_figures, e->key_figures_count, e->sections, e->section_count);
    CLOSE(&p);
}
