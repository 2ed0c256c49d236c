/* Line-break opportunities of Unicode's line breaking algorithm (UAX #14), through
 * libunibreak: src/render/breaks.c is the only file that includes it. */
#ifndef RP_BREAKS_H
#define RP_BREAKS_H

#include <stdbool.h>
#include <stddef.h>

enum rp_break_at {
    RP_BREAK_NO,   /* no break after this byte (inside a character, or a glued pair) */
    RP_BREAK_MAY,  /* a line may break after the character that ends at this byte */
    RP_BREAK_MUST, /* a line must break after it (a newline, U+2028, U+2029, the text's end) */
};

/* Fills out[0..len) with the break opportunity after each byte of `len` bytes of UTF-8
 * `text` in language `lang` ("fr", "nl"; NULL: no tailoring). The last character gets
 * RP_BREAK_MUST: the caller decides what follows the text (another span continues it). */
void rp_line_breaks(const char *text, size_t len, const char *lang, char *out);

/* The length of the word at `s` (`left` bytes remain): up to the next space (U+0020, tab,
 * newline, carriage return) or line separator (U+2028, U+2029), or the end. *plain tells
 * whether the word is known to have no break opportunity inside without asking the library
 * (which looks every character up): letters, digits, periods, commas, colons, semicolons,
 * quotes, apostrophes, ")" and no-break spaces never break between them (UAX #14 rules
 * LB12, LB12a, LB13, LB19, LB23, LB25, LB28, LB29, LB30), nor before "!" or "?". */
size_t rp_next_word(const char *s, size_t left, bool *plain);

/* The length of the space or line separator at `s`, else 0. */
size_t rp_space_at(const char *s, size_t left);

/* The break opportunities inside one word (as rp_next_word() finds it) into out[0..len), as
 * by rp_line_breaks(); returns how many there are before its last character. */
size_t rp_word_breaks(const char *word, size_t len, char *out);

#endif
