/* The page flow: display-list items, page breaks, running header and footer, overlays. */
#include "render/bidi.h"
#include "render/layout_flow.h"
#include "render/table_width.h"
#include "util/arena.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rp_item *rp_flow_item(struct rp_flow *f, enum rp_item_kind kind)
{
    if (f->count == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 256;
        f->items = rp_xrealloc(f->items, f->cap * sizeof *f->items);
    }
    struct rp_item *it = &f->items[f->count++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->target_page = -1;
    it->seq = ++f->seq;
    it->artifact = f->artifact;
    /* Rules and fills are decoration, except in a chart, where they are the figure. */
    bool graphic = kind == RP_ITEM_RECT || kind == RP_ITEM_LINE;
    it->elem = graphic && f->elem && f->elems[f->elem].type != RP_ST_FIGURE ? 0 : f->elem;
    if (graphic && !it->elem && f->elem)
        it->artifact = RP_ART_LAYOUT;
    return it;
}

void rp_flow_text(struct rp_flow *f, double x, double y, enum rp_face face, double size,
                  struct rp_rgb color, const char *text, size_t len)
{
    if (!len)
        return;
    struct rp_item *it = rp_flow_item(f, RP_ITEM_TEXT);
    it->x = (float)x;
    it->y = (float)y;
    it->face = face;
    it->size = (float)size;
    it->color = color;
    it->text = text;
    it->len = (uint32_t)len;
}

void rp_flow_rect(struct rp_flow *f, double x, double y, double w, double h, struct rp_rgb color)
{
    struct rp_item *it = rp_flow_item(f, RP_ITEM_RECT);
    it->x = (float)x;
    it->y = (float)y;
    it->w = (float)w;
    it->h = (float)h;
    it->color = color;
}

void rp_flow_line(struct rp_flow *f, double x1, double y1, double x2, double y2, double width,
                  struct rp_rgb color)
{
    struct rp_item *it = rp_flow_item(f, RP_ITEM_LINE);
    it->x = (float)x1;
    it->y = (float)y1;
    it->w = (float)(x2 - x1);
    it->h = (float)(y2 - y1);
    it->color = color;
    it->line_width = (float)width;
}

void rp_flow_hline(struct rp_flow *f, double x1, double x2, double y, double width,
                   struct rp_rgb color)
{
    rp_flow_line(f, x1, y, x2, y, width, color);
}

const char *rp_flow_str(struct rp_flow *f, const char *s, size_t len)
{
    return rp_arena_strndup(f->page_arena, s, len);
}

/* ------------------------------------------------------------------ pages */

static void emit_page(struct rp_flow *f)
{
    if (!f->open)
        return;
    struct rp_page page = {f->page_count - 1, f->kind,  f->width, f->height,
                           f->items,          f->count, f->elems};
    if (!f->status)
        f->status = f->sink->page(f->sink->ctx, &page, false);
    f->count = 0;
    rp_arena_free(f->page_arena);
    f->page_arena = NULL;
    f->open = false;
}

static void running_header(struct rp_flow *f)
{
    const struct rp_theme *t = f->theme;
    const struct rp_doc *doc = f->doc;
    if (f->kind == RP_PAGE_COVER)
        return;
    double size = 7.5, base = t->margin_top - 30;
    const char *org = doc->organisation ? doc->organisation : "";
    const char *title = doc->title ? doc->title : "";
    double tw = rp_text_width(f->m, RP_FACE_REGULAR, size, title, strlen(title));
    double ow = rp_text_width(f->m, RP_FACE_BOLD, size, org, strlen(org));
    /* The sample mark is centred, but never over the organisation's name. */
    const char *mark = doc->sample ? (doc->labels.sample ? doc->labels.sample : "SPECIMEN") : NULL;
    double mw = mark ? rp_text_width(f->m, RP_FACE_BOLD, size, mark, strlen(mark)) : 0;
    double mx = (f->left + f->right - mw) / 2;
    if (mark && mx < f->left + ow + 12)
        mx = f->left + ow + 12;
    /* When they do not all fit side by side, the organisation and the mark win and the
     * title is dropped. */
    rp_flow_text(f, f->left, base, RP_FACE_BOLD, size, t->primary, org, strlen(org));
    double title_x = f->right - tw;
    if (title_x >= f->left + ow + 20 && (!mark || title_x >= mx + mw + 12))
        rp_flow_text(f, title_x, base, RP_FACE_REGULAR, size, t->muted, title, strlen(title));
    if (mark)
        rp_flow_text(f, mx, base, RP_FACE_BOLD, size, t->accent, mark, strlen(mark));
    rp_flow_hline(f, f->left, f->right, base + 8, 0.4, t->rule);
}

void rp_flow_new_page(struct rp_flow *f, enum rp_page_kind kind, bool landscape)
{
    if (f->floating && f->open)
        rp_flow_float_flush(f); /* its pages come before the one asked for */
    rp_flow_page_ending(f);
    emit_page(f);
    /* Even after the sink failed, a page stays open so that block layouts can finish
     * harmlessly; nothing more is emitted and the status is returned. */
    const struct rp_theme *t = f->theme;
    f->open = true;
    f->kind = kind;
    f->landscape = landscape;
    f->width = landscape ? t->page_height : t->page_width;
    f->height = landscape ? t->page_width : t->page_height;
    f->left = t->margin_left;
    f->right = f->width - t->margin_right;
    f->top = t->margin_top;
    f->bottom = f->height - t->margin_bottom;
    f->y = f->top;
    f->fresh = true;
    f->page_arena = rp_arena_new();
    struct rp_tagging tagging = rp_flow_artifact(f, RP_ART_HEADER);
    if (f->page_count == f->page_cap) {
        f->page_cap = f->page_cap ? f->page_cap * 2 : 64;
        f->pages = rp_xrealloc(f->pages, f->page_cap * sizeof *f->pages);
    }
    f->pages[f->page_count++] = (struct rp_page_rec){kind, landscape};
    rp_flow_page_begun(f);
    running_header(f);
    rp_flow_untag(f, tagging);
}

void rp_flow_need(struct rp_flow *f, double h)
{
    if (!f->open || f->kind != f->want_kind || f->landscape != f->want_landscape)
        rp_flow_new_page(f, f->want_kind, f->want_landscape);
    else if (f->y + h > f->bottom + 0.01 && !f->fresh)
        rp_flow_new_page(f, f->kind, f->landscape);
}

/* ------------------------------------------------------------------ overlays */

static void roman(char *buf, size_t size, size_t n)
{
    static const struct {
        unsigned v;
        const char *s;
    } table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                 {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                 {5, "v"},    {4, "iv"},   {1, "i"}};
    size_t pos = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        while (n >= table[i].v && pos + 3 < size) {
            pos += (size_t)snprintf(buf + pos, size - pos, "%s", table[i].s);
            n -= table[i].v;
        }
}

/* How see-through the marks are: enough to be seen at a glance, faint enough that the text
 * and the table rules they cross read as if they were not there. */
#define MARK_ALPHA 0.15f

/* One word along the page's rising diagonal, centred on it, at most `share` of its length,
 * its capitals straddling a line `offset` points below the diagonal (y grows downwards). */
static void diagonal_word(struct rp_flow *f, const char *word, double size, double share,
                          double offset, struct rp_rgb color)
{
    size_t len = strlen(word);
    double diagonal = sqrt(f->width * f->width + f->height * f->height);
    double a = atan2(f->height, f->width);
    double w = rp_text_width(f->m, RP_FACE_BOLD, size, word, len);
    if (w > diagonal * share) {
        size *= diagonal * share / w;
        w = diagonal * share;
    }
    /* The baseline starts half the word's length before the centre, and a third of the type
     * size below the line so that the capitals straddle it. */
    double cx = f->width / 2 + sin(a) * offset, cy = f->height / 2 + cos(a) * offset;
    double cap = size * 0.35;
    double x = cx - cos(a) * w / 2 + sin(a) * cap, y = cy + sin(a) * w / 2 + cos(a) * cap;
    rp_flow_text(f, x, y, RP_FACE_BOLD, size, color, word, len);
    f->items[f->count - 1].angle = (float)(a * 180 / 3.14159265358979323846);
    f->items[f->count - 1].alpha = MARK_ALPHA;
}

/* The marks that say a page is not the real thing: a review edition's draft mark and the
 * sample data's mark. They are drawn last (the overlay follows all of a page's content) and
 * see-through, so that nothing they cross is hidden, not even under the cover's band.
 * Across the page's centre rather than in a margin: a mark in the margin is missed when a
 * page is quoted or cut out, one across the content is not. The draft mark, the authors'
 * concern, is the larger; the sample mark, for every reader, is modest and, with both, on a
 * parallel line below. The draft word is repeated in the footer, where it reads as text. */
static void page_marks(struct rp_flow *f)
{
    const struct rp_doc *doc = f->doc;
    const char *draft = doc->labels.draft;
    if ((!draft || !*draft) && doc->edition == RP_EDITION_REVIEW)
        draft = "DRAFT";
    if (draft && !*draft)
        draft = NULL;
    const char *sample = NULL;
    if (doc->sample)
        sample = doc->labels.sample && *doc->labels.sample ? doc->labels.sample : "SPECIMEN";
    if (!draft && !sample)
        return;
    struct rp_tagging tagging = rp_flow_artifact(f, RP_ART_WATERMARK);
    double draft_size = 110, sample_size = 64;
    double gap = draft && sample ? (draft_size + sample_size) * 0.4 : 0;
    if (draft)
        diagonal_word(f, draft, draft_size, 0.66, -gap / 2, f->theme->primary);
    if (sample)
        diagonal_word(f, sample, sample_size, 0.5, gap / 2, f->theme->accent);
    if (draft) {
        size_t len = strlen(draft);
        double small = 7.5, base = f->height - f->theme->margin_bottom + 36;
        double mw = rp_text_width(f->m, RP_FACE_BOLD, small, draft, len);
        f->artifact = RP_ART_FOOTER;
        rp_flow_text(f, (f->left + f->right - mw) / 2, base, RP_FACE_BOLD, small, f->theme->muted,
                     draft, len);
    }
    rp_flow_untag(f, tagging);
}

/* The printed number of physical page `page`: roman in the front matter, else from 1. */
static void page_number(size_t front, size_t page, char *buf, size_t size)
{
    if (page < front)
        roman(buf, size, page + 1);
    else
        snprintf(buf, size, "%zu", page - front + 1);
}

static void overlay_page(struct rp_flow *f, size_t p, size_t front)
{
    const struct rp_theme *t = f->theme;
    const struct rp_page_rec *rec = &f->pages[p];
    f->count = 0;
    f->page_arena = rp_arena_new();
    f->width = rec->landscape ? t->page_height : t->page_width;
    f->height = rec->landscape ? t->page_width : t->page_height;
    f->left = t->margin_left;
    f->right = f->width - t->margin_right;
    char num[48], text[160];
    struct rp_tagging tagging = rp_flow_artifact(f, RP_ART_FOOTER);
    if (rec->kind != RP_PAGE_COVER) {
        double size = 7.5, base = f->height - t->margin_bottom + 36;
        rp_flow_hline(f, f->left, f->right, base - 11, 0.4, t->rule);
        page_number(front, p, num, sizeof num);
        if (rec->kind == RP_PAGE_BODY)
            snprintf(text, sizeof text, "%s %s / %zu", f->doc->labels.page, num,
                     f->page_count - front);
        else
            snprintf(text, sizeof text, "%s", num);
        double w = rp_text_width(f->m, RP_FACE_REGULAR, size, text, strlen(text));
        rp_flow_text(f, f->right - w, base, RP_FACE_REGULAR, size, t->muted,
                     rp_flow_str(f, text, strlen(text)), strlen(text));
        if (f->doc->year > 0) {
            rp_fmt_date(text, sizeof text, f->doc->year, f->doc->month, f->doc->day, f->lang);
            rp_flow_text(f, f->left, base, RP_FACE_REGULAR, size, t->muted,
                         rp_flow_str(f, text, strlen(text)), strlen(text));
        }
    }
    for (size_t i = 0; i < f->toc_count; i++) {
        const struct rp_toc_slot *s = &f->toc[i];
        if (s->page != p || s->target >= f->target_count)
            continue;
        const struct rp_target *tg = &f->targets[s->target];
        f->elem = s->link; /* the number is part of the entry, read with its title */
        page_number(front, tg->page, num, sizeof num);
        double size = t->body_size;
        double w = rp_text_width(f->m, RP_FACE_REGULAR, size, num, strlen(num));
        rp_flow_text(f, s->right - w, s->y_base, RP_FACE_REGULAR, size, t->text,
                     rp_flow_str(f, num, strlen(num)), strlen(num));
        if (s->right - w - 6 > s->x_end + 6) {
            struct rp_item *dots = rp_flow_item(f, RP_ITEM_LINE);
            dots->x = (float)(s->x_end + 6);
            dots->y = (float)(s->y_base - 0.5);
            dots->w = (float)(s->right - w - 6 - (s->x_end + 6));
            dots->color = t->muted;
            dots->line_width = 0.9f;
            dots->dash = 1.0f; /* 1 on, 2 off: a dotted leader */
        }
        struct rp_item *link = rp_flow_item(f, RP_ITEM_LINK);
        link->x = (float)s->x0;
        link->y = (float)s->y_top;
        link->w = (float)(s->right - s->x0);
        link->h = (float)(s->y_base + size * 0.3 - s->y_top);
        link->target_page = (long)tg->page;
        link->target_y = (float)tg->y;
    }
    rp_flow_untag(f, tagging);
    page_marks(f); /* last: above everything else on the page */
    struct rp_page page = {p, rec->kind, f->width, f->height, f->items, f->count, f->elems};
    if (!f->status)
        f->status = f->sink->page(f->sink->ctx, &page, true);
    rp_arena_free(f->page_arena);
    f->page_arena = NULL;
}

void rp_flow_close(struct rp_flow *f, struct rp_layout_result *result)
{
    rp_flow_page_ending(f);
    emit_page(f);
    size_t front = 0;
    while (front < f->page_count && f->pages[front].kind != RP_PAGE_BODY)
        front++;
    if (front == f->page_count)
        front = 0;
    for (size_t p = 0; p < f->page_count && !f->status; p++)
        overlay_page(f, p, front);
    result->page_count = f->page_count;
    result->front_count = front;
    result->outline = f->outline;
    result->outline_count = f->outline_count;
    result->elems = f->elems;
    result->elem_count = f->elem_count;
    rp_flow_shape_close(f, result);
    f->elems = NULL;
    f->elem_count = f->elem_cap = 0;
}

/* ------------------------------------------------------------------ text lines */

static bool same_style(const struct rp_atom *a, const struct rp_atom *b)
{
    return a->face == b->face && a->size == b->size && a->rise == b->rise && a->kind == b->kind &&
           a->href == b->href && a->lang == b->lang && !a->bar && !b->bar;
}

bool rp_flow_marks(const struct rp_flow *f, enum rp_span_kind kind, const char *lang)
{
    /* A publication sets both as the source printed them: nothing about the sources. */
    if (f->doc->edition != RP_EDITION_REVIEW)
        return false;
    return kind == RP_SPAN_PLACEHOLDER || rp_doc_foreign(f->doc, lang);
}

void rp_flow_atoms_lang(struct rp_flow *f, const char *lang)
{
    for (size_t i = 0; i < f->atoms.count; i++)
        f->atoms.items[i].lang = lang;
}

/* The review mark behind a run of `w` points from x on baseline y: a pale band, and under a
 * placeholder a dotted line in the warning colour as well (text in another language is
 * only banded: a reviewer tells the two apart at a glance). Marks never change widths, so
 * both editions break their lines alike. */
static void mark_run(struct rp_flow *f, const struct rp_atom *s, double x, double y, double w)
{
    rp_flow_rect(f, x - 1, y - s->size * 0.85, w + 2, s->size * 1.15, f->theme->placeholder_fill);
    if (s->kind == RP_SPAN_PLACEHOLDER) {
        struct rp_item *u = rp_flow_item(f, RP_ITEM_LINE);
        u->x = (float)x;
        u->y = (float)(y + s->size * 0.2);
        u->w = (float)w;
        u->color = f->theme->status_warn;
        u->line_width = 0.7f;
        u->dash = 0.8f;
    }
}

/* Whether a line holds right-to-left letters. Such a line is not justified: its words of one
 * style are then drawn as one run, which the PDF backend puts in visual order (bidi.h);
 * stretched spaces would place each word alone, in the order of the text. */
static bool has_rtl(const struct rp_atom *a, const struct rp_line *ln)
{
    for (size_t k = ln->first; k < ln->end; k++)
        if (a[k].text && rp_bidi_has_rtl(a[k].text, a[k].len))
            return true;
    return false;
}

/* The run of atoms from `k` drawn as one piece of text: its last atom, its width and its
 * length in bytes. Words of one style that follow each other in the source are one run,
 * unless spaces are stretched (`add`): each word is then placed alone. */
static size_t run_end(const struct rp_atom *a, const struct rp_line *ln, size_t k, double add,
                      double *width, size_t *len)
{
    size_t r = k;
    double rw = a[k].width;
    size_t rlen = a[k].len;
    while (r + 1 < ln->end && same_style(&a[r], &a[r + 1])) {
        const struct rp_atom *p = &a[r], *q = &a[r + 1];
        if (p->brk == RP_BRK_SPACE) {
            if (add > 0 || p->text + p->len + 1 != q->text || p->text[p->len] != ' ')
                break;
            rw += p->space + q->width;
            rlen += 1 + q->len;
        } else if (p->brk == RP_BRK_NONE || p->brk == RP_BRK_AFTER) {
            if (p->text + p->len != q->text)
                break;
            rw += q->width;
            rlen += q->len;
        } else
            break;
        r++;
    }
    *width = rw;
    *len = rlen;
    return r;
}

/* Whether the run at `s` joins the marked or foreign stretch started at `g`: the same kind
 * and language, neither a link (a link is its own element) nor a bar. */
static bool same_stretch(const struct rp_atom *g, const struct rp_atom *s)
{
    return s->kind == g->kind && s->lang == g->lang && !s->bar && s->kind != RP_SPAN_LINK;
}

/* The width from x of the stretch of runs starting at atom `k` that are marked or tagged
 * alike (same_stretch()), spaces between them included, and across the space after it when
 * the next word is marked alike too (one band); the runs are those rp_flow_draw_line()
 * draws, placed as it places them. */
static double stretch_width(const struct rp_atom *a, const struct rp_line *ln, size_t k, double add)
{
    const struct rp_atom *g = &a[k];
    double w = 0;
    for (;;) {
        double rw;
        size_t rlen;
        size_t r = run_end(a, ln, k, add, &rw, &rlen);
        w += rw;
        bool space = a[r].brk == RP_BRK_SPACE && r + 1 < ln->end;
        if (space && a[r + 1].kind == g->kind && a[r + 1].lang == g->lang)
            w += a[r].space + add;
        if (r + 1 >= ln->end || !same_stretch(g, &a[r + 1]))
            return w;
        k = r + 1;
    }
}

/* The band behind a link's run: across the space to the next word when it is marked alike. */
static double link_band(const struct rp_atom *a, const struct rp_line *ln, size_t r, double rw,
                        double add)
{
    if (a[r].brk == RP_BRK_SPACE && r + 1 < ln->end && a[r + 1].kind == a[r].kind &&
        a[r + 1].lang == a[r].lang)
        rw += a[r].space + add;
    return rw;
}

void rp_flow_draw_line(struct rp_flow *f, const struct rp_atoms *atoms, const struct rp_line *ln,
                       double x, double y, double w, enum rp_text_align align, struct rp_rgb color)
{
    const struct rp_atom *a = atoms->items;
    double extra = w - ln->width, add = 0;
    if (align == RP_TEXT_JUSTIFY) {
        /* Stretch spaces, but not absurdly: a line with one long word stays ragged. */
        if (!ln->last && ln->glues > 0 && extra > 0 && ln->first < ln->end &&
            extra / ln->glues < a[ln->first].size * 0.9 && !has_rtl(a, ln))
            add = extra / ln->glues;
    } else if (align == RP_TEXT_CENTER)
        x += extra / 2;
    else if (align == RP_TEXT_RIGHT)
        x += extra;
    double cx = x;
    const struct rp_atom *stretch = NULL; /* the first run of the open stretch */
    struct rp_tagging stretch_tagging = {f->elem, f->artifact};
    for (size_t k = ln->first; k < ln->end;) {
        double rw;
        size_t rlen;
        size_t r = run_end(a, ln, k, add, &rw, &rlen);
        const struct rp_atom *s = &a[k];
        if (s->bar) { /* no text: the bar, then the gap before its figure */
            if (stretch)
                rp_flow_untag(f, stretch_tagging);
            stretch = NULL;
            rp_flow_bar(f, cx, y - s->rise, s->size, s->bar);
            cx += rw;
            if (a[r].brk == RP_BRK_SPACE && r + 1 < ln->end)
                cx += a[r].space + add;
            k = r + 1;
            continue;
        }
        struct rp_rgb c = s->kind == RP_SPAN_LINK ? f->theme->primary : color;
        /* A link is a Link element (its annotation joins it), text in another language a
         * Span with its language: one per run, under the element being drawn. */
        bool is_link = s->kind == RP_SPAN_LINK && s->href,
             foreign = rp_doc_foreign(f->doc, s->lang);
        /* The words of a stretch in another language or marked for review, placed one by
         * one on a justified line, are one Span and one band: not one per word. */
        bool joins = stretch && same_stretch(stretch, s) && !is_link;
        if (!joins) {
            if (stretch)
                rp_flow_untag(f, stretch_tagging);
            stretch = NULL;
        }
        struct rp_tagging tagging = {f->elem, f->artifact};
        if (!joins && f->elem && (is_link || foreign)) {
            tagging = rp_flow_tag(f, is_link ? RP_ST_LINK : RP_ST_SPAN);
            struct rp_struct_elem *e = rp_flow_elem_at(f, f->elem);
            e->lang = foreign ? s->lang : NULL;
            e->alt = is_link ? s->href : NULL;
        }
        bool marked = rp_flow_marks(f, s->kind, s->lang);
        if (marked && !joins)
            mark_run(f, s, cx, y,
                     is_link ? link_band(a, ln, r, rw, add) : stretch_width(a, ln, k, add));
        if (!joins && !is_link && (foreign || marked)) {
            stretch = s;
            stretch_tagging = tagging;
            tagging = (struct rp_tagging){f->elem, f->artifact}; /* untagged with the stretch */
        }
        /* The space after the run is drawn with it, invisible: where spaces are stretched
         * or a line ends, text read from the content (a screen reader, a copy) would
         * otherwise run the words together. */
        const char *text = s->text;
        size_t drawn = rlen;
        bool more = r + 1 < ln->end || ln->end < atoms->count;
        if (more && (a[r].brk == RP_BRK_SPACE || a[r].brk == RP_BRK_NEWLINE)) {
            if (a[r].brk == RP_BRK_SPACE && s->text + rlen == a[r].text + a[r].len &&
                a[r].text[a[r].len] == ' ')
                drawn++;
            else { /* the space is not in the source (two spans, a number and its title) */
                char *copy = rp_arena_alloc(f->page_arena, rlen + 1);
                memcpy(copy, s->text, rlen);
                copy[drawn++] = ' ';
                text = copy;
            }
        }
        if (r + 1 == ln->end && ln->end < atoms->count && rp_atom_soft(&a[r])) {
            /* The line breaks at a soft hyphen: shown there, and only there, as a hyphen. */
            char *copy = rp_arena_alloc(f->page_arena, drawn);
            memcpy(copy, text, drawn - 2);
            copy[drawn - 2] = '-';
            text = copy;
            drawn--;
        }
        rp_flow_text(f, cx, y - s->rise, s->face, s->size, c, text, drawn);
        if (s->kind == RP_SPAN_LINK && s->href) {
            /* A link of several words is one underline and one clickable strip, across the
             * (possibly stretched) spaces between its words. */
            double lw = rw;
            if (a[r].brk == RP_BRK_SPACE && r + 1 < ln->end && a[r + 1].kind == RP_SPAN_LINK &&
                a[r + 1].href == s->href)
                lw += a[r].space + add;
            rp_flow_hline(f, cx, cx + lw, y + s->size * 0.15, 0.4, c);
            struct rp_item *link = rp_flow_item(f, RP_ITEM_LINK);
            link->x = (float)cx;
            link->y = (float)(y - s->size * 0.85);
            link->w = (float)lw;
            link->h = (float)(s->size * 1.1);
            link->text = s->href;
        }
        rp_flow_untag(f, tagging);
        cx += rw;
        if (a[r].brk == RP_BRK_SPACE && r + 1 < ln->end)
            cx += a[r].space + add;
        k = r + 1;
    }
    if (stretch)
        rp_flow_untag(f, stretch_tagging);
}

size_t rp_flow_break_text(struct rp_flow *f, const char *text, enum rp_face face, double size,
                          double width)
{
    f->atoms.count = 0;
    if (text)
        rp_atoms_add_text(&f->atoms, f->m, text, strlen(text), face, size, RP_SPAN_TEXT, NULL);
    /* Titles, labels and contents entries are short display text: whole words only. */
    struct rp_layout_env plain = rp_env_plain(f->env);
    return rp_break_lines(&f->atoms, width, &plain, &f->lines);
}

/* ------------------------------------------------------------------ entry point */

void rp_flow_init(struct rp_flow *f, const struct rp_doc *doc, const struct rp_layout_env *env,
                  const struct rp_layout_sink *sink)
{
    memset(f, 0, sizeof *f);
    f->doc = doc;
    f->env = env;
    f->theme = env->theme;
    f->m = env->metrics;
    f->sink = sink;
    f->lang = rp_lang_from_code(doc->lang);
    if (f->lang == RP_LANG__MAX)
        f->lang = RP_LANG_EN;
    f->decimal_sep = f->lang == RP_LANG_EN ? '.' : ',';
    f->want_kind = RP_PAGE_BODY;
    f->squeeze = 1;
    f->plan = doc->page_plan;
    f->elem = rp_flow_elem(f, 0, RP_ST_DOCUMENT);
}

void rp_flow_release(struct rp_flow *f)
{
    free(f->items);
    free(f->pages);
    free(f->toc);
    free(f->targets);
    free(f->elems);
    rp_atoms_free(&f->atoms);
    rp_lines_free(&f->lines);
    rp_arena_free(f->page_arena);
    rp_flow_shape_release(f);
}

int rp_layout_document(const struct rp_doc *doc, const struct rp_layout_env *env,
                       const struct rp_layout_sink *sink, struct rp_layout_result *result)
{
    /* Tables are measured once per layout, for every trial and every decision. */
    struct rp_layout_env own = *env;
    if (!own.tables)
        own.tables = rp_table_memo_new();
    struct rp_flow f;
    rp_flow_init(&f, doc, &own, sink);
    memset(result, 0, sizeof *result);
    if (doc->cover)
        rp_flow_cover(&f);
    rp_flow_nodes(&f, &doc->body);
    rp_flow_float_flush(&f);
    if (!f.open && f.page_count == 0)
        rp_flow_need(&f, 0); /* an empty document still has a page */
    rp_flow_close(&f, result);
    rp_flow_release(&f);
    if (own.tables != env->tables)
        rp_table_memo_free(own.tables);
    return f.status;
}
