/* The plan document's maturity scales (one table of levels per scale) and, under each
 * assessed objective, project or process, its level now and the level it aims at. */
#include "compose/maturity.h"
#include "compose/plan.h"
#include "model/maturity.h"

#include <stdio.h>
#include <string.h>

void rp_maturity_level_spans(struct rp_report *r, struct rp_spans *spans,
                             const struct rp_maturity_scale *scale, int value)
{
    char num[16];
    snprintf(num, sizeof num, "%d", value);
    rp_spans_add(r->doc, spans, RP_SPAN_TEXT, 0, rp_report_lf(r, "maturity.level", num, NULL, NULL),
                 NULL);
    const struct rp_maturity_level *l = rp_maturity_level_find(scale, value);
    if (!l || l->name.count == 0)
        return;
    const char *lang;
    const char *name = rp_report_plain_in(r, &l->name, &lang);
    rp_spans_add(r->doc, spans, RP_SPAN_TEXT, 0, " (", NULL);
    rp_report_add_plain(r, spans, 0, name, lang);
    rp_spans_add(r->doc, spans, RP_SPAN_TEXT, 0, ")", NULL);
}

const char *rp_maturity_level_text(struct rp_report *r, const struct rp_maturity_scale *scale,
                                   int value, const char **lang)
{
    const struct rp_maturity_level *l = rp_maturity_level_find(scale, value);
    *lang = NULL;
    if (!l || l->name.count == 0)
        return rp_doc_printf(r->doc, "%d", value);
    const char *name = rp_report_plain_in(r, &l->name, lang);
    return rp_doc_printf(r->doc, "%d \xe2\x80\x93 %s", value, name);
}

const char *rp_transversal_value(struct rp_report *r, const struct rp_transversal_target *t,
                                 double value, bool qualified, const char **lang)
{
    static const char *const qualifiers[RP_QUAL__MAX] = {NULL, "qual.approx", "qual.min",
                                                         "qual.max"};
    const char *text;
    *lang = NULL;
    if (strcmp(t->unit, "percent") == 0)
        text = rp_report_percent(r, value, rp_report_decimals(value));
    else if (strcmp(t->unit, "count") == 0)
        text = rp_report_num_auto(r, value);
    else
        text = rp_doc_printf(r->doc, "%s" RP_NBSP "%s", rp_report_num_auto(r, value),
                             rp_report_unit_word_in(r, t->unit, lang));
    if (qualified && (unsigned)t->qualifier < RP_QUAL__MAX && qualifiers[t->qualifier])
        text = rp_doc_printf(r->doc, "%s %s", rp_report_l(r, qualifiers[t->qualifier]), text);
    return text;
}

/* " (mesuré : janvier 2024)", " d’ici 2026": the label `key` around `date`, if any. */
static void dated(struct rp_report *r, struct rp_spans *s, const char *key,
                  const struct rp_date *date)
{
    if (date->year)
        rp_spans_add(
            r->doc, s, RP_SPAN_TEXT, 0,
            rp_doc_printf(r->doc, " %s", rp_report_lf(r, key, rp_report_date(r, date), NULL, NULL)),
            NULL);
}

/* "Maturité – Transformation numérique : niveau 1 (Initial) au janvier 2022 → niveau 3
 * (Défini) d'ici 2025"; `subject` (an action's title) opens the line when given. */
static void assessment(struct rp_report *r, struct rp_nodes *into, const struct rp_texts *subject,
                       const struct rp_maturity *m)
{
    const struct rp_maturity_scale *scale = rp_maturity_scale_find(r->plan, m->scale);
    struct rp_node *p = rp_doc_add_paragraph(r->doc, into, RP_PARA_SMALL, NULL);
    struct rp_spans *s = &p->u.paragraph.text;
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, RP_SPAN_STRONG,
                 rp_doc_printf(r->doc, "%s \xe2\x80\x93 ", rp_report_l(r, "label.maturity")), NULL);
    if (subject) {
        rp_report_add_runs(r, s, rp_report_pick(r, subject));
        rp_spans_add(r->doc, s, RP_SPAN_TEXT, RP_SPAN_STRONG, " \xe2\x80\x93 ", NULL);
    }
    if (scale) {
        const char *lang;
        const char *name = rp_report_plain_in(r, &scale->name, &lang);
        rp_report_add_plain(r, s, RP_SPAN_STRONG, name, lang);
    }
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, RP_SPAN_STRONG, rp_report_colon(r), NULL);
    rp_maturity_level_spans(r, s, scale, m->level);
    dated(r, s, "maturity.as_of", &m->as_of);
    if (m->target < 0)
        return;
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, 0, " \xe2\x86\x92 ", NULL);
    rp_maturity_level_spans(r, s, scale, m->target);
    dated(r, s, "maturity.by", &m->horizon);
}

void rp_plan_maturity(struct rp_report *r, struct rp_nodes *into, const struct rp_maturities *m)
{
    for (size_t i = 0; i < m->count; i++)
        assessment(r, into, NULL, &m->items[i]);
}

void rp_plan_actions_maturity(struct rp_report *r, struct rp_nodes *into,
                              const struct rp_action *actions, size_t count)
{
    for (size_t i = 0; i < count; i++)
        for (size_t k = 0; k < actions[i].maturity.count; k++)
            assessment(r, into, &actions[i].title, &actions[i].maturity.items[k]);
}

/* One table per scale: each level's value, name and what it means. */
void rp_plan_maturity_scales(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->maturity_scale_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.maturity_scales");
    for (size_t i = 0; i < p->maturity_scale_count; i++) {
        const struct rp_maturity_scale *ms = &p->maturity_scales[i];
        struct rp_node *sec = rp_report_section(r, kids, 2, NULL, &ms->name);
        sec->id = rp_doc_str(r->doc, ms->id);
        struct rp_node *t = rp_report_table(
            r, &sec->u.section.children, rp_report_l(r, "caption.maturity_levels"),
            (const struct rp_report_column[]){
                {rp_report_l(r, "col.maturity_level"), RP_ALIGN_RIGHT, false, false},
                {rp_report_l(r, "col.name"), RP_ALIGN_LEFT, true, false},
                {rp_report_l(r, "col.description"), RP_ALIGN_LEFT, false, false}},
            3);
        for (size_t k = 0; k < ms->level_count; k++) {
            const struct rp_maturity_level *l = &ms->levels[k];
            size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
            rp_doc_table_cell(r->doc, t, row, 0, rp_doc_printf(r->doc, "%d", l->value), NULL, 0);
            rp_report_cell(r, t, row, 1, &l->name, NULL, 0);
            if (l->description.count)
                rp_report_cell(r, t, row, 2, &l->description, NULL, 0);
        }
    }
}
