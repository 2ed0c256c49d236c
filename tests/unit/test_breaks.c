/* Break opportunities (UAX #14 through render/breaks.c, as rp_atoms_add_text() cuts a span
 * into atoms) and what rp_break_lines() makes of them: soft hyphens, zero-width spaces,
 * joiners, line separators, no-break spaces, slashes, URLs, apostrophes, year ranges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "fake_metrics.h"
#include "render/breaks.h"
#include "render/layout.h"
#include "util/arena.h"

#define SHY "\xc2\xad"
#define ZWSP "\xe2\x80\x8b"
#define ZWJ "\xe2\x80\x8d"
#define WJ "\xe2\x81\xa0"
#define LSEP "\xe2\x80\xa8"
#define PSEP "\xe2\x80\xa9"
#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

/* The atoms of `text` as their texts, each followed by "|" where a line may break without a
 * space ("a/|b"), " " after a space, "#" at a forced break; in a static buffer. */
static const char *atoms_of(const char *text)
{
    static char out[512];
    struct rp_atoms atoms = {0};
    rp_atoms_add_text(&atoms, &metrics, text, strlen(text), RP_FACE_REGULAR, 10, RP_SPAN_TEXT,
                      NULL);
    out[0] = '\0';
    for (size_t i = 0; i < atoms.count; i++) {
        const struct rp_atom *a = &atoms.items[i];
        strncat(out, a->text, a->len);
        if (i + 1 < atoms.count)
            strcat(out, a->brk == RP_BRK_AFTER     ? "|"
                        : a->brk == RP_BRK_SPACE   ? " "
                        : a->brk == RP_BRK_NEWLINE ? "#"
                                                   : "");
    }
    rp_atoms_free(&atoms);
    return out;
}

static void test_slashes_and_urls(void **state)
{
    (void)state;
    assert_string_equal(atoms_of("a/b"), "a/|b");
    assert_string_equal(atoms_of("Total/Totaal"), "Total/|Totaal");
    /* A fraction stays whole; a URL breaks after its double slash and its path's slashes,
     * never between the slashes nor after a period. */
    assert_string_equal(atoms_of("1/2"), "1/2");
    assert_string_equal(atoms_of("https://www.example.be/a/b"), "https://|www.example.be/|a/|b");
}

static void test_hyphens_and_dashes(void **state)
{
    (void)state;
    assert_string_equal(atoms_of("e-premier"), "e-|premier");
    /* A range of years breaks after its hyphen (the one tailoring of UAX #14 here), a
     * leading minus never. */
    assert_string_equal(atoms_of("2022-2023"), "2022-|2023");
    assert_string_equal(atoms_of("-97"), "-97");
    /* A word-initial hyphen (a dash, a bullet) stays with its word (rule LB20a). */
    assert_string_equal(atoms_of("; -p\xc3\xa9nuries"), "; -p\xc3\xa9nuries");
    assert_string_equal(atoms_of("2022\xe2\x80\x93"
                                 "2023"),
                        "2022\xe2\x80\x93|2023");
    /* U+2011, the non-breaking hyphen. */
    assert_string_equal(atoms_of("e\xe2\x80\x91premier"), "e\xe2\x80\x91premier");
}

static void test_apostrophes_and_punctuation(void **state)
{
    (void)state;
    assert_string_equal(atoms_of("l\xe2\x80\x99"
                                 "administration"),
                        "l\xe2\x80\x99"
                        "administration");
    assert_string_equal(atoms_of("l'administration"), "l'administration");
    assert_string_equal(atoms_of("ex." NNBSP ":"), "ex." NNBSP ":");
    assert_string_equal(atoms_of("a.b,c;d:e"), "a.b,c;d:e");
    /* A letter and a numeric prefix or postfix (rule LB24, newer than libunibreak 1.1). */
    assert_string_equal(atoms_of("N\xc2\xb0"), "N\xc2\xb0");
    assert_string_equal(atoms_of("\xe2\x82\xac"
                                 "uro"),
                        "\xe2\x82\xac"
                        "uro");
    /* "!" and "?" followed by a letter: UAX #14 breaks after them. */
    assert_string_equal(atoms_of("oui!non"), "oui!|non");
    assert_string_equal(atoms_of("oui" NNBSP "!" NNBSP "\xc2\xbb"),
                        "oui" NNBSP "!" NNBSP "\xc2\xbb");
}

static void test_no_break_spaces_and_joiners(void **state)
{
    (void)state;
    assert_string_equal(atoms_of("66,7" NBSP "%"), "66,7" NBSP "%");
    assert_string_equal(atoms_of("\xc2\xab" NNBSP "oui" NNBSP "\xc2\xbb"),
                        "\xc2\xab" NNBSP "oui" NNBSP "\xc2\xbb");
    assert_string_equal(atoms_of("a" ZWJ "b"), "a" ZWJ "b");
    assert_string_equal(atoms_of("a" WJ "b"), "a" WJ "b");
}

static void test_invisible_breaks(void **state)
{
    (void)state;
    assert_string_equal(atoms_of("admi" SHY "nis" SHY "tra" SHY "tion"),
                        "admi" SHY "|nis" SHY "|tra" SHY "|tion");
    assert_string_equal(atoms_of("a" ZWSP "b"), "a" ZWSP "|b");
    assert_string_equal(atoms_of("avant" LSEP "apr\xc3\xa8s"), "avant#apr\xc3\xa8s");
    assert_string_equal(atoms_of("avant" PSEP "apr\xc3\xa8s"), "avant#apr\xc3\xa8s");
    /* A soft hyphen at the text's end is no break (the next span continues the word). */
    assert_string_equal(atoms_of("mot" SHY), "mot" SHY);
}

/* Breaks `text` at size 10 (5 points a character, 2.5 a space) in `width` into `lines`. */
static void break_text(struct rp_atoms *atoms, struct rp_lines *lines, const char *text,
                       double width)
{
    struct rp_arena *arena = rp_arena_new(); /* a cut or a hyphenation would use it */
    struct rp_theme theme;
    memset(&theme, 0, sizeof theme);
    struct rp_layout_env env = {.theme = &theme, .metrics = &metrics, .arena = arena};
    atoms->count = 0;
    rp_atoms_add_text(atoms, &metrics, text, strlen(text), RP_FACE_REGULAR, 10, RP_SPAN_TEXT, NULL);
    rp_break_lines(atoms, width, &env, lines);
    rp_arena_free(arena);
}

static void test_soft_hyphen_only_at_line_end(void **state)
{
    (void)state;
    struct rp_atoms atoms = {0};
    struct rp_lines lines = {0};
    const char *text = "xx admi" SHY "nistration";
    /* Room for "xx admi-" (37.5 points), not for the whole word: the line breaks at the soft hyphen
     * and its width counts the hyphen shown there. */
    break_text(&atoms, &lines, text, 55);
    assert_int_equal(lines.count, 2);
    const struct rp_atom *end = &atoms.items[lines.items[0].end - 1];
    assert_true(rp_atom_soft(end));
    assert_float_equal(end->space, 5, 0.01);
    assert_float_equal(lines.items[0].width, 37.5, 0.01);
    assert_int_equal(atoms.items[lines.items[1].first].text[0], 'n');
    /* "xx admi" fits (32.5) but not with its hyphen: the word goes to the next line, which
     * breaks at its soft hyphen ("admi-", 25), its rest cut as wider than a line. */
    break_text(&atoms, &lines, text, 35);
    assert_int_equal(lines.count, 4);
    assert_int_equal(lines.items[0].end - lines.items[0].first, 1);
    assert_true(rp_atom_soft(&atoms.items[lines.items[1].end - 1]));
    assert_float_equal(lines.items[1].width, 25, 0.01);
    /* Wide enough for all: one line, no hyphen, the soft hyphen of no width. */
    break_text(&atoms, &lines, text, 200);
    assert_int_equal(lines.count, 1);
    assert_float_equal(lines.items[0].width, 82.5, 0.01);
    rp_atoms_free(&atoms);
    rp_lines_free(&lines);
}

static void test_zero_width_space_and_line_separator(void **state)
{
    (void)state;
    struct rp_atoms atoms = {0};
    struct rp_lines lines = {0};
    break_text(&atoms, &lines, "aaaa" ZWSP "bbbb", 30);
    assert_int_equal(lines.count, 2);
    assert_float_equal(lines.items[0].width, 20, 0.01); /* the zero-width space draws nothing */
    assert_false(rp_atom_soft(&atoms.items[0]));
    break_text(&atoms, &lines, "aa" LSEP "bb", 200);
    assert_int_equal(lines.count, 2);
    assert_true(lines.items[0].last); /* forced: never justified */
    assert_int_equal(atoms.items[0].len, 2);
    assert_float_equal(lines.items[0].width, 10, 0.01);
    rp_atoms_free(&atoms);
    rp_lines_free(&lines);
}

static void test_never_at_no_break_space(void **state)
{
    (void)state;
    struct rp_atoms atoms = {0};
    struct rp_lines lines = {0};
    /* "aaaa bbbb" (42.5 points) fits in 45 but "aaaa bbbb cc" does not: it moves whole. */
    break_text(&atoms, &lines, "x aaaa" NBSP "bbbb", 45);
    assert_int_equal(lines.count, 2);
    assert_int_equal(lines.items[1].end - lines.items[1].first, 1);
    break_text(&atoms, &lines, "x aaaa" NNBSP "bbbb", 50);
    assert_int_equal(lines.count, 2);
    rp_atoms_free(&atoms);
    rp_lines_free(&lines);
}

/* The words answered without the library get what the library answers. */
static void test_plain_words_agree_with_the_library(void **state)
{
    (void)state;
    const char *words[] = {"l\xe2\x80\x99"
                           "administration",
                           "a.b,c;d:e",
                           "(enfin)",
                           "oui" NNBSP "!",
                           "66,7" NBSP "%",
                           "\xc2\xab" NNBSP "d\xc3\xa9j\xc3\xa0" NNBSP "\xc2\xbb",
                           "x)y",
                           "\"a\"b"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t len = strlen(words[i]);
        bool plain = false;
        assert_int_equal(rp_next_word(words[i], len, &plain), len);
        char out[64];
        size_t n = rp_word_breaks(words[i], len, out);
        if (plain)
            assert_int_equal(n, 0);
    }
    bool plain = true;
    assert_int_equal(rp_next_word("oui!non x", 9, &plain), 7);
    assert_false(plain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slashes_and_urls),
        cmocka_unit_test(test_hyphens_and_dashes),
        cmocka_unit_test(test_apostrophes_and_punctuation),
        cmocka_unit_test(test_no_break_spaces_and_joiners),
        cmocka_unit_test(test_invisible_breaks),
        cmocka_unit_test(test_soft_hyphen_only_at_line_end),
        cmocka_unit_test(test_zero_width_space_and_line_separator),
        cmocka_unit_test(test_never_at_no_break_space),
        cmocka_unit_test(test_plain_words_agree_with_the_library),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
