/* The plan's context and means: its own narrative sections (context, provisions, analyses),
 * the budget and staffing tables (as the budget document sets them), the communication plan
 * (as the communication summary sets it), the key figures the text states, and the
 * organisation's units with what each does. */
#include "compose/plan.h"

void rp_plan_context(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->section_count == 0)
        return;
    rp_report_narrative(r, rp_plan_chapter(r, into, "sec.plan_context"), 2, p->sections,
                        p->section_count);
}

void rp_plan_budget(struct rp_report *r, struct rp_nodes *into)
{
    rp_budget_chapter(r, into, 1, RP_TABLE_BUDGET, NULL, "sec.budget-tables");
    rp_budget_chapter(r, into, 1, RP_TABLE_STAFFING, NULL, "sec.staffing");
}

void rp_plan_communication(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    const struct rp_comm_plan *cp = &p->communication;
    if (!p->has_communication || (cp->text.count == 0 && cp->action_count == 0))
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.comm_plan");
    rp_report_paragraphs(r, kids, &cp->text, RP_PARA_BODY);
    if (cp->action_count)
        rp_comm_plan_sections(r, kids);
}

void rp_plan_key_figures(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->key_figures_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.key_figures");
    for (size_t i = 0; i < p->key_figures_count; i++)
        rp_report_key_figures(r, kids, &p->key_figures[i]);
}

/* The units table of the evaluation report, then what each unit that describes itself
 * does, under its name. */
void rp_plan_organisation(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_organisation *org = r->org;
    size_t before = into->count;
    rp_eval_organisation(r, into);
    if (into->count == before)
        return;
    struct rp_nodes *chapter = &into->items[into->count - 1]->u.section.children;
    rp_report_paragraphs(r, chapter, &org->slogan, RP_PARA_LEAD);
    struct rp_nodes *sec = NULL;
    for (size_t i = 0; i < org->unit_count; i++) {
        const struct rp_unit *u = &org->units[i];
        if (u->text.count == 0)
            continue;
        if (!sec)
            sec = rp_plan_section(r, chapter, 2, "sec.plan_units");
        struct rp_node *head = rp_plan_lead_para(r, sec, RP_PARA_LEAD, NULL, &u->name);
        if (head && u->abbr.count) {
            const char *lang;
            const char *abbr = rp_report_text_in(r, &u->abbr, " ", &lang);
            rp_spans_add(r->doc, &head->u.paragraph.text, RP_SPAN_TEXT, 0, " (", NULL);
            rp_report_add_plain(r, &head->u.paragraph.text, 0, abbr, lang);
            rp_spans_add(r->doc, &head->u.paragraph.text, RP_SPAN_TEXT, 0, ")", NULL);
        }
        rp_report_paragraphs(r, sec, &u->text, RP_PARA_BODY);
    }
}

void rp_plan_glossary(struct rp_report *r, struct rp_nodes *into)
{
    rp_report_glossary(r, into, 1);
}
