/* The rows of a table beyond their sums: the tree their dimensions or levels draw (each row
 * one level at most below the row above it), the years of year rows (inside the plan
 * period, one row per year in a group) and of-which rows (never more than the row they
 * detail, alone or together). An of-which figure above its row is a defect of the source:
 * a warning, the model keeps what the source states. */
#include "check/internal.h"

#include "model/table.h"
#include "util/fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The row in messages: its label, or its year when it has none. */
static const char *row_name(struct checker *c, const struct rp_row *row, char *buf, size_t size)
{
    const char *label = rp_texts_plain(&row->label, c->lang, c->lang);
    if ((!label || !*label) && row->year) {
        snprintf(buf, size, "%d", row->year);
        return buf;
    }
    return label ? label : "";
}

static void check_dimensions(struct checker *c, const struct rp_table *t)
{
    for (size_t i = 0; i < t->dimension_count; i++)
        if (rp_table_find_dimension(t, t->dimensions[i].id) != (long)i)
            rp_check_report(c, RP_ERROR, &t->dimensions[i].loc,
                            "table '%s' declares row dimension '%s' twice", t->id,
                            t->dimensions[i].id);
}

/* A row's dimension exists, agrees with its stated level, and the row is at most one level
 * below the row above it (a tree has no missing parent). */
static void check_level(struct checker *c, const struct rp_table *t, size_t r, int *previous)
{
    const struct rp_row *row = &t->rows[r];
    long d = rp_table_find_dimension(t, row->dimension);
    if (row->dimension && d < 0)
        rp_check_report(c, RP_ERROR, &row->loc,
                        "row '%s': '%s' is not a row dimension of table '%s'", row->id,
                        row->dimension, t->id);
    if (d >= 0 && row->level >= 0 && row->level != d)
        rp_check_report(c, RP_ERROR, &row->loc,
                        "row '%s': level %d contradicts its dimension '%s', which is level %ld",
                        row->id, row->level, row->dimension, d);
    if (row->kind == RP_ROW_OF_WHICH)
        return;
    int level = rp_table_row_level(t, r);
    if (level > *previous + 1)
        rp_check_report(c, RP_ERROR, &row->loc,
                        "row '%s' is at level %d but the row above it is at level %d: a level "
                        "between them is missing", row->id, level, *previous);
    *previous = level;
}

/* Whether rows a < b are in one group: the same parent, no group heading of their level or
 * above between them. */
static bool same_group(const struct rp_table *t, size_t a, size_t b)
{
    if (rp_table_row_parent(t, a) != rp_table_row_parent(t, b))
        return false;
    int level = rp_table_row_level(t, a);
    for (size_t k = a + 1; k < b; k++)
        if (t->rows[k].kind == RP_ROW_GROUP && rp_table_row_level(t, k) <= level)
            return false;
    return true;
}

static void check_year(struct checker *c, const struct rp_table *t, const struct rp_plan *p,
                       size_t r)
{
    const struct rp_row *row = &t->rows[r];
    if (!row->year) {
        if (row->label.count == 0)
            rp_check_report(c, RP_ERROR, &row->loc, "row '%s' has neither a label nor a year",
                            row->id);
        return;
    }
    if (row->year < p->start || row->year > p->end)
        rp_check_report(c, RP_WARNING, &row->loc,
                        "row '%s': year %d is outside the plan period %d-%d", row->id, row->year,
                        p->start, p->end);
    for (size_t k = 0; k < r; k++)
        if (t->rows[k].year == row->year && same_group(t, k, r)) {
            rp_check_report(c, RP_ERROR, &row->loc,
                            "row '%s': year %d is already row '%s' of the same group", row->id,
                            row->year, t->rows[k].id);
            break;
        }
}

/* How far `part` goes beyond `whole` away from zero (a negative amount's parts are
 * negative too); > 0 when it exceeds it. */
static double excess(double part, double whole)
{
    return whole >= 0 ? part - whole : whole - part;
}

static bool exceeds(const struct rp_table *t, double part, double whole, size_t addends)
{
    return excess(part, whole) > 0 && rp_table_total_differs(t, part, whole, addends);
}

/* The whole an of-which row of `parent` is compared with in column `col`, or false when
 * there is none to compare with (nil, a percentage). */
static bool whole_of(const struct rp_table *t, size_t parent, size_t col, double *whole)
{
    const struct rp_row *p = &t->rows[parent];
    if (col >= p->value_count || p->values[col].nil || !rp_table_column_additive(t, col))
        return false;
    *whole = p->values[col].value;
    return true;
}

static bool part_of(const struct rp_row *row, size_t col, double *part)
{
    if (col >= row->value_count || row->values[col].nil)
        return false;
    *part = row->values[col].value;
    return true;
}

/* Of-which rows first..last of row `parent`: each one in each column, in the order of the
 * rows, then their sum per column at the last one. One part above the whole already says
 * it: their sum is then not reported again. */
static void check_of_which_rows(struct checker *c, const struct rp_table *t, size_t parent,
                                size_t first, size_t last)
{
    char col_buf[256], pbuf[32], rbuf[32], w[64], v[64];
    const char *caption = rp_texts_plain(&t->caption, c->lang, c->lang);
    const char *parent_name = row_name(c, &t->rows[parent], pbuf, sizeof pbuf);
    for (size_t r = first; r <= last; r++)
        for (size_t col = 0; col < t->column_count; col++) {
            double whole, part;
            if (!whole_of(t, parent, col, &whole) || !part_of(&t->rows[r], col, &part) ||
                !exceeds(t, part, whole, 1))
                continue;
            rp_fmt_number(w, sizeof w, whole, t->columns[col].decimals, RP_LANG_FR);
            rp_fmt_number(v, sizeof v, part, t->columns[col].decimals, RP_LANG_FR);
            rp_check_report(c, RP_WARNING, &t->rows[r].loc,
                            "table '%s' (%s), of-which row '%s', column %s: %s exceeds the %s of "
                            "its row '%s'", t->id, caption,
                            row_name(c, &t->rows[r], rbuf, sizeof rbuf),
                            rp_check_column_name(c, t, col, col_buf, sizeof col_buf), v, w,
                            parent_name);
        }
    for (size_t col = 0; col < t->column_count; col++) {
        double whole, part, sum = 0;
        size_t addends = 0;
        bool single = false;
        if (!whole_of(t, parent, col, &whole))
            continue;
        for (size_t r = first; r <= last; r++)
            if (part_of(&t->rows[r], col, &part)) {
                sum += part;
                addends++;
                single |= exceeds(t, part, whole, 1);
            }
        if (addends < 2 || single || !exceeds(t, sum, whole, addends))
            continue;
        rp_fmt_number(w, sizeof w, whole, t->columns[col].decimals, RP_LANG_FR);
        rp_fmt_number(v, sizeof v, sum, t->columns[col].decimals, RP_LANG_FR);
        rp_check_report(c, RP_WARNING, &t->rows[last].loc,
                        "table '%s' (%s), of-which rows of '%s', column %s: together %s, they "
                        "exceed the row's %s", t->id, caption, parent_name,
                        rp_check_column_name(c, t, col, col_buf, sizeof col_buf), v, w);
    }
}

static void check_of_which(struct checker *c, const struct rp_table *t)
{
    for (size_t first = 0; first < t->row_count;) {
        if (t->rows[first].kind != RP_ROW_OF_WHICH) {
            first++;
            continue;
        }
        size_t last = first;
        while (last + 1 < t->row_count && t->rows[last + 1].kind == RP_ROW_OF_WHICH)
            last++;
        long parent = rp_table_row_parent(t, first);
        if (parent < 0)
            rp_check_report(c, RP_ERROR, &t->rows[first].loc,
                            "of-which row '%s' has no row above it to detail", t->rows[first].id);
        else
            check_of_which_rows(c, t, (size_t)parent, first, last);
        first = last + 1;
    }
}

void rp_check_table_rows(struct checker *c, const struct rp_table *t, const struct rp_plan *p)
{
    check_dimensions(c, t);
    int previous = -1;
    for (size_t r = 0; r < t->row_count; r++) {
        check_level(c, t, r, &previous);
        check_year(c, t, p, r);
    }
    check_of_which(c, t);
}
