#include "util/fmt.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const lang_codes[RP_LANG__MAX] = {"fr", "nl", "en", "de"};

enum rp_lang rp_lang_from_code(const char *code)
{
    if (!code)
        return RP_LANG__MAX;
    for (int i = 0; i < RP_LANG__MAX; i++) {
        size_t n = strlen(lang_codes[i]);
        if (strncmp(code, lang_codes[i], n) == 0 &&
            (code[n] == '\0' || code[n] == '-' || code[n] == '_'))
            return (enum rp_lang)i;
    }
    return RP_LANG__MAX;
}

const char *rp_lang_code(enum rp_lang lang)
{
    return lang < RP_LANG__MAX ? lang_codes[lang] : "und";
}

/* Separators of each edition. */
static const char *thousands_sep(enum rp_lang lang)
{
    return lang == RP_LANG_EN ? "," : ".";
}

static char decimal_sep(enum rp_lang lang)
{
    return lang == RP_LANG_EN ? '.' : ',';
}

/* Appends `s` to buf at *pos, keeping the NUL within `size` and counting the full length. */
static void put(char *buf, size_t size, size_t *pos, const char *s)
{
    size_t n = strlen(s);
    if (*pos < size) {
        size_t room = size - *pos - 1;
        size_t k = n < room ? n : room;
        memcpy(buf + *pos, s, k);
        buf[*pos + k] = '\0';
    }
    *pos += n;
}

/* A decimal number as its significant digits: the value is 0.d1d2d3... × 10^point, that is
 * `point` digits before the decimal separator (none, or leading zeros, when point <= 0). */
struct decimal {
    bool negative;
    char digits[24];
    int count, point;
};

/* 10^0 .. 10^22: every one is a double exactly. */
static const double powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The fast way to the digits of %.14e, for the numbers a report holds (at least 10^-8, below
 * 10^15): |v| × 10^k with k chosen to give a 15-digit integer part is one multiplication by
 * an exact power of ten, so the product is off the exact one by half a unit in the last
 * place at most (1/16 below 10^15). Rounded to an integer, it gives what printf's exact
 * rounding gives unless the exact fraction may be near one half, or the product near a
 * power of ten where the exponent could be one off: those few return false and printf
 * decides. Integers below 10^15 multiply exactly and always succeed. */
static bool digits_fast(double v, char digits[16], int *exp10)
{
    if (!(v >= 1e-8 && v < 1e15))
        return false;
    /* The exponent from the comparisons with exact powers above 1, or counted below. */
    int e;
    if (v >= 1.0) {
        e = 0;
        while (e < 14 && v >= powers_of_ten[e + 1])
            e++;
    } else {
        e = -1;
        while (e > -8 && v * powers_of_ten[-e] < 1.0)
            e--;
    }
    if (14 - e > 22)
        return false;
    double scaled = v * powers_of_ten[14 - e];
    if (scaled < 1e14 + 1 || scaled >= 1e15 - 1)
        return false;
    double whole = floor(scaled);
    double frac = scaled - whole;
    if (frac > 0.375 && frac < 0.625)
        return false;
    unsigned long long n = (unsigned long long)whole + (frac >= 0.5);
    for (int i = 14; i >= 0; i--, n /= 10)
        digits[i] = (char)('0' + n % 10);
    digits[15] = '\0';
    *exp10 = e;
    return true;
}

/* The 15 significant digits of |v| and its decimal exponent, as printf's %.14e writes them
 * (d.dddddddddddddde±x). Why 15 digits: a double holds any decimal of at most 15
 * significant digits (DBL_DIG) exactly enough to give it back with %.15g, so rounding those
 * digits in decimal rounds the number as the user wrote it (2.675, not the binary
 * 2.67499999...), at any magnitude, and a computed total's tiny binary error (1e-16
 * relative) vanishes with the 16th digit. The relative nudge this replaces broke beyond
 * 5×10^11 (1234567890123 gave ...124). printf is a tenth of the time of a 2,000-row table
 * in numbers: the common case is computed here (digits_fast), the rest asks printf. */
void rp_fmt_digits15(double v, char digits[16], int *exp10)
{
    v = fabs(v);
    if (v == 0) {
        memset(digits, '0', 15);
        digits[15] = '\0';
        *exp10 = 0;
        return;
    }
    if (digits_fast(v, digits, exp10))
        return;
    char text[40];
    /* Only the digits and the exponent are read, so the locale's decimal point does not
     * matter. */
    snprintf(text, sizeof text, "%.14e", v);
    int count = 0;
    const char *p = text;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && count < 15)
            digits[count++] = *p;
    while (count < 15)
        digits[count++] = '0';
    digits[15] = '\0';
    *exp10 = *p == 'e' ? atoi(p + 1) : 0;
}

static void decimal_from_double(double value, struct decimal *d)
{
    char digits[16];
    int exp10;
    rp_fmt_digits15(value, digits, &exp10);
    d->negative = value < 0;
    memcpy(d->digits, digits, 15);
    d->count = 15;
    d->point = exp10 + 1;
}

/* Reads "-?[0-9]+(.[0-9]+)?" (the schema's numbers); false for anything else or for more
 * than 21 significant digits. */
static bool decimal_from_text(const char *text, struct decimal *d)
{
    const char *p = text;
    d->negative = *p == '-';
    p += d->negative;
    d->count = 0;
    d->point = 0;
    bool seen = false, dot = false;
    for (; *p; p++) {
        if (*p == '.' && !dot && seen) {
            dot = true;
            seen = false; /* a digit must follow */
            continue;
        }
        if (*p < '0' || *p > '9')
            return false;
        seen = true;
        if (d->count == 0 && *p == '0') { /* leading zeros are not significant */
            d->point -= dot;
            continue;
        }
        if (d->count == 21)
            return false;
        d->digits[d->count++] = *p;
        d->point += !dot;
    }
    return seen;
}

/* Rounds half away from zero to `decimals` digits after the separator, on the digits. */
static void decimal_round(struct decimal *d, int decimals)
{
    int keep = d->point + decimals; /* digits at places 10^-decimals and above */
    if (keep >= d->count)
        return;
    bool up = keep >= 0 && d->digits[keep] >= '5';
    d->count = keep > 0 ? keep : 0;
    if (!up)
        return;
    int i = d->count - 1;
    for (; i >= 0 && d->digits[i] == '9'; i--)
        d->digits[i] = '0';
    if (i >= 0)
        d->digits[i]++;
    else { /* 9.96 → 10.0, 0.006 → 0.01: a new leading 1 */
        memmove(d->digits + 1, d->digits, (size_t)d->count);
        d->digits[0] = '1';
        d->count++;
        d->point++;
    }
}

/* The digit at place 10^(point - 1 - i) counted from the first significant one. */
static char digit_at(const struct decimal *d, int i)
{
    return i >= 0 && i < d->count ? d->digits[i] : '0';
}

/* The integer and fraction digits of `d`, rounded to `decimals`. */
static void split_digits(struct decimal *d, int decimals, char *int_digits, size_t int_size,
                         char *frac_digits)
{
    decimal_round(d, decimals);
    size_t n = 0;
    for (int i = 0; i < d->point && n + 1 < int_size; i++)
        int_digits[n++] = digit_at(d, i);
    if (n == 0)
        int_digits[n++] = '0';
    int_digits[n] = '\0';
    for (int i = 0; i < decimals; i++)
        frac_digits[i] = digit_at(d, d->point + i);
    frac_digits[decimals] = '\0';
}

/* The unsigned body of a number: grouped integer part, decimal separator, fraction. */
static void put_magnitude(char *buf, size_t size, size_t *pos, const char *int_digits,
                          const char *frac_digits, enum rp_lang lang)
{
    size_t n = strlen(int_digits);
    for (size_t i = 0; i < n; i++) {
        char digit[2] = {int_digits[i], '\0'};
        put(buf, size, pos, digit);
        size_t left = n - i - 1;
        if (left > 0 && left % 3 == 0)
            put(buf, size, pos, thousands_sep(lang));
    }
    if (frac_digits[0]) {
        char sep[2] = {decimal_sep(lang), '\0'};
        put(buf, size, pos, sep);
        put(buf, size, pos, frac_digits);
    }
}

static bool all_zero(const char *digits)
{
    for (; *digits; digits++)
        if (*digits != '0')
            return false;
    return true;
}

/* Shared by number, percent and change: `sign_mode` 0 = minus only, 1 = explicit +/−. */
static size_t fmt_decimal(char *buf, size_t size, struct decimal *d, int decimals, int sign_mode,
                          const char *suffix, enum rp_lang lang)
{
    size_t pos = 0;
    char int_digits[400], frac_digits[8]; /* 10^308 at most; 6 decimals */
    split_digits(d, decimals, int_digits, sizeof int_digits, frac_digits);
    bool zero = all_zero(int_digits) && all_zero(frac_digits);
    if (!zero && d->negative)
        put(buf, size, &pos, RP_MINUS);
    else if (!zero && sign_mode == 1)
        put(buf, size, &pos, "+");
    put_magnitude(buf, size, &pos, int_digits, frac_digits, lang);
    put(buf, size, &pos, suffix);
    return pos;
}

static int clamp_decimals(int decimals)
{
    return decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
}

/* As fmt_decimal for a double; NaN prints as nil, an infinity as printf writes it. */
static size_t fmt_signed(char *buf, size_t size, double value, int decimals, int sign_mode,
                         const char *suffix, enum rp_lang lang)
{
    size_t pos = 0;
    if (size)
        buf[0] = '\0';
    if (isnan(value) || isinf(value)) {
        put(buf, size, &pos, isnan(value) ? RP_NIL_TEXT : value < 0 ? "-inf" : "inf");
        if (!isnan(value))
            put(buf, size, &pos, suffix);
        return pos;
    }
    struct decimal d;
    decimal_from_double(value, &d);
    return fmt_decimal(buf, size, &d, clamp_decimals(decimals), sign_mode, suffix, lang);
}

size_t rp_fmt_number_text(char *buf, size_t size, const char *text, int decimals, enum rp_lang lang)
{
    struct decimal d;
    if (size)
        buf[0] = '\0';
    if (!text || !decimal_from_text(text, &d)) {
        size_t pos = 0;
        put(buf, size, &pos, RP_NIL_TEXT);
        return pos;
    }
    return fmt_decimal(buf, size, &d, clamp_decimals(decimals), 0, "", lang);
}

static const char *percent_suffix(enum rp_lang lang)
{
    /* French and German (DIN 5008) set the sign apart; Dutch and English do not. */
    return lang == RP_LANG_FR || lang == RP_LANG_DE ? RP_NBSP "%" : "%";
}

size_t rp_fmt_number(char *buf, size_t size, double value, int decimals, enum rp_lang lang)
{
    return fmt_signed(buf, size, value, decimals, 0, "", lang);
}

size_t rp_fmt_percent(char *buf, size_t size, double value, int decimals, enum rp_lang lang)
{
    return fmt_signed(buf, size, value, decimals, 0, percent_suffix(lang), lang);
}

size_t rp_fmt_change(char *buf, size_t size, double value, int decimals, bool percent,
                     enum rp_lang lang)
{
    return fmt_signed(buf, size, value, decimals, 1, percent ? percent_suffix(lang) : "", lang);
}

static const char *const month_names[RP_LANG__MAX][12] = {
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"},
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
    {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
     "November", "Dezember"},
};

const char *rp_month_name(int month, enum rp_lang lang)
{
    if (month < 1 || month > 12 || lang >= RP_LANG__MAX)
        return NULL;
    return month_names[lang][month - 1];
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

size_t rp_fmt_date(char *buf, size_t size, int year, int month, int day, enum rp_lang lang)
{
    size_t pos = 0;
    char tmp[32];
    if (size)
        buf[0] = '\0';
    bool valid = year >= 1 && year <= 9999 && month >= 0 && month <= 12 && day >= 0 &&
                 (month > 0 || day == 0) && lang < RP_LANG__MAX &&
                 (day == 0 || day <= days_in_month(year, month));
    if (!valid) {
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", year, month, day);
        put(buf, size, &pos, tmp);
        return pos;
    }
    if (day > 0) {
        if (day == 1 && lang == RP_LANG_FR)
            put(buf, size, &pos, "1er ");
        else {
            /* German writes the day as an ordinal: 22. Februar 2022. */
            snprintf(tmp, sizeof tmp, lang == RP_LANG_DE ? "%d. " : "%d ", day);
            put(buf, size, &pos, tmp);
        }
    }
    if (month > 0) {
        put(buf, size, &pos, month_names[lang][month - 1]);
        put(buf, size, &pos, " ");
    }
    snprintf(tmp, sizeof tmp, "%d", year);
    put(buf, size, &pos, tmp);
    return pos;
}

/* Reads exactly `n` digits. */
static bool read_digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return false;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return true;
}

bool rp_parse_iso_date(const char *iso, int *year, int *month, int *day)
{
    int y = 0, m = 0, d = 0;
    const char *p = iso;
    *year = *month = *day = 0;
    if (!p || !read_digits(&p, 4, &y))
        return false;
    if (*p == '-') {
        p++;
        if (!read_digits(&p, 2, &m) || m < 1 || m > 12)
            return false;
        if (*p == '-') {
            p++;
            if (!read_digits(&p, 2, &d) || d < 1 || d > days_in_month(y, m))
                return false;
        }
    }
    if (*p != '\0')
        return false;
    *year = y;
    *month = m;
    *day = d;
    return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days algorithm in
 * its inverse form: eras of 400 years, March-based years so that leap days come last). */
long rp_days_from_date(int year, int month, int day)
{
    long y = year - (month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void rp_date_from_days(long days, int *year, int *month, int *day)
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = (int)(yoe + era * 400 + (*month <= 2));
}

bool rp_lang_same(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    for (;; a++, b++) {
        bool end_a = *a == '\0' || *a == '-' || *a == '_';
        bool end_b = *b == '\0' || *b == '-' || *b == '_';
        if (end_a || end_b)
            return end_a && end_b;
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return false;
    }
}
