/* Pagination rules of the layout, with fixed-width fake metrics: a table splits only leaving
 * at least three rows on both pages, headings and captions keep with what follows, repeated
 * notes print once, no page is left short before a block that can be split, and a landscape
 * table floats after the portrait text that follows it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "fake_metrics.h"
#include "render/layout.h"
#include "util/arena.h"

struct fixture {
    struct rp_arena *arena;
    struct rp_theme theme;
    struct rp_layout_env env;
};

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    fx->arena = rp_arena_new();
    rp_theme_default(&fx->theme);
    fx->theme.justify = false; /* ragged lines come out as one text item each */
    fx->env = (struct rp_layout_env){.theme = &fx->theme, .metrics = &metrics, .arena = fx->arena};
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

/* The text items of every page, in order, as the layout emits them. */
#define MAX_PAGES 64
#define MAX_TEXTS 400
struct text_log {
    size_t pages;
    size_t count[MAX_PAGES];
    char text[MAX_PAGES][MAX_TEXTS][40];
    float y[MAX_PAGES][MAX_TEXTS];
    bool landscape[MAX_PAGES];
    double content_top, content_bottom; /* of a portrait page */
};

static int log_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct text_log *log = ctx;
    if (overlay || page->index >= MAX_PAGES)
        return 0;
    size_t p = page->index;
    log->pages = p + 1;
    log->landscape[p] = page->width > page->height;
    for (size_t i = 0; i < page->count && log->count[p] < MAX_TEXTS; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind != RP_ITEM_TEXT || it->artifact == RP_ART_HEADER ||
            it->artifact == RP_ART_FOOTER)
            continue;
        snprintf(log->text[p][log->count[p]], sizeof log->text[p][0], "%.*s", (int)it->len,
                 it->text);
        log->y[p][log->count[p]++] = it->y;
    }
    return 0;
}

static struct text_log *lay_out(struct fixture *fx, struct rp_doc *doc)
{
    struct text_log *log = calloc(1, sizeof *log);
    struct rp_layout_sink sink = {log, log_page};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    assert_int_equal(res.page_count, log->pages);
    rp_layout_result_free(&res);
    return log;
}

/* Texts of page p starting with `prefix`. */
static int count_on(const struct text_log *log, size_t p, const char *prefix)
{
    int n = 0;
    for (size_t i = 0; i < log->count[p]; i++)
        n += strncmp(log->text[p][i], prefix, strlen(prefix)) == 0;
    return n;
}

/* The page of the first text starting with `prefix`, or -1. */
static long page_of(const struct text_log *log, const char *prefix)
{
    for (size_t p = 0; p < log->pages; p++)
        if (count_on(log, p, prefix))
            return (long)p;
    return -1;
}

static struct rp_doc *new_doc(struct fixture *fx)
{
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->title = "Test";
    doc->organisation = "Org";
    doc->lang = "fr";
    doc->cover = false;
    return doc;
}

/* A paragraph of `lines` full lines (27 words of three letters fill the A4 measure at size 10)
 * whose words are `word`. */
static void add_lines(struct fixture *fx, struct rp_doc *doc, struct rp_nodes *into,
                      const char *word, int lines)
{
    (void)fx;
    char text[8192];
    size_t pos = 0;
    for (int w = 0; w < 27 * lines - 3 && pos + 16 < sizeof text; w++)
        pos += (size_t)snprintf(text + pos, sizeof text - pos, "%s ", word);
    rp_doc_add_paragraph(doc, into, RP_PARA_BODY, text);
}

/* A two-column table of `rows` rows labelled "Ligne N". */
static struct rp_node *add_table(struct rp_doc *doc, struct rp_nodes *into, int rows,
                                 const char *caption)
{
    struct rp_node *t = rp_doc_add_table(doc, into, 2, caption);
    rp_doc_table_column(t, 1, RP_ALIGN_DECIMAL, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, t);
    rp_doc_header_cell(doc, h, "Poste", 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, "Montant", 1, RP_ALIGN_DECIMAL);
    char label[32];
    for (int i = 0; i < rows; i++) {
        snprintf(label, sizeof label, "Ligne %d", i);
        size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(doc, t, r, 0, label, NULL, 0);
        rp_doc_table_cell(doc, t, r, 1, "1,5", NULL, 0);
    }
    return t;
}

/* ------------------------------------------------------------------ rule: table parts */

/* Tables of 1 to 60 rows after 0 to 60 lines of text: wherever the page ends, a table split
 * over pages holds at least three rows on every page, and every row is set once. */
static void test_table_parts_hold_three_rows(void **state)
{
    struct fixture *fx = *state;
    int split = 0;
    for (int rows = 1; rows <= 60; rows += 1) {
        for (int before = 0; before <= 60; before += 3) {
            struct rp_doc *doc = new_doc(fx);
            if (before)
                add_lines(fx, doc, &doc->body, "www", before);
            add_table(doc, &doc->body, rows, "Tableau");
            struct text_log *log = lay_out(fx, doc);
            int total = 0, parts = 0;
            for (size_t p = 0; p < log->pages; p++) {
                int n = count_on(log, p, "Ligne ");
                total += n;
                parts += n > 0;
            }
            assert_int_equal(total, rows);
            for (size_t p = 0; parts > 1 && p < log->pages; p++) {
                int n = count_on(log, p, "Ligne ");
                if (n > 0 && n < 3)
                    fail_msg("%d rows after %d lines: %d row(s) on page %zu", rows, before, n,
                             p + 1);
            }
            split += parts > 1;
            free(log);
        }
    }
    assert_true(split > 0); /* some tables do straddle pages */
}

/* ------------------------------------------------------------------ rule: keep with next */

/* A heading, or a run of headings (H2 then H3), lands on the page of the start of what it
 * heads: two lines of a paragraph (after a one-line status, if any), or a table's header
 * and first three rows. The text
 * before it grows a line at a time so that the headings meet every position of the page. */
static void test_headings_keep_with_next(void **state)
{
    struct fixture *fx = *state;
    int moved = 0;
    for (int what = 0; what < 3; what++) {
        for (int before = 1; before <= 60; before++) {
            struct rp_doc *doc = new_doc(fx);
            add_lines(fx, doc, &doc->body, "www", before);
            struct rp_node *h2 = rp_doc_add_section(doc, &doc->body, 2, NULL, "Titre");
            struct rp_node *h3 = rp_doc_add_section(doc, &h2->u.section.children, 3, NULL, "Sous");
            if (what == 2) /* a status line first: the text after it is kept too */
                rp_doc_add_paragraph(doc, &h3->u.section.children, RP_PARA_BODY, "Statut");
            if (what != 1)
                add_lines(fx, doc, &h3->u.section.children, "xxx", 6);
            else
                add_table(doc, &h3->u.section.children, 20, "Tableau");
            struct text_log *log = lay_out(fx, doc);
            long p2 = page_of(log, "Titre"), p3 = page_of(log, "Sous");
            long pt = page_of(log, what != 1 ? "xxx" : "Ligne ");
            assert_true(p2 >= 0 && p3 >= 0 && pt >= 0);
            if (p2 != p3 || p3 != pt)
                fail_msg("%d lines before: H2 on page %ld, H3 on %ld, what follows on %ld", before,
                         p2 + 1, p3 + 1, pt + 1);
            int with = count_on(log, (size_t)pt, what != 1 ? "xxx" : "Ligne ");
            if (with < (what != 1 ? 2 : 3))
                fail_msg("%d lines before: only %d line(s) or row(s) under the headings", before,
                         with);
            /* Headings that start the page after the text: moved, or the text ended there. */
            moved += p2 > 0 && count_on(log, (size_t)p2, "www") == 0;
            free(log);
        }
    }
    assert_true(moved > 0); /* some headings do follow text on a later page */
}

/* The title of a block of key figures is its caption: it lands on the page of the first row
 * of figures, wherever the text before ends. */
static void test_figure_caption_keeps_with_figures(void **state)
{
    struct fixture *fx = *state;
    int moved = 0;
    for (int before = 1; before <= 60; before++) {
        struct rp_doc *doc = new_doc(fx);
        add_lines(fx, doc, &doc->body, "www", before);
        struct rp_node *kf = rp_doc_add_key_figures(doc, &doc->body, "Chiffres");
        rp_doc_add_figure(doc, kf, "87", "conseils des ministres", NULL);
        rp_doc_add_figure(doc, kf, "31", "conseils nationaux", NULL);
        rp_doc_add_figure(doc, kf, "80", "comites", "de concertation");
        struct text_log *log = lay_out(fx, doc);
        long title = page_of(log, "Chiffres"), first = page_of(log, "87");
        assert_true(title >= 0 && first >= 0);
        if (title != first)
            fail_msg("%d lines before: caption on page %ld, figures on %ld", before, title + 1,
                     first + 1);
        moved += title > 0 && count_on(log, (size_t)title, "www") == 0;
        free(log);
    }
    assert_true(moved > 0);
}

/* ------------------------------------------------------------------ rule: inside, apart */

/* Texts of a page: their extent, to check they stay inside the content box, apart. */
struct extents {
    const struct rp_theme *theme;
    size_t texts, outside, overlaps;
};

static int check_extents(void *ctx, const struct rp_page *page, bool overlay)
{
    struct extents *e = ctx;
    if (overlay)
        return 0;
    double left = e->theme->margin_left, right = page->width - e->theme->margin_right;
    float x0[512], x1[512], y0[512], y1[512];
    size_t n = 0;
    for (size_t i = 0; i < page->count && n < 512; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind != RP_ITEM_TEXT || it->artifact == RP_ART_HEADER ||
            it->artifact == RP_ART_FOOTER || it->artifact == RP_ART_WATERMARK || it->len == 0)
            continue;
        double w = rp_text_width(&metrics, it->face, it->size, it->text, it->len);
        x0[n] = it->x;
        x1[n] = (float)(it->x + w);
        y0[n] = it->y - it->size * 0.8f;
        y1[n] = it->y + it->size * 0.2f;
        if (x0[n] < left - 1 || x1[n] > right + 1)
            e->outside++;
        n++;
    }
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++)
            if (fminf(x1[a], x1[b]) - fmaxf(x0[a], x0[b]) > 1 &&
                fminf(y1[a], y1[b]) - fmaxf(y0[a], y0[b]) > 1)
                e->overlaps++;
    e->texts += n;
    return 0;
}

/* Key figures whose values are too wide for their boxes ("326,515 millions d'euros") and a
 * stacked chart whose last bar has thin segments labelled beside it: no text reaches past
 * the margins or into another. */
static void test_figures_and_charts_inside(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = new_doc(fx);
    struct rp_node *kf = rp_doc_add_key_figures(doc, &doc->body, "Budget");
    rp_doc_add_figure(doc, kf, "52 %", "du budget", NULL);
    rp_doc_add_figure(doc, kf, "326,515 millions d'euros", "transferts", NULL);
    rp_doc_add_figure(doc, kf, "194,216 millions d'euros", "dotations", NULL);
    rp_doc_add_figure(doc, kf, "52 millions d'euros", "subsides", "aux pouvoirs locaux");
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_BAR_STACKED, "Evolution", 3, 3);
    const char *years[] = {"2022", "2023", "2024"};
    for (size_t i = 0; i < 3; i++) {
        rp_doc_chart_category(doc, c, i, years[i]);
        rp_doc_chart_value(c, 0, i, 333850340);
        rp_doc_chart_value(c, 1, i, 1234567);
        rp_doc_chart_value(c, 2, i, 2678578);
    }
    rp_doc_chart_series(doc, c, 0, "Personnel");
    rp_doc_chart_series(doc, c, 1, "Investissements");
    rp_doc_chart_series(doc, c, 2, "Fonctionnement");
    struct extents e = {&fx->theme, 0, 0, 0};
    struct rp_layout_sink sink = {&e, check_extents};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_true(e.texts > 20);
    assert_int_equal(e.outside, 0);
    assert_int_equal(e.overlaps, 0);
}

/* ------------------------------------------------------------------ rule: notes once */

/* Eight rows sharing one comment and a ninth with its own: the table carries two notes, the
 * shared one marked with all eight rows ("1–8"), and the page prints it once. A run of note
 * nodes with the same text is merged likewise; different texts and unmarked notes stay. */
static void test_identical_notes_print_once(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = new_doc(fx);
    struct rp_node *t = add_table(doc, &doc->body, 9, "Actions");
    char mark[8];
    for (int i = 1; i <= 9; i++) {
        snprintf(mark, sizeof mark, "%d", i);
        rp_doc_table_note(doc, t, mark, i == 5 ? "Autre remarque." : "Action close.");
    }
    rp_doc_table_note(doc, t, NULL, "Source : SPF.");
    rp_doc_add_note(doc, &doc->body, "a", "Voir annexe.");
    rp_doc_add_note(doc, &doc->body, "b", "Voir annexe.");
    rp_doc_add_note(doc, &doc->body, "c", "Autre chose.");
    rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, "Fin.");
    rp_doc_merge_notes(doc);
    const struct rp_doc_table *tb = &t->u.table;
    assert_int_equal(tb->note_count, 3);
    assert_string_equal(tb->notes[0].mark, "1\xe2\x80\x93"
                                           "4, 6\xe2\x80\x93"
                                           "9");
    assert_string_equal(tb->notes[0].text.items[0].text, "Action close.");
    assert_string_equal(tb->notes[1].mark, "5");
    assert_null(tb->notes[2].mark);
    assert_int_equal(doc->body.count, 4); /* table, two notes, paragraph */
    assert_string_equal(doc->body.items[1]->u.note.mark, "a, b");
    assert_string_equal(doc->body.items[2]->u.note.mark, "c");
    assert_int_equal(doc->body.items[3]->kind, RP_NODE_PARAGRAPH);
    struct text_log *log = lay_out(fx, doc);
    int shared = 0;
    for (size_t p = 0; p < log->pages; p++)
        shared += count_on(log, p, "Action close");
    assert_int_equal(shared, 1);
    free(log);
}

/* ------------------------------------------------------------------ rule: landscape floats */

/* A table of twelve columns of unbreakable words: too wide for a portrait page. */
static void add_wide_table(struct rp_doc *doc, struct rp_nodes *into, int rows)
{
    struct rp_node *t = rp_doc_add_table(doc, into, 12, "Large");
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, t);
    for (int c = 0; c < 12; c++)
        rp_doc_header_cell(doc, h, "Colonnexyz", 1, RP_ALIGN_LEFT);
    for (int i = 0; i < rows; i++) {
        size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(doc, t, r, 0, "Rangeexyzw", NULL, 0);
        for (int c = 1; c < 12; c++)
            rp_doc_table_cell(doc, t, r, (size_t)c, "abcdefghij", NULL, 0);
    }
}

/* A landscape table after a few lines of a chapter lets the text after it fill the portrait
 * page first, as a sidewaystable floats: the page before the turn is not left near empty,
 * and everything is set once, the chapter's text in order. */
static void test_landscape_table_floats(void **state)
{
    struct fixture *fx = *state;
    fx->theme.chapter_new_page = true;
    struct rp_doc *doc = new_doc(fx);
    struct rp_node *ch = rp_doc_add_section(doc, &doc->body, 1, NULL, "Chapitre");
    add_lines(fx, doc, &ch->u.section.children, "aaa", 5);
    add_wide_table(doc, &ch->u.section.children, 6);
    add_lines(fx, doc, &ch->u.section.children, "bbb", 30);
    struct rp_node *next = rp_doc_add_section(doc, &doc->body, 1, NULL, "Suivant");
    add_lines(fx, doc, &next->u.section.children, "ccc", 3);
    struct text_log *log = lay_out(fx, doc);
    long table = page_of(log, "Rangeexyzw"), after = page_of(log, "bbb");
    assert_true(table > 0 && after >= 0);
    assert_true(log->landscape[table]);
    /* The text after the table starts on the first page, before the turn... */
    assert_int_equal(after, 0);
    assert_int_equal(page_of(log, "aaa"), 0);
    assert_true(count_on(log, 0, "bbb") >= 2);
    /* ...and the table's pages come before the next chapter. */
    assert_true(page_of(log, "ccc") > table);
    assert_int_equal(count_on(log, (size_t)table, "Rangeexyzw"), 6);
    assert_false(log->landscape[0]);
    free(log);
}

/* A chapter that ends with a landscape table after a short start (a few lines) is set all
 * landscape, so that no portrait page stands near empty before the turn; after a start
 * that fills a good part of a page, the chapter starts portrait and turns for the table. */
static void test_short_chapter_before_landscape_table(void **state)
{
    struct fixture *fx = *state;
    fx->theme.chapter_new_page = true;
    for (int start = 0; start < 2; start++) {
        struct rp_doc *doc = new_doc(fx);
        struct rp_node *ch = rp_doc_add_section(doc, &doc->body, 1, NULL, "Chapitre");
        add_lines(fx, doc, &ch->u.section.children, "aaa", start == 0 ? 4 : 30);
        add_wide_table(doc, &ch->u.section.children, 6);
        struct text_log *log = lay_out(fx, doc);
        long table = page_of(log, "Rangeexyzw");
        assert_true(table >= 0 && log->landscape[table]);
        if (start == 0) {
            assert_int_equal(table, 0); /* one landscape page: the start and the table */
            assert_true(count_on(log, 0, "aaa") > 0);
        } else {
            assert_false(log->landscape[0]);
            assert_int_equal(table, 1);
        }
        free(log);
    }
}

/* ------------------------------------------------------------------ rule: no short page */

/* Chapters of paragraphs, headings, lists of lines and tables of many lengths, in a mix that
 * puts every kind of block at a page's foot: no page but a chapter's last is under 35 %
 * filled (rows and lines counted against the content box). */
static void test_no_short_pages(void **state)
{
    struct fixture *fx = *state;
    fx->theme.chapter_new_page = true;
    double box = fx->theme.page_height - fx->theme.margin_top - fx->theme.margin_bottom;
    for (int seed = 0; seed < 40; seed++) {
        struct rp_doc *doc = new_doc(fx);
        struct rp_node *ch = rp_doc_add_section(doc, &doc->body, 1, NULL, "Chapitre");
        struct rp_nodes *in = &ch->u.section.children;
        for (int k = 0; k < 14; k++) {
            int v = (seed * 7 + k * 13) % 17;
            if (v % 4 == 0)
                rp_doc_add_section(doc, in, 2, NULL, "Titre");
            if (v % 3 == 0)
                add_table(doc, in, 1 + (seed * 5 + k * 11) % 45, "Tableau");
            else
                add_lines(fx, doc, in, "www", 1 + v);
        }
        struct text_log *log = lay_out(fx, doc);
        for (size_t p = 0; p + 1 < log->pages; p++) {
            float low = 0;
            for (size_t i = 0; i < log->count[p]; i++)
                low = log->y[p][i] > low ? log->y[p][i] : low;
            double fill = (low - fx->theme.margin_top) / box;
            if (fill < 0.35)
                fail_msg("mix %d: page %zu of %zu filled %.0f%%", seed, p + 1, log->pages,
                         fill * 100);
        }
        free(log);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_table_parts_hold_three_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_headings_keep_with_next, setup, teardown),
        cmocka_unit_test_setup_teardown(test_figure_caption_keeps_with_figures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_figures_and_charts_inside, setup, teardown),
        cmocka_unit_test_setup_teardown(test_identical_notes_print_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_landscape_table_floats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_short_chapter_before_landscape_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_short_pages, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
