/* The summary dashboard: the year in a few key figures, each against the previous year
 * when its evaluation was given; objectives, ambitions, projects and processes by progress
 * status; what changed since the previous year; indicators by computed status and beside
 * their norm's target; the budget execution rate per table. Every figure is counted from
 * the model (compare.h, status.h): without a previous evaluation nothing is compared. */
#include "compose/budget.h"
#include "compose/compare.h"
#include "compose/maturity.h"
#include "compose/report.h"

#include <stdio.h>
#include <string.h>

struct kind_row {
    const char *key;
    const size_t *slots;
    size_t total;
};

static const char *count_text(struct rp_report *r, size_t n)
{
    return rp_doc_printf(r->doc, "%zu", n);
}

static const char *year_text(struct rp_report *r, const struct rp_evaluation *e)
{
    return rp_doc_printf(r->doc, "%d", e->year);
}

/* "3 de plus qu'en 2022", "autant qu'en 2022": a count against the previous year's. */
static const char *change_text(struct rp_report *r, const struct rp_evaluation *prev, size_t now,
                               size_t before)
{
    long d = rp_count_change(now, before);
    if (d == 0)
        return rp_report_lf(r, "dash.change.same", year_text(r, prev), NULL, NULL);
    return rp_report_lf(r, d > 0 ? "dash.change.more" : "dash.change.fewer",
                        count_text(r, (size_t)(d > 0 ? d : -d)), year_text(r, prev), NULL);
}

/* A key figure: `n` things out of `total`, worded by `key` in the form `n` takes, and its
 * change since the previous year when there is one. */
static void count_figure(struct rp_report *r, struct rp_node *box, const char *key, size_t n,
                         size_t total, const struct rp_evaluation *prev, size_t n_before)
{
    rp_doc_add_figure(r->doc, box, count_text(r, n),
                      rp_report_lc(r, key, n, count_text(r, total), NULL, NULL),
                      prev ? change_text(r, prev, n, n_before) : NULL);
}

static void year_box(struct rp_report *r, struct rp_nodes *into, const struct rp_status_counts *c,
                     const struct rp_evaluation *prev, const struct rp_status_counts *p,
                     const struct rp_budget_group *groups, size_t ngroups)
{
    struct rp_node *box = rp_doc_add_key_figures(
        r->doc, into, rp_report_lf(r, "dash.year", year_text(r, r->eval), NULL, NULL));
    if (c->indicator_total)
        count_figure(r, box, "dash.kf.indicators",
                     c->indicators[RP_IND_MET] + c->indicators[RP_IND_DELIVERED],
                     c->indicator_total, prev,
                     p->indicators[RP_IND_MET] + p->indicators[RP_IND_DELIVERED]);
    if (c->strategic_total)
        count_figure(r, box, "dash.kf.objectives",
                     c->strategic[RP_PROGRESS_ON_TRACK] + c->strategic[RP_PROGRESS_DONE],
                     c->strategic_total, prev,
                     p->strategic[RP_PROGRESS_ON_TRACK] + p->strategic[RP_PROGRESS_DONE]);
    if (c->project_total)
        count_figure(r, box, "dash.kf.projects", c->projects[RP_PROGRESS_DONE], c->project_total,
                     prev, p->projects[RP_PROGRESS_DONE]);
    /* The first table the evaluation reports on is the plan's main budget table. */
    if (ngroups && groups[0].adjusted != 0) {
        const char *lang;
        const char *caption = rp_budget_caption(r, groups[0].table, &lang);
        const char *column = rp_doc_printf(
            r->doc, " (%s)", rp_report_column_name(r, groups[0].table, groups[0].column));
        rp_doc_add_figure(r->doc, box,
                          rp_report_percent(r, groups[0].executed / groups[0].adjusted * 100, 1),
                          NULL, NULL);
        /* The label is the edition's sentence around the table's caption, which keeps its
         * own language. */
        struct rp_doc_figure *fig = &box->u.figures.items[box->u.figures.count - 1];
        rp_report_lf_spans(r, &fig->label, 0, "dash.kf.budget", caption, lang, column);
    }
    if (box->u.figures.count == 0) {
        into->count--; /* an empty box is dropped: it is the last node added */
        return;
    }
    /* Said once, plainly: what the changes are measured against, or that nothing is. */
    rp_doc_add_paragraph(
        r->doc, into, RP_PARA_SMALL,
        prev ? rp_report_lf(r, "dash.compare.basis", year_text(r, prev), NULL, NULL)
             : rp_report_lf(r, "dash.compare.none", year_text(r, r->eval), NULL, NULL));
}

static void progress_part(struct rp_report *r, struct rp_nodes *into,
                          const struct rp_status_counts *c)
{
    const struct kind_row kinds[] = {
        {"kind.strategic", c->strategic, c->strategic_total},
        {"kind.operational", c->operational, c->operational_total},
        {"kind.ambitions", c->ambitions, c->ambition_total},
        {"kind.projects", c->projects, c->project_total},
        {"kind.processes", c->processes, c->process_total},
    };
    size_t nk = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        nk += kinds[k].total > 0;
    if (nk == 0)
        return;
    struct rp_node *t =
        rp_doc_add_table(r->doc, into, RP_PROGRESS_SLOTS + 2, rp_report_l(r, "dash.progress"));
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.element"), 1, RP_ALIGN_LEFT);
    for (int s = 0; s < RP_PROGRESS_SLOTS; s++) {
        rp_doc_table_column(t, (size_t)s + 1, RP_ALIGN_RIGHT, false);
        rp_doc_header_cell(r->doc, h, rp_report_progress_word(r, s), 1, RP_ALIGN_RIGHT);
    }
    rp_doc_table_column(t, RP_PROGRESS_SLOTS + 1, RP_ALIGN_RIGHT, false);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.total"), 1, RP_ALIGN_RIGHT);

    bool used[RP_PROGRESS_SLOTS] = {false};
    size_t nseries = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        if (!kinds[k].total)
            continue;
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, rp_report_l(r, kinds[k].key), NULL, 0);
        for (int s = 0; s < RP_PROGRESS_SLOTS; s++) {
            rp_doc_table_cell(r->doc, t, row, (size_t)s + 1, count_text(r, kinds[k].slots[s]), NULL,
                              0);
            if (kinds[k].slots[s] && !used[s]) {
                used[s] = true;
                nseries++;
            }
        }
        rp_doc_table_cell(r->doc, t, row, RP_PROGRESS_SLOTS + 1, count_text(r, kinds[k].total),
                          NULL, 0);
    }

    struct rp_node *ch = rp_doc_add_chart(r->doc, into, RP_CHART_BAR_STACKED,
                                          rp_report_l(r, "dash.chart.progress"), nk, nseries);
    const char *desc = "";
    size_t cat = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        if (!kinds[k].total)
            continue;
        rp_doc_chart_category(r->doc, ch, cat, rp_report_l(r, kinds[k].key));
        size_t se = 0;
        for (int s = 0; s < RP_PROGRESS_SLOTS; s++) {
            if (!used[s])
                continue;
            rp_doc_chart_value(ch, se++, cat, (double)kinds[k].slots[s]);
        }
        size_t done = kinds[k].slots[RP_PROGRESS_DONE];
        desc = rp_doc_printf(r->doc, "%s%s%s%s%s", desc, cat ? rp_report_semicolon(r) : "",
                             rp_report_l(r, kinds[k].key), rp_report_colon(r),
                             rp_report_lc(r, "dash.desc.done", done, count_text(r, done),
                                          count_text(r, kinds[k].total), NULL));
        cat++;
    }
    size_t se = 0;
    for (int s = 0; s < RP_PROGRESS_SLOTS; s++)
        if (used[s]) {
            /* Pinned: the series list skips unused statuses, which shifts the positions. */
            rp_doc_chart_series_color(ch, se, rp_progress_color(s));
            rp_doc_chart_series(r->doc, ch, se++, rp_report_progress_word(r, s));
        }
    ch->u.chart.description = desc;
    ch->u.chart.decimals = 0;
}

/* ---------------------------------------------------------------- against the previous year */

/* One row per status counted in either year: the two counts and the change between them. */
static void change_rows(struct rp_report *r, struct rp_node *t, const char *group,
                        const size_t *now, const size_t *before, int nslots, bool indicators)
{
    size_t g = rp_doc_table_row(r->doc, t, RP_DOC_ROW_GROUP);
    rp_doc_table_cell(r->doc, t, g, 0, rp_report_l(r, group), NULL, 0);
    for (int s = 0; s < nslots; s++) {
        if (!now[s] && !before[s])
            continue;
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0,
                          indicators ? rp_report_status_label(r, (enum rp_indicator_status)s)
                                     : rp_report_progress_word(r, s),
                          NULL, RP_CELL_LABEL);
        rp_doc_table_cell(r->doc, t, row, 1, count_text(r, before[s]), NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 2, count_text(r, now[s]), NULL, 0);
        long d = rp_count_change(now[s], before[s]);
        const char *text = d == 0  ? rp_report_l(r, "dash.unchanged")
                           : d > 0 ? rp_doc_printf(r->doc, "+%ld", d)
                                   : rp_doc_printf(r->doc, "\xe2\x88\x92%ld", -d);
        rp_doc_table_cell(r->doc, t, row, 3, text, NULL, RP_CELL_COMPUTED);
    }
}

/* How many indicators moved since the previous year, said in sentences; nothing to say
 * without a previous evaluation. */
static void moves_sentence(struct rp_report *r, struct rp_nodes *into,
                           const struct rp_evaluation *prev)
{
    struct rp_move_counts m = rp_plan_moves(r->plan, r->eval, prev);
    size_t neutral = m.up + m.down - m.better - m.worse;
    const char *year = year_text(r, prev);
    struct {
        const char *key;
        size_t n;
    } parts[] = {{"dash.moves.better", m.better},
                 {"dash.moves.worse", m.worse},
                 {"dash.moves.neutral", neutral},
                 {"dash.moves.same", m.same}};
    const char *text = NULL;
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++) {
        if (!parts[k].n)
            continue;
        const char *one =
            rp_report_lc(r, parts[k].key, parts[k].n, count_text(r, parts[k].n), year, NULL);
        text = text ? rp_doc_printf(r->doc, "%s %s", text, one) : one;
    }
    rp_doc_add_paragraph(r->doc, into, RP_PARA_BODY,
                         text ? text : rp_report_lf(r, "dash.moves.none", year, NULL, NULL));
}

static void changes_part(struct rp_report *r, struct rp_nodes *into,
                         const struct rp_status_counts *c, const struct rp_evaluation *prev,
                         const struct rp_status_counts *p)
{
    if (!prev || (!c->indicator_total && !c->strategic_total && !c->operational_total &&
                  !c->ambition_total && !c->project_total))
        return;
    struct rp_node *t = rp_doc_add_table(
        r->doc, into, 4, rp_report_lf(r, "dash.changes", year_text(r, prev), NULL, NULL));
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.status"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, year_text(r, prev), 1, RP_ALIGN_RIGHT);
    rp_doc_header_cell(r->doc, h, year_text(r, r->eval), 1, RP_ALIGN_RIGHT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.variance"), 1, RP_ALIGN_RIGHT);
    for (size_t col = 1; col < 4; col++)
        rp_doc_table_column(t, col, RP_ALIGN_RIGHT, false);
    if (c->indicator_total)
        change_rows(r, t, "dash.group.indicators", c->indicators, p->indicators, RP_IND_STATUS__MAX,
                    true);
    if (c->strategic_total)
        change_rows(r, t, "kind.strategic", c->strategic, p->strategic, RP_PROGRESS_SLOTS, false);
    if (c->operational_total)
        change_rows(r, t, "kind.operational", c->operational, p->operational, RP_PROGRESS_SLOTS,
                    false);
    if (c->ambition_total)
        change_rows(r, t, "kind.ambitions", c->ambitions, p->ambitions, RP_PROGRESS_SLOTS, false);
    if (c->project_total)
        change_rows(r, t, "kind.projects", c->projects, p->projects, RP_PROGRESS_SLOTS, false);
    if (c->indicator_total)
        moves_sentence(r, into, prev);
}

/* ---------------------------------------------------------------- targets beside results */

/* "≥ 70 %", "≤ 5 jours", the deliverable's "à livrer"; a tiered norm gives every threshold,
 * and their delays in `delays` ("5 jours ouvrables / 1 mois"), NULL when it has none. */
static const char *target_text(struct rp_report *r, const struct rp_indicator *ind,
                               const char **delays)
{
    *delays = NULL;
    if (ind->norm.kind == RP_NORM_DELIVERABLE)
        return rp_report_l(r, "dash.target.deliverable");
    const char *sign =
        ind->direction == RP_DIR_DECREASE ? "\xe2\x89\xa4" RP_NBSP : "\xe2\x89\xa5" RP_NBSP;
    const char *text = NULL, *within = NULL;
    bool any_within = false;
    for (size_t k = 0; k < ind->norm.threshold_count; k++) {
        const struct rp_threshold *th = &ind->norm.thresholds[k];
        const char *one =
            rp_doc_printf(r->doc, "%s%s", sign, rp_report_indicator_value(r, ind, th->value));
        const char *w = rp_report_within(r, th);
        any_within |= *w != 0;
        w = *w ? w : RP_NIL_TEXT;
        text = text ? rp_doc_printf(r->doc, "%s / %s", text, one) : one;
        within = within ? rp_doc_printf(r->doc, "%s / %s", within, w) : w;
    }
    if (any_within)
        *delays = within;
    return text;
}

/* The values of `e` for `ind`, one per threshold of a tiered norm; "-" when none. */
static const char *result_text(struct rp_report *r, const struct rp_indicator *ind,
                               const struct rp_evaluation *e)
{
    const struct rp_indicator_result *res = e ? rp_eval_result(e, ind->id) : NULL;
    if (!res || res->value_count == 0)
        return RP_NIL_TEXT;
    size_t n = ind->norm.kind == RP_NORM_TIERED && ind->norm.threshold_count > 1
                   ? ind->norm.threshold_count
                   : 1;
    const char *text = NULL;
    for (size_t k = 0; k < n; k++) {
        const struct rp_result_value *v = rp_result_value_for(ind, res, k);
        const char *one = v ? rp_report_indicator_value(r, ind, v->value) : RP_NIL_TEXT;
        text = text ? rp_doc_printf(r->doc, "%s / %s", text, one) : one;
    }
    return text;
}

/* "en progrès", "en recul", "stable", or "en hausse"/"en baisse" for an indicator without
 * an aim; NULL when one of the years has no value. */
static const char *move_text(struct rp_report *r, const struct rp_indicator_change *c)
{
    switch (c->move) {
    case RP_MOVE_SAME:
        return rp_report_l(r, "dash.move.same");
    case RP_MOVE_UP:
    case RP_MOVE_DOWN:
        if (c->progress > 0)
            return rp_report_l(r, "dash.move.better");
        if (c->progress < 0)
            return rp_report_l(r, "dash.move.worse");
        return rp_report_l(r, c->move == RP_MOVE_UP ? "dash.move.up" : "dash.move.down");
    default:
        return NULL;
    }
}

/* The header of the targets table; `prev` adds the change since that year. */
static struct rp_node *targets_table(struct rp_report *r, struct rp_nodes *into,
                                     const struct rp_evaluation *prev)
{
    size_t ncol = prev ? 5 : 4;
    struct rp_node *t = rp_doc_add_table(r->doc, into, ncol, rp_report_l(r, "dash.targets"));
    /* Only the result is right-aligned: the target and the change are left-aligned so that
     * they wrap rather than turn the page. */
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 2, RP_ALIGN_RIGHT, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.indicator"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.target"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, year_text(r, r->eval), 1, RP_ALIGN_RIGHT);
    if (prev)
        rp_doc_header_cell(r->doc, h,
                           rp_report_lf(r, "dash.col.since", year_text(r, prev), NULL, NULL), 1,
                           RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.status"), 1, RP_ALIGN_LEFT);
    t->u.table.summary = rp_report_l(r, "summary.targets");
    return t;
}

/* Every indicator whose norm sets a target: the target beside this year's result, how the
 * value moved since the previous year (with that year's value under the word), and the
 * status the target gives. */
static void targets_part(struct rp_report *r, struct rp_nodes *into,
                         const struct rp_evaluation *prev)
{
    if (!r->plan)
        return;
    struct rp_node *t = NULL;
    for (size_t s = 0; s < r->plan->objective_count; s++) {
        const struct rp_strategic_objective *so = &r->plan->objectives[s];
        for (size_t o = 0; o < so->operational_count; o++) {
            const struct rp_operational_objective *oo = &so->operational[o];
            for (size_t i = 0; i < oo->indicator_count; i++) {
                const struct rp_indicator *ind = &oo->indicators[i];
                struct rp_indicator_change c = rp_indicator_compare(ind, r->eval, prev);
                if (!c.has_target)
                    continue;
                if (!t)
                    t = targets_table(r, into, prev);
                size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
                /* The number opens the title's cell: a column of its own would turn the
                 * page. */
                const struct rp_text *title = rp_report_pick(r, &ind->title);
                const char *delays;
                const char *target = target_text(r, ind, &delays);
                /* A tiered norm's delays go under the title, which wraps: beside the target
                 * they would widen the table past the page. */
                rp_doc_table_cell(
                    r->doc, t, row, 0,
                    rp_doc_printf(r->doc, "%s" RP_NBSP "%s", ind->number ? ind->number : ind->id,
                                  title ? title->plain : ""),
                    delays ? rp_report_lf(r, "dash.target.delays", delays, NULL, NULL) : NULL,
                    rp_report_has_placeholder(title) ? RP_CELL_PLACEHOLDER : 0);
                rp_doc_cell_lang(r->doc, t, row, 0, title ? title->lang : NULL);
                rp_doc_table_cell(r->doc, t, row, 1, target, NULL, 0);
                rp_doc_table_cell(r->doc, t, row, 2, result_text(r, ind, r->eval), NULL, 0);
                size_t c_status = 3;
                if (prev) {
                    const char *move = move_text(r, &c);
                    const char *before =
                        c.has_value_before
                            ? rp_doc_printf(r->doc, "%s%s%s", year_text(r, prev),
                                            rp_report_colon(r), result_text(r, ind, prev))
                            : NULL;
                    rp_doc_table_cell(r->doc, t, row, 3, move ? move : RP_NIL_TEXT, before, 0);
                    c_status = 4;
                }
                rp_doc_table_cell(r->doc, t, row, c_status, rp_report_status_label(r, c.now.status),
                                  NULL, rp_report_status_tone(c.now.status) | RP_CELL_LABEL);
            }
        }
    }
}

/* A donut rather than a table: its legend already gives each status's count and share, and
 * the dashboard has to fit on about one page. */
static void indicators_part(struct rp_report *r, struct rp_nodes *into,
                            const struct rp_status_counts *c)
{
    size_t used = 0;
    for (int s = 0; s < RP_IND_STATUS__MAX; s++)
        used += c->indicators[s] > 0;
    struct rp_node *ch = rp_doc_add_chart(r->doc, into, RP_CHART_DONUT,
                                          rp_report_l(r, "dash.chart.indicators"), used, 1);
    rp_doc_chart_series(r->doc, ch, 0, rp_report_l(r, "dash.indicators"));
    const char *desc = "";
    size_t cat = 0;
    for (int s = 0; s < RP_IND_STATUS__MAX; s++) {
        if (!c->indicators[s])
            continue;
        rp_doc_chart_category(r->doc, ch, cat, rp_report_status_label(r, s));
        rp_doc_chart_value(ch, 0, cat, (double)c->indicators[s]);
        rp_doc_chart_category_color(ch, cat, rp_indicator_status_color(s));
        desc = rp_doc_printf(r->doc, "%s%s%s%s%zu", desc, cat ? rp_report_semicolon(r) : "",
                             rp_report_status_word(r, s), rp_report_colon(r), c->indicators[s]);
        cat++;
    }
    ch->u.chart.description = desc;
}

/* One row per table and credit column. A single rate is already in the year's box, and the
 * budget chapter charts nothing either: the dashboard must fit on about one page. */
static void budget_part(struct rp_report *r, struct rp_nodes *into,
                        const struct rp_budget_group *groups, size_t n)
{
    if (n < 2)
        return;
    struct rp_node *t = rp_doc_add_table(r->doc, into, 5, rp_report_l(r, "dash.budget"));
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    for (size_t c = 2; c < 5; c++)
        rp_doc_table_column(t, c, RP_ALIGN_DECIMAL, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.table"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.credit"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.adjusted"), 1, RP_ALIGN_RIGHT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.executed"), 1, RP_ALIGN_RIGHT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.rate"), 1, RP_ALIGN_RIGHT);
    for (size_t g = 0; g < n; g++) {
        const struct rp_table *tb = groups[g].table;
        const char *unit = tb->unit == RP_TUNIT_EUR
                               ? (tb->scale == 1000 ? "k\xe2\x82\xac" : "\xe2\x82\xac")
                               : NULL;
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        const char *lang;
        const char *caption = rp_budget_caption(r, tb, &lang);
        rp_doc_table_cell(r->doc, t, row, 0, caption, unit, 0);
        rp_doc_cell_lang(r->doc, t, row, 0, lang);
        rp_doc_table_cell(r->doc, t, row, 1, rp_report_column_name(r, tb, groups[g].column), NULL,
                          0);
        rp_doc_table_cell(r->doc, t, row, 2, rp_report_num(r, groups[g].adjusted, tb->decimals),
                          NULL, RP_CELL_COMPUTED);
        rp_doc_table_cell(r->doc, t, row, 3, rp_report_num(r, groups[g].executed, tb->decimals),
                          NULL, RP_CELL_COMPUTED);
        if (groups[g].adjusted != 0)
            rp_doc_table_cell(
                r->doc, t, row, 4,
                rp_report_percent(r, groups[g].executed / groups[g].adjusted * 100, 1), NULL,
                RP_CELL_COMPUTED);
    }
}

void rp_eval_dashboard(struct rp_report *r, struct rp_nodes *into)
{
    struct rp_status_counts c, p;
    rp_status_count(r->plan, r->eval, &c);
    const struct rp_evaluation *prev = rp_eval_previous(r->evals, r->eval_count, r->eval);
    rp_status_count(r->plan, prev, &p);
    struct rp_budget_group *groups;
    size_t ngroups = rp_eval_budget_groups(r, &groups);
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.dashboard"));
    struct rp_nodes *kids = &sec->u.section.children;
    year_box(r, kids, &c, prev, &p, groups, ngroups);
    progress_part(r, kids, &c);
    changes_part(r, kids, &c, prev, &p);
    if (c.indicator_total)
        indicators_part(r, kids, &c);
    targets_part(r, kids, prev);
    rp_eval_maturity_dashboard(r, kids);
    budget_part(r, kids, groups, ngroups);
}
