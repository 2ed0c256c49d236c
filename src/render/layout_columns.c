/* Table columns: natural widths measured from every cell, and the widths they get within
 * the page (numbers and their headers whole, text columns wrapping in what is left). */
#include "render/layout.h"

#include <string.h>

static bool empty(const char *s)
{
    return !s || !*s;
}

enum rp_face rp_row_face(enum rp_doc_row_kind kind)
{
    switch (kind) {
    case RP_DOC_ROW_GROUP:
    case RP_DOC_ROW_SUBTOTAL:
    case RP_DOC_ROW_TOTAL:
        return RP_FACE_BOLD;
    case RP_DOC_ROW_OF_WHICH:
        return RP_FACE_ITALIC;
    default:
        return RP_FACE_REGULAR;
    }
}

bool rp_row_label_spans(const struct rp_doc_table *t, const struct rp_doc_row *row)
{
    if (row->kind != RP_DOC_ROW_GROUP)
        return false;
    for (size_t c = 1; c < t->column_count; c++)
        if (!empty(row->cells[c].text))
            return false;
    return true;
}

double rp_row_indent(const struct rp_doc_row *row, size_t col)
{
    if (col != 0)
        return 0;
    return RP_TABLE_INDENT * (row->level + (row->kind == RP_DOC_ROW_OF_WHICH ? 1 : 0));
}

static void measure_decimal(const struct rp_metrics *m, enum rp_face face, double size,
                            const char *text, char sep, struct rp_column_plan *p)
{
    size_t len = strlen(text), s = rp_decimal_split(text, len, sep);
    double wi = rp_text_width(m, face, size, text, s);
    double wf = rp_text_width(m, face, size, text + s, len - s);
    if (wi > p->int_width)
        p->int_width = wi;
    if (wf > p->frac_width)
        p->frac_width = wf;
}

static void measure_text(struct rp_atoms *atoms, const struct rp_metrics *m, enum rp_face face,
                         double size, const char *text, double indent, bool min_only,
                         struct rp_column_plan *p)
{
    atoms->count = 0;
    rp_atoms_add_text(atoms, m, text, strlen(text), face, size, RP_SPAN_TEXT, NULL);
    double mn = rp_atoms_min_width(atoms) + indent;
    if (mn > p->min)
        p->min = mn;
    if (min_only)
        return;
    double mx = rp_atoms_max_width(atoms) + indent;
    if (mx > p->max)
        p->max = mx;
}

double rp_table_measure(const struct rp_doc_table *t, const struct rp_metrics *m, double size,
                        double padding, char sep, struct rp_column_plan *plan)
{
    struct rp_atoms atoms = {0};
    memset(plan, 0, t->column_count * sizeof *plan);
    for (size_t r = 0; r < t->row_count; r++) {
        const struct rp_doc_row *row = &t->rows[r];
        enum rp_face face = rp_row_face(row->kind);
        bool spans = rp_row_label_spans(t, row);
        for (size_t c = 0; c < t->column_count; c++) {
            const struct rp_doc_cell *cell = &row->cells[c];
            enum rp_face cf = cell->flags & RP_CELL_DIFFERS ? rp_face_with(face, 1, 0) : face;
            enum rp_face df = rp_face_with(cf, 0, 1);
            if (t->columns[c].align == RP_ALIGN_DECIMAL) {
                if (!empty(cell->text))
                    measure_decimal(m, cf, size, cell->text, sep, &plan[c]);
                if (!empty(cell->detail))
                    measure_decimal(m, df, size * RP_TABLE_DETAIL_SCALE, cell->detail, sep,
                                    &plan[c]);
                continue;
            }
            double indent = rp_row_indent(row, c);
            if (!empty(cell->text))
                measure_text(&atoms, m, cf, size, cell->text, indent, spans && c == 0, &plan[c]);
            if (!empty(cell->detail))
                measure_text(&atoms, m, df, size * RP_TABLE_DETAIL_SCALE, cell->detail, indent,
                             false, &plan[c]);
        }
    }
    for (size_t h = 0; h < t->header_count; h++) {
        size_t c = 0;
        for (size_t i = 0; i < t->header[h].count && c < t->column_count; i++) {
            const struct rp_doc_hcell *hc = &t->header[h].cells[i];
            if (hc->span == 1 && !empty(hc->text))
                measure_text(&atoms, m, RP_FACE_BOLD, size, hc->text, 0, false, &plan[c]);
            c += hc->span;
        }
    }
    rp_atoms_free(&atoms);
    double total = 0;
    for (size_t c = 0; c < t->column_count; c++) {
        struct rp_column_plan *p = &plan[c];
        if (t->columns[c].align == RP_ALIGN_DECIMAL) {
            double w = p->int_width + p->frac_width;
            if (w > p->min)
                p->min = w;
            if (w > p->max)
                p->max = w;
        }
        p->min += 2 * padding;
        p->max += 2 * padding;
        if (p->max < p->min)
            p->max = p->min;
        total += p->min;
    }
    return total;
}

static bool flexible(const struct rp_doc_table *t, size_t c)
{
    return t->columns[c].align == RP_ALIGN_LEFT || t->columns[c].align == RP_ALIGN_CENTER;
}

void rp_table_fit(const struct rp_doc_table *t, struct rp_column_plan *plan, double avail)
{
    double fixed = 0, flex_min = 0, flex_max = 0, sum_min = 0, sum_max = 0;
    size_t n = t->column_count, nflex = 0;
    for (size_t c = 0; c < n; c++) {
        sum_min += plan[c].min;
        sum_max += plan[c].max;
        if (flexible(t, c)) {
            flex_min += plan[c].min;
            flex_max += plan[c].max;
            nflex++;
        } else
            fixed += plan[c].max;
    }
    if (sum_max <= avail) {
        /* Everything on one line: the room left goes to the text columns. */
        double extra = avail - sum_max;
        for (size_t c = 0; c < n; c++) {
            plan[c].width = plan[c].max;
            if (nflex && flexible(t, c))
                plan[c].width += flex_max > 0 ? extra * plan[c].max / flex_max : extra / nflex;
            else if (!nflex)
                plan[c].width += extra / (double)n;
        }
    } else if (fixed + flex_min <= avail) {
        /* Numbers and their headers whole; the text columns wrap in what is left. */
        double k = flex_max > flex_min ? (avail - fixed - flex_min) / (flex_max - flex_min) : 0;
        for (size_t c = 0; c < n; c++)
            plan[c].width =
                flexible(t, c) ? plan[c].min + (plan[c].max - plan[c].min) * k : plan[c].max;
    } else if (sum_min <= avail) {
        double k = (avail - sum_min) / (sum_max - sum_min);
        for (size_t c = 0; c < n; c++)
            plan[c].width = plan[c].min + (plan[c].max - plan[c].min) * k;
    } else {
        for (size_t c = 0; c < n; c++)
            plan[c].width = plan[c].min * avail / sum_min;
    }
}

bool rp_table_fits(const struct rp_doc_table *t, const struct rp_column_plan *plan, double avail)
{
    double need = 0;
    for (size_t c = 0; c < t->column_count; c++) {
        if (!flexible(t, c)) {
            need += plan[c].max;
            continue;
        }
        double want = avail / 3 > plan[c].min ? avail / 3 : plan[c].min;
        need += want < plan[c].max ? want : plan[c].max;
    }
    return need <= avail;
}
