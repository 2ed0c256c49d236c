/* The objectives chapter: one section per strategic objective, headed as the plan numbers
 * it ("Objectif stratégique 1 : …"), with its text, owners, priorities, ambitions and
 * actions, then one section per operational objective with its text, owners, indicators
 * (definition, norm as worded, thresholds, milestones, how it is measured) and actions. */
#include "compose/plan.h"
#include "util/arena.h"

#include <stdio.h>
#include <string.h>

static void owners(struct rp_report *r, struct rp_nodes *into, const struct rp_refs *refs)
{
    if (refs->count == 0)
        return;
    const char *lang;
    const char *names = rp_report_owners_in(r, refs, &lang);
    rp_plan_field(r, into, "label.owners", names, lang);
}

/* "Priorités : 1, 3": the numbers of the priorities an objective serves. */
static void priorities(struct rp_report *r, struct rp_nodes *into, const struct rp_refs *refs)
{
    const char *out = "";
    for (size_t i = 0; i < refs->count; i++) {
        const char *num = refs->ids[i];
        for (size_t k = 0; k < r->plan->priority_count; k++)
            if (strcmp(r->plan->priorities[k].id, num) == 0 && r->plan->priorities[k].number)
                num = r->plan->priorities[k].number;
        out = rp_doc_printf(r->doc, "%s%s%s", out, i ? ", " : "", num);
    }
    rp_plan_field(r, into, "label.priorities", out, NULL);
}

/* ---------------------------------------------------------------- indicators */

/* "80 % dans un délai de 5 jours ouvrables ; 100 % dans un délai de 1 mois". */
static const char *thresholds(struct rp_report *r, const struct rp_indicator *ind)
{
    const char *out = "";
    for (size_t k = 0; k < ind->norm.threshold_count; k++) {
        const struct rp_threshold *t = &ind->norm.thresholds[k];
        const char *value = rp_report_indicator_value(r, ind, t->value);
        const char *within = rp_report_within(r, t);
        if (*within)
            value = rp_report_lf(r, "plan.threshold.within", value, within, NULL);
        out = rp_doc_printf(r->doc, "%s%s%s", out, k ? rp_report_semicolon(r) : "", value);
    }
    return out;
}

/* "Jalons : 31 décembre 2023 – Un plan d'actions est élaboré ; …", each wording in its
 * own language. */
static void milestones(struct rp_report *r, struct rp_nodes *into, const struct rp_norm *norm)
{
    if (norm->milestone_count == 0)
        return;
    struct rp_node *p = rp_doc_add_paragraph(r->doc, into, RP_PARA_SMALL, NULL);
    struct rp_spans *s = &p->u.paragraph.text;
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, RP_SPAN_STRONG,
                 rp_doc_printf(r->doc, "%s%s", rp_report_l(r, "col.milestones"),
                               rp_report_colon(r)),
                 NULL);
    for (size_t i = 0; i < norm->milestone_count; i++) {
        const struct rp_milestone *m = &norm->milestones[i];
        const char *lang;
        const char *text = rp_report_text_in(r, &m->text, " ", &lang);
        const char *date = m->date.year ? rp_report_date(r, &m->date) : "";
        const char *sep = *date && *text ? " \xe2\x80\x93 " : "";
        rp_spans_add(r->doc, s, RP_SPAN_TEXT, 0,
                     rp_doc_printf(r->doc, "%s%s%s", i ? rp_report_semicolon(r) : "", date, sep),
                     NULL);
        rp_report_add_plain(r, s, 0, text, lang);
    }
}

static void indicator(struct rp_report *r, struct rp_nodes *into, const struct rp_indicator *ind)
{
    const char *number = ind->number ? ind->number : ind->id;
    struct rp_node *head = rp_doc_add_paragraph(r->doc, into, RP_PARA_BODY, NULL);
    rp_spans_add(r->doc, &head->u.paragraph.text, RP_SPAN_TEXT, RP_SPAN_STRONG,
                 rp_doc_printf(r->doc, "%s%s", rp_report_lf(r, "heading.indicator", number, NULL, NULL),
                               rp_report_colon(r)),
                 NULL);
    rp_report_add_runs(r, &head->u.paragraph.text, rp_report_pick(r, &ind->title));
    rp_plan_field_texts(r, into, "col.definition", &ind->definition);
    rp_plan_field_texts(r, into, "col.norm", &ind->norm.text);
    if (ind->norm.threshold_count)
        rp_plan_field(r, into, "label.thresholds", thresholds(r, ind), NULL);
    milestones(r, into, &ind->norm);
    /* "Unité : pour cent ; Sens souhaité : …" names its own parts: no label over labels. */
    rp_doc_add_paragraph(r->doc, into, RP_PARA_SMALL, rp_report_indicator_measure(r, ind));
}

/* ---------------------------------------------------------------- objectives */

static void ambitions(struct rp_report *r, struct rp_nodes *into,
                      const struct rp_strategic_objective *so, const char *number)
{
    if (so->ambition_count == 0)
        return;
    bool who = false;
    for (size_t i = 0; i < so->ambition_count; i++)
        who |= so->ambitions[i].owners.count > 0 || so->ambitions[i].owners_raw;
    struct rp_node *t = rp_report_table(
        r, into, rp_report_lf(r, "caption.ambitions", number, NULL, NULL),
        (const struct rp_report_column[]){
            {rp_report_l(r, "col.number"), RP_ALIGN_RIGHT, false, false},
            {rp_report_l(r, "col.ambition"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "col.owners"), RP_ALIGN_LEFT, false, !who}},
        3);
    for (size_t i = 0; i < so->ambition_count; i++) {
        const struct rp_ambition *a = &so->ambitions[i];
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, rp_doc_printf(r->doc, "%zu", i + 1), NULL, 0);
        rp_report_cell(r, t, row, 1, &a->text, NULL,
                       rp_report_has_placeholder(rp_report_peek(r, &a->text)) ? RP_CELL_PLACEHOLDER
                                                                              : 0);
        if (!who)
            continue;
        /* Owners the plan names as units, else as it wrote them (unit acronyms). */
        const char *lang = NULL;
        const char *names = a->owners.count ? rp_report_owners_in(r, &a->owners, &lang)
                                            : a->owners_raw ? a->owners_raw : "";
        rp_doc_table_cell(r->doc, t, row, 2, names, NULL, 0);
        rp_doc_cell_lang(r->doc, t, row, 2, lang);
    }
}

static void operational(struct rp_report *r, struct rp_nodes *into,
                        const struct rp_operational_objective *oo)
{
    struct rp_node *sec = rp_report_section(r, into, 3, oo->number, &oo->title);
    sec->id = rp_doc_str(r->doc, oo->id);
    struct rp_nodes *kids = &sec->u.section.children;
    rp_report_paragraphs(r, kids, &oo->text, RP_PARA_BODY);
    owners(r, kids, &oo->owners);
    rp_plan_maturity(r, kids, &oo->maturity);
    for (size_t i = 0; i < oo->indicator_count; i++)
        indicator(r, kids, &oo->indicators[i]);
    const char *number = oo->number ? oo->number : oo->id;
    rp_plan_actions_table(r, kids, rp_report_lf(r, "caption.actions", number, NULL, NULL),
                          oo->actions, oo->action_count, false);
}

/* `group`: the part of the plan this objective opens ("Partie II. Traitement et paiement
 * des dossiers"), or NULL. */
static void strategic(struct rp_report *r, struct rp_nodes *into,
                      const struct rp_strategic_objective *so, const struct rp_group *group)
{
    const char *number = so->number ? so->number : so->id;
    /* Strategic and operational objectives are numbered in separate series: the heading
     * names its kind, as the plans do ("Objectif stratégique 1 : …"). */
    struct rp_node *sec = rp_doc_add_section(r->doc, into, 2, NULL, NULL);
    rp_spans_add(r->doc, &sec->u.section.title, RP_SPAN_TEXT, 0,
                 rp_doc_printf(r->doc, "%s%s",
                               rp_report_lf(r, "heading.strategic", number, NULL, NULL),
                               rp_report_colon(r)),
                 NULL);
    rp_report_add_runs(r, &sec->u.section.title, rp_report_pick(r, &so->title));
    sec->id = rp_doc_str(r->doc, so->id);
    struct rp_nodes *kids = &sec->u.section.children;
    if (group) {
        struct rp_node *lead = rp_doc_add_paragraph(r->doc, kids, RP_PARA_LEAD, NULL);
        rp_report_add_runs(r, &lead->u.paragraph.text, rp_report_pick(r, &group->name));
    }
    rp_report_paragraphs(r, kids, &so->text, RP_PARA_BODY);
    owners(r, kids, &so->owners);
    priorities(r, kids, &so->priorities);
    rp_plan_maturity(r, kids, &so->maturity);
    ambitions(r, kids, so, number);
    rp_plan_actions_table(r, kids, rp_report_lf(r, "caption.actions", number, NULL, NULL),
                          so->actions, so->action_count, false);
    for (size_t o = 0; o < so->operational_count; o++)
        operational(r, kids, &so->operational[o]);
}

void rp_plan_objectives(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->objective_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "kind.strategic");
    /* A group's name opens the first objective of each run of its members. */
    const struct rp_group *last = NULL;
    for (size_t s = 0; s < p->objective_count; s++) {
        const struct rp_group *group =
            rp_plan_group(p->objective_groups, p->objective_group_count, p->objectives[s].group);
        strategic(r, kids, &p->objectives[s], group != last ? group : NULL);
        last = group;
    }
}
