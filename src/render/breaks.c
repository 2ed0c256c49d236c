/* UAX #14 through libunibreak: the one file that includes it, so that the layout keeps its
 * own vocabulary (enum rp_break_at) and the library can be swapped. */
#include "render/breaks.h"
#include "util/utf8.h"

#include <linebreak.h>
#include <stdbool.h>
#include <string.h>

/* A letter, roughly (AL in UAX #14): Latin, Greek, Cyrillic. */
static bool is_letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x4FF);
}

/* Numeric prefixes and postfixes (PR, PO): currencies, %, per mille, degrees, primes. */
static bool is_affix(uint32_t cp)
{
    switch (cp) {
    case '$':
    case '%':
    case '+':
    case '\\':
    case 0xA2: /* ¢ £ ¤ ¥ */
    case 0xA3:
    case 0xA4:
    case 0xA5:
    case 0xB0:   /* ° */
    case 0xB1:   /* ± */
    case 0x2030: /* ‰ */
    case 0x2031:
    case 0x2032: /* ′ ″ ‴ */
    case 0x2033:
    case 0x2034:
    case 0x2103: /* ℃ ℉ № */
    case 0x2109:
    case 0x2116:
        return true;
    default:
        return cp >= 0x20A0 && cp <= 0x20CF; /* currency signs: € */
    }
}

/* What may precede a word-initial hyphen: nothing, a space, a no-break space. */
static bool before_word(uint32_t cp)
{
    return cp == 0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x202F ||
           cp == 0x200B || cp == 0x2028 || cp == 0x2029;
}

/* Rules of UAX #14 newer than libunibreak 1.1: LB24 (Unicode 6.1), no break between a letter
 * and a numeric prefix or postfix ("N°", "€uro"); LB20a (Unicode 15.1), no break after a
 * word-initial hyphen ("; -pénuries", a hyphen used as a dash or a bullet). */
static void newer_rules(const char *text, size_t len, char *out)
{
    const char *p = text, *end = text + len;
    uint32_t prev = 0, before = 0;
    size_t prev_end = 0;
    while (p < end) {
        uint32_t cp = rp_utf8_next(&p, end);
        if (prev_end && out[prev_end - 1] == RP_BREAK_MAY &&
            ((is_letter(prev) && is_affix(cp)) || (is_affix(prev) && is_letter(cp)) ||
             ((prev == '-' || prev == 0x2010) && before_word(before) && is_letter(cp))))
            out[prev_end - 1] = RP_BREAK_NO;
        before = prev;
        prev = cp;
        prev_end = (size_t)(p - text);
    }
}

void rp_line_breaks(const char *text, size_t len, const char *lang, char *out)
{
    /* libunibreak 1.x wants its language tables set up once before use; the batch's
     * workers are processes, so a plain flag is enough. */
    static bool ready;
    if (!ready) {
        init_linebreak();
        ready = true;
    }
    set_linebreaks_utf8((const utf8_t *)text, len, lang, out);
    for (size_t i = 0; i < len; i++)
        out[i] = out[i] == LINEBREAK_MUSTBREAK    ? RP_BREAK_MUST
                 : out[i] == LINEBREAK_ALLOWBREAK ? RP_BREAK_MAY
                                                  : RP_BREAK_NO;
    newer_rules(text, len, out);
}

/* Classes of the characters a word is usually made of, as far as UAX #14 goes. */
enum kind {
    OTHER,  /* asks the library */
    SPACE,  /* ends the word */
    ALNUM,  /* letters (AL) and digits (NU) */
    PUNCT,  /* . , : ; (IS), quotes and apostrophes (QU), ")" (CP), no-break spaces (GL) */
    EXCLAM, /* ! ? (EX): no break before, but one after unless punctuation follows */
};

/* The kinds of the ASCII characters, looked up for every byte of a word. */
#define LETTERS(k)                                                                                 \
    ['a'] = k, ['b'] = k, ['c'] = k, ['d'] = k, ['e'] = k, ['f'] = k, ['g'] = k, ['h'] = k,        \
    ['i'] = k, ['j'] = k, ['k'] = k, ['l'] = k, ['m'] = k, ['n'] = k, ['o'] = k, ['p'] = k,        \
    ['q'] = k, ['r'] = k, ['s'] = k, ['t'] = k, ['u'] = k, ['v'] = k, ['w'] = k, ['x'] = k,        \
    ['y'] = k, ['z'] = k
static const unsigned char ascii[128] = {
    LETTERS(ALNUM), ['A'] = ALNUM,  ['B'] = ALNUM,  ['C'] = ALNUM,  ['D'] = ALNUM,  ['E'] = ALNUM,
    ['F'] = ALNUM,  ['G'] = ALNUM,  ['H'] = ALNUM,  ['I'] = ALNUM,  ['J'] = ALNUM,  ['K'] = ALNUM,
    ['L'] = ALNUM,  ['M'] = ALNUM,  ['N'] = ALNUM,  ['O'] = ALNUM,  ['P'] = ALNUM,  ['Q'] = ALNUM,
    ['R'] = ALNUM,  ['S'] = ALNUM,  ['T'] = ALNUM,  ['U'] = ALNUM,  ['V'] = ALNUM,  ['W'] = ALNUM,
    ['X'] = ALNUM,  ['Y'] = ALNUM,  ['Z'] = ALNUM,  ['0'] = ALNUM,  ['1'] = ALNUM,  ['2'] = ALNUM,
    ['3'] = ALNUM,  ['4'] = ALNUM,  ['5'] = ALNUM,  ['6'] = ALNUM,  ['7'] = ALNUM,  ['8'] = ALNUM,
    ['9'] = ALNUM,  [' '] = SPACE,  ['\t'] = SPACE, ['\n'] = SPACE, ['\r'] = SPACE, ['.'] = PUNCT,
    [','] = PUNCT,  [':'] = PUNCT,  [';'] = PUNCT,  ['\''] = PUNCT, ['"'] = PUNCT,  [')'] = PUNCT,
    ['!'] = EXCLAM, ['?'] = EXCLAM,
};

/* The kind of the character at `s` (`left` bytes remain); sets *n to its length. Spaces and
 * line separators are SPACE; a byte that starts no character of the table is OTHER. */
static enum kind kind_at(const unsigned char *s, size_t left, size_t *n)
{
    unsigned char c = s[0];
    *n = 1;
    if (c < 0x80)
        return (enum kind)ascii[c];
    if (c >= 0xC3 && c <= 0xC9 && left >= 2) { /* U+00C0..U+024F: Latin letters */
        *n = 2;
        return c == 0xC3 && (s[1] == 0x97 || s[1] == 0xB7) ? OTHER : ALNUM; /* × ÷ */
    }
    if (c == 0xC2 && left >= 2) { /* no-break space, « » */
        *n = 2;
        return s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB ? PUNCT : OTHER;
    }
    if (c == 0xE2 && left >= 3 && s[1] == 0x80) {
        *n = 3;
        switch (s[2]) {
        case 0xA8: /* U+2028, U+2029 */
        case 0xA9:
            return SPACE;
        case 0x98: /* ‘ ’ “ ” */
        case 0x99:
        case 0x9C:
        case 0x9D:
        case 0xAF: /* U+202F, the narrow no-break space */
            return PUNCT;
        default:
            return OTHER;
        }
    }
    return OTHER;
}

size_t rp_next_word(const char *s, size_t left, bool *plain)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, n = 0;
    bool ok = true, exclam = false; /* the previous character was ! or ? */
    while (i < left) {
        enum kind k = u[i] < 0x80 ? (n = 1, (enum kind)ascii[u[i]]) : kind_at(u + i, left - i, &n);
        if (k == SPACE)
            break;
        if (k == OTHER) {
            ok = false;
            /* Only the word's end is still wanted: skip to it. */
            for (i += n; i < left; i += n)
                if (kind_at(u + i, left - i, &n) == SPACE)
                    break;
            break;
        }
        if (exclam && k == ALNUM)
            ok = false;
        exclam = k == EXCLAM;
        i += n;
    }
    *plain = ok;
    return i;
}

size_t rp_space_at(const char *s, size_t left)
{
    size_t n = 0;
    return left && kind_at((const unsigned char *)s, left, &n) == SPACE ? n : 0;
}

size_t rp_word_breaks(const char *word, size_t len, char *out)
{
    rp_line_breaks(word, len, NULL, out);
    size_t count = 0;
    for (size_t k = 0; k + 1 < len; k++)
        count += out[k] != RP_BREAK_NO;
    return count;
}
