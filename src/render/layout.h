/* The layout engine: from the document tree to positioned pages.
 *
 * Layout knows fonts only through rp_metrics and output only through display lists of
 * pages (rp_page) handed to a sink, so it never touches the PDF library. Coordinates are
 * points from the top-left corner of the page, y growing downwards; a text item's y is its
 * baseline.
 *
 * Pages are emitted in order as soon as they are full, then once more each with an overlay
 * (page numbers "N / M", table-of-contents numbers and links) once the page count is known.
 * Only the page being filled is held in memory. */
#ifndef RP_LAYOUT_H
#define RP_LAYOUT_H

#include "doc/doc.h"
#include "render/metrics.h"
#include "templates/theme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rp_arena;
struct rp_hyphenator;
struct rp_page_shape;

/* ---------------------------------------------------------------- structure */

/* The logical structure of the laid-out document, for tagged output: standard structure
 * types (PDF 1.7, 14.8.4), chosen by the layout, which knows what it draws (a heading's
 * depth, a table's header cells, a chart's figures). */
enum rp_struct_type {
    RP_ST_NONE, /* index 0 of the element array: no element (an artifact) */
    RP_ST_DOCUMENT,
    RP_ST_SECT,
    RP_ST_DIV,
    RP_ST_H1,
    RP_ST_H2,
    RP_ST_H3,
    RP_ST_H4,
    RP_ST_H5,
    RP_ST_H6,
    RP_ST_P,
    RP_ST_L,
    RP_ST_LI,
    RP_ST_LBL,
    RP_ST_LBODY,
    RP_ST_TABLE,
    RP_ST_THEAD,
    RP_ST_TBODY,
    RP_ST_TR,
    RP_ST_TH,
    RP_ST_TD,
    RP_ST_CAPTION,
    RP_ST_FIGURE,
    RP_ST_NOTE,
    RP_ST_TOC,
    RP_ST_TOCI,
    RP_ST_REFERENCE,
    RP_ST_LINK,
    RP_ST_SPAN,
    RP_ST__MAX
};

/* "Document", "Sect", "H1", ... (NULL for RP_ST_NONE). */
const char *rp_struct_type_name(enum rp_struct_type type);

/* Whom a header cell heads. */
enum rp_scope { RP_SCOPE_NONE, RP_SCOPE_ROW, RP_SCOPE_COLUMN };

/* What an item that belongs to no element is (PDF 1.7, 14.8.2.2): a running header or
 * footer, a watermark (the sample and draft marks), the repetition of a table's caption and
 * header on the pages it continues on, or layout (rules, fills, bullets' boxes). */
enum rp_artifact {
    RP_ART_LAYOUT,
    RP_ART_HEADER,
    RP_ART_FOOTER,
    RP_ART_WATERMARK,
    RP_ART_PAGINATION
};

/* One element. Elements are numbered from 1 (the Document) in the order the layout creates
 * them, which is reading order; `seq` places an element among the content and the other
 * elements of its parent (see struct rp_item). Strings live in the layout's arena. */
struct rp_struct_elem {
    enum rp_struct_type type;
    uint32_t parent; /* 0 for the Document */
    uint32_t seq;
    enum rp_scope scope; /* TH */
    uint32_t col_span;   /* TH, TD: columns covered when more than one */
    const char *alt;     /* Figure: its alternative text; Link: a description */
    const char *lang;    /* a language code other than the document's, or NULL */
    const char *id;      /* Note: an identifier unique in the document */
};

/* ---------------------------------------------------------------- display list */

enum rp_item_kind {
    RP_ITEM_TEXT,
    RP_ITEM_RECT,
    RP_ITEM_LINE,
    RP_ITEM_PATH,
    RP_ITEM_LINK,
    RP_ITEM_IMAGE,
    RP_ITEM__MAX
};

enum rp_seg_kind { RP_SEG_MOVE, RP_SEG_LINE, RP_SEG_CURVE, RP_SEG_CLOSE };

/* A path segment; a curve uses (x1,y1) (x2,y2) as control points and (x,y) as its end. */
struct rp_seg {
    enum rp_seg_kind kind;
    float x1, y1, x2, y2, x, y;
};

struct rp_item {
    enum rp_item_kind kind;
    float x, y, w, h;    /* TEXT: origin on the baseline; RECT, LINK, IMAGE: box (y at its top);
                            LINE: (x,y) to (x+w,y+h) */
    struct rp_rgb color; /* text or fill colour; stroke colour of a LINE */
    float line_width;    /* LINE; the outline of a PATH when > 0 */
    float dash;          /* LINE: dash length (0 = solid) */
    float size, angle;   /* TEXT: size in points, rotation in degrees */
    float alpha;         /* TEXT: between 0 and 1, the glyphs are see-through at that opacity,
                            a decoration that text extraction skips (the sample and draft
                            marks); 0, as items are made, means opaque */
    enum rp_face face;   /* TEXT */
    const char *text;    /* TEXT: UTF-8 bytes (not NUL-terminated); LINK: URI or NULL;
                            IMAGE: the file, fitted into the box keeping its proportions */
    uint32_t len;        /* TEXT: bytes */
    long target_page;    /* LINK without URI: the page it goes to */
    float target_y;      /* LINK: the top of the target on that page */
    const struct rp_seg *segs; /* PATH: filled with `color`, outlined in white when
                                  line_width > 0 (to part adjacent chart segments) */
    size_t seg_count;
    /* Structure: the element whose content the item is (0: an artifact of kind `artifact`),
     * and its place in reading order, counted with the elements' `seq`. RECT and LINE items
     * are artifacts (rules, fills) except inside a Figure. A LINK item's element is the Link
     * that its annotation belongs to. */
    uint32_t elem, seq;
    enum rp_artifact artifact;
    /* RECT, LINE: part of the drawing of this measure bar (layout_bar.c), which the layout
     * record lists apart from the rules and fills; NULL otherwise. */
    const struct rp_doc_bar *bar;
};

enum rp_page_kind { RP_PAGE_COVER, RP_PAGE_FRONT, RP_PAGE_BODY };

struct rp_page {
    size_t index; /* 0-based physical page number */
    enum rp_page_kind kind;
    double width, height;
    const struct rp_item *items;
    size_t count;
    const struct rp_struct_elem *elems; /* the elements so far, which the items name */
};

/* Where pages go. `page` is called once per page in order with `overlay` false, then once
 * per page with `overlay` true. A non-zero return stops the layout, which returns it. */
struct rp_layout_sink {
    void *ctx;
    int (*page)(void *ctx, const struct rp_page *page, bool overlay);
};

/* A heading as a bookmark: level 1.., its title (UTF-8, in the layout's arena), where it is. */
struct rp_outline_entry {
    int level;
    const char *title;
    size_t page;
    double y;
};

struct rp_layout_result {
    size_t page_count;
    size_t front_count; /* pages before the body (cover, contents): labelled i, ii, ... */
    struct rp_outline_entry *outline; /* in the layout's arena */
    size_t outline_count;
    struct rp_struct_elem *elems; /* [1, elem_count): see rp_layout_result_free() */
    size_t elem_count;
    struct rp_page_shape *shape; /* the page structure (render/page_plan.h); on the heap */
};

/* The hyphenator of the language `lang` ("fr"), or NULL for none. */
typedef const struct rp_hyphenator *rp_hyphenator_fn(void *ctx, const char *lang);

/* Everything the layout needs besides the document.
 *
 * Hyphenation goes by the language of the text: `hyphenator` serves text in the document's
 * language, `hyphenator_of` text in another one (a span's `lang`). Without hyphenator_of,
 * text in another language is never hyphenated: another language's patterns break words
 * wrongly ("situati-ons" for the French "situations" under Dutch rules). */
struct rp_layout_env {
    const struct rp_theme *theme;
    const struct rp_metrics *metrics;
    const struct rp_hyphenator *hyphenator; /* optional */
    struct rp_arena *arena;                 /* strings that outlive a page (outline, hyphens) */
    rp_hyphenator_fn *hyphenator_of;        /* optional */
    void *hyphenator_ctx;
    /* The tables' measures (table_width.h), kept for the layout: set by
     * rp_layout_document() when NULL. */
    struct rp_table_memo *tables;
};

/* `env` without hyphenation, in any language: display text (headings, labels, cells). */
struct rp_layout_env rp_env_plain(const struct rp_layout_env *env);

/* The hyphenator for text in `lang` (NULL: the document's language), or NULL. */
const struct rp_hyphenator *rp_env_hyphenator(const struct rp_layout_env *env, const char *lang);

/* Frees what `result` holds on the heap (its elements, its shape). */
void rp_layout_result_free(struct rp_layout_result *result);

/* Lays `doc` out page by page into `sink`. Returns 0, or the sink's non-zero result; either
 * way, `result` is filled and must be freed with rp_layout_result_free(). */
int rp_layout_document(const struct rp_doc *doc, const struct rp_layout_env *env,
                       const struct rp_layout_sink *sink, struct rp_layout_result *result);

struct rp_diags;

/* Lays `doc` out exactly as the PDF backend does (the theme's fonts as the PDF library
 * measures them, the same hyphenation), its pages going to `sink`: what a sink records is
 * what the PDF draws. Implemented in pdf.c, which owns the fonts. `measured`, when not NULL,
 * points at the metrics while the layout runs (for a sink that measures the text it gets),
 * then at NULL. Strings of `res` live in `arena`. Returns 0, or -1 with the reasons in
 * `diags`; either way `res` must be freed with rp_layout_result_free(). */
int rp_layout_as_pdf(const struct rp_doc *doc, const struct rp_theme *theme, struct rp_arena *arena,
                     const struct rp_layout_sink *sink, const struct rp_metrics **measured,
                     struct rp_layout_result *res, const char *path, struct rp_diags *diags);

/* Lays out each of the `n` documents `docs` as rp_layout_as_pdf() would, the pages of
 * docs[i] going to sinks[i], into res[0..n): one setup of the fonts for all, for a caller that
 * compares layouts. Returns 0, or -1 with the reasons in `diags` (the documents after the
 * failing one are not laid out); either way every res[i] must be freed with
 * rp_layout_result_free(). Implemented in pdf.c. */
int rp_layout_each_as_pdf(const struct rp_doc *const *docs, size_t n, const struct rp_theme *theme,
                          struct rp_arena *arena, const struct rp_layout_sink *sinks,
                          struct rp_layout_result *res, const char *path, struct rp_diags *diags);

/* ---------------------------------------------------------------- line breaking */

/* How an atom ends. */
enum rp_break { RP_BRK_NONE, RP_BRK_SPACE, RP_BRK_AFTER, RP_BRK_NEWLINE };

/* Atom: a piece of text that is never broken inside (except by hyphenation), with the
 * break opportunity after it. `space` is the width of the space after a RP_BRK_SPACE atom,
 * dropped at the end of a line, or of the hyphen a soft hyphen's atom (rp_atom_soft) shows
 * when a line breaks after it. `lang`: its span's (NULL: the document's language), which
 * decides how it is hyphenated. */
struct rp_atom {
    const char *text;
    uint32_t len;
    float width, space, size, rise;
    enum rp_face face;
    enum rp_break brk;
    enum rp_span_kind kind;
    const char *href;
    const char *lang;
    const struct rp_doc_bar *bar; /* a measure bar's atom: no text, the bar's width */
};

struct rp_atoms {
    struct rp_atom *items; /* heap-owned: rp_atoms_free() */
    size_t count, cap;
};

/* A line: atoms [first, end), natural width, number of stretchable spaces inside. The
 * last atom of a hyphenated line carries its hyphen in its text. */
struct rp_line {
    size_t first, end;
    float width;
    unsigned glues;
    bool last; /* the paragraph's last line, or a line ended by a newline: never justified */
};

struct rp_lines {
    struct rp_line *items; /* heap-owned: rp_lines_free() */
    size_t count, cap;
    /* The atoms and characters the last rp_break_lines() went through: its cost, which
     * tests check grows linearly with the text. */
    size_t work;
};

void rp_atoms_free(struct rp_atoms *atoms);
void rp_lines_free(struct rp_lines *lines);

/* Appends the atoms of `text` set in `face` at `size`, with a span's kind and style.
 * Breaks where Unicode's line breaking algorithm (UAX #14) allows: after spaces, after
 * hyphens and dashes before a word ("e-|premier", "2022–|2023", but not "2022-2023", whose
 * hyphen could read as a minus), after a slash before a word ("a/|b"), after a soft hyphen
 * (U+00AD) or a zero-width space (U+200B); never at a no-break space (U+00A0, U+202F), a
 * joiner (U+200D, U+2060), U+2011, nor around an apostrophe ("l’administration"). A newline, a
 * line separator (U+2028) or a paragraph separator (U+2029) forces a break and is no text of
 * the atoms. */
void rp_atoms_add_text(struct rp_atoms *atoms, const struct rp_metrics *m, const char *text,
                       size_t len, enum rp_face face, double size, enum rp_span_kind kind,
                       const char *href);

/* The atoms of texts cut already, by their bytes, face, size, kind and link (layout_memo.c):
 * a text is cut once per metrics, however often it is laid out. */
struct rp_atoms_memo;
struct rp_atoms_memo *rp_atoms_memo_new(void);
void rp_atoms_memo_free(struct rp_atoms_memo *memo);

/* Appends the atoms of `text` as the memo has them, if it has them. The text must not start
 * with a space (which would end the atom before it). */
bool rp_atoms_memo_replay(struct rp_atoms_memo *memo, struct rp_atoms *atoms, const char *text,
                          size_t len, enum rp_face face, double size, enum rp_span_kind kind,
                          const char *href);

/* Keeps the `count` atoms `made` of `text` (into which their text points). */
void rp_atoms_memo_store(struct rp_atoms_memo *memo, const struct rp_atom *made, size_t count,
                         const char *text, size_t len, enum rp_face face, double size,
                         enum rp_span_kind kind, const char *href);

/* Whether atom `a` ends with a soft hyphen where a line may break: such a line ends with
 * a hyphen (the soft hyphen drawn as "-", `a->space` wide), which is drawn nowhere else. */
bool rp_atom_soft(const struct rp_atom *a);

/* Characters drawn as nothing: the soft hyphen, zero-width spaces and joiners, the byte
 * order mark. The shaper leaves them out (render/shape.c). */
bool rp_is_invisible(uint32_t cp);

/* Appends the atom of measure bar `bar` drawn before text at `size`: no text, the bar's
 * width and the gap after it, glued to the word that follows (the figure that states it). */
void rp_atoms_add_bar(struct rp_atoms *atoms, const struct rp_doc_bar *bar, double size);

/* The width of a measure bar before text at `size`, and of the gap between them. */
#define RP_BAR_EMS 4.0
#define RP_BAR_GAP_EMS 0.35

/* Appends the atoms of every span, each in `base` plus its style (strong: bold, em:
 * italic, sup: smaller and raised) and with its language, a span's bar before its text. A
 * placeholder is set in its span's style like any text, so that both editions break their lines
 * alike; only a review edition marks it, when drawn. */
void rp_atoms_add_spans(struct rp_atoms *atoms, const struct rp_metrics *m,
                        const struct rp_spans *spans, enum rp_face base, double size);

/* Whether no line may break between atom `a` and the `next` one: they are one word
 * (RP_BRK_NONE), or `next` begins with closing punctuation ("»", ")", ";", "…") or `a` ends
 * with an opening one ("«", "("), even where a space parts them. */
bool rp_atoms_joined(const struct rp_atom *a, const struct rp_atom *next);

/* Breaks `atoms` into lines no wider than `width` (first-fit). A word that does not fit is
 * hyphenated when the hyphenator of its language knows it (rp_env_hyphenator; placeholders
 * and links never are; the split atom is inserted into `atoms`, its
 * hyphenated half allocated in env->arena); a word wider than a whole line is cut between
 * characters. No line starts with closing punctuation nor ends with opening punctuation
 * (rp_atoms_joined). A split may move atoms->items. Replaces the contents of `lines`; returns the
 * number of lines. Linear in the text, whatever the length of its words. */
size_t rp_break_lines(struct rp_atoms *atoms, double width, const struct rp_layout_env *env,
                      struct rp_lines *lines);

/* Widest single atom chain (the narrowest a column can be without cutting a word). */
double rp_atoms_min_width(const struct rp_atoms *atoms);

/* Width of all atoms on one line. */
double rp_atoms_max_width(const struct rp_atoms *atoms);

/* ---------------------------------------------------------------- table columns */

/* Natural widths of a table's columns at `size` points and the widths they get within
 * `avail` points (see render/table_width.h for the rules). `min` keeps a date whole,
 * `min_broken` lets it break between day, month and year. For DECIMAL columns
 * int_width/frac_width are the widest parts of the values before and from the decimal
 * separator (`sep`). */
struct rp_column_plan {
    double min, min_broken, max, width;
    double int_width, frac_width;
};

/* Measures every cell of `table` and fills `plan` (column_count entries). `padding` is the
 * horizontal padding of one side of a cell. Returns the total minimum width. */
double rp_table_measure(const struct rp_doc_table *table, const struct rp_metrics *m, double size,
                        double padding, char sep, struct rp_column_plan *plan);

/* Distributes `avail` points over the columns measured by rp_table_measure(), as CSS
 * automatic table layout does (render/table_width.h). */
void rp_table_fit(const struct rp_doc_table *table, struct rp_column_plan *plan, double avail);

/* Table conventions shared by measuring and drawing: the face of a row kind (bold group,
 * subtotal and total rows, italic of-which rows), whether a group row's label runs across
 * the table (it has no other cell), the indent of an of-which label, the size of a cell's
 * detail line relative to the table's type. */
#define RP_TABLE_INDENT 11.0
#define RP_TABLE_DETAIL_SCALE 0.82
enum rp_face rp_row_face(enum rp_doc_row_kind kind);
bool rp_row_label_spans(const struct rp_doc_table *table, const struct rp_doc_row *row);
double rp_row_indent(const struct rp_doc_row *row, size_t col);

/* The byte offset of the decimal separator `sep` in a formatted number (the last `sep`
 * followed by a digit), or `len` when there is none. */
size_t rp_decimal_split(const char *text, size_t len, char sep);

#endif
