/* Characters the document's face lacks (src/render/font_fallback.c, pdf_fallback.c, bidi.c):
 * the fontconfig lookup of a fallback face, the PDF backend measuring with it, and the
 * visual order of right-to-left pieces in a line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "render/bidi.h"
#include "render/font_fallback.h"
#include "render/pdf_internal.h"
#include "render/shape.h"
#include "util/diag.h"

#include <stdlib.h>
#include <string.h>

static struct pdf pdf;
static struct rp_metrics metrics;
static struct rp_diags diags;

static int setup(void **state)
{
    (void)state;
    pdf.diags = &diags;
    pdf.path = "test.pdf";
    pdf.doc = HPDF_New(NULL, NULL);
    if (!pdf.doc || rp_fonts_find("Liberation Sans", &pdf.files, &diags) != 0)
        return -1;
    return rp_pdf_fonts_open(&pdf, &metrics);
}

static int teardown(void **state)
{
    (void)state;
    HPDF_Free(pdf.doc);
    rp_pdf_fonts_free(&pdf);
    rp_font_files_free(&pdf.files);
    rp_diags_free(&diags);
    return 0;
}

static double width(enum rp_face face, const char *s)
{
    return metrics.width(metrics.ctx, face, s, strlen(s));
}

/* The advance of `cp` in the font file `path`, loaded apart. */
static int32_t advance_in(const char *path, uint32_t cp)
{
    struct rp_shaper *s = rp_shaper_new();
    char why[160];
    assert_int_equal(rp_shaper_load(s, 0, path, why, sizeof why), 0);
    assert_int_not_equal(rp_shaper_glyph(s, 0, cp), 0);
    int32_t w = rp_shaper_advance(s, 0, cp);
    rp_shaper_free(s);
    return w;
}

/* ✓ is not in Liberation Sans; fontconfig finds an embeddable face that has it, the same
 * one every time, and a face of the bold weight for bold text. */
static void test_lookup(void **state)
{
    (void)state;
    uint32_t check = 0x2713;
    assert_int_equal(rp_shaper_glyph(pdf.shaper, RP_FACE_REGULAR, check), 0);
    char *a = rp_font_fallback_find(RP_FACE_REGULAR, &check, 1);
    char *b = rp_font_fallback_find(RP_FACE_REGULAR, &check, 1);
    char *bold = rp_font_fallback_find(RP_FACE_BOLD, &check, 1);
    assert_non_null(a);
    assert_non_null(bold);
    assert_string_equal(a, b);
    assert_string_not_equal(a, bold);
    assert_non_null(strstr(a, ".ttf"));
    assert_true(advance_in(a, check) > 0);
    /* A run of characters of two scripts: one face that has both, or none. */
    uint32_t two[] = {0x05D0, 0x0627, 0x2605};
    char *both = rp_font_fallback_find(RP_FACE_REGULAR, two, 3);
    assert_non_null(both);
    for (size_t i = 0; i < 3; i++)
        assert_true(advance_in(both, two[i]) > 0);
    /* A code point no font has (unassigned). */
    uint32_t none = 0x0378;
    assert_null(rp_font_fallback_find(RP_FACE_REGULAR, &none, 1));
    assert_false(rp_font_fallback_any(none));
    assert_true(rp_font_fallback_any('a'));
    free(a);
    free(b);
    free(bold);
    free(both);
}

/* The layout measures a character Liberation lacks with the advance of the face that draws
 * it, and one fallback face serves every character it has, per face of the family. */
static void test_measure(void **state)
{
    (void)state;
    uint32_t check = 0x2713;
    char *path = rp_font_fallback_find(RP_FACE_REGULAR, &check, 1);
    assert_non_null(path);
    double w = width(RP_FACE_REGULAR, "\xE2\x9C\x93"); /* ✓ */
    assert_int_equal((int)w, advance_in(path, check));
    assert_int_equal((int)metrics.advance(metrics.ctx, RP_FACE_REGULAR, check), (int)w);
    /* Not the width of Liberation's .notdef box. */
    assert_true(w != rp_shaper_glyph_width(pdf.shaper, RP_FACE_REGULAR, 0));
    assert_int_equal(pdf.fallback_count, 1);
    assert_string_equal(rp_pdf_face_path(&pdf, RP_FACE__MAX), path);
    /* Within a word: the pieces of the document's face and the fallback's add up. */
    double ab = width(RP_FACE_REGULAR, "ab");
    assert_true(width(RP_FACE_REGULAR, "a\xE2\x9C\x93"
                                       "b") > ab + w - 1);
    assert_true(width(RP_FACE_REGULAR, "a\xE2\x9C\x93"
                                       "b") < ab + w + 1);
    /* ★, an Arabic word and an emoji: the same fallback face. */
    assert_true(width(RP_FACE_REGULAR, "\xE2\x98\x85") > 0);
    assert_true(width(RP_FACE_REGULAR, "\xD8\xA8\xD9\x83\xD9\x85") > 0); /* بكم */
    assert_true(width(RP_FACE_REGULAR, "\xF0\x9F\x98\x80") > 0);         /* 😀 */
    assert_int_equal(pdf.fallback_count, 1);
    /* Bold text gets a bold fallback face. */
    assert_true(width(RP_FACE_BOLD, "\xE2\x9C\x93") > 0);
    assert_int_equal(pdf.fallback_count, 2);
    assert_int_equal(pdf.fallback_style[RP_FACE__MAX + 1], RP_FACE_BOLD);
    /* Nothing was missing, so nothing was said. */
    assert_int_equal(diags.count, 0);
    free(path);
}

/* An Arabic word is shaped as one run: its letters join, so it is not as wide as its
 * letters shaped apart; a Hebrew phrase is as wide as its words and space. */
static void test_measure_rtl(void **state)
{
    (void)state;
    const char *word = "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"; /* مرحبا */
    double apart = 0;
    for (const char *c = word; *c; c += 2) {
        char one[3] = {c[0], c[1], 0};
        apart += width(RP_FACE_REGULAR, one);
    }
    assert_true(width(RP_FACE_REGULAR, word) != apart);
    const char *shalom = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",
               *olam = "\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D";
    char phrase[64];
    snprintf(phrase, sizeof phrase, "%s %s", shalom, olam);
    double sum =
        width(RP_FACE_REGULAR, shalom) + width(RP_FACE_REGULAR, " ") + width(RP_FACE_REGULAR, olam);
    assert_true(width(RP_FACE_REGULAR, phrase) == sum);
}

static void test_bidi(void **state)
{
    (void)state;
    const char *text = "\xC2\xAB\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xC2\xBB,"; /* «שלום», */
    size_t a = 0, b = 0;
    assert_true(rp_bidi_rtl_span(text, strlen(text), &a, &b));
    assert_int_equal(a, 2);
    assert_int_equal(b, 10);
    assert_false(rp_bidi_rtl_span("d\xC3\xA9j\xC3\xA0", 6, &a, &b));
    assert_false(rp_bidi_has_rtl("d\xC3\xA9j\xC3\xA0 \xE2\x9C\x93", 10));
    assert_true(rp_bidi_attaches(0x200B));
    assert_true(rp_bidi_attaches(0x2028));
    assert_true(rp_bidi_attaches(0x05B8)); /* a Hebrew point */
    assert_false(rp_bidi_attaches('a'));
    /* "puis שלום עולם et": the Hebrew words change places, the French ones stay. */
    struct rp_bidi_piece line[] = {
        {"puis", 4, false},
        {" ", 1, false},
        {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 8, true},
        {" ", 1, false},
        {"\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D", 8, true},
        {" ", 1, false},
        {"et", 2, false},
    };
    size_t order[7];
    bool odd[7];
    assert_int_equal(rp_bidi_order(line, 7, order, odd), 0);
    size_t want[] = {0, 1, 4, 3, 2, 5, 6};
    bool want_odd[] = {false, false, true, true, true, false, false};
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(order[i], want[i]);
        assert_int_equal(odd[i], want_odd[i]);
    }
    /* "שלום (עולם) שלום": the brackets lie in the right-to-left run, mirrored. */
    struct rp_bidi_piece quoted[] = {
        {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 8, true}, {" ", 1, false}, {"(", 1, false},
        {"\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D", 8, true}, {")", 1, false},
    };
    assert_int_equal(rp_bidi_order(quoted, 5, order, odd), 0);
    size_t want_quoted[] = {4, 3, 2, 1, 0};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(order[i], want_quoted[i]);
        assert_true(odd[i]);
    }
    assert_int_equal(rp_bidi_mirror('('), ')');
    assert_int_equal(rp_bidi_mirror(0xAB), 0xBB);
    assert_int_equal(rp_bidi_mirror('a'), 'a');
    /* A number after a Hebrew word stays after it, to its left. */
    struct rp_bidi_piece num[] = {
        {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 8, true}, {" ", 1, false}, {"12", 2, false}};
    assert_int_equal(rp_bidi_order(num, 3, order, NULL), 0);
    assert_int_equal(order[0], 2);
    assert_int_equal(order[2], 0);
    /* Left-to-right text keeps its order. */
    struct rp_bidi_piece fr[] = {{"le", 2, false}, {" ", 1, false}, {"(plan)", 6, false}};
    assert_int_equal(rp_bidi_order(fr, 3, order, NULL), 0);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(order[i], i);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_measure),
        cmocka_unit_test(test_measure_rtl),
        cmocka_unit_test(test_bidi),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
