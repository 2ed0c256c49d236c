/* Measure bars (a progress of 45 %): one element of the document tree, in a paragraph or a
 * table cell, drawn as vectors by the PDF layout (an outlined track and its filled share,
 * artifacts beside the figure that states them), as a hidden inline SVG by the HTML edition
 * with its figure in text, and written out by the text format; no glyph stands for it. */
#define _POSIX_C_SOURCE 200809L /* fileno, open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "default_templates.h"
#include "doc/doc.h"
#include "fake_metrics.h"
#include "render/layout.h"
#include "render/render.h"
#include "templates/theme.h"
#include "util/arena.h"
#include "util/diag.h"

static struct rp_doc *new_doc(struct rp_arena *arena)
{
    struct rp_doc *doc = rp_doc_new(arena);
    doc->lang = "fr";
    doc->title = "Barres";
    doc->organisation = "Org";
    doc->cover = false;
    return doc;
}

/* "Avancement : [bar] 45 %" and a table whose progress cell holds a bar of 3 out of 4. */
static void add_bars(struct rp_doc *doc)
{
    struct rp_node *p = rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, "Avancement : ");
    rp_spans_add_bar(doc, &p->u.paragraph.text, 45, 100, "45\xc2\xa0%");
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 2, "Projets");
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, t);
    rp_doc_header_cell(doc, h, "Projet", 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, "Avancement", 1, RP_ALIGN_LEFT);
    size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
    rp_doc_table_cell(doc, t, r, 0, "Site web", NULL, 0);
    rp_doc_table_cell(doc, t, r, 1, "3 sur 4", NULL, 0);
    rp_doc_cell_bar(doc, t, r, 1, 3, 4);
}

static void test_share(void **state)
{
    (void)state;
    const struct rp_doc_bar bars[] = {{45, 100}, {3, 4}, {0, 100},  {120, 100},
                                      {-5, 100}, {5, 0}, {NAN, 100}};
    const double share[] = {0.45, 0.75, 0, 1, 0, 0, 0};
    for (size_t i = 0; i < sizeof bars / sizeof *bars; i++)
        assert_true(fabs(rp_doc_bar_share(&bars[i]) - share[i]) < 1e-9);
    assert_true(rp_doc_bar_share(NULL) == 0);
}

static void test_tree_and_text(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena);
    add_bars(doc);
    const struct rp_spans *s = &doc->body.items[0]->u.paragraph.text;
    assert_int_equal(s->count, 2);
    assert_null(s->items[0].bar);
    assert_non_null(s->items[1].bar);
    assert_true(s->items[1].bar->value == 45 && s->items[1].bar->max == 100);
    /* The figure is the span's text: what every backend reads and a reader hears. */
    assert_string_equal(s->items[1].text, "45\xc2\xa0%");
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    rp_render_text(doc, f);
    fclose(f);
    assert_non_null(strstr(out, "Avancement : [bar 45/100] 45\xc2\xa0%"));
    assert_non_null(strstr(out, "[bar 3/4] 3 sur 4"));
    /* No square glyph stands for a bar. */
    assert_null(strstr(out, "\xe2\x96\xa0"));
    assert_null(strstr(out, "\xe2\x96\xa1"));
    free(out);
    rp_arena_free(arena);
}

/* What the pages draw of each bar: the box of its track (the union of its pieces), the
 * width of its filled part, whether every piece is an artifact, and where its figure's
 * text starts. */
struct drawn {
    const struct rp_doc_bar *bar[4];
    double x0[4], x1[4], y0[4], y1[4], fill[4];
    bool artifact[4];
    size_t count;
    double figure_x[4]; /* of the text "45" and "3" */
};

static int on_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct drawn *d = ctx;
    if (overlay)
        return 0;
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind == RP_ITEM_TEXT && it->len >= 1 &&
            (it->text[0] == '4' || it->text[0] == '3')) {
            size_t k = it->text[0] == '4' ? 0 : 1;
            d->figure_x[k] = it->x;
        }
        if (!it->bar)
            continue;
        size_t k = 0;
        while (k < d->count && d->bar[k] != it->bar)
            k++;
        if (k == d->count) {
            assert_true(d->count < 4);
            d->bar[d->count] = it->bar;
            d->x0[k] = d->y0[k] = 1e9;
            d->x1[k] = d->y1[k] = -1e9;
            d->artifact[k] = true;
            d->count++;
        }
        double x0 = fmin(it->x, it->x + it->w), x1 = fmax(it->x, it->x + it->w);
        double y0 = fmin(it->y, it->y + it->h), y1 = fmax(it->y, it->y + it->h);
        d->x0[k] = fmin(d->x0[k], x0);
        d->x1[k] = fmax(d->x1[k], x1);
        d->y0[k] = fmin(d->y0[k], y0);
        d->y1[k] = fmax(d->y1[k], y1);
        if (it->kind == RP_ITEM_RECT)
            d->fill[k] += it->w;
        d->artifact[k] = d->artifact[k] && it->elem == 0 && it->artifact == RP_ART_LAYOUT;
        assert_true(it->kind == RP_ITEM_RECT || it->kind == RP_ITEM_LINE);
    }
    return 0;
}

static void test_pdf_draws_vectors(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_theme theme;
    rp_theme_default(&theme);
    struct rp_layout_env env = {.theme = &theme, .metrics = &metrics, .arena = arena};
    struct rp_doc *doc = new_doc(arena);
    add_bars(doc);
    struct drawn d = {0};
    struct rp_layout_sink sink = {&d, on_page};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_int_equal(d.count, 2);
    static const double share[] = {0.45, 0.75};
    for (size_t k = 0; k < 2; k++) {
        double w = d.x1[k] - d.x0[k];
        assert_true(w > 10);
        assert_true(d.y1[k] - d.y0[k] > 2);
        /* The filled part is the share of the track (the outline's half-strokes aside). */
        assert_true(fabs(d.fill[k] - share[k] * (w - 0.5)) < 0.6);
        /* Decoration: the figure is in the text, after the bar, not under it. */
        assert_true(d.artifact[k]);
        assert_true(d.figure_x[k] > d.x1[k]);
    }
    rp_arena_free(arena);
}

static char *html_of(const struct rp_doc *doc)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    struct rp_diags diags;
    rp_diags_init(&diags);
    assert_int_equal(rp_render_html(doc, default_templates(), fileno(f), "t.html", &diags), 0);
    rp_diags_free(&diags);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    rewind(f);
    char *out = calloc(1, (size_t)size + 1);
    assert_int_equal(fread(out, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    return out;
}

/* The element that starts at `at` up to its closing tag `end` (included), in a copy. */
static char *element(const char *at, const char *end)
{
    assert_non_null(at);
    const char *stop = strstr(at, end);
    assert_non_null(stop);
    size_t n = (size_t)(stop - at) + strlen(end);
    char *out = calloc(1, n + 1);
    memcpy(out, at, n);
    return out;
}

static void test_html_hides_the_drawing(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = new_doc(arena);
    add_bars(doc);
    char *html = html_of(doc);
    /* The paragraph's bar and figure unbroken; the drawing hidden, the figure in text. */
    char *measure = element(strstr(html, "<span class=\"measure\">"), "</span>");
    assert_non_null(strstr(measure, "<svg class=\"bar\""));
    assert_non_null(strstr(measure, "aria-hidden=\"true\""));
    assert_non_null(strstr(measure, "width=\"18.0\"")); /* 45 % of 40 */
    assert_non_null(strstr(measure, "</svg>45\xc2\xa0%</span>"));
    free(measure);
    char *cell = element(strstr(html, "<span class=\"status\"><svg class=\"bar\""), "</span>");
    assert_non_null(strstr(cell, "width=\"30.0\"")); /* 3 out of 4 */
    assert_non_null(strstr(cell, "</svg>3 sur 4</span>"));
    free(cell);
    /* The stylesheet sizes and colours the bar. */
    assert_non_null(strstr(html, "svg.bar .fill{fill:var(--primary)}"));
    free(html);
    rp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_share),
        cmocka_unit_test(test_tree_and_text),
        cmocka_unit_test(test_pdf_draws_vectors),
        cmocka_unit_test(test_html_hides_the_drawing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
