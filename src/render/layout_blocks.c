/* Block layout: contents, headings, paragraphs, lists, notes, key figures. */
#include "render/layout_flow.h"
#include "util/arena.h"

#include <string.h>

/* Baseline of a line whose box starts at `top` and is `lh` high. */
static double baseline(double top, double lh, double size)
{
    return top + (lh - size) / 2 + size * 0.8;
}

/* The spans' text with an optional number before it, in the layout's long-lived arena. */
static const char *plain_title(struct rp_flow *f, const char *number, const struct rp_spans *s)
{
    size_t n = number ? strlen(number) + 1 : 0;
    for (size_t i = 0; i < s->count; i++)
        n += strlen(s->items[i].text);
    char *out = rp_arena_alloc(f->env->arena, n + 1), *p = out;
    if (number && *number) {
        memcpy(p, number, strlen(number));
        p += strlen(number);
        *p++ = ' ';
    }
    for (size_t i = 0; i < s->count; i++) {
        memcpy(p, s->items[i].text, strlen(s->items[i].text));
        p += strlen(s->items[i].text);
    }
    *p = '\0';
    return out;
}

/* Places f->lines of f->atoms from the cursor, splitting across pages without leaving one
 * line alone at the bottom (orphan) or at the top (widow). `bullet` is drawn on the first
 * line at `bullet_x`. A `boxed` paragraph gets a tinted box with an accent bar per page. */
static void place_lines(struct rp_flow *f, double x, double w, double size,
                        enum rp_text_align align, struct rp_rgb color, const char *bullet,
                        double bullet_x, bool boxed)
{
    double lh = size * f->theme->leading, pad = boxed ? 5 : 0;
    size_t n = f->lines.count, i = 0;
    while (i < n && !f->status) {
        rp_flow_need(f, 2 * pad + (n - i < 2 ? n - i : 2) * lh);
        size_t fit = (size_t)((f->bottom - f->y - 2 * pad + 0.01) / lh), take = n - i;
        if (take > fit) {
            take = fit;
            if (n - i <= 3 || take < 2) {
                if (!f->fresh) {
                    rp_flow_new_page(f, f->kind, f->landscape);
                    continue;
                }
                if (take == 0)
                    take = 1; /* a line taller than a page: place it anyway */
            } else if (n - i - take < 2)
                take = n - i - 2;
        }
        if (boxed) {
            rp_flow_rect(f, x - 8, f->y, w + 16, take * lh + 2 * pad, f->theme->remark_fill);
            rp_flow_rect(f, x - 8, f->y, 2.5, take * lh + 2 * pad, f->theme->accent);
            f->y += pad;
        }
        for (size_t k = 0; k < take; k++, i++) {
            double base = baseline(f->y, lh, size);
            if (i == 0 && bullet) {
                /* A list's bullet is its item's label; a note's mark is part of the note. */
                struct rp_tagging tagging =
                    rp_flow_enter(f, f->label_elem ? f->label_elem : f->elem);
                rp_flow_text(f, bullet_x, base, RP_FACE_REGULAR, size, color, bullet,
                             strlen(bullet));
                rp_flow_untag(f, tagging);
            }
            rp_flow_draw_line(f, &f->atoms, &f->lines.items[i], x, base, w, align, color);
            f->y += lh;
        }
        f->y += pad;
        f->fresh = false;
    }
}

static void paragraph(struct rp_flow *f, const struct rp_node *node)
{
    const struct rp_theme *t = f->theme;
    enum rp_para_style style = node->u.paragraph.style;
    double size = style == RP_PARA_SMALL  ? t->small_size
                  : style == RP_PARA_LEAD ? t->body_size + 1
                                          : t->body_size;
    enum rp_face face = style == RP_PARA_LEAD ? RP_FACE_ITALIC : RP_FACE_REGULAR;
    bool boxed = style == RP_PARA_REMARK;
    rp_flow_need(f, 0); /* first: the width is the page's, and there may be no page yet */
    double x = f->left + (boxed ? 8 : 0), w = f->right - f->left - (boxed ? 16 : 0);
    f->atoms.count = 0;
    rp_atoms_add_spans(&f->atoms, f->m, &node->u.paragraph.text, face, size);
    rp_break_lines(&f->atoms, w, f->env, &f->lines);
    struct rp_tagging tagging = rp_flow_tag(f, RP_ST_P);
    place_lines(f, x, w, size, t->justify && !boxed ? RP_TEXT_JUSTIFY : RP_TEXT_LEFT, t->text, NULL,
                0, boxed);
    rp_flow_untag(f, tagging);
    f->y += rp_flow_gap(f, t->paragraph_gap);
}

static void list(struct rp_flow *f, const struct rp_node *node)
{
    const struct rp_theme *t = f->theme;
    const struct rp_doc_list *l = &node->u.list;
    rp_flow_need(f, 0); /* first: the width is the page's, and there may be no page yet */
    double indent = l->ordered ? 18 : 13, w = f->right - f->left - indent;
    struct rp_tagging list_tagging = rp_flow_tag(f, RP_ST_L);
    for (size_t i = 0; i < l->count && !f->status; i++) {
        struct rp_tagging item_tagging = rp_flow_tag(f, RP_ST_LI);
        f->label_elem = f->elem ? rp_flow_elem(f, f->elem, RP_ST_LBL) : 0;
        struct rp_tagging body_tagging = rp_flow_tag(f, RP_ST_LBODY);
        /* Bullets outlive the page they start on (an item may move to the next page). */
        const char *bullet = l->ordered ? rp_arena_printf(f->env->arena, "%zu.", i + 1)
                                        : "\xe2\x80\xa2"; /* U+2022 */
        f->atoms.count = 0;
        rp_atoms_add_spans(&f->atoms, f->m, &l->items[i], RP_FACE_REGULAR, t->body_size);
        rp_break_lines(&f->atoms, w, f->env, &f->lines);
        place_lines(f, f->left + indent, w, t->body_size, RP_TEXT_LEFT, t->text, bullet,
                    f->left + (l->ordered ? 0 : 3), false);
        f->label_elem = 0;
        rp_flow_untag(f, body_tagging);
        rp_flow_untag(f, item_tagging);
        f->y += 2;
    }
    rp_flow_untag(f, list_tagging);
    f->y += rp_flow_gap(f, t->paragraph_gap);
}

/* Breaks the note into f->lines; returns the text width and sets *indent. */
static double note_lines(struct rp_flow *f, const struct rp_doc_note *n, double *indent)
{
    const struct rp_theme *t = f->theme;
    *indent = 0;
    if (n->mark && *n->mark) {
        /* A mark that lists several ("1–3, 5": notes merged, doc/notes.c) hangs wider. */
        double w = rp_text_width(f->m, RP_FACE_REGULAR, t->note_size, n->mark, strlen(n->mark));
        *indent = w + 4 > 12 ? w + 4 : 12;
        /* The notes of one table align on the widest of their marks. */
        *indent = f->note_indent > *indent ? f->note_indent : *indent;
    }
    double w = f->right - f->left - *indent;
    f->atoms.count = 0;
    rp_atoms_add_spans(&f->atoms, f->m, &n->text, RP_FACE_REGULAR, t->note_size);
    rp_break_lines(&f->atoms, w, f->env, &f->lines);
    return w;
}

static void note(struct rp_flow *f, const struct rp_doc_note *n)
{
    const struct rp_theme *t = f->theme;
    double indent, w = note_lines(f, n, &indent);
    rp_flow_need(f, t->note_size * t->leading * 2);
    struct rp_tagging tagging = rp_flow_tag(f, RP_ST_NOTE);
    if (f->elem) /* PDF/UA asks every note for an identifier unique in the document */
        rp_flow_elem_at(f, f->elem)->id =
            rp_arena_printf(f->env->arena, "note-%06u", ++f->note_count);
    place_lines(f, f->left + indent, w, t->note_size, RP_TEXT_LEFT, t->muted,
                indent > 0 ? n->mark : NULL, f->left, false);
    rp_flow_untag(f, tagging);
}

/* ------------------------------------------------------------------ short tails */

/* A chapter whose last page holds less than this share of a page's body is tightened, if
 * tightening its vertical spaces brings that tail back onto the page before. The contents
 * are worth more: on one page, they are seen at a glance. */
#define SHORT_TAIL 0.15
#define SHORT_CONTENTS_TAIL 0.3
/* Trials stop there: a chapter that long gains nothing visible from the squeeze. */
#define TRIAL_PAGES 12

static int count_trial_page(void *ctx, const struct rp_page *page, bool overlay)
{
    (void)page;
    (void)overlay;
    size_t *pages = ctx;
    return ++*pages > TRIAL_PAGES ? 1 : 0;
}

/* A block that starts on a page of its own: a chapter, the contents. */
typedef void block_fn(struct rp_flow *f, const struct rp_node *node);

/* Lays `node` out with `lay` on trial, from a fresh page, with `squeeze`. Returns its page
 * count (0 past TRIAL_PAGES) and sets *tail to the share of its last page's body it uses. */
static size_t try_block(const struct rp_flow *f, block_fn *lay, const struct rp_node *node,
                        double squeeze, double *tail)
{
    size_t emitted = 0;
    struct rp_layout_sink sink = {&emitted, count_trial_page};
    struct rp_flow t;
    rp_flow_init(&t, f->doc, f->env, &sink);
    t.trial = true;
    t.squeeze = squeeze;
    t.want_kind = f->want_kind;
    t.want_landscape = f->want_landscape;
    lay(&t, node);
    size_t pages = t.status ? 0 : t.page_count;
    *tail = t.bottom > t.top ? (t.y - t.top) / (t.bottom - t.top) : 1;
    rp_flow_release(&t);
    return pages;
}

/* Table rows under `nodes`: a chapter with more than a page can hold, TRIAL_PAGES times
 * over, is not tried (measuring a 100,000-row table twice would be the trial's whole cost). */
static size_t table_rows(const struct rp_nodes *nodes)
{
    size_t n = 0;
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *c = nodes->items[i];
        if (c->kind == RP_NODE_TABLE)
            n += c->u.table.row_count;
        else if (c->kind == RP_NODE_SECTION)
            n += table_rows(&c->u.section.children);
    }
    return n;
}

/* The squeeze for `node` laid out by `lay`: 1, unless its last page would hold less than
 * `short_tail` of a page, which tighter spacing (down to a quarter) brings back onto the page
 * before. The layout streams its pages, so this is decided before the block starts, by
 * trials. */
static double tail_squeeze(const struct rp_flow *f, block_fn *lay, const struct rp_node *node,
                           double short_tail)
{
    double tail;
    size_t pages = try_block(f, lay, node, 1, &tail);
    if (pages < 2 || tail > short_tail)
        return 1;
    static const double steps[] = {0.75, 0.5, 0.25};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        size_t tighter = try_block(f, lay, node, steps[i], &tail);
        if (tighter > 0 && tighter < pages)
            return steps[i];
    }
    return 1;
}

static void section(struct rp_flow *f, const struct rp_node *node);

static double chapter_squeeze(const struct rp_flow *f, const struct rp_node *node)
{
    if (table_rows(&node->u.section.children) > TRIAL_PAGES * 60)
        return 1;
    return tail_squeeze(f, section, node, SHORT_TAIL);
}

/* Breaks the heading of section `node` into f->lines and sets the spaces before and
 * after it, as tightened in this chapter. */
static void heading_lines(struct rp_flow *f, const struct rp_node *node, double *before,
                          double *after)
{
    const struct rp_doc_section *s = &node->u.section;
    int lv = s->level < 1 ? 1 : s->level > 3 ? 3 : s->level;
    double size = f->theme->heading_size[lv - 1];
    f->atoms.count = 0;
    if (s->number && *s->number) {
        rp_atoms_add_text(&f->atoms, f->m, s->number, strlen(s->number), RP_FACE_BOLD, size,
                          RP_SPAN_TEXT, NULL);
        if (f->atoms.count) {
            f->atoms.items[f->atoms.count - 1].brk = RP_BRK_SPACE;
            f->atoms.items[f->atoms.count - 1].space = (float)(size * 0.6);
        }
    }
    rp_atoms_add_spans(&f->atoms, f->m, &s->title, RP_FACE_BOLD, size);
    /* Headings are never hyphenated: a title reads as whole words. */
    struct rp_layout_env plain = rp_env_plain(f->env);
    rp_break_lines(&f->atoms, f->right - f->left, &plain, &f->lines);
    /* A heading keeps at least half its space above: it must still read as a heading. */
    double keep = f->squeeze < 0.5 ? 0.5 / f->squeeze : 1;
    *before = rp_flow_gap(f, keep * (lv == 1 ? 20 : lv == 2 ? 14 : 9));
    *after = rp_flow_gap(f, lv == 1 ? 12 : 5);
}

double rp_flow_heading_height(struct rp_flow *f, const struct rp_node *node, bool first)
{
    int lv = node->u.section.level;
    double size = f->theme->heading_size[(lv < 1 ? 1 : lv > 3 ? 3 : lv) - 1];
    double before, after;
    heading_lines(f, node, &before, &after);
    return (first ? 0 : before) + (double)f->lines.count * size * 1.22 + after + (lv <= 1 ? 3 : 0);
}

static void section(struct rp_flow *f, const struct rp_node *node)
{
    const struct rp_theme *t = f->theme;
    const struct rp_doc_section *s = &node->u.section;
    int lv = s->level < 1 ? 1 : s->level > 3 ? 3 : s->level;
    double size = t->heading_size[lv - 1], lh = size * 1.22;
    /* A heading goes on the page of what follows it, landscape for a wide table. */
    const struct rp_node *first = node;
    while (first->kind == RP_NODE_SECTION && first->u.section.children.count)
        first = first->u.section.children.items[0];
    if (first->kind == RP_NODE_TABLE)
        f->want_landscape = rp_flow_table_landscape(f, first);
    else if (lv == 1 && t->chapter_new_page && rp_flow_chapter_landscape(f, node))
        f->want_landscape = true; /* all of a chapter that is mostly its last table */
    double squeeze = f->squeeze;
    /* A chapter the other language editions need more pages for is stretched to as many. */
    bool planned = lv == 1 && t->chapter_new_page && rp_flow_part_begin(f, node);
    if (lv == 1 && t->chapter_new_page && f->open && !f->fresh)
        rp_flow_new_page(f, f->want_kind, f->want_landscape);
    if (lv == 1 && t->chapter_new_page && !f->trial && !planned)
        f->squeeze = chapter_squeeze(f, node);
    rp_flow_need(f, 0); /* the title is broken at the width of the page it goes on */
    /* Keep the heading with the start of what follows it (layout_keep.c): measured first,
     * as the measure uses the flow's line buffers. */
    struct rp_flow_next inside = {&s->children, 0, f->next};
    double next = rp_flow_keep_from(f, &inside);
    struct rp_tagging sect_tagging = rp_flow_tag(f, RP_ST_SECT);
    int depth = f->heading_depth;
    double before, after;
    heading_lines(f, node, &before, &after);
    rp_flow_need(f, before + f->lines.count * lh + after + (lv == 1 ? 3 : 0) + next);
    if (!f->fresh)
        f->y += before;
    if (s->in_toc && !f->trial) {
        if (f->target_count == f->target_cap) {
            f->target_cap = f->target_cap ? f->target_cap * 2 : 32;
            f->targets = rp_xrealloc(f->targets, f->target_cap * sizeof *f->targets);
        }
        f->targets[f->target_count++] = (struct rp_target){f->page_count - 1, f->y};
        if (f->outline_count == f->outline_cap) {
            size_t cap = f->outline_cap ? f->outline_cap * 2 : 32;
            struct rp_outline_entry *o = rp_arena_array(f->env->arena, cap, sizeof *o);
            if (f->outline_count)
                memcpy(o, f->outline, f->outline_count * sizeof *o);
            f->outline = o;
            f->outline_cap = cap;
        }
        f->outline[f->outline_count++] = (struct rp_outline_entry){
            s->level, plain_title(f, s->number, &s->title), f->page_count - 1, f->y};
    }
    /* Headings nest by the depth of titled sections, whatever levels the builder gave:
     * H1 to H6 never skip a level. */
    struct rp_tagging heading_tagging = {f->elem, f->artifact};
    if (f->lines.count) {
        heading_tagging = rp_flow_tag(f, rp_flow_heading_type(f));
        f->heading_depth++;
    }
    for (size_t i = 0; i < f->lines.count; i++) {
        rp_flow_draw_line(f, &f->atoms, &f->lines.items[i], f->left, baseline(f->y, lh, size),
                          f->right - f->left, RP_TEXT_LEFT, t->primary);
        f->y += lh;
    }
    rp_flow_untag(f, heading_tagging);
    if (lv == 1) {
        f->y += 3;
        rp_flow_hline(f, f->left, f->left + 48, f->y, 2.2, t->accent);
    }
    f->y += after;
    f->fresh = false;
    rp_flow_nodes(f, &s->children);
    if (lv == 1)
        rp_flow_float_flush(f); /* a table floats no further than its chapter's end */
    f->heading_depth = depth;
    rp_flow_untag(f, sect_tagging);
    f->squeeze = squeeze;
}

/* The smallest type a key figure's value is set in to fit its box. */
#define MIN_VALUE_SIZE 12.0

static void key_figures(struct rp_flow *f, const struct rp_node *node)
{
    const struct rp_theme *t = f->theme;
    const struct rp_doc_key_figures *kf = &node->u.figures;
    double label_size = 8.5, comment_size = 7.5, value_size = 19, pad = 8, gap = 10;
    rp_flow_need(f, 0);
    size_t per_row = kf->count < 3 ? (kf->count ? kf->count : 1) : 3;
    if (kf->title.count && kf->count && !f->measuring) {
        /* The title is the figures' caption: it keeps with their first row. */
        struct rp_node head = *node;
        head.u.figures.count = per_row;
        rp_flow_need(f, rp_flow_trial_height(f, &head, 0));
    }
    struct rp_tagging block_tagging = rp_flow_tag(f, RP_ST_DIV);
    if (kf->title.count) {
        f->atoms.count = 0;
        rp_atoms_add_spans(&f->atoms, f->m, &kf->title, RP_FACE_BOLD, t->caption_size);
        rp_break_lines(&f->atoms, f->right - f->left, f->env, &f->lines);
        struct rp_tagging title_tagging = rp_flow_tag(f, RP_ST_P);
        place_lines(f, f->left, f->right - f->left, t->caption_size, RP_TEXT_LEFT, t->primary, NULL,
                    0, false);
        rp_flow_untag(f, title_tagging);
        f->y += 4;
    }
    double bw = (f->right - f->left - gap * (double)(per_row - 1)) / (double)per_row;
    for (size_t first = 0; first < kf->count && !f->status; first += per_row) {
        size_t last = first + per_row < kf->count ? first + per_row : kf->count;
        double h = 0;
        /* A value too wide for its box ("326,515 millions d'euros") is set smaller, the same
         * size for the whole row, and wraps if it must: it never runs into its neighbour. */
        double vsize = value_size, avail = bw - 2 * pad;
        for (size_t i = first; i < last; i++) {
            const char *v = kf->items[i].value;
            double w = rp_text_width(f->m, RP_FACE_BOLD, value_size, v, strlen(v));
            if (w > avail) {
                double s = value_size * avail / w;
                s = s < MIN_VALUE_SIZE ? MIN_VALUE_SIZE : s;
                vsize = s < vsize ? s : vsize;
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                rp_flow_need(f, h + gap);
                for (size_t i = first; i < last; i++)
                    rp_flow_rect(f, f->left + (double)(i - first) * (bw + gap), f->y, bw, h,
                                 t->figure_fill);
            }
            for (size_t i = first; i < last; i++) {
                const struct rp_doc_figure *fig = &kf->items[i];
                double x = f->left + (double)(i - first) * (bw + gap) + pad, y = f->y + pad;
                /* Value, label and comment read as one sentence. */
                struct rp_tagging figure_tagging = {f->elem, f->artifact};
                if (pass == 1)
                    figure_tagging = rp_flow_tag(f, RP_ST_P);
                size_t n = rp_flow_break_text(f, fig->value, RP_FACE_BOLD, vsize, avail);
                for (size_t k = 0; k < n; k++) {
                    if (pass == 1)
                        rp_flow_draw_line(f, &f->atoms, &f->lines.items[k], x, y + vsize * 0.8,
                                          avail, RP_TEXT_LEFT, t->primary);
                    /* A space after the value, invisible, so that it reads apart from its
                     * label. */
                    if (pass == 1 && k + 1 == n)
                        rp_flow_text(f, x + f->lines.items[k].width, y + vsize * 0.8, RP_FACE_BOLD,
                                     vsize, t->primary, " ", 1);
                    y += vsize * 1.15;
                }
                if (n == 0)
                    y += vsize * 1.15;
                for (int part = 0; part < 2; part++) {
                    const struct rp_spans *sp = part == 0 ? &fig->label : &fig->comment;
                    double size = part == 0 ? label_size : comment_size;
                    f->atoms.count = 0;
                    rp_atoms_add_spans(&f->atoms, f->m, sp, part ? RP_FACE_ITALIC : RP_FACE_REGULAR,
                                       size);
                    rp_break_lines(&f->atoms, bw - 2 * pad, f->env, &f->lines);
                    for (size_t k = 0; k < f->lines.count; k++) {
                        if (pass == 1)
                            rp_flow_draw_line(f, &f->atoms, &f->lines.items[k], x,
                                              baseline(y, size * 1.25, size), bw - 2 * pad,
                                              RP_TEXT_LEFT, part ? t->muted : t->text);
                        /* The label reads apart from the comment after it. */
                        if (pass == 1 && part == 0 && k + 1 == f->lines.count && fig->comment.count)
                            rp_flow_text(f, x + f->lines.items[k].width,
                                         baseline(y, size * 1.25, size), RP_FACE_REGULAR, size,
                                         t->text, " ", 1);
                        y += size * 1.25;
                    }
                    y += 2;
                }
                rp_flow_untag(f, figure_tagging);
                if (pass == 0 && y + pad - f->y > h)
                    h = y + pad - f->y;
            }
        }
        f->y += h + gap;
        f->fresh = false;
    }
    rp_flow_untag(f, block_tagging);
    f->y += rp_flow_gap(f, t->paragraph_gap - gap / 2);
}

/* ------------------------------------------------------------------ contents */

static void toc_entries(struct rp_flow *f, const struct rp_nodes *nodes, size_t *index)
{
    const struct rp_theme *t = f->theme;
    for (size_t i = 0; i < nodes->count && !f->status; i++) {
        const struct rp_node *node = nodes->items[i];
        if (node->kind != RP_NODE_SECTION)
            continue;
        const struct rp_doc_section *s = &node->u.section;
        size_t target = *index;
        if (s->in_toc)
            (*index)++;
        if (s->in_toc && s->level <= t->toc_depth) {
            /* Entries are 1.45 lines apart, down to 1.23 in contents tightened to one page
             * fewer. */
            double size = t->body_size, lh = size * (1.15 + 0.3 * f->squeeze);
            double indent = (s->level - 1) * 18.0;
            double right = f->right, w = right - 40 - f->left - indent;
            f->atoms.count = 0;
            const char *text = plain_title(f, s->number, &s->title);
            rp_atoms_add_text(&f->atoms, f->m, text, strlen(text),
                              s->level == 1 ? RP_FACE_BOLD : RP_FACE_REGULAR, size, RP_SPAN_TEXT,
                              NULL);
            struct rp_layout_env plain = rp_env_plain(f->env); /* contents: whole words */
            rp_break_lines(&f->atoms, w, &plain, &f->lines);
            double before = s->level == 1 ? 6 * (f->squeeze < 0.5 ? 0.5 : f->squeeze) : 0;
            rp_flow_need(f, before + f->lines.count * lh);
            if (!f->fresh)
                f->y += before;
            /* An entry refers to its section (a TOCI holds a Reference, not a Link). */
            struct rp_tagging entry_tagging = rp_flow_tag(f, RP_ST_TOCI);
            struct rp_tagging reference_tagging = rp_flow_tag(f, RP_ST_REFERENCE);
            struct rp_tagging link_tagging = rp_flow_tag(f, RP_ST_LINK);
            if (f->elem)
                rp_flow_elem_at(f, f->elem)->alt = text;
            struct rp_toc_slot slot = {
                f->page_count - 1, target, f->elem, f->left + indent, 0, f->y, 0, right};
            for (size_t k = 0; k < f->lines.count; k++) {
                slot.y_base = baseline(f->y, lh, size);
                slot.x_end = f->left + indent + f->lines.items[k].width;
                rp_flow_draw_line(f, &f->atoms, &f->lines.items[k], f->left + indent, slot.y_base,
                                  w, RP_TEXT_LEFT, t->text);
                f->y += lh;
            }
            rp_flow_untag(f, link_tagging);
            rp_flow_untag(f, reference_tagging);
            rp_flow_untag(f, entry_tagging);
            f->fresh = false;
            if (f->toc_count == f->toc_cap) {
                f->toc_cap = f->toc_cap ? f->toc_cap * 2 : 32;
                f->toc = rp_xrealloc(f->toc, f->toc_cap * sizeof *f->toc);
            }
            f->toc[f->toc_count++] = slot;
        }
        toc_entries(f, &s->children, index);
    }
}

static void toc(struct rp_flow *f, const struct rp_node *unused)
{
    (void)unused;
    const struct rp_theme *t = f->theme;
    f->want_kind = RP_PAGE_FRONT;
    f->want_landscape = false;
    rp_flow_need(f, 0);
    const char *title = f->doc->labels.contents ? f->doc->labels.contents : "";
    double size = t->heading_size[0], lh = size * 1.22;
    struct rp_tagging sect_tagging = rp_flow_tag(f, RP_ST_SECT);
    struct rp_tagging heading_tagging = rp_flow_tag(f, rp_flow_heading_type(f));
    rp_flow_text(f, f->left, baseline(f->y, lh, size), RP_FACE_BOLD, size, t->primary, title,
                 strlen(title));
    rp_flow_untag(f, heading_tagging);
    f->y += lh + 3;
    rp_flow_hline(f, f->left, f->left + 48, f->y, 2.2, t->accent);
    f->y += 16;
    f->fresh = false;
    size_t index = 0;
    struct rp_tagging toc_tagging = rp_flow_tag(f, RP_ST_TOC);
    toc_entries(f, &f->doc->body, &index);
    rp_flow_untag(f, toc_tagging);
    rp_flow_untag(f, sect_tagging);
    f->want_kind = RP_PAGE_BODY;
}

void rp_flow_toc(struct rp_flow *f)
{
    double squeeze = f->squeeze;
    if (!rp_flow_part_begin(f, NULL) && !f->trial)
        f->squeeze = tail_squeeze(f, toc, NULL, SHORT_CONTENTS_TAIL);
    toc(f, NULL);
    f->squeeze = squeeze;
}

/* ------------------------------------------------------------------ dispatch */

void rp_flow_nodes(struct rp_flow *f, const struct rp_nodes *nodes)
{
    const struct rp_flow_next *up = f->next;
    struct rp_flow_next next = {nodes, 0, up};
    for (size_t i = 0; i < nodes->count && !f->status; i++) {
        const struct rp_node *node = nodes->items[i];
        next.i = i + 1;
        f->next = &next;
        switch (node->kind) {
        case RP_NODE_SECTION:
            section(f, node);
            break;
        case RP_NODE_PARAGRAPH:
            paragraph(f, node);
            break;
        case RP_NODE_LIST:
            list(f, node);
            break;
        case RP_NODE_TABLE:
            if (!rp_flow_float(f, node))
                rp_flow_table(f, node);
            break;
        case RP_NODE_KEY_FIGURES:
            key_figures(f, node);
            break;
        case RP_NODE_CHART:
            rp_flow_chart(f, node);
            break;
        case RP_NODE_NOTE:
            rp_flow_need(f, 0);
            note(f, &node->u.note);
            f->y += rp_flow_gap(f, f->theme->paragraph_gap / 2);
            break;
        case RP_NODE_PAGE_BREAK:
            if (f->open && !f->fresh)
                rp_flow_new_page(f, f->want_kind, f->want_landscape);
            break;
        case RP_NODE_TOC:
            rp_flow_toc(f);
            break;
        case RP_NODE__MAX:
            break;
        }
    }
    f->next = up;
}

void rp_flow_note(struct rp_flow *f, const struct rp_doc_note *n)
{
    note(f, n);
}

double rp_flow_note_indent(struct rp_flow *f, const struct rp_doc_note *n)
{
    double indent;
    note_lines(f, n, &indent);
    return indent;
}

double rp_flow_note_height(struct rp_flow *f, const struct rp_doc_note *n)
{
    double indent;
    note_lines(f, n, &indent);
    return (double)f->lines.count * f->theme->note_size * f->theme->leading;
}
