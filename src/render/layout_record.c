/* The layout record, collecting: each page's geometry as the layout emits it (see
 * layout_record.h for what is kept and why). Writing it is layout_record_write.c. */
#include "render/layout_record.h"

#include "render/layout_record_internal.h"
#include "util/arena.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ boxes */

static struct rp_record_box box_empty(void)
{
    return (struct rp_record_box){INFINITY, INFINITY, -INFINITY, -INFINITY};
}

static void box_add_point(struct rp_record_box *b, double x, double y)
{
    b->x0 = fminf(b->x0, (float)x);
    b->y0 = fminf(b->y0, (float)y);
    b->x1 = fmaxf(b->x1, (float)x);
    b->y1 = fmaxf(b->y1, (float)y);
}

static void box_add(struct rp_record_box *b, const struct rp_record_box *o)
{
    box_add_point(b, o->x0, o->y0);
    box_add_point(b, o->x1, o->y1);
}

/* A text item's box: from the baseline up by the ascender and down by the descender,
 * turned with the text when it is rotated (counter-clockwise as seen, y growing down). */
static struct rp_record_box text_box(const struct rp_metrics *m, const struct rp_item *it)
{
    /* A run may end with the space before the next one, which inks nothing. */
    size_t len = it->len;
    while (len > 0 && it->text[len - 1] == ' ')
        len--;
    double w = m ? rp_text_width(m, it->face, it->size, it->text, len) : 0;
    double ascent = (m ? m->ascent : 800) / 1000.0 * it->size;
    double descent = (m ? m->descent : -200) / 1000.0 * it->size;
    double a = it->angle * (3.14159265358979323846 / 180.0), c = cos(a), s = sin(a);
    const double corners[4][2] = {{0, -ascent}, {w, -ascent}, {w, -descent}, {0, -descent}};
    struct rp_record_box b = box_empty();
    for (int i = 0; i < 4; i++) {
        double x = corners[i][0], y = corners[i][1];
        box_add_point(&b, it->x + x * c + y * s, it->y - x * s + y * c);
    }
    return b;
}

/* The box of any drawn item; false for what is not drawn (a link's active area). */
static bool item_box(const struct rp_metrics *m, const struct rp_item *it,
                     struct rp_record_box *out)
{
    struct rp_record_box b = box_empty();
    switch (it->kind) {
    case RP_ITEM_TEXT:
        b = text_box(m, it);
        break;
    case RP_ITEM_RECT:
    case RP_ITEM_IMAGE:
        box_add_point(&b, it->x, it->y);
        box_add_point(&b, it->x + it->w, it->y + it->h);
        break;
    case RP_ITEM_LINE: {
        double half = it->line_width / 2;
        box_add_point(&b, fmin(it->x, it->x + it->w) - half, fmin(it->y, it->y + it->h) - half);
        box_add_point(&b, fmax(it->x, it->x + it->w) + half, fmax(it->y, it->y + it->h) + half);
        break;
    }
    case RP_ITEM_PATH:
        for (size_t i = 0; i < it->seg_count; i++) {
            const struct rp_seg *sg = &it->segs[i];
            if (sg->kind == RP_SEG_CLOSE)
                continue;
            box_add_point(&b, sg->x, sg->y);
            if (sg->kind == RP_SEG_CURVE) {
                box_add_point(&b, sg->x1, sg->y1);
                box_add_point(&b, sg->x2, sg->y2);
            }
        }
        break;
    case RP_ITEM_LINK:
    case RP_ITEM__MAX:
        return false;
    }
    *out = b;
    return b.x0 <= b.x1;
}

/* ------------------------------------------------------------------ structure */

static bool is_heading(enum rp_struct_type t)
{
    return t >= RP_ST_H1 && t <= RP_ST_H6;
}

/* The block an element's content belongs to: the outermost table or figure around it, unless
 * a caption comes first (a caption is a block of its own, so that one left at the foot of a
 * page shows); else the nearest heading, paragraph, list item, note or contents entry. */
static uint32_t block_of(const struct rp_struct_elem *elems, uint32_t elem)
{
    uint32_t nearest = 0, outer = 0;
    for (uint32_t e = elem; e; e = elems[e].parent) {
        enum rp_struct_type t = elems[e].type;
        if (t == RP_ST_CAPTION && !outer)
            return e;
        if (t == RP_ST_TABLE || t == RP_ST_FIGURE)
            outer = e;
        bool unit = is_heading(t) || t == RP_ST_P || t == RP_ST_LI || t == RP_ST_NOTE ||
                    t == RP_ST_TOCI || t == RP_ST_CAPTION;
        if (unit && !nearest)
            nearest = e;
    }
    return outer ? outer : nearest ? nearest : elem;
}

/* The table row `elem` is in, when it is a body row (not the header's), else 0. */
static uint32_t body_row_of(const struct rp_struct_elem *elems, uint32_t elem)
{
    for (uint32_t e = elem; e; e = elems[e].parent)
        if (elems[e].type == RP_ST_TR)
            return elems[elems[e].parent].type == RP_ST_THEAD ? 0 : e;
    return 0;
}

/* ------------------------------------------------------------------ pages */

static struct rp_record_page *page_at(struct rp_layout_record *rec, const struct rp_page *pg)
{
    while (rec->count <= pg->index) {
        if (rec->count == rec->cap) {
            rec->cap = rec->cap ? rec->cap * 2 : 32;
            rec->pages = rp_xrealloc(rec->pages, rec->cap * sizeof *rec->pages);
        }
        memset(&rec->pages[rec->count++], 0, sizeof *rec->pages);
    }
    return &rec->pages[pg->index];
}

static struct rp_record_block *block_at(struct rp_record_page *p, uint32_t elem,
                                        enum rp_struct_type type)
{
    for (size_t i = p->block_count; i-- > 0;)
        if (p->blocks[i].elem == elem)
            return &p->blocks[i];
    if (p->block_count == p->block_cap) {
        p->block_cap = p->block_cap ? p->block_cap * 2 : 32;
        p->blocks = rp_xrealloc(p->blocks, p->block_cap * sizeof *p->blocks);
    }
    struct rp_record_block *b = &p->blocks[p->block_count++];
    *b = (struct rp_record_block){elem, type, box_empty(), 0, 0, NULL};
    return b;
}

static void add_text(struct rp_record_page *p, const struct rp_item *it,
                     const struct rp_record_box *box)
{
    if (p->text_count == p->text_cap) {
        p->text_cap = p->text_cap ? p->text_cap * 2 : 64;
        p->texts = rp_xrealloc(p->texts, p->text_cap * sizeof *p->texts);
    }
    p->texts[p->text_count++] =
        (struct rp_record_text){*box, it->elem, it->elem ? -1 : (int)it->artifact};
}

/* Item `it` of measure bar it->bar: the pieces of one bar come one after the other. */
static void add_bar(struct rp_record_page *p, const struct rp_item *it,
                    const struct rp_record_box *box)
{
    if (p->bar_count && p->bars[p->bar_count - 1].bar == it->bar) {
        box_add(&p->bars[p->bar_count - 1].box, box);
        return;
    }
    if (p->bar_count == p->bar_cap) {
        p->bar_cap = p->bar_cap ? p->bar_cap * 2 : 16;
        p->bars = rp_xrealloc(p->bars, p->bar_cap * sizeof *p->bars);
    }
    p->bars[p->bar_count++] = (struct rp_record_bar){*box, it->bar};
}

/* A chapter heading's title, from its first text item (the record names the chapter). */
static void keep_title(struct rp_record_block *b, const struct rp_item *it)
{
    if (b->title || it->kind != RP_ITEM_TEXT)
        return;
    size_t len = it->len < 80 ? it->len : 80;
    while (len < it->len && len > 0 && ((unsigned char)it->text[len] & 0xC0) == 0x80)
        len--; /* never half a UTF-8 sequence */
    b->title = rp_xmalloc(len + 1);
    memcpy(b->title, it->text, len);
    b->title[len] = '\0';
}

int rp_layout_record_page(void *ctx, const struct rp_page *pg, bool overlay)
{
    struct rp_layout_record *rec = ctx;
    struct rp_record_page *p = page_at(rec, pg);
    if (!overlay) {
        p->kind = pg->kind;
        p->width = pg->width;
        p->height = pg->height;
    }
    for (size_t i = 0; i < pg->count; i++) {
        const struct rp_item *it = &pg->items[i];
        struct rp_record_box box;
        if (!item_box(rec->metrics, it, &box))
            continue;
        if (it->kind == RP_ITEM_TEXT)
            add_text(p, it, &box);
        if (it->bar)
            add_bar(p, it, &box);
        /* Rules, fills and a table's repeated header take room in the flow; the running
         * header and footer and the marks do not. */
        bool in_flow =
            it->elem || it->artifact == RP_ART_LAYOUT || it->artifact == RP_ART_PAGINATION;
        if (in_flow) {
            p->content_bottom = p->has_content ? fmax(p->content_bottom, box.y1) : box.y1;
            p->has_content = true;
        }
        if (!it->elem)
            continue;
        uint32_t unit = block_of(pg->elems, it->elem);
        struct rp_record_block *b = block_at(p, unit, pg->elems[unit].type);
        box_add(&b->box, &box);
        uint32_t row = b->type == RP_ST_TABLE ? body_row_of(pg->elems, it->elem) : 0;
        if (row > b->last_row) { /* rows are numbered in the order they are laid out */
            b->rows++;
            b->last_row = row;
        }
        if (b->type == RP_ST_H1 && pg->kind == RP_PAGE_BODY)
            keep_title(b, it);
    }
    return 0;
}

void rp_layout_record_free(struct rp_layout_record *rec)
{
    for (size_t i = 0; i < rec->count; i++) {
        struct rp_record_page *p = &rec->pages[i];
        for (size_t j = 0; j < p->block_count; j++)
            free(p->blocks[j].title);
        free(p->blocks);
        free(p->texts);
        free(p->bars);
    }
    free(rec->pages);
    rec->pages = NULL;
    rec->count = rec->cap = 0;
}
