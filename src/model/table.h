/* Table arithmetic shared by the checker and the document builders. */
#ifndef RP_MODEL_TABLE_H
#define RP_MODEL_TABLE_H

#include "model/model.h"

/* The sum a total or subtotal row stands for, in column `col`.
 *
 * Addends: the rows named in the row's `sums` attribute; else, for a subtotal, the line
 * rows since the previous group, subtotal or total row; for a total, every line row of the
 * table. of-which rows are never added; nil cells are skipped (nil is not 0). Returns the
 * number of non-nil addends (0: nothing to compare) and stores the sum in *sum. Unknown ids
 * in `sums` are skipped (the checker reports them). */
size_t rp_table_row_sum(const struct rp_table *table, size_t row, size_t col, double *sum);

/* The sum a total column stands for in row `row` (the column's `sums` list); returns the
 * number of non-nil addends. */
size_t rp_table_column_sum(const struct rp_table *table, size_t row, size_t col, double *sum);

/* Index of the row / column with this id, or -1. */
long rp_table_find_row(const struct rp_table *table, const char *id);
long rp_table_find_column(const struct rp_table *table, const char *id);

/* True when `stated` differs from `computed` by more than the table's tolerance times the
 * number of addends (rounded sources drift by one unit of the last decimal per addend). */
bool rp_table_total_differs(const struct rp_table *table, double stated, double computed,
                            size_t addends);

#endif
