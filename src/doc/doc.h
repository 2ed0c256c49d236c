/* The document tree: what builders produce and backends consume.
 *
 * A small, generic tree (sections, paragraphs of styled spans, lists, tables, key figures,
 * charts, notes, page breaks, a table-of-contents placeholder). It knows nothing about
 * plans, budgets or PDF. Every node carries its role so that a tagged-PDF backend can map it
 * onto the standard structure types.
 *
 * Ownership: every node, array and string reachable from an rp_doc belongs to the arena
 * given to rp_doc_new() and dies with it. Strings given to the rp_doc_* functions are
 * copied into that arena, so callers may pass temporary buffers.
 *
 * Arrays are counted and grow inside the arena; pointers to nodes (struct rp_node *) stay
 * valid while the tree grows, pointers into arrays of rows, cells or spans do not. */
#ifndef RP_DOC_H
#define RP_DOC_H

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;
struct rp_page_plan;

/* ---------------------------------------------------------------- roles */

/* Standard structure types (PDF 1.7, 14.8.4), used by tagged output. */
enum rp_role {
    RP_ROLE_DOCUMENT,
    RP_ROLE_SECT,
    RP_ROLE_H,
    RP_ROLE_P,
    RP_ROLE_L,
    RP_ROLE_LI,
    RP_ROLE_TABLE,
    RP_ROLE_THEAD,
    RP_ROLE_TBODY,
    RP_ROLE_TR,
    RP_ROLE_TH,
    RP_ROLE_TD,
    RP_ROLE_CAPTION,
    RP_ROLE_FIGURE,
    RP_ROLE_NOTE,
    RP_ROLE_TOC,
    RP_ROLE_ARTIFACT,
    RP_ROLE__MAX
};

/* "Document", "Sect", "H", "P", ... */
const char *rp_role_name(enum rp_role role);

/* ---------------------------------------------------------------- inline text */

enum rp_span_kind { RP_SPAN_TEXT, RP_SPAN_LINK, RP_SPAN_PLACEHOLDER, RP_SPAN__MAX };

/* Style bits of a span; they combine (emphasis inside strong). */
enum { RP_SPAN_EM = 1, RP_SPAN_STRONG = 2, RP_SPAN_SUP = 4 };

/* A measure bar: `value` out of `max` (a share of a whole: a progress of 45 out of 100),
 * drawn as the filled part of an outlined bar in the theme's colours. A bar never carries a
 * figure alone: the text it comes with (its span's or its cell's) states the figure in words,
 * so that backends draw the bar as decoration that a screen reader skips. */
struct rp_doc_bar {
    double value, max;
};

/* The bar's filled share, 0 .. 1 (0 when `max` is not positive). */
double rp_doc_bar_share(const struct rp_doc_bar *bar);

/* A run of text in one style. A placeholder is wording the source left unresolved
 * ("XX jours"): a review edition shows it so that nobody mistakes it for final text.
 *
 * Languages: model text the edition lacks is shown in the source's language (a fallback).
 * Such text carries its language code (`lang`, "fr"), so that backends hyphenate it by its
 * own rules and a review edition can point it out; NULL is the document's language. Set it
 * through rp_doc_lang(), which gives NULL for the document's own language. */
struct rp_span {
    enum rp_span_kind kind;
    unsigned style;
    const char *text;
    const char *href;             /* RP_SPAN_LINK only */
    const char *lang;             /* NULL: the document's language */
    const struct rp_doc_bar *bar; /* optional: a bar drawn before the text, which states it */
};

struct rp_spans {
    struct rp_span *items;
    size_t count, cap;
};

/* ---------------------------------------------------------------- tables */

/* Horizontal alignment of a column. DECIMAL right-aligns numbers so that their decimal
 * commas line up, whatever the number of decimals. */
enum rp_align { RP_ALIGN_LEFT, RP_ALIGN_CENTER, RP_ALIGN_RIGHT, RP_ALIGN_DECIMAL, RP_ALIGN__MAX };

/* Kinds of body rows: a group heads the rows after it; subtotal and total rows are set
 * apart; of-which rows detail the row above them and are indented. */
enum rp_doc_row_kind {
    RP_DOC_ROW_LINE,
    RP_DOC_ROW_GROUP,
    RP_DOC_ROW_SUBTOTAL,
    RP_DOC_ROW_TOTAL,
    RP_DOC_ROW_OF_WHICH,
    RP_DOC_ROW__MAX
};

/* Cell flags. DIFFERS: a stated figure that differs from the computed one; the cell's
 * `detail` then says so in words. COMPUTED: a figure rapport computed (not in the source).
 * GOOD, WARN, BAD: a status the cell also states in words, shown in the theme's status
 * colours (colour never carries the meaning alone). TYPESET: the text already follows the
 * typography of each of its parts (a label of the edition's language before a text of the
 * cell's), which the typography pass, reading one language per cell, leaves alone. LABEL: a
 * short term of the edition's vocabulary (a progress or status word, "Dans les temps"), kept
 * on one line where its column allows, like a date. */
enum {
    RP_CELL_DIFFERS = 1,
    RP_CELL_COMPUTED = 2,
    RP_CELL_PLACEHOLDER = 4,
    RP_CELL_GOOD = 8,
    RP_CELL_WARN = 16,
    RP_CELL_BAD = 32,
    RP_CELL_TYPESET = 64,
    RP_CELL_LABEL = 128
};

struct rp_doc_column {
    enum rp_align align;
    bool is_header; /* a row-header column (the row labels): TH rather than TD */
};

struct rp_doc_hcell {
    const char *text; /* may be "" */
    size_t span;      /* columns covered, >= 1 */
    enum rp_align align;
    const char *lang; /* of `text`; NULL: the document's language */
};

struct rp_doc_header_row {
    struct rp_doc_hcell *cells;
    size_t count, cap;
};

struct rp_doc_cell {
    const char *text;   /* NULL or "" for an empty cell */
    const char *detail; /* optional second line in small type ("calculé : 132.981") */
    unsigned flags;     /* RP_CELL_* */
    const char *lang;   /* of `text` (the detail is the document's); NULL: the document's */
    /* Optional: a bar drawn before `text`, which states it (in a column that is not
     * RP_ALIGN_DECIMAL: a decimal column lines numbers up, it draws no bar). */
    const struct rp_doc_bar *bar;
};

struct rp_doc_row {
    enum rp_doc_row_kind kind;
    unsigned level;            /* indentation of the label: the depth of the row's tree */
    struct rp_doc_cell *cells; /* exactly column_count cells */
};

struct rp_doc_note {
    const char *mark; /* optional ("*", "1", "a") */
    struct rp_spans text;
};

struct rp_doc_table {
    struct rp_spans caption;
    const char *summary; /* optional: one sentence describing the table (accessibility) */
    struct rp_doc_column *columns;
    size_t column_count;
    struct rp_doc_header_row *header;
    size_t header_count, header_cap;
    struct rp_doc_row *rows;
    size_t row_count, row_cap;
    struct rp_doc_note *notes;
    size_t note_count, note_cap;
};

/* ---------------------------------------------------------------- figures and charts */

struct rp_doc_figure {
    const char *value; /* formatted in the edition's conventions */
    struct rp_spans label, comment;
};

struct rp_doc_key_figures {
    struct rp_spans title;
    struct rp_doc_figure *items;
    size_t count, cap;
};

enum rp_chart_kind {
    RP_CHART_BAR_GROUPED,
    RP_CHART_BAR_STACKED,
    RP_CHART_DONUT,
    RP_CHART_TIMELINE,
    RP_CHART__MAX
};

/* Colours a builder pins so that one meaning keeps one colour in every chart of every
 * document, whatever else the chart shows: an index into the theme's chart palette, its
 * series colours first (0 .. RP_THEME_SERIES - 1), then its status colours from
 * RP_DOC_COLOR_STATUS on. RP_DOC_COLOR_AUTO leaves the colour to the position, which shifts
 * as soon as a neighbour is missing; RP_DOC_COLOR_OTHERS is the neutral colour of a slice
 * that groups what is too small to draw alone. */
#define RP_DOC_COLOR_AUTO (-1)
#define RP_DOC_COLOR_OTHERS (-2)
#define RP_DOC_COLOR_STATUS 100

/* One series of values, one per category; present[i] false is a missing value. */
struct rp_doc_series {
    const char *name;
    double *values;
    bool *present;
    const char *lang; /* of `name`; NULL: the document's language */
    int color;        /* RP_DOC_COLOR_AUTO or a pinned palette index (see above) */
};

/* A chart. Values are plain numbers; backends format them with the document's language
 * and the chart's `decimals`, followed by `unit` when given (" k€", " %"). A donut uses
 * the first series only. A timeline places each category (an event) on a time axis at its
 * value, a day number (rp_days_from_date), in the one series that has it: series are the
 * kinds of event, told apart by colour and legend. */
struct rp_doc_chart {
    enum rp_chart_kind kind;
    struct rp_spans title;
    const char *description; /* alternative text */
    const char *unit;        /* optional suffix of value labels */
    int decimals;
    const char **categories;
    const char **category_langs; /* parallel to categories; NULL: the document's language */
    size_t category_count;
    struct rp_doc_series *series;
    size_t series_count;
    /* A donut's slices take their colour from their category, pinned here (parallel to
     * categories; RP_DOC_COLOR_AUTO: by position). */
    int *category_colors;
    /* The name of the slice that groups a donut's slices too thin to see ("Autres"); NULL
     * draws them thin. */
    const char *others;
    /* The total the source states, which a donut shows in its hole so that it agrees with
     * the table beside it; without one the hole shows the sum of the slices. */
    bool has_stated_total;
    double stated_total;
};

/* ---------------------------------------------------------------- nodes */

enum rp_node_kind {
    RP_NODE_SECTION,
    RP_NODE_PARAGRAPH,
    RP_NODE_LIST,
    RP_NODE_TABLE,
    RP_NODE_KEY_FIGURES,
    RP_NODE_CHART,
    RP_NODE_NOTE,
    RP_NODE_PAGE_BREAK,
    RP_NODE_TOC,
    RP_NODE__MAX
};

/* Paragraph styles: body text, a lead (introduction), small print, a remark set apart
 * (a boxed warning such as a stated total that does not add up). */
enum rp_para_style { RP_PARA_BODY, RP_PARA_LEAD, RP_PARA_SMALL, RP_PARA_REMARK, RP_PARA__MAX };

struct rp_node;

struct rp_nodes {
    struct rp_node **items;
    size_t count, cap;
};

struct rp_doc_section {
    int level;          /* 1 for a chapter, 2, 3 ... */
    const char *number; /* optional display number ("2.1") */
    struct rp_spans title;
    bool in_toc; /* listed in the table of contents and the bookmarks */
    struct rp_nodes children;
};

struct rp_doc_list {
    bool ordered;
    struct rp_spans *items;
    size_t count, cap;
};

struct rp_node {
    enum rp_node_kind kind;
    enum rp_role role;
    const char *id; /* optional anchor */
    union {
        struct rp_doc_section section;
        struct {
            enum rp_para_style style;
            struct rp_spans text;
        } paragraph;
        struct rp_doc_list list;
        struct rp_doc_table table;
        struct rp_doc_key_figures figures;
        struct rp_doc_chart chart;
        struct rp_doc_note note;
    } u;
};

/* The two editions of every document. PUBLICATION: what a reader should see, nothing about
 * the sources or the model. REVIEW: the same content with everything its authors need (the
 * diagnostics of the inputs, the totals audit, placeholders and fallback text highlighted)
 * and a draft mark on every page. */
enum rp_edition { RP_EDITION_PUBLICATION, RP_EDITION_REVIEW, RP_EDITION__MAX };

/* Fixed words the backends print; builders fill them in the edition's language. */
struct rp_doc_labels {
    const char *contents;  /* "Table des matières" */
    const char *continued; /* "(suite)" after a repeated table caption */
    const char *page;      /* "Page" in the footer "Page 3 / 12" */
    const char *sample;    /* "SPECIMEN" */
    const char *edition;   /* "Édition française" on the cover; optional */
    const char *draft;     /* "PROJET": set in a review edition, marked on every page */
};

/* The model texts the document shows, and how many of them in another language than the
 * edition's: a publication edition is complete only when `fallback` is 0. Builders count
 * every model text they show (a title, the paragraphs of a body, a table label) once, where
 * its language is chosen (compose/report_common.c). `partial`: fallbacks because the
 * edition's translation has fewer paragraphs than the source (the source is shown whole). */
struct rp_doc_coverage {
    size_t shown, fallback, partial;
};

struct rp_doc {
    struct rp_arena *arena;
    const char *title;
    const char *subtitle;          /* optional */
    const char *subtitle_lang;     /* NULL: the document's language (see struct rp_span) */
    const char *organisation;      /* the author */
    const char *organisation_lang; /* likewise */
    const char *subject;           /* optional */
    const char *keywords;          /* optional, comma-separated */
    const char *lang;              /* "fr", "nl", "en", "de" */
    int year, month, day; /* the document's date (never the clock); month/day 0 if absent */
    bool sample;          /* sample data: every page carries labels.sample */
    bool cover;           /* begin with a cover page */
    enum rp_edition edition;
    struct rp_doc_coverage coverage;
    struct rp_doc_labels labels;
    struct rp_nodes body;
    /* How a paged backend must lay the document out so that it shares the page structure of
     * the document's other language editions (render/page_plan.h); NULL: freely. Set by the
     * produce layer after building, never by a builder. */
    const struct rp_page_plan *page_plan;
};

/* ---------------------------------------------------------------- building */

/* A new empty document in `arena` (cover on, labels in English until set). */
struct rp_doc *rp_doc_new(struct rp_arena *arena);

/* A copy of `s` in the document's arena (NULL gives NULL). */
const char *rp_doc_str(struct rp_doc *doc, const char *s);

/* printf into the document's arena. */
const char *rp_doc_printf(struct rp_doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The language code `lang` as the document records it on text: NULL when `lang` is NULL,
 * empty or the document's own language (letter case and region aside: "FR-be" is "fr"), else
 * a copy that lives as long as the document. */
const char *rp_doc_lang(struct rp_doc *doc, const char *lang);

/* Whether text in `lang` (a span's, a cell's) is in another language than the document's. */
bool rp_doc_foreign(const struct rp_doc *doc, const char *lang);

/* Appends a span to `spans`; `href` is for links only. The span is in the document's
 * language until set otherwise (rp_spans_lang). */
void rp_spans_add(struct rp_doc *doc, struct rp_spans *spans, enum rp_span_kind kind,
                  unsigned style, const char *text, const char *href);

/* Appends a measure bar of `value` out of `max` followed by `label`, the text that states
 * its figure ("45 %"); a plain span in every other respect. */
void rp_spans_add_bar(struct rp_doc *doc, struct rp_spans *spans, double value, double max,
                      const char *label);

/* Sets the language of spans [from, count) of `spans` (see rp_doc_lang). */
void rp_spans_lang(struct rp_doc *doc, struct rp_spans *spans, size_t from, const char *lang);

/* Spans holding one plain text span (none when `text` is NULL or ""). */
struct rp_spans rp_spans_plain(struct rp_doc *doc, const char *text);

/* The spans' text concatenated, in the document's arena. */
const char *rp_spans_join(struct rp_doc *doc, const struct rp_spans *spans);

/* Appends a node of `kind` with its default role to `into` (the document body or a
 * section's children); the node is zeroed apart from kind and role. */
struct rp_node *rp_doc_add(struct rp_doc *doc, struct rp_nodes *into, enum rp_node_kind kind);

/* A section with a plain title; level is 1 + the depth of `into`'s section (1 in the
 * body), given by the caller. Returns the node; its children are u.section.children. */
struct rp_node *rp_doc_add_section(struct rp_doc *doc, struct rp_nodes *into, int level,
                                   const char *number, const char *title);

/* A paragraph of one plain span (more spans may be added to u.paragraph.text). */
struct rp_node *rp_doc_add_paragraph(struct rp_doc *doc, struct rp_nodes *into,
                                     enum rp_para_style style, const char *text);

/* A list; add items with rp_doc_list_add(). */
struct rp_node *rp_doc_add_list(struct rp_doc *doc, struct rp_nodes *into, bool ordered);

/* Appends an item of one plain span and returns its spans (for more spans). */
struct rp_spans *rp_doc_list_add(struct rp_doc *doc, struct rp_node *list, const char *text);

/* A table of `columns` columns, left-aligned until set with rp_doc_table_column(). */
struct rp_node *rp_doc_add_table(struct rp_doc *doc, struct rp_nodes *into, size_t columns,
                                 const char *caption);

void rp_doc_table_column(struct rp_node *table, size_t col, enum rp_align align, bool is_header);

/* Appends a header row; fill it with rp_doc_header_cell(). */
struct rp_doc_header_row *rp_doc_table_header_row(struct rp_doc *doc, struct rp_node *table);

/* Appends a header cell; returns it (valid until the row grows), e.g. to set its `lang`
 * with rp_doc_lang(). */
struct rp_doc_hcell *rp_doc_header_cell(struct rp_doc *doc, struct rp_doc_header_row *row,
                                        const char *text, size_t span, enum rp_align align);

/* Appends a body row of `kind` with column_count empty cells; returns its index. */
size_t rp_doc_table_row(struct rp_doc *doc, struct rp_node *table, enum rp_doc_row_kind kind);

/* Sets a cell of row `row` (text copied; detail optional). */
void rp_doc_table_cell(struct rp_doc *doc, struct rp_node *table, size_t row, size_t col,
                       const char *text, const char *detail, unsigned flags);

/* Draws a measure bar of `value` out of `max` before the text of cell (row, col), which
 * states its figure. */
void rp_doc_cell_bar(struct rp_doc *doc, struct rp_node *table, size_t row, size_t col,
                     double value, double max);

/* Sets the language of the text of cell (row, col) (see rp_doc_lang). */
void rp_doc_cell_lang(struct rp_doc *doc, struct rp_node *table, size_t row, size_t col,
                      const char *lang);

/* Appends a note under the table; returns its spans. */
struct rp_spans *rp_doc_table_note(struct rp_doc *doc, struct rp_node *table, const char *mark,
                                   const char *text);

/* Key figures; add figures with rp_doc_add_figure(). */
struct rp_node *rp_doc_add_key_figures(struct rp_doc *doc, struct rp_nodes *into,
                                       const char *title);

void rp_doc_add_figure(struct rp_doc *doc, struct rp_node *figures, const char *value,
                       const char *label, const char *comment);

/* A chart of `categories` categories and `series` series, values absent until set. */
struct rp_node *rp_doc_add_chart(struct rp_doc *doc, struct rp_nodes *into, enum rp_chart_kind kind,
                                 const char *title, size_t categories, size_t series);

void rp_doc_chart_category(struct rp_doc *doc, struct rp_node *chart, size_t i, const char *name);
void rp_doc_chart_series(struct rp_doc *doc, struct rp_node *chart, size_t s, const char *name);
void rp_doc_chart_value(struct rp_node *chart, size_t s, size_t i, double value);

/* Pins the colour of series `s` (bars, timelines) or of category `i` (donut slices) to
 * palette index `color` (see RP_DOC_COLOR_AUTO). */
void rp_doc_chart_series_color(struct rp_node *chart, size_t s, int color);
void rp_doc_chart_category_color(struct rp_node *chart, size_t i, int color);

/* The name of a donut's grouped small slices, and the total its source states. */
void rp_doc_chart_others(struct rp_doc *doc, struct rp_node *chart, const char *name);
void rp_doc_chart_stated_total(struct rp_node *chart, double total);

/* The language of a category's or a series' name (see rp_doc_lang). */
void rp_doc_chart_category_lang(struct rp_doc *doc, struct rp_node *chart, size_t i,
                                const char *lang);
void rp_doc_chart_series_lang(struct rp_doc *doc, struct rp_node *chart, size_t s,
                              const char *lang);

/* A note (remark or footnote) with an optional mark. */
struct rp_node *rp_doc_add_note(struct rp_doc *doc, struct rp_nodes *into, const char *mark,
                                const char *text);

/* Identical notes printed once (notes.c): within each table, and within each run of note
 * nodes, notes of the same text become the first of them, its mark listing all their marks
 * ("1–3, 5"). */
void rp_doc_merge_notes(struct rp_doc *doc);

/* ---------------------------------------------------------------- names */

const char *rp_node_kind_name(enum rp_node_kind kind);
const char *rp_doc_row_kind_name(enum rp_doc_row_kind kind);
const char *rp_align_name(enum rp_align align);
const char *rp_chart_kind_name(enum rp_chart_kind kind);
const char *rp_para_style_name(enum rp_para_style style);

/* ---------------------------------------------------------------- walking */

/* Calls `visit` for every node in document order, sections before their children, with
 * the node's depth (0 in the body). Stops and returns the first non-zero result. */
int rp_doc_walk(const struct rp_doc *doc,
                int (*visit)(const struct rp_node *node, int depth, void *ctx), void *ctx);

/* The text of `doc` built so far, one line per text (titles, paragraphs, list items, table
 * captions, headers, cells and notes, key figures, chart titles, notes), in its arena;
 * gathered once to look several words up (mentions.c). */
const char *rp_doc_words(const struct rp_doc *doc);

/* Whether `word` occurs as a whole word in `words` (rp_doc_words()). */
bool rp_words_mention(const char *words, const char *word);

#endif
