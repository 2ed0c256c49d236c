/* The plain-text backend: the document tree written out deterministically, for golden
 * tests and for reading a document's content without a PDF viewer. Tables come out as
 * aligned columns; inline styles as light markup: *em*, **strong**, [text](href),
 * {{placeholder}}, ^sup^, a measure bar as "[bar 45/100] " before its figure; text in another
 * language than the document's is preceded by its language in braces ("{fr}Mise en ligne"), and
 * text that follows it in the document's language by the document's ("{nl}"). */
#include "render/render.h"

#include "doc/doc.h"
#include "util/arena.h"
#include "util/fmt.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

static void indent(FILE *out, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("  ", out);
}

/* The language a piece of text is in, as printed: NULL for the document's. */
static const char *shown_lang(const struct rp_doc *doc, const char *lang)
{
    return rp_doc_foreign(doc, lang) ? lang : NULL;
}

static bool same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static void spans(FILE *out, const struct rp_doc *doc, const struct rp_spans *s)
{
    const char *lang = NULL; /* of the text written so far */
    for (size_t i = 0; i < s->count; i++) {
        const struct rp_span *sp = &s->items[i];
        const char *l = shown_lang(doc, sp->lang);
        if (!same(l, lang) && *sp->text)
            fprintf(out, "{%s}", l ? l : doc->lang);
        if (*sp->text)
            lang = l;
        const char *open = "", *close = "";
        if (sp->kind == RP_SPAN_PLACEHOLDER)
            open = "{{", close = "}}";
        else if (sp->style & RP_SPAN_SUP)
            open = "^", close = "^";
        else if ((sp->style & RP_SPAN_STRONG) && (sp->style & RP_SPAN_EM))
            open = "***", close = "***";
        else if (sp->style & RP_SPAN_STRONG)
            open = "**", close = "**";
        else if (sp->style & RP_SPAN_EM)
            open = "*", close = "*";
        if (sp->bar)
            fprintf(out, "[bar %g/%g] ", sp->bar->value, sp->bar->max);
        if (sp->kind == RP_SPAN_LINK)
            fprintf(out, "[%s%s%s](%s)", open, sp->text, close, sp->href ? sp->href : "");
        else
            fprintf(out, "%s%s%s", open, sp->text, close);
    }
}

/* Display width in code points (every character counts one column). */
static size_t width(const char *s)
{
    size_t n = 0;
    const char *end = s + strlen(s);
    while (s < end) {
        rp_utf8_next(&s, end);
        n++;
    }
    return n;
}

static void padded(FILE *out, const char *s, size_t w, bool right)
{
    size_t n = width(s);
    if (right)
        for (size_t i = n; i < w; i++)
            fputc(' ', out);
    fputs(s, out);
    if (!right)
        for (size_t i = n; i < w; i++)
            fputc(' ', out);
}

/* A cell as text into `buf`: its language when another, its value, then a flagged
 * difference or its detail. */
static const char *cell_text(const struct rp_doc *doc, const struct rp_doc_cell *c, char *buf,
                             size_t size)
{
    const char *t = c->text ? c->text : "";
    const char *lang = *t ? shown_lang(doc, c->lang) : NULL;
    char mark[80] = "";
    size_t at = 0;
    if (lang)
        at = (size_t)snprintf(mark, sizeof mark, "{%.20s}", lang);
    if (c->bar)
        snprintf(mark + at, sizeof mark - at, "[bar %g/%g] ", c->bar->value, c->bar->max);
    /* COMPUTED is not shown: it marks every change column and would only add noise. */
    if (c->flags & RP_CELL_DIFFERS)
        snprintf(buf, size, "%s%s [!=%s%s]", mark, t, c->detail ? " " : "",
                 c->detail ? c->detail : "");
    else if (c->detail)
        snprintf(buf, size, "%s%s (%s)", mark, t, c->detail);
    else if (lang || c->bar)
        snprintf(buf, size, "%s%s", mark, t);
    else
        return t;
    return buf;
}

/* A name (header cell, chart category or series) with its language when another. */
static void named(FILE *out, const struct rp_doc *doc, const char *name, const char *lang)
{
    lang = name && *name ? shown_lang(doc, lang) : NULL;
    if (lang)
        fprintf(out, "{%s}", lang);
    fputs(name ? name : "", out);
}

/* Two spaces per level of a row label's indentation, as the PDF indents it. */
static size_t label_indent(const struct rp_doc_row *row)
{
    return 2 * (row->level + (row->kind == RP_DOC_ROW_OF_WHICH ? 1u : 0u));
}

static void table(FILE *out, const struct rp_doc *doc, const struct rp_doc_table *t, int depth)
{
    size_t nc = t->column_count;
    indent(out, depth);
    fprintf(out, "table %zux%zu: ", nc, t->row_count);
    spans(out, doc, &t->caption);
    fputc('\n', out);
    if (t->summary) {
        indent(out, depth + 1);
        fprintf(out, "summary: %s\n", t->summary);
    }
    indent(out, depth + 1);
    fputs("columns:", out);
    for (size_t c = 0; c < nc; c++)
        fprintf(out, " %s%s", rp_align_name(t->columns[c].align),
                t->columns[c].is_header ? "*" : "");
    fputc('\n', out);
    for (size_t h = 0; h < t->header_count; h++) {
        indent(out, depth + 1);
        fputs("header:", out);
        for (size_t i = 0; i < t->header[h].count; i++) {
            const struct rp_doc_hcell *hc = &t->header[h].cells[i];
            fputs(" | ", out);
            named(out, doc, hc->text, hc->lang);
            if (hc->span > 1)
                fprintf(out, " <%zu>", hc->span);
        }
        fputs(" |\n", out);
    }
    /* Column widths over all body cells, so that the golden reads like the table. */
    size_t *w = rp_xmalloc((nc ? nc : 1) * sizeof *w);
    memset(w, 0, (nc ? nc : 1) * sizeof *w);
    char buf[1024];
    for (size_t r = 0; r < t->row_count; r++)
        for (size_t c = 0; c < nc; c++) {
            const char *s = cell_text(doc, &t->rows[r].cells[c], buf, sizeof buf);
            size_t n = width(s) + (c == 0 ? label_indent(&t->rows[r]) : 0);
            if (n > w[c])
                w[c] = n;
        }
    for (size_t r = 0; r < t->row_count; r++) {
        const struct rp_doc_row *row = &t->rows[r];
        indent(out, depth + 1);
        fprintf(out, "%-9s", rp_doc_row_kind_name(row->kind));
        for (size_t c = 0; c < nc; c++) {
            fputs(" | ", out);
            const char *s = cell_text(doc, &row->cells[c], buf, sizeof buf);
            bool right =
                t->columns[c].align == RP_ALIGN_DECIMAL || t->columns[c].align == RP_ALIGN_RIGHT;
            size_t in = c == 0 ? label_indent(row) : 0;
            if (in) {
                fprintf(out, "%*s", (int)in, "");
                padded(out, s, w[c] - in, right);
            } else
                padded(out, s, w[c], right);
        }
        fputs(" |\n", out);
    }
    free(w);
    for (size_t i = 0; i < t->note_count; i++) {
        indent(out, depth + 1);
        fprintf(out, "note%s%s: ", t->notes[i].mark ? " " : "",
                t->notes[i].mark ? t->notes[i].mark : "");
        spans(out, doc, &t->notes[i].text);
        fputc('\n', out);
    }
}

static void chart(FILE *out, const struct rp_doc *doc, const struct rp_doc_chart *c, int depth,
                  enum rp_lang lang)
{
    indent(out, depth);
    fprintf(out, "chart %s: ", rp_chart_kind_name(c->kind));
    spans(out, doc, &c->title);
    if (c->unit)
        fprintf(out, " [%s]", c->unit);
    fputc('\n', out);
    if (c->description) {
        indent(out, depth + 1);
        fprintf(out, "description: %s\n", c->description);
    }
    indent(out, depth + 1);
    fputs("categories:", out);
    for (size_t i = 0; i < c->category_count; i++) {
        fputs(" | ", out);
        named(out, doc, c->categories[i], c->category_langs ? c->category_langs[i] : NULL);
    }
    fputs(" |\n", out);
    char buf[64];
    for (size_t s = 0; s < c->series_count; s++) {
        indent(out, depth + 1);
        fputs("series ", out);
        named(out, doc, c->series[s].name, c->series[s].lang);
        fputc(':', out);
        for (size_t i = 0; i < c->category_count; i++) {
            if (c->series[s].present[i] && c->kind == RP_CHART_TIMELINE) {
                int y, m, d;
                rp_date_from_days((long)c->series[s].values[i], &y, &m, &d);
                snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
            } else if (c->series[s].present[i])
                rp_fmt_number(buf, sizeof buf, c->series[s].values[i], c->decimals, lang);
            else
                snprintf(buf, sizeof buf, "%s", RP_NIL_TEXT);
            fprintf(out, " | %s", buf);
        }
        fputs(" |\n", out);
    }
}

static void nodes(FILE *out, const struct rp_doc *doc, const struct rp_nodes *list, int depth,
                  enum rp_lang lang)
{
    for (size_t i = 0; i < list->count; i++) {
        const struct rp_node *n = list->items[i];
        switch (n->kind) {
        case RP_NODE_SECTION:
            indent(out, depth);
            fprintf(out, "section %d%s%s: ", n->u.section.level, n->u.section.number ? " " : "",
                    n->u.section.number ? n->u.section.number : "");
            spans(out, doc, &n->u.section.title);
            fputs(n->u.section.in_toc ? "\n" : " [not in toc]\n", out);
            nodes(out, doc, &n->u.section.children, depth + 1, lang);
            break;
        case RP_NODE_PARAGRAPH:
            indent(out, depth);
            fprintf(out, "paragraph %s: ", rp_para_style_name(n->u.paragraph.style));
            spans(out, doc, &n->u.paragraph.text);
            fputc('\n', out);
            break;
        case RP_NODE_LIST:
            indent(out, depth);
            fprintf(out, "list %s\n", n->u.list.ordered ? "ordered" : "bullet");
            for (size_t k = 0; k < n->u.list.count; k++) {
                indent(out, depth + 1);
                if (n->u.list.ordered)
                    fprintf(out, "%zu. ", k + 1);
                else
                    fputs("- ", out);
                spans(out, doc, &n->u.list.items[k]);
                fputc('\n', out);
            }
            break;
        case RP_NODE_TABLE:
            table(out, doc, &n->u.table, depth);
            break;
        case RP_NODE_KEY_FIGURES:
            indent(out, depth);
            fputs("key-figures: ", out);
            spans(out, doc, &n->u.figures.title);
            fputc('\n', out);
            for (size_t k = 0; k < n->u.figures.count; k++) {
                const struct rp_doc_figure *f = &n->u.figures.items[k];
                indent(out, depth + 1);
                fprintf(out, "%s: ", f->value);
                spans(out, doc, &f->label);
                if (f->comment.count) {
                    fputs(" (", out);
                    spans(out, doc, &f->comment);
                    fputc(')', out);
                }
                fputc('\n', out);
            }
            break;
        case RP_NODE_CHART:
            chart(out, doc, &n->u.chart, depth, lang);
            break;
        case RP_NODE_NOTE:
            indent(out, depth);
            fprintf(out, "note%s%s: ", n->u.note.mark ? " " : "",
                    n->u.note.mark ? n->u.note.mark : "");
            spans(out, doc, &n->u.note.text);
            fputc('\n', out);
            break;
        case RP_NODE_PAGE_BREAK:
            indent(out, depth);
            fputs("page-break\n", out);
            break;
        case RP_NODE_TOC:
            indent(out, depth);
            fputs("toc\n", out);
            break;
        case RP_NODE__MAX:
            break;
        }
    }
}

void rp_render_text(const struct rp_doc *doc, FILE *out)
{
    enum rp_lang lang = rp_lang_from_code(doc->lang);
    if (lang == RP_LANG__MAX)
        lang = RP_LANG_EN;
    fprintf(out, "document: %s\n", doc->title ? doc->title : "");
    if (doc->subtitle) {
        fputs("  subtitle: ", out);
        named(out, doc, doc->subtitle, doc->subtitle_lang);
        fputc('\n', out);
    }
    fputs("  organisation: ", out);
    named(out, doc, doc->organisation, doc->organisation_lang);
    fputc('\n', out);
    if (doc->subject)
        fprintf(out, "  subject: %s\n", doc->subject);
    if (doc->keywords)
        fprintf(out, "  keywords: %s\n", doc->keywords);
    fprintf(out, "  lang: %s\n", doc->lang ? doc->lang : "");
    if (doc->year > 0) {
        char date[64];
        rp_fmt_date(date, sizeof date, doc->year, doc->month, doc->day, lang);
        fprintf(out, "  date: %s\n", date);
    }
    fprintf(out, "  cover: %s\n  sample: %s\n", doc->cover ? "yes" : "no",
            doc->sample ? "yes" : "no");
    nodes(out, doc, &doc->body, 0, lang);
}
