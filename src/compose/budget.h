/* Internal to the budget builders (budget*.c, and evaluation_budget.c for the captions):
 * units, column labels, captions and the analysis of a table's columns by year. The build
 * context and the common helpers are those of report.h. Every string returned lives in the
 * document's arena. */
#ifndef RP_COMPOSE_BUDGET_H
#define RP_COMPOSE_BUDGET_H

#include "compose/report.h"
#include "doc/doc.h"
#include "model/model.h"
#include "util/fmt.h"

#include <stdbool.h>
#include <stddef.h>

/* The table's unit in words ("montants en milliers d'euros (k€)") and short ("k€"). */
const char *rp_budget_unit_long(const struct rp_report *b, const struct rp_table *t);
const char *rp_budget_unit_short(const struct rp_report *b, const struct rp_table *t);

/* `text` without the numbering the source document gave it ("18.9. Budget de gestion",
 * "TAB 1 - Budget global", "Tableau 2 : …"): our documents number their own sections and
 * tables, so the source's numbers would point nowhere. `text` itself when it has none. */
const char *rp_source_unnumbered(struct rp_doc *doc, const char *text);

/* A table's caption in the chosen language, one line, without the source's numbering;
 * `lang` (optional) receives its language as an _in function of report.h gives it. */
const char *rp_budget_caption(struct rp_report *b, const struct rp_table *t, const char **lang);

/* The printed label of column `c`: its own label, or the edition's abbreviation of its
 * credit type (CE/CL, VAK/VEK) when the label is just that type. _in: with its language as
 * an _in function of report.h gives it (NULL for the edition's wording). */
const char *rp_budget_column_label(struct rp_report *b, const struct rp_table *t, size_t c);
const char *rp_budget_column_label_in(struct rp_report *b, const struct rp_table *t, size_t c,
                                      const char **lang);

/* Appends the label `key` to `spans` with its slots {1} {2} {3} filled by args[i] in
 * langs[i] (an _in function's; `langs` may be NULL), each filled slot its own span, the
 * label's words in the edition's language. */
void rp_budget_lf_spans(struct rp_report *b, struct rp_spans *spans, const char *key,
                        const char *const args[3], const char *const langs[3]);

/* The columns of a table arranged by year: col[y * per_year + k] is the k-th column of
 * the y-th year. `regular` when every column has a year and every year as many columns. */
struct rp_year_grid {
    bool regular;
    size_t years, per_year;
    int *year;
    size_t *col;
};

void rp_budget_year_grid(struct rp_report *b, const struct rp_table *t, struct rp_year_grid *g);

/* The name of measure k of a regular grid ("CE", "Total"), or NULL for a single unnamed
 * measure per year. */
const char *rp_budget_measure_name(struct rp_report *b, const struct rp_table *t,
                                   const struct rp_year_grid *g, size_t k);

/* The palette colour of measure k of a regular grid (see RP_DOC_COLOR_AUTO): fixed by what
 * the measure is, never by which other measures a chart draws, so that commitment credits
 * (CE) have one colour and liquidation credits (CL) another in every chart of every
 * document. Other measures (no credit kind, or a total's parts) take the colours after
 * those two, by their place in the year. */
int rp_budget_measure_color(const struct rp_table *t, const struct rp_year_grid *g, size_t k);

/* The measures whose changes and distribution matter: the total columns (`sums`) when there
 * are some, else every measure. Fills `out` (per_year entries) and returns their count. */
size_t rp_budget_key_measures(const struct rp_table *t, const struct rp_year_grid *g, size_t *out);

/* Whether stated cell (r, c) differs from what its row's or its column's addends give;
 * `computed` receives that sum. `by_column` tells which check found it. */
bool rp_budget_differs(const struct rp_table *t, size_t r, size_t c, double *computed,
                       bool *by_column);

/* Number of flagged cells of a table, and whether it has any total to check. */
size_t rp_budget_count_differences(const struct rp_table *t, bool *has_totals);

/* Number of stated total cells (total rows or total columns) none of whose addends has a
 * value: nothing to verify them against. */
size_t rp_budget_count_unsummed(const struct rp_table *t);

/* A row's label, or its year when it has none (a year row), with its language as an _in
 * function of report.h gives it (budget_table.c). */
const char *rp_budget_row_label_in(struct rp_report *b, const struct rp_row *row,
                                   const char **lang);

/* The table, its remarks and evolution table, into `into` (budget_table.c). */
void rp_budget_table(struct rp_report *b, struct rp_nodes *into, const struct rp_table *t,
                     size_t number);

/* Distribution and evolution charts of a table where meaningful (budget_chart.c). */
void rp_budget_charts(struct rp_report *b, struct rp_nodes *into, const struct rp_table *t,
                      size_t number);

#endif
