/* The execution of the communication actions as an evaluation reports it: counts by
 * status and one row per action (date, reach, comment). */
#include "compose/report.h"

/* ---------------------------------------------------------------- execution */

static void status_counts(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    size_t counts[RP_COMM__MAX + 1] = {0};
    for (size_t i = 0; i < cp->action_count; i++) {
        const struct rp_comm_execution *x = rp_eval_comm(r->eval, cp->actions[i].id);
        counts[x ? x->status : RP_COMM__MAX]++;
    }
    const char *text = "";
    for (int s = 0; s <= RP_COMM__MAX; s++)
        if (counts[s])
            text = rp_doc_printf(r->doc, "%s%s%s%s%zu", text, *text ? rp_report_semicolon(r) : "",
                                 rp_report_comm_word(r, s), rp_report_colon(r), counts[s]);
    rp_doc_add_paragraph(r->doc, into, RP_PARA_BODY, text);
}

/* One row per action: its number, what it is about and its message (each when some action
 * has one), its target groups, then the execution. */
static void execution_table(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    struct rp_comm_shape shape = rp_comm_shape_of(cp);
    size_t c_about = 1, c_message = 1 + shape.about, c_groups = c_message + 1;
    size_t c_status = c_groups + shape.target_groups, ncol = c_status + 3;
    struct rp_node *t =
        rp_doc_add_table(r->doc, into, ncol, rp_report_l(r, "caption.comm_execution"));
    rp_doc_table_column(t, 0, RP_ALIGN_RIGHT, false);
    rp_doc_table_column(t, 1, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, ncol - 1, RP_ALIGN_DECIMAL, false);
    static const char *const heads[] = {"col.number",        "col.about",  "col.message",
                                        "col.target_groups", "col.status", "col.date",
                                        "col.reach"};
    const bool shown[] = {true, shape.about, true, shape.target_groups, true, true, true};
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    for (size_t c = 0; c < sizeof heads / sizeof *heads; c++)
        if (shown[c])
            rp_doc_header_cell(r->doc, h, rp_report_l(r, heads[c]), 1,
                               c == 0 || c == 6 ? RP_ALIGN_RIGHT : RP_ALIGN_LEFT);
    for (size_t i = 0; i < cp->action_count; i++) {
        const struct rp_comm_action *a = &cp->actions[i];
        const struct rp_comm_execution *x = rp_eval_comm(r->eval, a->id);
        const char *mark = rp_comm_number(r, i);
        unsigned mf = 0, tf = 0;
        const char *lang;
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, mark, NULL, 0);
        if (shape.about) {
            rp_doc_table_cell(r->doc, t, row, c_about, rp_comm_about_in(r, a, &lang), NULL,
                              RP_CELL_TYPESET);
            rp_doc_cell_lang(r->doc, t, row, c_about, lang);
        }
        const char *messages = rp_comm_messages_in(r, a, &mf, &lang);
        rp_comm_cell_in(r, t, row, c_message, messages, lang, NULL, mf);
        if (shape.target_groups) {
            const char *groups = rp_comm_joined_in(r, &a->target_groups, ", ", &tf, &lang);
            rp_comm_cell_in(r, t, row, c_groups, groups, lang, NULL, tf);
        }
        rp_doc_table_cell(r->doc, t, row, c_status,
                          rp_report_comm_word(r, x ? (int)x->status : RP_COMM__MAX), NULL, 0);
        if (x && x->date.year)
            rp_doc_table_cell(r->doc, t, row, c_status + 1, rp_report_date(r, &x->date), NULL, 0);
        rp_doc_table_cell(
            r->doc, t, row, c_status + 2,
            x && x->reach.present ? rp_report_num_auto(r, x->reach.value) : RP_NIL_TEXT, NULL, 0);
        if (x && x->comment.count) {
            const char *comment = rp_report_text_in(r, &x->comment, " ", &lang);
            rp_spans_lang(r->doc, rp_doc_table_note(r->doc, t, mark, comment), 0, lang);
        }
    }
}

/* The dated actions on a time axis, one colour per status; nothing when fewer than two
 * actions carry a date (a single point tells no chronology). */
static void execution_timeline(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    size_t dated = 0, series[RP_COMM__MAX], ns = 0;
    bool used[RP_COMM__MAX] = {false};
    for (size_t i = 0; i < cp->action_count; i++) {
        const struct rp_comm_execution *x = rp_eval_comm(r->eval, cp->actions[i].id);
        if (x && x->date.year && x->date.month && x->date.day) {
            dated++;
            used[x->status] = true;
        }
    }
    if (dated < 2)
        return;
    for (int s = 0; s < RP_COMM__MAX; s++)
        series[s] = used[s] ? ns++ : 0;
    struct rp_node *ch =
        rp_doc_add_chart(r->doc, into, RP_CHART_TIMELINE, rp_report_l(r, "caption.comm_chronology"),
                         cp->action_count, ns);
    for (int s = 0; s < RP_COMM__MAX; s++)
        if (used[s])
            rp_doc_chart_series(r->doc, ch, series[s], rp_report_comm_word(r, s));
    const char *desc = "";
    for (size_t i = 0; i < cp->action_count; i++) {
        const struct rp_comm_execution *x = rp_eval_comm(r->eval, cp->actions[i].id);
        const char *mark = rp_comm_number(r, i);
        rp_doc_chart_category(r->doc, ch, i, mark);
        if (!x || !x->date.year || !x->date.month || !x->date.day)
            continue;
        rp_doc_chart_value(ch, series[x->status], i,
                           (double)rp_days_from_date(x->date.year, x->date.month, x->date.day));
        desc = rp_doc_printf(r->doc, "%s%s%s%s%s", desc, *desc ? rp_report_semicolon(r) : "", mark,
                             rp_report_colon(r), rp_report_date(r, &x->date));
    }
    ch->u.chart.description = desc;
}

void rp_comm_execution(struct rp_report *r, struct rp_nodes *into)
{
    status_counts(r, into);
    execution_timeline(r, into);
    execution_table(r, into);
}

void rp_eval_communication(struct rp_report *r, struct rp_nodes *into)
{
    if (!r->plan->has_communication || r->plan->communication.action_count == 0 ||
        r->eval->comm_count == 0)
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.communication"));
    rp_comm_execution(r, &sec->u.section.children);
}
