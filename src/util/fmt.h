/* Number and date formatting in the conventions of each edition.
 *
 * fr and nl follow Belgian usage: `1.816.852`, `5.919,97`, `-` for nil, `66,7 %` (fr, with a
 * no-break space) and `66,7%` (nl), dates `22 février 2022` / `22 februari 2022`. en uses
 * `1,816,852`, `5,919.97`, `66.7%`, `22 February 2022`. de (the German of Belgium's
 * German-speaking Community) groups and separates as fr and nl, writes `66,7 %` (DIN 5008)
 * and `22. Februar 2022`.
 *
 * Every function writes a NUL-terminated UTF-8 string into `buf` (truncated to `size` bytes,
 * never overflowing) and returns the length the full result has, as snprintf does. All are
 * pure: no locale, no clock, no global state. */
#ifndef RP_FMT_H
#define RP_FMT_H

#include <stdbool.h>
#include <stddef.h>

enum rp_lang { RP_LANG_FR, RP_LANG_NL, RP_LANG_EN, RP_LANG_DE, RP_LANG__MAX };

/* The language of a code such as "fr", "nl-BE" or "en"; RP_LANG__MAX when unknown. */
enum rp_lang rp_lang_from_code(const char *code);

/* Whether two language tags name one language: their primary subtags are equal, ignoring
 * case ("nl" and "nl-BE"). False when either is NULL. */
bool rp_lang_same(const char *a, const char *b);

/* "fr", "nl", "en" or "de". */
const char *rp_lang_code(enum rp_lang lang);

/* U+00A0 NO-BREAK SPACE and U+2212 MINUS SIGN in UTF-8. */
#define RP_NBSP "\xc2\xa0"
#define RP_MINUS "\xe2\x88\x92"

/* What a nil value prints as: "-". */
#define RP_NIL_TEXT "-"

/* `value` rounded half away from zero to `decimals` digits (0..6), with thousands
 * separators; negative values start with U+2212 so that they never read as nil. The
 * rounding is decimal, on the value's first 15 significant digits: exact for every number
 * of at most 15 significant digits, whatever its magnitude (a double holds no more). */
size_t rp_fmt_number(char *buf, size_t size, double value, int decimals, enum rp_lang lang);

/* The same from a number's source text ("-?[0-9]+(.[0-9]+)?", at most 21 significant
 * digits), exact; anything else prints as nil ("-"). Documents do not need it (the loader
 * refuses numbers of more than 15 significant digits, which rp_fmt_number() prints exactly):
 * it is the decimal reference the tests check rp_fmt_number() against. */
size_t rp_fmt_number_text(char *buf, size_t size, const char *text, int decimals,
                          enum rp_lang lang);

/* A percentage: `66,7 %` (fr, de), `66,7%` (nl), `66.7%` (en). `value` is in percent. */
size_t rp_fmt_percent(char *buf, size_t size, double value, int decimals, enum rp_lang lang);

/* A signed change: `+2.022`, `−97`, `0` (no sign for a change that rounds to zero); with
 * `percent` the value is in percent and gets the edition's percent sign: `+2,3 %`. */
size_t rp_fmt_change(char *buf, size_t size, double value, int decimals, bool percent,
                     enum rp_lang lang);

/* The 15 significant digits of |v| (a finite double) and its decimal exponent, exactly as
 * printf's "%.14e" gives them: 1234.5 gives "123450000000000" and 3, zero gives 15 zeros
 * and 0. The numbers rp_fmt_number() and its kin print are these digits rounded. */
void rp_fmt_digits15(double v, char digits[16], int *exp10);

/* A date: day 0 means a month only (`février 2022`), month 0 a year only (`2022`). French
 * writes the first day of a month `1er`, German every day as an ordinal (`1. März`).
 * Out-of-range fields give the ISO form. */
size_t rp_fmt_date(char *buf, size_t size, int year, int month, int day, enum rp_lang lang);

/* Month name 1..12 in the edition's language, lower case for fr/nl, capitalised for en/de;
 * NULL when out of range. */
const char *rp_month_name(int month, enum rp_lang lang);

/* Parses an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD" into its fields (missing ones 0).
 * Returns false, leaving the fields at 0, when `iso` is not such a date. */
bool rp_parse_iso_date(const char *iso, int *year, int *month, int *day);

/* Days since 1970-01-01 of a valid date (negative before), and back: a plain number a
 * timeline chart can place. */
long rp_days_from_date(int year, int month, int day);
void rp_date_from_days(long days, int *year, int *month, int *day);

#endif
