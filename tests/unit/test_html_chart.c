/* The HTML edition's charts: the figure and its ids, the SVG's accessible name and shapes
 * for each kind of chart, the data table in the edition's conventions, other-language text,
 * empty charts, and the same bytes every time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "load/xml_write.h"
#include "render/chart.h"
#include "render/html_chart.h"
#include "render/html_internal.h"
#include "templates/theme.h"
#include "util/arena.h"
#include "util/fmt.h"

#define NBSP "\xc2\xa0"

/* The markup of `chart` with figure id `id` (the caller frees it); the data table's label
 * as the backend gives it from the catalogues (html.chart-data). */
static char *render(const struct rp_doc *doc, const struct rp_node *chart, const char *id)
{
    struct rp_theme theme;
    rp_theme_default(&theme);
    struct rp_xml_writer *w = rp_xml_writer_new(RP_XML_FLAVOUR_HTML);
    rp_xml_writer_set_indent(w, false); /* as the backend writes */
    const char *label =
        strcmp(doc->lang, "nl") == 0 ? "Gegevens van de grafiek" : "Données du graphique";
    struct rp_arena *arena = rp_arena_new();
    struct html_ctx ctx = {.w = w, .doc = doc, .theme = &theme, .lang = RP_LANG_FR, .arena = arena};
    rp_html_chart(&ctx, chart, id, label);
    rp_arena_free(arena);
    char *out;
    size_t size;
    assert_int_equal(rp_xml_writer_finish(w, &out, &size), 0);
    rp_xml_writer_free(w);
    assert_int_equal(strlen(out), size);
    return out;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

/* `s` with every run of spaces and newlines made one space, in place. */
static char *collapse(char *s)
{
    char *to = s;
    for (const char *p = s; *p; p++)
        if (!(*p == ' ' || *p == '\n') || to == s || (to[-1] != ' '))
            *to++ = *p == '\n' ? ' ' : *p;
    *to = '\0';
    return s;
}

static struct rp_doc *new_doc(struct rp_arena *arena, const char *lang)
{
    struct rp_doc *doc = rp_doc_new(arena);
    doc->lang = lang;
    return doc;
}

/* Amounts in k€ with one decimal: three years, two series, one value missing. */
static struct rp_node *amounts(struct rp_doc *doc, enum rp_chart_kind kind)
{
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, kind, "Montants (k€)", 3, 2);
    c->u.chart.decimals = 1;
    c->u.chart.unit = "k€";
    c->u.chart.description = "Graphique à barres.";
    rp_doc_chart_category(doc, c, 0, "2022");
    rp_doc_chart_category(doc, c, 1, "2023");
    rp_doc_chart_category(doc, c, 2, "Leuven");
    rp_doc_chart_category_lang(doc, c, 2, "nl");
    rp_doc_chart_series(doc, c, 0, "Personnel");
    rp_doc_chart_series(doc, c, 1, "Fonctionnement");
    rp_doc_chart_value(c, 0, 0, 1816.5);
    rp_doc_chart_value(c, 0, 1, 1900);
    rp_doc_chart_value(c, 0, 2, 2000.25);
    rp_doc_chart_value(c, 1, 0, 300);
    rp_doc_chart_value(c, 1, 2, 310); /* 2023 missing */
    return c;
}

static void grouped_bars(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena, "fr");
    struct rp_node *c = amounts(doc, RP_CHART_BAR_GROUPED);
    char *out = render(doc, c, "fig-1");

    assert_non_null(strstr(out, "<figure id=\"fig-1\" class=\"chart\">"));
    assert_non_null(strstr(out, "<figcaption>Montants (k€)</figcaption>"));
    /* Named by its <title>, described by the alternative text. */
    assert_non_null(
        strstr(out, "role=\"img\" aria-describedby=\"fig-1-d\"><title>Montants (k€)</title>"));
    /* The desc is the PDF's alternative text. */
    struct rp_buf alt = {0};
    rp_chart_alt_text(&alt, &c->u.chart, RP_LANG_FR);
    char *desc = rp_arena_printf(arena, "<desc id=\"fig-1-d\">%s</desc>", alt.data);
    assert_non_null(strstr(out, desc));
    free(alt.data);
    /* Five bars and two legend swatches. */
    assert_int_equal(count(out, "<rect "), 5 + 2);
    assert_non_null(strstr(out, "fill=\"#1f3a5f\""));
    assert_non_null(strstr(out, "fill=\"#9cc3e6\""));
    /* Value labels without the unit, which the axis states. */
    assert_non_null(strstr(out, ">1.816,5</text>"));
    assert_non_null(strstr(out, "font-style=\"italic\" fill=\"#5c6670\">k€</text>"));

    /* The data table: series as columns, categories as rows, values with their unit. */
    assert_non_null(strstr(out, "<summary>Données du graphique</summary>"));
    assert_non_null(strstr(out, "<caption>Montants (k€)</caption>"));
    assert_non_null(strstr(out, "<th scope=\"col\">Personnel</th>"));
    assert_non_null(strstr(out, "<th scope=\"row\">2022</th>"));
    assert_non_null(strstr(out, "<td class=\"num\">1.816,5" NBSP "k€</td>"));
    assert_non_null(strstr(out, "<td class=\"num\">2.000,3" NBSP "k€</td>"));
    assert_int_equal(count(out, "<td class=\"num\">-</td>"), 1);
    /* Text in another language says so, in the table and in the picture. */
    assert_non_null(strstr(out, "<th scope=\"row\" lang=\"nl\">Leuven</th>"));
    assert_non_null(strstr(out, "lang=\"nl\">Leuven</text>"));
    /* Coordinates in C conventions, never a negative zero. */
    assert_null(strstr(out, "\"-0.0\""));
    assert_null(strstr(out, "x=\"1,"));

    char *again = render(doc, c, "fig-1");
    assert_string_equal(out, again);
    free(again);
    free(out);
    rp_arena_free(arena);
}

static void stacked_bars_nl(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena, "nl");
    struct rp_node *c = amounts(doc, RP_CHART_BAR_STACKED);
    char *out = render(doc, c, "s");
    assert_int_equal(count(out, "<rect "), 5 + 2);
    assert_non_null(strstr(out, "<summary>Gegevens van de grafiek</summary>"));
    assert_non_null(strstr(out, "<td class=\"num\">1.816,5" NBSP "k€</td>"));
    /* Each stack's total over it, in bold. */
    assert_non_null(strstr(out, "font-weight=\"bold\" fill=\"#1a1f24\">2.116,5</text>"));
    /* "Leuven" is Dutch in a Dutch edition: nothing to mark. */
    assert_null(strstr(out, "lang=\"nl\""));
    free(out);
    rp_arena_free(arena);
}

static void donut(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena, "fr");
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_DONUT, "Répartition", 4, 1);
    c->u.chart.unit = "k€";
    const char *names[] = {"Personnel", "ICT", "Vide", "Inconnu"};
    for (size_t i = 0; i < 4; i++)
        rp_doc_chart_category(doc, c, i, names[i]);
    rp_doc_chart_series(doc, c, 0, "2022");
    rp_doc_chart_value(c, 0, 0, 750);
    rp_doc_chart_value(c, 0, 1, 250);
    rp_doc_chart_value(c, 0, 2, 0); /* no slice for nothing; "Inconnu" has no value */
    char *out = render(doc, c, "d");
    assert_int_equal(count(out, "<path "), 2);
    assert_int_equal(count(out, "<rect "), 4);     /* the legend's swatches */
    assert_non_null(strstr(out, ">1.000</text>")); /* the total in the hole */
    assert_non_null(strstr(out, ">75,0" NBSP "%</text>"));
    assert_non_null(strstr(out, "<th scope=\"col\">2022</th>"));
    assert_non_null(strstr(out, "<td class=\"num\">750" NBSP "k€ (75,0" NBSP "%)</td>"));
    assert_non_null(strstr(out, "<td class=\"num\">0" NBSP "k€ (0,0" NBSP "%)</td>"));
    assert_non_null(strstr(out, "<td class=\"num\">-</td>"));

    /* One slice alone is a whole ring. */
    struct rp_node *one = rp_doc_add_chart(doc, &doc->body, RP_CHART_DONUT, "Tout", 1, 1);
    rp_doc_chart_category(doc, one, 0, "Tout");
    rp_doc_chart_series(doc, one, 0, "2022");
    rp_doc_chart_value(one, 0, 0, 5);
    char *whole = render(doc, one, "w");
    assert_int_equal(count(whole, "<path "), 1);
    assert_int_equal(count(whole, " A80.0 80.0 0 0 1 "), 4);
    free(whole);
    free(out);
    rp_arena_free(arena);
}

static void timeline(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena, "fr");
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_TIMELINE, "Chronologie", 4, 2);
    rp_doc_chart_series(doc, c, 0, "Réalisé");
    rp_doc_chart_series(doc, c, 1, "En retard");
    const char *names[] = {"1", "2", "3", "4"};
    for (size_t i = 0; i < 4; i++)
        rp_doc_chart_category(doc, c, i, names[i]);
    rp_doc_chart_value(c, 0, 0, (double)rp_days_from_date(2022, 3, 15));
    rp_doc_chart_value(c, 1, 1, (double)rp_days_from_date(2022, 3, 1));
    rp_doc_chart_value(c, 0, 2, (double)rp_days_from_date(2023, 1, 20));
    /* event 4 is undated: not on the axis */
    char *out = render(doc, c, "t");
    assert_int_equal(count(out, "<circle "), 3);
    assert_non_null(strstr(out, ">mars</text>"));
    assert_non_null(strstr(out, ">2022</text>"));
    assert_non_null(strstr(out, ">2023</text>")); /* under January */
    /* The table gives dates; an event has one in its own kind only, "-" when undated. */
    assert_non_null(strstr(out, "<td>15 mars 2022</td><td></td>"));
    assert_non_null(strstr(out, "<td></td><td>1er mars 2022</td>"));
    assert_int_equal(count(out, "<td>-</td>"), 2);
    assert_non_null(strstr(out, "<desc id=\"t-d\">Chronologie. Réalisé" NBSP ": 1 15 mars 2022"));
    free(out);
    rp_arena_free(arena);
}

static void empty_chart(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena, "en");
    for (int kind = 0; kind < RP_CHART__MAX; kind++) {
        struct rp_node *c = rp_doc_add_chart(doc, &doc->body, kind, "Nothing", 0, 0);
        char *out = render(doc, c, "e");
        assert_non_null(strstr(out, "<figure id=\"e\" class=\"chart\">"));
        assert_non_null(strstr(out, "aria-describedby=\"e-d\"><title>Nothing</title>"));
        assert_non_null(strstr(out, "<desc id=\"e-d\">Nothing.</desc>"));
        assert_null(strstr(out, "<table"));
        free(out);
    }
    /* Without a title, the alternative text names the picture too. */
    struct rp_node *untitled = rp_doc_add_chart(doc, &doc->body, RP_CHART_DONUT, NULL, 0, 0);
    untitled->u.chart.description = "Shares.";
    char *bare = render(doc, untitled, "u");
    assert_non_null(strstr(bare, "aria-labelledby=\"u-d\" aria-describedby=\"u-d\""));
    assert_null(strstr(bare, "<title"));
    free(bare);
    /* Categories but no series: a picture cannot show anything either. */
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_BAR_GROUPED, "", 2, 0);
    rp_doc_chart_category(doc, c, 0, "A");
    rp_doc_chart_category(doc, c, 1, "B");
    char *out = render(doc, c, "e2");
    assert_null(strstr(out, "<figcaption"));
    assert_null(strstr(out, "<title"));
    assert_non_null(strstr(out, "aria-labelledby=\"e2-d\""));
    free(out);
    rp_arena_free(arena);
}

static void title_languages(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena, "fr");
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_BAR_GROUPED, "Budget de ", 1, 1);
    rp_spans_add(doc, &c->u.chart.title, RP_SPAN_TEXT, 0, "Beleidscel", NULL);
    rp_spans_lang(doc, &c->u.chart.title, 1, "nl");
    rp_doc_chart_category(doc, c, 0, "2022");
    rp_doc_chart_series(doc, c, 0, "Total <&>");
    rp_doc_chart_series_lang(doc, c, 0, "de");
    rp_doc_chart_value(c, 0, 0, -5);
    char *out = render(doc, c, "l");
    /* (The writer indents elements even inside text; a browser collapses the spaces.) */
    assert_non_null(
        strstr(collapse(out), "<figcaption>Budget de <span lang=\"nl\">Beleidscel</span>"));
    assert_non_null(strstr(out, "<title>Budget de Beleidscel</title>"));
    assert_non_null(strstr(out, "<th scope=\"col\" lang=\"de\">Total &lt;&amp;&gt;</th>"));
    assert_non_null(strstr(out, "<td class=\"num\">" RP_MINUS "5</td>"));
    free(out);

    /* A title wholly in another language is marked as the page's other text is. */
    struct rp_node *d = rp_doc_add_chart(doc, &doc->body, RP_CHART_BAR_GROUPED, "Overzicht", 1, 1);
    rp_spans_lang(doc, &d->u.chart.title, 0, "nl");
    rp_doc_chart_category(doc, d, 0, "2022");
    rp_doc_chart_series(doc, d, 0, "Total");
    rp_doc_chart_value(d, 0, 0, 5);
    out = render(doc, d, "m");
    assert_non_null(
        strstr(collapse(out), "<figcaption><span lang=\"nl\">Overzicht</span></figcaption>"));
    assert_non_null(strstr(out, "<caption><span lang=\"nl\">Overzicht</span></caption>"));
    free(out);
    rp_arena_free(arena);
}

/* The title's inline markup is kept, in the caption and in the data table's caption, as it
 * is in the rest of the page; the SVG's own title is its plain text. */
static void title_markup(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena, "fr");
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_BAR_GROUPED, "Budget ", 1, 1);
    rp_spans_add(doc, &c->u.chart.title, RP_SPAN_TEXT, RP_SPAN_EM, "initial", NULL);
    rp_spans_add(doc, &c->u.chart.title, RP_SPAN_TEXT, RP_SPAN_SUP, "1", NULL);
    rp_doc_chart_category(doc, c, 0, "2022");
    rp_doc_chart_series(doc, c, 0, "Total");
    rp_doc_chart_value(c, 0, 0, 5);
    char *out = collapse(render(doc, c, "k"));
    assert_non_null(strstr(out, "<figcaption>Budget <em>initial</em><sup>1</sup></figcaption>"));
    assert_non_null(strstr(out, "<caption>Budget <em>initial</em><sup>1</sup></caption>"));
    assert_non_null(strstr(out, "<title>Budget initial1</title>"));
    free(out);
    rp_arena_free(arena);
}

/* The events both timelines draw: dated ones only, in the first series that dates them; sorted
 * by place, and events of one day in their categories' order however they come in. */
static void timeline_events(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena, "fr");
    const char *names[] = {"E0", "E1", "E2", "E3", "E4", "E5"};
    const long days[] = {300, 100, 300, -1, 100, 300}; /* E3 undated */
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_TIMELINE, "Chronologie", 6, 2);
    for (size_t i = 0; i < 6; i++) {
        rp_doc_chart_category(doc, c, i, names[i]);
        if (days[i] >= 0)
            rp_doc_chart_value(c, i % 2, i, (double)days[i]);
    }
    rp_doc_chart_value(c, 1, 0, 50.0); /* E0 also in the second series: the first one counts */
    struct rp_chart_event ev[6];
    long lo, hi;
    size_t n = rp_chart_events(&c->u.chart, ev, &lo, &hi);
    assert_int_equal(n, 5);
    assert_int_equal(lo, 100);
    assert_int_equal(hi, 300);
    assert_int_equal(ev[0].series, 0);
    assert_true(ev[0].x == 300);
    /* Every rotation of the input sorts to one order: by day, then by category. */
    static const size_t want[] = {1, 4, 0, 2, 5};
    for (size_t rot = 0; rot < n; rot++) {
        struct rp_chart_event in[6];
        for (size_t k = 0; k < n; k++)
            in[k] = ev[(k + rot) % n];
        /* Reversed too, so that ties reach qsort in both orders. */
        if (rot % 2)
            for (size_t k = 0; k < n / 2; k++) {
                struct rp_chart_event t = in[k];
                in[k] = in[n - 1 - k];
                in[n - 1 - k] = t;
            }
        rp_chart_sort_events(in, n);
        for (size_t k = 0; k < n; k++)
            assert_int_equal(in[k].order, want[k]);
    }
    rp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grouped_bars), cmocka_unit_test(stacked_bars_nl),
        cmocka_unit_test(donut),        cmocka_unit_test(timeline),
        cmocka_unit_test(empty_chart),  cmocka_unit_test(title_languages),
        cmocka_unit_test(title_markup), cmocka_unit_test(timeline_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
