/* One budget or staffing table as the plan states it: its headers by year and column
 * group, its rows (indented as their tree goes, under the names of the row dimensions),
 * each column in its unit, its notes, and its year-on-year changes. A stated total that
 * does not add up is printed as stated: the publication edition adds one neutral note with
 * what the lines add up to; the review edition flags the cell and explains the gap in
 * words. */
#include "compose/budget.h"
#include "model/table.h"
#include "util/arena.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The printed form of a row mark after a label: ¹ ² ³ as superscripts, "*" as is,
 * anything else in brackets. */
static const char *with_mark(struct rp_report *b, const char *label, const char *mark)
{
    if (!mark || !*mark)
        return label;
    static const char *const sup[] = {"\xc2\xb9", "\xc2\xb2", "\xc2\xb3"};
    if (mark[0] >= '1' && mark[0] <= '3' && !mark[1])
        return rp_doc_printf(b->doc, "%s%s", label, sup[mark[0] - '1']);
    if ((mark[0] >= '0' && mark[0] <= '9') || (mark[0] >= 'a' && mark[0] <= 'z') ||
        (mark[0] >= 'A' && mark[0] <= 'Z'))
        return rp_doc_printf(b->doc, "%s" RP_NBSP "(%s)", label, mark);
    return rp_doc_printf(b->doc, "%s%s", label, mark);
}

static long group_of(const struct rp_table *t, size_t c)
{
    for (size_t g = 0; g < t->group_count; g++)
        for (size_t i = 0; i < t->groups[g].columns.count; i++)
            if (strcmp(t->groups[g].columns.ids[i], t->columns[c].id) == 0)
                return (long)g;
    return -1;
}

/* Column groups can be drawn as spanning header cells when each covers adjacent columns. */
static bool groups_contiguous(const struct rp_table *t)
{
    for (size_t g = 0; g < t->group_count; g++) {
        long first = -1, last = -1;
        for (size_t c = 0; c < t->column_count; c++)
            if (group_of(t, c) == (long)g) {
                if (first < 0)
                    first = (long)c;
                else if (last + 1 != (long)c)
                    return false;
                last = (long)c;
            }
    }
    return true;
}

/* The name of column c in a sentence: "2022", "2022 INI CE", "2022 Total". Its language, as
 * an _in function gives it, is the first other one of the group's and the column's labels. */
static const char *column_name_in(struct rp_report *b, const struct rp_table *t, size_t c,
                                  const char **lang)
{
    const char *label = rp_budget_column_label_in(b, t, c, lang);
    long g = group_of(t, c);
    char year[16];
    snprintf(year, sizeof year, "%d", t->columns[c].year);
    if (g < 0 || (t->columns[c].year && strstr(label, year)))
        return label;
    const char *group_lang;
    const char *group = rp_report_plain_in(b, &t->groups[g].label, &group_lang);
    *lang = group_lang ? group_lang : *lang;
    return rp_doc_printf(b->doc, "%s %s", group, label);
}

static const char *column_name(struct rp_report *b, const struct rp_table *t, size_t c)
{
    const char *lang;
    return column_name_in(b, t, c, &lang);
}

static enum rp_doc_row_kind row_kind(enum rp_row_kind k)
{
    switch (k) {
    case RP_ROW_GROUP:
        return RP_DOC_ROW_GROUP;
    case RP_ROW_SUBTOTAL:
        return RP_DOC_ROW_SUBTOTAL;
    case RP_ROW_TOTAL:
        return RP_DOC_ROW_TOTAL;
    case RP_ROW_OF_WHICH:
        return RP_DOC_ROW_OF_WHICH;
    default:
        return RP_DOC_ROW_LINE;
    }
}

/* "+2,3 %" from prev to cur, or "-" when either is nil or prev is zero, into `buf` (the
 * cell copies it: no second copy per cell of a large table). */
static const char *change(struct rp_report *b, const struct rp_row *row, size_t prev, size_t cur,
                          char *buf, size_t size)
{
    if (!row->values || prev >= row->value_count || cur >= row->value_count)
        return RP_NIL_TEXT;
    const struct rp_value *p = &row->values[prev], *c = &row->values[cur];
    if (p->nil || c->nil || p->value == 0)
        return RP_NIL_TEXT;
    rp_fmt_change(buf, size, (c->value - p->value) / fabs(p->value) * 100, 1, true, b->lang);
    return buf;
}

/* The mark of a change computed from a stated total that differs from the sum of its lines:
 * the reader is told which figure the change rests on (the note under the table). */
#define STATED_MARK "\u2020"

/* Whether the change of row r between columns prev and cur rests on a stated total that
 * differs from what its lines add up to. */
static bool change_from_stated(const struct rp_table *t, size_t r, size_t prev, size_t cur)
{
    double computed;
    bool by_column;
    return rp_budget_differs(t, r, prev, &computed, &by_column) ||
           rp_budget_differs(t, r, cur, &computed, &by_column);
}

/* change() with the mark of change_from_stated(); sets *marked when it marks. */
static const char *marked_change(struct rp_report *b, const struct rp_table *t, size_t r,
                                 size_t prev, size_t cur, char *buf, size_t size, bool *marked)
{
    const char *text = change(b, &t->rows[r], prev, cur, buf, size);
    if (strcmp(text, RP_NIL_TEXT) == 0 || !change_from_stated(t, r, prev, cur))
        return text;
    *marked = true;
    return rp_doc_printf(b->doc, "%s" STATED_MARK, text);
}

/* A cell in its column's unit: "12,5 %" in a percent column, FTE to its decimals. */
static const char *value(struct rp_report *b, const struct rp_value *v,
                         const struct rp_column *col, char *buf, size_t size)
{
    if (!v || v->nil)
        return RP_NIL_TEXT;
    if (col->unit == RP_TUNIT_PERCENT)
        rp_fmt_percent(buf, size, v->value, col->decimals, b->lang);
    else
        rp_fmt_number(buf, size, v->value, col->decimals, b->lang);
    return buf;
}

const char *rp_budget_row_label_in(struct rp_report *b, const struct rp_row *row,
                                   const char **lang)
{
    if (row->label.count == 0 && row->year) {
        *lang = NULL;
        return rp_doc_printf(b->doc, "%d", row->year);
    }
    return rp_report_plain_in(b, &row->label, lang);
}

/* The head of the label column: the row dimensions' names, "Niveau / Rôle linguistique /
 * Sexe", in the language of the first; "Année" when every labelled row is a year; else "". */
static const char *stub_header(struct rp_report *b, const struct rp_table *t, const char **lang)
{
    const char *text = "";
    *lang = NULL;
    bool years = t->dimension_count == 0 && t->row_count > 0;
    for (size_t r = 0; r < t->row_count && years; r++)
        years = t->rows[r].year || t->rows[r].kind == RP_ROW_TOTAL;
    if (years)
        return rp_report_l(b, "table.rows.year");
    for (size_t d = 0; d < t->dimension_count; d++) {
        const char *l;
        const char *name = rp_report_plain_in(b, &t->dimensions[d].label, &l);
        if (d == 0)
            *lang = l;
        text = d ? rp_doc_printf(b->doc, "%s / %s", text, name) : name;
    }
    return text;
}

/* A column's header: its label, and its unit where that is not the table's and its cells
 * do not show it (FTE among heads; a percentage shows its sign). */
static const char *column_header(struct rp_report *b, const struct rp_table *t, size_t c,
                                 const char *label)
{
    const char *fte = rp_report_l(b, "short.fte");
    if (t->columns[c].unit == RP_TUNIT_FTE && t->unit != RP_TUNIT_FTE && !strstr(label, fte))
        return rp_doc_printf(b->doc, "%s (%s)", label, fte);
    return label;
}

static bool all_additive(const struct rp_table *t)
{
    for (size_t c = 0; c < t->column_count; c++)
        if (!rp_table_column_additive(t, c))
            return false;
    return true;
}

static const char *pair(struct rp_report *b, const struct rp_year_grid *g, size_t y)
{
    return rp_doc_printf(b->doc, "%d/%d", g->year[y], g->year[y - 1]);
}

/* The marks of rows that carry their own notes: their mark, or a letter given here. */
static const char **row_marks(struct rp_report *b, const struct rp_table *t)
{
    const char **marks =
        rp_arena_array(b->doc->arena, t->row_count ? t->row_count : 1, sizeof *marks);
    char next = 'a';
    for (size_t r = 0; r < t->row_count; r++) {
        marks[r] = t->rows[r].mark;
        if (!marks[r] && t->rows[r].notes.count && next <= 'z')
            marks[r] = rp_doc_printf(b->doc, "%c", next++);
    }
    return marks;
}

static void header(struct rp_report *b, struct rp_node *node, const struct rp_table *t,
                   const struct rp_year_grid *g, size_t changes)
{
    struct rp_doc *doc = b->doc;
    bool grouped = t->group_count > 0 && groups_contiguous(t);
    if (grouped || changes) {
        struct rp_doc_header_row *h = rp_doc_table_header_row(doc, node);
        rp_doc_header_cell(doc, h, "", 1, RP_ALIGN_LEFT);
        for (size_t c = 0; c < t->column_count;) {
            long gi = grouped ? group_of(t, c) : -1;
            size_t span = 1;
            while (gi >= 0 && c + span < t->column_count && group_of(t, c + span) == gi)
                span++;
            const char *lang = NULL;
            const char *label = gi >= 0 ? rp_report_plain_in(b, &t->groups[gi].label, &lang) : "";
            rp_doc_header_cell(doc, h, label, span, span > 1 ? RP_ALIGN_CENTER : RP_ALIGN_DECIMAL)
                ->lang = lang;
            c += span;
        }
        if (changes)
            rp_doc_header_cell(doc, h, rp_report_l(b, "evol.header"), changes, RP_ALIGN_CENTER);
    }
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, node);
    const char *stub_lang;
    const char *stub = stub_header(b, t, &stub_lang);
    rp_doc_header_cell(doc, h, stub, 1, RP_ALIGN_LEFT)->lang = stub_lang;
    for (size_t c = 0; c < t->column_count; c++) {
        const char *lang;
        const char *label = column_header(b, t, c, rp_budget_column_label_in(b, t, c, &lang));
        long gi = group_of(t, c);
        if (!grouped && gi >= 0) {
            const char *group_lang;
            const char *group = rp_report_plain_in(b, &t->groups[gi].label, &group_lang);
            label = rp_doc_printf(doc, "%s %s", group, label);
            lang = group_lang ? group_lang : lang;
        }
        rp_doc_header_cell(doc, h, label, 1, RP_ALIGN_DECIMAL)->lang = lang;
    }
    for (size_t y = 1; y <= changes; y++)
        rp_doc_header_cell(doc, h, pair(b, g, y), 1, RP_ALIGN_DECIMAL);
}

/* One item per column where a stated total of row r differs from what its lines (or,
 * `by_column`, its columns) add up to, joined. For the review edition's remarks (`flag`):
 * "2022 : indiqué 135.003, calculé 132.981 (écart +2.022)"; for the publication's neutral
 * note: "132.981 (2022)". */
static const char *differing_items(struct rp_report *b, const struct rp_table *t, size_t r,
                                   bool by_column, bool flag, size_t *count)
{
    const char *list = "";
    *count = 0;
    for (size_t c = 0; c < t->column_count; c++) {
        double computed;
        bool col;
        if (!rp_budget_differs(t, r, c, &computed, &col) || col != by_column)
            continue;
        const char *item;
        if (flag) {
            double stated = t->rows[r].values[c].value;
            int decimals = t->columns[c].decimals;
            char gap[48];
            rp_fmt_change(gap, sizeof gap, stated - computed, decimals, false, b->lang);
            item = rp_report_lf(b, "diff.item", column_name(b, t, c),
                                rp_report_num(b, stated, decimals),
                                rp_report_num(b, computed, decimals));
            item = rp_doc_printf(b->doc, "%s (%s)", item,
                                 rp_report_lf(b, "diff.gap", gap, NULL, NULL));
        } else
            item = rp_report_lf(b, "table.sum.item",
                                rp_report_num(b, computed, t->columns[c].decimals),
                                column_name(b, t, c), NULL);
        const char *sep = flag ? rp_report_l(b, "diff.sep") : ", ";
        list = *count ? rp_doc_printf(b->doc, "%s%s%s", list, sep, item) : item;
        (*count)++;
    }
    return list;
}

/* A boxed remark under the table for every row whose stated total does not add up (review
 * edition). */
static void remarks(struct rp_report *b, struct rp_nodes *into, const struct rp_table *t,
                    const char **labels, const char **label_langs)
{
    for (size_t r = 0; r < t->row_count; r++) {
        size_t n;
        const char *items = differing_items(b, t, r, false, true, &n);
        if (n) {
            struct rp_node *p = rp_doc_add_paragraph(b->doc, into, RP_PARA_REMARK, NULL);
            rp_budget_lf_spans(b, &p->u.paragraph.text, "diff.row",
                               (const char *const[3]){labels[r], items, NULL},
                               (const char *const[3]){label_langs[r], NULL, NULL});
        }
        items = differing_items(b, t, r, true, true, &n);
        if (!n)
            continue;
        /* Name the total column by its measure ("Total"), the years are in the items. */
        const char *measure = "", *measure_lang = NULL;
        for (size_t c = 0; c < t->column_count && !*measure; c++)
            if (t->columns[c].sums.count)
                measure = rp_budget_column_label_in(b, t, c, &measure_lang);
        struct rp_node *p = rp_doc_add_paragraph(b->doc, into, RP_PARA_REMARK, NULL);
        rp_budget_lf_spans(b, &p->u.paragraph.text, "diff.column",
                           (const char *const[3]){labels[r], measure, items},
                           (const char *const[3]){label_langs[r], measure_lang, NULL});
    }
}

/* The publication edition prints a stated total as the plan states it, unflagged; one
 * neutral note under the table gives what the lines add up to, so that a reader who adds
 * them up is not left wondering. The review edition flags the cells and explains instead. */
static void sums_note(struct rp_report *b, struct rp_node *node, const struct rp_table *t)
{
    size_t rows = 0, last = 0;
    for (size_t r = 0; r < t->row_count; r++) {
        size_t by_row, by_col;
        differing_items(b, t, r, false, false, &by_row);
        differing_items(b, t, r, true, false, &by_col);
        if (by_row || by_col) {
            rows++;
            last = r;
        }
    }
    if (rows == 0)
        return;
    /* A single total row needs no name; otherwise each sentence names its row. */
    bool named = rows > 1 || t->rows[last].kind != RP_ROW_TOTAL;
    struct rp_spans *text = rp_doc_table_note(b->doc, node, NULL, NULL);
    for (size_t r = 0; r < t->row_count; r++) {
        size_t by_row, by_col;
        const char *row_items = differing_items(b, t, r, false, false, &by_row);
        const char *col_items = differing_items(b, t, r, true, false, &by_col);
        if (!by_row && !by_col)
            continue;
        const char *label = NULL, *lang = NULL;
        if (named || by_col)
            label = rp_budget_row_label_in(b, &t->rows[r], &lang);
        if (by_row) {
            if (text->count)
                rp_report_add_plain(b, text, 0, " ", NULL);
            rp_budget_lf_spans(
                b, text, named ? "table.sum.rows.of" : "table.sum.rows",
                (const char *const[3]){named ? label : row_items, named ? row_items : NULL, NULL},
                (const char *const[3]){named ? lang : NULL, NULL, NULL});
        }
        if (by_col) {
            if (text->count)
                rp_report_add_plain(b, text, 0, " ", NULL);
            rp_budget_lf_spans(b, text, "table.sum.columns.of",
                               (const char *const[3]){label, col_items, NULL},
                               (const char *const[3]){lang, NULL, NULL});
        }
    }
}

/* What the columns hold, for readers who cannot see the table. Its section heading names
 * it and its caption gives number and unit: the summary does not say those again. */
static const char *summary(struct rp_report *b, const struct rp_table *t,
                           const struct rp_year_grid *g, size_t changes)
{
    const char *cols = "";
    for (size_t c = 0; c < t->column_count; c++)
        cols =
            c ? rp_doc_printf(b->doc, "%s, %s", cols, column_name(b, t, c)) : column_name(b, t, c);
    if (!changes)
        return rp_report_lf(b, "table.summary", cols, NULL, NULL);
    const char *pairs = "";
    for (size_t y = 1; y <= changes; y++)
        pairs = y > 1 ? rp_doc_printf(b->doc, "%s, %s", pairs, pair(b, g, y)) : pair(b, g, y);
    return rp_report_lf(b, "table.summary.changes", cols, pairs, NULL);
}

/* The changes of the key measures of a table with several columns per year. */
static void evolution_table(struct rp_report *b, struct rp_nodes *into, const struct rp_table *t,
                            const struct rp_year_grid *g, size_t number, const char **labels,
                            const char **label_langs)
{
    struct rp_doc *doc = b->doc;
    size_t keys[64], nk = 0, pairs = g->years - 1;
    bool stated = false;
    if (g->per_year > 64)
        return;
    /* A percentage's change is in points, not in per cent: it has no place here. */
    size_t all[64], na = rp_budget_key_measures(t, g, all);
    for (size_t k = 0; k < na; k++)
        if (rp_table_column_additive(t, g->col[all[k]]))
            keys[nk++] = all[k];
    if (nk == 0)
        return;
    struct rp_node *node = rp_doc_add_table(
        doc, into, 1 + nk * pairs,
        rp_report_lf(b, "evol.caption", rp_report_num(b, (double)number, 0), NULL, NULL));
    rp_doc_table_column(node, 0, RP_ALIGN_LEFT, true);
    for (size_t c = 1; c < 1 + nk * pairs; c++)
        rp_doc_table_column(node, c, RP_ALIGN_DECIMAL, false);
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, node);
    rp_doc_header_cell(doc, h, "", 1, RP_ALIGN_LEFT);
    for (size_t k = 0; k < nk; k++) {
        const char *name = rp_budget_measure_name(b, t, g, keys[k]);
        rp_doc_header_cell(doc, h, name ? name : rp_report_l(b, "evol.header"), pairs,
                           RP_ALIGN_CENTER);
    }
    h = rp_doc_table_header_row(doc, node);
    rp_doc_header_cell(doc, h, "", 1, RP_ALIGN_LEFT);
    for (size_t k = 0; k < nk; k++)
        for (size_t y = 1; y < g->years; y++)
            rp_doc_header_cell(doc, h, pair(b, g, y), 1, RP_ALIGN_DECIMAL);
    for (size_t r = 0; r < t->row_count; r++) {
        const struct rp_row *row = &t->rows[r];
        size_t i = rp_doc_table_row(doc, node, row_kind(row->kind));
        node->u.table.rows[i].level = (unsigned)rp_table_row_level(t, r);
        rp_doc_table_cell(doc, node, i, 0, labels[r], NULL, 0);
        rp_doc_cell_lang(doc, node, i, 0, label_langs[r]);
        if (!row->values)
            continue;
        char buf[48];
        for (size_t k = 0; k < nk; k++)
            for (size_t y = 1; y < g->years; y++)
                rp_doc_table_cell(doc, node, i, 1 + k * pairs + (y - 1),
                                  marked_change(b, t, r, g->col[(y - 1) * g->per_year + keys[k]],
                                                g->col[y * g->per_year + keys[k]], buf,
                                                sizeof buf, &stated),
                                  NULL, RP_CELL_COMPUTED);
    }
    rp_doc_table_note(doc, node, NULL, rp_report_l(b, "evol.note"));
    if (stated)
        rp_doc_table_note(doc, node, STATED_MARK, rp_report_l(b, "evol.stated"));
}

void rp_budget_table(struct rp_report *b, struct rp_nodes *into, const struct rp_table *t,
                     size_t number)
{
    struct rp_doc *doc = b->doc;
    struct rp_year_grid g;
    rp_budget_year_grid(b, t, &g);
    size_t changes =
        g.regular && g.per_year == 1 && g.years >= 2 && all_additive(t) ? g.years - 1 : 0;
    size_t ncols = 1 + t->column_count + changes;
    /* The credit type goes into the caption when the headers do not show it. */
    enum rp_credit credit = t->column_count ? t->columns[0].credit : RP_CREDIT_NONE;
    bool credit_headers = false;
    for (size_t c = 0; c < t->column_count; c++) {
        if (t->columns[c].credit != credit)
            credit = RP_CREDIT__MAX;
        credit_headers |=
            t->columns[c].credit != RP_CREDIT_NONE &&
            strcmp(rp_budget_column_label(b, t, c),
                   rp_report_l(b, t->columns[c].credit == RP_CREDIT_CE ? "table.credit.CE"
                                                                       : "table.credit.CL")) == 0;
    }
    const char *unit = rp_budget_unit_long(b, t);
    if (!credit_headers && (credit == RP_CREDIT_CE || credit == RP_CREDIT_CL))
        unit = rp_doc_printf(doc, "%s, %s", unit,
                             rp_report_l(b, credit == RP_CREDIT_CE ? "table.credit.CE.long"
                                                                   : "table.credit.CL.long"));
    const char *caption =
        rp_report_lf(b, "table.caption", rp_report_num(b, (double)number, 0), unit, NULL);
    struct rp_node *node = rp_doc_add_table(doc, into, ncols, caption);
    node->u.table.summary = summary(b, t, &g, changes);
    bool review = b->edition == RP_EDITION_REVIEW;
    bool stated = false; /* some change rests on a stated total that differs from its lines */
    rp_doc_table_column(node, 0, RP_ALIGN_LEFT, true);
    for (size_t c = 1; c < ncols; c++)
        rp_doc_table_column(node, c, RP_ALIGN_DECIMAL, false);
    header(b, node, t, &g, changes);

    const char **marks = row_marks(b, t);
    const char **labels =
        rp_arena_array(doc->arena, t->row_count ? t->row_count : 1, sizeof *labels);
    const char **label_langs =
        rp_arena_array(doc->arena, t->row_count ? t->row_count : 1, sizeof *label_langs);
    for (size_t r = 0; r < t->row_count; r++) {
        const struct rp_row *row = &t->rows[r];
        labels[r] = with_mark(b, rp_budget_row_label_in(b, row, &label_langs[r]), marks[r]);
        size_t i = rp_doc_table_row(doc, node, row_kind(row->kind));
        node->u.table.rows[i].level = (unsigned)rp_table_row_level(t, r);
        rp_doc_table_cell(doc, node, i, 0, labels[r], NULL, 0);
        rp_doc_cell_lang(doc, node, i, 0, label_langs[r]);
        if (!row->values)
            continue;
        char buf[64];
        for (size_t c = 0; c < t->column_count; c++) {
            const struct rp_value *v = c < row->value_count ? &row->values[c] : NULL;
            double computed;
            bool by_column;
            const char *text = value(b, v, &t->columns[c], buf, sizeof buf);
            if (review && rp_budget_differs(t, r, c, &computed, &by_column)) {
                const char *detail =
                    rp_report_lf(b, "diff.detail",
                                 rp_report_num(b, computed, t->columns[c].decimals), NULL, NULL);
                rp_doc_table_cell(doc, node, i, 1 + c, text, detail, RP_CELL_DIFFERS);
            } else
                rp_doc_table_cell(doc, node, i, 1 + c, text, NULL, 0);
        }
        for (size_t y = 1; y <= changes; y++)
            rp_doc_table_cell(doc, node, i, 1 + t->column_count + (y - 1),
                              marked_change(b, t, r, g.col[y - 1], g.col[y], buf, sizeof buf,
                                            &stated),
                              NULL, RP_CELL_COMPUTED);
    }

    /* Notes: the plan's, each row's own, then the abbreviations used. */
    /* Table notes cannot be paired across languages (most have no mark): they are one text
     * whose language the one rule chooses, and the notes in that language are shown. */
    struct rp_lang_tally tally = {0};
    for (size_t i = 0; i < t->note_count; i++)
        rp_report_tally(b, &tally, t->notes[i].text.lang);
    const char *lang = rp_report_choose(b, &tally);
    for (size_t i = 0; i < t->note_count; i++) {
        if (!rp_report_in(&t->notes[i].text, lang))
            continue;
        struct rp_spans *s = rp_doc_table_note(doc, node, t->notes[i].mark, NULL);
        rp_report_add_runs(b, s, &t->notes[i].text);
    }
    for (size_t r = 0; r < t->row_count; r++)
        if (t->rows[r].notes.count) {
            struct rp_spans *s = rp_doc_table_note(doc, node, marks[r], NULL);
            rp_report_add_runs(b, s, rp_report_pick(b, &t->rows[r].notes));
        }
    if (!review)
        sums_note(b, node, t);
    if (credit_headers)
        rp_doc_table_note(doc, node, NULL, rp_report_l(b, "table.credit.legend"));
    if (changes)
        rp_doc_table_note(doc, node, NULL, rp_report_l(b, "evol.note"));
    if (stated)
        rp_doc_table_note(doc, node, STATED_MARK, rp_report_l(b, "evol.stated"));

    if (review)
        remarks(b, into, t, labels, label_langs);
    if (g.regular && g.per_year > 1 && g.years >= 2)
        evolution_table(b, into, t, &g, number, labels, label_langs);
}
