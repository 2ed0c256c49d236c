/* Line breaking: first-fit, hyphenating the word that does not fit when a dictionary knows
 * it, cutting a word wider than the line between characters. */
#include "render/hyphen.h"
#include "render/layout.h"
#include "util/arena.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Linear in the text, however long its words and paragraphs: every line costs what it
 * holds plus a bounded look-ahead. Atoms are read from `in` and written to `out`, the same
 * array until the first split; a split then moves the output to an array of its own
 * instead of inserting into `in` (which moved every later atom, once per split line). A
 * split leaves its rest in place of the atom it cut, so that the next line starts there. */
struct breaker {
    struct rp_atom *in, *out;
    size_t n, i;   /* input atoms and the next one to place */
    size_t o, cap; /* atoms written to `out`, its capacity when it is not `in` */
    const struct rp_layout_env *env;
    /* The sum of the advances of in[raw_at] when known: what is left of a word after a cut
     * is measured by subtraction instead of being measured again. Advances are whole font
     * units (libharu's widths are integers), so the sums are exact and the width is the
     * very one a fresh measure gives. */
    size_t raw_at;
    double raw;
    size_t work; /* atoms and characters gone through: rp_lines.work */
};

static void put_atom(struct breaker *b, const struct rp_atom *a)
{
    b->work++;
    if (b->out == b->in) {
        b->o++; /* in place: `a` is in[o] */
        return;
    }
    if (b->o == b->cap) {
        b->cap *= 2;
        b->out = rp_xrealloc(b->out, b->cap * sizeof *b->out);
    }
    b->out[b->o++] = *a;
}

/* Places in[i] on the line. */
static void take(struct breaker *b)
{
    put_atom(b, &b->in[b->i++]);
}

/* Places the head of a split in[i] (which becomes the rest). */
static void take_head(struct breaker *b, const struct rp_atom *head)
{
    if (b->out == b->in) {
        b->cap = b->n + b->n / 4 + 16;
        b->out = rp_xmalloc(b->cap * sizeof *b->out);
        memcpy(b->out, b->in, b->o * sizeof *b->out);
    }
    put_atom(b, head);
}

/* The width of `len` bytes of `s` (shaped, or the sum of the advances in their order):
 * rp_text_width before its scaling to the size. */
static double raw_width(struct breaker *b, enum rp_face face, const char *s, size_t len)
{
    const struct rp_metrics *m = b->env->metrics;
    if (m->width) {
        b->work += len;
        return m->width(m->ctx, face, s, len);
    }
    const char *p = s, *end = s + len;
    double w = 0;
    while (p < end) {
        w += m->advance(m->ctx, face, rp_utf8_next(&p, end));
        b->work++;
    }
    return w;
}

/* Cuts in[i] so that its first part fits in `room` (at least one character); returns
 * whether it was cut (else all of it fits after all). */
static bool cut_atom(struct breaker *b, double room)
{
    const struct rp_metrics *m = b->env->metrics;
    struct rp_atom *a = &b->in[b->i];
    const char *p = a->text, *end = a->text + a->len, *cut = NULL;
    double w = 0, raw = 0, scale = a->size / 1000.0;
    while (p < end) {
        const char *at = p;
        double adv = m->advance(m->ctx, a->face, rp_utf8_next(&p, end));
        double cw = adv * scale;
        b->work++;
        if (cut && w + cw > room) {
            p = at;
            break;
        }
        w += cw;
        raw += adv;
        cut = p;
    }
    if (!cut || cut >= end)
        return false;
    struct rp_atom head = *a;
    head.len = (uint32_t)(cut - a->text);
    head.width = (float)(m->width ? raw_width(b, a->face, a->text, head.len) * scale : w);
    head.brk = RP_BRK_AFTER;
    head.space = 0;
    /* The first cut of an atom measures its rest once; later cuts subtract. Shaped widths
     * do not quite add up, so a short rest is measured again (a long one, only cut again,
     * would make cutting quadratic). */
    bool again = m->width && end - cut <= 256;
    double rest = b->raw_at == b->i && !again ? b->raw - raw
                                              : raw_width(b, a->face, cut, (size_t)(end - cut));
    a->text = cut;
    a->len = (uint32_t)(end - cut);
    a->width = (float)(rest * a->size / 1000.0);
    b->raw_at = b->i;
    b->raw = rest;
    take_head(b, &head);
    return true;
}

/* Splits the one-atom word in[i] at its last hyphenation point that fits in `room` with
 * its hyphen; the first half becomes "prefix-" in env->arena. Only the part of the word
 * that can fit is measured and looked up. */
static bool hyphenate_atom(struct breaker *b, double room)
{
    const struct rp_layout_env *env = b->env;
    struct rp_atom *a = &b->in[b->i];
    if (a->kind != RP_SPAN_TEXT || a->len < 5)
        return false;
    /* The patterns of the word's own language, never the document's for a foreign word. */
    const struct rp_hyphenator *hyphenator = rp_env_hyphenator(env, a->lang);
    if (!hyphenator)
        return false;
    const struct rp_metrics *m = env->metrics;
    double hyphen = m->advance(m->ctx, a->face, '-') * a->size / 1000.0;
    /* reach: the first character end whose prefix no longer fits with a hyphen. A break
     * point before it fits, one at or after it does not (widths only grow). */
    const char *p = a->text, *end = a->text + a->len;
    double raw = 0;
    while (p < end) {
        raw += m->advance(m->ctx, a->face, rp_utf8_next(&p, end));
        b->work++;
        if (raw * a->size / 1000.0 + hyphen > room)
            break;
    }
    size_t reach = (size_t)(p - a->text), points[32];
    size_t n = rp_hyphenate(hyphenator, a->text, a->len, reach, points, 32);
    while (n > 0 && points[n - 1] >= reach)
        n--;
    if (n == 0)
        return false;
    size_t at = points[n - 1];
    double prefix = raw_width(b, a->face, a->text, at);
    double w = prefix * a->size / 1000.0;
    char *head_text = rp_arena_alloc(env->arena, at + 2);
    memcpy(head_text, a->text, at);
    head_text[at] = '-';
    struct rp_atom head = *a;
    head.text = head_text;
    head.len = (uint32_t)at + 1;
    head.width = (float)(w + hyphen);
    head.brk = RP_BRK_AFTER;
    head.space = 0;
    a->text += at;
    a->len -= (uint32_t)at;
    a->width -= (float)w;
    if (m->width) { /* shaped: the two halves measured as they are drawn */
        head.width = (float)(raw_width(b, a->face, head_text, head.len) * a->size / 1000.0);
        a->width = (float)(raw_width(b, a->face, a->text, a->len) * a->size / 1000.0);
    }
    if (b->raw_at == b->i)
        b->raw -= prefix;
    take_head(b, &head);
    return true;
}

struct rp_layout_env rp_env_plain(const struct rp_layout_env *env)
{
    struct rp_layout_env plain = *env;
    plain.hyphenator = NULL;
    plain.hyphenator_of = NULL;
    return plain;
}

const struct rp_hyphenator *rp_env_hyphenator(const struct rp_layout_env *env, const char *lang)
{
    if (!lang)
        return env->hyphenator;
    return env->hyphenator_of ? env->hyphenator_of(env->hyphenator_ctx, lang) : NULL;
}

static void line_push(struct rp_lines *lines, size_t first, size_t end, double width,
                      unsigned glues, bool last)
{
    if (lines->count == lines->cap) {
        lines->cap = lines->cap ? lines->cap * 2 : 16;
        lines->items = rp_xrealloc(lines->items, lines->cap * sizeof *lines->items);
    }
    lines->items[lines->count++] = (struct rp_line){first, end, (float)width, glues, last};
}

/* Whether in[k] ends its word: a line may break after it. Atoms glued by RP_BRK_NONE make
 * one word, and so do atoms parted by a space before closing punctuation ("phénoménale »")
 * or after opening punctuation. */
static bool word_ends(const struct breaker *b, size_t k)
{
    return k + 1 >= b->n || !rp_atoms_joined(&b->in[k], &b->in[k + 1]);
}

/* The width of the space inside a word after in[k] (one parted by a space that may not
 * break), else 0. */
static double inner_space(const struct breaker *b, size_t k)
{
    return !word_ends(b, k) && b->in[k].brk == RP_BRK_SPACE ? b->in[k].space : 0;
}

/* Fills one line from in[i]; returns its width and sets *glues and *forced. */
static double fill_line(struct breaker *b, double width, size_t first, unsigned *glues,
                        bool *forced)
{
    const double slack = 0.01; /* rounding of float widths */
    double x = 0;
    while (b->i < b->n) {
        size_t i = b->i, e = i;
        const struct rp_atom *before = b->o > first ? &b->out[b->o - 1] : NULL;
        double glue = before && before->brk == RP_BRK_SPACE ? before->space : 0;
        /* The word's width, summed only as far as the line can take it: a word never
         * costs more than a line to reject. */
        double ww = 0;
        unsigned inner = 0; /* spaces inside the word: they stretch like any other */
        bool fits = true;
        for (;; e++) {
            ww += b->in[e].width;
            b->work++;
            if (x + glue + ww > width + slack) {
                fits = false;
                break;
            }
            if (word_ends(b, e)) {
                /* A soft hyphen's atom ends the word only with its hyphen: it must fit too
                 * (a little strict when the rest of the word would fit without it). */
                if (rp_atom_soft(&b->in[e]) && x + glue + ww + b->in[e].space > width + slack)
                    fits = false;
                break;
            }
            double sp = inner_space(b, e);
            ww += sp;
            inner += sp > 0;
        }
        if (fits) {
            x += glue + ww;
            *glues += (glue > 0) + inner;
            while (b->i <= e)
                take(b);
            if (b->in[e].brk == RP_BRK_NEWLINE) {
                *forced = true;
                break;
            }
            continue;
        }
        double room = width - x - glue;
        if (word_ends(b, i) && room > b->in[i].size * 2 && hyphenate_atom(b, room)) {
            x += glue + b->out[b->o - 1].width;
            *glues += glue > 0;
            break;
        }
        if (b->o == first) {
            /* A word wider than the line: place what fits, cut between characters. */
            bool inside = true; /* in[i] still belongs to the word */
            double sp = 0;      /* the space inside the word before in[i] */
            while (inside && x + sp + b->in[b->i].width <= width + slack) {
                inside = !word_ends(b, b->i);
                x += sp + b->in[b->i].width;
                *glues += sp > 0;
                sp = inner_space(b, b->i);
                take(b);
            }
            if (inside && (x == 0 || b->o == first)) {
                if (cut_atom(b, width - x))
                    x += b->out[b->o - 1].width;
                else {
                    x += b->in[b->i].width;
                    take(b);
                }
            }
        }
        break;
    }
    return x;
}

size_t rp_break_lines(struct rp_atoms *atoms, double width, const struct rp_layout_env *env,
                      struct rp_lines *lines)
{
    struct breaker b = {
        .in = atoms->items, .out = atoms->items, .n = atoms->count, .env = env, .raw_at = SIZE_MAX};
    lines->count = 0;
    while (b.i < b.n) {
        size_t first = b.o;
        unsigned glues = 0;
        bool forced = false;
        double x = fill_line(&b, width, first, &glues, &forced);
        if (b.o > first && b.i < b.n && rp_atom_soft(&b.out[b.o - 1]))
            x += b.out[b.o - 1].space; /* the hyphen drawn where the line breaks */
        line_push(lines, first, b.o, x, glues, forced || b.i >= b.n);
    }
    if (b.out != b.in) {
        free(atoms->items);
        atoms->items = b.out;
        atoms->cap = b.cap;
    }
    atoms->count = b.o;
    lines->work = b.work;
    return lines->count;
}
