/* Language editions published side by side: one page structure for all of them.
 *
 * Which editions are "the same document": the French and the Dutch one. Belgian federal
 * services publish those two side by side (the language laws); English and German are
 * optional editions made on their own, laid out freely. The set is fixed, not the languages
 * a run asks for: `rapport render --lang fr` and a batch building fr and nl (or fr alone,
 * or fr, nl and de) must write the same bytes for the French edition, and adding German to a
 * run must not re-publish the French and Dutch files. Likewise the partner edition is laid
 * out as it would be with fallback allowed (builders always fill missing texts from the
 * model's language): whether the Dutch file is published today does not change the French
 * one, and both follow the same rule the day it is.
 *
 * Only publication editions share their structure: a review edition, for the authors,
 * carries an annex of diagnostics and is read alone. */
#ifndef RP_PRODUCE_EDITIONS_H
#define RP_PRODUCE_EDITIONS_H

#include "produce/produce.h"
#include "render/page_plan.h"

#include <stddef.h>
#include <sys/types.h>

struct rp_arena;

/* Whether editions in `lang` share their page structure with the other side-by-side
 * editions; when they do, *index is `lang`'s place among them and *count their number. */
bool rp_editions_side_by_side(enum rp_lang lang, size_t *index, size_t *count);

/* The language of side-by-side edition `i`. */
enum rp_lang rp_editions_lang(size_t i);

/* The tables edition `self` must set landscape although they fit portrait in its language:
 * those some edition of `shapes` (n of them, `self` among them) sets landscape, the i-th
 * table of one edition being the i-th of every other. Fills plan->landscape (in `arena`)
 * with nodes of `self`'s document. Returns their number, or -1 when the editions do not
 * have the same tables. */
ssize_t rp_editions_plan_tables(const struct rp_page_shape *shapes, size_t n, size_t self,
                                struct rp_arena *arena, struct rp_page_plan *plan);

/* The parts edition `self` must stretch: for each part (the contents, each chapter) whose
 * runs (pages of one kind and orientation in a row) match in every edition, the most pages
 * any edition gives each run, where `self` gives fewer. Fills plan->parts (in `arena`) with
 * nodes of `self`'s document. Parts that differ otherwise (a run more, a landscape run where
 * another edition has a portrait one) cannot be stretched into agreement and are left out;
 * so are the pages before the first part (the cover). Returns the number of parts planned,
 * or -1 when the editions do not have the same parts. */
ssize_t rp_editions_plan_pages(const struct rp_page_shape *shapes, size_t n, size_t self,
                               struct rp_arena *arena, struct rp_page_plan *plan);

/* Lays out every side-by-side edition of the document `doc` (built for `req` from `in`)
 * without writing anything, and attaches to `doc` the plan that gives it their common page
 * structure (in the session's arena). Leaves `doc` without a plan when it needs none, when
 * no backend of `req` has pages, for a review edition or a language laid out alone, when a
 * partner edition would not be published (texts not in its language, and no
 * req->allow_fallback), and when
 * an edition cannot be built or laid out (the document is then produced freely and reports
 * its own failures). */
void rp_editions_share_pages(const struct rp_produce_request *req, const struct rp_kind_input *in,
                             struct rp_doc *doc, struct rp_session *s, const char *path);

/* With req->editions_key, rp_editions_share_pages() keeps the shapes of every edition it
 * laid out (plain data: page kinds and orientations, parts' first pages, tables'
 * orientations, no node) for the next request of the process with the same key, kind,
 * edition and templates: the batch's Dutch job after the French one in the same worker lays
 * out only its own edition. The same plan follows from the same shapes, so the files are
 * the same bytes either way. Whether the last call took the partners' shapes so: */
bool rp_editions_reused(void);

/* Forgets the shapes kept (a worker's end). */
void rp_editions_forget(void);

#endif
