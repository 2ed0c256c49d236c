/* Table checks: shape (one value per column), references inside the table, years inside the
 * plan period, units of total columns, and stated totals against computed ones. A wrong
 * stated total is a defect of the source, so it is a warning: the model keeps what the
 * source states. The rows' tree, years and of-which rows: table_rows.c. */
#include "check/internal.h"

#include "model/table.h"
#include "util/fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const enum rp_entity COLUMN_KINDS[] = {RP_ENT_COLUMN, RP_ENT__MAX};
static const enum rp_entity ROW_KINDS[] = {RP_ENT_ROW, RP_ENT_PROCESS, RP_ENT__MAX};
static const enum rp_entity UNIT_KINDS[] = {RP_ENT_UNIT, RP_ENT__MAX};

/* Every id of `refs` must name a column (rows) of this very table. */
static void check_local_refs(struct checker *c, const struct rp_table *t,
                             const struct rp_refs *refs, int rows)
{
    for (size_t i = 0; i < refs->count; i++) {
        const char *id = refs->ids[i];
        long found = rows ? rp_table_find_row(t, id) : rp_table_find_column(t, id);
        if (found < 0)
            rp_check_ref(c, &refs->loc, rows ? "row" : "column", id,
                         rows ? ROW_KINDS : COLUMN_KINDS);
        if (found < 0 && rp_index_get(c->index, id))
            rp_check_report(c, RP_ERROR, &refs->loc, "'%s' is not part of table '%s'", id,
                            t->id);
    }
}

/* "2022 Total" for a column under the group "2022": a column label alone repeats per year. */
const char *rp_check_column_name(struct checker *c, const struct rp_table *t, size_t col,
                                 char *buf, size_t size)
{
    const char *label = rp_texts_plain(&t->columns[col].label, c->lang, c->lang);
    for (size_t g = 0; g < t->group_count; g++)
        for (size_t k = 0; k < t->groups[g].columns.count; k++)
            if (strcmp(t->groups[g].columns.ids[k], t->columns[col].id) == 0) {
                snprintf(buf, size, "%s %s",
                         rp_texts_plain(&t->groups[g].label, c->lang, c->lang), label);
                return buf;
            }
    return label;
}

/* Names the table by id and caption, the row by label and the column by its label (the
 * year), so that each of a row's warnings can be told apart. */
static void report_total(struct checker *c, const struct rp_table *t, const struct rp_loc *loc,
                         const char *what, const char *label, size_t col, double stated,
                         double computed, size_t addends)
{
    const char *lang = c->lang;
    const char *caption = rp_texts_plain(&t->caption, lang, lang);
    char column_buf[256];
    const char *column = rp_check_column_name(c, t, col, column_buf, sizeof column_buf);
    char s[64], k[64], d[64];
    int decimals = t->columns[col].decimals;
    rp_fmt_number(s, sizeof s, stated, decimals, RP_LANG_FR);
    rp_fmt_number(k, sizeof k, computed, decimals, RP_LANG_FR);
    rp_fmt_number(d, sizeof d, stated - computed, decimals, RP_LANG_FR);
    if (rp_table_total_differs(t, stated, computed, addends))
        rp_check_report(c, RP_WARNING, loc,
                        "table '%s' (%s), %s '%s', column %s: the stated total %s differs from "
                        "the computed %s (difference %s)", t->id, caption, what, label, column,
                        s, k, d);
    else if (fabs(stated - computed) > 1e-9)
        rp_check_report(c, RP_WARNING, loc,
                        "table '%s' (%s), %s '%s', column %s: the stated total %s differs from "
                        "the computed %s by %s, within the rounding tolerance of the table",
                        t->id, caption, what, label, column, s, k, d);
}

/* A stated total whose addends are all missing or nil cannot be verified: saying nothing
 * would let the audit count it as consistent. */
static void report_unsummed(struct checker *c, const struct rp_table *t, const struct rp_loc *loc,
                            const char *what, const char *label, size_t col, double stated,
                            const char *nothing)
{
    const char *caption = rp_texts_plain(&t->caption, c->lang, c->lang);
    char column_buf[256], s[64];
    const char *column = rp_check_column_name(c, t, col, column_buf, sizeof column_buf);
    rp_fmt_number(s, sizeof s, stated, t->columns[col].decimals, RP_LANG_FR);
    rp_check_report(c, RP_WARNING, loc, "table '%s' (%s), %s '%s', column %s: the stated total %s "
                    "sums no %s", t->id, caption, what, label, column, s, nothing);
}

/* Whether total column `col` adds columns of its own unit only (check_column_units reports
 * it otherwise: a sum of mixed units says nothing to compare). */
static bool units_agree(const struct rp_table *t, size_t col)
{
    for (size_t i = 0; i < t->columns[col].sums.count; i++) {
        long k = rp_table_find_column(t, t->columns[col].sums.ids[i]);
        if (k >= 0 && t->columns[k].unit != t->columns[col].unit)
            return false;
    }
    return true;
}

static void check_totals(struct checker *c, const struct rp_table *t, const struct rp_plan *p)
{
    for (size_t r = 0; r < t->row_count; r++) {
        const struct rp_row *row = &t->rows[r];
        const char *label = rp_texts_plain(&row->label, p->lang, p->lang);
        for (size_t col = 0; col < row->value_count && col < t->column_count; col++) {
            if (row->values[col].nil)
                continue;
            double sum;
            const struct rp_column *column = &t->columns[col];
            /* A percentage of a total is not the sum of its lines' percentages. */
            if ((row->kind == RP_ROW_SUBTOTAL || row->kind == RP_ROW_TOTAL) &&
                rp_table_column_additive(t, col)) {
                size_t n = rp_table_row_sum(t, r, col, &sum);
                if (n > 0)
                    report_total(c, t, &row->loc, "row", label, col, row->values[col].value,
                                 sum, n);
                else
                    report_unsummed(c, t, &row->loc, "row", label, col,
                                    row->values[col].value, "line");
            }
            if (column->sums.count > 0 && units_agree(t, col)) {
                size_t n = rp_table_column_sum(t, r, col, &sum);
                if (n > 0)
                    report_total(c, t, &row->loc, "total column of row", label, col,
                                 row->values[col].value, sum, n);
                else
                    report_unsummed(c, t, &row->loc, "total column of row", label, col,
                                    row->values[col].value, "column");
            }
        }
    }
}

/* A total column adds amounts of its own unit only: FTE plus heads, or a percentage, is no
 * total of anything. */
static void check_column_units(struct checker *c, const struct rp_table *t, size_t col)
{
    const struct rp_column *total = &t->columns[col];
    for (size_t i = 0; i < total->sums.count; i++) {
        long k = rp_table_find_column(t, total->sums.ids[i]);
        if (k >= 0 && t->columns[k].unit != total->unit)
            rp_check_report(c, RP_ERROR, &total->loc,
                            "table '%s', column '%s' (%s) adds column '%s' (%s): a total never "
                            "adds columns of different units", t->id, total->id,
                            rp_table_unit_name(total->unit), t->columns[k].id,
                            rp_table_unit_name(t->columns[k].unit));
    }
}

static void check_table(struct checker *c, const struct rp_table *t, const struct rp_plan *p)
{
    for (size_t i = 0; i < t->group_count; i++)
        check_local_refs(c, t, &t->groups[i].columns, 0);
    for (size_t i = 0; i < t->column_count; i++) {
        const struct rp_column *col = &t->columns[i];
        check_local_refs(c, t, &col->sums, 0);
        check_column_units(c, t, i);
        if (col->year && (col->year < p->start || col->year > p->end))
            rp_check_report(c, RP_WARNING, &col->loc,
                            "column '%s': year %d is outside the plan period %d-%d", col->id,
                            col->year, p->start, p->end);
    }
    for (size_t i = 0; i < t->row_count; i++) {
        const struct rp_row *row = &t->rows[i];
        check_local_refs(c, t, &row->sums, 1);
        if (row->unit)
            rp_check_ref(c, &row->loc, "unit", row->unit, UNIT_KINDS);
        if (row->value_count != 0 && row->value_count != t->column_count)
            rp_check_report(c, RP_ERROR, &row->loc,
                            "row '%s' has %zu values but table '%s' has %zu columns", row->id,
                            row->value_count, t->id, t->column_count);
        if (row->value_count == 0 && row->kind != RP_ROW_GROUP && row->kind != RP_ROW_OF_WHICH)
            rp_check_report(c, RP_ERROR, &row->loc, "row '%s' of kind %s has no values",
                            row->id, rp_row_kind_name(row->kind));
    }
    check_totals(c, t, p);
    rp_check_table_rows(c, t, p);
}

void rp_check_tables(struct checker *c, const struct rp_plan *plan)
{
    for (size_t i = 0; i < plan->table_count; i++)
        check_table(c, &plan->tables[i], plan);
}
