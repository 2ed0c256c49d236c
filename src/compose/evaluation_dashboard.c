/* The one-page summary dashboard: the year in a few key figures, objectives, ambitions,
 * projects and processes by progress status, indicators by computed status, the budget
 * execution rate per table, each with a small chart. */
#include "compose/maturity.h"
#include "compose/budget.h"
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

static void year_box(struct rp_report *r, struct rp_nodes *into, const struct rp_status_counts *c,
                     const struct rp_budget_group *groups, size_t ngroups)
{
    char year[32];
    snprintf(year, sizeof year, "%d", r->eval->year);
    struct rp_node *box =
        rp_doc_add_key_figures(r->doc, into, rp_report_lf(r, "dash.year", year, NULL, NULL));
    if (c->indicator_total)
        rp_doc_add_figure(
            r->doc, box, count_text(r, c->indicators[RP_IND_MET] + c->indicators[RP_IND_DELIVERED]),
            rp_report_lf(r, "dash.kf.indicators", count_text(r, c->indicator_total), NULL, NULL),
            NULL);
    if (c->strategic_total)
        rp_doc_add_figure(
            r->doc, box,
            count_text(r, c->strategic[RP_PROGRESS_ON_TRACK] + c->strategic[RP_PROGRESS_DONE]),
            rp_report_lf(r, "dash.kf.objectives", count_text(r, c->strategic_total), NULL, NULL),
            NULL);
    if (c->project_total)
        rp_doc_add_figure(
            r->doc, box, count_text(r, c->projects[RP_PROGRESS_DONE]),
            rp_report_lf(r, "dash.kf.projects", count_text(r, c->project_total), NULL, NULL), NULL);
    /* The first table the evaluation reports on is the plan's main budget table. */
    if (ngroups && groups[0].adjusted != 0) {
        const char *lang;
        const char *caption = rp_budget_caption(r, groups[0].table, &lang);
        const char *column =
            rp_doc_printf(r->doc, " \xe2\x80\x93 %s",
                          rp_report_column_name(r, groups[0].table, groups[0].column));
        rp_doc_add_figure(r->doc, box,
                          rp_report_percent(r, groups[0].executed / groups[0].adjusted * 100, 1),
                          NULL, NULL);
        /* The label is the edition's sentence around the table's caption, which keeps its
         * own language. */
        struct rp_doc_figure *fig = &box->u.figures.items[box->u.figures.count - 1];
        rp_report_lf_spans(r, &fig->label, 0, "dash.kf.budget", caption, lang, column);
    }
    if (box->u.figures.count == 0)
        into->count--; /* an empty box is dropped: it is the last node added */
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
        desc = rp_doc_printf(r->doc, "%s%s%s%s%zu/%zu", desc, cat ? rp_report_semicolon(r) : "",
                             rp_report_l(r, kinds[k].key), rp_report_colon(r),
                             kinds[k].slots[RP_PROGRESS_DONE], kinds[k].total);
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
    struct rp_status_counts c;
    rp_status_count(r->plan, r->eval, &c);
    struct rp_budget_group *groups;
    size_t ngroups = rp_eval_budget_groups(r, &groups);
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.dashboard"));
    struct rp_nodes *kids = &sec->u.section.children;
    year_box(r, kids, &c, groups, ngroups);
    progress_part(r, kids, &c);
    if (c.indicator_total)
        indicators_part(r, kids, &c);
    rp_eval_maturity_dashboard(r, kids);
    budget_part(r, kids, groups, ngroups);
}
