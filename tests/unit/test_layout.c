/* The layout engine with fixed-width fake metrics: line breaking, column widths and
 * pagination of a 2,000-row table whose header must repeat on every page. */
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
#include "util/fmt.h"

struct fixture {
    struct rp_arena *arena;
    struct rp_theme theme;
    struct rp_layout_env env;
    struct rp_atoms atoms;
    struct rp_lines lines;
};

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    fx->arena = rp_arena_new();
    rp_theme_default(&fx->theme);
    fx->env = (struct rp_layout_env){.theme = &fx->theme, .metrics = &metrics, .arena = fx->arena};
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    rp_atoms_free(&fx->atoms);
    rp_lines_free(&fx->lines);
    rp_arena_free(fx->arena);
    free(fx);
    return 0;
}

/* Breaks `text` at size 10 (5 points a character) in `width`; returns the lines joined by
 * '|' in a static buffer. */
static const char *lines_of(struct fixture *fx, const char *text, double width)
{
    static char out[512];
    fx->atoms.count = 0;
    rp_atoms_add_text(&fx->atoms, &metrics, text, strlen(text), RP_FACE_REGULAR, 10, RP_SPAN_TEXT,
                      NULL);
    rp_break_lines(&fx->atoms, width, &fx->env, &fx->lines);
    out[0] = '\0';
    for (size_t i = 0; i < fx->lines.count; i++) {
        if (i)
            strcat(out, "|");
        const struct rp_line *ln = &fx->lines.items[i];
        for (size_t k = ln->first; k < ln->end; k++) {
            const struct rp_atom *a = &fx->atoms.items[k];
            strncat(out, a->text, a->len);
            if (a->brk == RP_BRK_SPACE && k + 1 < ln->end)
                strcat(out, " ");
        }
    }
    return out;
}

static void test_break_at_spaces(void **state)
{
    struct fixture *fx = *state;
    /* "aaa bbb" is 35 + 2.5 = 37.5 points. */
    assert_string_equal(lines_of(fx, "aaa bbb ccc", 40), "aaa bbb|ccc");
    assert_string_equal(lines_of(fx, "aaa bbb ccc", 100), "aaa bbb ccc");
    assert_false(fx->lines.items[0].last == false);
    assert_string_equal(lines_of(fx, "aaa bbb ccc", 30), "aaa|bbb|ccc");
    /* The glue at the end of a line does not count. */
    assert_in_range((long)(fx->lines.items[0].width * 10), 149, 151);
}

static void test_break_after_hyphen_and_slash(void **state)
{
    struct fixture *fx = *state;
    assert_string_equal(lines_of(fx, "plan 2022-2024", 40), "plan|2022-|2024");
    assert_string_equal(lines_of(fx, "Total/Totaal", 40), "Total/|Totaal");
    /* A leading minus and a hyphen before a space are not break points. */
    assert_string_equal(lines_of(fx, "-97 x", 15), "-97|x");
    /* A double slash stays whole; a line may break after it, before the host (UAX #14). */
    assert_string_equal(lines_of(fx, "x https://a", 50), "x https://|a");
    assert_string_equal(lines_of(fx, "x https://a", 40), "x|https://|a");
}

static void test_never_at_nbsp(void **state)
{
    struct fixture *fx = *state;
    /* "66,7 %" with a no-break space moves as one word. */
    assert_string_equal(lines_of(fx, "taux 66,7\xc2\xa0%", 40), "taux|66,7\xc2\xa0%");
    assert_string_equal(lines_of(fx, "1.816.852\xc2\xa0k\xe2\x82\xac total", 60),
                        "1.816.852\xc2\xa0k\xe2\x82\xac|total");
}

static void test_long_word_is_cut(void **state)
{
    struct fixture *fx = *state;
    assert_string_equal(lines_of(fx, "abcdefghij", 20), "abcd|efgh|ij");
    assert_string_equal(lines_of(fx, "", 20), "");
    assert_int_equal(fx->lines.count, 0);
}

static void test_newline_forces_break(void **state)
{
    struct fixture *fx = *state;
    assert_string_equal(lines_of(fx, "ab\ncd ef", 200), "ab|cd ef");
    assert_true(fx->lines.items[0].last);
}

static void test_min_max_widths(void **state)
{
    struct fixture *fx = *state;
    lines_of(fx, "aa bbbb c", 1000);
    assert_in_range((long)(rp_atoms_min_width(&fx->atoms) * 10), 199, 201);
    assert_in_range((long)(rp_atoms_max_width(&fx->atoms) * 10), 399, 401); /* 35 + 2 × 2.5 */
}

static void test_decimal_split(void **state)
{
    (void)state;
    assert_int_equal(rp_decimal_split("5.919,97", 8, ','), 5);
    assert_int_equal(rp_decimal_split("1.816.852", 9, ','), 9);
    assert_int_equal(rp_decimal_split("+2,3 %", 6, ','), 2);
    assert_int_equal(rp_decimal_split("-", 1, ','), 1);
    assert_int_equal(rp_decimal_split("1,816.5", 7, '.'), 5);
}

static void test_column_widths(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = rp_doc_new(fx->arena);
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 3, NULL);
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 1, RP_ALIGN_DECIMAL, false);
    rp_doc_table_column(t, 2, RP_ALIGN_DECIMAL, false);
    const char *cells[][3] = {{"Frais de personnel", "8.293", "5.919,97"},
                              {"ICT", "13.154", "1,5"},
                              {"Totaux", "135.003", "-"}};
    for (size_t r = 0; r < 3; r++) {
        size_t i = rp_doc_table_row(doc, t, r == 2 ? RP_DOC_ROW_TOTAL : RP_DOC_ROW_LINE);
        for (size_t c = 0; c < 3; c++)
            rp_doc_table_cell(doc, t, i, c, cells[r][c], NULL, 0);
    }
    struct rp_column_plan plan[3];
    double min = rp_table_measure(&t->u.table, &metrics, 10, 4, ',', plan);
    /* Column 2: "5.919" before the comma (25 pt) and ",97" after it (15 pt). */
    assert_in_range((long)(plan[2].int_width * 10), 249, 251);
    assert_in_range((long)(plan[2].frac_width * 10), 149, 151);
    assert_in_range((long)(plan[1].max * 10), 429, 431); /* "135.003" bold: 35 + 8 */
    assert_in_range((long)(plan[0].min * 10), 529, 531); /* "personnel" 45 + 8 */
    assert_true(min < 200);
    /* Room to spare: the table spans the width, the room shared in proportion to max. */
    double sum_max = plan[0].max + plan[1].max + plan[2].max;
    rp_table_fit(&t->u.table, plan, 300);
    assert_in_range((long)((plan[0].width + plan[1].width + plan[2].width) * 10), 2999, 3001);
    assert_float_equal(plan[1].width, plan[1].max * 300 / sum_max, 0.01);
    /* Too narrow: the label column wraps, numbers stay whole. */
    rp_table_fit(&t->u.table, plan, 150);
    assert_in_range((long)(plan[1].width * 10), 429, 431);
    assert_true(plan[0].width >= plan[0].min - 0.01);
    assert_true(plan[0].width < plan[0].max);
}

/* ------------------------------------------------------------------ pagination */

#define ROWS 2000

struct capture {
    size_t pages, overlays, body_pages, headers, notes;
    int next_row; /* the row label expected next */
    bool order_ok, inside_ok, header_first_ok;
    double bottom_limit;
};

static int on_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct capture *cap = ctx;
    if (overlay) {
        cap->overlays++;
        return 0;
    }
    cap->pages++;
    bool rows = false, header_seen = false;
    size_t headers = 0;
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind != RP_ITEM_TEXT)
            continue;
        char text[64];
        snprintf(text, sizeof text, "%.*s", (int)it->len, it->text);
        if (strcmp(text, "Montant") == 0) {
            headers++;
            header_seen = true;
        }
        int n;
        if (sscanf(text, "Ligne %d", &n) == 1) {
            rows = true;
            if (!header_seen)
                cap->header_first_ok = false;
            if (n != cap->next_row)
                cap->order_ok = false;
            cap->next_row = n + 1;
            if (it->y > page->height - cap->bottom_limit)
                cap->inside_ok = false;
        }
        if (strcmp(text, "Note finale") == 0)
            cap->notes++;
    }
    if (rows) {
        cap->body_pages++;
        cap->headers += headers == 1;
    }
    return 0;
}

static void test_pagination_repeats_header(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->title = "Test";
    doc->organisation = "Org";
    doc->lang = "fr";
    doc->cover = false;
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 2, "Synthèse");
    rp_doc_table_column(t, 1, RP_ALIGN_DECIMAL, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, t);
    rp_doc_header_cell(doc, h, "Poste", 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, "Montant", 1, RP_ALIGN_DECIMAL);
    char label[32], value[32];
    for (int i = 0; i < ROWS; i++) {
        snprintf(label, sizeof label, "Ligne %d", i);
        snprintf(value, sizeof value, "%d,%02d", i * 7, i % 100);
        size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(doc, t, r, 0, label, NULL, 0);
        rp_doc_table_cell(doc, t, r, 1, value, NULL, 0);
    }
    rp_doc_table_note(doc, t, NULL, "Note finale");
    struct capture cap = {0};
    cap.order_ok = cap.inside_ok = cap.header_first_ok = true;
    cap.bottom_limit = fx->theme.margin_bottom;
    struct rp_layout_sink sink = {&cap, on_page};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_int_equal(cap.next_row, ROWS); /* every row, once, in order */
    assert_true(cap.order_ok);
    assert_true(cap.inside_ok);       /* nothing below the bottom margin */
    assert_true(cap.header_first_ok); /* the header precedes the rows */
    assert_true(cap.body_pages > 20);
    assert_int_equal(cap.headers, cap.body_pages); /* one header on every page of rows */
    assert_int_equal(cap.pages, res.page_count);
    assert_int_equal(cap.overlays, res.page_count);
    assert_int_equal(cap.notes, 1);
    assert_int_equal(res.front_count, 0);
}

/* The page of the last row and the page of the table's note, for the test below. */
struct note_pages {
    int last_row;
    long row_page, note_page;
};

static int find_note(void *ctx, const struct rp_page *page, bool overlay)
{
    struct note_pages *np = ctx;
    for (size_t i = 0; !overlay && i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        char text[64];
        int n;
        if (it->kind != RP_ITEM_TEXT)
            continue;
        snprintf(text, sizeof text, "%.*s", (int)it->len, it->text);
        if (sscanf(text, "Ligne %d", &n) == 1 && n == np->last_row)
            np->row_page = (long)page->index;
        if (strcmp(text, "Note") == 0)
            np->note_page = (long)page->index;
    }
    return 0;
}

/* Whatever the number of rows, a table's notes are set on the page of its last row:
 * some of these tables end at the foot of a page, where the notes alone would spill. */
static void test_notes_stay_with_last_row(void **state)
{
    struct fixture *fx = *state;
    int spilled_rows = 0;
    for (int rows = 40; rows < 90; rows++) {
        struct rp_doc *doc = rp_doc_new(fx->arena);
        doc->lang = "fr";
        doc->cover = false;
        struct rp_node *t = rp_doc_add_table(doc, &doc->body, 2, "Synthèse");
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
        for (int k = 0; k < 4; k++)
            rp_doc_table_note(doc, t, NULL, "Note");
        struct note_pages np = {rows - 1, -1, -1};
        struct rp_layout_sink sink = {&np, find_note};
        struct rp_layout_result res;
        assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
        rp_layout_result_free(&res);
        assert_true(np.row_page >= 0 && np.note_page >= 0);
        if (np.note_page != np.row_page)
            fail_msg("%d rows: last row on page %ld, notes on page %ld", rows, np.row_page + 1,
                     np.note_page + 1);
        spilled_rows += np.row_page > 0;
    }
    assert_true(spilled_rows > 0); /* some tables do reach a second page */
}

/* The link boxes of the first page, for the test below. */
struct links {
    float x[64], y[64], w[64];
    size_t count;
};

static int collect_links(void *ctx, const struct rp_page *page, bool overlay)
{
    struct links *l = ctx;
    for (size_t i = 0; !overlay && page->index == 0 && i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind == RP_ITEM_LINK && it->text && l->count < 64) {
            l->x[l->count] = it->x;
            l->y[l->count] = it->y;
            l->w[l->count++] = it->w;
        }
    }
    return 0;
}

/* A link of several words on a justified line is one clickable strip: the boxes of its
 * words on a line touch, across the stretched spaces. */
static void test_link_words_join(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->lang = "fr";
    doc->cover = false;
    struct rp_node *p = rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, "Les chaines pour le ");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_LINK, 0, "Conseil national de securite du pays",
                 "https://example.org/");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_TEXT, 0,
                 " et ensuite pour le comite de concertation ont ete creees afin de diffuser les "
                 "conferences de presse chaque semaine dans les deux langues.",
                 NULL);
    struct links l = {0};
    struct rp_layout_sink sink = {&l, collect_links};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_true(l.count >= 2); /* justified: the words are set one by one */
    size_t joined = 0;
    for (size_t i = 0; i + 1 < l.count; i++)
        if (l.y[i] == l.y[i + 1]) {
            assert_float_equal(l.x[i] + l.w[i], l.x[i + 1], 0.01);
            joined++;
        }
    assert_true(joined > 0);
}

/* Lines of each paragraph per page, for the widow and orphan test. */
struct lines_per_page {
    int count[8][64]; /* [page][paragraph] */
    size_t pages;
};

static int count_lines(void *ctx, const struct rp_page *page, bool overlay)
{
    struct lines_per_page *lp = ctx;
    if (overlay || page->index >= 8)
        return 0;
    lp->pages = page->index + 1;
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        int k;
        if (it->kind == RP_ITEM_TEXT && it->len > 1 && it->text[0] == 'w' &&
            sscanf(it->text + 1, "%d", &k) == 1 && k >= 0 && k < 64)
            lp->count[page->index][k]++;
    }
    return 0;
}

static void test_no_widows_or_orphans(void **state)
{
    struct fixture *fx = *state;
    fx->theme.justify = false; /* ragged lines come out as one text item each */
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->lang = "fr";
    doc->cover = false;
    /* Paragraphs of about 2 to 8 lines: a word and its space are 17.5 points at size 10, so
     * some 27 words fill the 471-point measure of an A4 page. */
    char text[4096];
    for (int k = 0; k < 40; k++) {
        size_t pos = 0;
        int words = 27 * (2 + k % 7) - 3;
        for (int w = 0; w < words; w++)
            pos += (size_t)snprintf(text + pos, sizeof text - pos, "w%02d ", k);
        rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, text);
    }
    struct lines_per_page lp;
    memset(&lp, 0, sizeof lp);
    struct rp_layout_sink sink = {&lp, count_lines};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_true(lp.pages >= 2);
    int split = 0;
    for (size_t p = 0; p + 1 < lp.pages; p++)
        for (int k = 0; k < 64; k++)
            if (lp.count[p][k] && lp.count[p + 1][k]) {
                split++;
                if (lp.count[p][k] < 2 || lp.count[p + 1][k] < 2)
                    fail_msg("paragraph %d: %d line(s) on page %zu, %d on the next", k,
                             lp.count[p][k], p + 1, lp.count[p + 1][k]);
            }
    assert_true(split > 0); /* some paragraphs do straddle pages */
}

/* Lines of the chapter per page, for the chapter-tail test. */
struct tail_lines {
    int lines[16];
    size_t pages;
};

static int count_tail_lines(void *ctx, const struct rp_page *page, bool overlay)
{
    struct tail_lines *tl = ctx;
    if (overlay || page->index >= 16)
        return 0;
    tl->pages = page->index + 1;
    for (size_t i = 0; i < page->count; i++)
        if (page->items[i].kind == RP_ITEM_TEXT && page->items[i].len > 1 &&
            page->items[i].text[0] == 'w')
            tl->lines[page->index]++;
    return 0;
}

/* A chapter never ends with a page of a line or two when tighter spacing between its
 * paragraphs keeps them on the page before: chapters of 10 to 40 paragraphs of three lines
 * (which move whole: no widow, no orphan) end on a page of at least four lines. */
static void test_no_short_chapter_tail(void **state)
{
    struct fixture *fx = *state;
    fx->theme.justify = false; /* ragged lines come out as one text item each */
    fx->theme.chapter_new_page = true;
    char text[2048];
    size_t pos = 0;
    for (int w = 0; w < 27 * 3 - 5; w++)
        pos += (size_t)snprintf(text + pos, sizeof text - pos, "w%02d ", w);
    int spanned = 0;
    for (int k = 10; k <= 40; k++) {
        struct rp_doc *doc = rp_doc_new(fx->arena);
        doc->lang = "fr";
        doc->cover = false;
        struct rp_node *ch = rp_doc_add_section(doc, &doc->body, 1, NULL, "Chapitre");
        for (int p = 0; p < k; p++)
            rp_doc_add_paragraph(doc, &ch->u.section.children, RP_PARA_BODY, text);
        struct tail_lines tl;
        memset(&tl, 0, sizeof tl);
        struct rp_layout_sink sink = {&tl, count_tail_lines};
        struct rp_layout_result res;
        assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
        rp_layout_result_free(&res);
        int total = 0;
        for (size_t p = 0; p < tl.pages; p++)
            total += tl.lines[p];
        assert_int_equal(total, 3 * k); /* every line set, once */
        if (tl.pages >= 2 && tl.lines[tl.pages - 1] < 4)
            fail_msg("%d paragraphs: %d line(s) alone on page %zu", k, tl.lines[tl.pages - 1],
                     tl.pages);
        spanned += tl.pages >= 2;
    }
    assert_true(spanned > 0); /* the longer chapters do run over two pages or more */
}

/* The labels and dots of the first page, for the timeline test. */
struct marks {
    float lx[32], ly[32];
    size_t labels;
    float dx[32];
    size_t dots;
};

static int collect_marks(void *ctx, const struct rp_page *page, bool overlay)
{
    struct marks *m = ctx;
    for (size_t i = 0; !overlay && page->index == 0 && i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind == RP_ITEM_TEXT && it->len == 1 && it->text[0] >= 'A' && it->text[0] <= 'F' &&
            m->labels < 32) {
            m->lx[m->labels] = it->x;
            m->ly[m->labels++] = it->y;
        } else if (it->kind == RP_ITEM_PATH && m->dots < 32)
            m->dx[m->dots++] = it->segs[0].x;
    }
    return 0;
}

/* A timeline: one dot per dated event, left to right in date order whatever the order of
 * the categories; labels of events on nearby days go to other lanes and never overlap. */
static void test_timeline(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->lang = "fr";
    doc->cover = false;
    static const int dates[][3] = {{2022, 5, 9},  {2022, 3, 15}, {2022, 5, 10},
                                   {2022, 5, 10}, {2023, 2, 14}, {2022, 5, 11}};
    static const char *const names[] = {"A", "B", "C", "D", "E", "F"};
    struct rp_node *ch = rp_doc_add_chart(doc, &doc->body, RP_CHART_TIMELINE, "Chronologie", 7, 2);
    rp_doc_chart_series(doc, ch, 0, "Réalisé");
    rp_doc_chart_series(doc, ch, 1, "En retard");
    for (size_t i = 0; i < 6; i++) {
        rp_doc_chart_category(doc, ch, i, names[i]);
        rp_doc_chart_value(ch, i % 2, i,
                           (double)rp_days_from_date(dates[i][0], dates[i][1], dates[i][2]));
    }
    rp_doc_chart_category(doc, ch, 6, "G"); /* undated: not on the axis */
    struct marks m;
    memset(&m, 0, sizeof m);
    struct rp_layout_sink sink = {&m, collect_marks};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_int_equal(m.dots, 6);
    assert_int_equal(m.labels, 6);
    for (size_t i = 0; i + 1 < m.dots; i++)
        assert_true(m.dx[i] <= m.dx[i + 1]); /* drawn in date order */
    assert_true(m.dx[5] - m.dx[0] > 300);    /* March 2022 to February 2023 spans the page */
    /* Labels are 3.4 points wide at 6.8 points: on one lane they keep 4 points apart. */
    for (size_t i = 0; i < m.labels; i++)
        for (size_t j = i + 1; j < m.labels; j++)
            if (m.ly[i] == m.ly[j] && fabsf(m.lx[i] - m.lx[j]) < 3.4f + 4.0f - 0.01f)
                fail_msg("labels %zu and %zu overlap", i, j);
}

/* Contents entries per page ("Ch..." items), for the test below. */
static int count_entries(void *ctx, const struct rp_page *page, bool overlay)
{
    struct tail_lines *tl = ctx;
    if (overlay || page->index >= 16 || page->kind != RP_PAGE_FRONT)
        return 0;
    tl->pages = page->index + 1;
    for (size_t i = 0; i < page->count; i++)
        if (page->items[i].kind == RP_ITEM_TEXT && page->items[i].len > 2 &&
            strncmp(page->items[i].text, "Ch", 2) == 0)
            tl->lines[page->index]++;
    return 0;
}

/* The contents never end with a page of one or two entries that tighter lines keep on the
 * page before: documents of 20 to 50 chapters. */
static void test_no_short_contents_tail(void **state)
{
    struct fixture *fx = *state;
    int spanned = 0;
    for (int n = 20; n <= 50; n++) {
        struct rp_doc *doc = rp_doc_new(fx->arena);
        doc->lang = "fr";
        doc->cover = false;
        rp_doc_add(doc, &doc->body, RP_NODE_TOC);
        for (int i = 0; i < n; i++) {
            char title[32];
            snprintf(title, sizeof title, "Chapitre %d", i + 1);
            struct rp_node *ch = rp_doc_add_section(doc, &doc->body, 1, NULL, title);
            rp_doc_add_paragraph(doc, &ch->u.section.children, RP_PARA_BODY, "Texte.");
        }
        struct tail_lines tl;
        memset(&tl, 0, sizeof tl);
        struct rp_layout_sink sink = {&tl, count_entries};
        struct rp_layout_result res;
        assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
        rp_layout_result_free(&res);
        int total = 0;
        for (size_t p = 0; p < tl.pages; p++)
            total += tl.lines[p];
        assert_int_equal(total, n);
        if (tl.pages >= 2 && tl.lines[tl.pages - 1] < 3)
            fail_msg("%d chapters: %d contents entries alone on page %zu", n,
                     tl.lines[tl.pages - 1], tl.pages);
        spanned += tl.pages >= 2;
    }
    assert_true(spanned > 0);
}

static void test_toc_and_outline(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->title = "Test";
    doc->lang = "nl";
    rp_doc_add(doc, &doc->body, RP_NODE_TOC);
    for (int i = 1; i <= 3; i++) {
        char title[32];
        snprintf(title, sizeof title, "Hoofdstuk %d", i);
        struct rp_node *s = rp_doc_add_section(doc, &doc->body, 1, NULL, title);
        rp_doc_add_section(doc, &s->u.section.children, 2, NULL, "Deel");
        rp_doc_add_paragraph(doc, &s->u.section.children, RP_PARA_BODY, "Tekst.");
    }
    struct capture cap = {0};
    struct rp_layout_sink sink = {&cap, on_page};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    rp_layout_result_free(&res);
    /* Cover, contents, then one page per chapter. */
    assert_int_equal(res.front_count, 2);
    assert_int_equal(res.page_count, 5);
    assert_int_equal(res.outline_count, 6);
    assert_string_equal(res.outline[0].title, "Hoofdstuk 1");
    assert_int_equal(res.outline[0].level, 1);
    assert_int_equal(res.outline[1].level, 2);
    assert_int_equal(res.outline[2].page, 3);
    assert_int_equal(res.outline[4].page, 4);
}

/* What the structure test sees of the pages: text items by element type and artifact kind. */
struct tags_seen {
    bool body_tagged;     /* every text item but the running header's belongs to an element */
    bool header_artifact; /* the running header's text is an artifact */
    bool footer_artifact; /* the page number is an artifact */
    size_t span_text, link_items;
};

static int see_tags(void *ctx, const struct rp_page *page, bool overlay)
{
    struct tags_seen *seen = ctx;
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind == RP_ITEM_LINK) {
            if (it->elem && page->elems[it->elem].type == RP_ST_LINK)
                seen->link_items++;
            continue;
        }
        if (it->kind != RP_ITEM_TEXT)
            continue;
        char text[80];
        snprintf(text, sizeof text, "%.*s", (int)it->len, it->text);
        if (strncmp(text, "Page ", 5) == 0 && overlay)
            seen->footer_artifact = it->elem == 0 && it->artifact == RP_ART_FOOTER;
        else if (strcmp(text, "Org") == 0)
            seen->header_artifact = it->elem == 0 && it->artifact == RP_ART_HEADER;
        else if (!overlay && !it->elem && it->artifact != RP_ART_HEADER)
            seen->body_tagged = false; /* untagged, and not the running header's title */
        if (it->elem && page->elems[it->elem].type == RP_ST_SPAN)
            seen->span_text++;
    }
    return 0;
}

static size_t count_type(const struct rp_layout_result *res, enum rp_struct_type type)
{
    size_t n = 0;
    for (size_t e = 1; e < res->elem_count; e++)
        n += res->elems[e].type == type;
    return n;
}

static void test_structure(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->title = "Test";
    doc->organisation = "Org";
    doc->lang = "fr";
    doc->labels.page = "Page";
    doc->cover = false;
    struct rp_node *ch = rp_doc_add_section(doc, &doc->body, 1, NULL, "Chapitre");
    struct rp_nodes *in = &ch->u.section.children;
    /* A level-3 section right under a chapter: its heading must still be H2. */
    struct rp_node *sub = rp_doc_add_section(doc, in, 3, NULL, "Partie");
    struct rp_node *para =
        rp_doc_add_paragraph(doc, &sub->u.section.children, RP_PARA_BODY, "Voir ");
    rp_spans_add(doc, &para->u.paragraph.text, RP_SPAN_LINK, 0, "le site", "https://example.be");
    rp_spans_add(doc, &para->u.paragraph.text, RP_SPAN_TEXT, 0, " et ", NULL);
    rp_spans_add(doc, &para->u.paragraph.text, RP_SPAN_TEXT, 0, "Nederlandse tekst", NULL);
    rp_spans_lang(doc, &para->u.paragraph.text, para->u.paragraph.text.count - 1, "nl");
    struct rp_node *list = rp_doc_add_list(doc, in, false);
    rp_doc_list_add(doc, list, "Un");
    rp_doc_list_add(doc, list, "Deux");
    struct rp_node *t = rp_doc_add_table(doc, in, 2, "Tableau");
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    rp_doc_table_column(t, 1, RP_ALIGN_DECIMAL, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, t);
    rp_doc_header_cell(doc, h, "Poste", 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, "Montant", 1, RP_ALIGN_DECIMAL);
    for (int i = 0; i < 2; i++) {
        size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(doc, t, r, 0, i ? "B" : "A", NULL, 0);
        rp_doc_table_cell(doc, t, r, 1, i ? "2,5" : "1,5", NULL, 0);
    }
    struct rp_node *c = rp_doc_add_chart(doc, in, RP_CHART_BAR_GROUPED, "Montants", 2, 1);
    c->u.chart.decimals = 1;
    rp_doc_chart_category(doc, c, 0, "A");
    rp_doc_chart_category(doc, c, 1, "B");
    rp_doc_chart_series(doc, c, 0, "Montant");
    rp_doc_chart_value(c, 0, 0, 1.5);
    rp_doc_chart_value(c, 0, 1, 2.5);
    rp_doc_add_note(doc, in, "1", "Une note.");

    struct tags_seen seen = {true, false, false, 0, 0};
    struct rp_layout_sink sink = {&seen, see_tags};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    assert_true(res.elem_count > 20);
    assert_int_equal(res.elems[1].type, RP_ST_DOCUMENT);
    assert_int_equal(res.elems[1].parent, 0);
    /* Parents come before their children in reading order. */
    for (size_t e = 2; e < res.elem_count; e++) {
        assert_true(res.elems[e].parent > 0 && res.elems[e].parent < e);
        assert_true(res.elems[res.elems[e].parent].seq < res.elems[e].seq);
    }
    assert_int_equal(count_type(&res, RP_ST_H1), 1);
    assert_int_equal(count_type(&res, RP_ST_H2), 1);
    assert_int_equal(count_type(&res, RP_ST_H3), 0);
    assert_int_equal(count_type(&res, RP_ST_L), 1);
    assert_int_equal(count_type(&res, RP_ST_LI), 2);
    assert_int_equal(count_type(&res, RP_ST_LBL), 2);
    assert_int_equal(count_type(&res, RP_ST_LBODY), 2);
    assert_int_equal(count_type(&res, RP_ST_TABLE), 1);
    assert_int_equal(count_type(&res, RP_ST_CAPTION), 1);
    assert_int_equal(count_type(&res, RP_ST_TD), 2);
    size_t columns = 0, rows = 0, span = 0;
    const struct rp_struct_elem *figure = NULL, *note = NULL, *link = NULL;
    for (size_t e = 1; e < res.elem_count; e++) {
        const struct rp_struct_elem *el = &res.elems[e];
        columns += el->type == RP_ST_TH && el->scope == RP_SCOPE_COLUMN;
        rows += el->type == RP_ST_TH && el->scope == RP_SCOPE_ROW;
        span += el->type == RP_ST_SPAN && el->lang && strcmp(el->lang, "nl") == 0;
        figure = el->type == RP_ST_FIGURE ? el : figure;
        note = el->type == RP_ST_NOTE ? el : note;
        link = el->type == RP_ST_LINK ? el : link;
    }
    assert_int_equal(columns, 2); /* the header row */
    assert_int_equal(rows, 2);    /* the row labels */
    assert_int_equal(span, 1);
    /* The figure says what it shows and gives its figures. */
    assert_non_null(figure);
    assert_non_null(strstr(figure->alt, "Montants"));
    assert_non_null(strstr(figure->alt, "A" RP_NBSP ": 1,5"));
    assert_non_null(strstr(figure->alt, "B" RP_NBSP ": 2,5"));
    assert_non_null(note);
    assert_non_null(note->id);
    assert_non_null(link);
    assert_string_equal(link->alt, "https://example.be");
    /* Content is tagged, the running header and the page number are artifacts. */
    assert_true(seen.body_tagged);
    assert_true(seen.header_artifact);
    assert_true(seen.footer_artifact);
    assert_true(seen.span_text > 0);
    assert_int_equal(seen.link_items, 1);
    rp_layout_result_free(&res);
}

/* What the marks test sees: per page, whether the see-through marks come last. */
struct marks_seen {
    size_t pages_marked;  /* overlays whose last items are the two marks */
    bool content_clear;   /* no see-through item among a page's content */
    bool marks_artifacts; /* every see-through item is a watermark artifact */
};

static int see_marks(void *ctx, const struct rp_page *page, bool overlay)
{
    struct marks_seen *seen = ctx;
    size_t marks = 0;
    bool content_after = false;
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->alpha > 0 && it->alpha < 1) {
            marks++;
            if (it->elem != 0 || it->artifact != RP_ART_WATERMARK)
                seen->marks_artifacts = false;
        } else if (marks && !(it->artifact == RP_ART_FOOTER && it->elem == 0))
            content_after = true; /* only the draft word in the footer may follow the marks */
    }
    if (!overlay)
        seen->content_clear = seen->content_clear && marks == 0;
    else if (marks == 2 && !content_after)
        seen->pages_marked++;
    return 0;
}

/* A review edition of sample data: the draft and sample marks are drawn on every page,
 * cover included, after all of its content, see-through, as watermark artifacts; the cover
 * keeps its structure (Sect > P, H1, P, P, P). */
static void test_marks_on_top(void **state)
{
    struct fixture *fx = *state;
    struct rp_doc *doc = rp_doc_new(fx->arena);
    doc->title = "Rapport";
    doc->subtitle = "Sous-titre";
    doc->organisation = "Org";
    doc->lang = "fr";
    doc->labels.page = "Page";
    doc->labels.sample = "EXEMPLE";
    doc->labels.draft = "PROJET";
    doc->labels.edition = "Édition française";
    doc->year = 2024;
    doc->month = 3;
    doc->day = 31;
    doc->sample = true;
    doc->edition = RP_EDITION_REVIEW;
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 2, "Tableau");
    rp_doc_table_column(t, 1, RP_ALIGN_DECIMAL, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, t);
    rp_doc_header_cell(doc, h, "Poste", 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, "Montant", 1, RP_ALIGN_DECIMAL);
    for (int i = 0; i < 120; i++) {
        size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(doc, t, r, 0, "Ligne", NULL, 0);
        rp_doc_table_cell(doc, t, r, 1, "1,5", NULL, 0);
    }
    struct marks_seen seen = {0, true, true};
    struct rp_layout_sink sink = {&seen, see_marks};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &fx->env, &sink, &res), 0);
    assert_true(res.page_count > 2);
    assert_int_equal(seen.pages_marked, res.page_count);
    assert_true(seen.content_clear);
    assert_true(seen.marks_artifacts);
    /* The cover: the first element under the Document is a Sect holding, in this order,
     * the organisation, the title, the subtitle, the edition and the date. */
    const enum rp_struct_type cover[] = {RP_ST_SECT, RP_ST_P, RP_ST_H1, RP_ST_P, RP_ST_P, RP_ST_P};
    assert_true(res.elem_count > 7);
    for (size_t k = 0; k < sizeof cover / sizeof *cover; k++) {
        assert_int_equal(res.elems[2 + k].type, cover[k]);
        assert_int_equal(res.elems[2 + k].parent, k ? 2 : 1);
    }
    rp_layout_result_free(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_break_at_spaces, setup, teardown),
        cmocka_unit_test_setup_teardown(test_break_after_hyphen_and_slash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_never_at_nbsp, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_word_is_cut, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newline_forces_break, setup, teardown),
        cmocka_unit_test_setup_teardown(test_min_max_widths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decimal_split, setup, teardown),
        cmocka_unit_test_setup_teardown(test_column_widths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notes_stay_with_last_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_link_words_join, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pagination_repeats_header, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_widows_or_orphans, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_short_chapter_tail, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timeline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_short_contents_tail, setup, teardown),
        cmocka_unit_test_setup_teardown(test_toc_and_outline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_structure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_marks_on_top, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
