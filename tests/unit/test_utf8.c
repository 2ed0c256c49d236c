/* UTF-8 decoding and encoding: every length, invalid input, round trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "util/utf8.h"

#include <string.h>

static uint32_t decode_one(const char *s, size_t len, size_t *used)
{
    const char *p = s;
    uint32_t cp = rp_utf8_next(&p, s + len);
    *used = (size_t)(p - s);
    return cp;
}

static void test_decode(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(decode_one("A", 1, &used), 'A');
    assert_int_equal(used, 1);
    assert_int_equal(decode_one("\xc3\xa9", 2, &used), 0xE9); /* é */
    assert_int_equal(used, 2);
    assert_int_equal(decode_one("\xe2\x82\xac", 3, &used), 0x20AC); /* € */
    assert_int_equal(used, 3);
    assert_int_equal(decode_one("\xf0\x9f\x98\x80", 4, &used), 0x1F600);
    assert_int_equal(used, 4);
    /* Truncated (never read past the end), stray continuation, overlong, surrogate,
     * past U+10FFFF: U+FFFD, one byte consumed. */
    const char *bad[] = {"\xe2\x82",         "\x82", "\xc0\xaf", "\xed\xa0\x80",
                         "\xf4\x90\x80\x80", "\xff"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(decode_one(bad[i], strlen(bad[i]), &used), 0xFFFD);
        assert_int_equal(used, 1);
    }
}

static void test_round_trip(void **state)
{
    (void)state;
    const uint32_t cps[] = {0, 'z', 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
        char buf[4];
        size_t n = rp_utf8_encode(cps[i], buf);
        assert_int_equal(n, cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 : cps[i] < 0x10000 ? 3 : 4);
        const char *p = buf;
        assert_int_equal(rp_utf8_next(&p, buf + n), cps[i]);
        assert_ptr_equal(p, buf + n);
    }
    char buf[4];
    assert_int_equal(rp_utf8_encode(0xD800, buf), 3); /* a surrogate becomes U+FFFD */
    assert_memory_equal(buf, "\xef\xbf\xbd", 3);
    assert_int_equal(rp_utf8_encode(0x110000, buf), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
