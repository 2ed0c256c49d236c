/* The objectives chapter: per strategic objective its status and progress, ambitions,
 * projects and processes, then each operational objective with its indicator table (norm as
 * worded, values of the year and the earlier ones, status by symbol and word) and comments.
 * Also the chapter of the plan's own project list and of the key processes. */
#include "compose/maturity.h"
#include "compose/report.h"
#include "util/arena.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- status lines */

static void add_text(struct rp_report *r, struct rp_spans *spans, const char *text,
                     const char *lang);
/* "Jalons : mars 2023 – Mise en ligne du nouveau site web (atteint); …" */
static void milestones(struct rp_report *r, struct rp_spans *s, const struct rp_progress *p);

static void status_line(struct rp_report *r, struct rp_nodes *into, const char *id)
{
    const struct rp_progress *p = rp_eval_progress(r->eval, id);
    struct rp_node *para = rp_doc_add_paragraph(r->doc, into, RP_PARA_BODY, NULL);
    struct rp_spans *s = &para->u.paragraph.text;
    const char *colon = rp_report_colon(r);
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, RP_SPAN_STRONG,
                 rp_doc_printf(r->doc, "%s%s", rp_report_l(r, "label.status"), colon), NULL);
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, 0,
                 rp_report_progress_word(r, p ? (int)p->status : RP_PROGRESS_UNREPORTED), NULL);
    if (p && p->percent.present) {
        rp_spans_add(
            r->doc, s, RP_SPAN_TEXT, RP_SPAN_STRONG,
            rp_doc_printf(r->doc, " \xc2\xb7 %s%s", rp_report_l(r, "label.progress"), colon), NULL);
        rp_spans_add_bar(r->doc, s, p->percent.value, 100,
                         rp_report_percent(r, p->percent.value, 0));
    }
    if (p)
        rp_report_paragraphs(r, into, &p->comment, RP_PARA_BODY);
    /* An objective reported as a whole says which of its milestones were reached. */
    if (p && p->milestone_count) {
        struct rp_node *m = rp_doc_add_paragraph(r->doc, into, RP_PARA_SMALL, NULL);
        milestones(r, &m->u.paragraph.text, p);
        add_text(r, &m->u.paragraph.text, ".", NULL);
    }
}

static void owners_line(struct rp_report *r, struct rp_nodes *into, const struct rp_refs *owners)
{
    if (!owners->count)
        return;
    struct rp_node *para = rp_doc_add_paragraph(r->doc, into, RP_PARA_SMALL, NULL);
    rp_spans_add(r->doc, &para->u.paragraph.text, RP_SPAN_TEXT, RP_SPAN_STRONG,
                 rp_doc_printf(r->doc, "%s%s", rp_report_l(r, "label.owners"), rp_report_colon(r)),
                 NULL);
    const char *lang;
    const char *names = rp_report_owners_in(r, owners, &lang);
    rp_report_add_plain(r, &para->u.paragraph.text, 0, names, lang);
}

/* Appends `text` to `spans`, merged into the last span when both are in the same language
 * (one span per change of language keeps the tree small). */
static void add_text(struct rp_report *r, struct rp_spans *spans, const char *text,
                     const char *lang)
{
    if (!text || !*text)
        return;
    struct rp_span *last = spans->count ? &spans->items[spans->count - 1] : NULL;
    if (last && last->lang == lang && last->kind == RP_SPAN_TEXT && last->style == 0)
        last->text = rp_doc_printf(r->doc, "%s%s", last->text, text);
    else
        rp_report_add_plain(r, spans, 0, text, lang);
}

/* "Jalons : mars 2023 – Mise en ligne du nouveau site web (atteint); …. Comment": the note
 * under a table row, milestones then the comment, each worded in the edition's language when
 * the evaluation has it. */
static void progress_note(struct rp_report *r, struct rp_node *table, const char *mark,
                          const struct rp_progress *p)
{
    if (!p || (p->milestone_count == 0 && p->comment.count == 0))
        return;
    struct rp_spans *s = rp_doc_table_note(r->doc, table, mark, NULL);
    milestones(r, s, p);
    if (p->milestone_count)
        add_text(r, s, p->comment.count ? ". " : ".", NULL);
    if (p->comment.count) {
        const char *lang;
        const char *comment = rp_report_text_in(r, &p->comment, " ", &lang);
        add_text(r, s, comment, lang);
    }
}

static void milestones(struct rp_report *r, struct rp_spans *s, const struct rp_progress *p)
{
    for (size_t i = 0; i < p->milestone_count; i++) {
        const struct rp_milestone *m = &p->milestones[i];
        add_text(r, s,
                 rp_doc_printf(r->doc, "%s%s \xe2\x80\x93 ",
                               i ? rp_report_semicolon(r)
                                 : rp_doc_printf(r->doc, "%s%s", rp_report_l(r, "col.milestones"),
                                                 rp_report_colon(r)),
                               m->date.year ? rp_report_date(r, &m->date) : ""),
                 NULL);
        const char *lang;
        const char *wording = rp_report_text_in(r, &m->text, " ", &lang);
        if (*wording)
            add_text(r, s, wording, lang);
        add_text(r, s,
                 rp_doc_printf(r->doc, " (%s)",
                               rp_report_l(r, m->done ? "milestone.done" : "milestone.open")),
                 NULL);
    }
}

/* ---------------------------------------------------------------- actions */

/* A table row's subject: a project, a process or an ambition. */
struct subject {
    const char *id;
    const struct rp_texts *title;
    const struct rp_refs *owners;
    const struct rp_date *due; /* optional */
    bool process;
};

static void subjects_table(struct rp_report *r, struct rp_nodes *into, const char *caption,
                           const char *head, const struct subject *items, size_t count)
{
    if (count == 0)
        return;
    bool owners = false, due = false;
    for (size_t i = 0; i < count; i++) {
        owners |= items[i].owners && items[i].owners->count > 0;
        due |= items[i].due && items[i].due->year > 0;
    }
    /* Columns: N°, subject, [owners], [due], status, progress. */
    size_t ncol = 4 + owners + due, c_owners = 2, c_due = 2 + owners, c_status = 2 + owners + due;
    struct rp_node *t = rp_doc_add_table(r->doc, into, ncol, caption);
    rp_doc_table_column(t, 0, RP_ALIGN_RIGHT, false);
    rp_doc_table_column(t, 1, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.number"), 1, RP_ALIGN_RIGHT);
    rp_doc_header_cell(r->doc, h, head, 1, RP_ALIGN_LEFT);
    if (owners)
        rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.owners"), 1, RP_ALIGN_LEFT);
    if (due)
        rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.due"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.status"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.progress"), 1, RP_ALIGN_LEFT);
    for (size_t i = 0; i < count; i++) {
        const struct subject *it = &items[i];
        const struct rp_progress *p = rp_eval_progress(r->eval, it->id);
        const char *mark = rp_doc_printf(r->doc, "%zu", i + 1);
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, mark, NULL, 0);
        const struct rp_text *title = rp_report_pick(r, it->title);
        rp_doc_table_cell(r->doc, t, row, 1, title ? title->plain : it->id,
                          it->process ? rp_report_l(r, "kind.process") : NULL,
                          rp_report_has_placeholder(title) ? RP_CELL_PLACEHOLDER : 0);
        rp_doc_cell_lang(r->doc, t, row, 1, title ? title->lang : NULL);
        if (owners) {
            const char *lang;
            const char *names = rp_report_owners_in(r, it->owners, &lang);
            rp_doc_table_cell(r->doc, t, row, c_owners, names, NULL, 0);
            rp_doc_cell_lang(r->doc, t, row, c_owners, lang);
        }
        if (due && it->due && it->due->year)
            rp_doc_table_cell(r->doc, t, row, c_due, rp_report_date(r, it->due), NULL, 0);
        rp_doc_table_cell(r->doc, t, row, c_status,
                          rp_report_progress_word(r, p ? (int)p->status : RP_PROGRESS_UNREPORTED),
                          NULL, RP_CELL_LABEL);
        if (p && p->percent.present) {
            rp_doc_table_cell(r->doc, t, row, c_status + 1,
                              rp_report_percent(r, p->percent.value, 0), NULL, 0);
            rp_doc_cell_bar(r->doc, t, row, c_status + 1, p->percent.value, 100);
        }
        progress_note(r, t, mark, p);
    }
}

static void add_action(struct subject *out, size_t *n, const struct rp_action *a)
{
    out[(*n)++] =
        (struct subject){a->id, &a->title, &a->owners, &a->due, a->kind == RP_ACTION_PROCESS};
}

static bool refs_have(const struct rp_refs *refs, const char *id)
{
    for (size_t i = 0; i < refs->count; i++)
        if (strcmp(refs->ids[i], id) == 0)
            return true;
    return false;
}

/* ---------------------------------------------------------------- indicators */

const char *rp_report_indicator_value(struct rp_report *r, const struct rp_indicator *ind, double v)
{
    const char *unit = ind->unit ? ind->unit : "";
    if (ind->norm.kind == RP_NORM_DELIVERABLE || strcmp(unit, "deliverable") == 0)
        return rp_report_l(r, v >= 1 ? "value.yes" : "value.no");
    if (strcmp(unit, "percent") == 0)
        return rp_report_percent(r, v, rp_report_decimals(v));
    char key[96];
    snprintf(key, sizeof key, "iunit.%s", unit);
    const char *num = rp_report_num_auto(r, v);
    if (strcmp(unit, "count") != 0 && rp_report_has_label(r, key))
        return rp_doc_printf(r->doc, "%s" RP_NBSP "%s", num, rp_report_l(r, key));
    return num;
}

const char *rp_report_within(struct rp_report *r, const struct rp_threshold *t)
{
    if (!t->within.present || t->within_unit == RP_WITHIN_NONE)
        return "";
    char key[96];
    snprintf(key, sizeof key, "within.%s%s", rp_within_unit_name(t->within_unit),
             t->within.value == 1 ? ".1" : "");
    return rp_doc_printf(r->doc, "%s %s", rp_report_num_auto(r, t->within.value),
                         rp_report_l(r, key));
}

static const char *values_text(struct rp_report *r, const struct rp_indicator *ind,
                               const struct rp_indicator_result *res, const char **detail)
{
    *detail = NULL;
    if (!res || res->value_count == 0)
        return RP_NIL_TEXT;
    if (ind->norm.kind != RP_NORM_TIERED || ind->norm.threshold_count < 2)
        return rp_report_indicator_value(r, ind, res->values[0].value);
    const char *text = NULL, *within = NULL;
    for (size_t k = 0; k < ind->norm.threshold_count; k++) {
        const struct rp_result_value *v = rp_result_value_for(ind, res, k);
        const char *one = v ? rp_report_indicator_value(r, ind, v->value) : RP_NIL_TEXT;
        const char *w = rp_report_within(r, &ind->norm.thresholds[k]);
        text = text ? rp_doc_printf(r->doc, "%s / %s", text, one) : one;
        within = within ? rp_doc_printf(r->doc, "%s / %s", within, w) : w;
    }
    *detail = within;
    return text;
}

static const struct rp_indicator_result *result_in(const struct rp_evaluation *e, const char *id)
{
    return e ? rp_eval_result(e, id) : NULL;
}

static void indicator_table(struct rp_report *r, struct rp_nodes *into,
                            const struct rp_operational_objective *oo)
{
    if (oo->indicator_count == 0)
        return;
    /* Earlier years first, each once, then the evaluated year. */
    const struct rp_evaluation *years[32];
    size_t ny = 0;
    for (size_t i = 0; i + 1 < r->eval_count && ny < 15; i++)
        if (r->evals[i] && r->evals[i]->year < r->eval->year)
            years[ny++] = r->evals[i];
    years[ny++] = r->eval;
    size_t ncol = 4 + ny;
    const char *number = oo->number ? oo->number : oo->id;
    struct rp_node *t = rp_doc_add_table(r->doc, into, ncol,
                                         rp_report_lf(r, "caption.indicators", number, NULL, NULL));
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, false);
    rp_doc_table_column(t, 1, RP_ALIGN_LEFT, true);
    for (size_t y = 0; y < ny; y++)
        rp_doc_table_column(t, 3 + y, RP_ALIGN_RIGHT, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.number"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.indicator"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.norm"), 1, RP_ALIGN_LEFT);
    for (size_t y = 0; y < ny; y++)
        rp_doc_header_cell(r->doc, h, rp_doc_printf(r->doc, "%d", years[y]->year), 1,
                           RP_ALIGN_RIGHT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.status"), 1, RP_ALIGN_LEFT);
    t->u.table.summary = rp_report_l(r, "summary.indicators");
    for (size_t i = 0; i < oo->indicator_count; i++) {
        const struct rp_indicator *ind = &oo->indicators[i];
        const struct rp_indicator_result *res = result_in(r->eval, ind->id);
        struct rp_indicator_assessment a = rp_indicator_assess(ind, res);
        const char *num = ind->number ? ind->number : ind->id;
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, num, NULL, 0);
        const struct rp_text *title = rp_report_pick(r, &ind->title);
        rp_doc_table_cell(r->doc, t, row, 1, title ? title->plain : "", NULL,
                          rp_report_has_placeholder(title) ? RP_CELL_PLACEHOLDER : 0);
        rp_doc_cell_lang(r->doc, t, row, 1, title ? title->lang : NULL);
        const struct rp_text *norm = rp_report_pick(r, &ind->norm.text);
        rp_doc_table_cell(r->doc, t, row, 2, norm ? norm->plain : "", NULL,
                          rp_report_has_placeholder(norm) ? RP_CELL_PLACEHOLDER : 0);
        rp_doc_cell_lang(r->doc, t, row, 2, norm ? norm->lang : NULL);
        for (size_t y = 0; y < ny; y++) {
            const char *detail;
            const char *text = values_text(r, ind, result_in(years[y], ind->id), &detail);
            rp_doc_table_cell(r->doc, t, row, 3 + y, text, detail, 0);
        }
        const char *detail = NULL;
        if (a.thresholds > 1 && a.measured > 0) {
            char got[32], of[32];
            snprintf(got, sizeof got, "%zu", a.reached);
            snprintf(of, sizeof of, "%zu", a.thresholds);
            detail = rp_report_lc(r, "ind.thresholds", a.reached, got, of, NULL);
        }
        rp_doc_table_cell(r->doc, t, row, 3 + ny, rp_report_status_label(r, a.status), detail,
                          rp_report_status_tone(a.status) | RP_CELL_LABEL);
        if (res && res->comment.count)
            rp_report_note_texts(r, t, num, &res->comment);
    }
}

/* ---------------------------------------------------------------- objectives */

static void ambitions(struct rp_report *r, struct rp_nodes *into,
                      const struct rp_strategic_objective *so, const char *number)
{
    if (so->ambition_count == 0)
        return;
    struct subject *items = rp_arena_array(r->doc->arena, so->ambition_count, sizeof *items);
    for (size_t i = 0; i < so->ambition_count; i++)
        items[i] = (struct subject){so->ambitions[i].id, &so->ambitions[i].text,
                                    &so->ambitions[i].owners, NULL, false};
    subjects_table(r, into, rp_report_lf(r, "caption.ambitions", number, NULL, NULL),
                   rp_report_l(r, "col.ambition"), items, so->ambition_count);
}

static void operational(struct rp_report *r, struct rp_nodes *into,
                        const struct rp_operational_objective *oo)
{
    struct rp_node *sec = rp_report_section(r, into, 3, oo->number, &oo->title);
    sec->id = rp_doc_str(r->doc, oo->id);
    struct rp_nodes *kids = &sec->u.section.children;
    status_line(r, kids, oo->id);
    owners_line(r, kids, &oo->owners);
    indicator_table(r, kids, oo);
    struct subject *items = rp_arena_array(r->doc->arena, oo->action_count + 1, sizeof *items);
    size_t n = 0;
    for (size_t i = 0; i < oo->action_count; i++)
        add_action(items, &n, &oo->actions[i]);
    const char *number = oo->number ? oo->number : oo->id;
    subjects_table(r, kids, rp_report_lf(r, "caption.actions", number, NULL, NULL),
                   rp_report_l(r, "col.action_item"), items, n);
}

static void strategic(struct rp_report *r, struct rp_nodes *into,
                      const struct rp_strategic_objective *so)
{
    const struct rp_plan *plan = r->plan;
    const char *number = so->number ? so->number : so->id;
    /* Plans number strategic and operational objectives in separate series (CAPAC's
     * objective 1 holds operational objective 1), so a bare "1" would read twice: the
     * heading names its kind, as the plans themselves do ("Objectif stratégique 1 : …"). */
    struct rp_node *sec = rp_doc_add_section(r->doc, into, 2, NULL, NULL);
    const char *kind = rp_report_lf(r, "heading.strategic", number, NULL, NULL);
    rp_spans_add(r->doc, &sec->u.section.title, RP_SPAN_TEXT, 0,
                 rp_doc_printf(r->doc, "%s%s", kind, rp_report_colon(r)), NULL);
    rp_report_add_runs(r, &sec->u.section.title, rp_report_pick(r, &so->title));
    sec->id = rp_doc_str(r->doc, so->id);
    struct rp_nodes *kids = &sec->u.section.children;
    status_line(r, kids, so->id);
    owners_line(r, kids, &so->owners);
    ambitions(r, kids, so, number);
    rp_eval_maturity(r, kids, so);
    /* The objective's own actions, then the plan's projects that name this objective. */
    struct subject *items =
        rp_arena_array(r->doc->arena, so->action_count + plan->project_count + 1, sizeof *items);
    size_t n = 0;
    for (size_t i = 0; i < so->action_count; i++)
        add_action(items, &n, &so->actions[i]);
    for (size_t i = 0; i < plan->project_count; i++)
        if (refs_have(&plan->projects[i].objectives, so->id))
            add_action(items, &n, &plan->projects[i]);
    subjects_table(r, kids, rp_report_lf(r, "caption.actions", number, NULL, NULL),
                   rp_report_l(r, "col.action_item"), items, n);
    for (size_t o = 0; o < so->operational_count; o++)
        operational(r, kids, &so->operational[o]);
}

void rp_eval_objectives(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *plan = r->plan;
    if (plan->objective_count == 0)
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.objectives"));
    for (size_t s = 0; s < plan->objective_count; s++)
        strategic(r, &sec->u.section.children, &plan->objectives[s]);
}

/* ---------------------------------------------------------------- plan projects */

static bool names_an_objective(const struct rp_plan *plan, const struct rp_action *a)
{
    for (size_t s = 0; s < plan->objective_count; s++)
        if (refs_have(&a->objectives, plan->objectives[s].id))
            return true;
    return false;
}

static void key_processes(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *plan = r->plan;
    struct subject *items = rp_arena_array(r->doc->arena, plan->process_count + 1, sizeof *items);
    size_t n = 0;
    bool reported = false;
    for (size_t i = 0; i < plan->process_count; i++) {
        const struct rp_key_process *kp = &plan->processes[i];
        items[n++] = (struct subject){kp->id, &kp->name, &kp->owners, NULL, false};
        reported |= rp_eval_progress(r->eval, kp->id) != NULL;
    }
    /* Key processes are the organisation's standing work, not plan actions: they appear
     * only when the evaluation reports on them. */
    if (!reported)
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 2, NULL, rp_report_l(r, "sec.key_processes"));
    subjects_table(r, &sec->u.section.children, rp_report_l(r, "caption.key_processes"),
                   rp_report_l(r, "kind.process"), items, n);
}

void rp_eval_projects(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *plan = r->plan;
    struct subject *items = rp_arena_array(r->doc->arena, plan->project_count + 1, sizeof *items);
    size_t n = 0;
    for (size_t i = 0; i < plan->project_count; i++)
        if (!names_an_objective(plan, &plan->projects[i]))
            add_action(items, &n, &plan->projects[i]);
    struct rp_nodes parts = {0};
    subjects_table(r, &parts, rp_report_l(r, "caption.projects"), rp_report_l(r, "col.project"),
                   items, n);
    key_processes(r, &parts);
    if (parts.count == 0)
        return;
    struct rp_node *sec = rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.projects"));
    sec->u.section.children = parts;
}
