/* Table widths from content (render/table_width.h) with fixed-width fake metrics: minimum
 * and maximum widths, the three regimes of CSS automatic table layout, the portrait or
 * landscape decision, a status symbol kept with its word, dates kept whole unless they
 * must break, decimal alignment, one grid for tables with the same columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "fake_metrics.h"
#include "render/table_width.h"
#include "templates/theme.h"
#include "util/arena.h"

/* Every character is half an em wide, a space (also a no-break one) a quarter: at size 10 a
 * character is 5 points, a space 2.5. */
#define PAD 4.0

struct fixture {
    struct rp_arena *arena;
    struct rp_doc *doc;
};

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    fx->arena = rp_arena_new();
    fx->doc = rp_doc_new(fx->arena);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    rp_arena_free(fx->arena);
    free(fx);
    return 0;
}

/* A table of `cols` columns (aligned as `align`), headed by `head`, with `rows` rows of
 * `cells` (rows * cols texts, NULL for none). */
static struct rp_node *table(struct fixture *fx, size_t cols, const enum rp_align *align,
                             const char *const *head, size_t rows, const char *const *cells)
{
    struct rp_node *t = rp_doc_add_table(fx->doc, &fx->doc->body, cols, NULL);
    for (size_t c = 0; c < cols; c++)
        rp_doc_table_column(t, c, align[c], c == 0);
    if (head) {
        struct rp_doc_header_row *h = rp_doc_table_header_row(fx->doc, t);
        for (size_t c = 0; c < cols; c++)
            rp_doc_header_cell(fx->doc, h, head[c], 1, align[c]);
    }
    for (size_t r = 0; r < rows; r++) {
        size_t i = rp_doc_table_row(fx->doc, t, RP_DOC_ROW_LINE);
        for (size_t c = 0; c < cols; c++)
            if (cells[r * cols + c])
                rp_doc_table_cell(fx->doc, t, i, c, cells[r * cols + c], NULL, 0);
    }
    return t;
}

static const enum rp_align text2[] = {RP_ALIGN_LEFT, RP_ALIGN_LEFT};

static double sum_width(const struct rp_column_plan *plan, size_t n)
{
    double s = 0;
    for (size_t c = 0; c < n; c++)
        s += plan[c].width;
    return s;
}

static void test_min_is_longest_word_max_is_one_line(void **state)
{
    struct fixture *fx = *state;
    const char *cells[] = {"un deux trois", "abcdefghij", "quatre", "x"};
    struct rp_node *t = table(fx, 2, text2, NULL, 2, cells);
    struct rp_column_plan plan[2];
    double total = rp_table_measure(&t->u.table, &metrics, 10, PAD, ',', plan);
    /* Column 0: "quatre" and "trois"... the longest word is "quatre" (30) + 2 pads. */
    assert_float_equal(plan[0].min, 30 + 2 * PAD, 0.01);
    /* "un deux trois": 11 characters and 2 spaces on one line. */
    assert_float_equal(plan[0].max, 11 * 5 + 2 * 2.5 + 2 * PAD, 0.01);
    assert_float_equal(plan[1].min, 50 + 2 * PAD, 0.01);
    assert_float_equal(plan[1].max, 50 + 2 * PAD, 0.01);
    assert_float_equal(total, plan[0].min + plan[1].min, 0.01);
}

static void test_regime_all_on_one_line(void **state)
{
    struct fixture *fx = *state;
    const char *cells[] = {"un deux trois", "abcdefghij"};
    struct rp_node *t = table(fx, 2, text2, NULL, 1, cells);
    struct rp_column_plan plan[2];
    rp_table_measure(&t->u.table, &metrics, 10, PAD, ',', plan);
    double sum_max = plan[0].max + plan[1].max, avail = sum_max + 100;
    rp_table_fit(&t->u.table, plan, avail);
    /* Full width, the room left shared in proportion to max. */
    assert_float_equal(sum_width(plan, 2), avail, 0.01);
    assert_float_equal(plan[0].width, plan[0].max * avail / sum_max, 0.01);
    assert_float_equal(plan[1].width, plan[1].max * avail / sum_max, 0.01);
}

static void test_regime_between_min_and_max(void **state)
{
    struct fixture *fx = *state;
    const char *cells[] = {"aaaa bbbb cccc dddd eeee ffff", "gg hh ii jj"};
    struct rp_node *t = table(fx, 2, text2, NULL, 1, cells);
    struct rp_column_plan plan[2];
    double sum_min = rp_table_measure(&t->u.table, &metrics, 10, PAD, ',', plan);
    double sum_max = plan[0].max + plan[1].max, avail = (sum_min + sum_max) / 2;
    assert_true(sum_min < avail && avail < sum_max);
    rp_table_fit(&t->u.table, plan, avail);
    double k = (avail - sum_min) / (sum_max - sum_min);
    for (size_t c = 0; c < 2; c++)
        assert_float_equal(plan[c].width, plan[c].min + (plan[c].max - plan[c].min) * k, 0.01);
    assert_float_equal(sum_width(plan, 2), avail, 0.01);
    assert_true(rp_table_fits(&t->u.table, plan, avail));
}

static void test_regime_does_not_fit(void **state)
{
    struct fixture *fx = *state;
    const char *cells[] = {"anticonstitutionnellement", "incompréhensibilité"};
    struct rp_node *t = table(fx, 2, text2, NULL, 1, cells);
    struct rp_column_plan plan[2];
    double sum_min = rp_table_measure(&t->u.table, &metrics, 10, PAD, ',', plan);
    assert_false(rp_table_fits(&t->u.table, plan, sum_min - 1));
    assert_true(rp_table_fits(&t->u.table, plan, sum_min));
    /* Forced into less, the table still stays within the width. */
    rp_table_fit(&t->u.table, plan, sum_min - 10);
    assert_float_equal(sum_width(plan, 2), sum_min - 10, 0.01);
}

static void test_landscape_only_when_portrait_fails_at_smallest_size(void **state)
{
    struct fixture *fx = *state;
    const char *narrow[] = {"court", "mot"};
    const char *wide[] = {"anticonstitutionnellement", "incompréhensibilité"};
    struct rp_node *a = table(fx, 2, text2, NULL, 1, narrow);
    struct rp_node *b = table(fx, 2, text2, NULL, 1, wide);
    struct rp_column_plan plan[2];
    struct rp_table_decision d;
    /* At 10 points "anticonstitutionnellement" (25 characters) takes 125 + 8, at 6 points
     * 75 + 8; "incompréhensibilité" (19) 95 + 8, or 57 + 8. */
    struct rp_table_geometry g = {
        .portrait = 200, .landscape = 300, .size = 10, .min_size = 6, .padding = PAD, .sep = ','};
    const struct rp_doc_table *ta = &a->u.table, *tw = &b->u.table;
    assert_true(rp_table_decide(&ta, 1, &metrics, &g, plan, &d));
    assert_false(d.landscape);
    assert_float_equal(d.size, 10, 0);
    assert_float_equal(sum_width(plan, 2), 200, 0.01);
    /* 236 at 10 points does not fit 200, 148 at 6 does: portrait, smaller. */
    assert_true(rp_table_decide(&tw, 1, &metrics, &g, plan, &d));
    assert_false(d.landscape);
    assert_float_equal(d.size, 6, 0);
    /* Not even at 6 points in 140: landscape, at the document's size since 236 fits 300. */
    g.portrait = 140;
    assert_true(rp_table_decide(&tw, 1, &metrics, &g, plan, &d));
    assert_true(d.landscape);
    assert_float_equal(d.size, 10, 0);
    assert_float_equal(sum_width(plan, 2), 300, 0.01);
    /* Neither: landscape at the smallest size. */
    g.landscape = 200;
    assert_true(rp_table_decide(&tw, 1, &metrics, &g, plan, &d));
    assert_true(d.landscape);
    assert_float_equal(d.size, 6, 0);
    /* Imposed by another edition: landscape for a table that fits portrait, at the
     * document's size; portrait for one that does not fit, at the smallest. */
    g = (struct rp_table_geometry){.portrait = 200,
                                   .landscape = 300,
                                   .size = 10,
                                   .min_size = 6,
                                   .padding = PAD,
                                   .sep = ',',
                                   .force = RP_TABLE_LANDSCAPE};
    assert_true(rp_table_decide(&ta, 1, &metrics, &g, plan, &d));
    assert_true(d.landscape);
    assert_float_equal(d.size, 10, 0);
    assert_float_equal(sum_width(plan, 2), 300, 0.01);
    g.force = RP_TABLE_PORTRAIT;
    g.portrait = 140;
    assert_true(rp_table_decide(&tw, 1, &metrics, &g, plan, &d));
    assert_false(d.landscape);
    assert_float_equal(d.size, 6, 0);
    assert_float_equal(sum_width(plan, 2), 140, 0.01);
}

static void test_status_symbol_stays_with_its_word(void **state)
{
    struct fixture *fx = *state;
    char *bound = rp_cell_bind("\xe2\x96\xa0 R\xc3\xa9"
                               "alis\xc3\xa9",
                               0, false);
    assert_non_null(bound);
    assert_string_equal(bound, "\xe2\x96\xa0\xc2\xa0R\xc3\xa9"
                               "alis\xc3\xa9");
    free(bound);
    /* Only the space after the symbol: "◐ Partiellement atteint" may break before
     * "atteint". */
    bound = rp_cell_bind("\xe2\x97\x90 Partiellement atteint", 0, false);
    assert_string_equal(bound, "\xe2\x97\x90\xc2\xa0Partiellement atteint");
    free(bound);
    assert_null(rp_cell_bind("Dans les temps", 0, true));
    /* The partial status's symbol is two glyphs, one symbol: "●○ Partiellement". */
    bound = rp_cell_bind("\xe2\x97\x8f\xe2\x97\x8b Partiellement atteint", 0, false);
    assert_string_equal(bound, "\xe2\x97\x8f\xe2\x97\x8b\xc2\xa0Partiellement atteint");
    free(bound);
    /* A symbol run that ends in a letter is not a status symbol. */
    assert_null(rp_cell_bind("\xe2\x97\x8fx Partiellement", 0, true));
    /* In the minimum width: "■ Réalisé" is 1 + 1 + 7 characters, one piece. */
    const char *cells[] = {"1", "\xe2\x96\xa0 R\xc3\xa9"
                                "alis\xc3\xa9"};
    struct rp_node *t = table(fx, 2, text2, NULL, 1, cells);
    struct rp_column_plan plan[2];
    rp_table_measure(&t->u.table, &metrics, 10, PAD, ',', plan);
    assert_float_equal(plan[1].min, 5 + 2.5 + 35 + 2 * PAD, 0.01);
    assert_float_equal(plan[1].min_broken, plan[1].min, 0.01);
}

static void test_labels_whole_unless_they_must_break(void **state)
{
    struct fixture *fx = *state;
    /* A label: every space bound whole, none broken; the same text unflagged is left alone. */
    char *bound = rp_cell_bind("Dans les temps", RP_CELL_LABEL, true);
    assert_string_equal(bound, "Dans\xc2\xa0les\xc2\xa0temps");
    free(bound);
    assert_null(rp_cell_bind("Dans les temps", RP_CELL_LABEL, false));
    assert_true(rp_cell_whole_if_fits("Dans les temps", RP_CELL_LABEL));
    assert_false(rp_cell_whole_if_fits("Dans les temps", 0));
    /* A status label keeps its symbol bound when broken. */
    bound = rp_cell_bind("\xe2\x97\x90 Partiellement atteint", RP_CELL_LABEL | RP_CELL_WARN, false);
    assert_string_equal(bound, "\xe2\x97\x90\xc2\xa0Partiellement atteint");
    free(bound);

    /* "Non démarré" in the minimum width: whole (10 characters and a space, 52.5) where it can
     * have it, "démarré" alone (35) when broken; unflagged, "démarré" both ways. */
    const char *cells[] = {"Projet", "Non d\xc3\xa9marr\xc3\xa9"};
    struct rp_node *t = table(fx, 2, text2, NULL, 1, cells);
    struct rp_column_plan plan[2];
    rp_table_measure(&t->u.table, &metrics, 10, PAD, ',', plan);
    assert_float_equal(plan[1].min, 35 + 2 * PAD, 0.01);
    t->u.table.rows[0].cells[1].flags = RP_CELL_LABEL;
    rp_table_measure(&t->u.table, &metrics, 10, PAD, ',', plan);
    assert_float_equal(plan[1].min, 52.5 + 2 * PAD, 0.01);
    assert_float_equal(plan[1].min_broken, 35 + 2 * PAD, 0.01);
}

static void test_dates_whole_unless_they_must_break(void **state)
{
    struct fixture *fx = *state;
    assert_true(rp_text_is_date("31 d\xc3\xa9"
                                "cembre 2025"));
    assert_true(rp_text_is_date("1er mars 2023"));
    assert_true(rp_text_is_date("mars 2023"));
    assert_true(rp_text_is_date("22 februari 2022"));
    assert_true(rp_text_is_date("3 d\xc3\xa9"
                                "c. 2024"));
    assert_false(rp_text_is_date("Ligne 1000"));
    assert_false(rp_text_is_date("31 d\xc3\xa9"
                                 "cembre"));
    assert_false(rp_text_is_date("le 31 mars 2023 au plus tard"));
    char *bound = rp_cell_bind("31 mars 2023", 0, true);
    assert_string_equal(bound, "31\xc2\xa0mars\xc2\xa0"
                               "2023");
    free(bound);
    assert_null(rp_cell_bind("31 mars 2023", 0, false));

    /* "31 décembre 2025": 14 characters and 2 spaces whole (75); "décembre" (40) broken. */
    const char *cells[] = {"Projet", "31 d\xc3\xa9"
                                     "cembre 2025"};
    struct rp_node *t = table(fx, 2, text2, NULL, 1, cells);
    struct rp_column_plan plan[2];
    rp_table_measure(&t->u.table, &metrics, 10, PAD, ',', plan);
    assert_float_equal(plan[1].min, 75 + 2 * PAD, 0.01);
    assert_float_equal(plan[1].min_broken, 40 + 2 * PAD, 0.01);
    /* Room for the whole date: it gets at least its width. */
    rp_table_fit(&t->u.table, plan, plan[0].min + plan[1].min);
    assert_true(plan[1].width >= plan[1].min - 0.01);
    /* Not enough: it breaks between its words, never inside one. */
    double tight = plan[0].min + plan[1].min - 20;
    assert_true(rp_table_fits(&t->u.table, plan, tight));
    rp_table_fit(&t->u.table, plan, tight);
    assert_true(plan[1].width < plan[1].min);
    assert_true(plan[1].width >= plan[1].min_broken - 0.01);
    assert_float_equal(sum_width(plan, 2), tight, 0.01);
}

static void test_decimal_alignment(void **state)
{
    struct fixture *fx = *state;
    static const enum rp_align align[] = {RP_ALIGN_LEFT, RP_ALIGN_DECIMAL};
    const char *cells[] = {"a", "1.234", "b", "5,75", "c", "12,5 %", "d", "-"};
    struct rp_node *t = table(fx, 2, align, NULL, 4, cells);
    /* A detail line under a value is words that may wrap: it makes the column no wider
     * than its longest word. */
    rp_doc_table_cell(fx->doc, t, 0, 1, "1.234", "cinq jours ouvrables", 0);
    struct rp_column_plan plan[2];
    rp_table_measure(&t->u.table, &metrics, 10, PAD, ',', plan);
    /* Before the separator the widest is "1.234" (25); from it ",5 %" (4 characters and a
     * space: 17.5); the nil dash counts as an integer part. */
    assert_float_equal(plan[1].int_width, 25, 0.01);
    assert_float_equal(plan[1].frac_width, 17.5, 0.01);
    /* "ouvrables" at 0.82 of the size: 9 * 4.1 = 36.9, less than 25 + 17.5. */
    assert_float_equal(plan[1].min, 25 + 17.5 + 2 * PAD, 0.01);
    assert_true(plan[1].max > plan[1].min);
    assert_int_equal(rp_decimal_point("12,5 %", 6, ','), 2);
    assert_int_equal(rp_decimal_point("12 %", 4, ','), 2);
    assert_int_equal(rp_decimal_point("72 % / 96 %", 11, ','), 2);
    assert_int_equal(rp_decimal_point("1.816.852", 9, ','), 9);
    assert_int_equal(rp_decimal_point("-5.919,97", 9, ','), 6);
    assert_int_equal(rp_decimal_point("1,816.5", 7, '.'), 5);
    assert_int_equal(rp_decimal_point("-", 1, ','), 1);
    assert_int_equal(rp_decimal_point("Oui", 3, ','), 3);
}

/* Where "12,5" and "3,75" were drawn, for the test below. */
struct drawn {
    double x_a, x_b;
};

static int on_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct drawn *d = ctx;
    for (size_t i = 0; i < page->count && !overlay; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind != RP_ITEM_TEXT)
            continue;
        if (it->len == 4 && !memcmp(it->text, "12,5", 4))
            d->x_a = it->x;
        if (it->len == 4 && !memcmp(it->text, "3,75", 4))
            d->x_b = it->x;
    }
    return 0;
}

static void test_right_numeric_column_aligns_decimals(void **state)
{
    struct fixture *fx = *state;
    static const enum rp_align align[] = {RP_ALIGN_LEFT, RP_ALIGN_RIGHT};
    static const char *const head[] = {"Indicateur", "2023"};
    const char *cells[] = {"a", "12,5", "b", "3,75", "c", "4,5 jours", "d", "-"};
    struct rp_node *t = table(fx, 2, align, head, 4, cells);
    assert_true(rp_column_decimal(&t->u.table, 1));
    assert_false(rp_column_decimal(&t->u.table, 0));
    const char *words[] = {"a", "Oui", "b", "3,75"};
    struct rp_node *w = table(fx, 2, align, NULL, 2, words);
    assert_false(rp_column_decimal(&w->u.table, 1));

    /* Laid out, the commas of "12,5" and "3,75" are at the same x. */
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->title = "T";
    doc->organisation = "O";
    doc->lang = "fr";
    doc->cover = false;
    fx->doc = doc;
    table(fx, 2, align, head, 4, cells);
    struct rp_theme theme;
    rp_theme_default(&theme);
    struct rp_layout_env env = {.theme = &theme, .metrics = &metrics, .arena = fx->arena};
    struct drawn d = {0};
    struct rp_layout_sink sink = {&d, on_page};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_true(d.x_a > 0 && d.x_b > 0);
    double size = theme.table_size, ch = size / 2;
    assert_float_equal(d.x_a + 2 * ch, d.x_b + ch, 0.01);
}

static void test_tables_with_the_same_columns_share_a_grid(void **state)
{
    struct fixture *fx = *state;
    static const char *const head[] = {"Indicateur", "Norme"};
    static const char *const other[] = {"Projet", "Norme"};
    const char *c1[] = {"court", "x"};
    const char *c2[] = {"x", "une norme nettement plus longue"};
    struct rp_node *a = table(fx, 2, text2, head, 1, c1);
    struct rp_node *b = table(fx, 2, text2, head, 1, c2);
    struct rp_node *c = table(fx, 2, text2, other, 1, c2);
    const struct rp_doc_table *grid[4];
    size_t n = rp_table_grid(fx->doc, &a->u.table, grid, 4);
    assert_int_equal(n, 2);
    assert_ptr_equal(grid[0], &a->u.table);
    assert_ptr_equal(grid[1], &b->u.table);
    assert_int_equal(rp_table_grid(fx->doc, &c->u.table, grid, 4), 1);
    /* Measured together, both get the same widths, the union of their contents. */
    struct rp_column_plan pa[2], pb[2], pu[2];
    const struct rp_doc_table *both[] = {&a->u.table, &b->u.table};
    rp_table_measure(&a->u.table, &metrics, 10, PAD, ',', pa);
    rp_table_measure(&b->u.table, &metrics, 10, PAD, ',', pb);
    rp_table_measure_union(both, 2, &metrics, 10, PAD, ',', pu);
    for (size_t k = 0; k < 2; k++) {
        assert_float_equal(pu[k].min, pa[k].min > pb[k].min ? pa[k].min : pb[k].min, 0.01);
        assert_float_equal(pu[k].max, pa[k].max > pb[k].max ? pa[k].max : pb[k].max, 0.01);
    }
    struct rp_table_geometry g = {
        .portrait = 400, .landscape = 600, .size = 10, .min_size = 6, .padding = PAD, .sep = ','};
    struct rp_table_decision d;
    struct rp_column_plan w1[2], w2[2];
    const struct rp_doc_table *ba[] = {&b->u.table, &a->u.table};
    assert_true(rp_table_decide(both, 2, &metrics, &g, w1, &d));
    assert_true(rp_table_decide(ba, 2, &metrics, &g, w2, &d));
    assert_float_equal(w1[0].width, w2[0].width, 0.001);
    assert_float_equal(w1[1].width, w2[1].width, 0.001);
}

/* Counts the characters measured, to see what the memo spares. */
static double counted_advance(void *ctx, enum rp_face face, uint32_t cp)
{
    ++*(size_t *)ctx;
    return fake_advance(NULL, face, cp);
}

static void test_memo_gives_the_same_widths_measuring_each_table_once(void **state)
{
    struct fixture *fx = *state;
    static const enum rp_align align[] = {RP_ALIGN_LEFT, RP_ALIGN_RIGHT, RP_ALIGN_LEFT};
    static const char *const head[] = {"Projet", "Montant", "Échéance"};
    const char *c1[] = {"court", "12,5", "31 décembre 2025", "b", "1.816.852", "mars 2023"};
    const char *c2[] = {"un libellé nettement plus long", "-", "x", "d", "3,75 %", NULL};
    const char *c3[] = {"■ Réalisé", "4,5 jours", "22 februari 2022"};
    struct rp_node *a = table(fx, 3, align, head, 2, c1);
    struct rp_node *b = table(fx, 3, align, head, 2, c2);
    struct rp_node *c = table(fx, 3, align, head, 1, c3);
    const struct rp_doc_table *grid[] = {&a->u.table, &b->u.table, &c->u.table};
    size_t calls = 0;
    struct rp_metrics counting = metrics;
    counting.ctx = &calls;
    counting.advance = counted_advance;
    struct rp_table_memo *memo = rp_table_memo_new();
    static const double sizes[] = {10, 7.5};
    for (size_t k = 0; k < 2; k++) {
        struct rp_column_plan plain[3], memoized[3], again[3];
        double total = rp_table_measure_union(grid, 3, &counting, sizes[k], PAD, ',', plain);
        calls = 0;
        double first =
            rp_table_measure_memo(grid, 3, &counting, sizes[k], PAD, ',', memo, memoized);
        assert_true(calls > 0);
        assert_int_equal(rp_table_memo_count(memo), 3 * (k + 1));
        calls = 0;
        /* The grid's tables in another order, as deciding another of its tables asks. */
        const struct rp_doc_table *other[] = {&c->u.table, &a->u.table, &b->u.table};
        double second = rp_table_measure_memo(other, 3, &counting, sizes[k], PAD, ',', memo, again);
        assert_int_equal(calls, 0);
        assert_int_equal(rp_table_memo_count(memo), 3 * (k + 1));
        assert_true(total == first && first == second);
        assert_memory_equal(plain, memoized, sizeof plain);
        assert_memory_equal(plain, again, sizeof plain);
    }
    /* A table alone, measured before as part of the grid: the same as measured alone. */
    struct rp_column_plan alone[3], alone_memo[3];
    rp_table_measure(&b->u.table, &counting, 10, PAD, ',', alone);
    calls = 0;
    rp_table_measure_memo(grid + 1, 1, &counting, 10, PAD, ',', memo, alone_memo);
    assert_int_equal(calls, 0);
    assert_memory_equal(alone, alone_memo, sizeof alone);
    /* Another separator is another measure. */
    rp_table_measure_memo(grid, 1, &counting, 10, PAD, '.', memo, alone_memo);
    assert_int_equal(rp_table_memo_count(memo), 7);
    /* The decision is the same with the memo as without. */
    struct rp_table_geometry g = {
        .portrait = 150, .landscape = 600, .size = 10, .min_size = 6, .padding = PAD, .sep = ','};
    struct rp_table_decision d1, d2;
    struct rp_column_plan w1[3], w2[3];
    assert_true(rp_table_decide(grid, 3, &counting, &g, w1, &d1));
    g.memo = memo;
    assert_true(rp_table_decide(grid, 3, &counting, &g, w2, &d2));
    assert_true(d1.landscape == d2.landscape && d1.size == d2.size);
    assert_memory_equal(w1, w2, sizeof w1);
    rp_table_memo_free(memo);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_min_is_longest_word_max_is_one_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_regime_all_on_one_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_regime_between_min_and_max, setup, teardown),
        cmocka_unit_test_setup_teardown(test_regime_does_not_fit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_landscape_only_when_portrait_fails_at_smallest_size,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_status_symbol_stays_with_its_word, setup, teardown),
        cmocka_unit_test_setup_teardown(test_labels_whole_unless_they_must_break, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dates_whole_unless_they_must_break, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decimal_alignment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_right_numeric_column_aligns_decimals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memo_gives_the_same_widths_measuring_each_table_once,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_tables_with_the_same_columns_share_a_grid, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
