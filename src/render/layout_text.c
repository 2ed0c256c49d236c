/* Text measurement and atoms (line breaking itself is in layout_break.c). */
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

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

/* Letters and digits, roughly: enough to tell "2022-2024" and "e-premier" from "-97". */
static bool is_wordchar(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7);
}

static uint32_t peek(const char *p, const char *end)
{
    return p < end ? rp_utf8_next(&p, end) : 0;
}

/* The width of an atom: as shaped when the metrics shape (kerning inside the atom counts),
 * else `summed`, the sum of its advances. */
static double piece(const struct rp_metrics *m, enum rp_face face, double size, const char *s,
                    size_t len, double summed)
{
    return m->width ? rp_text_width(m, face, size, s, len) : summed;
}

void rp_atoms_add_text(struct rp_atoms *atoms, const struct rp_metrics *m, const char *text,
                       size_t len, enum rp_face face, double size, enum rp_span_kind kind,
                       const char *href)
{
    const char *p = text, *end = text + len, *start = text;
    double w = 0, scale = size / 1000.0;
    double space = m->advance(m->ctx, face, ' ') * scale;
    uint32_t prev = 0;
    while (p < end) {
        const char *at = p;
        uint32_t cp = rp_utf8_next(&p, end);
        if (is_space(cp)) {
            enum rp_break brk = cp == '\n' ? RP_BRK_NEWLINE : RP_BRK_SPACE;
            if (at > start) {
                struct rp_atom *a = atom_push(atoms);
                *a = (struct rp_atom){
                    .text = start,
                    .len = (uint32_t)(at - start),
                    .width = (float)piece(m, face, size, start, (size_t)(at - start), w),
                    .space = (float)space,
                    .size = (float)size,
                    .face = face,
                    .brk = brk,
                    .kind = kind,
                    .href = href};
            } else if (atoms->count && atoms->items[atoms->count - 1].brk != RP_BRK_NEWLINE) {
                /* A space at the start of a span ends the previous span's last atom. */
                struct rp_atom *last = &atoms->items[atoms->count - 1];
                if (brk == RP_BRK_NEWLINE || last->brk == RP_BRK_NONE) {
                    last->brk = brk;
                    last->space = (float)space;
                }
            }
            start = p;
            w = 0;
            prev = cp;
            continue;
        }
        if (!m->width) /* else measured by piece() */
            w += m->advance(m->ctx, face, cp) * scale;
        bool after = false;
        if (cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014)
            after = is_wordchar(prev) && is_wordchar(peek(p, end));
        else if (cp == '/') {
            uint32_t next = peek(p, end);
            after =
                prev && !is_space(prev) && prev != '/' && next && !is_space(next) && next != '/';
        }
        if (after) {
            struct rp_atom *a = atom_push(atoms);
            *a = (struct rp_atom){.text = start,
                                  .len = (uint32_t)(p - start),
                                  .width =
                                      (float)piece(m, face, size, start, (size_t)(p - start), w),
                                  .size = (float)size,
                                  .face = face,
                                  .brk = RP_BRK_AFTER,
                                  .kind = kind,
                                  .href = href};
            start = p;
            w = 0;
        }
        prev = cp;
    }
    if (p > start) {
        struct rp_atom *a = atom_push(atoms);
        *a = (struct rp_atom){.text = start,
                              .len = (uint32_t)(p - start),
                              .width = (float)piece(m, face, size, start, (size_t)(p - start), w),
                              .size = (float)size,
                              .face = face,
                              .brk = RP_BRK_NONE,
                              .kind = kind,
                              .href = href};
    }
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
