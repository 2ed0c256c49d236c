/* Charts of a budget or staffing table, where they say something: the distribution of the
 * first year over the table's lines (three lines at least), and the evolution of its total
 * over the years (two years at least). Bars stack the line rows, so that a wrong stated
 * total is never drawn as a bar; the title says so when a stated total differs. A table
 * whose rows form a tree is drawn by its top-level rows; only columns in the table's unit
 * are drawn (a chart has one unit). A line keeps one colour in every chart of its table,
 * and a donut's hole shows the table's stated total, as the table beside it does. */
#include "compose/budget.h"
#include "model/table.h"
#include "templates/theme.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SLICES RP_THEME_SERIES /* one colour each, "others" included */

struct slice {
    size_t row;
    double value;
};

static int by_value(const void *a, const void *b)
{
    const struct slice *x = a, *y = b;
    if (x->value != y->value)
        return x->value < y->value ? 1 : -1;
    return x->row < y->row ? -1 : x->row > y->row;
}

static bool is_tree(const struct rp_table *t)
{
    for (size_t r = 0; r < t->row_count; r++)
        if (rp_table_row_level(t, r) > 0)
            return true;
    return false;
}

/* The rows a chart draws: the lines, or in a tree the top-level lines and subtotals. */
static bool chart_row(const struct rp_table *t, size_t r, bool tree)
{
    const struct rp_row *row = &t->rows[r];
    if (!row->values)
        return false;
    if (tree)
        return rp_table_row_level(t, r) == 0 &&
               (row->kind == RP_ROW_LINE || row->kind == RP_ROW_SUBTOTAL);
    return row->kind == RP_ROW_LINE;
}

/* A chart row's colour, by its place among the table's chart rows: the same line has the
 * same colour in the distribution and in the evolution, whatever their order or which
 * lines each shows. Only a table of few lines draws them in both; one of more lines draws
 * them in its distribution only, where distribution_colors() keeps them apart. */
static int line_color(const struct rp_table *t, size_t r, bool tree)
{
    int ordinal = 0;
    for (size_t k = 0; k < r; k++)
        ordinal += chart_row(t, k, tree);
    return ordinal;
}

static size_t chart_row_count(const struct rp_table *t, bool tree)
{
    size_t n = 0;
    for (size_t r = 0; r < t->row_count; r++)
        n += chart_row(t, r, tree);
    return n;
}

/* The colours of the `shown` largest slices `s` (sorted by value): by line when the table
 * has no more lines than colours; else by their order in the table among the lines shown,
 * since lines further down would take colours again (two slices of one colour). */
static void distribution_colors(struct rp_node *c, const struct rp_table *t, bool tree,
                                const struct slice *s, size_t shown)
{
    bool few = chart_row_count(t, tree) <= RP_THEME_SERIES;
    for (size_t i = 0; i < shown; i++) {
        int rank = 0;
        for (size_t k = 0; k < shown; k++)
            rank += s[k].row < s[i].row;
        rp_doc_chart_category_color(c, i, few ? line_color(t, s[i].row, tree) : rank);
    }
}

/* The total the table states in column `col`: its one total row's value there. */
static bool stated_total(const struct rp_table *t, size_t col, double *total)
{
    const struct rp_row *found = NULL;
    for (size_t r = 0; r < t->row_count; r++) {
        const struct rp_row *row = &t->rows[r];
        if (row->kind != RP_ROW_TOTAL || !row->values || col >= row->value_count ||
            row->values[col].nil)
            continue;
        if (found)
            return false; /* several totals: none of them is the whole */
        found = row;
    }
    if (!found)
        return false;
    *total = found->values[col].value;
    return true;
}

static bool line_value(const struct rp_table *t, size_t r, bool tree, size_t col, double *v)
{
    const struct rp_row *row = &t->rows[r];
    if (!chart_row(t, r, tree) || col >= row->value_count || row->values[col].nil)
        return false;
    *v = row->values[col].value;
    return true;
}

static bool in_table_unit(const struct rp_table *t, size_t col)
{
    return t->columns[col].unit == t->unit;
}

static void distribution(struct rp_report *b, struct rp_nodes *into, const struct rp_table *t,
                         const struct rp_year_grid *g, size_t number)
{
    size_t keys[64], nk = 0, col = 0;
    if (g->regular && g->per_year <= 64)
        nk = rp_budget_key_measures(t, g, keys);
    for (size_t k = 0; k < nk; k++)
        if (in_table_unit(t, g->col[keys[k]])) {
            col = g->col[keys[k]];
            break;
        }
    /* Years are no parts of a whole. */
    for (size_t r = 0; r < t->row_count; r++)
        if (t->rows[r].year)
            return;
    if (t->column_count == 0 || !in_table_unit(t, col))
        return;
    bool tree = is_tree(t);
    struct slice *s = calloc(t->row_count ? t->row_count : 1, sizeof *s);
    size_t n = 0;
    for (size_t r = 0; s && r < t->row_count; r++) {
        double v;
        if (line_value(t, r, tree, col, &v) && v > 0)
            s[n++] = (struct slice){r, v};
    }
    if (n >= 3) {
        qsort(s, n, sizeof *s, by_value);
        size_t shown = n <= MAX_SLICES ? n : MAX_SLICES - 1;
        double others = 0;
        for (size_t i = shown; i < n; i++)
            others += s[i].value;
        const char *unit = rp_budget_unit_short(b, t);
        const char *column = rp_budget_column_label(b, t, col);
        if (g->regular && g->per_year > 1)
            column = rp_doc_printf(b->doc, "%d %s", t->columns[col].year, column);
        struct rp_node *c = rp_doc_add_chart(
            b->doc, into, RP_CHART_DONUT, rp_report_lf(b, "chart.distribution", column, unit, NULL),
            shown + (n > shown), 1);
        c->u.chart.unit = *unit ? unit : NULL;
        c->u.chart.decimals = t->decimals;
        c->u.chart.description = rp_report_lf(b, "chart.desc.distribution",
                                              rp_report_num(b, (double)number, 0), column, NULL);
        for (size_t i = 0; i < shown; i++) {
            const char *lang;
            const char *label = rp_budget_row_label_in(b, &t->rows[s[i].row], &lang);
            rp_doc_chart_category(b->doc, c, i, label);
            rp_doc_chart_category_lang(b->doc, c, i, lang);
            rp_doc_chart_value(c, 0, i, s[i].value);
        }
        distribution_colors(c, t, tree, s, shown);
        if (n > shown) {
            rp_doc_chart_category(b->doc, c, shown, rp_report_l(b, "chart.others"));
            rp_doc_chart_value(c, 0, shown, others);
            rp_doc_chart_category_color(c, shown, RP_DOC_COLOR_OTHERS);
        }
        /* The hole says what the table's total row says, not a sum that might differ. */
        double total;
        if (stated_total(t, col, &total))
            rp_doc_chart_stated_total(c, total);
        rp_doc_chart_series(b->doc, c, 0, column);
    }
    free(s);
}

/* Sum of the line rows in column `col`; false when no line has a value there. */
static bool column_total(const struct rp_table *t, size_t col, double *sum)
{
    bool any = false, tree = is_tree(t);
    *sum = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        double v;
        if (line_value(t, r, tree, col, &v)) {
            *sum += v;
            any = true;
        }
    }
    return any;
}

/* The total of column `col` as the table prints it: the total it states when that agrees
 * with its lines (within the table's tolerance: a total row of 4.946,05 over lines that add
 * up to 4.946,07), so that the chart draws the figure its table shows; else the sum of the
 * lines, which the flagged total cell also gives and the chart's title says it draws. */
static bool printed_total(const struct rp_table *t, size_t col, double *total)
{
    if (!column_total(t, col, total))
        return false;
    double stated;
    if (!stated_total(t, col, &stated))
        return true;
    for (size_t r = 0; r < t->row_count; r++) {
        double computed;
        bool by_column;
        if (t->rows[r].kind == RP_ROW_TOTAL && rp_budget_differs(t, r, col, &computed, &by_column))
            return true;
    }
    *total = stated;
    return true;
}

static void evolution(struct rp_report *b, struct rp_nodes *into, const struct rp_table *t,
                      const struct rp_year_grid *g, size_t number)
{
    if (!g->regular || g->years < 2 || g->per_year > 64)
        return;
    /* Series: the parts of a total column stacked (M, S, C), else each measure side by
     * side (CE, CL), else, for one measure, the lines stacked when they are few. */
    size_t series[64], ns = 0;
    bool stacked = false, by_line = false;
    bool has_sums = false;
    for (size_t k = 0; k < g->per_year; k++)
        has_sums |= t->columns[g->col[k]].sums.count > 0;
    for (size_t k = 0; k < g->per_year; k++)
        if ((!has_sums || t->columns[g->col[k]].sums.count == 0) && in_table_unit(t, g->col[k]))
            series[ns++] = k;
    stacked = has_sums;
    bool tree = is_tree(t);
    size_t lines = 0;
    for (size_t r = 0; r < t->row_count; r++)
        lines += chart_row(t, r, tree);
    if (g->per_year == 1 && in_table_unit(t, g->col[0]) && lines >= 2 && lines <= 6) {
        by_line = stacked = true;
        ns = lines;
    }
    if (ns == 0)
        return;
    bool differs = false;
    for (size_t r = 0; r < t->row_count && !differs; r++)
        for (size_t c = 0; c < t->column_count && !differs; c++) {
            double computed;
            bool by_column;
            differs = rp_budget_differs(t, r, c, &computed, &by_column);
        }
    const char *unit = rp_budget_unit_short(b, t);
    const char *first = rp_doc_printf(b->doc, "%d", g->year[0]);
    const char *last = rp_doc_printf(b->doc, "%d", g->year[g->years - 1]);
    struct rp_node *c =
        rp_doc_add_chart(b->doc, into, stacked ? RP_CHART_BAR_STACKED : RP_CHART_BAR_GROUPED,
                         rp_report_lf(b, differs ? "chart.evolution.computed" : "chart.evolution",
                                      first, last, unit),
                         g->years, ns);
    c->u.chart.unit = *unit ? unit : NULL;
    c->u.chart.decimals = t->decimals;
    c->u.chart.description =
        rp_report_lf(b, "chart.desc.evolution", rp_report_num(b, (double)number, 0), NULL, NULL);
    for (size_t y = 0; y < g->years; y++)
        rp_doc_chart_category(b->doc, c, y, rp_doc_printf(b->doc, "%d", g->year[y]));
    if (by_line) {
        size_t s = 0;
        for (size_t r = 0; r < t->row_count; r++) {
            if (!chart_row(t, r, tree))
                continue;
            const char *lang;
            const char *label = rp_budget_row_label_in(b, &t->rows[r], &lang);
            rp_doc_chart_series(b->doc, c, s, label);
            rp_doc_chart_series_lang(b->doc, c, s, lang);
            rp_doc_chart_series_color(c, s, line_color(t, r, tree));
            for (size_t y = 0; y < g->years; y++) {
                double v;
                if (line_value(t, r, tree, g->col[y], &v))
                    rp_doc_chart_value(c, s, y, v);
            }
            s++;
        }
        return;
    }
    for (size_t s = 0; s < ns; s++) {
        const char *name = rp_budget_measure_name(b, t, g, series[s]);
        rp_doc_chart_series(b->doc, c, s, name ? name : rp_report_l(b, "chart.total"));
        rp_doc_chart_series_color(c, s, rp_budget_measure_color(t, g, series[s]));
        for (size_t y = 0; y < g->years; y++) {
            double sum;
            if (printed_total(t, g->col[y * g->per_year + series[s]], &sum))
                rp_doc_chart_value(c, s, y, sum);
        }
    }
}

void rp_budget_charts(struct rp_report *b, struct rp_nodes *into, const struct rp_table *t,
                      size_t number)
{
    struct rp_year_grid g;
    rp_budget_year_grid(b, t, &g);
    distribution(b, into, t, &g, number);
    evolution(b, into, t, &g, number);
}
