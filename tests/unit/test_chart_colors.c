/* Charts whose colours keep their meaning: a status has one colour whatever else a chart
 * shows, a budget line the same colour in its table's donut and bars, a donut's hole the
 * table's stated total; thin slices and segments are labelled beside them; long legend
 * names wrap, in the PDF layout and in the HTML edition, and are never cut. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/compose.h"
#include "compose/status.h"
#include "default_templates.h"
#include "doc/doc.h"
#include "fake_metrics.h"
#include "load/load.h"
#include "load/xml_write.h"
#include "plan_fixture.h"
#include "render/chart.h"
#include "render/html_chart.h"
#include "render/html_internal.h"
#include "render/layout.h"
#include "templates/theme.h"
#include "util/arena.h"
#include "util/diag.h"

/* ------------------------------------------------------------------ helpers */

static bool same_rgb(struct rp_rgb a, struct rp_rgb b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static struct rp_doc *new_doc(struct rp_arena *arena)
{
    struct rp_doc *doc = rp_doc_new(arena);
    doc->lang = "fr";
    doc->cover = false;
    return doc;
}

/* The HTML markup of `chart` (the caller frees it). Not inlined: GCC 12 would then take the
 * returned buffer for the local that received it (-Wdangling-pointer). */
__attribute__((noinline)) static char *html_of(const struct rp_doc *doc,
                                               const struct rp_node *chart)
{
    struct rp_theme theme;
    rp_theme_default(&theme);
    struct rp_xml_writer *w = rp_xml_writer_new(RP_XML_FLAVOUR_HTML);
    rp_xml_writer_set_indent(w, false);
    struct rp_arena *arena = rp_arena_new();
    struct html_ctx ctx = {.w = w, .doc = doc, .theme = &theme, .lang = RP_LANG_FR, .arena = arena};
    rp_html_chart(&ctx, chart, "fig-1", "Données du graphique");
    rp_arena_free(arena);
    char *out;
    size_t size;
    assert_int_equal(rp_xml_writer_finish(w, &out, &size), 0);
    rp_xml_writer_free(w);
    return out;
}

/* The picture alone, without the data table that follows it (which lists every figure). */
static char *svg_of(const struct rp_doc *doc, const struct rp_node *chart)
{
    char *html = html_of(doc, chart);
    const char *end = strstr(html, "</svg>");
    assert_true(end != NULL);
    html[end - html] = '\0';
    return html;
}

static double svg_height(const char *svg)
{
    const char *box = strstr(svg, "viewBox=\"0 0 ");
    assert_non_null(box);
    double w, h;
    assert_int_equal(sscanf(box, "viewBox=\"0 0 %lf %lf", &w, &h), 2);
    return h;
}

/* A donut of the indicator statuses `statuses` (counts `counts`), pinned as the dashboard
 * pins them. */
static struct rp_node *status_donut(struct rp_doc *doc, const enum rp_indicator_status *statuses,
                                    const double *counts, size_t n)
{
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_DONUT, "Statuts", n, 1);
    for (size_t i = 0; i < n; i++) {
        rp_doc_chart_category(doc, c, i, rp_indicator_status_name(statuses[i]));
        rp_doc_chart_value(c, 0, i, counts[i]);
        rp_doc_chart_category_color(c, i, rp_indicator_status_color(statuses[i]));
    }
    return c;
}

/* ------------------------------------------------------------------ statuses */

static void test_status_keeps_its_colour(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena);
    struct rp_theme theme;
    rp_theme_default(&theme);
    /* "Not met" second in one chart, first in another where "met" has no indicator. */
    const enum rp_indicator_status both[] = {RP_IND_MET, RP_IND_NOT_MET};
    const enum rp_indicator_status alone[] = {RP_IND_NOT_MET};
    const double counts[] = {4, 3};
    struct rp_node *a = status_donut(doc, both, counts, 2);
    struct rp_node *b = status_donut(doc, alone, counts + 1, 1);
    struct rp_rgb in_a = rp_chart_category_color(&theme, &a->u.chart, 1);
    struct rp_rgb in_b = rp_chart_category_color(&theme, &b->u.chart, 0);
    assert_true(same_rgb(in_a, in_b));
    assert_true(same_rgb(in_a, theme.status_series[RP_STATUS_VERMILLION]));
    assert_false(same_rgb(in_b, rp_chart_palette(&theme, RP_DOC_COLOR_AUTO, 0)));
    /* The HTML edition draws it in that colour in both. */
    char *ha = svg_of(doc, a), *hb = svg_of(doc, b);
    assert_non_null(strstr(ha, "fill=\"#d55e00\""));
    assert_non_null(strstr(hb, "fill=\"#d55e00\""));
    free(ha);
    free(hb);
    /* Every status its own colour, and every progress slot. */
    for (int s = 0; s < RP_IND_STATUS__MAX; s++)
        for (int t = s + 1; t < RP_IND_STATUS__MAX; t++)
            assert_int_not_equal(rp_indicator_status_color(s), rp_indicator_status_color(t));
    for (int s = 0; s < RP_PROGRESS_SLOTS; s++)
        for (int t = s + 1; t < RP_PROGRESS_SLOTS; t++)
            assert_int_not_equal(rp_progress_color(s), rp_progress_color(t));
    rp_arena_free(arena);
}

/* ------------------------------------------------------------------ budget lines */

static const char PLAN[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan id=\"p\" kind=\"strategic-plan\" start=\"2022\" end=\"2023\" date=\"2022-02-22\" "
    "xml:lang=\"fr\">\n"
    "  <title>Plan de test</title>\n"
    "  <organisation id=\"org\" kind=\"other\"><name>Organisation de test</name>"
    "<name xml:lang=\"nl\">Testorganisatie</name></organisation>\n"
    "  <tables>\n"
    "    <table id=\"t-budget\" kind=\"budget\" unit=\"EUR\" scale=\"1000\">\n"
    "      <caption>Fonctionnement</caption>\n"
    "      <column id=\"c22\" year=\"2022\" credit=\"CE\"><label>2022</label></column>\n"
    "      <column id=\"c23\" year=\"2023\" credit=\"CE\"><label>2023</label></column>\n"
    "      <row id=\"r1\"><label>Personnel</label><values>100 110</values></row>\n"
    "      <row id=\"r2\"><label>Institutions dans le cadre de la réforme de l'État, des "
    "communes, des régions et des zones pluricommunales de police</label>"
    "<values>50 40</values></row>\n"
    "      <row id=\"r3\"><label>Réseau</label><values>200 25</values></row>\n"
    "      <row id=\"tot\" kind=\"total\"><label>Totaux</label><values>360 175</values></row>\n"
    "    </table>\n"
    "  </tables>\n"
    "</plan>\n";

/* The charts of `nodes` and their sections, in reading order, into out[*n...]. */
static void charts_in(const struct rp_nodes *nodes, const struct rp_node **out, size_t *n,
                      size_t max)
{
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *node = nodes->items[i];
        if (node->kind == RP_NODE_CHART && *n < max)
            out[(*n)++] = node;
        else if (node->kind == RP_NODE_SECTION)
            charts_in(&node->u.section.children, out, n, max);
    }
}

static void test_budget_line_keeps_its_colour(void **state)
{
    (void)state;
    struct plan_fixture fx;
    assert_int_equal(plan_fixture_load(&fx, PLAN, "test.xml"), 0);
    struct rp_doc *doc =
        rp_build_budget(fx.file.plan, "fr", RP_EDITION_PUBLICATION, default_templates(), fx.arena);
    const struct rp_node *charts[4];
    size_t count = 0;
    charts_in(&doc->body, charts, &count, 4);
    assert_int_equal(count, 2);
    const struct rp_node *donut = charts[0], *bars = charts[1];
    const struct rp_doc_chart *d = &donut->u.chart, *b = &bars->u.chart;
    assert_int_equal(d->kind, RP_CHART_DONUT);
    assert_int_equal(b->kind, RP_CHART_BAR_STACKED);
    assert_int_equal(b->series_count, 3); /* the lines stacked */
    struct rp_theme theme;
    rp_theme_default(&theme);
    /* The donut orders its slices by size (Réseau first), the bars by the table's order
     * (Personnel first): each line still has one colour. */
    assert_string_equal(d->categories[0], "Réseau");
    assert_string_equal(b->series[0].name, "Personnel");
    size_t matched = 0;
    for (size_t i = 0; i < d->category_count; i++)
        for (size_t s = 0; s < b->series_count; s++)
            if (strcmp(d->categories[i], b->series[s].name) == 0) {
                assert_true(same_rgb(rp_chart_category_color(&theme, d, i),
                                     rp_chart_series_color(&theme, b, s)));
                matched++;
            }
    assert_int_equal(matched, 3);
    /* Names are whole: the legends wrap them. */
    assert_non_null(strstr(b->series[1].name, "zones pluricommunales de police"));
    /* The hole says the table's total, 360, not the sum of the lines, 350. */
    assert_true(d->has_stated_total);
    assert_true(d->stated_total == 360);
    char *svg = svg_of(doc, donut);
    assert_non_null(strstr(svg, ">360</text>"));
    assert_null(strstr(svg, ">350</text>"));
    free(svg);
    plan_fixture_free(&fx);
}

/* ------------------------------------------------------------------ credit measures */

/* Two tables of commitment (CE) and liquidation (CL) credits, their columns in opposite
 * orders, and a third of liquidation credits beside a measure of no credit kind. */
#define CREDIT_COLUMNS(t, a, b)                                                                    \
    "      <column-group id=\"" t "g22\" columns=\"" t "22" a " " t "22" b                         \
    "\"><label>2022</label>"                                                                       \
    "</column-group>\n"                                                                            \
    "      <column-group id=\"" t "g23\" columns=\"" t "23" a " " t "23" b                         \
    "\"><label>2023</label>"                                                                       \
    "</column-group>\n"
static const char CREDIT_PLAN[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan id=\"p\" kind=\"strategic-plan\" start=\"2022\" end=\"2023\" date=\"2022-02-22\" "
    "xml:lang=\"fr\">\n"
    "  <title>Plan de test</title>\n"
    "  <organisation id=\"org\" kind=\"other\"><name>Organisation de test</name>"
    "<name xml:lang=\"nl\">Testorganisatie</name></organisation>\n"
    "  <tables>\n"
    "    <table id=\"t1\" kind=\"budget\" unit=\"EUR\" scale=\"1000\">\n"
    "      <caption>CE puis CL</caption>\n" CREDIT_COLUMNS(
        "a", "e",
        "l") "      <column id=\"a22e\" year=\"2022\" credit=\"CE\"><label>CE</label></column>\n"
             "      <column id=\"a22l\" year=\"2022\" credit=\"CL\"><label>CL</label></column>\n"
             "      <column id=\"a23e\" year=\"2023\" credit=\"CE\"><label>CE</label></column>\n"
             "      <column id=\"a23l\" year=\"2023\" credit=\"CL\"><label>CL</label></column>\n"
             "      <row id=\"r1\"><label>Personnel</label><values>10 9 11 10</values></row>\n"
             "    </table>\n"
             "    <table id=\"t2\" kind=\"budget\" unit=\"EUR\" scale=\"1000\">\n"
             "      <caption>CL puis CE</caption>\n" CREDIT_COLUMNS(
                 "b", "l",
                 "e") "      <column id=\"b22l\" year=\"2022\" "
                      "credit=\"CL\"><label>CL</label></column>\n"
                      "      <column id=\"b22e\" year=\"2022\" "
                      "credit=\"CE\"><label>CE</label></column>\n"
                      "      <column id=\"b23l\" year=\"2023\" "
                      "credit=\"CL\"><label>CL</label></column>\n"
                      "      <column id=\"b23e\" year=\"2023\" "
                      "credit=\"CE\"><label>CE</label></column>\n"
                      "      <row id=\"r2\"><label>Réseau</label><values>5 6 7 8</values></row>\n"
                      "    </table>\n"
                      "    <table id=\"t3\" kind=\"budget\" unit=\"EUR\" scale=\"1000\">\n"
                      "      <caption>Autre mesure puis CL</caption>\n" CREDIT_COLUMNS(
                          "c", "x", "l") "      <column id=\"c22x\" "
                                         "year=\"2022\"><label>Réserve</label></column>\n"
                                         "      <column id=\"c22l\" year=\"2022\" "
                                         "credit=\"CL\"><label>CL</label></column>\n"
                                         "      <column id=\"c23x\" "
                                         "year=\"2023\"><label>Réserve</label></column>\n"
                                         "      <column id=\"c23l\" year=\"2023\" "
                                         "credit=\"CL\"><label>CL</label></column>\n"
                                         "      <row id=\"r3\"><label>Bâtiments</label><values>1 2 "
                                         "3 4</values></row>\n"
                                         "    </table>\n"
                                         "  </tables>\n"
                                         "</plan>\n";

/* The colour of the series named `name` in every bar chart of `charts` that has one, into
 * out[]; returns how many. */
static size_t measure_colors(const struct rp_node *const *charts, size_t n, const char *name,
                             const struct rp_theme *theme, struct rp_rgb *out)
{
    size_t found = 0;
    for (size_t i = 0; i < n; i++) {
        const struct rp_doc_chart *c = &charts[i]->u.chart;
        if (c->kind == RP_CHART_DONUT)
            continue;
        for (size_t s = 0; s < c->series_count; s++)
            if (strcmp(c->series[s].name, name) == 0)
                out[found++] = rp_chart_series_color(theme, c, s);
    }
    return found;
}

static void test_credit_measure_keeps_its_colour(void **state)
{
    (void)state;
    struct plan_fixture fx;
    assert_int_equal(plan_fixture_load(&fx, CREDIT_PLAN, "credits.xml"), 0);
    struct rp_theme theme;
    rp_theme_default(&theme);
    struct rp_rgb ce[8], cl[8], other[8];
    size_t n_ce = 0, n_cl = 0;
    static const char *const langs[] = {"fr", "nl"};
    static const enum rp_lang lang_ids[] = {RP_LANG_FR, RP_LANG_NL};
    for (size_t l = 0; l < 2; l++) {
        struct rp_doc *doc = rp_build_budget(fx.file.plan, langs[l], RP_EDITION_PUBLICATION,
                                             default_templates(), fx.arena);
        assert_non_null(doc);
        const struct rp_node *charts[8];
        size_t count = 0;
        charts_in(&doc->body, charts, &count, 8);
        assert_int_equal(count, 3); /* one evolution per table */
        /* Each edition names the credits in its language (VAK, VEK in Dutch). */
        const char *ce_name = rp_label(default_templates(), lang_ids[l], "table.credit.CE");
        const char *cl_name = rp_label(default_templates(), lang_ids[l], "table.credit.CL");
        n_ce += measure_colors(charts, count, ce_name, &theme, ce + n_ce);
        n_cl += measure_colors(charts, count, cl_name, &theme, cl + n_cl);
        assert_int_equal(measure_colors(charts, count, "Réserve", &theme, other), 1);
        for (size_t k = 0; k < n_cl; k++)
            assert_false(same_rgb(other[0], cl[k]) || same_rgb(other[0], ce[0]));
    }
    assert_int_equal(n_ce, 4);
    assert_int_equal(n_cl, 6);
    for (size_t k = 1; k < n_ce; k++)
        assert_true(same_rgb(ce[0], ce[k]));
    for (size_t k = 1; k < n_cl; k++)
        assert_true(same_rgb(cl[0], cl[k]));
    assert_false(same_rgb(ce[0], cl[0]));
    plan_fixture_free(&fx);
}

/* ------------------------------------------------------------------ thin slices */

static struct rp_node *thin_donut(struct rp_doc *doc)
{
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_DONUT, "Parts", 4, 1);
    const char *names[] = {"Grand", "Petit", "Minuscule", "Moyen"};
    const double values[] = {900, 17, 23, 60};
    for (size_t i = 0; i < 4; i++) {
        rp_doc_chart_category(doc, c, i, names[i]);
        rp_doc_chart_value(c, 0, i, values[i]);
    }
    return c;
}

static void test_thin_slices_are_labelled(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena);
    struct rp_node *c = thin_donut(doc);
    /* 17 and 23 of 1000 are under 3 %: tagged outside, apart; 60 is drawn inside. */
    struct rp_chart_tag tags[4];
    size_t n = rp_chart_donut_tags(&c->u.chart, 1000, 100, 100, 80, 9, tags);
    assert_int_equal(n, 2);
    assert_int_equal(tags[0].category, 1);
    assert_int_equal(tags[1].category, 2);
    double apart = tags[1].y - tags[0].y;
    assert_true(apart >= 9 || apart <= -9);
    char *svg = svg_of(doc, c);
    assert_non_null(strstr(svg, ">17</text>"));
    assert_non_null(strstr(svg, ">23</text>"));
    free(svg);

    /* A stack's thin segments have their value beside the bar. */
    struct rp_node *bars = rp_doc_add_chart(doc, &doc->body, RP_CHART_BAR_STACKED, "Pile", 1, 3);
    rp_doc_chart_category(doc, bars, 0, "2024");
    const char *series[] = {"Gros", "Mince", "Fin"};
    const double values[] = {2000, 11, 13};
    for (size_t s = 0; s < 3; s++) {
        rp_doc_chart_series(doc, bars, s, series[s]);
        rp_doc_chart_value(bars, s, 0, values[s]);
    }
    svg = svg_of(doc, bars);
    assert_non_null(strstr(svg, ">11</text>"));
    assert_non_null(strstr(svg, ">13</text>"));
    free(svg);
    rp_arena_free(arena);
}

/* ------------------------------------------------------------------ legends */

static const char LONG_NAME[] =
    "Paiement aux communes et aux zones pluricommunales en application du mécanisme de "
    "correction mis en place dans le cadre du transfert des bâtiments de l'ex-gendarmerie "
    "aux communes et aux zones pluricommunales de police (mécanisme de correction)";

static struct rp_node *two_series(struct rp_doc *doc, const char *second)
{
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_BAR_GROUPED, "Deux", 2, 2);
    rp_doc_chart_category(doc, c, 0, "2023");
    rp_doc_chart_category(doc, c, 1, "2024");
    rp_doc_chart_series(doc, c, 0, "Court");
    rp_doc_chart_series(doc, c, 1, second);
    for (size_t s = 0; s < 2; s++)
        for (size_t i = 0; i < 2; i++)
            rp_doc_chart_value(c, s, i, (double)(10 + s + i));
    return c;
}

static void test_html_legend_wraps(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena);
    char *short_svg = svg_of(doc, two_series(doc, "Bref"));
    char *long_svg = svg_of(doc, two_series(doc, LONG_NAME));
    /* More lines, so a taller picture; every word there, no ellipsis. */
    assert_true(svg_height(long_svg) > svg_height(short_svg) + 10);
    assert_null(strstr(long_svg, "\xe2\x80\xa6"));
    assert_non_null(strstr(long_svg, "Paiement aux communes"));
    assert_non_null(strstr(long_svg, "(mécanisme de correction)</text>"));
    free(short_svg);
    free(long_svg);
    rp_arena_free(arena);
}

/* The text the pages set, its pieces joined by spaces, and the lowest baseline. */
struct seen {
    char text[8192];
    size_t len;
    double lowest;
};

static int on_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct seen *seen = ctx;
    if (overlay)
        return 0;
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind != RP_ITEM_TEXT || seen->len + it->len + 2 >= sizeof seen->text)
            continue;
        if (it->y > seen->lowest)
            seen->lowest = it->y;
        memcpy(seen->text + seen->len, it->text, it->len);
        seen->len += it->len;
        seen->text[seen->len++] = ' ';
        seen->text[seen->len] = '\0';
    }
    return 0;
}

static void test_pdf_legend_wraps(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_theme theme;
    rp_theme_default(&theme);
    struct rp_layout_env env = {.theme = &theme, .metrics = &metrics, .arena = arena};
    struct rp_doc *doc = new_doc(arena);
    two_series(doc, LONG_NAME);
    struct seen seen = {{0}, 0, 0};
    struct rp_layout_sink sink = {&seen, on_page};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &env, &sink, &res), 0);
    rp_layout_result_free(&res);
    /* Each word of the name is set, the last ones too; nothing cut with an ellipsis. */
    assert_null(strstr(seen.text, "\xe2\x80\xa6"));
    assert_non_null(strstr(seen.text, "Paiement"));
    assert_non_null(strstr(seen.text, "(mécanisme"));
    assert_non_null(strstr(seen.text, "correction)"));

    /* Wrapped: the legend's last line lies lower than a one-row legend's. */
    struct rp_doc *one = new_doc(arena);
    two_series(one, "Bref");
    struct seen brief = {{0}, 0, 0};
    sink.ctx = &brief;
    assert_int_equal(rp_layout_document(one, &env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_true(seen.lowest > brief.lowest + 10);
    rp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_keeps_its_colour),
        cmocka_unit_test(test_budget_line_keeps_its_colour),
        cmocka_unit_test(test_credit_measure_keeps_its_colour),
        cmocka_unit_test(test_thin_slices_are_labelled),
        cmocka_unit_test(test_html_legend_wraps),
        cmocka_unit_test(test_pdf_legend_wraps),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    default_templates_free();
    return failed;
}
