/* Side-by-side language editions: their shapes compared, the plan derived (editions.h).
 *
 * Cost: the edition being produced and its partner are each laid out once more, without
 * drawing (about a third of a PDF's rendering time each), and again only when a table must
 * turn; the stretch itself lays out only the parts it stretches, a few times each. The
 * edition's own layout is kept: when the plan asks for nothing (most documents), its PDF
 * draws those pages instead of laying the document out a third time. Every
 * edition derives the same plan from the same shapes, so the French and the Dutch jobs of a
 * batch, run apart, agree without talking to each other. When one process makes both (a
 * batch's worker is handed a document's French and Dutch publications one after the
 * other), the second takes the partner's shapes from the first, kept as plain data under a
 * key naming everything the layouts depend on (editions.h), and lays out only its own
 * edition; the plan, derived from the same shapes, is the same. */
#include "produce/editions.h"

#include "doc/typography.h"

#include "templates/templates.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const enum rp_lang side_by_side[] = {RP_LANG_FR, RP_LANG_NL};
#define SIDE_BY_SIDE (sizeof side_by_side / sizeof *side_by_side)

bool rp_editions_side_by_side(enum rp_lang lang, size_t *index, size_t *count)
{
    *count = SIDE_BY_SIDE;
    for (size_t i = 0; i < SIDE_BY_SIDE; i++)
        if (side_by_side[i] == lang) {
            *index = i;
            return true;
        }
    return false;
}

enum rp_lang rp_editions_lang(size_t i)
{
    return side_by_side[i];
}

/* ------------------------------------------------------------------ deriving the plan */

ssize_t rp_editions_plan_tables(const struct rp_page_shape *shapes, size_t n, size_t self,
                                struct rp_arena *arena, struct rp_page_plan *plan)
{
    size_t tables = shapes[self].table_count;
    plan->landscape = NULL;
    plan->landscape_count = 0;
    for (size_t i = 0; i < n; i++)
        if (shapes[i].table_count != tables)
            return -1;
    const struct rp_node **turned = rp_arena_array(arena, tables ? tables : 1, sizeof *turned);
    size_t count = 0;
    for (size_t j = 0; j < tables; j++) {
        bool landscape = false;
        for (size_t i = 0; i < n; i++)
            landscape = landscape || shapes[i].tables[j].landscape;
        if (landscape && !shapes[self].tables[j].landscape)
            turned[count++] = shapes[self].tables[j].node;
    }
    plan->landscape = turned;
    plan->landscape_count = count;
    return (ssize_t)count;
}

struct run {
    enum rp_page_kind kind;
    bool landscape;
    size_t pages;
};

/* The runs of part k of `s` into `out` (room for as many as the part has pages); returns
 * their number. */
static size_t part_runs(const struct rp_page_shape *s, size_t k, struct run *out)
{
    size_t first = s->parts[k].first_page;
    size_t end = k + 1 < s->part_count ? s->parts[k + 1].first_page : s->page_count;
    size_t n = 0;
    for (size_t p = first; p < end && p < s->page_count; p++) {
        const struct rp_shape_page *pg = &s->pages[p];
        if (!n || out[n - 1].kind != pg->kind || out[n - 1].landscape != pg->landscape)
            out[n++] = (struct run){pg->kind, pg->landscape, 0};
        out[n - 1].pages++;
    }
    return n;
}

ssize_t rp_editions_plan_pages(const struct rp_page_shape *shapes, size_t n, size_t self,
                               struct rp_arena *arena, struct rp_page_plan *plan)
{
    const struct rp_page_shape *own = &shapes[self];
    size_t parts = own->part_count, most = 1;
    plan->parts = NULL;
    plan->part_count = 0;
    for (size_t i = 0; i < n; i++) {
        if (shapes[i].part_count != parts)
            return -1;
        if (shapes[i].page_count > most)
            most = shapes[i].page_count;
    }
    struct rp_plan_part *out = rp_arena_array(arena, parts ? parts : 1, sizeof *out);
    struct run *mine = calloc(most, sizeof *mine), *theirs = calloc(most, sizeof *theirs);
    if (!mine || !theirs) {
        free(mine);
        free(theirs);
        return -1;
    }
    size_t planned = 0;
    for (size_t k = 0; k < parts; k++) {
        size_t runs = part_runs(own, k, mine);
        size_t *want = rp_arena_array(arena, runs ? runs : 1, sizeof *want);
        for (size_t j = 0; j < runs; j++)
            want[j] = mine[j].pages;
        bool match = runs > 0, longer = false;
        for (size_t i = 0; match && i < n; i++) {
            if (i == self)
                continue;
            match = part_runs(&shapes[i], k, theirs) == runs;
            for (size_t j = 0; match && j < runs; j++) {
                match = theirs[j].kind == mine[j].kind && theirs[j].landscape == mine[j].landscape;
                if (theirs[j].pages > want[j])
                    want[j] = theirs[j].pages;
            }
        }
        for (size_t j = 0; match && j < runs; j++)
            longer = longer || want[j] > mine[j].pages;
        if (match && longer)
            out[planned++] = (struct rp_plan_part){own->parts[k].node, want, runs};
    }
    free(mine);
    free(theirs);
    plan->parts = out;
    plan->part_count = planned;
    return (ssize_t)planned;
}

/* ------------------------------------------------------------------ the editions */

/* Whether `node` is one the plans match editions by: a section (the chapters, and the
 * tables inside them) or a table. Other nodes may differ: an edition with texts in another
 * language says so in a paragraph the other lacks. */
static bool skeletal(const struct rp_node *node)
{
    return node->kind == RP_NODE_SECTION || node->kind == RP_NODE_TABLE;
}

/* Whether two lists of nodes have the same sections (levels) and tables (sizes) in the same
 * order, at every depth: what the layout matches editions by (tables and chapters by
 * position) must be the same in both. */
static bool same_skeleton(const struct rp_nodes *a, const struct rp_nodes *b)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < a->count && !skeletal(a->items[i]))
            i++;
        while (j < b->count && !skeletal(b->items[j]))
            j++;
        if (i == a->count || j == b->count)
            return i == a->count && j == b->count;
        const struct rp_node *x = a->items[i++], *y = b->items[j++];
        if (x->kind != y->kind)
            return false;
        if (x->kind == RP_NODE_SECTION &&
            (x->u.section.level != y->u.section.level ||
             !same_skeleton(&x->u.section.children, &y->u.section.children)))
            return false;
        if (x->kind == RP_NODE_TABLE && (x->u.table.column_count != y->u.table.column_count ||
                                         x->u.table.row_count != y->u.table.row_count))
            return false;
    }
}

/* ------------------------------------------------------------------ shapes kept */

/* The shapes of the last document whose editions were laid out with a key (editions.h):
 * each edition's first shape, and its last (after the tables the plan turned, whose number
 * is kept to check that the next job turns as many). Plain data, owned here: no node of a
 * document, none of an arena that dies with its job. */
static struct {
    char *key;
    struct rp_page_shape first[SIDE_BY_SIDE], last[SIDE_BY_SIDE];
    size_t turned[SIDE_BY_SIDE];
} kept_shapes;
static bool reused;

bool rp_editions_reused(void)
{
    return reused;
}

void rp_editions_forget(void)
{
    free(kept_shapes.key);
    for (size_t i = 0; i < SIDE_BY_SIDE; i++) {
        rp_page_shape_free(&kept_shapes.first[i]);
        rp_page_shape_free(&kept_shapes.last[i]);
    }
    memset(&kept_shapes, 0, sizeof kept_shapes);
}

/* A copy of `src` without its nodes (another job's document): the plans read only their own
 * edition's nodes. */
static void copy_shape(struct rp_page_shape *dst, const struct rp_page_shape *src)
{
    memset(dst, 0, sizeof *dst);
    dst->page_count = src->page_count;
    dst->pages = rp_xrealloc(NULL, (src->page_count ? src->page_count : 1) * sizeof *dst->pages);
    if (src->page_count)
        memcpy(dst->pages, src->pages, src->page_count * sizeof *dst->pages);
    dst->part_count = src->part_count;
    dst->parts = rp_xrealloc(NULL, (src->part_count ? src->part_count : 1) * sizeof *dst->parts);
    for (size_t i = 0; i < src->part_count; i++)
        dst->parts[i] = (struct rp_shape_part){NULL, src->parts[i].first_page};
    dst->table_count = src->table_count;
    dst->tables =
        rp_xrealloc(NULL, (src->table_count ? src->table_count : 1) * sizeof *dst->tables);
    for (size_t i = 0; i < src->table_count; i++)
        dst->tables[i] = (struct rp_shape_table){NULL, src->tables[i].landscape};
}

/* Whether two shapes have the same pages, parts and tables (their nodes aside). */
static bool same_shape(const struct rp_page_shape *a, const struct rp_page_shape *b)
{
    if (a->page_count != b->page_count || a->part_count != b->part_count ||
        a->table_count != b->table_count)
        return false;
    for (size_t i = 0; i < a->page_count; i++)
        if (a->pages[i].kind != b->pages[i].kind || a->pages[i].landscape != b->pages[i].landscape)
            return false;
    for (size_t i = 0; i < a->part_count; i++)
        if (a->parts[i].first_page != b->parts[i].first_page)
            return false;
    for (size_t i = 0; i < a->table_count; i++)
        if (a->tables[i].landscape != b->tables[i].landscape)
            return false;
    return true;
}

/* Everything the editions' layouts depend on besides the caller's key (the sources): the
 * kind, the edition and the templates (loaded once per process, never changed: their
 * address names them within it). NULL without a key. */
static char *full_key(const struct rp_produce_request *req)
{
    if (!req->editions_key)
        return NULL;
    const char *fmt = "%s\n%d\n%p\n%s";
    int len = snprintf(NULL, 0, fmt, req->kind->name, (int)req->edition,
                       (const void *)req->templates, req->editions_key);
    char *key = rp_xrealloc(NULL, (size_t)len + 1);
    snprintf(key, (size_t)len + 1, fmt, req->kind->name, (int)req->edition,
             (const void *)req->templates, req->editions_key);
    return key;
}

static bool paged(const struct rp_produce_request *req)
{
    for (size_t i = 0; i < req->backend_count; i++)
        if (req->backends[i]->paged)
            return true;
    return false;
}

void rp_editions_share_pages(const struct rp_produce_request *req, const struct rp_kind_input *in,
                             struct rp_doc *doc, struct rp_session *s, const char *path)
{
    size_t self, n;
    reused = false;
    if (req->edition != RP_EDITION_PUBLICATION || !paged(req) ||
        !rp_editions_side_by_side(req->lang, &self, &n))
        return;
    char *key = full_key(req);
    /* The partners' shapes, when the job before laid this document's editions out. */
    bool known = key && kept_shapes.key && strcmp(key, kept_shapes.key) == 0;
    struct rp_arena *scratch = rp_arena_new();
    struct rp_diags quiet; /* the edition's own layout reports its problems when it is drawn */
    rp_diags_init(&quiet);
    struct rp_doc *docs[SIDE_BY_SIDE] = {0};
    struct rp_page_shape shapes[SIDE_BY_SIDE], first[SIDE_BY_SIDE];
    struct rp_page_plan turned[SIDE_BY_SIDE];
    memset(shapes, 0, sizeof shapes);
    memset(first, 0, sizeof first);
    memset(turned, 0, sizeof turned);
    /* The partners are built even when their shapes are known: their skeleton is compared,
     * and their builders' diagnostics are this document's as without the shapes kept. */
    for (size_t i = 0; i < n; i++) {
        struct rp_kind_edition ed = {rp_editions_lang(i), req->edition, &s->diags};
        docs[i] = i == self ? doc : req->kind->build(in, &ed, req->templates, scratch);
        if (!docs[i] || !same_skeleton(&docs[i]->body, &doc->body))
            goto done;
        /* A partner that will not be published (some of its texts are not in its language,
         * and the request does not allow that) has no pages to match: this edition is laid
         * out alone, as the partner's own job decides from the same sources and options. */
        if (i != self && !req->allow_fallback && docs[i]->coverage.fallback > 0)
            goto done;
        if (i != self)
            rp_typography_apply(docs[i]); /* laid out as it will be printed */
    }
    const struct rp_doc *const *all = (const struct rp_doc *const *)docs;
    /* This edition's pages are kept (in the session's arena, which outlives the document):
     * when the plan asks for nothing, they are the very pages its PDF draws. */
    struct rp_laid_out *kept = rp_laid_out_new(s->arena);
    if (known) {
        if (rp_layout_shapes_keeping(all + self, 1, &req->templates->theme, &shapes[self], path,
                                     &quiet, 0, kept, s->arena) != 0)
            goto done;
        /* A check of the key: this edition's shape is the one the job before saw. */
        known = same_shape(&shapes[self], &kept_shapes.first[self]);
        for (size_t i = 0; i < n; i++) {
            if (i == self)
                continue;
            if (known)
                copy_shape(&shapes[i], &kept_shapes.first[i]);
            else if (rp_layout_shapes(all + i, 1, &req->templates->theme, &shapes[i], path,
                                      &quiet) != 0)
                goto done;
        }
    } else if (rp_layout_shapes_keeping(all, n, &req->templates->theme, shapes, path, &quiet, self,
                                        kept, s->arena) != 0) {
        goto done;
    }
    if (key && !known)
        for (size_t i = 0; i < n; i++)
            copy_shape(&first[i], &shapes[i]);
    /* Tables first: turning one changes its chapter's pages, which are compared after. */
    for (size_t i = 0; i < n; i++)
        if (rp_editions_plan_tables(shapes, n, i, scratch, &turned[i]) < 0)
            goto done;
    for (size_t i = 0; i < n; i++) {
        if (!turned[i].landscape_count)
            continue;
        rp_page_shape_free(&shapes[i]);
        if (known && i != self && kept_shapes.turned[i] == turned[i].landscape_count) {
            copy_shape(&shapes[i], &kept_shapes.last[i]);
            continue;
        }
        docs[i]->page_plan = &turned[i];
        int rc = rp_layout_shapes(all + i, 1, &req->templates->theme, &shapes[i], path, &quiet);
        docs[i]->page_plan = NULL;
        if (rc != 0)
            goto done;
    }
    reused = known;
    if (key && !known) { /* for the next job of this document */
        rp_editions_forget();
        kept_shapes.key = key;
        key = NULL;
        for (size_t i = 0; i < n; i++) {
            kept_shapes.first[i] = first[i];
            memset(&first[i], 0, sizeof first[i]);
            copy_shape(&kept_shapes.last[i], &shapes[i]);
            kept_shapes.turned[i] = turned[i].landscape_count;
        }
    }
    /* The plan lives as long as the document: its own nodes, in the session's arena. */
    struct rp_page_plan *plan = rp_arena_alloc(s->arena, sizeof *plan);
    size_t count = turned[self].landscape_count;
    if (count) {
        const struct rp_node **nodes = rp_arena_array(s->arena, count, sizeof *nodes);
        memcpy(nodes, turned[self].landscape, count * sizeof *nodes);
        plan->landscape = nodes;
        plan->landscape_count = count;
    }
    if (rp_editions_plan_pages(shapes, n, self, s->arena, plan) < 0)
        goto done;
    if (plan->landscape_count || plan->part_count)
        doc->page_plan = plan;
    else if (!turned[self].landscape_count)
        plan->laid_out = kept; /* laid out as the plan would have it: drawn as it is */
    if (plan->laid_out)
        doc->page_plan = plan;
done:
    for (size_t i = 0; i < n; i++) {
        rp_page_shape_free(&shapes[i]);
        rp_page_shape_free(&first[i]);
    }
    free(key);
    rp_diags_free(&quiet);
    rp_arena_free(scratch);
}
