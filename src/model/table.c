#include "model/table.h"

#include <math.h>
#include <string.h>

long rp_table_find_row(const struct rp_table *table, const char *id)
{
    for (size_t i = 0; i < table->row_count; i++)
        if (strcmp(table->rows[i].id, id) == 0)
            return (long)i;
    return -1;
}

long rp_table_find_column(const struct rp_table *table, const char *id)
{
    for (size_t i = 0; i < table->column_count; i++)
        if (strcmp(table->columns[i].id, id) == 0)
            return (long)i;
    return -1;
}

long rp_table_find_dimension(const struct rp_table *table, const char *id)
{
    for (size_t i = 0; id && i < table->dimension_count; i++)
        if (strcmp(table->dimensions[i].id, id) == 0)
            return (long)i;
    return -1;
}

bool rp_table_column_additive(const struct rp_table *table, size_t col)
{
    return col < table->column_count && table->columns[col].unit != RP_TUNIT_PERCENT;
}

int rp_table_row_level(const struct rp_table *table, size_t row)
{
    /* Of-which rows without a level of their own follow their parent; the loop ends at the
     * first row that is not one. */
    for (size_t r = row + 1; r-- > 0;) {
        const struct rp_row *x = &table->rows[r];
        long d = rp_table_find_dimension(table, x->dimension);
        if (d >= 0)
            return (int)d;
        if (x->level >= 0)
            return x->level;
        if (x->kind != RP_ROW_OF_WHICH)
            return 0;
    }
    return 0;
}

long rp_table_row_parent(const struct rp_table *table, size_t row)
{
    bool of_which = table->rows[row].kind == RP_ROW_OF_WHICH;
    int level = rp_table_row_level(table, row);
    for (size_t r = row; r-- > 0;) {
        if (table->rows[r].kind == RP_ROW_OF_WHICH)
            continue;
        if (of_which || rp_table_row_level(table, r) < level)
            return (long)r;
    }
    return -1;
}

bool rp_table_row_has_children(const struct rp_table *table, size_t row)
{
    for (size_t r = row + 1; r < table->row_count; r++)
        if (table->rows[r].kind != RP_ROW_OF_WHICH)
            return rp_table_row_level(table, r) > rp_table_row_level(table, row);
    return false;
}

static size_t add_cell(const struct rp_row *row, size_t col, double *sum)
{
    if (row->kind == RP_ROW_OF_WHICH || col >= row->value_count || row->values[col].nil)
        return 0;
    *sum += row->values[col].value;
    return 1;
}

size_t rp_table_row_sum(const struct rp_table *table, size_t row, size_t col, double *sum)
{
    const struct rp_row *target = &table->rows[row];
    size_t addends = 0;
    *sum = 0;
    if (!rp_table_column_additive(table, col))
        return 0;
    if (target->sums.count > 0) {
        for (size_t i = 0; i < target->sums.count; i++) {
            long r = rp_table_find_row(table, target->sums.ids[i]);
            if (r >= 0 && (size_t)r != row)
                addends += add_cell(&table->rows[r], col, sum);
        }
        return addends;
    }
    if (target->kind == RP_ROW_TOTAL) {
        for (size_t i = 0; i < table->row_count; i++)
            if (table->rows[i].kind == RP_ROW_LINE && !rp_table_row_has_children(table, i))
                addends += add_cell(&table->rows[i], col, sum);
        return addends;
    }
    if (target->kind == RP_ROW_SUBTOTAL && rp_table_row_has_children(table, row)) {
        int level = rp_table_row_level(table, row);
        for (size_t i = row + 1; i < table->row_count; i++) {
            int l = rp_table_row_level(table, i);
            if (table->rows[i].kind == RP_ROW_OF_WHICH)
                continue;
            if (l <= level)
                break;
            if (l == level + 1 && table->rows[i].kind != RP_ROW_TOTAL)
                addends += add_cell(&table->rows[i], col, sum);
        }
        return addends;
    }
    if (target->kind == RP_ROW_SUBTOTAL) {
        for (size_t i = row; i-- > 0;) {
            enum rp_row_kind k = table->rows[i].kind;
            if (k == RP_ROW_GROUP || k == RP_ROW_SUBTOTAL || k == RP_ROW_TOTAL)
                break;
            if (k == RP_ROW_LINE)
                addends += add_cell(&table->rows[i], col, sum);
        }
    }
    return addends;
}

size_t rp_table_column_sum(const struct rp_table *table, size_t row, size_t col, double *sum)
{
    const struct rp_column *c = &table->columns[col];
    const struct rp_row *r = &table->rows[row];
    size_t addends = 0;
    *sum = 0;
    for (size_t i = 0; i < c->sums.count; i++) {
        long k = rp_table_find_column(table, c->sums.ids[i]);
        if (k >= 0 && (size_t)k != col && (size_t)k < r->value_count && !r->values[k].nil) {
            *sum += r->values[k].value;
            addends++;
        }
    }
    return addends;
}

bool rp_table_total_differs(const struct rp_table *table, double stated, double computed,
                            size_t addends)
{
    /* Half a unit of the last printed decimal absorbs binary floating-point noise. */
    double epsilon = 0.5 * pow(10.0, -(table->decimals > 0 ? table->decimals : 0)) * 1e-3;
    return fabs(stated - computed) > table->tolerance * (double)addends + epsilon;
}
