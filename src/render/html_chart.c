/* A chart of the HTML edition: figure, caption, picture and data table (see html_chart.h).
 * The picture is drawn by html_svg.c and html_chart_*.c; this file writes what holds it and
 * the table that gives its figures in words. */
#include "render/html_chart.h"

#include "doc/doc.h"
#include "load/xml_write.h"
#include "render/chart.h"
#include "render/html_internal.h"
#include "render/html_svg.h"
#include "templates/theme.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/fmt.h"

#include <stdlib.h>

/* The title's spans inside element `name` (figcaption, caption), written as every other
 * text of the page is (html_spans): its inline markup kept, text in another language than
 * the document's marked with its language, and a review edition's marks. */
static void title_element(struct html_ctx *c, const char *name, const struct rp_spans *title)
{
    rp_xml_start(c->w, name);
    html_spans(c, title);
    rp_xml_end(c->w);
}

/* A header cell of the data table, its language marked when it is not the document's. */
static void header_cell(struct rp_xml_writer *w, const struct rp_doc *doc, const char *scope,
                        const char *text, const char *lang)
{
    rp_xml_start(w, "th");
    rp_xml_attr(w, "scope", scope);
    if (rp_doc_foreign(doc, lang))
        rp_xml_attr(w, "lang", lang);
    rp_xml_text(w, text ? text : "");
    rp_xml_end(w);
}

/* Whether event i of a timeline has a date in any series (an undated event is not on the
 * axis). */
static bool dated(const struct rp_doc_chart *c, size_t i)
{
    for (size_t s = 0; s < c->series_count; s++)
        if (c->series[s].present[i])
            return true;
    return false;
}

/* The cell of category i in series s: the value as the chart labels it (a date on a
 * timeline; a donut's value with its share of the total), or what stands for a missing
 * value: nil ("-") as in the document's tables, or nothing on a timeline when the event is
 * of another kind. */
static void value_cell(struct rp_xml_writer *w, const struct rp_doc_chart *c, size_t s, size_t i,
                       double donut_total, enum rp_lang lang)
{
    const struct rp_doc_series *se = &c->series[s];
    bool timeline = c->kind == RP_CHART_TIMELINE;
    struct rp_buf text = {0};
    if (se->present[i]) {
        rp_chart_value_text(&text, c, se->values[i], lang);
        if (c->kind == RP_CHART_DONUT && donut_total > 0) {
            char share[32];
            rp_fmt_percent(share, sizeof share, se->values[i] / donut_total * 100, 1, lang);
            rp_buf_adds(&text, " (");
            rp_buf_adds(&text, share);
            rp_buf_adds(&text, ")");
        }
    } else if (!timeline || !dated(c, i))
        rp_buf_adds(&text, RP_NIL_TEXT);
    rp_xml_start(w, "td");
    if (!timeline)
        rp_xml_attr(w, "class", "num");
    rp_xml_text(w, text.data ? text.data : "");
    rp_xml_end(w);
    free(text.data);
}

/* The chart's figures as a table, folded under a summary: categories as rows, series as
 * columns (a donut: its one series). */
static void data_table(struct html_ctx *ctx, const struct rp_doc_chart *c, enum rp_lang lang,
                       const char *label)
{
    struct rp_xml_writer *w = ctx->w;
    const struct rp_doc *doc = ctx->doc;
    size_t series = c->kind == RP_CHART_DONUT ? 1 : c->series_count;
    double donut_total = 0;
    for (size_t i = 0; c->kind == RP_CHART_DONUT && i < c->category_count; i++)
        if (c->series[0].present[i])
            donut_total += c->series[0].values[i];
    rp_xml_start(w, "details");
    rp_xml_attr(w, "class", "chart-data");
    rp_xml_element(w, "summary", label);
    rp_xml_start(w, "table");
    rp_xml_attr(w, "class", "chart-data");
    if (c->title.count)
        title_element(ctx, "caption", &c->title);
    else
        rp_xml_element(w, "caption", label);
    rp_xml_start(w, "thead");
    rp_xml_start(w, "tr");
    rp_xml_element(w, "td", ""); /* above the row headers */
    for (size_t s = 0; s < series; s++)
        header_cell(w, doc, "col", c->series[s].name, c->series[s].lang);
    rp_xml_end(w);
    rp_xml_end(w);
    rp_xml_start(w, "tbody");
    for (size_t i = 0; i < c->category_count; i++) {
        rp_xml_start(w, "tr");
        header_cell(w, doc, "row", c->categories[i],
                    c->category_langs ? c->category_langs[i] : NULL);
        for (size_t s = 0; s < series; s++)
            value_cell(w, c, s, i, donut_total, lang);
        rp_xml_end(w);
    }
    rp_xml_end(w);
    rp_xml_end(w);
    rp_xml_end(w);
}

void rp_html_chart(struct html_ctx *ctx, const struct rp_node *chart, const char *id,
                   const char *data_label)
{
    struct rp_xml_writer *w = ctx->w;
    const struct rp_doc *doc = ctx->doc;
    const struct rp_theme *theme = ctx->theme;
    const struct rp_doc_chart *c = &chart->u.chart;
    enum rp_lang lang = rp_lang_from_code(doc->lang);
    if (lang == RP_LANG__MAX)
        lang = RP_LANG_EN; /* as the PDF does */
    if (!id || !*id)
        id = "chart"; /* a caller's slip: unique only if it has one chart */

    struct rp_buf title = {0}, alt = {0};
    for (size_t i = 0; i < c->title.count; i++)
        rp_buf_adds(&title, c->title.items[i].text);
    rp_chart_alt_text(&alt, c, lang);

    rp_xml_start(w, "figure");
    rp_xml_attr(w, "id", id);
    rp_xml_attr(w, "class", "chart");
    if (c->title.count)
        title_element(ctx, "figcaption", &c->title);

    struct rp_svg g = {w,
                       doc,
                       theme,
                       lang,
                       id,
                       title.data ? title.data : "",
                       alt.data ? alt.data : "",
                       rp_arena_new()};
    bool empty = !c->category_count || !c->series_count;
    if (empty)
        rp_svg_begin(&g, 8);
    else if (c->kind == RP_CHART_DONUT)
        rp_svg_donut(&g, c);
    else if (c->kind == RP_CHART_TIMELINE)
        rp_svg_timeline(&g, c);
    else
        rp_svg_bars(&g, c);
    rp_xml_end(w); /* svg */
    if (!empty)
        data_table(ctx, c, lang, data_label);
    rp_xml_end(w); /* figure */
    rp_arena_free(g.scratch);
    free(title.data);
    free(alt.data);
}
