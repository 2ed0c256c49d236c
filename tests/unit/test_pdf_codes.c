/* The codes glyphs are shown by (rp_pdf_code_value()): one byte for the first ones, never a
 * byte that a literal string escapes, then two bytes from <C000>, each code distinct and in
 * the code space the fonts' CMaps declare (<00>..<BF>, <C000>..<FFFF>). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "render/pdf_internal.h"

static void test_one_byte_codes(void **state)
{
    (void)state;
    unsigned last = 0;
    for (size_t n = 0; n < RP_PDF_ONE_BYTE_CODES; n++) {
        unsigned c = rp_pdf_code_value(n);
        assert_true(c <= 0xBF);
        assert_true(n == 0 || c > last); /* distinct, in order */
        assert_true(c != '\r' && c != '(' && c != ')' && c != '\\');
        last = c;
    }
    assert_int_equal(rp_pdf_code_value(0), 0);
    /* The whole one-byte range is used: the last one-byte code is its end. */
    assert_int_equal(last, 0xBF);
}

static void test_two_byte_codes(void **state)
{
    (void)state;
    assert_int_equal(rp_pdf_code_value(RP_PDF_ONE_BYTE_CODES), 0xC000);
    assert_int_equal(rp_pdf_code_value(RP_PDF_ONE_BYTE_CODES + 1), 0xC001);
    /* The last code fills the two-byte range exactly. */
    assert_int_equal(rp_pdf_code_value(RP_PDF_CODES_MAX - 1), 0xFFFF);
    for (size_t n = RP_PDF_ONE_BYTE_CODES; n + 1 < RP_PDF_CODES_MAX; n++)
        assert_int_equal(rp_pdf_code_value(n + 1), rp_pdf_code_value(n) + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_byte_codes),
        cmocka_unit_test(test_two_byte_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
