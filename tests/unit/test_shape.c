/* Shaping (src/render/shape.c): kerning narrows "AV", no ligatures, the cache, the glyphs
 * drawn mapped back to their characters, and the subset of a face. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "render/fonts.h"
#include "render/shape.h"
#include "util/diag.h"
#include "util/fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct rp_shaper *shaper;
static struct rp_font_files files;

static int setup(void **state)
{
    (void)state;
    char why[160];
    struct rp_diags diags = {0};
    if (rp_fonts_find("Liberation Sans", &files, &diags) != 0)
        return -1;
    rp_diags_free(&diags);
    shaper = rp_shaper_new();
    return shaper && rp_shaper_load(shaper, 0, files.path[RP_FACE_REGULAR], why, sizeof why) == 0
               ? 0
               : -1;
}

static int teardown(void **state)
{
    (void)state;
    rp_shaper_free(shaper);
    rp_font_files_free(&files);
    return 0;
}

/* The width of `s` shaped, and the sum of the nominal advances of its characters. */
static int32_t shaped(const char *s)
{
    return rp_shape(shaper, 0, s, strlen(s))->width;
}

static int32_t unkerned(const char *s)
{
    int32_t w = 0;
    for (const char *c = s; *c; c++)
        w += rp_shaper_advance(shaper, 0, (unsigned char)*c);
    return w;
}

/* Words are shaped once per font file in the process, whichever shaper asks: a second
 * shaper of the same file gets the very result of the first, one of another file its own. */
static void test_cache_shared_by_shapers(void **state)
{
    (void)state;
    char why[160];
    struct rp_shaper *other = rp_shaper_new();
    assert_non_null(other);
    assert_int_equal(rp_shaper_load(other, 0, files.path[RP_FACE_REGULAR], why, sizeof why), 0);
    assert_int_equal(rp_shaper_load(other, 1, files.path[RP_FACE_BOLD], why, sizeof why), 0);
    const char *word = "Tableau 2024";
    const struct rp_shaped *mine = rp_shape(shaper, 0, word, strlen(word));
    int32_t width = mine->width;
    const struct rp_shaped *theirs = rp_shape(other, 0, word, strlen(word));
    assert_ptr_equal(theirs, mine);
    const struct rp_shaped *bold = rp_shape(other, 1, word, strlen(word));
    assert_ptr_not_equal(bold, mine);
    assert_true(bold->width > width); /* Liberation Sans Bold is wider */
    rp_shaper_free(other);
    /* Freeing a shaper leaves the words of the others. */
    assert_ptr_equal(rp_shape(shaper, 0, word, strlen(word)), mine);
    assert_int_equal(rp_shape(shaper, 0, word, strlen(word))->width, width);
}

/* A font file is opened and measured once per process: a shaper made after another, and
 * after that one is freed, has the same advances and draws into its own subset (the glyphs
 * used are each shaper's); a file that failed to load fails again with its reason. */
static void test_font_file_shared_by_shapers(void **state)
{
    (void)state;
    char why[160];
    struct rp_shaper *first = rp_shaper_new(), *second = rp_shaper_new();
    assert_non_null(first);
    assert_non_null(second);
    assert_int_equal(rp_shaper_load(first, 2, files.path[RP_FACE_REGULAR], why, sizeof why), 0);
    unsigned glyphs = rp_shaper_glyph_count(first, 2);
    int32_t a = rp_shaper_advance(first, 2, 'A'), w = rp_shaper_advance(first, 2, 'W');
    assert_true(glyphs > 0 && a > 0 && w > a);
    const char *word = "Wallonie";
    rp_shaper_use(first, 2, rp_shape(first, 2, word, strlen(word)), word, strlen(word));
    rp_shaper_free(first);
    assert_int_equal(rp_shaper_load(second, 2, files.path[RP_FACE_REGULAR], why, sizeof why), 0);
    assert_int_equal(rp_shaper_glyph_count(second, 2), glyphs);
    assert_int_equal(rp_shaper_advance(second, 2, 'A'), a);
    assert_int_equal(rp_shaper_advance(second, 2, 'W'), w);
    assert_int_equal(rp_shaper_used_count(second, 2), 1); /* .notdef only: nothing of first */
    const struct rp_shaped *shaped = rp_shape(second, 2, word, strlen(word));
    assert_int_equal(shaped->count, strlen(word));
    rp_shaper_use(second, 2, shaped, word, strlen(word));
    assert_true(rp_shaper_used_count(second, 2) > 1);
    size_t len = 0;
    uint16_t *new_gid = calloc(glyphs, sizeof *new_gid);
    unsigned char *subset = rp_shaper_subset(second, 2, &len, new_gid);
    assert_non_null(subset);
    assert_true(len > 0);
    free(subset);
    free(new_gid);
    for (int i = 0; i < 2; i++) {
        struct rp_shaper *bad = rp_shaper_new();
        assert_int_equal(rp_shaper_load(bad, 0, "/etc/passwd", why, sizeof why), -1);
        assert_string_equal(why, "is not a TrueType font");
        rp_shaper_free(bad);
    }
    rp_shaper_free(second);
}

/* A face that cannot be loaded says why, for the error a cron run's log shows. */
static void test_load_failure_says_why(void **state)
{
    (void)state;
    struct rp_shaper *other = rp_shaper_new();
    assert_non_null(other);
    char why[160] = "";
    assert_int_equal(rp_shaper_load(other, 0, "/nonexistent/font.ttf", why, sizeof why), -1);
    assert_non_null(strstr(why, "No such file or directory"));
    /* A regular file that is not a font (/etc/passwd is on every Debian system). */
    assert_int_equal(rp_shaper_load(other, 1, "/etc/passwd", why, sizeof why), -1);
    assert_string_equal(why, "is not a TrueType font");
    rp_shaper_free(other);
}

static void test_kerning(void **state)
{
    (void)state;
    /* Liberation Sans kerns these pairs (its GPOS "kern" feature). */
    const char *pairs[] = {"AV", "Te", "To", "Ye"};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        const struct rp_shaped *sh = rp_shape(shaper, 0, pairs[i], 2);
        assert_int_equal(sh->count, 2);
        assert_true(sh->g[0].kern < 0);
        assert_true(shaped(pairs[i]) < unkerned(pairs[i]));
        assert_int_equal(shaped(pairs[i]), unkerned(pairs[i]) + sh->g[0].kern);
    }
    /* A pair the font does not kern keeps its advances. */
    assert_int_equal(shaped("nn"), unkerned("nn"));
}

static void test_no_ligature(void **state)
{
    (void)state;
    const struct rp_shaped *sh = rp_shape(shaper, 0, "fi", 2);
    assert_int_equal(sh->count, 2);
    assert_int_equal(sh->g[0].gid, rp_shaper_glyph(shaper, 0, 'f'));
    assert_int_equal(sh->g[1].gid, rp_shaper_glyph(shaper, 0, 'i'));
}

static void test_cache_and_clusters(void **state)
{
    (void)state;
    const char *word = "d\xc3\xa9j\xc3\xa0"; /* déjà: clusters are byte offsets */
    const struct rp_shaped *a = rp_shape(shaper, 0, word, strlen(word));
    assert_ptr_equal(a, rp_shape(shaper, 0, word, strlen(word)));
    assert_int_equal(a->count, 4);
    uint32_t clusters[] = {0, 1, 3, 4};
    for (int i = 0; i < 4; i++)
        assert_int_equal(a->g[i].cluster, clusters[i]);
    /* A soft hyphen and control characters take no glyph. */
    assert_int_equal(rp_shape(shaper, 0,
                              "a\xc2\xad"
                              "b\n",
                              5)
                         ->count,
                     2);
}

static void test_use_and_subset(void **state)
{
    (void)state;
    const char *word = "\xc3\xa9t\xc3\xa9"; /* été */
    const struct rp_shaped *sh = rp_shape(shaper, 0, word, strlen(word));
    rp_shaper_use(shaper, 0, sh, word, strlen(word));
    uint16_t e = rp_shaper_glyph(shaper, 0, 0xE9);
    assert_string_equal(rp_shaper_text_of(shaper, 0, e), "\xc3\xa9");
    assert_string_equal(rp_shaper_text_of(shaper, 0, rp_shaper_glyph(shaper, 0, 't')), "t");
    /* .notdef, é and t; the glyphs listed in order. */
    assert_int_equal(rp_shaper_used_count(shaper, 0), 3);
    long g = -1, prev = -1;
    while (rp_shaper_next_used(shaper, 0, &g)) {
        assert_true(g > prev);
        prev = g;
    }
    size_t len = 0;
    uint16_t *new_gid = calloc(rp_shaper_glyph_count(shaper, 0), sizeof *new_gid);
    assert_non_null(new_gid);
    unsigned char *font = rp_shaper_subset(shaper, 0, &len, new_gid);
    assert_non_null(font);
    /* A TrueType program, much smaller than the face (hundreds of kB): with its glyphs
     * renumbered densely in the order of their ids, .notdef first. */
    assert_true(len > 12 && len < 40000);
    assert_memory_equal(font, "\x00\x01\x00\x00", 4);
    uint16_t t = rp_shaper_glyph(shaper, 0, 't');
    assert_int_equal(new_gid[0], 0);
    assert_true(new_gid[e < t ? e : t] > 0);
    assert_true(new_gid[e < t ? e : t] < new_gid[e < t ? t : e]);
    /* maxp's glyph count: the three glyphs and the parts of the composite é only. */
    unsigned tables = (unsigned)(font[4] << 8 | font[5]);
    unsigned glyphs = 0;
    for (unsigned i = 0; i < tables; i++) {
        const unsigned char *rec = font + 12 + 16 * i;
        if (memcmp(rec, "maxp", 4) == 0) {
            unsigned off = (unsigned)(rec[8] << 24 | rec[9] << 16 | rec[10] << 8 | rec[11]);
            glyphs = (unsigned)(font[off + 4] << 8 | font[off + 5]);
        }
    }
    assert_true(glyphs > new_gid[e < t ? t : e] && glyphs <= 6);
    free(new_gid);
    free(font);
    struct rp_face_info info;
    rp_shaper_info(shaper, 0, &info);
    assert_string_equal(info.name, "LiberationSans");
    assert_true(info.ascent > 0 && info.descent < 0 && info.bbox[2] > info.bbox[0]);
}

/* Words of figures are set from per-face tables rather than by HarfBuzz: on numbers as
 * the editions format them and on random strings of figure characters (digits, separators,
 * signs, no-break spaces), in the regular and the bold face, the glyphs, their kerning and
 * clusters and the width are HarfBuzz's. Each string is new to the cache, so rp_shape()
 * sets it from the tables. */
static uint64_t rng = 0x2545f4914f6cdd1du;

static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void check_figures(struct rp_shaper *sh, int face, const char *text)
{
    size_t len = strlen(text);
    struct rp_shaped *want = rp_shape_by_harfbuzz(sh, face, text, len);
    const struct rp_shaped *got = rp_shape(sh, face, text, len);
    if (got->count != want->count || got->width != want->width)
        fail_msg("\"%s\": %u glyphs, width %lld; HarfBuzz %u, %lld", text, got->count,
                 (long long)got->width, want->count, (long long)want->width);
    for (uint32_t i = 0; i < want->count; i++)
        if (got->g[i].gid != want->g[i].gid || got->g[i].kern != want->g[i].kern ||
            got->g[i].cluster != want->g[i].cluster)
            fail_msg("\"%s\", glyph %u: %u/%d/%u; HarfBuzz %u/%d/%u", text, i, got->g[i].gid,
                     got->g[i].kern, got->g[i].cluster, want->g[i].gid, want->g[i].kern,
                     want->g[i].cluster);
    free(want);
}

static void test_figures_as_harfbuzz(void **state)
{
    (void)state;
    char why[160];
    struct rp_shaper *both = rp_shaper_new();
    assert_non_null(both);
    assert_int_equal(rp_shaper_load(both, 0, files.path[RP_FACE_REGULAR], why, sizeof why), 0);
    assert_int_equal(rp_shaper_load(both, 1, files.path[RP_FACE_BOLD], why, sizeof why), 0);
    static const char *const alphabet[] = {"0",       "1", "2", "3", "4", "5", "6", "7",
                                           "8",       "9", ",", ".", "%", "+", "-", "\xe2\x88\x92",
                                           "\xc2\xa0"};
    enum rp_lang langs[] = {RP_LANG_FR, RP_LANG_NL, RP_LANG_EN, RP_LANG_DE};
    char text[256];
    int kerned = 0;
    for (int i = 0; i < 20000; i++) {
        int face = (int)(next_random() % 2);
        enum rp_lang lang = langs[next_random() % 4];
        double v = (double)(int64_t)(next_random() % 2000000001ull - 1000000000) /
                   (double)(1 + next_random() % 1000);
        int decimals = (int)(next_random() % 3);
        switch (i % 4) {
        case 0:
            rp_fmt_number(text, sizeof text, v, decimals, lang);
            break;
        case 1:
            rp_fmt_change(text, sizeof text, v, decimals, next_random() % 2, lang);
            break;
        case 2:
            rp_fmt_percent(text, sizeof text, v, decimals, lang);
            break;
        default: {
            size_t n = 1 + next_random() % 24, at = 0;
            for (size_t k = 0; k < n; k++)
                at += (size_t)snprintf(text + at, sizeof text - at, "%s",
                                       alphabet[next_random() % 17]);
            break;
        }
        }
        check_figures(both, face, text);
        const struct rp_shaped *sh = rp_shape(both, face, text, strlen(text));
        for (uint32_t k = 0; k < sh->count; k++)
            kerned += sh->g[k].kern != 0;
    }
    /* Liberation kerns some of these pairs ("1" and "."): the tables carry kerning. */
    assert_true(kerned > 0);
    rp_shaper_free(both);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_failure_says_why),
        cmocka_unit_test(test_kerning),
        cmocka_unit_test(test_no_ligature),
        cmocka_unit_test(test_cache_and_clusters),
        cmocka_unit_test(test_use_and_subset),
        cmocka_unit_test(test_cache_shared_by_shapers),
        cmocka_unit_test(test_font_file_shared_by_shapers),
        cmocka_unit_test(test_figures_as_harfbuzz),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
