/* Number and date formatting in the fr, nl and en editions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fmt.h"

static char buf[128];

static const char *num(double v, int d, enum rp_lang lang)
{
    rp_fmt_number(buf, sizeof buf, v, d, lang);
    return buf;
}

static void test_numbers_belgian(void **state)
{
    (void)state;
    assert_string_equal(num(1816852, 0, RP_LANG_FR), "1.816.852");
    assert_string_equal(num(229639, 0, RP_LANG_NL), "229.639");
    assert_string_equal(num(5919.97, 2, RP_LANG_FR), "5.919,97");
    assert_string_equal(num(1008.11, 2, RP_LANG_NL), "1.008,11");
    assert_string_equal(num(20.33, 2, RP_LANG_FR), "20,33");
    assert_string_equal(num(0, 0, RP_LANG_FR), "0");
    assert_string_equal(num(0, 2, RP_LANG_FR), "0,00");
    assert_string_equal(num(999, 0, RP_LANG_FR), "999");
    assert_string_equal(num(1000, 0, RP_LANG_FR), "1.000");
    assert_string_equal(num(33385034, 0, RP_LANG_FR), "33.385.034");
    assert_string_equal(num(-97, 0, RP_LANG_FR), RP_MINUS "97");
    assert_string_equal(num(-15658, 0, RP_LANG_FR), RP_MINUS "15.658");
}

static void test_numbers_rounding(void **state)
{
    (void)state;
    assert_string_equal(num(2.675, 2, RP_LANG_FR), "2,68");
    assert_string_equal(num(0.5, 0, RP_LANG_FR), "1");
    assert_string_equal(num(-0.5, 0, RP_LANG_FR), RP_MINUS "1");
    assert_string_equal(num(999.96, 1, RP_LANG_FR), "1.000,0");
    /* A negative value that rounds to zero prints no sign. */
    assert_string_equal(num(-0.004, 2, RP_LANG_FR), "0,00");
    assert_string_equal(num(NAN, 0, RP_LANG_FR), "-");
}

/* Half away from zero, on the decimal digits as written. */
static void test_numbers_half_away(void **state)
{
    (void)state;
    assert_string_equal(num(0, 0, RP_LANG_FR), "0");
    assert_string_equal(num(-0.0, 1, RP_LANG_FR), "0,0");
    assert_string_equal(num(1.5, 0, RP_LANG_FR), "2");
    assert_string_equal(num(2.5, 0, RP_LANG_FR), "3");
    assert_string_equal(num(-1.5, 0, RP_LANG_FR), RP_MINUS "2");
    assert_string_equal(num(-2.5, 0, RP_LANG_FR), RP_MINUS "3");
    assert_string_equal(num(0.49, 0, RP_LANG_FR), "0");
    assert_string_equal(num(0.45, 1, RP_LANG_FR), "0,5");
    assert_string_equal(num(1.005, 2, RP_LANG_FR), "1,01"); /* binary 1.00499999... */
    assert_string_equal(num(0.0049, 2, RP_LANG_FR), "0,00");
    assert_string_equal(num(0.005, 2, RP_LANG_FR), "0,01");
    assert_string_equal(num(9.9999995, 6, RP_LANG_FR), "10,000000");
    assert_string_equal(num(-0.0000005, 6, RP_LANG_FR), RP_MINUS "0,000001");
    assert_string_equal(num(1e-300, 2, RP_LANG_FR), "0,00");
}

/* The schema's numbers have up to 15 integer digits: those of a double are exact. */
static void test_numbers_large(void **state)
{
    (void)state;
    assert_string_equal(num(499999999999, 0, RP_LANG_FR), "499.999.999.999");
    assert_string_equal(num(499999999999.5, 0, RP_LANG_FR), "500.000.000.000");
    assert_string_equal(num(499999999999.49, 0, RP_LANG_FR), "499.999.999.999");
    assert_string_equal(num(1234567890123, 0, RP_LANG_FR), "1.234.567.890.123");
    assert_string_equal(num(-1234567890123, 0, RP_LANG_NL), RP_MINUS "1.234.567.890.123");
    assert_string_equal(num(999999999999999, 0, RP_LANG_FR), "999.999.999.999.999");
    assert_string_equal(num(999999999999999, 2, RP_LANG_EN), "999,999,999,999,999.00");
    assert_string_equal(num(-999999999999999, 0, RP_LANG_DE), RP_MINUS "999.999.999.999.999");
    assert_string_equal(num(1000000.499999, 0, RP_LANG_FR), "1.000.000");
    assert_string_equal(num(1000000.5, 0, RP_LANG_FR), "1.000.001");
    assert_string_equal(num(123456789.123456, 6, RP_LANG_FR), "123.456.789,123456");
    assert_string_equal(num(10000000000, 6, RP_LANG_FR), "10.000.000.000,000000");
    rp_fmt_change(buf, sizeof buf, 1234567890123, 0, false, RP_LANG_FR);
    assert_string_equal(buf, "+1.234.567.890.123");
    rp_fmt_percent(buf, sizeof buf, 499999999999.5, 0, RP_LANG_EN);
    assert_string_equal(buf, "500,000,000,000%");
}

static const char *text_num(const char *text, int d, enum rp_lang lang)
{
    rp_fmt_number_text(buf, sizeof buf, text, d, lang);
    return buf;
}

/* From the source text every number the schema accepts is exact, 21 digits included. */
static void test_numbers_text(void **state)
{
    (void)state;
    static const char *const top[7] = {
        "1.000.000.000.000.000",      "1.000.000.000.000.000,0",    "1.000.000.000.000.000,00",
        "1.000.000.000.000.000,000",  "1.000.000.000.000.000,0000", "1.000.000.000.000.000,00000",
        "999.999.999.999.999,999999",
    };
    for (int d = 0; d <= 6; d++) {
        assert_string_equal(text_num("999999999999999.999999", d, RP_LANG_FR), top[d]);
        /* The double (10^15) agrees wherever its 15 digits suffice: all but 6 decimals. */
        if (d < 6)
            assert_string_equal(num(999999999999999.999999, d, RP_LANG_FR), top[d]);
    }
    assert_string_equal(num(999999999999999.999999, 6, RP_LANG_FR), "1.000.000.000.000.000,000000");
    assert_string_equal(text_num("-999999999999999.999999", 6, RP_LANG_NL),
                        RP_MINUS "999.999.999.999.999,999999");
    assert_string_equal(text_num("999999999999999.499999", 0, RP_LANG_FR), "999.999.999.999.999");
    assert_string_equal(text_num("999999999999999.5", 0, RP_LANG_FR), "1.000.000.000.000.000");
    assert_string_equal(text_num("1234567890123.45", 2, RP_LANG_FR), "1.234.567.890.123,45");
    assert_string_equal(text_num("1234567890123.45", 2, RP_LANG_NL), "1.234.567.890.123,45");
    assert_string_equal(text_num("1234567890123.45", 2, RP_LANG_DE), "1.234.567.890.123,45");
    assert_string_equal(text_num("1234567890123.45", 2, RP_LANG_EN), "1,234,567,890,123.45");
    assert_string_equal(text_num("1234567890123.45", 1, RP_LANG_EN), "1,234,567,890,123.5");
    assert_string_equal(text_num("0", 0, RP_LANG_FR), "0");
    assert_string_equal(text_num("-0", 2, RP_LANG_FR), "0,00");
    assert_string_equal(text_num("-0.004", 2, RP_LANG_FR), "0,00");
    assert_string_equal(text_num("-0.005", 2, RP_LANG_FR), RP_MINUS "0,01");
    assert_string_equal(text_num("2.5", 0, RP_LANG_FR), "3");
    assert_string_equal(text_num("-2.5", 0, RP_LANG_FR), RP_MINUS "3");
    assert_string_equal(text_num("2.675", 2, RP_LANG_FR), "2,68");
    assert_string_equal(text_num("0012.50", 1, RP_LANG_FR), "12,5");
    assert_string_equal(text_num("9.96", 1, RP_LANG_FR), "10,0");
    /* Not a number of the schema: nil. */
    assert_string_equal(text_num("-", 0, RP_LANG_FR), "-");
    assert_string_equal(text_num("1e5", 0, RP_LANG_FR), "-");
    assert_string_equal(text_num("1.", 0, RP_LANG_FR), "-");
    assert_string_equal(text_num(".5", 0, RP_LANG_FR), "-");
    assert_string_equal(text_num("1234567890123456789012", 0, RP_LANG_FR), "-");
    assert_string_equal(text_num(NULL, 0, RP_LANG_FR), "-");
}

/* Every decimal of at most 15 significant digits formats the same from its double as from
 * its text, at every magnitude and number of decimals (half-way cases included). */
static void test_numbers_double_matches_text(void **state)
{
    (void)state;
    unsigned long long x = 0x9E3779B97F4A7C15ULL;
    char text[40], from_text[128];
    for (int k = 0; k < 30000; k++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int digits = 1 + (int)(x % 15), frac = (int)((x >> 8) % 7);
        if (frac > digits)
            frac = digits;
        size_t n = 0;
        if ((x >> 16) & 1)
            text[n++] = '-';
        unsigned long long y = x;
        for (int i = 0; i < digits; i++) {
            if (i == digits - frac && i > 0)
                text[n++] = '.';
            else if (i == 0 && frac == digits) {
                text[n++] = '0';
                text[n++] = '.';
            }
            /* Mostly 9s, 4s and 5s: the carries and the half-way cases. */
            static const char pick[] = "0123456789994455";
            text[n++] = pick[(y >> 20) % 16];
            y = y * 6364136223846793005ULL + 1442695040888963407ULL;
        }
        text[n] = '\0';
        for (int d = 0; d <= 6; d++) {
            rp_fmt_number_text(from_text, sizeof from_text, text, d, RP_LANG_FR);
            rp_fmt_number(buf, sizeof buf, strtod(text, NULL), d, RP_LANG_FR);
            if (strcmp(buf, from_text) != 0)
                fail_msg("%s with %d decimals: %s from the double, %s from the text", text, d, buf,
                         from_text);
        }
    }
}

static void test_numbers_en(void **state)
{
    (void)state;
    assert_string_equal(num(1816852, 0, RP_LANG_EN), "1,816,852");
    assert_string_equal(num(5919.97, 2, RP_LANG_EN), "5,919.97");
}

static void test_truncation(void **state)
{
    (void)state;
    char small[5];
    size_t n = rp_fmt_number(small, sizeof small, 1816852, 0, RP_LANG_FR);
    assert_int_equal(n, strlen("1.816.852"));
    assert_string_equal(small, "1.81");
    assert_int_equal(rp_fmt_number(NULL, 0, 12, 0, RP_LANG_FR), 2);
}

static void test_percent(void **state)
{
    (void)state;
    rp_fmt_percent(buf, sizeof buf, 66.7, 1, RP_LANG_FR);
    assert_string_equal(buf, "66,7" RP_NBSP "%");
    rp_fmt_percent(buf, sizeof buf, 66.7, 1, RP_LANG_NL);
    assert_string_equal(buf, "66,7%");
    rp_fmt_percent(buf, sizeof buf, 66.66, 2, RP_LANG_EN);
    assert_string_equal(buf, "66.66%");
    rp_fmt_percent(buf, sizeof buf, 66.7, 1, RP_LANG_DE);
    assert_string_equal(buf, "66,7" RP_NBSP "%");
    assert_string_equal(num(1816852, 0, RP_LANG_DE), "1.816.852");
    assert_string_equal(num(5919.97, 2, RP_LANG_DE), "5.919,97");
}

static void test_change(void **state)
{
    (void)state;
    rp_fmt_change(buf, sizeof buf, 2.3, 1, true, RP_LANG_FR);
    assert_string_equal(buf, "+2,3" RP_NBSP "%");
    rp_fmt_change(buf, sizeof buf, 2.3, 1, true, RP_LANG_NL);
    assert_string_equal(buf, "+2,3%");
    rp_fmt_change(buf, sizeof buf, -97, 0, false, RP_LANG_FR);
    assert_string_equal(buf, RP_MINUS "97");
    rp_fmt_change(buf, sizeof buf, 2022, 0, false, RP_LANG_NL);
    assert_string_equal(buf, "+2.022");
    rp_fmt_change(buf, sizeof buf, 0.01, 1, true, RP_LANG_FR);
    assert_string_equal(buf, "0,0" RP_NBSP "%");
}

static void test_dates(void **state)
{
    (void)state;
    rp_fmt_date(buf, sizeof buf, 2022, 2, 22, RP_LANG_FR);
    assert_string_equal(buf, "22 février 2022");
    rp_fmt_date(buf, sizeof buf, 2022, 2, 22, RP_LANG_NL);
    assert_string_equal(buf, "22 februari 2022");
    rp_fmt_date(buf, sizeof buf, 2024, 5, 17, RP_LANG_EN);
    assert_string_equal(buf, "17 May 2024");
    rp_fmt_date(buf, sizeof buf, 2022, 1, 1, RP_LANG_FR);
    assert_string_equal(buf, "1er janvier 2022");
    rp_fmt_date(buf, sizeof buf, 2022, 1, 1, RP_LANG_NL);
    assert_string_equal(buf, "1 januari 2022");
    rp_fmt_date(buf, sizeof buf, 2021, 8, 0, RP_LANG_FR);
    assert_string_equal(buf, "août 2021");
    rp_fmt_date(buf, sizeof buf, 2021, 0, 0, RP_LANG_NL);
    assert_string_equal(buf, "2021");
    rp_fmt_date(buf, sizeof buf, 2023, 2, 29, RP_LANG_FR);
    assert_string_equal(buf, "2023-02-29");
    rp_fmt_date(buf, sizeof buf, 2024, 2, 29, RP_LANG_FR);
    assert_string_equal(buf, "29 février 2024");
    rp_fmt_date(buf, sizeof buf, 2022, 2, 22, RP_LANG_DE);
    assert_string_equal(buf, "22. Februar 2022");
    rp_fmt_date(buf, sizeof buf, 2022, 3, 1, RP_LANG_DE);
    assert_string_equal(buf, "1. März 2022");
    rp_fmt_date(buf, sizeof buf, 2021, 3, 0, RP_LANG_DE);
    assert_string_equal(buf, "März 2021");
}

static void test_parse_iso(void **state)
{
    (void)state;
    int y, m, d;
    assert_true(rp_parse_iso_date("2022-02-22", &y, &m, &d));
    assert_int_equal(y, 2022);
    assert_int_equal(m, 2);
    assert_int_equal(d, 22);
    assert_true(rp_parse_iso_date("2022-02", &y, &m, &d));
    assert_int_equal(d, 0);
    assert_true(rp_parse_iso_date("2022", &y, &m, &d));
    assert_int_equal(m, 0);
    assert_false(rp_parse_iso_date("2022-13", &y, &m, &d));
    assert_false(rp_parse_iso_date("2022-02-30", &y, &m, &d));
    assert_false(rp_parse_iso_date("22-02-2022", &y, &m, &d));
    assert_false(rp_parse_iso_date("2022-02-22x", &y, &m, &d));
    assert_int_equal(y, 0);
}

static void test_day_numbers(void **state)
{
    (void)state;
    assert_int_equal(rp_days_from_date(1970, 1, 1), 0);
    assert_int_equal(rp_days_from_date(2022, 2, 22), 19045);
    assert_int_equal(rp_days_from_date(2024, 3, 1) - rp_days_from_date(2024, 2, 28), 2);
    assert_int_equal(rp_days_from_date(1969, 12, 31), -1);
    /* Every day of 1899-2101 goes there and back. */
    for (long d = rp_days_from_date(1899, 1, 1); d <= rp_days_from_date(2101, 12, 31); d++) {
        int y, m, day;
        rp_date_from_days(d, &y, &m, &day);
        if (rp_days_from_date(y, m, day) != d || m < 1 || m > 12 || day < 1 || day > 31)
            fail_msg("day %ld gave %04d-%02d-%02d", d, y, m, day);
    }
}

static void test_lang_codes(void **state)
{
    (void)state;
    assert_int_equal(rp_lang_from_code("fr"), RP_LANG_FR);
    assert_int_equal(rp_lang_from_code("nl-BE"), RP_LANG_NL);
    assert_int_equal(rp_lang_from_code("en"), RP_LANG_EN);
    assert_int_equal(rp_lang_from_code("de-BE"), RP_LANG_DE);
    assert_int_equal(rp_lang_from_code("it"), RP_LANG__MAX);
    assert_int_equal(rp_lang_from_code("french"), RP_LANG__MAX);
    assert_string_equal(rp_lang_code(RP_LANG_NL), "nl");
    assert_string_equal(rp_month_name(12, RP_LANG_FR), "décembre");
    assert_null(rp_month_name(13, RP_LANG_FR));
}

/* rp_fmt_digits15() gives printf's %.14e digits and exponent: its own arithmetic (a
 * multiplication by a power of ten, rounded) must never differ from printf's exact rounding,
 * on integers, decimals of a few places, ratios as changes are computed, values a hair from
 * a rounding tie or a power of ten, and arbitrary doubles. */
static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void check_digits(double v)
{
    char text[40], want[16], got[16];
    snprintf(text, sizeof text, "%.14e", fabs(v));
    int n = 0;
    const char *p = text;
    for (; *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            want[n++] = *p;
    want[n] = '\0';
    int want_exp = atoi(p + 1), got_exp = 99;
    rp_fmt_digits15(v, got, &got_exp);
    if (strcmp(got, want) != 0 || got_exp != want_exp)
        fail_msg("%.17g: got %se%d, printf %se%d", v, got, got_exp, want, want_exp);
}

static void test_digits_match_printf(void **state)
{
    (void)state;
    check_digits(0.0);
    check_digits(-0.0);
    for (int k = -12; k <= 18; k++) {
        double p = pow(10, k);
        check_digits(p);
        check_digits(nextafter(p, 0));
        check_digits(nextafter(p, INFINITY));
        check_digits(-p);
    }
    for (int i = 0; i < 200000; i++) {
        uint64_t r = next_random();
        double scale = pow(10, (double)(next_random() % 12));
        switch (i % 8) {
        case 0: /* integers of every size up to 10^16 */
            check_digits((double)(r % 10000000000000000ull) / (double)(1 + next_random() % 2));
            break;
        case 1: /* amounts with a few decimals */
            check_digits((double)(r % 100000000ull) / scale);
            break;
        case 2: { /* changes in percent, computed as rapport computes them */
            double a = (double)(r % 5000000) - 1000000, b = (double)(next_random() % 5000000);
            if (a != 0)
                check_digits((b - a) * 100 / a);
            break;
        }
        case 3: /* a hair from a tie at the 15th digit */
            check_digits(((double)(r % 1000000000000000ull) + 0.5) / 1e15 * scale);
            break;
        case 4: { /* arbitrary finite doubles */
            double v;
            memcpy(&v, &r, sizeof v);
            if (isfinite(v))
                check_digits(v);
            break;
        }
        case 5: /* tiny and huge */
            check_digits((double)(r % 1000000) * 1e-12 * scale);
            check_digits((double)(r % 1000000) * 1e12 * scale);
            break;
        case 6: /* sums of amounts with decimals (binary error of a total) */
            check_digits((double)(r % 100000) / 100 + (double)(next_random() % 100000) / 100 +
                         (double)(next_random() % 1000) / 10);
            break;
        default: /* ratios of small integers */
            check_digits((double)(r % 100000) / (double)(1 + next_random() % 999));
            break;
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_belgian),
        cmocka_unit_test(test_numbers_rounding),
        cmocka_unit_test(test_numbers_en),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_change),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_parse_iso),
        cmocka_unit_test(test_day_numbers),
        cmocka_unit_test(test_lang_codes),
        cmocka_unit_test(test_numbers_half_away),
        cmocka_unit_test(test_numbers_large),
        cmocka_unit_test(test_numbers_text),
        cmocka_unit_test(test_numbers_double_matches_text),
        cmocka_unit_test(test_digits_match_printf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
