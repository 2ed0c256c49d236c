/* Budget execution: per plan table and credit column, the planned, adjusted, committed and
 * liquidated credits of each line, the execution rate and the variance, with the
 * evaluation's explanations as notes and the total of the lines shown. */
#include "compose/budget.h"
#include "compose/report.h"

#include "model/table.h"
#include "util/arena.h"

#include <stdio.h>
#include <string.h>

static const struct rp_table *find_table(const struct rp_plan *plan, const char *row,
                                         const char *column, size_t *ri, size_t *ci)
{
    for (size_t t = 0; plan && t < plan->table_count; t++) {
        long r = rp_table_find_row(&plan->tables[t], row);
        long c = rp_table_find_column(&plan->tables[t], column);
        if (r >= 0 && c >= 0) {
            *ri = (size_t)r;
            *ci = (size_t)c;
            return &plan->tables[t];
        }
    }
    return NULL;
}

bool rp_budget_executed(const struct rp_table *table, size_t column,
                        const struct rp_budget_execution *b, double *executed)
{
    /* Commitment credits are used by commitments; liquidation (and undivided) credits by
     * liquidations. */
    bool ce = column < table->column_count && table->columns[column].credit == RP_CREDIT_CE;
    const struct rp_opt_num *v = ce ? &b->committed : &b->liquidated;
    if (!v->present)
        v = ce ? &b->liquidated : &b->committed;
    if (!v->present)
        return false;
    *executed = v->value;
    return true;
}

bool rp_budget_adjusted(const struct rp_table *table, size_t row, size_t column,
                        const struct rp_budget_execution *b, double *adjusted)
{
    if (b->adjusted.present) {
        *adjusted = b->adjusted.value;
        return true;
    }
    if (b->initial.present) {
        *adjusted = b->initial.value;
        return true;
    }
    const struct rp_row *rw = &table->rows[row];
    if (column < rw->value_count && !rw->values[column].nil) {
        *adjusted = rw->values[column].value;
        return true;
    }
    return false;
}

size_t rp_eval_budget_groups(struct rp_report *r, struct rp_budget_group **out)
{
    const struct rp_evaluation *e = r->eval;
    struct rp_budget_group *groups =
        rp_arena_array(r->doc->arena, e->budget_count + 1, sizeof *groups);
    size_t n = 0;
    for (size_t i = 0; i < e->budget_count; i++) {
        const struct rp_budget_execution *b = &e->budget[i];
        size_t ri, ci;
        const struct rp_table *t = find_table(r->plan, b->row, b->column, &ri, &ci);
        if (!t)
            continue;
        size_t g = 0;
        while (g < n && !(groups[g].table == t && groups[g].column == ci))
            g++;
        if (g == n)
            groups[n++] = (struct rp_budget_group){t, ci, 0, 0, 0};
        /* Only line rows add up: a total or subtotal row would count its lines twice. */
        double adjusted, executed;
        if (t->rows[ri].kind == RP_ROW_LINE && rp_budget_adjusted(t, ri, ci, b, &adjusted) &&
            rp_budget_executed(t, ci, b, &executed)) {
            groups[g].adjusted += adjusted;
            groups[g].executed += executed;
            groups[g].count++;
        }
    }
    *out = groups;
    return n;
}

/* rp_report_column_name with the language of the column's own label, when the name shows it
 * (`lang` as an _in function gives it; NULL for a year). */
static const char *column_name_in(struct rp_report *r, const struct rp_table *t, size_t col,
                                  const char **lang)
{
    const struct rp_column *c = &t->columns[col];
    const char *credit = c->credit == RP_CREDIT_CE   ? rp_report_l(r, "credit.CE")
                         : c->credit == RP_CREDIT_CL ? rp_report_l(r, "credit.CL")
                                                     : NULL;
    *lang = NULL;
    const char *label =
        c->year ? rp_doc_printf(r->doc, "%d", c->year) : rp_report_text_in(r, &c->label, " ", lang);
    return credit ? rp_doc_printf(r->doc, "%s %s", credit, label) : label;
}

const char *rp_report_column_name(struct rp_report *r, const struct rp_table *t, size_t col)
{
    const char *lang;
    return column_name_in(r, t, col, &lang);
}

static const char *unit_phrase(struct rp_report *r, const struct rp_table *t)
{
    if (t->unit == RP_TUNIT_FTE)
        return rp_report_l(r, "unit.fte");
    if (t->unit == RP_TUNIT_COUNT)
        return rp_report_l(r, "unit.count");
    return rp_report_l(r, t->scale == 1000 ? "unit.keur" : "unit.eur");
}

static const struct rp_budget_execution *
execution_for(const struct rp_evaluation *e, const struct rp_table *t, size_t row, size_t col)
{
    for (size_t i = 0; i < e->budget_count; i++)
        if (strcmp(e->budget[i].row, t->rows[row].id) == 0 &&
            strcmp(e->budget[i].column, t->columns[col].id) == 0)
            return &e->budget[i];
    return NULL;
}

static const char *opt_num(struct rp_report *r, const struct rp_opt_num *v, int decimals)
{
    return v->present ? rp_report_num(r, v->value, decimals) : RP_NIL_TEXT;
}

static void group_table(struct rp_report *r, struct rp_nodes *into, const struct rp_budget_group *g)
{
    const struct rp_table *t = g->table;
    size_t col = g->column;
    int dec = t->decimals;
    const char *caption_lang, *column_lang;
    const char *caption = rp_budget_caption(r, t, &caption_lang);
    const char *column = column_name_in(r, t, col, &column_lang);
    struct rp_node *sec = rp_doc_add_section(r->doc, into, 2, NULL, NULL);
    rp_budget_lf_spans(r, &sec->u.section.title, "caption.budget",
                       (const char *const[3]){caption, column, NULL},
                       (const char *const[3]){caption_lang, column_lang, NULL});
    struct rp_nodes *kids = &sec->u.section.children;
    static const char *const heads[] = {"col.line",      "col.planned",    "col.adjusted",
                                        "col.committed", "col.liquidated", "col.rate",
                                        "col.variance"};
    /* The heading names the table; the caption gives the unit. */
    struct rp_node *tb = rp_doc_add_table(
        r->doc, kids, 7, rp_report_lf(r, "budget.unit", unit_phrase(r, t), NULL, NULL));
    rp_doc_table_column(tb, 0, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, tb);
    for (size_t c = 0; c < 7; c++) {
        if (c)
            rp_doc_table_column(tb, c, RP_ALIGN_DECIMAL, false);
        rp_doc_header_cell(r->doc, h, rp_report_l(r, heads[c]), 1,
                           c ? RP_ALIGN_RIGHT : RP_ALIGN_LEFT);
    }
    double planned_sum = 0, adjusted_sum = 0, committed_sum = 0, liquidated_sum = 0;
    size_t notes = 0;
    /* Rows in the plan table's order, which is the order readers know. */
    for (size_t ri = 0; ri < t->row_count; ri++) {
        const struct rp_budget_execution *b = execution_for(r->eval, t, ri, col);
        if (!b)
            continue;
        const struct rp_row *rw = &t->rows[ri];
        const char *label_lang;
        const char *label = rp_report_text_in(r, &rw->label, " ", &label_lang);
        if (b->explanation.count) {
            char mark[32];
            snprintf(mark, sizeof mark, "%zu", ++notes);
            label = rp_doc_printf(r->doc, "%s (%s)", label, mark);
            const char *note_lang;
            const char *note = rp_report_text_in(r, &b->explanation, " ", &note_lang);
            rp_spans_lang(r->doc, rp_doc_table_note(r->doc, tb, mark, note), 0, note_lang);
        }
        enum rp_doc_row_kind kind = rw->kind == RP_ROW_TOTAL      ? RP_DOC_ROW_TOTAL
                                    : rw->kind == RP_ROW_SUBTOTAL ? RP_DOC_ROW_SUBTOTAL
                                    : rw->kind == RP_ROW_OF_WHICH ? RP_DOC_ROW_OF_WHICH
                                                                  : RP_DOC_ROW_LINE;
        size_t row = rp_doc_table_row(r->doc, tb, kind);
        rp_doc_table_cell(r->doc, tb, row, 0, label, NULL, 0);
        rp_doc_cell_lang(r->doc, tb, row, 0, label_lang);
        bool has_plan = col < rw->value_count && !rw->values[col].nil;
        rp_doc_table_cell(r->doc, tb, row, 1,
                          has_plan ? rp_report_num(r, rw->values[col].value, dec) : RP_NIL_TEXT,
                          NULL, 0);
        rp_doc_table_cell(r->doc, tb, row, 2, opt_num(r, &b->adjusted, dec), NULL, 0);
        rp_doc_table_cell(r->doc, tb, row, 3, opt_num(r, &b->committed, dec), NULL, 0);
        rp_doc_table_cell(r->doc, tb, row, 4, opt_num(r, &b->liquidated, dec), NULL, 0);
        double adjusted, executed;
        if (rp_budget_adjusted(t, ri, col, b, &adjusted) &&
            rp_budget_executed(t, col, b, &executed)) {
            if (adjusted != 0)
                rp_doc_table_cell(r->doc, tb, row, 5,
                                  rp_report_percent(r, executed / adjusted * 100, 1), NULL,
                                  RP_CELL_COMPUTED);
            char buf[64];
            rp_fmt_change(buf, sizeof buf, executed - adjusted, dec, false, r->lang);
            rp_doc_table_cell(r->doc, tb, row, 6, buf, NULL, RP_CELL_COMPUTED);
            if (rw->kind == RP_ROW_LINE) {
                planned_sum += has_plan ? rw->values[col].value : 0;
                adjusted_sum += adjusted;
                committed_sum += b->committed.present ? b->committed.value : 0;
                liquidated_sum += b->liquidated.present ? b->liquidated.value : 0;
            }
        }
    }
    size_t row = rp_doc_table_row(r->doc, tb, RP_DOC_ROW_TOTAL);
    /* The sum of the lines shown: readers see a total; the authors are told that it is not
     * the plan's. */
    rp_doc_table_cell(
        r->doc, tb, row, 0,
        rp_report_l(r, r->edition == RP_EDITION_REVIEW ? "budget.total.computed" : "budget.total"),
        NULL, RP_CELL_COMPUTED);
    rp_doc_table_cell(r->doc, tb, row, 1, rp_report_num(r, planned_sum, dec), NULL,
                      RP_CELL_COMPUTED);
    rp_doc_table_cell(r->doc, tb, row, 2, rp_report_num(r, adjusted_sum, dec), NULL,
                      RP_CELL_COMPUTED);
    rp_doc_table_cell(r->doc, tb, row, 3, rp_report_num(r, committed_sum, dec), NULL,
                      RP_CELL_COMPUTED);
    rp_doc_table_cell(r->doc, tb, row, 4, rp_report_num(r, liquidated_sum, dec), NULL,
                      RP_CELL_COMPUTED);
    if (g->adjusted != 0)
        rp_doc_table_cell(r->doc, tb, row, 5,
                          rp_report_percent(r, g->executed / g->adjusted * 100, 1), NULL,
                          RP_CELL_COMPUTED);
    char buf[64];
    rp_fmt_change(buf, sizeof buf, g->executed - g->adjusted, dec, false, r->lang);
    rp_doc_table_cell(r->doc, tb, row, 6, buf, NULL, RP_CELL_COMPUTED);
}

void rp_eval_budget(struct rp_report *r, struct rp_nodes *into)
{
    struct rp_budget_group *groups;
    size_t n = rp_eval_budget_groups(r, &groups);
    if (n == 0)
        return;
    struct rp_node *sec = rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.budget"));
    struct rp_nodes *kids = &sec->u.section.children;
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY, rp_report_l(r, "budget.intro"));
    for (size_t g = 0; g < n; g++)
        group_table(r, kids, &groups[g]);
}
