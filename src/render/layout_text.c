/* Text measurement and atoms (line breaking itself is in layout_break.c). */
#include "render/breaks.h"
#include "render/layout.h"
#include "util/arena.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

enum rp_face rp_face_with(enum rp_face face, int bold, int italic)
{
    int b = bold || face == RP_FACE_BOLD || face == RP_FACE_BOLD_ITALIC;
    int i = italic || face == RP_FACE_ITALIC || face == RP_FACE_BOLD_ITALIC;
    return b ? (i ? RP_FACE_BOLD_ITALIC : RP_FACE_BOLD) : (i ? RP_FACE_ITALIC : RP_FACE_REGULAR);
}

double rp_text_width(const struct rp_metrics *m, enum rp_face face, double size, const char *s,
                     size_t len)
{
    if (m->width)
        return m->width(m->ctx, face, s, len) * size / 1000.0;
    const char *p = s, *end = s + len;
    double w = 0;
    while (p < end)
        w += m->advance(m->ctx, face, rp_utf8_next(&p, end));
    return w * size / 1000.0;
}

void rp_atoms_free(struct rp_atoms *atoms)
{
    free(atoms->items);
    memset(atoms, 0, sizeof *atoms);
}

void rp_lines_free(struct rp_lines *lines)
{
    free(lines->items);
    memset(lines, 0, sizeof *lines);
}

static struct rp_atom *atom_push(struct rp_atoms *atoms)
{
    if (atoms->count == atoms->cap) {
        atoms->cap = atoms->cap ? atoms->cap * 2 : 32;
        atoms->items = rp_xrealloc(atoms->items, atoms->cap * sizeof *atoms->items);
    }
    struct rp_atom *a = &atoms->items[atoms->count++];
    memset(a, 0, sizeof *a);
    return a;
}

bool rp_is_invisible(uint32_t cp)
{
    return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
           cp == 0xFEFF;
}

/* Letters and digits, roughly: enough to tell a word from punctuation after it. */
static bool is_wordchar(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7);
}

static uint32_t peek(const char *p, const char *end)
{
    return p < end ? rp_utf8_next(&p, end) : 0;
}

static bool is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* The one break added to UAX #14 (which keeps a hyphen with the digit after it, as a minus):
 * a hyphen between digits is a range ("2022-|2024"), which a narrow column may break. */
static bool year_range(const char *text, const char *at, const char *p, const char *end)
{
    return *at == '-' && at > text && is_digit((unsigned char)at[-1]) && p < end &&
           is_digit((unsigned char)*p);
}

/* The width of an atom: as shaped when the metrics shape (kerning inside the atom counts),
 * else `summed`, the sum of its advances. */
static double piece(const struct rp_metrics *m, enum rp_face face, double size, const char *s,
                    size_t len, double summed)
{
    return m->width ? rp_text_width(m, face, size, s, len) : summed;
}

bool rp_atom_soft(const struct rp_atom *a)
{
    return a->brk == RP_BRK_AFTER && a->len >= 2 && a->text[a->len - 2] == '\xc2' &&
           a->text[a->len - 1] == '\xad';
}

/* Appends the atom of `len` bytes at `s` (`summed`: the sum of its advances when the metrics
 * do not shape) that ends with break `brk`. */
static struct rp_atom *add_atom(struct rp_atoms *atoms, const struct rp_metrics *m, const char *s,
                                size_t len, double summed, enum rp_face face, double size,
                                enum rp_break brk, enum rp_span_kind kind, const char *href)
{
    struct rp_atom *a = atom_push(atoms);
    *a = (struct rp_atom){.text = s,
                          .len = (uint32_t)len,
                          .width = (float)piece(m, face, size, s, len, summed),
                          .size = (float)size,
                          .face = face,
                          .brk = brk,
                          .kind = kind,
                          .href = href};
    return a;
}

/* A span's text is cut at its spaces, and inside its words where Unicode's line breaking
 * algorithm (UAX #14, render/breaks.c) allows, word by word: a line may always break at a
 * space (rp_atoms_joined() decides against it), so only the insides of words are asked.
 * The last character of the span takes no break: the next span continues its word unless
 * a space parts them. An atom's space is kept apart from its width, dropped at a line's
 * end. */
static void cut(struct rp_atoms *atoms, const struct rp_metrics *m, const char *text, size_t len,
                enum rp_face face, double size, enum rp_span_kind kind, const char *href)
{
    const char *p = text, *end = text + len, *start = text;
    double w = 0, scale = size / 1000.0;
    double space = m->advance(m->ctx, face, ' ') * scale;
    char small[256], *brk = small;
    size_t brk_cap = sizeof small;
    while (p < end) {
        size_t sn = rp_space_at(p, (size_t)(end - p));
        if (sn) {
            bool forced = *p == '\n' || sn == 3;
            enum rp_break b = forced ? RP_BRK_NEWLINE : RP_BRK_SPACE;
            /* A line separator is no space: nothing is dropped nor stretched there. */
            float sp = sn == 3 ? 0 : (float)space;
            if (p > start) {
                add_atom(atoms, m, start, (size_t)(p - start), w, face, size, b, kind, href)
                    ->space = sp;
            } else if (atoms->count && atoms->items[atoms->count - 1].brk != RP_BRK_NEWLINE) {
                /* A space at the start of a span ends the previous span's last atom. */
                struct rp_atom *last = &atoms->items[atoms->count - 1];
                if (b == RP_BRK_NEWLINE || last->brk == RP_BRK_NONE) {
                    last->brk = b;
                    last->space = sp;
                }
            }
            p += sn;
            start = p;
            w = 0;
            continue;
        }
        const char *word = p;
        bool plain;
        size_t wlen = rp_next_word(word, (size_t)(end - p), &plain);
        p += wlen;
        if (plain && m->width) /* one atom, shaped by piece() */
            continue;
        if (wlen > brk_cap) {
            if (brk != small)
                free(brk);
            brk_cap = wlen;
            brk = rp_xmalloc(brk_cap);
        }
        size_t inside = plain ? 0 : rp_word_breaks(word, wlen, brk);
        if (!inside && m->width && !memchr(word, '-', wlen))
            continue;
        for (const char *q = word; q < p;) {
            const char *at = q;
            uint32_t cp = rp_utf8_next(&q, p);
            if (!m->width && !rp_is_invisible(cp)) /* else measured by piece() */
                w += m->advance(m->ctx, face, cp) * scale;
            /* A break the algorithm allows right after a character: after a hyphen or a dash
             * before a word ("e-|premier", "2022–|2023"), a slash before a word ("a/|b"), a
             * soft hyphen, a zero-width space; and between years. */
            if (q < p &&
                ((inside && brk[q - word - 1] != RP_BREAK_NO) || year_range(word, at, q, p))) {
                struct rp_atom *a = add_atom(atoms, m, start, (size_t)(q - start), w, face, size,
                                             RP_BRK_AFTER, kind, href);
                if (cp == 0xAD) /* the hyphen shown if a line breaks there */
                    a->space = (float)(m->advance(m->ctx, face, '-') * scale);
                start = q;
                w = 0;
            }
        }
    }
    if (p > start)
        add_atom(atoms, m, start, (size_t)(p - start), w, face, size, RP_BRK_NONE, kind, href);
    if (brk != small)
        free(brk);
}

/* The spaces a text starts with end the atom before it (cut every time); what follows
 * depends on nothing before it, and is cut once per metrics (rp_atoms_memo). */
void rp_atoms_add_text(struct rp_atoms *atoms, const struct rp_metrics *m, const char *text,
                       size_t len, enum rp_face face, double size, enum rp_span_kind kind,
                       const char *href)
{
    size_t lead = 0, sn;
    while (lead < len && (sn = rp_space_at(text + lead, len - lead)) != 0)
        lead += sn;
    if (!m->memo || lead == len) {
        cut(atoms, m, text, len, face, size, kind, href);
        return;
    }
    if (lead)
        cut(atoms, m, text, lead, face, size, kind, href);
    const char *rest = text + lead;
    size_t n = len - lead;
    if (rp_atoms_memo_replay(m->memo, atoms, rest, n, face, size, kind, href))
        return;
    size_t from = atoms->count;
    cut(atoms, m, rest, n, face, size, kind, href);
    rp_atoms_memo_store(m->memo, atoms->items + from, atoms->count - from, rest, n, face, size,
                        kind, href);
}

void rp_atoms_add_bar(struct rp_atoms *atoms, const struct rp_doc_bar *bar, double size)
{
    struct rp_atom *a = atom_push(atoms);
    *a = (struct rp_atom){.text = "",
                          .width = (float)(size * (RP_BAR_EMS + RP_BAR_GAP_EMS)),
                          .size = (float)size,
                          .brk = RP_BRK_NONE,
                          .kind = RP_SPAN_TEXT,
                          .bar = bar};
}

void rp_atoms_add_spans(struct rp_atoms *atoms, const struct rp_metrics *m,
                        const struct rp_spans *spans, enum rp_face base, double size)
{
    for (size_t i = 0; i < spans->count; i++) {
        const struct rp_span *s = &spans->items[i];
        enum rp_face face =
            rp_face_with(base, (s->style & RP_SPAN_STRONG) != 0, (s->style & RP_SPAN_EM) != 0);
        size_t first = atoms->count;
        double sz = (s->style & RP_SPAN_SUP) ? size * 0.7 : size;
        if (s->bar)
            rp_atoms_add_bar(atoms, s->bar, sz);
        rp_atoms_add_text(atoms, m, s->text, strlen(s->text), face, sz, s->kind, s->href);
        for (size_t k = first; k < atoms->count; k++) {
            atoms->items[k].lang = s->lang;
            if (s->style & RP_SPAN_SUP)
                atoms->items[k].rise = (float)(size * 0.33);
        }
    }
}

/* Marks that never start a line: they belong to the word before them, even after a
 * space (" »"). A right single quote followed by a letter opens a word ("’s avonds"). */
static bool is_closing(uint32_t cp, uint32_t next)
{
    switch (cp) {
    case 0xBB:
    case ')':
    case ']':
    case '}':
    case ',':
    case '.':
    case ';':
    case ':':
    case '!':
    case '?':
    case 0x2026:
    case 0x201D:
        return true;
    case 0x2019:
        return !is_wordchar(next);
    default:
        return false;
    }
}

/* Marks that never end a line: they belong to the word after them ("« ", "("). */
static bool is_opening(uint32_t cp)
{
    return cp == 0xAB || cp == '(' || cp == '[' || cp == '{' || cp == 0x201C || cp == 0x2018;
}

/* The last code point of `len` bytes at `s`. */
static uint32_t last_of(const char *s, size_t len)
{
    size_t i = len;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0)
        i--;
    const char *p = s + i;
    return len ? rp_utf8_next(&p, s + len) : 0;
}

bool rp_atoms_joined(const struct rp_atom *a, const struct rp_atom *next)
{
    if (a->brk == RP_BRK_NONE)
        return true;
    if (a->brk == RP_BRK_NEWLINE || !next->len || !a->len)
        return false;
    const char *p = next->text, *end = next->text + next->len;
    uint32_t first = rp_utf8_next(&p, end);
    return is_closing(first, peek(p, end)) || is_opening(last_of(a->text, a->len));
}

/* Index of the last atom of the word that starts at `i` (atoms no line may part). */
static size_t word_end(const struct rp_atoms *atoms, size_t i)
{
    while (i + 1 < atoms->count && rp_atoms_joined(&atoms->items[i], &atoms->items[i + 1]))
        i++;
    return i;
}

double rp_atoms_min_width(const struct rp_atoms *atoms)
{
    double best = 0;
    for (size_t i = 0; i < atoms->count;) {
        size_t e = word_end(atoms, i);
        double w = 0;
        for (size_t k = i; k <= e; k++)
            w += atoms->items[k].width +
                 (k < e && atoms->items[k].brk == RP_BRK_SPACE ? atoms->items[k].space : 0);
        if (rp_atom_soft(&atoms->items[e]))
            w += atoms->items[e].space; /* the hyphen shown when the line breaks there */
        if (w > best)
            best = w;
        i = e + 1;
    }
    return best;
}

double rp_atoms_max_width(const struct rp_atoms *atoms)
{
    double w = 0, line = 0;
    for (size_t i = 0; i < atoms->count; i++) {
        const struct rp_atom *a = &atoms->items[i];
        line += a->width;
        if (a->brk == RP_BRK_NEWLINE) {
            if (line > w)
                w = line;
            line = 0;
        } else if (a->brk == RP_BRK_SPACE && i + 1 < atoms->count)
            line += a->space;
    }
    return line > w ? line : w;
}

size_t rp_decimal_split(const char *text, size_t len, char sep)
{
    for (size_t i = len; i-- > 0;)
        if (text[i] == sep && i + 1 < len && text[i + 1] >= '0' && text[i + 1] <= '9')
            return i;
    return len;
}
