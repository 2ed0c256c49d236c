/* Table columns: minimum and maximum widths measured from every cell, and the widths they
 * get within the page (CSS automatic table layout: see table_width.h). */
#include "render/layout.h"
#include "render/table_width.h"

#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
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

size_t rp_decimal_point(const char *text, size_t len, char sep)
{
    char thousands = sep == ',' ? '.' : ',';
    size_t i = 0;
    if (i < len && (text[i] == '-' || text[i] == '+'))
        i++;
    if (i >= len || text[i] < '0' || text[i] > '9')
        return len;
    for (; i < len; i++) {
        bool digit_next = i + 1 < len && text[i + 1] >= '0' && text[i + 1] <= '9';
        if (text[i] == sep && digit_next)
            return i;
        if (text[i] == thousands && digit_next)
            continue;
        if (text[i] < '0' || text[i] > '9')
            return i;
    }
    return len;
}

static void measure_decimal(const struct rp_metrics *m, enum rp_face face, double size,
                            const char *text, char sep, struct rp_column_plan *p)
{
    size_t len = strlen(text), s = rp_decimal_point(text, len, sep);
    double wi = rp_text_width(m, face, size, text, s);
    double wf = rp_text_width(m, face, size, text + s, len - s);
    if (wi > p->int_width)
        p->int_width = wi;
    if (wf > p->frac_width)
        p->frac_width = wf;
}

/* A number as the documents write it: a digit first, or a sign and a digit ("-12,5 %",
 * "4,5 jours", "72 % / 96 %"), or the nil dash alone. */
static bool numeric(const char *s)
{
    if (!strcmp(s, "-") || !strcmp(s, "\xe2\x80\x93"))
        return true;
    if (*s == '-' || *s == '+')
        s++;
    else if (!strncmp(s, "\xe2\x88\x92", 3)) /* minus sign */
        s += 3;
    return *s >= '0' && *s <= '9';
}

bool rp_column_decimal(const struct rp_doc_table *t, size_t c)
{
    if (t->columns[c].align == RP_ALIGN_DECIMAL)
        return true;
    if (t->columns[c].align != RP_ALIGN_RIGHT)
        return false;
    bool any = false;
    for (size_t r = 0; r < t->row_count; r++) {
        const char *s = t->rows[r].cells[c].text;
        if (t->rows[r].cells[c].bar)
            return false; /* a bar leads its figure: the pair is set as text, not on a point */
        if (empty(s))
            continue;
        if (!numeric(s))
            return false;
        any = true;
    }
    return any;
}

static void at_least(double *to, double v)
{
    if (v > *to)
        *to = v;
}

/* A text cell (`flags` its RP_CELL_*): its widest unbreakable piece with dates and labels
 * whole (min) and broken (min_broken), its width on one line (max); a status symbol stays
 * with its word in both. */
static void measure_text(struct rp_atoms *atoms, const struct rp_metrics *m, enum rp_face face,
                         double size, const char *text, unsigned flags, double indent,
                         bool min_only, struct rp_column_plan *p, const struct rp_doc_bar *bar)
{
    char *whole = rp_cell_bind(text, flags, true), *broken = rp_cell_bind(text, flags, false);
    const char *w = whole ? whole : text, *b = broken ? broken : text;
    atoms->count = 0;
    if (bar)
        rp_atoms_add_bar(atoms, bar, size);
    rp_atoms_add_text(atoms, m, w, strlen(w), face, size, RP_SPAN_TEXT, NULL);
    double min = rp_atoms_min_width(atoms);
    at_least(&p->min, min + indent);
    if (!min_only)
        at_least(&p->max, rp_atoms_max_width(atoms) + indent);
    /* No date in it (the usual cell): the same text, the same pieces. */
    if (w != b && strcmp(w, b) != 0) {
        atoms->count = 0;
        if (bar)
            rp_atoms_add_bar(atoms, bar, size);
        rp_atoms_add_text(atoms, m, b, strlen(b), face, size, RP_SPAN_TEXT, NULL);
        min = rp_atoms_min_width(atoms);
    }
    at_least(&p->min_broken, min + indent);
    free(whole);
    free(broken);
}

/* Adds the cells of `t` to `plan`, before padding. */
static void measure_cells(const struct rp_doc_table *t, const struct rp_metrics *m, double size,
                          char sep, struct rp_atoms *atoms, struct rp_column_plan *plan)
{
    bool *decimal = calloc(t->column_count ? t->column_count : 1, sizeof *decimal);
    if (!decimal)
        return;
    for (size_t c = 0; c < t->column_count; c++)
        decimal[c] = rp_column_decimal(t, c);
    for (size_t r = 0; r < t->row_count; r++) {
        const struct rp_doc_row *row = &t->rows[r];
        enum rp_face face = rp_row_face(row->kind);
        bool spans = rp_row_label_spans(t, row);
        for (size_t c = 0; c < t->column_count; c++) {
            const struct rp_doc_cell *cell = &row->cells[c];
            enum rp_face cf = cell->flags & RP_CELL_DIFFERS ? rp_face_with(face, 1, 0) : face;
            enum rp_face df = rp_face_with(cf, 0, 1);
            double indent = rp_row_indent(row, c);
            if (decimal[c]) {
                /* The value is one unit aligned on its separator; its detail line is words
                 * that may wrap under it. */
                if (!empty(cell->text))
                    measure_decimal(m, cf, size, cell->text, sep, &plan[c]);
                if (!empty(cell->detail))
                    measure_text(atoms, m, df, size * RP_TABLE_DETAIL_SCALE, cell->detail, 0, 0,
                                 false, &plan[c], NULL);
                continue;
            }
            if (!empty(cell->text))
                measure_text(atoms, m, cf, size, cell->text, cell->flags, indent, spans && c == 0,
                             &plan[c], cell->bar);
            if (!empty(cell->detail))
                measure_text(atoms, m, df, size * RP_TABLE_DETAIL_SCALE, cell->detail, 0, indent,
                             false, &plan[c], NULL);
        }
    }
    for (size_t h = 0; h < t->header_count; h++) {
        size_t c = 0;
        for (size_t i = 0; i < t->header[h].count && c < t->column_count; i++) {
            const struct rp_doc_hcell *hc = &t->header[h].cells[i];
            if (hc->span == 1 && !empty(hc->text))
                measure_text(atoms, m, RP_FACE_BOLD, size, hc->text, 0, 0, false, &plan[c], NULL);
            c += hc->span;
        }
    }
    free(decimal);
}

/* ---------------------------------------------------------------- the memo */

/* One table's cells measured at one size, before padding: what measure_cells() adds to a
 * zeroed plan. Every field of a plan only ever grows to a cell's width (at_least), so the
 * measure of a grid is the field-wise maximum of its tables' measures, whichever way it is
 * taken: measuring each table once and combining gives the very widths measuring the grid
 * at once gives. */
struct measured {
    const struct rp_doc_table *table;
    const struct rp_metrics *m;
    double size;
    char sep;
    size_t cols;
    struct rp_column_plan *cells; /* cols entries */
};

struct rp_table_memo {
    struct measured *items;
    size_t count, cap;
    size_t *slots; /* open addressing: index + 1 into items, 0 empty; slot_count a power of 2 */
    size_t slot_count;
};

static void *zeroed(size_t count, size_t size)
{
    void *p = rp_xmalloc(count * size);
    memset(p, 0, count * size);
    return p;
}

struct rp_table_memo *rp_table_memo_new(void)
{
    return zeroed(1, sizeof(struct rp_table_memo));
}

void rp_table_memo_free(struct rp_table_memo *memo)
{
    if (!memo)
        return;
    for (size_t i = 0; i < memo->count; i++)
        free(memo->items[i].cells);
    free(memo->items);
    free(memo->slots);
    free(memo);
}

size_t rp_table_memo_count(const struct rp_table_memo *memo)
{
    return memo ? memo->count : 0;
}

static size_t memo_hash(const struct rp_doc_table *t, const struct rp_metrics *m, double size,
                        char sep)
{
    uint64_t bits;
    memcpy(&bits, &size, sizeof bits);
    uint64_t h = (uint64_t)(uintptr_t)t * 0x9E3779B97F4A7C15u;
    h ^= ((uint64_t)(uintptr_t)m + bits + (unsigned char)sep) * 0xC2B2AE3D27D4EB4Fu;
    return (size_t)(h ^ (h >> 29));
}

static bool memo_is(const struct measured *e, const struct rp_doc_table *t,
                    const struct rp_metrics *m, double size, char sep)
{
    return e->table == t && e->m == m && e->size == size && e->sep == sep;
}

static void memo_index(struct rp_table_memo *memo, size_t i)
{
    const struct measured *e = &memo->items[i];
    size_t mask = memo->slot_count - 1;
    size_t at = memo_hash(e->table, e->m, e->size, e->sep) & mask;
    while (memo->slots[at])
        at = (at + 1) & mask;
    memo->slots[at] = i + 1;
}

static const struct measured *memo_find(const struct rp_table_memo *memo,
                                        const struct rp_doc_table *t, const struct rp_metrics *m,
                                        double size, char sep)
{
    if (!memo->slot_count)
        return NULL;
    size_t mask = memo->slot_count - 1;
    for (size_t at = memo_hash(t, m, size, sep) & mask; memo->slots[at]; at = (at + 1) & mask)
        if (memo_is(&memo->items[memo->slots[at] - 1], t, m, size, sep))
            return &memo->items[memo->slots[at] - 1];
    return NULL;
}

static const struct measured *memo_add(struct rp_table_memo *memo, struct measured e)
{
    if (memo->count == memo->cap) {
        memo->cap = memo->cap ? memo->cap * 2 : 16;
        memo->items = rp_xrealloc(memo->items, memo->cap * sizeof *memo->items);
    }
    memo->items[memo->count++] = e;
    if (2 * memo->count > memo->slot_count) { /* at most half full */
        free(memo->slots);
        memo->slot_count = memo->slot_count ? memo->slot_count * 2 : 32;
        memo->slots = zeroed(memo->slot_count, sizeof *memo->slots);
        for (size_t i = 0; i < memo->count; i++)
            memo_index(memo, i);
    } else {
        memo_index(memo, memo->count - 1);
    }
    return &memo->items[memo->count - 1];
}

/* The cells of `t` measured at `size`, from the memo or measured now and kept there. */
static const struct measured *measured_cells(struct rp_table_memo *memo,
                                             const struct rp_doc_table *t,
                                             const struct rp_metrics *m, double size, char sep,
                                             struct rp_atoms *atoms)
{
    const struct measured *e = memo_find(memo, t, m, size, sep);
    if (e)
        return e;
    struct measured fresh = {
        t,
        m,
        size,
        sep,
        t->column_count,
        zeroed(t->column_count ? t->column_count : 1, sizeof(struct rp_column_plan))};
    measure_cells(t, m, size, sep, atoms, fresh.cells);
    return memo_add(memo, fresh);
}

static void widen(struct rp_column_plan *to, const struct rp_column_plan *from, size_t cols)
{
    for (size_t c = 0; c < cols; c++) {
        at_least(&to[c].min, from[c].min);
        at_least(&to[c].min_broken, from[c].min_broken);
        at_least(&to[c].max, from[c].max);
        at_least(&to[c].int_width, from[c].int_width);
        at_least(&to[c].frac_width, from[c].frac_width);
    }
}

/* ---------------------------------------------------------------- measuring */

double rp_table_measure_memo(const struct rp_doc_table *const *tables, size_t n,
                             const struct rp_metrics *m, double size, double padding, char sep,
                             struct rp_table_memo *memo, struct rp_column_plan *plan)
{
    if (!n)
        return 0;
    size_t cols = tables[0]->column_count;
    struct rp_atoms atoms = {0};
    memset(plan, 0, cols * sizeof *plan);
    for (size_t i = 0; i < n; i++) {
        if (tables[i]->column_count != cols)
            continue;
        if (memo)
            widen(plan, measured_cells(memo, tables[i], m, size, sep, &atoms)->cells, cols);
        else
            measure_cells(tables[i], m, size, sep, &atoms, plan);
    }
    rp_atoms_free(&atoms);
    double total = 0;
    for (size_t c = 0; c < cols; c++) {
        struct rp_column_plan *p = &plan[c];
        /* A value is one unit (zero unless a table measured the column as numbers). */
        double w = p->int_width + p->frac_width;
        at_least(&p->min, w);
        at_least(&p->min_broken, w);
        at_least(&p->max, w);
        p->min += 2 * padding;
        p->min_broken += 2 * padding;
        p->max += 2 * padding;
        at_least(&p->max, p->min);
        if (p->min_broken > p->min)
            p->min_broken = p->min;
        total += p->min;
    }
    return total;
}

double rp_table_measure_union(const struct rp_doc_table *const *tables, size_t n,
                              const struct rp_metrics *m, double size, double padding, char sep,
                              struct rp_column_plan *plan)
{
    return rp_table_measure_memo(tables, n, m, size, padding, sep, NULL, plan);
}

double rp_table_measure(const struct rp_doc_table *t, const struct rp_metrics *m, double size,
                        double padding, char sep, struct rp_column_plan *plan)
{
    return rp_table_measure_union(&t, 1, m, size, padding, sep, plan);
}

/* Widths between the minimums `lo` (min or min_broken) and max, in proportion to what each
 * column lacks to be on one line. */
static void fit_between(size_t n, struct rp_column_plan *plan, bool broken, double avail)
{
    double sum_lo = 0, sum_max = 0;
    for (size_t c = 0; c < n; c++) {
        sum_lo += broken ? plan[c].min_broken : plan[c].min;
        sum_max += plan[c].max;
    }
    double k = sum_max > sum_lo ? (avail - sum_lo) / (sum_max - sum_lo) : 0;
    for (size_t c = 0; c < n; c++) {
        double lo = broken ? plan[c].min_broken : plan[c].min;
        plan[c].width = lo + (plan[c].max - lo) * k;
    }
}

void rp_table_fit(const struct rp_doc_table *t, struct rp_column_plan *plan, double avail)
{
    size_t n = t->column_count;
    double sum_min = 0, sum_broken = 0, sum_max = 0;
    for (size_t c = 0; c < n; c++) {
        sum_min += plan[c].min;
        sum_broken += plan[c].min_broken;
        sum_max += plan[c].max;
    }
    if (sum_max <= avail) {
        /* Every cell on one line; the table spans the text width, the room left shared in
         * proportion to max so that the columns keep the proportions of their content. */
        double extra = avail - sum_max;
        for (size_t c = 0; c < n; c++)
            plan[c].width =
                plan[c].max + (sum_max > 0 ? extra * plan[c].max / sum_max : extra / (double)n);
    } else if (sum_min <= avail) {
        fit_between(n, plan, false, avail);
    } else if (sum_broken <= avail) {
        fit_between(n, plan, true, avail);
    } else {
        /* Does not fit: the caller was told (rp_table_fits); scale the minimums so that the
         * table at least stays within the page. */
        for (size_t c = 0; c < n; c++)
            plan[c].width = sum_broken > 0 ? plan[c].min_broken * avail / sum_broken : 0;
    }
}

bool rp_table_fits(const struct rp_doc_table *t, const struct rp_column_plan *plan, double avail)
{
    double need = 0;
    for (size_t c = 0; c < t->column_count; c++)
        need += plan[c].min_broken;
    return need <= avail + 0.01;
}
