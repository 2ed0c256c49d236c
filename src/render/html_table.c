/* Tables: caption, summary, header rows with their scopes, body rows by kind, flagged and
 * status cells, notes; the whole in a wrapper that scrolls sideways on a narrow screen, so
 * that the page itself never does.
 *
 * What the PDF shows, the HTML shows: group rows that span the table head a group of rows
 * (a <tbody> of their own, their label a rowgroup header); subtotal and total rows are set
 * apart; of-which rows are indented and italic; a stated figure that differs from the
 * computed one is flagged with the detail that says so in words; a status keeps its symbol
 * and its word together, in its colour. */
#include "render/html_internal.h"

#include "load/xml_write.h"
#include "util/arena.h"
#include "util/utf8.h"

#include <stdint.h>
#include <string.h>

/* Deeper indents than this look alike: the CSS defines .i1 to .i6. */
#define MAX_INDENT 6

static bool empty(const char *s)
{
    return !s || !*s;
}

static const char *align_class(enum rp_align align)
{
    switch (align) {
    case RP_ALIGN_CENTER:
        return "c";
    case RP_ALIGN_RIGHT:
        return "r";
    case RP_ALIGN_DECIMAL:
        return "d";
    default:
        return NULL;
    }
}

static const char *row_class(enum rp_doc_row_kind kind)
{
    switch (kind) {
    case RP_DOC_ROW_GROUP:
        return "group";
    case RP_DOC_ROW_SUBTOTAL:
        return "subtotal";
    case RP_DOC_ROW_TOTAL:
        return "total";
    case RP_DOC_ROW_OF_WHICH:
        return "of-which";
    default:
        return NULL;
    }
}

/* A group row whose label is its only text: the label spans the table (as in the PDF). */
static bool label_spans(const struct rp_doc_table *t, const struct rp_doc_row *row)
{
    if (row->kind != RP_DOC_ROW_GROUP || t->column_count < 2)
        return false;
    for (size_t c = 1; c < t->column_count; c++)
        if (!empty(row->cells[c].text) || !empty(row->cells[c].detail))
            return false;
    return true;
}

/* Column groups, when a header row above others groups columns ("2023" over "CE" and
 * "CL"): a colgroup-scoped header applies to the columns of its <colgroup>. Written when the
 * first header row covers the columns exactly. */
static bool column_groups(const struct rp_doc_table *t)
{
    if (t->header_count < 2)
        return false;
    const struct rp_doc_header_row *top = &t->header[0];
    size_t covered = 0;
    bool grouped = false;
    for (size_t i = 0; i < top->count; i++) {
        covered += top->cells[i].span ? top->cells[i].span : 1;
        grouped = grouped || top->cells[i].span > 1;
    }
    return grouped && covered == t->column_count;
}

static void header(struct html_ctx *c, const struct rp_doc_table *t)
{
    if (column_groups(t))
        for (size_t i = 0; i < t->header[0].count; i++) {
            html_block(c, "colgroup");
            if (t->header[0].cells[i].span > 1)
                rp_xml_attrf(c->w, "span", "%zu", t->header[0].cells[i].span);
            rp_xml_end(c->w);
        }
    if (t->header_count == 0)
        return;
    html_block(c, "thead");
    for (size_t h = 0; h < t->header_count; h++) {
        const struct rp_doc_header_row *hr = &t->header[h];
        html_block(c, "tr");
        for (size_t i = 0; i < hr->count; i++) {
            const struct rp_doc_hcell *hc = &hr->cells[i];
            size_t span = hc->span ? hc->span : 1;
            /* A header with no words heads nothing: an empty data cell holds its place. */
            bool named = !empty(hc->text);
            rp_xml_start(c->w, named ? "th" : "td");
            if (named)
                rp_xml_attr(c->w, "scope", span > 1 ? "colgroup" : "col");
            if (span > 1)
                rp_xml_attrf(c->w, "colspan", "%zu", span);
            const char *align = align_class(hc->align);
            if (align)
                rp_xml_attr(c->w, "class", align);
            html_text_in(c, hc->text, hc->lang, false);
            rp_xml_end(c->w);
        }
        rp_xml_end(c->w);
    }
    rp_xml_end(c->w);
}

static const char *status_class(unsigned flags)
{
    return flags & RP_CELL_GOOD   ? "status good"
           : flags & RP_CELL_WARN ? "status warn"
           : flags & RP_CELL_BAD  ? "status bad"
                                  : NULL;
}

/* Symbol-led text longer than this is prose that happens to start with a dash: it may wrap. */
#define SYMBOL_LED_MAX 48

/* Whether `text` is a short statement led by a symbol and a space: a neutral status
 * ("◊ Norme à définir"). The symbol must not be left alone at the end of a line, as a toned
 * status's and a measure bar's figure are not. */
static bool symbol_led(const char *text)
{
    size_t len = strlen(text);
    if (len > SYMBOL_LED_MAX)
        return false;
    const char *p = text, *end = text + len;
    uint32_t first = rp_utf8_next(&p, end);
    if (first < 0x2010 || first > 0x2BFF) /* punctuation, arrows, shapes, symbols */
        return false;
    return strchr(text, ' ') != NULL;
}

/* The cell's text (a status in its colour, symbol and word unbroken), then its detail on a
 * line of its own, in the document's language. */
static void cell_content(struct html_ctx *c, const struct rp_doc_cell *cell)
{
    if (!empty(cell->text)) {
        const char *status = status_class(cell->flags);
        if (!status && (cell->bar || symbol_led(cell->text)))
            status = "status";
        if (status) {
            rp_xml_start(c->w, "span");
            rp_xml_attr(c->w, "class", status);
        }
        if (cell->bar)
            html_bar(c, cell->bar);
        html_text_in(c, cell->text, cell->lang, cell->flags & RP_CELL_PLACEHOLDER);
        if (status)
            rp_xml_end(c->w);
    }
    if (!empty(cell->detail)) {
        /* A space between the two lines for whoever reads the text without the styles. */
        if (!empty(cell->text))
            rp_xml_text(c->w, " ");
        rp_xml_start(c->w, "span");
        rp_xml_attr(c->w, "class", "detail");
        rp_xml_text(c->w, cell->detail);
        rp_xml_end(c->w);
    }
}

static void cell_classes(struct html_ctx *c, const struct rp_doc_table *t,
                         const struct rp_doc_row *row, size_t col)
{
    const char *parts[3] = {NULL, NULL, NULL};
    size_t n = 0;
    const char *align = align_class(t->columns[col].align);
    if (align)
        parts[n++] = align;
    unsigned indent = col == 0 ? row->level + (row->kind == RP_DOC_ROW_OF_WHICH ? 1u : 0u) : 0;
    if (indent > MAX_INDENT)
        indent = MAX_INDENT;
    if (indent)
        parts[n++] = rp_arena_printf(c->arena, "i%u", indent);
    if (row->cells[col].flags & RP_CELL_DIFFERS)
        parts[n++] = "differs";
    if (n == 1)
        rp_xml_attr(c->w, "class", parts[0]);
    else if (n == 2)
        rp_xml_attrf(c->w, "class", "%s %s", parts[0], parts[1]);
    else if (n == 3)
        rp_xml_attrf(c->w, "class", "%s %s %s", parts[0], parts[1], parts[2]);
}

static void row_cells(struct html_ctx *c, const struct rp_doc_table *t,
                      const struct rp_doc_row *row)
{
    for (size_t col = 0; col < t->column_count; col++) {
        const struct rp_doc_cell *cell = &row->cells[col];
        /* A row header without words heads nothing: a data cell, like an empty one. */
        bool head = t->columns[col].is_header && !empty(cell->text);
        rp_xml_start(c->w, head ? "th" : "td");
        if (head)
            rp_xml_attr(c->w, "scope", "row");
        cell_classes(c, t, row, col);
        cell_content(c, cell);
        rp_xml_end(c->w);
    }
}

static void body(struct html_ctx *c, const struct rp_doc_table *t)
{
    bool open = false;
    for (size_t r = 0; r < t->row_count; r++) {
        const struct rp_doc_row *row = &t->rows[r];
        bool spans = label_spans(t, row);
        /* A spanning group label heads the rows up to the next one: a row group. */
        if (open && spans && r > 0) {
            rp_xml_end(c->w);
            open = false;
        }
        if (!open) {
            html_block(c, "tbody");
            open = true;
        }
        html_block(c, "tr");
        const char *kind = row_class(row->kind);
        if (kind)
            rp_xml_attr(c->w, "class", kind);
        if (spans) {
            rp_xml_start(c->w, "th");
            rp_xml_attr(c->w, "scope", "rowgroup");
            rp_xml_attrf(c->w, "colspan", "%zu", t->column_count);
            cell_classes(c, t, row, 0);
            cell_content(c, &row->cells[0]);
            rp_xml_end(c->w);
        } else {
            row_cells(c, t, row);
        }
        rp_xml_end(c->w);
    }
    if (open)
        rp_xml_end(c->w);
}

void html_table(struct html_ctx *c, const struct rp_node *node)
{
    const struct rp_doc_table *t = &node->u.table;
    if (t->column_count == 0)
        return;
    const char *id = html_id(&c->ids, node->id, rp_arena_printf(c->arena, "t-%u", ++c->tables));
    bool captioned = !html_spans_empty(&t->caption);
    const char *caption_id =
        captioned ? html_id(&c->ids, rp_arena_printf(c->arena, "%s-caption", id), NULL) : NULL;
    const char *summary_id =
        !empty(t->summary) ? html_id(&c->ids, rp_arena_printf(c->arena, "%s-summary", id), NULL)
                           : NULL;
    html_block(c, "div");
    rp_xml_attr(c->w, "class", "table-wrap");
    /* The wrapper scrolls: keyboard users must be able to reach it, and hear what it is. */
    if (captioned) {
        rp_xml_attr(c->w, "role", "region");
        html_region_label(c, html_plain(c, NULL, &t->caption), caption_id);
    }
    rp_xml_attr(c->w, "tabindex", "0");
    html_block(c, "table");
    rp_xml_attr(c->w, "id", id);
    if (t->column_count >= 4) /* .w4 to .w8: a minimum width by the number of columns */
        rp_xml_attrf(c->w, "class", "w%zu", t->column_count < 8 ? t->column_count : (size_t)8);
    /* The summary is a second line of the caption, to the eye; to assistive technology the
     * caption's first line names the table and the summary describes it. */
    if (captioned && summary_id)
        rp_xml_attr(c->w, "aria-labelledby", caption_id);
    if (summary_id)
        rp_xml_attr(c->w, "aria-describedby", summary_id);
    if (captioned || summary_id) {
        html_block(c, "caption");
        if (captioned) {
            rp_xml_start(c->w, "span");
            rp_xml_attr(c->w, "id", caption_id);
            html_spans(c, &t->caption);
            rp_xml_end(c->w);
        }
        if (summary_id) {
            if (captioned)
                rp_xml_text(c->w, " ");
            rp_xml_start(c->w, "span");
            rp_xml_attr(c->w, "class", "table-summary");
            rp_xml_attr(c->w, "id", summary_id);
            rp_xml_text(c->w, t->summary);
            rp_xml_end(c->w);
        }
        rp_xml_end(c->w);
    }
    header(c, t);
    body(c, t);
    rp_xml_end(c->w);
    for (size_t i = 0; i < t->note_count; i++)
        html_note(c, &t->notes[i]);
    rp_xml_end(c->w);
}
