/* The communication-plan summary: the actions (objectives, target groups, messages,
 * channels, material, responsible, timing, and the execution status when an evaluation is
 * given), a target-group × channel matrix, a timeline, and the count of actions per
 * communication objective, each when the actions give its data (communication_about.c says
 * which they do). This file holds the actions tables and puts the document together;
 * communication_views.c the cross views, communication_execution.c the execution.
 *
 * Wording the source left unresolved ("**‐**‐****") is shown as it stands, flagged for the
 * review edition; only that edition counts it for the authors.
 *
 * With an evaluation the summary reports the execution up to it: it is dated by the
 * evaluation and says which year it reports on. */
#include "compose/compose.h"
#include "compose/report.h"

#include <stdio.h>

static const char *status_text(struct rp_report *r, const struct rp_comm_action *a,
                               const char **detail)
{
    const struct rp_comm_execution *x = rp_eval_comm(r->eval, a->id);
    *detail = x && x->date.year ? rp_report_date(r, &x->date) : NULL;
    return rp_report_comm_word(r, x ? (int)x->status : RP_COMM__MAX);
}

/* ---------------------------------------------------------------- actions */

/* The columns of the actions table, in order, each when some action fills it: the number
 * only when another view refers to the actions by it. A plan that pairs plan items with
 * messages gets a two-column table, item → message. */
enum { C_NUMBER, C_OBJECTIVES, C_ABOUT, C_TARGETS, C_MESSAGE, C_TIMING, C_STATUS, C__MAX };

static void action_row(struct rp_report *r, struct rp_node *t, const size_t *col, size_t i)
{
    const struct rp_comm_action *a = &r->plan->communication.actions[i];
    size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
    const char *lang;
    if (col[C_NUMBER] != C__MAX)
        rp_doc_table_cell(r->doc, t, row, col[C_NUMBER], rp_comm_number(r, i), NULL, 0);
    if (col[C_OBJECTIVES] != C__MAX) {
        rp_doc_table_cell(r->doc, t, row, col[C_OBJECTIVES], rp_comm_objectives_in(r, a, &lang),
                          NULL, 0);
        rp_doc_cell_lang(r->doc, t, row, col[C_OBJECTIVES], lang);
    }
    if (col[C_ABOUT] != C__MAX) {
        rp_doc_table_cell(r->doc, t, row, col[C_ABOUT], rp_comm_about_in(r, a, &lang), NULL,
                          RP_CELL_TYPESET);
        rp_doc_cell_lang(r->doc, t, row, col[C_ABOUT], lang);
    }
    if (col[C_TARGETS] != C__MAX) {
        unsigned tf = 0, af = 0;
        const char *tl, *al = NULL;
        const char *groups = rp_comm_joined_in(r, &a->target_groups, ", ", &tf, &tl);
        const char *audience =
            a->audiences.count ? rp_comm_joined_in(r, &a->audiences, ", ", &af, &al) : NULL;
        /* The audience is the cell's detail line, which has no language of its own: the
         * cell carries the first other language of the two. */
        rp_comm_cell_in(r, t, row, col[C_TARGETS], groups, tl ? tl : al, audience, tf | af);
    }
    unsigned mf = 0;
    const char *messages = rp_comm_messages_in(r, a, &mf, &lang);
    rp_comm_cell_in(r, t, row, col[C_MESSAGE], messages, lang, NULL, mf);
    if (col[C_TIMING] != C__MAX) {
        enum rp_comm_timing tk = rp_comm_timing_kind(a);
        const char *when = rp_comm_timing_text_in(r, a, &lang);
        rp_comm_cell_in(r, t, row, col[C_TIMING], when, lang, NULL,
                        tk == RP_TIMING_PLACEHOLDER ? RP_CELL_PLACEHOLDER : 0);
    }
    if (col[C_STATUS] != C__MAX) {
        const char *detail;
        const char *word = status_text(r, a, &detail);
        rp_doc_table_cell(r->doc, t, row, col[C_STATUS], word, detail, 0);
    }
}

static void actions_table(struct rp_report *r, struct rp_nodes *into, bool numbered)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    struct rp_comm_shape shape = rp_comm_shape_of(cp);
    const bool shown[C__MAX] = {numbered,
                                shape.objectives,
                                shape.about,
                                shape.target_groups || shape.audiences,
                                true,
                                shape.timing,
                                r->eval != NULL};
    static const char *const heads[C__MAX] = {"col.number",  "col.objectives", "col.about",
                                              "col.target_groups", "col.message", "col.timing",
                                              "col.status"};
    size_t col[C__MAX], ncol = 0;
    for (size_t c = 0; c < C__MAX; c++)
        col[c] = shown[c] ? ncol++ : C__MAX;
    struct rp_node *t = rp_doc_add_table(
        r->doc, into, ncol,
        rp_report_l(r, shown[C_TARGETS] ? "caption.comm_actions" : "caption.comm_messages"));
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    for (size_t c = 0; c < C__MAX; c++)
        if (shown[c])
            rp_doc_header_cell(r->doc, h, rp_report_l(r, heads[c]), 1,
                               c == C_NUMBER ? RP_ALIGN_RIGHT : RP_ALIGN_LEFT);
    /* The first column heads its row: the number, else what the action is about. */
    rp_doc_table_column(t, 0, numbered ? RP_ALIGN_RIGHT : RP_ALIGN_LEFT, true);
    for (size_t i = 0; i < cp->action_count; i++)
        action_row(r, t, col, i);
}

/* Channels, material and responsible: the columns the source fills, if any. */
static bool has_means(const struct rp_comm_plan *cp, bool has[3])
{
    has[0] = has[1] = has[2] = false;
    for (size_t i = 0; i < cp->action_count; i++) {
        has[0] |= cp->actions[i].channels.count > 0;
        has[1] |= cp->actions[i].materials.count > 0;
        has[2] |= cp->actions[i].responsibles.count > 0;
    }
    return has[0] || has[1] || has[2];
}

static void means_table(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    bool has[3];
    if (!has_means(cp, has))
        return;
    size_t ncol = 1 + has[0] + has[1] + has[2];
    static const char *const heads[] = {"col.channels", "col.material", "col.responsible"};
    struct rp_node *t = rp_doc_add_table(r->doc, into, ncol, rp_report_l(r, "caption.comm_means"));
    rp_doc_table_column(t, 0, RP_ALIGN_RIGHT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.number"), 1, RP_ALIGN_RIGHT);
    for (size_t c = 0; c < 3; c++)
        if (has[c])
            rp_doc_header_cell(r->doc, h, rp_report_l(r, heads[c]), 1, RP_ALIGN_LEFT);
    for (size_t i = 0; i < cp->action_count; i++) {
        const struct rp_comm_action *a = &cp->actions[i];
        const struct rp_texts *cols[3] = {&a->channels, &a->materials, &a->responsibles};
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, rp_comm_number(r, i), NULL, 0);
        size_t col = 1;
        for (size_t c = 0; c < 3; c++) {
            if (!has[c])
                continue;
            unsigned flags = 0;
            const char *lang;
            const char *text = rp_comm_joined_in(r, cols[c], "; ", &flags, &lang);
            rp_comm_cell_in(r, t, row, col++, text, lang, NULL, flags);
        }
    }
}

/* Each view only when the plan's data fills it: no matrix without both target groups and
 * channels, no timeline without any timing, no count per objective without objectives. */
void rp_comm_plan_sections(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    struct rp_comm_shape shape = rp_comm_shape_of(cp);
    bool has[3];
    bool matrix = shape.target_groups && shape.channels, per_objective = cp->objective_count > 0;
    bool execution = r->eval && r->eval->comm_count;
    bool numbered = has_means(cp, has) || matrix || shape.timing || per_objective || execution;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 2, NULL, rp_report_l(r, "sec.comm_actions"));
    actions_table(r, &sec->u.section.children, numbered);
    means_table(r, &sec->u.section.children);
    if (matrix)
        rp_comm_matrix(r, into);
    if (shape.timing)
        rp_comm_timeline(r, into);
    if (per_objective)
        rp_comm_per_objective(r, into);
    if (execution) {
        struct rp_node *ex =
            rp_doc_add_section(r->doc, into, 2, NULL, rp_report_l(r, "sec.comm_execution"));
        rp_comm_execution(r, &ex->u.section.children);
    }
}

/* ---------------------------------------------------------------- document */

static size_t placeholder_count(const struct rp_comm_plan *cp)
{
    size_t n = 0;
    for (size_t i = 0; i < cp->action_count; i++) {
        const struct rp_comm_action *a = &cp->actions[i];
        const struct rp_texts *all[] = {&a->audiences, &a->target_groups, &a->messages,
                                        &a->channels,  &a->materials,     &a->responsibles};
        for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
            for (size_t j = 0; j < all[k]->count; j++)
                n += rp_report_has_placeholder(&all[k]->items[j]);
        n += a->has_timing && rp_report_has_placeholder(&a->timing);
    }
    return n;
}

static void about(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    struct rp_node *sec = rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.about"));
    struct rp_nodes *kids = &sec->u.section.children;
    if (r->doc->sample)
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_REMARK, rp_report_l(r, "doc.sample_notice"));
    rp_report_note_slot(r, kids);
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY, rp_report_l(r, "about.communication"));
    struct rp_node *title = rp_doc_add_paragraph(r->doc, kids, RP_PARA_LEAD, NULL);
    rp_report_add_runs(r, &title->u.paragraph.text, rp_report_pick(r, &r->plan->title));
    if (!r->plan->has_communication || cp->action_count == 0) {
        rp_doc_add_paragraph(
            r->doc, kids, RP_PARA_REMARK,
            rp_report_l(r, r->plan->has_communication ? "comm.no_actions" : "comm.no_plan"));
        return;
    }
    rp_report_paragraphs(r, kids, &cp->text, RP_PARA_BODY);
    char na[32], no[32];
    snprintf(na, sizeof na, "%zu", cp->action_count);
    snprintf(no, sizeof no, "%zu", cp->objective_count);
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY,
                         cp->objective_count
                             ? rp_report_lf(r, "about.comm_counts", na, no, NULL)
                             : rp_report_lf(r, "about.comm_actions", na, NULL, NULL));
    size_t ph = r->edition == RP_EDITION_REVIEW ? placeholder_count(cp) : 0;
    if (ph) {
        char n[32];
        snprintf(n, sizeof n, "%zu", ph);
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_REMARK,
                             rp_report_lc(r, "about.placeholders", ph, n, NULL, NULL));
    }
    if (r->eval) {
        char y[32];
        snprintf(y, sizeof y, "%d", r->eval->year);
        rp_doc_add_paragraph(
            r->doc, kids, RP_PARA_BODY,
            rp_report_lf(r, "about.comm_execution", y, rp_report_date(r, &r->eval->date), NULL));
    }
}

struct rp_doc *rp_build_communication(const struct rp_plan *plan, const struct rp_evaluation *eval,
                                      const char *lang, enum rp_edition edition,
                                      const struct rp_templates *t, struct rp_arena *arena)
{
    if (!plan || !arena || !t)
        return NULL;
    struct rp_report r;
    rp_report_init_plan(&r, t, arena, lang, edition, plan);
    r.eval = eval;
    r.evals = eval ? &r.eval : NULL;
    r.eval_count = eval ? 1 : 0;
    /* Only the execution status comes from the evaluation: its sample mark applies when
     * the document shows it. */
    const struct rp_comm_plan *cp = &plan->communication;
    bool shows_eval = eval && plan->has_communication && cp->action_count > 0;
    /* A summary with the execution is as recent as the evaluation it reports: its date and
     * title are the evaluation's, and the title names the year. */
    const char *title = rp_report_l(&r, "doc.communication");
    if (shows_eval) {
        char y[32];
        snprintf(y, sizeof y, "%d", eval->year);
        title = rp_report_lf(&r, "doc.communication_year", y, NULL, NULL);
    }
    const char *subtitle_lang;
    const char *subtitle = rp_report_text_in(&r, &plan->title, " ", &subtitle_lang);
    rp_report_cover(&r, title, subtitle, shows_eval ? &eval->date : &plan->date,
                    shows_eval && eval->sample);
    r.doc->subtitle_lang = subtitle_lang;
    rp_report_keywords(&r, "doc.keywords_comm");
    rp_report_begin(&r);
    struct rp_nodes *body = &r.doc->body;
    about(&r, body);
    if (plan->has_communication && cp->action_count > 0) {
        /* One chapter of short sections: the theme starts every chapter on a new page. */
        struct rp_node *plan_sec =
            rp_doc_add_section(r.doc, body, 1, NULL, rp_report_l(&r, "sec.comm_plan"));
        rp_comm_plan_sections(&r, &plan_sec->u.section.children);
    }
    rp_report_abbreviations(&r, body);
    rp_report_finish(&r);
    return r.doc;
}
