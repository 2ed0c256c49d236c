/* The layout's own record of its placements: what went where on which page, written as
 * text so that a script can check a designer's rules (tests/scripts/lib/layoutcheck.py)
 * without reading the PDF back.
 *
 * The record is a layout sink: it receives the very pages the PDF backend draws (both go
 * through rp_layout_as_pdf()), keeps the geometry of every page, and writes it once the
 * layout is done, when chapters, tables split over pages and page counts are known.
 *
 * Format (one record per line, fields `key=value` separated by spaces, coordinates in
 * points from the top-left corner of the page, one decimal; a box is `x0,y0,x1,y1`):
 *
 *   # rapport layout record 1
 *   document lang=fr pages=12 front=2
 *   chapter n=1 page=3 title=Contexte        (the rest of the line is the title)
 *   page n=3 kind=body orient=portrait width=595.3 height=841.9 box=56.7,70.9,538.6,771.0
 *        chapter=1 chapter_end=0 fill=0.874
 *   block page=3 type=H1 elem=40 box=...  last=0
 *   block page=3 type=Table elem=52 box=... rows=12 table_rows=41 part=1/3
 *   text page=3 elem=41 art=- box=...
 *   bar page=3 box=... share=0.450
 *
 * - page: `n` counts from 1; `box` is the content box (the page less its margins);
 *   `chapter` is the level-1 section the page belongs to (0: cover, contents and whatever
 *   comes before the first one), the one in force at the foot of the page; `chapter_end`
 *   is 1 when the next page starts another chapter (its first block is a chapter's
 *   heading), is of another kind (cover, front, body), or there is none; `fill` is the
 *   share of the content box's height from its top to the lowest content, artifacts such
 *   as the running header and footer and watermarks left out (a page's fill is where its
 *   content stops, not the ink it holds: blank lines between paragraphs count as filled).
 * - block: a unit of content as a reader sees it, in reading order: a heading (H1-H6), a
 *   paragraph (P), a list item (LI), a caption, a note, a table of contents entry (TOCI),
 *   and a table or a figure as one block with everything inside it (a caption excepted);
 *   its box covers its items' boxes. Tables add `rows`, the body rows on this page (a
 *   repeated header is not one), `table_rows`, the body rows of the whole table, and
 *   `part=i/n` among the pages it spans. Headings and captions add `last=1` when no block
 *   follows them on the page.
 * - text: one run of text as drawn, its box from the font's ascender to its descender,
 *   `elem` its element (0: an artifact) and `art` what artifact it is (`-`: content,
 *   layout, header, footer, watermark, pagination).
 * - bar: a measure bar (a progress) drawn before the text that states its figure: the box
 *   of its drawing and its filled `share` (0 to 1). An artifact, kept apart from the rules
 *   and fills so that a check can see it collide with text.
 *
 * Deterministic: the same document gives the same bytes. */
#ifndef RP_LAYOUT_RECORD_H
#define RP_LAYOUT_RECORD_H

#include "render/layout.h"

#include <stdbool.h>
#include <stdio.h>

struct rp_record_page;

struct rp_layout_record {
    const struct rp_theme *theme; /* its margins give each page's content box */
    /* Measures text items (their width); NULL: text boxes have no width. Set by
     * rp_layout_as_pdf() while the layout runs. */
    const struct rp_metrics *metrics;
    struct rp_record_page *pages;
    size_t count, cap;
};

/* The record's sink function (ctx: a struct rp_layout_record, zeroed to start). */
int rp_layout_record_page(void *ctx, const struct rp_page *page, bool overlay);

/* Writes the record of a finished layout: `res` gives its elements (for tables' row counts)
 * and `lang` the edition's language. */
void rp_layout_record_write(const struct rp_layout_record *rec, const struct rp_layout_result *res,
                            const char *lang, FILE *out);

void rp_layout_record_free(struct rp_layout_record *rec);

#endif
