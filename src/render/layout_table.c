/* Table placement: caption and header rows repeated on every page the table spans, rows
 * kept whole unless taller than a page, decimal alignment, subtotal and total rows set
 * apart, of-which rows indented, flagged cells tinted with their explanation beneath. */
#include "render/layout_flow.h"
#include "render/table_width.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

#define PAD_X 4.0
#define PAD_Y 2.6
#define NOTES_GAP 5.0 /* between the last row and the notes */

static bool empty(const char *s)
{
    return !s || !*s;
}

struct cell_box {
    struct rp_atoms atoms;
    struct rp_lines lines;
    size_t nlines;
};

struct table {
    struct rp_flow *f;
    struct rp_layout_env env; /* the flow's, without hyphenation: cells wrap at spaces */
    const struct rp_doc_table *t;
    struct rp_column_plan *plan;
    double *x; /* column_count + 1 edges */
    double size, lh, width;
    struct cell_box *cells;
    bool *decimal; /* per column: set as numbers (rp_column_decimal) */
    double *header_h;
    /* Structure: the body's element, and the elements of the row being drawn (0 when the
     * table is an artifact) */
    uint32_t body, *cell_elem;
};

static double line_base(double top, double lh, double size)
{
    return top + (lh - size) / 2 + size * 0.8;
}

static enum rp_text_align text_align(enum rp_align a)
{
    return a == RP_ALIGN_CENTER                           ? RP_TEXT_CENTER
           : a == RP_ALIGN_RIGHT || a == RP_ALIGN_DECIMAL ? RP_TEXT_RIGHT
                                                          : RP_TEXT_LEFT;
}

/* Lays out the header row `h` into f->atoms / f->lines one cell at a time; with `draw`
 * the cells are drawn in a row starting at `top`. Returns the row height. */
static double header_row(struct table *tb, size_t h, bool draw, double top)
{
    struct rp_flow *f = tb->f;
    const struct rp_doc_header_row *hr = &tb->t->header[h];
    double height = tb->lh + 2 * PAD_Y;
    size_t c = 0;
    for (size_t i = 0; i < hr->count && c < tb->t->column_count; i++) {
        const struct rp_doc_hcell *hc = &hr->cells[i];
        size_t end = c + hc->span > tb->t->column_count ? tb->t->column_count : c + hc->span;
        double x = tb->x[c], w = tb->x[end] - x;
        struct rp_tagging tagging = {f->elem, f->artifact};
        if (draw) {
            tagging = rp_flow_tag(f, RP_ST_TH);
            if (f->elem) {
                struct rp_struct_elem *e = rp_flow_elem_at(f, f->elem);
                e->scope = RP_SCOPE_COLUMN;
                e->col_span = (uint32_t)(end - c);
            }
        }
        f->atoms.count = 0;
        rp_atoms_add_text(&f->atoms, f->m, hc->text, strlen(hc->text), RP_FACE_BOLD, tb->size,
                          RP_SPAN_TEXT, NULL);
        rp_flow_atoms_lang(f, hc->lang);
        size_t n = rp_break_lines(&f->atoms, w - 2 * PAD_X, &tb->env, &f->lines);
        double hh = (double)n * tb->lh + 2 * PAD_Y;
        if (hh > height)
            height = hh;
        if (draw) {
            double row_h = tb->header_h[h];
            double y = top + row_h - PAD_Y - (double)n * tb->lh;
            enum rp_text_align al = hc->span > 1 ? RP_TEXT_CENTER : text_align(hc->align);
            for (size_t k = 0; k < n; k++)
                rp_flow_draw_line(f, &f->atoms, &f->lines.items[k], x + PAD_X,
                                  line_base(y + (double)k * tb->lh, tb->lh, tb->size),
                                  w - 2 * PAD_X, al, f->theme->header_text);
            if (hc->span > 1 && h + 1 < tb->t->header_count && !empty(hc->text))
                rp_flow_hline(f, x + 3, x + w - 3, top + row_h - 1, 0.5, f->theme->header_text);
        }
        rp_flow_untag(f, tagging);
        c = end;
    }
    return height;
}

static void draw_header(struct table *tb)
{
    struct rp_flow *f = tb->f;
    double total = 0;
    for (size_t h = 0; h < tb->t->header_count; h++)
        total += tb->header_h[h];
    if (total > 0) {
        rp_flow_rect(f, tb->x[0], f->y, tb->width, total, f->theme->header_fill);
        double y = f->y;
        struct rp_tagging head_tagging = rp_flow_tag(f, RP_ST_THEAD);
        for (size_t h = 0; h < tb->t->header_count; h++) {
            struct rp_tagging row_tagging = rp_flow_tag(f, RP_ST_TR);
            header_row(tb, h, true, y);
            rp_flow_untag(f, row_tagging);
            y += tb->header_h[h];
        }
        rp_flow_untag(f, head_tagging);
        f->y = y;
    }
    rp_flow_hline(f, tb->x[0], tb->x[0] + tb->width, f->y, 0.9, f->theme->primary);
    f->y += 1;
}

static double caption_height(struct table *tb, bool continued, bool draw)
{
    struct rp_flow *f = tb->f;
    const struct rp_theme *th = f->theme;
    double size = th->caption_size, lh = size * 1.25;
    if (!tb->t->caption.count)
        return 0;
    f->atoms.count = 0;
    rp_atoms_add_spans(&f->atoms, f->m, &tb->t->caption, RP_FACE_BOLD, size);
    const char *more = f->doc->labels.continued;
    if (continued && !empty(more) && f->atoms.count) {
        f->atoms.items[f->atoms.count - 1].brk = RP_BRK_SPACE;
        f->atoms.items[f->atoms.count - 1].space = (float)(size * 0.28);
        rp_atoms_add_text(&f->atoms, f->m, more, strlen(more), RP_FACE_ITALIC, size, RP_SPAN_TEXT,
                          NULL);
    }
    rp_break_lines(&f->atoms, tb->width, f->env, &f->lines);
    struct rp_tagging tagging = draw ? rp_flow_tag(f, RP_ST_CAPTION) : rp_flow_enter(f, f->elem);
    if (draw)
        for (size_t k = 0; k < f->lines.count; k++)
            rp_flow_draw_line(f, &f->atoms, &f->lines.items[k], tb->x[0],
                              line_base(f->y + (double)k * lh, lh, size), tb->width, RP_TEXT_LEFT,
                              th->primary);
    rp_flow_untag(f, tagging);
    return (double)f->lines.count * lh + 5;
}

static double header_height(const struct table *tb)
{
    double h = 1;
    for (size_t i = 0; i < tb->t->header_count; i++)
        h += tb->header_h[i];
    return h;
}

/* Caption and header at the top of the table or of each page it continues on. */
static void table_top(struct table *tb, bool continued)
{
    struct rp_flow *f = tb->f;
    /* Repeated on the pages the table continues on, they are read once, at its start. */
    struct rp_tagging tagging =
        continued ? rp_flow_artifact(f, RP_ART_PAGINATION) : rp_flow_enter(f, f->elem);
    f->y += caption_height(tb, continued, true);
    draw_header(tb);
    rp_flow_untag(f, tagging);
    f->fresh = false;
}

/* The elements of row r: a TR in the body, a TH (the row's label) or TD per cell drawn. */
static void tag_row(struct table *tb, size_t r)
{
    struct rp_flow *f = tb->f;
    const struct rp_doc_table *t = tb->t;
    if (!tb->body)
        return;
    uint32_t tr = rp_flow_elem(f, tb->body, RP_ST_TR);
    bool spans = rp_row_label_spans(t, &t->rows[r]);
    for (size_t c = 0; c < t->column_count; c++) {
        tb->cell_elem[c] = 0;
        if (spans && c > 0)
            continue;
        bool header = t->columns[c].is_header || spans;
        uint32_t e = rp_flow_elem(f, tr, header ? RP_ST_TH : RP_ST_TD);
        struct rp_struct_elem *el = rp_flow_elem_at(f, e);
        el->scope = header ? RP_SCOPE_ROW : RP_SCOPE_NONE;
        el->col_span = spans ? (uint32_t)t->column_count : 1;
        el->lang = t->rows[r].cells[c].lang;
        tb->cell_elem[c] = e;
    }
}

/* Lays out the cells of row r; returns the number of visual lines. */
static size_t layout_row(struct table *tb, size_t r)
{
    struct rp_flow *f = tb->f;
    const struct rp_doc_table *t = tb->t;
    const struct rp_doc_row *row = &t->rows[r];
    enum rp_face face = rp_row_face(row->kind);
    bool spans = rp_row_label_spans(t, row);
    size_t most = 1;
    for (size_t c = 0; c < t->column_count; c++) {
        struct cell_box *cb = &tb->cells[c];
        const struct rp_doc_cell *cell = &row->cells[c];
        cb->nlines = 0;
        if (spans && c > 0)
            continue;
        enum rp_face cf = cell->flags & RP_CELL_DIFFERS ? rp_face_with(face, 1, 0) : face;
        double w = (spans ? tb->width : tb->plan[c].width) - 2 * PAD_X - rp_row_indent(row, c);
        if (tb->decimal[c]) {
            /* The value on its line; its detail in words beneath, wrapping if it must. */
            cb->atoms.count = 0;
            cb->nlines = (size_t)!empty(cell->text);
            if (!empty(cell->detail)) {
                rp_atoms_add_text(&cb->atoms, f->m, cell->detail, strlen(cell->detail),
                                  rp_face_with(cf, 0, 1), tb->size * RP_TABLE_DETAIL_SCALE,
                                  RP_SPAN_TEXT, NULL);
                cb->nlines += rp_break_lines(&cb->atoms, w, &tb->env, &cb->lines);
            }
        } else {
            cb->atoms.count = 0;
            /* A status symbol stays with its word; a date or a label stays whole where it
             * fits, else breaks between its words. */
            const char *text = cell->text;
            char *bound = empty(text) ? NULL : rp_cell_bind(text, cell->flags, true);
            if (bound && rp_cell_whole_if_fits(text, cell->flags) &&
                rp_text_width(f->m, cf, tb->size, bound, strlen(bound)) > w) {
                free(bound);
                bound = rp_cell_bind(text, cell->flags, false);
            }
            /* Drawn items point at their text until the page is emitted: the bound copy
             * lives in the layout's arena, like the document's own strings. */
            if (bound) {
                text = rp_arena_strdup(f->env->arena, bound);
                free(bound);
            }
            /* The cell's text as a span of its own kind and language (its detail line is the
             * document's words): a review edition marks it when drawn. */
            if (cell->bar)
                rp_atoms_add_bar(&cb->atoms, cell->bar, tb->size);
            if (!empty(text)) {
                rp_atoms_add_text(
                    &cb->atoms, f->m, text, strlen(text), cf, tb->size,
                    cell->flags & RP_CELL_PLACEHOLDER ? RP_SPAN_PLACEHOLDER : RP_SPAN_TEXT, NULL);
                for (size_t k = 0; k < cb->atoms.count; k++)
                    cb->atoms.items[k].lang = cell->lang;
            }
            if (!empty(cell->detail)) {
                if (cb->atoms.count)
                    cb->atoms.items[cb->atoms.count - 1].brk = RP_BRK_NEWLINE;
                rp_atoms_add_text(&cb->atoms, f->m, cell->detail, strlen(cell->detail),
                                  rp_face_with(cf, 0, 1), tb->size * RP_TABLE_DETAIL_SCALE,
                                  RP_SPAN_TEXT, NULL);
            }
            cb->nlines = rp_break_lines(&cb->atoms, w, &tb->env, &cb->lines);
        }
        if (cb->nlines > most)
            most = cb->nlines;
    }
    return most;
}

static double row_extra(const struct rp_doc_row *row)
{
    return row->kind == RP_DOC_ROW_GROUP ? 4 : 0;
}

/* Draws visual lines [a, b) of the row laid out by layout_row(). */
static void draw_row(struct table *tb, size_t r, size_t a, size_t b)
{
    struct rp_flow *f = tb->f;
    const struct rp_theme *th = f->theme;
    const struct rp_doc_table *t = tb->t;
    const struct rp_doc_row *row = &t->rows[r];
    double extra = a == 0 ? row_extra(row) : 0;
    double h = (double)(b - a) * tb->lh + 2 * PAD_Y + extra, y0 = f->y, x0 = tb->x[0];
    if (row->kind == RP_DOC_ROW_SUBTOTAL)
        rp_flow_rect(f, x0, y0, tb->width, h, th->subtotal_fill);
    else if (row->kind == RP_DOC_ROW_TOTAL)
        rp_flow_rect(f, x0, y0, tb->width, h, th->total_fill);
    for (size_t c = 0; c < t->column_count; c++)
        if (row->cells[c].flags & RP_CELL_DIFFERS)
            rp_flow_rect(f, tb->x[c], y0, tb->plan[c].width, h, th->flag_fill);
    if (row->kind == RP_DOC_ROW_SUBTOTAL && a == 0)
        rp_flow_hline(f, x0, x0 + tb->width, y0, 0.5, th->muted);
    if (row->kind == RP_DOC_ROW_TOTAL && a == 0)
        rp_flow_hline(f, x0, x0 + tb->width, y0, 0.9, th->primary);
    enum rp_face face = rp_row_face(row->kind);
    double top = y0 + PAD_Y + extra;
    for (size_t c = 0; c < t->column_count; c++) {
        const struct rp_doc_cell *cell = &row->cells[c];
        struct cell_box *cb = &tb->cells[c];
        struct rp_rgb color = cell->flags & RP_CELL_DIFFERS ? th->flag_text
                              : cell->flags & RP_CELL_GOOD  ? th->status_good
                              : cell->flags & RP_CELL_WARN  ? th->status_warn
                              : cell->flags & RP_CELL_BAD   ? th->status_bad
                                                            : th->text;
        enum rp_face cf = cell->flags & RP_CELL_DIFFERS ? rp_face_with(face, 1, 0) : face;
        double cx = tb->x[c], cw = tb->plan[c].width;
        struct rp_tagging tagging = rp_flow_enter(f, tb->cell_elem[c]);
        if (tb->decimal[c]) {
            /* Integer parts end at the same x, so decimal commas line up. */
            double sep_x = cx + cw - PAD_X - tb->plan[c].frac_width;
            size_t line = 0;
            if (!empty(cell->text)) {
                if (a == 0) {
                    size_t len = strlen(cell->text),
                           s = rp_decimal_point(cell->text, len, f->decimal_sep);
                    double wi = rp_text_width(f->m, cf, tb->size, cell->text, s);
                    rp_flow_text(f, sep_x - wi, line_base(top, tb->lh, tb->size), cf, tb->size,
                                 color, cell->text, len);
                }
                line = 1;
            }
            /* The detail's lines, right-aligned under the value. */
            for (size_t k = 0; k < cb->lines.count && !empty(cell->detail); k++, line++) {
                if (line < a || line >= b)
                    continue;
                const struct rp_line *ln = &cb->lines.items[k];
                double size = cb->atoms.items[ln->first].size;
                rp_flow_draw_line(f, &cb->atoms, ln, cx + PAD_X,
                                  line_base(top + (double)(line - a) * tb->lh, tb->lh, size),
                                  cw - 2 * PAD_X, RP_TEXT_RIGHT, color);
            }
            rp_flow_untag(f, tagging);
            continue;
        }
        double indent = rp_row_indent(row, c);
        double w = (rp_row_label_spans(t, row) ? tb->width : cw) - 2 * PAD_X - indent;
        for (size_t k = a; k < b && k < cb->nlines; k++) {
            const struct rp_line *ln = &cb->lines.items[k];
            double size = cb->atoms.items[ln->first].size;
            rp_flow_draw_line(f, &cb->atoms, ln, cx + PAD_X + indent,
                              line_base(top + (double)(k - a) * tb->lh, tb->lh, size), w,
                              text_align(t->columns[c].align), color);
        }
        rp_flow_untag(f, tagging);
    }
    if (row->kind == RP_DOC_ROW_TOTAL)
        rp_flow_hline(f, x0, x0 + tb->width, y0 + h, 0.9, th->primary);
    else if (row->kind != RP_DOC_ROW_SUBTOTAL)
        rp_flow_hline(f, x0, x0 + tb->width, y0 + h, 0.25, th->rule);
    f->y += h;
}

static double row_height(const struct table *tb, size_t r, size_t lines)
{
    return (double)lines * tb->lh + 2 * PAD_Y + row_extra(&tb->t->rows[r]);
}

/* The table's size, orientation and widths (table_width.h), its columns measured over
 * every table of the document that shares its grid, so that such tables line up; a table
 * that the others would push onto landscape pages (or to a smaller size) is set alone.
 * `turned`: another language edition of the document needs it landscape (layout_edition.c). */
static bool decide(struct table *tb, bool turned, bool *landscape)
{
    struct rp_flow *f = tb->f;
    const struct rp_theme *th = f->theme;
    const struct rp_doc_table *t = tb->t;
    struct rp_table_geometry g = {
        .portrait = th->page_width - th->margin_left - th->margin_right,
        .landscape = th->page_height - th->margin_left - th->margin_right,
        .size = th->table_size,
        .min_size = th->min_table_size,
        .padding = PAD_X,
        .sep = f->decimal_sep,
        /* Landscape in another language edition of the document: here too. */
        .force = turned ? RP_TABLE_LANDSCAPE : RP_TABLE_AUTO,
        .memo = f->env->tables,
    };
    size_t n = rp_table_grid(f->doc, t, NULL, 0);
    const struct rp_doc_table **grid = calloc(n, sizeof *grid);
    struct rp_column_plan *alone = calloc(t->column_count, sizeof *alone);
    if (!grid || !alone) {
        free(grid);
        free(alone);
        return false;
    }
    rp_table_grid(f->doc, t, grid, n);
    struct rp_table_decision d = {0}, da = {0};
    bool ok = rp_table_decide(grid, n, f->m, &g, tb->plan, &d);
    if (ok && n > 1 && (d.landscape || d.size < g.size) &&
        rp_table_decide(&t, 1, f->m, &g, alone, &da) &&
        ((d.landscape && !da.landscape) || da.size > d.size)) {
        memcpy(tb->plan, alone, t->column_count * sizeof *alone);
        d = da;
    }
    free(grid);
    free(alone);
    tb->size = ok ? d.size : th->table_size;
    *landscape = ok && d.landscape;
    return ok;
}

bool rp_flow_table_landscape(struct rp_flow *f, const struct rp_node *node)
{
    const struct rp_doc_table *t = &node->u.table;
    if (!t->column_count)
        return false;
    struct table tb = {.f = f, .t = t};
    tb.plan = calloc(t->column_count, sizeof *tb.plan);
    bool landscape = false;
    if (tb.plan)
        decide(&tb, rp_flow_table_turned(f, node), &landscape);
    free(tb.plan);
    return landscape || rp_flow_table_turned(f, node);
}

/* What deciding a table's breaks needs: the table, its row heights, the height of its notes
 * (kept with the last row), the room for rows on a page it continues on. */
struct part_plan {
    const struct table *tb;
    const double *heights;
    size_t rows; /* set: all the table's, or its first ones when only its start is measured */
    double notes_h, room;
};

/* The rows from row r that go on the page whose rows start at y and end at `bottom`.
 *
 * Greedy first: as many rows as fit, a closing total taking the row above it and the last
 * row its notes. Then a break that would leave fewer than RP_TABLE_MIN_PART rows on the
 * next page moves up so that both pages hold that many: a table part of one or two rows
 * reads as a remnant, its header repeated for next to nothing. Where the rows left cannot
 * be shared that way (fewer than twice that many), the greedy break stands: the table's
 * start is kept whole by the caller (rp_flow_need), so this happens only to tables with
 * rows taller than a page. A row taller than a page ends its part: it is split between its
 * lines. 0: the next row does not fit here but does on a page of its own. */
static size_t part_rows(const struct part_plan *p, size_t r, double y, double bottom)
{
    const struct rp_doc_table *t = p->tb->t;
    size_t n = p->rows, k = 0;
    bool tall = false;
    for (; r + k < n; k++) {
        size_t i = r + k;
        double h = p->heights[i], keep = i + 1 == n ? p->notes_h : 0;
        /* A closing total never goes alone to the next page: it takes the row above. */
        if (i + 2 == n && t->rows[i + 1].kind == RP_DOC_ROW_TOTAL)
            keep = p->heights[i + 1] + p->notes_h;
        bool with_next = y + h + keep > bottom && h + keep <= p->room;
        bool alone = y + h > bottom && h <= p->room;
        if (k > 0 && (with_next || alone))
            break;
        if (alone)
            return 0; /* after a row split over pages: not even one row fits here */
        if (y + h > bottom + 0.01) {
            tall = true;
            k++;
            break;
        }
        y += h;
    }
    size_t rest = n - r - k;
    if (tall || rest == 0 || rest >= RP_TABLE_MIN_PART)
        return k;
    for (size_t i = r + k; i < n; i++)
        if (p->heights[i] > p->room)
            return k; /* the rows left do not fit on one page anyway */
    size_t back = RP_TABLE_MIN_PART - rest;
    return k >= back + RP_TABLE_MIN_PART ? k - back : k;
}

void rp_flow_table(struct rp_flow *f, const struct rp_node *node)
{
    const struct rp_doc_table *t = &node->u.table;
    if (!t->column_count)
        return;
    struct table tb = {.f = f, .t = t, .env = rp_env_plain(f->env)};
    size_t n = t->column_count;
    tb.plan = calloc(n, sizeof *tb.plan);
    tb.x = calloc(n + 1, sizeof *tb.x);
    tb.cells = calloc(n, sizeof *tb.cells);
    tb.decimal = calloc(n, sizeof *tb.decimal);
    tb.header_h = calloc(t->header_count + 1, sizeof *tb.header_h);
    tb.cell_elem = calloc(n, sizeof *tb.cell_elem);
    if (!tb.plan || !tb.x || !tb.cells || !tb.decimal || !tb.header_h || !tb.cell_elem) {
        free(tb.plan);
        free(tb.decimal);
        free(tb.x);
        free(tb.cells);
        free(tb.header_h);
        free(tb.cell_elem);
        f->status = -1;
        return;
    }
    for (size_t c = 0; c < n; c++)
        tb.decimal[c] = rp_column_decimal(t, c);
    bool landscape = false;
    if (!decide(&tb, rp_flow_table_turned(f, node), &landscape))
        f->status = -1;
    /* Landscape in another language edition: here too (decide() was told so). */
    landscape = landscape || rp_flow_table_turned(f, node);
    rp_flow_table_laid(f, node, landscape);
    f->want_landscape = landscape;
    rp_flow_need(f, 0);
    /* The decision's widths are for the page's full text width; a narrower box takes them
     * down in proportion. */
    if (tb.plan[0].width > 0) {
        double sum = 0;
        for (size_t c = 0; c < n; c++)
            sum += tb.plan[c].width;
        if (sum > f->right - f->left + 0.01)
            rp_table_fit(t, tb.plan, f->right - f->left);
    }
    tb.lh = tb.size * 1.28;
    tb.x[0] = f->left;
    for (size_t c = 0; c < n; c++)
        tb.x[c + 1] = tb.x[c] + tb.plan[c].width;
    tb.width = tb.x[n] - tb.x[0];
    for (size_t h = 0; h < t->header_count; h++)
        tb.header_h[h] = header_row(&tb, h, false, 0);

    /* Row heights, known before the first row is drawn: where the table breaks depends on
     * the rows that come after the break (see part_rows()). A measure of the table's start
     * (rp_flow_keep_height) sets its first rows only. */
    size_t rows = f->row_limit && f->row_limit < t->row_count ? f->row_limit : t->row_count;
    bool notes = rows == t->row_count;
    double *heights = malloc((rows ? rows : 1) * sizeof *heights);
    if (!heights)
        f->status = -1;
    for (size_t r = 0; heights && r < rows; r++)
        heights[r] = row_height(&tb, r, layout_row(&tb, r));
    /* The notes explain the rows: they stay on the page of the last row, unless they are
     * so long (over a third of a page) that keeping them would leave a page half empty. */
    double notes_h = notes && t->note_count ? NOTES_GAP : 0;
    for (size_t i = 0; notes && i < t->note_count; i++) {
        double w = rp_flow_note_indent(f, &t->notes[i]);
        f->note_indent = w > f->note_indent ? w : f->note_indent;
    }
    for (size_t i = 0; notes && i < t->note_count; i++)
        notes_h += rp_flow_note_height(f, &t->notes[i]);
    f->note_indent = 0;
    if (notes_h > (f->bottom - f->top) / 3)
        notes_h = 0;
    double room_new_page =
        f->bottom - f->top - caption_height(&tb, true, false) - header_height(&tb);
    struct part_plan plan = {&tb, heights, rows, notes_h, room_new_page};

    /* Keep the caption and the header with the first rows of the table: as many as a part
     * may hold at the least, or the whole table (with its notes) when it cannot be split
     * leaving that many on both pages, if it fits on a page. */
    double top_h = caption_height(&tb, false, false) + header_height(&tb), start = top_h;
    size_t n_rows = heights ? rows : 0;
    size_t first = n_rows < 2 * RP_TABLE_MIN_PART ? n_rows : RP_TABLE_MIN_PART;
    for (size_t r = 0; r < first; r++)
        start += heights[r];
    if (first == n_rows)
        start += notes_h;
    if (start > f->bottom - f->top) { /* taller than a page: keep the least, split the rest */
        start = top_h;
        for (size_t r = 0; r < n_rows && r < RP_TABLE_MIN_PART; r++)
            start += heights[r];
    }
    rp_flow_need(f, start);
    struct rp_tagging table_tagging = rp_flow_tag(f, RP_ST_TABLE);
    table_top(&tb, false);
    tb.body = f->elem ? rp_flow_elem(f, f->elem, RP_ST_TBODY) : 0;

    for (size_t r = 0; r < n_rows && !f->status;) {
        size_t take = part_rows(&plan, r, f->y, f->bottom);
        bool tall = false;
        if (take == 0) {
            rp_flow_new_page(f, f->kind, f->landscape);
            table_top(&tb, true);
            continue;
        }
        for (size_t end = r + take; r < end && !f->status; r++) {
            size_t lines = layout_row(&tb, r);
            double h = heights[r];
            tag_row(&tb, r);
            if (f->y + h <= f->bottom + 0.01) {
                draw_row(&tb, r, 0, lines);
                continue;
            }
            /* Taller than what is left of the page: split between lines, repeating the
             * header. */
            tall = true;
            bool broke = false;
            for (size_t a = 0; a < lines && !f->status;) {
                double room = f->bottom - f->y - 2 * PAD_Y - row_extra(&t->rows[r]);
                size_t fit = room > 0 ? (size_t)(room / tb.lh) : 0;
                if (fit == 0 && !broke) {
                    rp_flow_new_page(f, f->kind, f->landscape);
                    table_top(&tb, true);
                    broke = true;
                    continue;
                }
                broke = false;
                if (fit == 0)
                    fit = 1; /* not even one line fits under the header: overflow */
                size_t b = a + fit < lines ? a + fit : lines;
                draw_row(&tb, r, a, b);
                a = b;
            }
        }
        /* After a row split over pages the next part starts where that row ended. */
        if (r < n_rows && !tall && !f->status) {
            rp_flow_new_page(f, f->kind, f->landscape);
            table_top(&tb, true);
        }
    }
    free(heights);
    rp_flow_untag(f, table_tagging);
    if (notes && t->note_count) {
        f->y += NOTES_GAP;
        double indent = 0;
        for (size_t i = 0; i < t->note_count; i++) {
            double w = rp_flow_note_indent(f, &t->notes[i]);
            indent = w > indent ? w : indent;
        }
        f->note_indent = indent;
        for (size_t i = 0; i < t->note_count && !f->status; i++)
            rp_flow_note(f, &t->notes[i]);
        f->note_indent = 0;
    }
    f->y += rp_flow_gap(f, f->theme->paragraph_gap + 6);
    f->want_landscape = false;
    for (size_t c = 0; c < n; c++) {
        rp_atoms_free(&tb.cells[c].atoms);
        rp_lines_free(&tb.cells[c].lines);
    }
    free(tb.plan);
    free(tb.x);
    free(tb.cells);
    free(tb.decimal);
    free(tb.header_h);
    free(tb.cell_elem);
}
