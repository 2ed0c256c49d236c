/* Table arithmetic shared by the checker and the document builders. */
#ifndef RP_MODEL_TABLE_H
#define RP_MODEL_TABLE_H

#include "model/model.h"

/* The sum a total or subtotal row stands for, in column `col`.
 *
 * Addends: the rows named in the row's `sums` attribute; else, for a subtotal that heads
 * deeper rows, its children (the rows one level down until the next row of its level);
 * for another subtotal, the line rows since the previous group, subtotal or total row; for
 * a total, every line row of the table that heads no deeper row (its children stand for
 * it). of-which rows are never added; nil cells are skipped (nil is not 0); a percent
 * column adds nothing. Returns the number of non-nil addends (0: nothing to compare) and
 * stores the sum in *sum. Unknown ids in `sums` are skipped (the checker reports them). */
size_t rp_table_row_sum(const struct rp_table *table, size_t row, size_t col, double *sum);

/* The sum a total column stands for in row `row` (the column's `sums` list); returns the
 * number of non-nil addends. */
size_t rp_table_column_sum(const struct rp_table *table, size_t row, size_t col, double *sum);

/* Whether column `col` holds amounts that add up: not a percentage. */
bool rp_table_column_additive(const struct rp_table *table, size_t col);

/* Index of the row dimension with this id, or -1. */
long rp_table_find_dimension(const struct rp_table *table, const char *id);

/* The indentation level of row `row`, 0 at the top: its dimension's position, else its
 * stated level, else (an of-which row) its parent's, else 0. */
int rp_table_row_level(const struct rp_table *table, size_t row);

/* The row that row `row` details: for an of-which row, the nearest row above that is not
 * one; for another, the nearest row above of a lower level. -1 when none. */
long rp_table_row_parent(const struct rp_table *table, size_t row);

/* Whether row `row` heads deeper rows (other than of-which rows). */
bool rp_table_row_has_children(const struct rp_table *table, size_t row);

/* Index of the row / column with this id, or -1. */
long rp_table_find_row(const struct rp_table *table, const char *id);
long rp_table_find_column(const struct rp_table *table, const char *id);

/* True when `stated` differs from `computed` by more than the table's tolerance times the
 * number of addends (rounded sources drift by one unit of the last decimal per addend). */
bool rp_table_total_differs(const struct rp_table *table, double stated, double computed,
                            size_t addends);

#endif
