/* The plan's standing and planned work beyond its objectives: the key processes (by type,
 * with their owners, sub-processes, triggers, outputs and clients) and the plan-level project
 * list (the parties' commitments: plan_commitments.c). Also the actions table the objectives
 * share. */
#include "compose/plan.h"

#include <stdio.h>

void rp_plan_actions_table(struct rp_report *r, struct rp_nodes *into, const char *caption,
                           const struct rp_action *actions, size_t count, bool objectives)
{
    if (count == 0)
        return;
    bool who = false, due = false, sos = false;
    for (size_t i = 0; i < count; i++) {
        who |= actions[i].owners.count > 0;
        due |= actions[i].due.year > 0;
        sos |= objectives && actions[i].objectives.count > 0;
    }
    size_t c_who = 2, c_due = 2 + who, c_sos = 2 + who + due;
    struct rp_node *t = rp_report_table(
        r, into, caption,
        (const struct rp_report_column[]){
            {rp_report_l(r, "col.number"), RP_ALIGN_RIGHT, false, false},
            {rp_report_l(r, "col.action_item"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "col.owners"), RP_ALIGN_LEFT, false, !who},
            {rp_report_l(r, "col.due"), RP_ALIGN_LEFT, false, !due},
            {rp_report_l(r, "col.objectives"), RP_ALIGN_LEFT, false, !sos}},
        5);
    for (size_t i = 0; i < count; i++) {
        const struct rp_action *a = &actions[i];
        const char *mark = rp_doc_printf(r->doc, "%zu", i + 1);
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, mark, NULL, 0);
        const struct rp_text *title = rp_report_peek(r, &a->title);
        rp_report_cell(r, t, row, 1, &a->title,
                       a->kind == RP_ACTION_PROCESS ? rp_report_l(r, "kind.process") : NULL,
                       rp_report_has_placeholder(title) ? RP_CELL_PLACEHOLDER : 0);
        if (who) {
            const char *lang;
            rp_doc_table_cell(r->doc, t, row, c_who, rp_report_owners_in(r, &a->owners, &lang),
                              NULL, 0);
            rp_doc_cell_lang(r->doc, t, row, c_who, lang);
        }
        if (due && a->due.year)
            rp_doc_table_cell(r->doc, t, row, c_due, rp_report_date(r, &a->due), NULL, 0);
        if (sos)
            rp_doc_table_cell(r->doc, t, row, c_sos,
                              rp_report_objective_numbers(r, &a->objectives), NULL, 0);
        if (a->text.count)
            rp_report_note_texts(r, t, mark, &a->text);
    }
    rp_plan_actions_maturity(r, into, actions, count);
}

/* ---------------------------------------------------------------- key processes */

static void process(struct rp_report *r, struct rp_nodes *into, const struct rp_key_process *kp)
{
    rp_plan_lead_para(r, into, RP_PARA_LEAD, kp->number, &kp->name);
    if (kp->owners.count) {
        const char *lang;
        const char *names = rp_report_owners_in(r, &kp->owners, &lang);
        rp_plan_field(r, into, "label.owners", names, lang);
    }
    static const char *const keys[] = {"label.sub_processes", "label.triggers", "label.outputs",
                                       "label.clients"};
    const struct rp_texts *texts[] = {&kp->sub_processes, &kp->triggers, &kp->outputs,
                                      &kp->clients};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        if (texts[i]->count == 0)
            continue;
        const char *lang;
        const char *text = rp_report_text_in(r, texts[i], rp_report_semicolon(r), &lang);
        rp_plan_field(r, into, keys[i], text, lang);
    }
}

/* One section per process type, in the order of the types; each process in plan order. */
void rp_plan_processes(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->process_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.key_processes");
    for (int type = 0; type < RP_PROCESS_TYPE__MAX; type++) {
        struct rp_nodes *sec = NULL;
        for (size_t i = 0; i < p->process_count; i++) {
            if ((int)p->processes[i].type != type)
                continue;
            if (!sec) {
                char key[64];
                snprintf(key, sizeof key, "ptype.%s", rp_process_type_name(type));
                sec = rp_plan_section(r, kids, 2, key);
            }
            process(r, sec, &p->processes[i]);
        }
    }
}

/* ---------------------------------------------------------------- projects */

void rp_plan_projects(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->project_count == 0)
        return;
    rp_plan_actions_table(r, rp_plan_chapter(r, into, "sec.projects"),
                          rp_report_l(r, "caption.projects"), p->projects, p->project_count, true);
}
