/* The risks chapter as the plan states it: its introduction, the ranked risk register
 * (code, rank, risk, justification) and the risk domains with their weaknesses, threats,
 * notes and the strategic objectives they bear on. */
#include "compose/plan.h"

#include <stdio.h>

static void risk_register(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    bool code = false, rank = false, why = false;
    for (size_t i = 0; i < p->risk_count; i++) {
        code |= p->risks[i].code != NULL;
        rank |= p->risks[i].rank > 0;
        why |= p->risks[i].justification.count > 0;
    }
    /* Columns: [rank], [code], risk, [justification]; the heading above names the table. */
    struct rp_node *t = rp_report_table(
        r, into, NULL,
        (const struct rp_report_column[]){
            {rp_report_l(r, "col.rank"), RP_ALIGN_RIGHT, false, !rank},
            {rp_report_l(r, "col.code"), RP_ALIGN_LEFT, false, !code},
            {rp_report_l(r, "col.risk"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "col.justification"), RP_ALIGN_LEFT, false, !why}},
        4);
    for (size_t i = 0; i < p->risk_count; i++) {
        const struct rp_risk *k = &p->risks[i];
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE), col = 0;
        if (rank)
            rp_doc_table_cell(r->doc, t, row, col++,
                              k->rank > 0 ? rp_doc_printf(r->doc, "%d", k->rank) : RP_NIL_TEXT,
                              NULL, 0);
        if (code)
            rp_doc_table_cell(r->doc, t, row, col++, k->code ? k->code : "", NULL, 0);
        rp_report_cell(r, t, row, col++, &k->title, NULL, 0);
        if (why)
            rp_report_cell(r, t, row, col, &k->justification, NULL, 0);
    }
}

/* "Faiblesses :" in bold, then one item per text; nothing when there are none. */
static void labelled_items(struct rp_report *r, struct rp_nodes *into, const char *key,
                           const struct rp_texts *texts)
{
    if (texts->count == 0)
        return;
    struct rp_node *p = rp_doc_add_paragraph(r->doc, into, RP_PARA_SMALL, NULL);
    rp_spans_add(r->doc, &p->u.paragraph.text, RP_SPAN_TEXT, RP_SPAN_STRONG,
                 rp_doc_printf(r->doc, "%s%s", rp_report_l(r, key), rp_report_colon(r)), NULL);
    rp_plan_items(r, into, texts);
}

/* One block per domain: its title as a lead, then its weaknesses and threats as lists, its
 * notes, and the strategic objectives it bears on. */
static void domain(struct rp_report *r, struct rp_nodes *into, const struct rp_risk_domain *d,
                   size_t i)
{
    rp_plan_lead_para(r, into, RP_PARA_LEAD, rp_doc_printf(r->doc, "%zu.", i + 1), &d->title);
    labelled_items(r, into, "label.weaknesses", &d->weaknesses);
    labelled_items(r, into, "label.threats", &d->threats);
    rp_report_paragraphs(r, into, &d->notes, RP_PARA_SMALL);
    if (d->objectives.count)
        rp_plan_field(r, into, "label.related_objectives",
                      rp_report_objective_numbers(r, &d->objectives), NULL);
}

void rp_plan_risks(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->risks_text.count == 0 && p->risk_count == 0 && p->risk_domain_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.risks");
    rp_report_paragraphs(r, kids, &p->risks_text, RP_PARA_BODY);
    if (p->risk_count)
        risk_register(r, rp_plan_section(r, kids, 2, "sec.risk_register"));
    if (p->risk_domain_count) {
        struct rp_nodes *s = rp_plan_section(r, kids, 2, "sec.risk_domains");
        for (size_t i = 0; i < p->risk_domain_count; i++)
            domain(r, s, &p->risk_domains[i], i);
    }
}
