/* The one rule that chooses the language of model text, and its count: the edition's items
 * when complete, else all of the source's (never a partial translation); every text shown is
 * counted once, a fallback marked on the text and in doc->coverage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "compose/report.h"
#include "default_templates.h"
#include "util/arena.h"

/* `n` paragraphs, each "<lang> <i>" in its language, in the order given by `langs`. */
static struct rp_texts texts_of(struct rp_arena *a, const char *const *langs, size_t n)
{
    struct rp_texts t = {rp_arena_array(a, n ? n : 1, sizeof(struct rp_text)), n};
    for (size_t i = 0; i < n; i++) {
        t.items[i].lang = langs[i];
        t.items[i].plain = rp_arena_printf(a, "%s %zu", langs[i], i);
        t.items[i].runs = rp_arena_array(a, 1, sizeof(struct rp_run));
        t.items[i].runs[0].text = t.items[i].plain;
        t.items[i].run_count = 1;
    }
    return t;
}

struct fixture {
    struct rp_arena *arena;
    struct rp_report r;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    f->arena = rp_arena_new();
    rp_report_init(&f->r, default_templates(), f->arena, "nl", RP_EDITION_REVIEW, "fr");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    rp_arena_free(f->arena);
    free(f);
    return 0;
}

/* A complete translation is shown: no fallback. */
static void test_complete_translation(void **state)
{
    struct fixture *f = *state;
    static const char *const langs[] = {"fr", "nl", "fr", "nl"};
    struct rp_texts t = texts_of(f->arena, langs, 4);
    const char *lang;
    assert_string_equal(rp_report_text_in(&f->r, &t, " / ", &lang), "nl 1 / nl 3");
    assert_null(lang);
    assert_int_equal(f->r.doc->coverage.shown, 1);
    assert_int_equal(f->r.doc->coverage.fallback, 0);
    assert_false(f->r.fell_back);
}

/* One paragraph of three translated: the three source paragraphs are shown, as a fallback. */
static void test_partial_translation_shows_the_source(void **state)
{
    struct fixture *f = *state;
    static const char *const langs[] = {"fr", "fr", "nl", "fr"};
    struct rp_texts t = texts_of(f->arena, langs, 4);
    struct rp_node *sec = rp_doc_add_section(f->r.doc, &f->r.doc->body, 1, NULL, "S");
    rp_report_paragraphs(&f->r, &sec->u.section.children, &t, RP_PARA_BODY);
    const struct rp_nodes *kids = &sec->u.section.children;
    assert_int_equal(kids->count, 3);
    assert_string_equal(kids->items[2]->u.paragraph.text.items[0].text, "fr 3");
    assert_string_equal(kids->items[0]->u.paragraph.text.items[0].lang, "fr");
    assert_int_equal(f->r.doc->coverage.shown, 1);
    assert_int_equal(f->r.doc->coverage.fallback, 1);
    assert_int_equal(f->r.doc->coverage.partial, 1);
    assert_true(f->r.fell_back);
}

/* No translation: the source, counted; a language neither edition nor source: the first. */
static void test_missing_translation(void **state)
{
    struct fixture *f = *state;
    static const char *const fr[] = {"fr"}, *const de[] = {"de", "en"};
    struct rp_texts t = texts_of(f->arena, fr, 1), u = texts_of(f->arena, de, 2);
    const char *lang;
    assert_string_equal(rp_report_plain_in(&f->r, &t, &lang), "fr 0");
    assert_string_equal(lang, "fr");
    assert_string_equal(rp_report_plain_in(&f->r, &u, &lang), "de 0");
    assert_string_equal(lang, "de");
    assert_int_equal(f->r.doc->coverage.shown, 2);
    assert_int_equal(f->r.doc->coverage.fallback, 2);
    assert_int_equal(f->r.doc->coverage.partial, 0);
}

/* Looking does not count; an empty text is not shown. */
static void test_peek_and_empty(void **state)
{
    struct fixture *f = *state;
    static const char *const fr[] = {"fr"};
    struct rp_texts t = texts_of(f->arena, fr, 1), none = {NULL, 0};
    assert_non_null(rp_report_peek(&f->r, &t));
    assert_string_equal(rp_report_peek_lang(&f->r, &t), "fr");
    assert_null(rp_report_pick(&f->r, &none));
    assert_string_equal(rp_report_text(&f->r, &none, " "), "");
    assert_int_equal(f->r.doc->coverage.shown, 0);
    assert_false(f->r.fell_back);
}

/* A cell and a label sentence carry the language of the model text in them. */
static void test_cell_and_label_languages(void **state)
{
    struct fixture *f = *state;
    static const char *const fr[] = {"fr"};
    struct rp_texts t = texts_of(f->arena, fr, 1);
    struct rp_node *table = rp_doc_add_table(f->r.doc, &f->r.doc->body, 1, NULL);
    size_t row = rp_doc_table_row(f->r.doc, table, RP_DOC_ROW_LINE);
    rp_report_cell(&f->r, table, row, 0, &t, NULL, 0);
    assert_string_equal(table->u.table.rows[0].cells[0].text, "fr 0");
    assert_string_equal(table->u.table.rows[0].cells[0].lang, "fr");
    struct rp_spans s = {0};
    rp_report_lf_spans(&f->r, &s, 0, "dash.kf.budget", "Tableau 1", "fr", " - VAK 2023");
    assert_true(s.count >= 2);
    size_t foreign = 0;
    for (size_t i = 0; i < s.count; i++)
        if (s.items[i].lang) {
            foreign++;
            assert_string_equal(s.items[i].text, "Tableau 1");
        }
    assert_int_equal(foreign, 1);
    assert_non_null(strstr(rp_spans_join(f->r.doc, &s), "Tableau 1 - VAK 2023"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_complete_translation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_partial_translation_shows_the_source, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_translation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_peek_and_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cell_and_label_languages, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
