/* Builds an rp_table from a <table> element: row dimensions, columns, column groups, rows
 * and their space-separated values ("-" is nil). */
#include "load/plan.h"

#include "util/arena.h"

#include <string.h>

static void read_values(struct rp_reader *r, const struct rp_xnode *node, struct rp_row *row)
{
    const char *s = rp_read_text(r, node).plain;
    size_t n = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (*p)
            n++;
        while (*p && *p != ' ')
            p++;
    }
    row->values = rp_arena_array(r->arena, n, sizeof *row->values);
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        const char *start = p;
        while (*p && *p != ' ')
            p++;
        if (p == start)
            continue;
        struct rp_value *v = &row->values[row->value_count++];
        char *cell = rp_arena_strndup(r->arena, start, (size_t)(p - start));
        if (strcmp(cell, "-") == 0)
            v->nil = true;
        else if (!rp_parse_number(cell, &v->value))
            rp_diag_add(r->diags, RP_ERROR, node->loc.file, node->loc.line, node->loc.col,
                        "row %s: '%s' %s", row->id, cell, rp_number_refusal(cell));
    }
}

/* The id, place and labels every part of a table's frame has. */
static void read_named(struct rp_reader *r, const struct rp_xnode *x, const char **id,
                       struct rp_loc *loc, struct rp_texts *label)
{
    *id = rp_read_str(r, x, "id");
    *loc = x->loc;
    *label = rp_read_variants(r, x, "label");
}

/* What a column of another unit than its table's prints by default: FTE to the hundredth,
 * percentages to the tenth, counts and euros whole. */
static int unit_decimals(enum rp_table_unit unit)
{
    return unit == RP_TUNIT_FTE ? 2 : unit == RP_TUNIT_PERCENT ? 1 : 0;
}

static void read_row(struct rp_reader *r, const struct rp_xnode *n, struct rp_row *row)
{
    row->id = rp_read_str(r, n, "id");
    row->loc = n->loc;
    RP_READ_ENUM(row->kind, r, n, "kind", rp_row_kind_name, RP_ROW_KIND__MAX, RP_ROW_LINE);
    row->label = rp_read_variants(r, n, "label");
    /* A row has one note, its footnote, in each language. */
    row->notes = rp_read_variants(r, n, "note");
    row->sums = rp_read_refs(r, n, "sums");
    row->mark = rp_read_str(r, n, "mark");
    row->unit = rp_read_str(r, n, "unit");
    row->dimension = rp_read_str(r, n, "dimension");
    row->level = (int)rp_read_long(r, n, "level", -1);
    row->year = (int)rp_read_long(r, n, "year", 0);
    const struct rp_xnode *values = rp_xchild(n, "values");
    if (values)
        read_values(r, values, row);
}

void rp_read_table(struct rp_reader *r, const struct rp_xnode *n, struct rp_table *t)
{
    t->id = rp_read_str(r, n, "id");
    t->loc = n->loc;
    RP_READ_ENUM(t->kind, r, n, "kind", rp_table_kind_name, RP_TABLE_KIND__MAX, RP_TABLE_BUDGET);
    RP_READ_ENUM(t->unit, r, n, "unit", rp_table_unit_name, RP_TUNIT__MAX, RP_TUNIT_EUR);
    t->scale = rp_read_long(r, n, "scale", 1);
    t->tolerance = rp_read_num(r, n, "tolerance", 0);
    t->decimals = (int)rp_read_long(r, n, "decimals", 0);
    t->caption = rp_read_variants(r, n, "caption");

    t->dimension_count = rp_xcount(n, "row-dimension");
    t->dimensions = rp_arena_array(r->arena, t->dimension_count, sizeof *t->dimensions);
    size_t d = 0;
    RP_XEACH (x, n, "row-dimension") {
        struct rp_row_dimension *dim = &t->dimensions[d++];
        read_named(r, x, &dim->id, &dim->loc, &dim->label);
    }

    t->group_count = rp_xcount(n, "column-group");
    t->groups = rp_arena_array(r->arena, t->group_count, sizeof *t->groups);
    size_t i = 0;
    RP_XEACH (g, n, "column-group") {
        struct rp_column_group *group = &t->groups[i++];
        read_named(r, g, &group->id, &group->loc, &group->label);
        group->columns = rp_read_refs(r, g, "columns");
    }
    t->column_count = rp_xcount(n, "column");
    t->columns = rp_arena_array(r->arena, t->column_count, sizeof *t->columns);
    i = 0;
    RP_XEACH (c, n, "column") {
        struct rp_column *col = &t->columns[i++];
        read_named(r, c, &col->id, &col->loc, &col->label);
        col->year = (int)rp_read_long(r, c, "year", 0);
        RP_READ_ENUM(col->credit, r, c, "credit", rp_credit_name, RP_CREDIT__MAX, RP_CREDIT_NONE);
        col->stage = rp_read_str(r, c, "stage");
        col->sums = rp_read_refs(r, c, "sums");
        RP_READ_ENUM(col->unit, r, c, "unit", rp_table_unit_name, RP_TUNIT__MAX, t->unit);
        col->decimals = (int)rp_read_long(r, c, "decimals", -1);
        if (col->decimals < 0)
            col->decimals = col->unit == t->unit ? t->decimals : unit_decimals(col->unit);
    }
    t->row_count = rp_xcount(n, "row");
    t->rows = rp_arena_array(r->arena, t->row_count, sizeof *t->rows);
    i = 0;
    RP_XEACH (row, n, "row")
        read_row(r, row, &t->rows[i++]);
    t->notes = rp_arena_array(r->arena, rp_xcount_shown(n, "note"), sizeof *t->notes);
    RP_XEACH (note, n, "note") {
        if (rp_text_removed(note)) /* the consolidated text only */
            continue;
        struct rp_table_note *tn = &t->notes[t->note_count++];
        tn->loc = note->loc;
        tn->mark = rp_read_str(r, note, "mark");
        tn->text = rp_read_text(r, note);
    }
}
