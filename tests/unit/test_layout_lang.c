/* Text in another language than the document's (model text the edition lacks, shown in the
 * source's language): it is hyphenated by its own language's patterns, never the document's;
 * a review edition marks it, and placeholders, and every page with the draft mark; a
 * publication sets it all as plain text; the text backend names its language. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "render/hyphen.h"
#include "render/layout.h"
#include "render/render.h"
#include "templates/theme.h"
#include "util/arena.h"

/* Every character is half an em wide, a space a quarter: 5 and 2.5 points at size 10. */
static double fake_advance(void *ctx, enum rp_face face, uint32_t cp)
{
    (void)ctx;
    (void)face;
    return cp == ' ' ? 250 : 500;
}

static const struct rp_metrics metrics = {NULL, fake_advance, 800, -200, NULL, NULL};

static const struct rp_hyphenator *open_hyphenator(void *ctx, const char *lang)
{
    (void)ctx;
    return rp_hyphenator_open(lang);
}

/* "Een lijst met " (62.5 points) in Dutch, then `word` in French (lang "fr", or the
 * document's language when `marked` is false), broken `room` points after the Dutch words.
 * Returns the lines joined by '|'. */
static const char *lines_of(const char *word, bool marked, double room, bool foreign_patterns)
{
    static char out[256];
    struct rp_arena *arena = rp_arena_new();
    struct rp_theme theme;
    rp_theme_default(&theme);
    struct rp_layout_env env = {.theme = &theme,
                                .metrics = &metrics,
                                .hyphenator = rp_hyphenator_open("nl"),
                                .arena = arena,
                                .hyphenator_of = foreign_patterns ? open_hyphenator : NULL};
    struct rp_doc *doc = rp_doc_new(arena);
    doc->lang = "nl";
    struct rp_spans spans = {0};
    rp_spans_add(doc, &spans, RP_SPAN_TEXT, 0, "Een lijst met ", NULL);
    rp_spans_add(doc, &spans, RP_SPAN_TEXT, 0, word, NULL);
    if (marked)
        rp_spans_lang(doc, &spans, 1, "fr");
    struct rp_atoms atoms = {0};
    struct rp_lines lines = {0};
    rp_atoms_add_spans(&atoms, &metrics, &spans, RP_FACE_REGULAR, 10);
    rp_break_lines(&atoms, 62.5 + room, &env, &lines);
    out[0] = '\0';
    for (size_t i = 0; i < lines.count; i++) {
        if (i)
            strcat(out, "|");
        for (size_t k = lines.items[i].first; k < lines.items[i].end; k++) {
            strncat(out, atoms.items[k].text, atoms.items[k].len);
            if (atoms.items[k].brk == RP_BRK_SPACE && k + 1 < lines.items[i].end)
                strcat(out, " ");
        }
    }
    rp_atoms_free(&atoms);
    rp_lines_free(&lines);
    rp_arena_free(arena);
    return out;
}

static bool have_dictionaries(void)
{
    return rp_hyphenator_open("fr") && rp_hyphenator_open("nl");
}

/* French words in a Dutch document break where French breaks them. Each case also shows
 * that Dutch patterns would break the same word elsewhere, so the test tells them apart. */
static void test_french_word_in_dutch_document(void **state)
{
    (void)state;
    if (!have_dictionaries())
        skip(); /* hyphen-fr and hyphen-nl: .ci/packages */
    /* fr in-for-ma-tions, nl in-for-ma-ti-ons; room for "informati-" (50 points). */
    assert_string_equal(lines_of("informations", true, 52, true), "Een lijst met informa-|tions");
    assert_string_equal(lines_of("informations", false, 52, true), "Een lijst met informati-|ons");
    /* fr si-tua-tions, nl si-tu-a-ti-ons; room for "situati-" (40 points). */
    assert_string_equal(lines_of("situations", true, 42, true), "Een lijst met situa-|tions");
    assert_string_equal(lines_of("situations", false, 42, true), "Een lijst met situati-|ons");
    /* French does not break "réunions" (nl réu-ni-ons): the word goes whole to the next line. */
    assert_string_equal(lines_of("r\xc3\xa9unions", true, 38, true),
                        "Een lijst met|r\xc3\xa9unions");
    assert_string_equal(lines_of("r\xc3\xa9unions", false, 38, true),
                        "Een lijst met r\xc3\xa9uni-|ons");
    /* fr Mi-nistre, nl Mi-ni-stre; room for "Mini-" (25 points). */
    assert_string_equal(lines_of("Ministre", true, 27, true), "Een lijst met Mi-|nistre");
    assert_string_equal(lines_of("Ministre", false, 27, true), "Een lijst met Mini-|stre");
}

/* Without a way to the other language's patterns, foreign text is not hyphenated at all:
 * never by the document's. */
static void test_foreign_word_without_its_patterns(void **state)
{
    (void)state;
    if (!have_dictionaries())
        skip();
    assert_string_equal(lines_of("informations", true, 52, false), "Een lijst met|informations");
    assert_string_equal(lines_of("informations", false, 52, false), "Een lijst met informati-|ons");
}

/* ---------------------------------------------------------------- whole documents */

struct capture {
    char texts[64][48]; /* the page texts (not the overlay's) */
    size_t text_count;
    int hyphen_fr, hyphen_nl; /* "informa-", "informati-" */
    int fills;                /* rectangles in the review colour */
    int pages, marked_pages;  /* pages, and pages whose overlay has the draft mark */
    int see_through;          /* see-through diagonal marks */
    struct rp_rgb fill;
    const char *mark;
};

static bool same_rgb(struct rp_rgb a, struct rp_rgb b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static int on_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct capture *c = ctx;
    bool marked = false;
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind == RP_ITEM_RECT && same_rgb(it->color, c->fill))
            c->fills++;
        if (it->kind != RP_ITEM_TEXT)
            continue;
        char text[48];
        snprintf(text, sizeof text, "%.*s", (int)it->len, it->text);
        if (overlay) {
            if (c->mark && strcmp(text, c->mark) == 0) {
                marked = true;
                c->see_through += it->alpha > 0 && it->alpha < 1 && it->angle != 0;
            }
            continue;
        }
        c->hyphen_fr += strcmp(text, "informa-") == 0;
        c->hyphen_nl += strcmp(text, "informati-") == 0;
        if (c->text_count < 64)
            snprintf(c->texts[c->text_count++], sizeof c->texts[0], "%s", text);
    }
    if (overlay) {
        c->pages++;
        c->marked_pages += marked;
    }
    return 0;
}

/* A Dutch document with a French paragraph tail, a French cell and a placeholder. */
static struct rp_doc *dutch_document(struct rp_arena *arena, enum rp_edition edition)
{
    struct rp_doc *doc = rp_doc_new(arena);
    doc->title = "Evaluatierapport";
    doc->organisation = "FOD";
    doc->lang = "nl";
    doc->cover = true;
    doc->edition = edition;
    if (edition == RP_EDITION_REVIEW)
        doc->labels.draft = "ONTWERP";
    struct rp_node *p = rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, "Een lijst met ");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_TEXT, 0, "informations", NULL);
    rp_spans_lang(doc, &p->u.paragraph.text, 1, "fr");
    struct rp_node *q = rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, "Binnen ");
    rp_spans_add(doc, &q->u.paragraph.text, RP_SPAN_PLACEHOLDER, 0, "XX", NULL);
    rp_spans_add(doc, &q->u.paragraph.text, RP_SPAN_TEXT, 0, " dagen.", NULL);
    struct rp_node *t = rp_doc_add_table(doc, &doc->body, 2, "Tabel");
    size_t r = rp_doc_table_row(doc, t, RP_DOC_ROW_LINE);
    rp_doc_table_cell(doc, t, r, 0, "Personnel", NULL, 0);
    rp_doc_cell_lang(doc, t, r, 0, "fr");
    rp_doc_table_cell(doc, t, r, 1, "12", NULL, 0);
    return doc;
}

static void layout(enum rp_edition edition, struct capture *c)
{
    struct rp_arena *arena = rp_arena_new();
    struct rp_theme theme;
    rp_theme_default(&theme);
    /* A text column 114.5 points wide: "Een lijst met " and room for "informati-". */
    theme.margin_left = 100;
    theme.margin_right = theme.page_width - 100 - 114.5;
    theme.justify = false;
    struct rp_layout_env env = {.theme = &theme,
                                .metrics = &metrics,
                                .hyphenator = rp_hyphenator_open("nl"),
                                .arena = arena,
                                .hyphenator_of = open_hyphenator};
    memset(c, 0, sizeof *c);
    c->fill = theme.placeholder_fill;
    c->mark = "ONTWERP";
    struct rp_layout_sink sink = {c, on_page};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(dutch_document(arena, edition), &env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_int_equal((size_t)c->pages, res.page_count);
    rp_arena_free(arena);
}

/* Through the whole layout: the French word breaks by French rules. */
static void test_document_hyphenates_by_language(void **state)
{
    (void)state;
    if (!have_dictionaries())
        skip();
    struct capture c;
    layout(RP_EDITION_PUBLICATION, &c);
    assert_int_equal(c.hyphen_fr, 1);
    assert_int_equal(c.hyphen_nl, 0);
}

/* A review edition bands the French text, the French cell and the placeholder, and marks
 * every page, the cover included; a publication shows none of it. Both set the same text in
 * the same places: marks never change a line. */
static void test_review_marks(void **state)
{
    (void)state;
    struct capture pub, rev;
    layout(RP_EDITION_PUBLICATION, &pub);
    layout(RP_EDITION_REVIEW, &rev);
    assert_int_equal(pub.fills, 0);
    assert_int_equal(pub.marked_pages, 0);
    assert_true(rev.fills >= 3); /* "informations", "XX", "Personnel" */
    assert_int_equal(rev.pages, pub.pages);
    assert_true(rev.pages >= 2);
    assert_int_equal(rev.marked_pages, rev.pages);
    assert_int_equal(rev.see_through, rev.pages);
    assert_int_equal(rev.text_count, pub.text_count);
    for (size_t i = 0; i < rev.text_count; i++)
        assert_string_equal(rev.texts[i], pub.texts[i]);
}

/* ---------------------------------------------------------------- text backend */

static char *render_text(const struct rp_doc *doc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    rp_render_text(doc, f);
    fclose(f);
    return buf;
}

static void test_text_names_languages(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = dutch_document(arena, RP_EDITION_PUBLICATION);
    doc->subtitle = "Plan strat\xc3\xa9gique";
    doc->subtitle_lang = rp_doc_lang(doc, "fr");
    struct rp_node *p = doc->body.items[0];
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_TEXT, 0, " en meer.", NULL);
    struct rp_node *c = rp_doc_add_chart(doc, &doc->body, RP_CHART_BAR_GROUPED, "Grafiek", 2, 1);
    rp_doc_chart_category(doc, c, 0, "Personnel");
    rp_doc_chart_category_lang(doc, c, 0, "fr");
    rp_doc_chart_category(doc, c, 1, "ICT");
    rp_doc_chart_series(doc, c, 0, "Budget");
    rp_doc_chart_series_lang(doc, c, 0, "FR-be");
    char *out = render_text(doc);
    assert_non_null(strstr(out, "  subtitle: {fr}Plan strat\xc3\xa9gique\n"));
    assert_non_null(strstr(out, "paragraph body: Een lijst met {fr}informations{nl} en meer.\n"));
    assert_non_null(strstr(out, "paragraph body: Binnen {{XX}} dagen.\n"));
    assert_non_null(strstr(out, "| {fr}Personnel | 12 |"));
    assert_non_null(strstr(out, "categories: | {fr}Personnel | ICT |"));
    assert_non_null(strstr(out, "series {fr}Budget:"));
    free(out);
    rp_arena_free(arena);
}

/* The document's own language is no language mark, whatever its spelling. */
static void test_doc_lang(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = rp_doc_new(arena);
    doc->lang = "nl";
    assert_null(rp_doc_lang(doc, NULL));
    assert_null(rp_doc_lang(doc, ""));
    assert_null(rp_doc_lang(doc, "nl"));
    assert_null(rp_doc_lang(doc, "NL-be"));
    assert_string_equal(rp_doc_lang(doc, "fr-BE"), "fr");
    assert_ptr_equal(rp_doc_lang(doc, "fr"), rp_doc_lang(doc, "FR"));
    assert_string_equal(rp_doc_lang(doc, "la"), "la");
    assert_true(rp_doc_foreign(doc, "fr"));
    assert_false(rp_doc_foreign(doc, "nl-NL"));
    assert_false(rp_doc_foreign(doc, NULL));
    rp_arena_free(arena);
}

/* ---------------------------------------------------------------- marked stretches */

/* What a justified review page shows of a French stretch: its words, its bands and the
 * Span elements its words belong to, line by line (at most 32 lines). */
struct stretches {
    struct rp_rgb fill;
    size_t lines;
    double y[32];               /* baseline of each line with French words */
    double left[32], right[32]; /* extent of the French words on it */
    uint32_t span[32];          /* the element of its first French word */
    size_t words, spans_more;   /* French text items; those in another Span than their line's */
    size_t fills, fills_covering;
};

static int on_stretch_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct stretches *c = ctx;
    if (overlay)
        return 0;
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind != RP_ITEM_TEXT || !it->elem)
            continue;
        const struct rp_struct_elem *e = &page->elems[it->elem];
        if (e->type != RP_ST_SPAN || !e->lang || strcmp(e->lang, "fr") != 0)
            continue;
        size_t l = 0;
        while (l < c->lines && c->y[l] != it->y)
            l++;
        if (l == c->lines) {
            assert_true(l < 32);
            c->lines++;
            c->y[l] = it->y;
            c->left[l] = it->x;
            c->right[l] = it->x;
            c->span[l] = it->elem;
        }
        size_t len = it->len; /* without the space drawn after the word */
        while (len > 0 && it->text[len - 1] == ' ')
            len--;
        double end = it->x; /* fake_advance: half an em a letter, a quarter a space */
        for (size_t k = 0; k < len; k++)
            end += it->size * (it->text[k] == ' ' ? 0.25 : 0.5);
        if (end > c->right[l])
            c->right[l] = end;
        c->spans_more += it->elem != c->span[l];
        c->words++;
    }
    for (size_t i = 0; i < page->count; i++) {
        const struct rp_item *it = &page->items[i];
        if (it->kind != RP_ITEM_RECT || !same_rgb(it->color, c->fill))
            continue;
        c->fills++;
        for (size_t l = 0; l < c->lines; l++)
            if (it->y <= c->y[l] && c->y[l] <= it->y + it->h && it->x <= c->left[l] &&
                it->x + it->w >= c->right[l])
                c->fills_covering++;
    }
    return 0;
}

/* On a justified line each word is placed alone; the French words of one line are still one
 * band and one Span (not one per word), which covers them all. */
static void test_review_stretch_is_one_band_per_line(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_doc *doc = rp_doc_new(arena);
    doc->title = "Evaluatierapport";
    doc->lang = "nl";
    doc->edition = RP_EDITION_REVIEW;
    struct rp_node *p = rp_doc_add_paragraph(doc, &doc->body, RP_PARA_BODY, "Begin ");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_TEXT, 0,
                 "le contrat a ete approuve par le comite de gestion et la nouvelle equipe a "
                 "lance la cartographie de toute organisation avec ses partenaires sociaux",
                 NULL);
    rp_spans_lang(doc, &p->u.paragraph.text, 1, "fr");
    rp_spans_add(doc, &p->u.paragraph.text, RP_SPAN_TEXT, 0, " einde.", NULL);
    struct rp_theme theme;
    rp_theme_default(&theme);
    theme.margin_left = 100;
    theme.margin_right = theme.page_width - 100 - 163;
    theme.justify = true;
    struct rp_layout_env env = {.theme = &theme, .metrics = &metrics, .arena = arena};
    struct stretches c;
    memset(&c, 0, sizeof c);
    c.fill = theme.placeholder_fill;
    struct rp_layout_sink sink = {&c, on_stretch_page};
    struct rp_layout_result res;
    assert_int_equal(rp_layout_document(doc, &env, &sink, &res), 0);
    rp_layout_result_free(&res);
    assert_true(c.lines >= 4);
    assert_true(c.words > 2 * c.lines); /* words placed one by one */
    assert_int_equal(c.spans_more, 0);
    assert_int_equal(c.fills, c.lines);
    assert_int_equal(c.fills_covering, c.lines);
    rp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_french_word_in_dutch_document),
        cmocka_unit_test(test_foreign_word_without_its_patterns),
        cmocka_unit_test(test_document_hyphenates_by_language),
        cmocka_unit_test(test_review_marks),
        cmocka_unit_test(test_review_stretch_is_one_band_per_line),
        cmocka_unit_test(test_text_names_languages),
        cmocka_unit_test(test_doc_lang),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
