/* Visual order of the pieces of a line with GNU FriBidi (see bidi.h). */
#include "render/bidi.h"

#include "util/utf8.h"

#include <fribidi.h>
#include <stdlib.h>

static bool is_rtl_letter(uint32_t cp)
{
    FriBidiCharType t = fribidi_get_bidi_type(cp);
    return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
}

bool rp_bidi_has_rtl(const char *s, size_t len)
{
    const unsigned char *t = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++)
        if (rp_bidi_may_be_rtl(t + i, len - i)) {
            const char *q = s + i;
            if (is_rtl_letter(rp_utf8_next(&q, s + len)))
                return true;
        }
    return false;
}

bool rp_bidi_attaches(uint32_t cp)
{
    if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029)
        return true;
    FriBidiCharType t = fribidi_get_bidi_type(cp);
    return t == FRIBIDI_TYPE_NSM || t == FRIBIDI_TYPE_BN;
}

bool rp_bidi_rtl_span(const char *s, size_t len, size_t *start, size_t *end)
{
    bool found = false;
    const char *q = s, *stop = s + len;
    while (q < stop) {
        const char *at = q;
        uint32_t cp = rp_utf8_next(&q, stop);
        if (is_rtl_letter(cp)) {
            if (!found)
                *start = (size_t)(at - s);
            found = true;
            /* The marks on the letter (Hebrew points, Arabic harakat) go with it. */
            const char *after = q;
            while (after < stop) {
                const char *m = after;
                uint32_t next = rp_utf8_next(&m, stop);
                if (fribidi_get_bidi_type(next) != FRIBIDI_TYPE_NSM)
                    break;
                after = m;
            }
            *end = (size_t)(after - s);
            q = after;
        }
    }
    return found;
}

/* The character that stands for a piece in the line given to FriBidi: a letter of the
 * piece's direction, a digit for a number, or the piece itself when it is one neutral
 * character (a bracket keeps its pair). */
static FriBidiChar stand_in(const struct rp_bidi_piece *pc)
{
    if (pc->rtl)
        return 0x05D0; /* Hebrew alef */
    const char *q = pc->text, *end = pc->text + pc->len;
    FriBidiChar first = 0x21, weak = 0;
    for (bool start = true; q < end; start = false) {
        uint32_t cp = rp_utf8_next(&q, end);
        FriBidiCharType t = fribidi_get_bidi_type(cp);
        if (start)
            first = cp;
        if (t == FRIBIDI_TYPE_LTR)
            return 'a';
        if (!weak && (t == FRIBIDI_TYPE_EN || t == FRIBIDI_TYPE_AN))
            weak = cp;
    }
    return weak ? weak : first;
}

uint32_t rp_bidi_mirror(uint32_t cp)
{
    FriBidiChar m = cp;
    return fribidi_get_mirror_char(cp, &m) ? (uint32_t)m : cp;
}

int rp_bidi_order(const struct rp_bidi_piece *pieces, size_t count, size_t *order, bool *rtl)
{
    for (size_t i = 0; i < count; i++) {
        order[i] = i;
        if (rtl)
            rtl[i] = pieces[i].rtl;
    }
    if (count == 0)
        return 0;
    FriBidiChar *chars = malloc(count * sizeof *chars);
    FriBidiCharType *types = malloc(count * sizeof *types);
    FriBidiBracketType *brackets = malloc(count * sizeof *brackets);
    FriBidiLevel *levels = malloc(count * sizeof *levels);
    FriBidiStrIndex *map = malloc(count * sizeof *map);
    int rc = -1;
    if (chars && types && brackets && levels && map) {
        for (size_t i = 0; i < count; i++) {
            chars[i] = stand_in(&pieces[i]);
            map[i] = (FriBidiStrIndex)i;
        }
        FriBidiStrIndex n = (FriBidiStrIndex)count;
        fribidi_get_bidi_types(chars, n, types);
        fribidi_get_bracket_types(chars, n, types, brackets);
        FriBidiParType dir = FRIBIDI_PAR_LTR;
        if (fribidi_get_par_embedding_levels_ex(types, brackets, n, &dir, levels)) {
            for (size_t i = 0; rtl && i < count; i++)
                rtl[i] = levels[i] & 1; /* before reordering, which permutes the levels */
            if (fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, types, n, 0, dir, levels, NULL, map)) {
                for (size_t i = 0; i < count; i++)
                    order[i] = (size_t)map[i];
                rc = 0;
            }
        }
    }
    free(chars);
    free(types);
    free(brackets);
    free(levels);
    free(map);
    return rc;
}
