/* Right-to-left text inside a left-to-right document (bidi.c, the only file that includes
 * GNU FriBidi).
 *
 * The layout breaks lines in logical order and measures pieces of text whose width does
 * not depend on their order; only the drawing of a line puts its pieces in visual order.
 * A piece is a space, or a run of other characters; a piece holding Hebrew or Arabic
 * letters is cut at its first and last such letter, so that the letters between (the
 * "core") are shaped right to left as one run (Arabic letters join) and the punctuation
 * around them follows the Unicode bidirectional algorithm with the rest of the line. */
#ifndef RP_BIDI_H
#define RP_BIDI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether the UTF-8 sequence at `t` (`left` bytes from its lead byte on) may be a right-to-
 * left letter: U+0580 to U+08FF, U+FB00 to U+FEFF, U+10800 to U+10FFF or U+1E800 to
 * U+1EFFF. Bytes alone, for the loops that look at every byte of a word they measure. */
static inline bool rp_bidi_may_be_rtl(const unsigned char *t, size_t left)
{
    if (t[0] < 0xD6)
        return false;
    if (t[0] <= 0xDF)
        return true;
    if (left < 2)
        return false;
    return (t[0] == 0xE0 && t[1] >= 0xA0 && t[1] <= 0xA3) ||
           (t[0] == 0xEF && t[1] >= 0xAC && t[1] <= 0xBB) ||
           (t[0] == 0xF0 && (t[1] == 0x90 || t[1] == 0x9E));
}

/* Whether the `len` bytes of UTF-8 `s` hold a right-to-left letter (Hebrew, Arabic, ...). */
bool rp_bidi_has_rtl(const char *s, size_t len);

/* The bytes [*start, *end) of `s` from its first right-to-left letter to the end of its
 * last one (with the marks that follow it). Returns false, leaving them, when it has none. */
bool rp_bidi_rtl_span(const char *s, size_t len, size_t *start, size_t *end);

/* Whether `cp` belongs with the character before it rather than standing alone: a
 * combining mark, a format character (zero-width joiner, soft hyphen), a control. */
bool rp_bidi_attaches(uint32_t cp);

/* One piece of a line, in logical order. */
struct rp_bidi_piece {
    const char *text;
    size_t len;
    bool rtl; /* a right-to-left core */
};

/* The visual order, left to right, of the `count` pieces of a line whose paragraph runs
 * left to right: order[k] is the logical index of the k-th piece drawn. `rtl`, when not
 * NULL, gets per logical piece whether it lies in a right-to-left run (an odd level), where
 * a bracket is drawn mirrored. Returns 0, or -1 out of memory (order then logical). */
int rp_bidi_order(const struct rp_bidi_piece *pieces, size_t count, size_t *order, bool *rtl);

/* The mirror image of `cp` ("(" for ")"), or `cp` when it has none. */
uint32_t rp_bidi_mirror(uint32_t cp);

#endif
