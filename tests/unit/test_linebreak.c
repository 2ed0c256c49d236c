/* Line breaking of long words and long paragraphs: every character kept in order, every
 * line within the width, and a cost (rp_lines.work) that doubles when the text doubles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "render/hyphen.h"
#include "render/layout.h"
#include "util/arena.h"

/* Every character is half an em wide, a space a quarter (5 and 2.5 points at size 10). */
static double fake_advance(void *ctx, enum rp_face face, uint32_t cp)
{
    (void)ctx;
    (void)face;
    return cp == ' ' ? 250 : 500;
}

static const struct rp_metrics metrics = {NULL, fake_advance, 800, -200, NULL, NULL};

#define WIDTH 200.0 /* 40 characters */

/* `n` bytes (or a little more: whole repetitions) of `unit` repeated. */
static char *repeat(const char *unit, size_t n)
{
    size_t u = strlen(unit), len = (n + u - 1) / u * u;
    char *s = malloc(len + 1);
    for (size_t i = 0; i < len; i += u)
        memcpy(s + i, unit, u);
    s[len] = '\0';
    return s;
}

/* Breaks `text` (added in spans of `span` bytes, 0 for one span) with the French hyphenator
 * when there is one, checks the lines and returns the work; *hyphens counts the lines that
 * end hyphenated. */
static size_t break_and_check(const char *text, size_t span, size_t *hyphens)
{
    struct rp_arena *arena = rp_arena_new();
    struct rp_theme theme;
    memset(&theme, 0, sizeof theme);
    struct rp_layout_env env = {.theme = &theme,
                                .metrics = &metrics,
                                .hyphenator = rp_hyphenator_open("fr"),
                                .arena = arena};
    struct rp_atoms atoms = {0};
    struct rp_lines lines = {0};
    size_t len = strlen(text);
    for (size_t at = 0; at < len; at += span ? span : len) {
        size_t n = span && len - at > span ? span : len - at;
        rp_atoms_add_text(&atoms, &metrics, text + at, n, RP_FACE_REGULAR, 10, RP_SPAN_TEXT, NULL);
    }
    rp_break_lines(&atoms, WIDTH, &env, &lines);

    /* Put the text back together: the atoms of every line in order, a space after each
     * RP_BRK_SPACE atom, without the hyphen a hyphenated head (a copy in the arena, not a
     * piece of `text`) carries. */
    char *back = malloc(len + 1);
    size_t o = 0, expected_end = 0;
    *hyphens = 0;
    for (size_t i = 0; i < lines.count; i++) {
        const struct rp_line *ln = &lines.items[i];
        assert_int_equal(ln->first, expected_end);
        assert_true(ln->end > ln->first);
        assert_true(ln->width <= WIDTH + 0.01);
        expected_end = ln->end;
        for (size_t k = ln->first; k < ln->end; k++) {
            const struct rp_atom *a = &atoms.items[k];
            bool copy = a->text < text || a->text >= text + len;
            size_t n = a->len - (copy ? 1 : 0);
            *hyphens += copy;
            assert_true(o + n + (a->brk == RP_BRK_SPACE) <= len);
            memcpy(back + o, a->text, n);
            o += n;
            if (a->brk == RP_BRK_SPACE)
                back[o++] = ' ';
        }
    }
    assert_int_equal(expected_end, atoms.count);
    back[o] = '\0';
    assert_int_equal(o, len);
    assert_true(memcmp(back, text, len) == 0);
    assert_true(lines.count >= len / 45); /* lines are full: no more than ~40 characters */
    size_t work = lines.work;
    free(back);
    rp_atoms_free(&atoms);
    rp_lines_free(&lines);
    rp_hyphenator_close((struct rp_hyphenator *)env.hyphenator);
    rp_arena_free(arena);
    return work;
}

/* Twice the text costs twice the work (not four times), and little per byte. Returns the
 * number of hyphenated lines. */
static size_t check_linear(const char *unit, size_t span)
{
    const size_t n = 40000;
    char *once = repeat(unit, n), *twice = repeat(unit, 2 * n);
    size_t h1, h2;
    size_t w1 = break_and_check(once, span, &h1), w2 = break_and_check(twice, span, &h2);
    print_message("%-24s span %zu: work %zu for %zu bytes, %zu for %zu; %zu hyphens\n", unit, span,
                  w1, strlen(once), w2, strlen(twice), h2);
    assert_true(w1 <= 8 * strlen(once));
    assert_true(w2 * 10 <= w1 * 22 && w2 * 10 >= w1 * 18);
    free(once);
    free(twice);
    return h2;
}

/* One word of letters: no dictionary word, cut between characters on every line. */
static void test_long_word(void **state)
{
    (void)state;
    check_linear("administrationfederale", 0);
}

/* One word of short runs of letters: hyphenated on every line. */
static void test_long_hyphenated_word(void **state)
{
    (void)state;
    size_t hyphens = check_linear("l'administration", 0);
    if (rp_hyphenator_open("fr"))
        assert_true(hyphens > 1000);
}

/* One word of many spans (atoms glued together). */
static void test_long_word_of_spans(void **state)
{
    (void)state;
    check_linear("administrationfederale", 3);
}

/* A paragraph whose lines end hyphenated: splits must not move the atoms after them. */
static void test_long_paragraph(void **state)
{
    (void)state;
    size_t hyphens = check_linear("évaluation des objectifs stratégiques de l'administration ", 0);
    if (rp_hyphenator_open("fr"))
        assert_true(hyphens > 100);
    check_linear("a bb ccc dddd eeeee ffffff ", 0);
}

/* Closing punctuation never starts a line and opening punctuation never ends one, even where
 * an ordinary space parts them from their word: at every measure from 15 characters (the
 * widest such word, "phénoménale » ;") to 40. Narrower, such a word is cut like any word
 * wider than the line. */
static void test_no_line_starts_with_closing_punctuation(void **state)
{
    (void)state;
    const char *text = "Une performance vraiment phénoménale » ; elle dit « oui » ( enfin ) , "
                       "puis « non » et encore ? « peut-être » .";
    struct rp_arena *arena = rp_arena_new();
    struct rp_theme theme;
    memset(&theme, 0, sizeof theme);
    struct rp_layout_env env = {.theme = &theme, .metrics = &metrics, .arena = arena};
    for (double width = 75; width <= WIDTH; width += 2.5) {
        struct rp_atoms atoms = {0};
        struct rp_lines lines = {0};
        rp_atoms_add_text(&atoms, &metrics, text, strlen(text), RP_FACE_REGULAR, 10, RP_SPAN_TEXT,
                          NULL);
        rp_break_lines(&atoms, width, &env, &lines);
        assert_true(lines.count > 1);
        for (size_t i = 0; i < lines.count; i++) {
            const struct rp_line *ln = &lines.items[i];
            const struct rp_atom *first = &atoms.items[ln->first],
                                 *last = &atoms.items[ln->end - 1];
            if (i > 0) {
                assert_true(strncmp(first->text, "\xc2\xbb", 2) != 0); /* » */
                assert_true(strchr(";:!?,.)", first->text[0]) == NULL);
            }
            if (i + 1 < lines.count && last->len >= 2)
                assert_true(strncmp(last->text + last->len - 2, "\xc2\xab", 2) != 0); /* « */
        }
        rp_atoms_free(&atoms);
        rp_lines_free(&lines);
    }
    rp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_word),
        cmocka_unit_test(test_long_hyphenated_word),
        cmocka_unit_test(test_long_word_of_spans),
        cmocka_unit_test(test_long_paragraph),
        cmocka_unit_test(test_no_line_starts_with_closing_punctuation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
