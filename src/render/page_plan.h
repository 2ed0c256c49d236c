/* The page structure of an edition, and the plan that gives every language edition of a
 * document the same one.
 *
 * French and Dutch editions of one document are published side by side: a reader holding
 * both expects the same page numbers in the contents, the same landscape pages for the
 * same tables, each chapter starting on the same page. Translations differ in length, so
 * their natural layouts do not agree. The produce layer lays every edition out once without
 * writing it, reads each one's shape (below), and hands the edition it writes a plan: the
 * tables to set landscape even though they fit portrait in this language, and the chapters
 * (and the contents) to stretch over more pages, so that every edition takes, part by part,
 * the most pages any of them needs.
 *
 * Shapes and plans name nodes of one document tree: editions built from one model by one
 * builder have the same tree in every language, so the i-th table or chapter of one edition
 * is the i-th of another (produce/editions.c checks it before comparing them). */
#ifndef RP_PAGE_PLAN_H
#define RP_PAGE_PLAN_H

#include "render/layout.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_node;

/* ---------------------------------------------------------------- shape */

struct rp_shape_page {
    enum rp_page_kind kind;
    bool landscape;
};

/* A part: what starts on a page of its own, the contents (node NULL) or a chapter (its
 * level-1 section), from page `first_page` (0-based) to the next part's first page. The
 * pages before the first part (the cover) belong to no part. */
struct rp_shape_part {
    const struct rp_node *node;
    size_t first_page;
};

struct rp_shape_table {
    const struct rp_node *node;
    bool landscape;
};

/* One laid-out edition, as the layout made it. Arrays on the heap: rp_page_shape_free(). */
struct rp_page_shape {
    struct rp_shape_page *pages;
    size_t page_count;
    struct rp_shape_part *parts; /* in document order */
    size_t part_count;
    struct rp_shape_table *tables; /* in document order, as laid out */
    size_t table_count;
};

void rp_page_shape_free(struct rp_page_shape *shape);

/* ---------------------------------------------------------------- plan */

/* A part to stretch: a run is a sequence of pages of one kind and orientation in a row (a
 * chapter with a landscape table has three: portrait, landscape, portrait); run i must take
 * pages[i] pages, at least what it takes when laid out freely. */
struct rp_plan_part {
    const struct rp_node *node; /* the chapter's section, or NULL for the contents */
    const size_t *pages;
    size_t run_count;
};

/* What one edition's layout must honour. Owned by whoever attaches it to the document (see
 * struct rp_doc's page_plan); it names nodes of that document. */
struct rp_page_plan {
    const struct rp_node *const *landscape; /* tables set landscape whether or not they fit
                                               portrait */
    size_t landscape_count;
    const struct rp_plan_part *parts;
    size_t part_count;
    /* When the edition's layout was already made, with no landscape table or part asked
     * above (the plan changes nothing): the pages as laid out then, drawn as they are rather
     * than laid out once more. NULL: lay out. */
    const struct rp_laid_out *laid_out;
};

/* Whether `plan` (NULL: none) sets table `node` landscape. */
bool rp_page_plan_landscape(const struct rp_page_plan *plan, const struct rp_node *node);

/* The part of `plan` (NULL: none) for `node` (NULL: the contents), or NULL. */
const struct rp_plan_part *rp_page_plan_part(const struct rp_page_plan *plan,
                                             const struct rp_node *node);

/* Lays each of the `n` documents `docs` out as its PDF would be (honouring its page_plan),
 * writing nothing, and fills shapes[0..n) (free each with rp_page_shape_free(), whatever the
 * result). Returns 0, or -1 with the reasons in `diags`. */
int rp_layout_shapes(const struct rp_doc *const *docs, size_t n, const struct rp_theme *theme,
                     struct rp_page_shape *shapes, const char *path, struct rp_diags *diags);

/* ---------------------------------------------------------------- a layout kept */

/* The pages of one layout and its result, kept to be drawn later instead of laying the
 * document out again: the layout is a pure function of the document, the theme and the
 * fonts, so the pages drawn are those a new layout would make. */
struct rp_laid_out;

/* An empty keeper whose copies go into `arena`. */
struct rp_laid_out *rp_laid_out_new(struct rp_arena *arena);

/* The sink a layout gives its pages to, for `keeper` to keep. */
struct rp_layout_sink rp_laid_out_sink(struct rp_laid_out *keeper);

/* Keeps `res` (its elements copied; the strings it names must live in an arena that lives as
 * long as the keeper, the one the layout was given), once the layout is done. */
void rp_laid_out_finish(struct rp_laid_out *keeper, const struct rp_layout_result *res);

/* Gives the kept pages to `sink` in the order the layout gave them and sets *res to the kept
 * result, which belongs to the keeper: not to be freed. Returns 0, or the sink's non-zero
 * result. */
int rp_laid_out_draw(const struct rp_laid_out *keeper, const struct rp_layout_sink *sink,
                     struct rp_layout_result *res);

/* rp_layout_shapes(), laying document `keep` out into `keeper` too (its strings in
 * `arena`, which must live as long as the keeper). */
int rp_layout_shapes_keeping(const struct rp_doc *const *docs, size_t n,
                             const struct rp_theme *theme, struct rp_page_shape *shapes,
                             const char *path, struct rp_diags *diags, size_t keep,
                             struct rp_laid_out *keeper, struct rp_arena *arena);

#endif
