/* Numbers as rapport's content streams write them (rp_pdf_num()): rounded to the decimals
 * asked, no trailing zeros, no "0" before the point, no exponent, the same value read back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "render/pdf_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *num(double v, int decimals)
{
    static char s[32];
    size_t n = rp_pdf_num(s, v, decimals);
    s[n] = '\0';
    return s;
}

static void writes_short_numbers(void **state)
{
    (void)state;
    assert_string_equal(num(0, 3), "0");
    assert_string_equal(num(-0.0001, 3), "0");
    assert_string_equal(num(12, 3), "12");
    assert_string_equal(num(791.89001, 3), "791.89");
    assert_string_equal(num(53.99998, 3), "54");
    assert_string_equal(num(0.12157, 3), ".122");
    assert_string_equal(num(-0.817, 3), "-.817");
    assert_string_equal(num(-12.5, 3), "-12.5");
    assert_string_equal(num(0.0005, 3), ".001");
    assert_string_equal(num(1234567.25, 1), "1234567.3");
    assert_string_equal(num(2.5, 0), "3");
    assert_string_equal(num(0.12345, 9), ".1235"); /* four decimals at most */
    assert_string_equal(num(NAN, 3), "0");
    assert_string_equal(num(1e300, 3), "0");
}

/* Whatever the value, what is written reads back within half a unit of the last decimal. */
static void reads_back(void **state)
{
    (void)state;
    srand(17);
    for (int i = 0; i < 100000; i++) {
        double v = ((double)rand() / RAND_MAX - 0.5) * 2000;
        for (int d = 0; d <= 4; d++) {
            const char *s = num(v, d);
            assert_null(strchr(s, 'e'));
            double back = strtod(s, NULL);
            assert_true(fabs(back - v) <= 0.5 * pow(10, -d) + 1e-9);
            size_t n = strlen(s);
            if (strchr(s, '.'))
                assert_true(s[n - 1] != '0' && s[n - 1] != '.');
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writes_short_numbers),
        cmocka_unit_test(reads_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
