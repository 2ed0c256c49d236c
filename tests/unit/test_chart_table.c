/* A chart shows the same figures as its table: in every document built from input/ (budget,
 * evaluation of each year, communication; French and Dutch), each chart drawn beside a table
 * (the nearest table before it among its siblings, which names some of its categories or
 * series) draws only figures that table prints. A value whose category and series name a
 * cell (by its row's label and its column's header, either way round) equals that cell as
 * printed; any other value (a column's total, a measure named otherwise than its column) is
 * one of the table's figures, stated or computed (a flagged cell's detail). A donut's hole
 * shows a total the table states. The slice that groups small ones ("Autres") is the only
 * figure of its own. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/compose.h"
#include "default_templates.h"
#include "doc/doc.h"
#include "load/load.h"
#include "util/arena.h"
#include "util/diag.h"

static const char *source_dir(void)
{
    const char *dir = getenv("RAPPORT_SOURCE_DIR");
    return dir && *dir ? dir : ".";
}

/* ------------------------------------------------------------------ numbers as printed */

/* The number `s` starts with, in the conventions of French and Dutch editions ("1.816.852",
 * "5.919,97", "−1,2 %"); false when it does not start with one. */
static bool number_of(const char *s, double *out)
{
    if (!s)
        return false;
    double sign = 1;
    if (strncmp(s, "\xe2\x88\x92", 3) == 0) { /* U+2212 MINUS SIGN */
        sign = -1;
        s += 3;
    } else if (*s == '-' || *s == '+') {
        sign = *s == '-' ? -1 : 1;
        s++;
    }
    if (*s < '0' || *s > '9')
        return false;
    double v = 0, scale = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            v = v * 10 + (*s - '0');
            if (scale)
                scale *= 10;
        } else if (*s == '.' && s[1] >= '0' && s[1] <= '9' && !scale)
            continue; /* thousands */
        else if (*s == ',' && s[1] >= '0' && s[1] <= '9' && !scale)
            scale = 1;
        else
            break;
    }
    *out = sign * (scale ? v / scale : v);
    return true;
}

/* The number in a cell's detail ("calculé : 132.981"): the first one in it. */
static bool detail_number(const char *s, double *out)
{
    for (; s && *s; s++)
        if ((*s >= '0' && *s <= '9') || strncmp(s, "\xe2\x88\x92", 3) == 0)
            return number_of(s, out);
    return false;
}

static bool same_figure(double chart, double printed, int decimals)
{
    return fabs(chart - printed) <= 0.5 * pow(10, -(decimals > 0 ? decimals : 0)) + 1e-9;
}

/* ------------------------------------------------------------------ a table's names */

static bool same_name(const char *a, const char *b)
{
    return a && b && *a && strcmp(a, b) == 0;
}

static const char *row_label(const struct rp_doc_table *t, size_t r)
{
    return t->column_count ? t->rows[r].cells[0].text : NULL;
}

/* Whether a header cell over column c is called `name`. */
static bool column_called(const struct rp_doc_table *t, size_t c, const char *name)
{
    for (size_t h = 0; h < t->header_count; h++) {
        size_t at = 0;
        for (size_t i = 0; i < t->header[h].count; i++) {
            const struct rp_doc_hcell *hc = &t->header[h].cells[i];
            if (c >= at && c < at + hc->span && same_name(hc->text, name))
                return true;
            at += hc->span;
        }
    }
    return false;
}

static bool table_names(const struct rp_doc_table *t, const char *name)
{
    for (size_t r = 0; r < t->row_count; r++)
        if (same_name(row_label(t, r), name))
            return true;
    for (size_t c = 0; c < t->column_count; c++)
        if (column_called(t, c, name))
            return true;
    return false;
}

/* ------------------------------------------------------------------ the check */

struct tally {
    size_t charts, paired, labelled, among, failures;
    const char *doc; /* which document, for messages */
};

/* Whether `v` is one of the table's printed figures (a cell's text or its detail). */
static bool among_figures(const struct rp_doc_table *t, double v, int decimals)
{
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 1; c < t->column_count; c++) {
            const struct rp_doc_cell *cell = &t->rows[r].cells[c];
            double x;
            if ((number_of(cell->text, &x) && same_figure(v, x, decimals)) ||
                (detail_number(cell->detail, &x) && same_figure(v, x, decimals)))
                return true;
        }
    return false;
}

/* Checks value `v` of category `cat`, series `ser` against the tables `t` before the chart
 * (a wide table is printed as two: its values, then its changes). */
static void check_value(struct tally *tally, const struct rp_doc_table *const *t, size_t nt,
                        const struct rp_doc_chart *ch, const char *cat, const char *ser, double v)
{
    bool named = false, equal = false, among = false;
    for (size_t k = 0; k < nt; k++) {
        for (size_t r = 0; r < t[k]->row_count; r++)
            for (size_t c = 1; c < t[k]->column_count; c++) {
                const char *label = row_label(t[k], r);
                bool here = (same_name(label, cat) && column_called(t[k], c, ser)) ||
                            (same_name(label, ser) && column_called(t[k], c, cat));
                double x;
                if (!here || !number_of(t[k]->rows[r].cells[c].text, &x))
                    continue;
                named = true;
                equal |= same_figure(v, x, ch->decimals);
            }
        among |= among_figures(t[k], v, ch->decimals);
    }
    bool ok = named ? equal : among;
    if (named)
        tally->labelled++;
    else
        tally->among++;
    if (!ok) {
        tally->failures++;
        print_message("%s: chart \"%s\" draws %.10g for %s / %s, which its table %s\n", tally->doc,
                      ch->title.count ? ch->title.items[0].text : "", v, cat, ser,
                      named ? "prints otherwise" : "does not print");
    }
}

static void check_chart(struct tally *tally, const struct rp_doc_table *const *t, size_t nt,
                        const struct rp_doc_chart *ch)
{
    tally->charts++;
    bool pair = false;
    for (size_t k = 0; k < nt && !pair; k++) {
        for (size_t i = 0; i < ch->category_count && !pair; i++)
            pair = table_names(t[k], ch->categories[i]);
        for (size_t s = 0; s < ch->series_count && !pair; s++)
            pair = table_names(t[k], ch->series[s].name);
    }
    if (!pair)
        return;
    tally->paired++;
    size_t series = ch->kind == RP_CHART_DONUT && ch->series_count ? 1 : ch->series_count;
    for (size_t s = 0; s < series; s++)
        for (size_t i = 0; i < ch->category_count; i++) {
            if (!ch->series[s].present[i])
                continue;
            if (ch->kind == RP_CHART_DONUT && ch->category_colors &&
                ch->category_colors[i] == RP_DOC_COLOR_OTHERS)
                continue; /* "Autres": the sum of the slices left out */
            check_value(tally, t, nt, ch, ch->categories[i], ch->series[s].name,
                        ch->series[s].values[i]);
        }
    bool stated = false;
    for (size_t k = 0; k < nt; k++)
        stated |= ch->kind == RP_CHART_DONUT && ch->has_stated_total &&
                  among_figures(t[k], ch->stated_total, ch->decimals);
    if (ch->kind == RP_CHART_DONUT && ch->has_stated_total && !stated) {
        tally->failures++;
        print_message("%s: donut \"%s\" shows the total %.10g, which its table does not print\n",
                      tally->doc, ch->title.count ? ch->title.items[0].text : "", ch->stated_total);
    }
}

/* The tables of a run of siblings and the charts after them. */
#define MAX_TABLES 8

static void check_nodes(struct tally *tally, const struct rp_nodes *nodes)
{
    const struct rp_doc_table *tables[MAX_TABLES];
    size_t nt = 0;
    bool after_chart = false; /* a table after a chart starts a new run */
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *n = nodes->items[i];
        if (n->kind == RP_NODE_TABLE) {
            if (after_chart || nt == MAX_TABLES)
                nt = 0;
            after_chart = false;
            tables[nt++] = &n->u.table;
        } else if (n->kind == RP_NODE_CHART && nt) {
            after_chart = true;
            check_chart(tally, tables, nt, &n->u.chart);
        } else if (n->kind == RP_NODE_SECTION)
            check_nodes(tally, &n->u.section.children);
    }
}

/* ------------------------------------------------------------------ the inputs */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const void *load(struct rp_arena *arena, const char *path)
{
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    if (rp_load(path, arena, &d, &f) != 0) {
        rp_diags_print(&d, stderr);
        fail_msg("cannot load %s", path);
    }
    rp_diags_free(&d);
    return f.kind == RP_FILE_PLAN ? (const void *)f.plan : (const void *)f.evaluation;
}

static void check_doc(struct tally *tally, const struct rp_doc *doc, const char *what)
{
    if (!doc)
        return;
    tally->doc = what;
    check_nodes(tally, &doc->body);
}

static void check_org(struct tally *tally, const char *org)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/input/%s", source_dir(), org);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *evals_names[16];
    size_t ne = 0;
    bool has_plan = false;
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, "plan.xml") == 0)
            has_plan = true;
        else if (strncmp(e->d_name, "evaluation-", 11) == 0 && ne < 16)
            evals_names[ne++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(evals_names, ne, sizeof *evals_names, by_name); /* earlier years first */
    static const char *const langs[] = {"fr", "nl"};
    for (size_t l = 0; l < 2 && has_plan; l++) {
        struct rp_arena *arena = rp_arena_new();
        char path[1200], what[256];
        snprintf(path, sizeof path, "%s/plan.xml", dir);
        const struct rp_plan *plan = load(arena, path);
        const struct rp_evaluation *evals[16];
        for (size_t k = 0; k < ne; k++) {
            snprintf(path, sizeof path, "%s/%s", dir, evals_names[k]);
            evals[k] = load(arena, path);
        }
        const struct rp_templates *t = default_templates();
        snprintf(what, sizeof what, "%s budget %s", org, langs[l]);
        check_doc(tally, rp_build_budget(plan, langs[l], RP_EDITION_PUBLICATION, t, arena), what);
        for (size_t k = 0; k < ne; k++) {
            snprintf(what, sizeof what, "%s %s %s", org, evals_names[k], langs[l]);
            check_doc(
                tally,
                rp_build_evaluation(plan, evals, k + 1, langs[l], RP_EDITION_PUBLICATION, t, arena),
                what);
        }
        snprintf(what, sizeof what, "%s communication %s", org, langs[l]);
        check_doc(tally,
                  rp_build_communication(plan, ne ? evals[ne - 1] : NULL, langs[l],
                                         RP_EDITION_PUBLICATION, t, arena),
                  what);
        rp_arena_free(arena);
    }
    for (size_t k = 0; k < ne; k++)
        free(evals_names[k]);
}

static void test_inputs(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/input", source_dir());
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *orgs[32];
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.' && n < 32)
            orgs[n++] = strdup(e->d_name);
    closedir(d);
    qsort(orgs, n, sizeof *orgs, by_name);
    struct tally tally = {0};
    for (size_t i = 0; i < n; i++) {
        check_org(&tally, orgs[i]);
        free(orgs[i]);
    }
    print_message("%zu charts, %zu beside their table: %zu figures by row and column, %zu among "
                  "the table's figures; %zu differ\n",
                  tally.charts, tally.paired, tally.labelled, tally.among, tally.failures);
    /* Not vacuous: budget and dashboard charts are there, and are read cell by cell. */
    assert_true(tally.paired >= 10);
    assert_true(tally.labelled >= 100);
    assert_int_equal(tally.failures, 0);
}

/* The reading of printed figures the check relies on. */
static void test_number_of(void **state)
{
    (void)state;
    double v;
    assert_true(number_of("1.816.852", &v) && v == 1816852);
    assert_true(number_of("5.919,97", &v) && fabs(v - 5919.97) < 1e-9);
    assert_true(number_of("\xe2\x88\x92"
                          "1,2\xc2\xa0%",
                          &v) &&
                fabs(v + 1.2) < 1e-9);
    assert_true(number_of("70 %", &v) && v == 70);
    assert_false(number_of("-", &v));
    assert_false(number_of("Total", &v));
    assert_true(detail_number("calculé : 132.981", &v) && v == 132981);
    assert_true(same_figure(1816852.4, 1816852, 0));
    assert_false(same_figure(1816853, 1816852, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_of),
        cmocka_unit_test(test_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
