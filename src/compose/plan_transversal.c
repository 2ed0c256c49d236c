/* The plan document's transversal objectives: the introduction (or, when the plan sets them
 * later, that it will), then by theme each objective with its text, the parties'
 * commitments and a table of its targets. */
#include "compose/maturity.h"
#include "compose/plan.h"

static void targets(struct rp_report *r, struct rp_nodes *into,
                    const struct rp_transversal_objective *o)
{
    if (o->target_count == 0)
        return;
    struct rp_node *t = rp_report_table(
        r, into, rp_report_l(r, "caption.targets"),
        (const struct rp_report_column[]){
            {rp_report_l(r, "col.target"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "col.target_value"), RP_ALIGN_RIGHT, false, false},
            {rp_report_l(r, "col.horizon"), RP_ALIGN_LEFT, false, false}},
        3);
    for (size_t i = 0; i < o->target_count; i++) {
        const struct rp_transversal_target *tg = &o->targets[i];
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_report_cell(r, t, row, 0, &tg->label, NULL, 0);
        const char *lang;
        rp_doc_table_cell(r->doc, t, row, 1, rp_transversal_value(r, tg, tg->value, true, &lang),
                          NULL, 0);
        rp_doc_cell_lang(r->doc, t, row, 1, lang);
        if (tg->horizon.year)
            rp_doc_table_cell(r->doc, t, row, 2, rp_report_date(r, &tg->horizon), NULL, 0);
    }
}

static void objective(struct rp_report *r, struct rp_nodes *into,
                      const struct rp_transversal_objective *o)
{
    struct rp_nodes *kids = into;
    if (o->title.count) {
        struct rp_node *sec = rp_report_section(r, into, 3, o->number, &o->title);
        sec->id = rp_doc_str(r->doc, o->id);
        kids = &sec->u.section.children;
        rp_report_paragraphs(r, kids, &o->text, RP_PARA_BODY);
    } else {
        rp_plan_numbered_paragraphs(r, kids, o->number, &o->text);
    }
    rp_plan_commitment_list(r, kids, o->commitments, o->commitment_count);
    targets(r, kids, o);
}

void rp_plan_transversal(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_transversal *t = &r->plan->transversal;
    if (!t->present)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.transversal");
    rp_report_paragraphs(r, kids, &t->text, RP_PARA_BODY);
    if (t->pending && t->text.count == 0)
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY,
                             rp_report_l(r, "plan.transversal_pending"));
    for (size_t i = 0; i < t->theme_count; i++) {
        const struct rp_transversal_theme *th = &t->themes[i];
        struct rp_node *sec = rp_report_section(r, kids, 2, th->number, &th->title);
        sec->id = rp_doc_str(r->doc, th->id);
        for (size_t k = 0; k < th->objective_count; k++)
            objective(r, &sec->u.section.children, &th->objectives[k]);
    }
}
