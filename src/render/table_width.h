/* Table widths from content, the way CSS automatic table layout does it, and the one
 * decision a table's size and orientation come from.
 *
 * Each column has a minimum width (its widest unbreakable piece: a word, a status symbol
 * with its word, a whole date) and a maximum width (its widest cell on one line); both
 * include the cells' padding. The widths within `avail` points follow three regimes:
 *   - sum(max) <= avail: every cell on one line; the room left is shared in proportion to
 *     max, so a full-width table keeps the proportions of its content (the usual look of
 *     a report table: it spans the text width, a long column stays the long one);
 *   - sum(min) <= avail: w = min + (max - min) * (avail - sum(min)) / (sum(max) - sum(min)),
 *     every column wrapping in proportion to what it would need to be on one line;
 *   - else the table does not fit at this size. Before giving up, dates may break between
 *     day, month and year (`min_broken`), never inside a word.
 *
 * The functions here are pure: the same table, metrics and geometry give the same answer,
 * so the editions of a document can ask for each language and force one orientation. */
#ifndef RP_TABLE_WIDTH_H
#define RP_TABLE_WIDTH_H

#include "render/layout.h"

#include <stdbool.h>
#include <stddef.h>

/* What a table may use: the content widths of a portrait and a landscape page, the
 * document's table type size and the smallest allowed one, a cell's horizontal padding
 * (each side) and the decimal separator. */
enum rp_table_orient { RP_TABLE_AUTO, RP_TABLE_PORTRAIT, RP_TABLE_LANDSCAPE };

struct rp_table_memo;

struct rp_table_geometry {
    double portrait, landscape;
    double size, min_size;
    double padding;
    char sep;
    /* AUTO: decide; otherwise the orientation is imposed (the editions of a document set
     * every edition's table as the one that needs landscape in any of them) and only the
     * size is chosen: the document's if the table fits, else the smallest. */
    enum rp_table_orient force;
    /* Optional: where the cells of each table are measured once per size (see below). */
    struct rp_table_memo *memo;
};

/* The decision: the orientation, the type size and (in the plan) the widths. */
struct rp_table_decision {
    bool landscape;
    double size;
};

/* Decides how `tables[0..n)`, which share one grid (same columns), are set: at the
 * document's size in portrait when their narrowest layout fits the portrait width; else at
 * the smallest allowed size in portrait if that fits; only failing both, landscape (at the
 * document's size if it fits there, else the smallest). Fills `plan` (the tables' column
 * count entries) with the columns measured over all the tables' contents and their widths
 * in the chosen page width. Returns false (plan untouched) when n is 0, a table has no
 * columns or the column counts differ. */
bool rp_table_decide(const struct rp_doc_table *const *tables, size_t n, const struct rp_metrics *m,
                     const struct rp_table_geometry *g, struct rp_column_plan *plan,
                     struct rp_table_decision *out);

/* Measures the cells of `tables[0..n)` (same column count) together into `plan`, as
 * rp_table_measure() does for one: the union of their contents. Returns sum(min). */
double rp_table_measure_union(const struct rp_doc_table *const *tables, size_t n,
                              const struct rp_metrics *m, double size, double padding, char sep,
                              struct rp_column_plan *plan);

/* The same as rp_table_measure_union(), each table's cells taken from `memo` when measured
 * there before with the same metrics, size and separator, else measured and kept there
 * (memo NULL: measured now). The widths are the very ones measuring without a memo gives:
 * a grid's measure is the field-wise maximum of its tables' measures. Deciding a table
 * measures every table of its grid at up to four sizes, and a layout decides every table
 * of a grid, on trial and for good: without the memo, a document with a grid of many
 * tables measures them quadratically often. The memo holds pointers to the tables and the
 * metrics: it lives no longer than they do (one layout, rp_layout_document()). */
double rp_table_measure_memo(const struct rp_doc_table *const *tables, size_t n,
                             const struct rp_metrics *m, double size, double padding, char sep,
                             struct rp_table_memo *memo, struct rp_column_plan *plan);

struct rp_table_memo *rp_table_memo_new(void);
void rp_table_memo_free(struct rp_table_memo *memo);
/* How many (table, size) measures `memo` holds: for the tests. */
size_t rp_table_memo_count(const struct rp_table_memo *memo);

/* Whether the measured columns fit `avail` at all (dates broken if they must). */
bool rp_table_fits(const struct rp_doc_table *table, const struct rp_column_plan *plan,
                   double avail);

/* A cell's text as the layout sets it: a leading symbol bound to the word after it by a
 * no-break space ("■ Réalisé" never breaks between them), and, with `whole`, a date
 * ("31 décembre 2025") or a cell flagged RP_CELL_LABEL in `flags` ("Dans les temps") bound
 * whole. Returns NULL when the text is set as it is, else a copy the caller frees. */
char *rp_cell_bind(const char *text, unsigned flags, bool whole);

/* Whether a cell's text is set whole where it fits and broken between its words only where
 * it does not: a date, or a label. */
bool rp_cell_whole_if_fits(const char *text, unsigned flags);

/* Whether column `c` of `table` is set as numbers aligned on their decimal separator: a
 * DECIMAL column, or a RIGHT one whose every body cell is a number ("3,8 %", "4,5 jours",
 * "-"), so that mixed decimals line up there too. */
bool rp_column_decimal(const struct rp_doc_table *table, size_t c);

/* Where a value aligns: the byte offset of its decimal separator `sep` when its leading
 * number has one ("4,5 jours": 1), else the end of that number ("12 %": 2, "1.816.852":
 * 9), so that units and suffixes hang after the integers; `len` when it does not start
 * with a number ("-", "Oui"). */
size_t rp_decimal_point(const char *text, size_t len, char sep);

/* Whether `text` is a date as the documents write it: "31 décembre 2025", "1er mars
 * 2023", "mars 2023", "22 februari 2022". */
bool rp_text_is_date(const char *text);

/* The tables of `doc` that share the grid of `t` (same column count and alignments, same
 * header texts), `t` included, in document order: up to `cap` of them into `out`. Returns
 * how many there are (1 when `t` has no header, which names no grid). */
size_t rp_table_grid(const struct rp_doc *doc, const struct rp_doc_table *t,
                     const struct rp_doc_table **out, size_t cap);

#endif
