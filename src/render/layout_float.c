/* A landscape table floats past the portrait text that follows it, as LaTeX sets a
 * sidewaystable: when the table comes on a portrait page that already holds something, the
 * text after it fills that page first, and the table's landscape pages come at the first
 * page break after it (or at the end of its chapter, whichever is first). Without this, the
 * turn to landscape ended the portrait page where the table stood, however empty. The
 * table keeps its caption and number; only its place in the page sequence moves, and its
 * elements are made at that place in reading order, under the section it belongs to. */
#include "render/layout_flow.h"

/* Whether the chapter holds more after the block at `next` (the one after the table): a
 * float with nothing to let by would only move. */
static bool more_in_chapter(const struct rp_flow *f, const struct rp_flow_next *next)
{
    for (const struct rp_flow_next *at = next; at; at = at->up) {
        if (at->i < at->nodes->count) {
            const struct rp_node *node = at->nodes->items[at->i];
            return !(node->kind == RP_NODE_SECTION && node->u.section.level <= 1 &&
                     f->theme->chapter_new_page) &&
                   node->kind != RP_NODE_PAGE_BREAK;
        }
    }
    return false;
}

bool rp_flow_float(struct rp_flow *f, const struct rp_node *node)
{
    if (f->floating || f->flushing || !f->open || f->fresh || f->landscape ||
        f->kind != RP_PAGE_BODY || !more_in_chapter(f, f->next) ||
        !rp_flow_table_landscape(f, node))
        return false;
    f->floating = node;
    f->float_elem = f->elem;
    f->float_artifact = f->artifact;
    f->float_depth = f->heading_depth;
    return true;
}

void rp_flow_float_flush(struct rp_flow *f)
{
    const struct rp_node *node = f->floating;
    if (!node || f->flushing)
        return;
    f->floating = NULL;
    f->flushing = true;
    /* The block being set (a paragraph broken into f->lines, a list item) resumes after the
     * float: its buffers, where its items go and what the next page should be are kept. */
    struct rp_atoms atoms = f->atoms;
    struct rp_lines lines = f->lines;
    f->atoms = (struct rp_atoms){0};
    f->lines = (struct rp_lines){0};
    struct rp_tagging saved = rp_flow_enter(f, f->float_elem);
    f->artifact = f->float_artifact;
    uint32_t label = f->label_elem;
    int depth = f->heading_depth;
    double note_indent = f->note_indent; /* a page may end inside another table's notes */
    f->note_indent = 0;
    enum rp_page_kind want_kind = f->want_kind;
    bool want_landscape = f->want_landscape;
    f->label_elem = 0;
    f->heading_depth = f->float_depth;
    rp_flow_table(f, node);
    rp_atoms_free(&f->atoms);
    rp_lines_free(&f->lines);
    f->atoms = atoms;
    f->lines = lines;
    rp_flow_untag(f, saved);
    f->label_elem = label;
    f->heading_depth = depth;
    f->note_indent = note_indent;
    f->want_kind = want_kind;
    f->want_landscape = want_landscape;
    f->flushing = false;
}

static int count_pages(void *ctx, const struct rp_page *page, bool overlay)
{
    (void)page;
    (void)overlay;
    size_t *pages = ctx;
    return ++*pages > 1 ? 1 : 0;
}

/* A chapter that ends with a landscape table has no text to float past it: its portrait
 * start (a heading, a sentence, a chart) would stand alone on a page mostly empty before
 * the turn. When that start fills less than this share of a portrait page, the whole
 * chapter is set landscape: one turn for the reader, no near-empty page. */
#define SHORT_START 0.35

bool rp_flow_chapter_landscape(struct rp_flow *f, const struct rp_node *chapter)
{
    const struct rp_nodes *c = &chapter->u.section.children;
    if (f->floating || f->flushing || c->count < 2 || c->items[0]->kind == RP_NODE_TABLE ||
        c->items[c->count - 1]->kind != RP_NODE_TABLE ||
        !rp_flow_table_landscape(f, c->items[c->count - 1]))
        return false;
    /* The chapter without its table, on trial on a portrait page. */
    struct rp_node start = *chapter;
    start.u.section.children.count--;
    const struct rp_node *list[1] = {&start};
    struct rp_nodes one = {(struct rp_node **)list, 1, 1};
    size_t emitted = 0;
    struct rp_layout_sink sink = {&emitted, count_pages};
    struct rp_flow t;
    rp_flow_init(&t, f->doc, f->env, &sink);
    t.trial = true;
    t.squeeze = f->squeeze;
    t.want_kind = RP_PAGE_BODY;
    t.want_landscape = false;
    rp_flow_need(&t, 0);
    rp_flow_nodes(&t, &one);
    bool short_start = !t.status && t.page_count == 1 && t.bottom > t.top &&
                       (t.y - t.top) / (t.bottom - t.top) < SHORT_START;
    rp_flow_release(&t);
    return short_start;
}
