/* A layout kept to be drawn later (page_plan.h: struct rp_laid_out).
 *
 * The pages come to the sink one by one and their items live only as long as the page does
 * (strings in the page's arena): each is copied whole into the keeper's arena, its texts and
 * path segments with it. The result's elements go there too; the strings they and the
 * outline name are in the arena the layout was given, which the caller keeps as long. */
#include "render/page_plan.h"

#include "util/arena.h"

#include <string.h>

struct call {
    struct rp_page page;
    bool overlay;
};

struct rp_laid_out {
    struct rp_arena *arena;
    struct call *calls;
    size_t count, cap;
    struct rp_layout_result res;
};

struct rp_laid_out *rp_laid_out_new(struct rp_arena *arena)
{
    struct rp_laid_out *k = rp_arena_alloc(arena, sizeof *k);
    memset(k, 0, sizeof *k);
    k->arena = arena;
    return k;
}

static const char *copy_bytes(struct rp_arena *arena, const char *s, size_t len)
{
    char *c = rp_arena_alloc(arena, len + 1);
    memcpy(c, s, len);
    c[len] = '\0';
    return c;
}

static int keep_page(void *ctx, const struct rp_page *page, bool overlay)
{
    struct rp_laid_out *k = ctx;
    if (k->count == k->cap) {
        /* Grown in the arena: what the old array held is left there, a few kB at most. */
        size_t cap = k->cap ? k->cap * 2 : 32;
        struct call *calls = rp_arena_array(k->arena, cap, sizeof *calls);
        if (k->count)
            memcpy(calls, k->calls, k->count * sizeof *calls);
        k->calls = calls;
        k->cap = cap;
    }
    struct rp_item *items = rp_arena_array(k->arena, page->count ? page->count : 1, sizeof *items);
    if (page->count)
        memcpy(items, page->items, page->count * sizeof *items);
    for (size_t i = 0; i < page->count; i++) {
        struct rp_item *it = &items[i];
        if (it->text && it->kind == RP_ITEM_TEXT)
            it->text = copy_bytes(k->arena, it->text, it->len);
        else if (it->text)
            it->text = copy_bytes(k->arena, it->text, strlen(it->text));
        if (it->segs && it->seg_count) {
            struct rp_seg *segs = rp_arena_array(k->arena, it->seg_count, sizeof *segs);
            memcpy(segs, it->segs, it->seg_count * sizeof *segs);
            it->segs = segs;
        }
    }
    struct call *c = &k->calls[k->count++];
    c->page = *page;
    c->page.items = items;
    c->page.elems = NULL; /* the final ones, when drawn (see rp_laid_out_draw()) */
    c->overlay = overlay;
    return 0;
}

struct rp_layout_sink rp_laid_out_sink(struct rp_laid_out *keeper)
{
    return (struct rp_layout_sink){keeper, keep_page};
}

void rp_laid_out_finish(struct rp_laid_out *keeper, const struct rp_layout_result *res)
{
    keeper->res = *res;
    keeper->res.shape = NULL;
    size_t n = res->elem_count;
    keeper->res.elems = NULL;
    if (res->elems && n) {
        keeper->res.elems = rp_arena_array(keeper->arena, n, sizeof *res->elems);
        memcpy(keeper->res.elems, res->elems, n * sizeof *res->elems);
    }
}

int rp_laid_out_draw(const struct rp_laid_out *keeper, const struct rp_layout_sink *sink,
                     struct rp_layout_result *res)
{
    *res = keeper->res;
    for (size_t i = 0; i < keeper->count; i++) {
        struct rp_page page = keeper->calls[i].page;
        /* Elements are only ever added, and set when added: the final array holds every
         * element a page's items name, as they were when the page was made. */
        page.elems = keeper->res.elems;
        int rc = sink->page(sink->ctx, &page, keeper->calls[i].overlay);
        if (rc)
            return rc;
    }
    return 0;
}
