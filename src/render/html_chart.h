/* A chart of the HTML edition: a <figure> holding its title, an inline SVG picture that
 * mirrors the PDF's drawing (same colours, scale and labels) and the chart's figures as a
 * table, so that they are there for every reader, whatever the picture.
 *
 * The markup, for a figure with id "f3":
 *
 *   <figure id="f3" class="chart">
 *     <figcaption>title, as the page's other text (html_spans: styles, <span lang>)</figcaption>
 *     <svg class="chart-svg" viewBox="0 0 480 h" role="img" aria-labelledby="f3-t"
 *          aria-describedby="f3-d">
 *       <title id="f3-t">…</title> <desc id="f3-d">the alternative text</desc> shapes…
 *     </svg>
 *     <details class="chart-data"><summary>Données du graphique</summary>
 *       <table class="chart-data">…</table></details>
 *   </figure>
 *
 * The svg has no width or height: the page's stylesheet sizes it, for example
 * `.chart-svg { display: block; width: 100%; height: auto; max-width: 40rem }`, and gives
 * `td.num` right alignment. */
#ifndef RP_RENDER_HTML_CHART_H
#define RP_RENDER_HTML_CHART_H

struct html_ctx;
struct rp_node;

/* Writes `chart` (an RP_NODE_CHART node of ctx->doc, in ctx->theme's colours, through
 * ctx->w) as a <figure id=id> holding an inline
 * SVG (role="img", <title>, <desc>) and its figures as a <table>, in the document's
 * conventions. `id` must be unique in the page: the figure's own ids start with it.
 * `data_label` names the folded data table ("Données du graphique", the label
 * html.chart-data). A chart without categories or series gives its caption and an empty
 * picture. */
void rp_html_chart(struct html_ctx *ctx, const struct rp_node *chart, const char *id,
                   const char *data_label);

#endif
