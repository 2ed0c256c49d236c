/* Private to the layout files: the state of the page flow and the helpers every block
 * layout uses (item emission, page breaks, drawing broken lines). */
#ifndef RP_LAYOUT_FLOW_H
#define RP_LAYOUT_FLOW_H

#include "render/layout.h"
#include "render/page_plan.h"
#include "util/fmt.h"

enum rp_text_align { RP_TEXT_LEFT, RP_TEXT_CENTER, RP_TEXT_RIGHT, RP_TEXT_JUSTIFY };

/* Where a table-of-contents entry was set, to receive its page number and link later. */
struct rp_toc_slot {
    size_t page, target;
    uint32_t link; /* the entry's Link element, which its page number and annotation join */
    double x0, x_end, y_top, y_base, right;
};

/* The page a heading landed on, indexed by the heading's rank among TOC sections. */
struct rp_target {
    size_t page;
    double y;
};

struct rp_page_rec {
    enum rp_page_kind kind;
    bool landscape;
};

/* A place in the document tree: nodes->items[i], or when i is past the end, `up`'s place
 * (NULL: the end of the document). What a heading keeps with can lie beyond its section:
 * an empty section's heading keeps with what follows the section. */
struct rp_flow_next {
    const struct rp_nodes *nodes;
    size_t i;
    const struct rp_flow_next *up;
};

struct rp_flow {
    const struct rp_doc *doc;
    const struct rp_layout_env *env;
    const struct rp_theme *theme;
    const struct rp_metrics *m;
    const struct rp_layout_sink *sink;
    enum rp_lang lang;
    char decimal_sep;
    int status; /* the sink's first non-zero result; stops the flow */

    /* The page being filled. */
    struct rp_item *items;
    size_t count, cap;
    struct rp_arena *page_arena; /* strings and paths of the current page only */
    bool open;
    enum rp_page_kind kind;
    bool landscape;
    double width, height;            /* of the page */
    double left, right, top, bottom; /* content box, y from the top */
    double y;                        /* cursor */
    bool fresh;                      /* nothing placed since the page began */

    /* What the next block wants: a page of this kind and orientation. */
    enum rp_page_kind want_kind;
    bool want_landscape;

    struct rp_page_rec *pages;
    size_t page_count, page_cap;

    struct rp_toc_slot *toc;
    size_t toc_count, toc_cap;
    struct rp_target *targets;
    size_t target_count, target_cap;
    struct rp_outline_entry *outline;
    size_t outline_count, outline_cap;

    /* Scratch buffers reused by paragraphs. */
    struct rp_atoms atoms;
    struct rp_lines lines;

    /* The vertical space between blocks is the theme's times this: 1, or less in a chapter
     * tightened so that its last lines do not stand alone on a page (see section()). */
    double squeeze;
    /* Structure (layout_tags.c): the elements so far, the one that items go to (0: they are
     * artifacts of kind `artifact`), the counter of reading order, the element a list's
     * bullet or a note's mark goes to, the depth of the current heading, notes numbered. */
    struct rp_struct_elem *elems;
    size_t elem_count, elem_cap;
    uint32_t elem;
    enum rp_artifact artifact;
    uint32_t seq;
    uint32_t label_elem;
    int heading_depth;
    unsigned note_count;

    /* A trial layout of one chapter (layout_blocks.c): pages are counted, not emitted, and
     * headings are not recorded for the contents and the bookmarks. */
    bool trial;
    /* In a trial measuring the start of a table (layout_keep.c): the rows set, 0 for all. */
    size_t row_limit;
    bool measuring; /* such a trial: blocks do not measure what they keep together */
    /* A landscape table waiting for the portrait page to fill (layout_float.c), where its
     * elements go, and the heading depth there; `flushing` while it is being set. */
    const struct rp_node *floating;
    uint32_t float_elem;
    enum rp_artifact float_artifact;
    int float_depth;
    bool flushing;
    /* The least indent of a note's text: the widest mark of the table whose notes are set. */
    double note_indent;
    /* Where the block after the one being laid out is (layout_keep.c). */
    const struct rp_flow_next *next;

    /* The page structure shared with the other language editions (layout_edition.c): the
     * plan the document carries; the parts and tables so far (the pages are `pages`); where
     * each page's content ended; the current part's first page, the run of its current
     * page, and per run the share of the content box its pages leave empty at their foot. */
    const struct rp_page_plan *plan;
    struct rp_page_shape shape;
    size_t part_cap, table_cap;
    double *ends;
    size_t ends_cap;
    size_t part_first, run;
    const double *shorten;
    size_t shorten_count;
};

/* The space of `gap` points between blocks, as tightened in this chapter. */
static inline double rp_flow_gap(const struct rp_flow *f, double gap)
{
    return gap * f->squeeze;
}

/* ---- structure (layout_tags.c) */
/* Where items go: saved before tagging a part, restored after it. */
struct rp_tagging {
    uint32_t elem;
    enum rp_artifact artifact;
};
/* Adds an element of `type` under `parent` (reading order: now) and returns its number;
 * items still go where they went. */
uint32_t rp_flow_elem(struct rp_flow *f, uint32_t parent, enum rp_struct_type type);
/* Adds an element of `type` under the current one and sends items to it; returns where
 * they went before, for rp_flow_untag(). */
struct rp_tagging rp_flow_tag(struct rp_flow *f, enum rp_struct_type type);
/* Sends items to element `elem` (0: artifacts of the current kind). */
struct rp_tagging rp_flow_enter(struct rp_flow *f, uint32_t elem);
/* Makes items artifacts of `kind`. */
struct rp_tagging rp_flow_artifact(struct rp_flow *f, enum rp_artifact kind);
void rp_flow_untag(struct rp_flow *f, struct rp_tagging saved);
/* Element `elem`, to set its attributes; valid until the next element is added. */
struct rp_struct_elem *rp_flow_elem_at(struct rp_flow *f, uint32_t elem);
/* The heading type for the next heading one level down (H1..H6). */
enum rp_struct_type rp_flow_heading_type(const struct rp_flow *f);

/* ---- items (layout_page.c) */
struct rp_item *rp_flow_item(struct rp_flow *f, enum rp_item_kind kind);
void rp_flow_text(struct rp_flow *f, double x, double y, enum rp_face face, double size,
                  struct rp_rgb color, const char *text, size_t len);
void rp_flow_rect(struct rp_flow *f, double x, double y, double w, double h, struct rp_rgb color);
/* A straight line from (x1, y1) to (x2, y2), `width` points thick; hline for a horizontal one. */
void rp_flow_line(struct rp_flow *f, double x1, double y1, double x2, double y2, double width,
                  struct rp_rgb color);
void rp_flow_hline(struct rp_flow *f, double x1, double x2, double y, double width,
                   struct rp_rgb color);
/* A copy of `len` bytes of `s` (NUL-terminated) that lives as long as the current page. */
const char *rp_flow_str(struct rp_flow *f, const char *s, size_t len);

/* ---- flows (layout_page.c) */
/* Starts an empty flow of `doc` into `sink`: no page open yet. */
void rp_flow_init(struct rp_flow *f, const struct rp_doc *doc, const struct rp_layout_env *env,
                  const struct rp_layout_sink *sink);
/* Frees the flow's own buffers (not the outline, which is in env->arena). */
void rp_flow_release(struct rp_flow *f);

/* ---- pages (layout_page.c) */
/* Ends the current page (if any) and opens one of `kind` and orientation. */
void rp_flow_new_page(struct rp_flow *f, enum rp_page_kind kind, bool landscape);
/* Makes sure `h` points fit below the cursor on a page of the wanted kind, starting a new
 * page if needed (never twice in a row: an empty page takes whatever comes). */
void rp_flow_need(struct rp_flow *f, double h);
/* Emits the last page and the overlays. */
void rp_flow_close(struct rp_flow *f, struct rp_layout_result *result);

/* ---- text (layout_page.c) */
/* Draws line `ln` of `atoms` with its left edge at x and baseline y in a box `w` wide. */
void rp_flow_draw_line(struct rp_flow *f, const struct rp_atoms *atoms, const struct rp_line *ln,
                       double x, double y, double w, enum rp_text_align align, struct rp_rgb color);
/* Breaks plain `text` into f->lines (f->atoms), never hyphenating, and returns the line
 * count. */
size_t rp_flow_break_text(struct rp_flow *f, const char *text, enum rp_face face, double size,
                          double width);
/* Sets the language of every atom in f->atoms (a label broken by rp_flow_break_text). */
void rp_flow_atoms_lang(struct rp_flow *f, const char *lang);
/* Whether this edition marks text of `kind` in `lang` when drawing it: a review edition
 * marks placeholders and text in another language than the document's. */
bool rp_flow_marks(const struct rp_flow *f, enum rp_span_kind kind, const char *lang);

/* ---- measure bars (layout_bar.c) */
/* Draws measure bar `bar` for text at `size`, its left edge at x, resting on baseline `base`
 * (an artifact: the text beside it states its figure). */
void rp_flow_bar(struct rp_flow *f, double x, double base, double size,
                 const struct rp_doc_bar *bar);

/* ---- blocks (layout_blocks.c, layout_table.c, layout_chart.c) */
void rp_flow_cover(struct rp_flow *f);
void rp_flow_toc(struct rp_flow *f);
void rp_flow_nodes(struct rp_flow *f, const struct rp_nodes *nodes);
/* The fewest body rows a table part may hold when a table is split over pages. */
#define RP_TABLE_MIN_PART 3
void rp_flow_table(struct rp_flow *f, const struct rp_node *node);
/* Whether the table goes on landscape pages (too wide for portrait). */
bool rp_flow_table_landscape(struct rp_flow *f, const struct rp_node *node);
void rp_flow_chart(struct rp_flow *f, const struct rp_node *node);
/* The alternative text of chart `c` (chart.h), in the layout's arena. */
const char *rp_chart_alt(struct rp_flow *f, const struct rp_doc_chart *c);
/* A timeline chart (layout_timeline.c), called by rp_flow_chart. */
void rp_flow_timeline(struct rp_flow *f, const struct rp_doc_chart *c);

/* ---- floats (layout_float.c) */
/* Defers landscape table `node` until the portrait page it comes on is full (or its
 * chapter ends) when that page already holds something and more of the chapter follows;
 * returns whether it did (the caller then sets nothing). */
bool rp_flow_float(struct rp_flow *f, const struct rp_node *node);
/* Sets the deferred table, if any, on pages of its own after the current one: called as a
 * page ends (rp_flow_new_page), at the end of a chapter and of the document. */
void rp_flow_float_flush(struct rp_flow *f);
/* Whether `chapter` (a level-1 section starting a page) ends with a landscape table after
 * a portrait start so short that it is better set on the table's landscape page. */
bool rp_flow_chapter_landscape(struct rp_flow *f, const struct rp_node *chapter);

/* ---- keeping together (layout_keep.c) */
/* The height of the start of `node` that must stay on the page of a heading or caption
 * set just before it: two lines of a paragraph (all of one of three lines or fewer, which
 * never splits), the first item of a list likewise, a table's caption, header and first
 * RP_TABLE_MIN_PART rows (all of a table too short to split), a whole chart or block of
 * key figures, and for a section its heading and the start of its own first block. */
double rp_flow_keep_height(struct rp_flow *f, const struct rp_node *node);
/* The same for the block at `at` and, if it is an empty section, what follows it up to
 * the next block with content; 0 at the end of the document or before a chapter that
 * starts a page of its own. */
double rp_flow_keep_from(struct rp_flow *f, const struct rp_flow_next *at);
/* The height `node` takes set alone from the top of a fresh page of the kind the flow
 * wants (tables: their first `rows` rows, 0 for all), at most a page, the space after it
 * left out. Measured by a trial layout (f->measuring), which keeps nothing together. */
double rp_flow_trial_height(const struct rp_flow *f, const struct rp_node *node, size_t rows);
/* The height of a section's heading as section() sets it at the current width, the space
 * before it included (`first`: it opens the page, no space before). */
double rp_flow_heading_height(struct rp_flow *f, const struct rp_node *node, bool first);
/* ---- language editions (layout_edition.c) */
/* A part begins: the contents (node NULL) or a chapter (its level-1 section), before its
 * first page opens. When the document's plan stretches it, finds by trials how much to
 * shorten its pages and sets f->squeeze; returns whether it did (the caller then leaves the
 * squeeze alone). */
bool rp_flow_part_begin(struct rp_flow *f, const struct rp_node *node);
/* In rp_flow_new_page: the page being left ends at the cursor (before the page closes), then
 * the new page (once set up) gets its run and, in a stretched part, a higher foot. */
void rp_flow_page_ending(struct rp_flow *f);
void rp_flow_page_begun(struct rp_flow *f);
/* Whether the document's plan sets table `node` landscape. */
bool rp_flow_table_turned(const struct rp_flow *f, const struct rp_node *node);
/* Notes the orientation table `node` is laid out in, for the shape. */
void rp_flow_table_laid(struct rp_flow *f, const struct rp_node *node, bool landscape);
/* Hands the shape to `result` (rp_flow_close), or frees it (rp_flow_release). */
void rp_flow_shape_close(struct rp_flow *f, struct rp_layout_result *result);
void rp_flow_shape_release(struct rp_flow *f);

/* ---- chart pieces shared by the chart layouts (layout_chart.c) */
#define RP_CHART_LABEL_SIZE 6.8
#define RP_CHART_AXIS_SIZE 7.0
/* Text with its baseline at `base`, starting at, centred on or ending at x. */
void rp_chart_text(struct rp_flow *f, double x, double base, enum rp_face face, double size,
                   struct rp_rgb color, const char *s, enum rp_text_align align);
/* The chart's title above it at f->y; returns its height, drawing it only when `draw`. */
double rp_chart_title(struct rp_flow *f, const struct rp_doc_chart *c, bool draw);
/* Swatch and name per series of `c`, flowing left to right from `top`; a name too long for
 * one line wraps onto more, never cut. Returns the height, drawing only when `draw`. */
double rp_chart_legend(struct rp_flow *f, const struct rp_doc_chart *c, bool draw, double top);
/* The language of category i's name (NULL: the document's). */
const char *rp_chart_category_lang(const struct rp_doc_chart *c, size_t i);
/* Appends to segs[n...] the Bézier pieces of an arc of radius r around (cx, cy), from angle
 * a0 to a1 (radians, clockwise from twelve o'clock); returns the new count (at most n + 4
 * for a full turn). */
size_t rp_chart_arc(struct rp_seg *segs, size_t n, double cx, double cy, double r, double a0,
                    double a1);
/* A note in small type with its mark hanging in the margin (table notes). */
void rp_flow_note(struct rp_flow *f, const struct rp_doc_note *n);
/* The indent of note n's text (its mark hangs left of it), at least f->note_indent. */
double rp_flow_note_indent(struct rp_flow *f, const struct rp_doc_note *n);
/* The height rp_flow_note would take at the current width, drawing nothing. */
double rp_flow_note_height(struct rp_flow *f, const struct rp_doc_note *n);

#endif
