/* Hyphenation through libhyphen: break points are byte offsets into the UTF-8 word, and
 * accented letters (two bytes) must not shift them; a look-up reads no further than the
 * line can use. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "render/hyphen.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* The word with a '-' at every break point. */
static void hyphenated(const char *lang, const char *word, char *out, size_t size)
{
    size_t points[32];
    struct rp_hyphenator *h = rp_hyphenator_open(lang); /* hyphen-fr, hyphen-nl: .ci/packages */
    assert_non_null(h);
    size_t n = rp_hyphenate(h, word, strlen(word), strlen(word), points, 32);
    rp_hyphenator_close(h);
    size_t o = 0, p = 0;
    for (size_t i = 0; word[i] && o + 2 < size; i++) {
        if (p < n && points[p] == i) {
            out[o++] = '-';
            p++;
        }
        out[o++] = word[i];
    }
    out[o] = '\0';
}

/* Opening a hyphenator parses no patterns: only the first word long enough to be hyphenated
 * does (a document without one never pays for hyph_nl.dic). Runs first, before any other
 * test has loaded the Dutch dictionary of this process. */
static void test_patterns_parsed_on_first_word(void **state)
{
    (void)state;
    size_t points[32];
    struct rp_hyphenator *h = rp_hyphenator_open("nl");
    assert_non_null(h);
    assert_false(rp_hyphenator_loaded(h));
    assert_int_equal(rp_hyphenate(h, "de 12,5 %", 9, 9, points, 32), 0); /* no run of 5 letters */
    assert_false(rp_hyphenator_loaded(h));
    const char *word = "administratie";
    assert_true(rp_hyphenate(h, word, strlen(word), strlen(word), points, 32) > 0);
    assert_true(rp_hyphenator_loaded(h));
    rp_hyphenator_close(h);
}

/* A batch's parent preloads the patterns, so that its forked workers share them. Runs
 * before any other test has opened the French hyphenator. */
static void test_preload_parses_patterns(void **state)
{
    (void)state;
    rp_hyphenator_preload("fr");
    struct rp_hyphenator *h = rp_hyphenator_open("fr");
    assert_non_null(h);
    assert_true(rp_hyphenator_loaded(h));
    rp_hyphenator_close(h);
}

static void test_french_accents(void **state)
{
    (void)state;
    char buf[128];
    hyphenated("fr", "désignation", buf, sizeof buf);
    assert_string_equal(buf, "dé-si-gna-tion");
    hyphenated("fr", "dépenses", buf, sizeof buf);
    assert_string_equal(buf, "dé-penses");
}

static void test_dutch_latin1_dictionary(void **state)
{
    (void)state;
    char buf[128];
    hyphenated("nl", "begrotingstabellen", buf, sizeof buf);
    assert_non_null(strchr(buf, '-'));
    /* Removing the hyphens gives the word back. */
    char joined[128];
    size_t o = 0;
    for (size_t i = 0; buf[i]; i++)
        if (buf[i] != '-')
            joined[o++] = buf[i];
    joined[o] = '\0';
    assert_string_equal(joined, "begrotingstabellen");
}

/* A run of 64 letters or more is no word: no break inside it, and the words around it keep
 * theirs. */
static void test_long_run_is_not_hyphenated(void **state)
{
    (void)state;
    char word[128] = "désignation.";
    size_t run = strlen(word);
    memset(word + run, 'a', 70);
    strcpy(word + run + 70, ".désignation");
    size_t points[32], len = strlen(word);
    struct rp_hyphenator *h = rp_hyphenator_open("fr");
    assert_non_null(h);
    size_t n = rp_hyphenate(h, word, len, len, points, 32);
    assert_int_equal(n, 6); /* dé-si-gna-tion twice */
    for (size_t i = 0; i < n; i++)
        assert_true(points[i] < run || points[i] > run + 70);
    rp_hyphenator_close(h);
}

/* Only runs of letters that start before `reach` are looked up. */
static void test_reach(void **state)
{
    (void)state;
    const char *word = "désignation.désignation";
    size_t points[32], len = strlen(word);
    struct rp_hyphenator *h = rp_hyphenator_open("fr");
    assert_non_null(h);
    assert_int_equal(rp_hyphenate(h, word, len, len, points, 32), 6);
    assert_int_equal(rp_hyphenate(h, word, len, 4, points, 32), 3);
    assert_int_equal(points[2], 8); /* dé-si-gna|tion: the run that crosses reach is whole */
    assert_int_equal(rp_hyphenate(h, word, len, 13, points, 32), 3);
    assert_int_equal(rp_hyphenate(h, word, len, 14, points, 32), 6);
    assert_int_equal(rp_hyphenate(h, word, len, 0, points, 32), 0);
    rp_hyphenator_close(h);
}

/* The look-up reads no further than `reach` and one run, whatever the length it is told:
 * the text runs into a page that may not be read, and a read there would crash. */
static void test_reach_bounds_reading(void **state)
{
    (void)state;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(map != MAP_FAILED);
    assert_int_equal(mprotect(map + page, page, PROT_NONE), 0);
    char *word = map + page - 400;
    struct rp_hyphenator *h = rp_hyphenator_open("fr");
    assert_non_null(h);
    static const char *const units[] = {"a", "abc.", "administration.", "désignation"};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t k = strlen(units[u]);
        for (size_t i = 0; i < 400; i++)
            word[i] = units[u][i % k];
        size_t points[32];
        size_t n = rp_hyphenate(h, word, (size_t)1 << 20, 100, points, 32);
        for (size_t i = 0; i < n; i++)
            assert_true(points[i] < 100 + 64 * 2);
    }
    rp_hyphenator_close(h);
    munmap(map, 2 * page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_patterns_parsed_on_first_word),
        cmocka_unit_test(test_preload_parses_patterns),
        cmocka_unit_test(test_french_accents),
        cmocka_unit_test(test_dutch_latin1_dictionary),
        cmocka_unit_test(test_long_run_is_not_hyphenated),
        cmocka_unit_test(test_reach),
        cmocka_unit_test(test_reach_bounds_reading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
