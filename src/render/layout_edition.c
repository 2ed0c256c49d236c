/* The layout's side of sharing one page structure between the language editions of a
 * document (render/page_plan.h): it records its shape as it goes (pages, parts, tables) and
 * honours the plan the document carries (tables set landscape, parts stretched).
 *
 * Stretching a part. An edition whose chapter takes fewer pages than another edition's
 * takes as many by moving the foot of the chapter's pages up, the same amount on each page
 * of a run: its text flows over one page more, every page still set by the usual rules
 * (keeps, orphans, tables' rows), so nothing is broken by hand. Other ways were weighed:
 *  - a blank page at the chapter's end keeps the count but reads as a printing fault, and
 *    leaves the page before it as short as it was;
 *  - looser spacing between blocks (the reverse of the squeeze of short tails) fills pages
 *    to their foot, but would need a third or a half more space between paragraphs to make a
 *    page, which no longer reads as one text;
 *  - breaking the longer edition more tightly instead is not always possible, while a
 *    shorter text can always be spread.
 * How far the foot moves is found by bisection over trial layouts of the one part (chapters
 * start on a page of their own, so a part is laid out alone): the least lift that gives the
 * wanted pages with a last page at least LAST_FILL full, so that the extra page is not one
 * stranded line; when no lift gives that, the largest that keeps the wanted count. Pages of a
 * stretched part stay at least 1 - MAX_LIFT full: no page under a designer's 35 % appears in
 * the middle of a chapter. */
#include "render/layout_flow.h"
#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The most of a content box's height a stretched page may leave empty at its foot. */
#define MAX_LIFT 0.6
/* The share of a content box the last page of a stretched run should hold. */
#define LAST_FILL 0.35
/* Bisection steps: the lift is found to MAX_LIFT / 2^7, under 1 % of a page (3 to 4 pt). */
#define SEARCH_STEPS 7
/* Parts that long are not stretched: each trial would cost as much as the part, and a page
 * more or less over so many differs little to a reader. */
#define STRETCH_MAX_PAGES 60

/* ------------------------------------------------------------------ plans and shapes */

bool rp_page_plan_landscape(const struct rp_page_plan *plan, const struct rp_node *node)
{
    for (size_t i = 0; plan && i < plan->landscape_count; i++)
        if (plan->landscape[i] == node)
            return true;
    return false;
}

const struct rp_plan_part *rp_page_plan_part(const struct rp_page_plan *plan,
                                             const struct rp_node *node)
{
    for (size_t i = 0; plan && i < plan->part_count; i++)
        if (plan->parts[i].node == node)
            return &plan->parts[i];
    return NULL;
}

void rp_page_shape_free(struct rp_page_shape *shape)
{
    free(shape->pages);
    free(shape->parts);
    free(shape->tables);
    memset(shape, 0, sizeof *shape);
}

/* Room for `need` items of `size` bytes in *items, holding *cap. */
static void reserve(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t cap2 = *cap ? *cap * 2 : 16;
    if (cap2 < need)
        cap2 = need;
    *items = rp_xrealloc(*items, cap2 * size);
    *cap = cap2;
}

/* ------------------------------------------------------------------ the flow's hooks */

bool rp_flow_table_turned(const struct rp_flow *f, const struct rp_node *node)
{
    return rp_page_plan_landscape(f->plan, node);
}

void rp_flow_table_laid(struct rp_flow *f, const struct rp_node *node, bool landscape)
{
    struct rp_page_shape *s = &f->shape;
    reserve((void **)&s->tables, &f->table_cap, s->table_count + 1, sizeof *s->tables);
    s->tables[s->table_count++] = (struct rp_shape_table){node, landscape};
}

void rp_flow_page_ending(struct rp_flow *f)
{
    if (!f->open || !f->page_count)
        return;
    reserve((void **)&f->ends, &f->ends_cap, f->page_count, sizeof *f->ends);
    f->ends[f->page_count - 1] = f->y;
}

void rp_flow_page_begun(struct rp_flow *f)
{
    size_t p = f->page_count - 1;
    if (p <= f->part_first)
        f->run = 0;
    else if (f->pages[p].kind != f->pages[p - 1].kind ||
             f->pages[p].landscape != f->pages[p - 1].landscape)
        f->run++;
    double lift = f->run < f->shorten_count ? f->shorten[f->run] : 0;
    f->bottom -= lift * (f->bottom - f->top);
}

void rp_flow_shape_close(struct rp_flow *f, struct rp_layout_result *result)
{
    struct rp_page_shape *s = rp_xrealloc(NULL, sizeof *s);
    *s = f->shape;
    s->pages = rp_xrealloc(NULL, (f->page_count ? f->page_count : 1) * sizeof *s->pages);
    for (size_t i = 0; i < f->page_count; i++)
        s->pages[i] = (struct rp_shape_page){f->pages[i].kind, f->pages[i].landscape};
    s->page_count = f->page_count;
    result->shape = s;
    memset(&f->shape, 0, sizeof f->shape);
    f->part_cap = f->table_cap = 0;
}

void rp_flow_shape_release(struct rp_flow *f)
{
    rp_page_shape_free(&f->shape);
    f->part_cap = f->table_cap = 0;
    free(f->ends);
    f->ends = NULL;
    f->ends_cap = 0;
}

/* ------------------------------------------------------------------ trials */

/* What a run took in a trial: its pages, and how full its last page is (a share of the
 * content box, from its top to where the content ended). */
struct run_probe {
    size_t pages;
    double last_fill;
};

struct trial_count {
    size_t pages, limit;
};

static int count_page(void *ctx, const struct rp_page *page, bool overlay)
{
    (void)page;
    (void)overlay;
    struct trial_count *c = ctx;
    return ++c->pages > c->limit ? 1 : 0;
}

/* Lays part `node` (NULL: the contents) out on trial from a fresh page, its runs' pages
 * lifted by `lift` (`runs` of them), and describes its runs in out[0..max). Returns the
 * number of runs, or SIZE_MAX when the trial went past `limit` pages or past `max` runs. */
static size_t probe(const struct rp_flow *f, const struct rp_node *node, const double *lift,
                    size_t runs, size_t limit, struct run_probe *out, size_t max)
{
    struct trial_count count = {0, limit};
    struct rp_layout_sink sink = {&count, count_page};
    struct rp_flow t;
    rp_flow_init(&t, f->doc, f->env, &sink);
    t.trial = true;
    t.squeeze = 1;
    t.want_kind = f->want_kind;
    t.want_landscape = f->want_landscape;
    t.shorten = lift;
    t.shorten_count = runs;
    if (node) {
        struct rp_node *one = (struct rp_node *)(uintptr_t)node; /* the flow only reads it */
        struct rp_nodes list = {&one, 1, 1};
        rp_flow_nodes(&t, &list);
    } else
        rp_flow_toc(&t);
    rp_flow_page_ending(&t);
    size_t n = t.status ? SIZE_MAX : 0;
    const struct rp_theme *th = f->theme;
    for (size_t p = t.part_first; n != SIZE_MAX && p < t.page_count; p++) {
        const struct rp_page_rec *pg = &t.pages[p];
        if (p == t.part_first || pg->kind != t.pages[p - 1].kind ||
            pg->landscape != t.pages[p - 1].landscape) {
            if (n == max) {
                n = SIZE_MAX;
                break;
            }
            out[n++] = (struct run_probe){0, 0};
        }
        double bottom = (pg->landscape ? th->page_width : th->page_height) - th->margin_bottom;
        out[n - 1].pages++;
        out[n - 1].last_fill = (t.ends[p] - th->margin_top) / (bottom - th->margin_top);
    }
    rp_flow_release(&t);
    return n;
}

/* Whether a run that took `r` in a trial has the lift it needs or more: more pages than
 * wanted, or as many with a last page full enough. */
static bool enough(const struct run_probe *r, size_t want)
{
    return r->pages > want || (r->pages == want && r->last_fill >= LAST_FILL);
}

/* Finds the lift of each run of part `node` that gives it the pages `pp` asks for (see the
 * top of this file); on success points f->shorten at them, sets the squeeze to 1 (the
 * stretch replaces the tightening of short tails) and returns true. False leaves the part
 * to be laid out freely. */
static bool stretch(struct rp_flow *f, const struct rp_node *node, const struct rp_plan_part *pp)
{
    size_t runs = pp->run_count, limit = 4, total = 0;
    for (size_t i = 0; i < runs; i++)
        total += pp->pages[i];
    if (!runs || total > STRETCH_MAX_PAGES)
        return false;
    limit += 3 * total; /* lifted at most MAX_LIFT, a part takes under 2.5 times its pages */
    struct run_probe *got = calloc(runs, sizeof *got), *at_lo = calloc(runs, sizeof *at_lo),
                     *at_hi = calloc(runs, sizeof *at_hi);
    double *lo = calloc(runs, sizeof *lo), *hi = calloc(runs, sizeof *hi),
           *mid = calloc(runs, sizeof *mid);
    bool *moving = calloc(runs, sizeof *moving), ok = false, any = false;
    if (!got || !at_lo || !at_hi || !lo || !hi || !mid || !moving)
        goto done;
    /* Freely, without the squeeze: each run takes the pages wanted or fewer. */
    if (probe(f, node, mid, runs, limit, got, runs) != runs)
        goto done;
    for (size_t i = 0; i < runs; i++) {
        if (got[i].pages > pp->pages[i])
            goto done; /* longer than planned: the plan is not this layout's */
        moving[i] = got[i].pages < pp->pages[i];
        any = any || moving[i];
        at_lo[i] = got[i];
        hi[i] = moving[i] ? MAX_LIFT : 0;
    }
    if (!any) {
        ok = true; /* the squeeze alone made the difference: lay the part out without it */
        f->shorten_count = 0;
        goto done;
    }
    /* Lifted the most: every run reaches its pages, or the part cannot be stretched. */
    if (probe(f, node, hi, runs, limit, got, runs) != runs)
        goto done;
    for (size_t i = 0; i < runs; i++) {
        if (moving[i] && got[i].pages < pp->pages[i])
            goto done;
        at_hi[i] = got[i];
    }
    /* Runs start on pages of their own, so each is bisected on its own, all in one trial. */
    for (int step = 0; step < SEARCH_STEPS; step++) {
        for (size_t i = 0; i < runs; i++)
            mid[i] = moving[i] ? (lo[i] + hi[i]) / 2 : 0;
        bool past = probe(f, node, mid, runs, limit, got, runs) != runs;
        for (size_t i = 0; i < runs; i++) {
            if (!moving[i])
                continue;
            if (past || enough(&got[i], pp->pages[i])) {
                hi[i] = mid[i];
                at_hi[i] = past ? (struct run_probe){SIZE_MAX, 0} : got[i];
            } else {
                lo[i] = mid[i];
                at_lo[i] = got[i];
            }
        }
    }
    for (size_t i = 0; i < runs; i++) {
        if (!moving[i])
            mid[i] = 0;
        else if (at_hi[i].pages == pp->pages[i])
            mid[i] = hi[i];
        else if (at_lo[i].pages == pp->pages[i])
            mid[i] = lo[i];
        else
            goto done; /* one page more jumps to two: this part cannot take the count */
    }
    if (probe(f, node, mid, runs, limit, got, runs) != runs)
        goto done;
    for (size_t i = 0; i < runs; i++)
        if (got[i].pages != pp->pages[i])
            goto done;
    double *keep = rp_arena_array(f->env->arena, runs, sizeof *keep);
    memcpy(keep, mid, runs * sizeof *keep);
    f->shorten = keep;
    f->shorten_count = runs;
    ok = true;
done:
    if (ok)
        f->squeeze = 1;
    free(got);
    free(at_lo);
    free(at_hi);
    free(lo);
    free(hi);
    free(mid);
    free(moving);
    return ok;
}

bool rp_flow_part_begin(struct rp_flow *f, const struct rp_node *node)
{
    /* The part starts on the page being opened next, or on the open one if nothing is on it
     * yet (its foot is set again below). */
    bool open_fresh = f->open && f->fresh;
    size_t first = open_fresh ? f->page_count - 1 : f->page_count;
    struct rp_page_shape *s = &f->shape;
    reserve((void **)&s->parts, &f->part_cap, s->part_count + 1, sizeof *s->parts);
    s->parts[s->part_count++] = (struct rp_shape_part){node, first};
    f->part_first = first;
    f->run = 0;
    bool planned = false;
    /* A trial keeps the lift its caller set: it lays out this one part. */
    if (!f->trial) {
        f->shorten = NULL;
        f->shorten_count = 0;
        const struct rp_plan_part *pp = rp_page_plan_part(f->plan, node);
        planned = pp && stretch(f, node, pp);
    }
    if (open_fresh) {
        f->bottom = f->height - f->theme->margin_bottom;
        if (f->shorten_count)
            f->bottom -= f->shorten[0] * (f->bottom - f->top);
    }
    return planned;
}

/* ------------------------------------------------------------------ measuring */

static int discard_page(void *ctx, const struct rp_page *page, bool overlay)
{
    (void)ctx;
    (void)page;
    (void)overlay;
    return 0;
}

int rp_layout_shapes_keeping(const struct rp_doc *const *docs, size_t n,
                             const struct rp_theme *theme, struct rp_page_shape *shapes,
                             const char *path, struct rp_diags *diags, size_t keep,
                             struct rp_laid_out *keeper, struct rp_arena *arena)
{
    memset(shapes, 0, n * sizeof *shapes);
    struct rp_layout_result *res = calloc(n ? n : 1, sizeof *res);
    struct rp_layout_sink *sinks = calloc(n ? n : 1, sizeof *sinks);
    if (!res || !sinks) {
        free(res);
        free(sinks);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        sinks[i] = keeper && i == keep ? rp_laid_out_sink(keeper)
                                       : (struct rp_layout_sink){NULL, discard_page};
    struct rp_arena *own = keeper ? NULL : rp_arena_new();
    int rc = rp_layout_each_as_pdf(docs, n, theme, keeper ? arena : own, sinks, res, path, diags);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0 && keeper && i == keep)
            rp_laid_out_finish(keeper, &res[i]);
        if (rc == 0 && res[i].shape) {
            shapes[i] = *res[i].shape;
            free(res[i].shape);
            res[i].shape = NULL;
        }
        rp_layout_result_free(&res[i]);
    }
    free(res);
    free(sinks);
    rp_arena_free(own);
    return rc;
}

int rp_layout_shapes(const struct rp_doc *const *docs, size_t n, const struct rp_theme *theme,
                     struct rp_page_shape *shapes, const char *path, struct rp_diags *diags)
{
    return rp_layout_shapes_keeping(docs, n, theme, shapes, path, diags, 0, NULL, NULL);
}
