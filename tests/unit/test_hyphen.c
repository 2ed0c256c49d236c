/* Hyphenation through libhyphen: break points are byte offsets into the UTF-8 word, and
 * accented letters (two bytes) must not shift them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "render/hyphen.h"

#include <string.h>

/* The word with a '-' at every break point. */
static void hyphenated(const char *lang, const char *word, char *out, size_t size)
{
    size_t points[32];
    struct rp_hyphenator *h = rp_hyphenator_open(lang); /* hyphen-fr, hyphen-nl: .ci/packages */
    assert_non_null(h);
    size_t n = rp_hyphenate(h, word, strlen(word), points, 32);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_french_accents),
        cmocka_unit_test(test_dutch_latin1_dictionary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
