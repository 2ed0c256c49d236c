/* The colours of a chart's series and slices, and what a donut's hole says (see chart.h):
 * shared by the PDF and the HTML drawings so that a meaning has one colour in both. */
#include "render/chart.h"

struct rp_rgb rp_chart_palette(const struct rp_theme *t, int color, size_t position)
{
    if (color == RP_DOC_COLOR_OTHERS)
        return t->muted;
    if (color >= RP_DOC_COLOR_STATUS && color < RP_DOC_COLOR_STATUS + RP_THEME_STATUS)
        return t->status_series[color - RP_DOC_COLOR_STATUS];
    if (color >= 0)
        return t->series[(size_t)color % RP_THEME_SERIES];
    return t->series[position % RP_THEME_SERIES];
}

struct rp_rgb rp_chart_series_color(const struct rp_theme *t, const struct rp_doc_chart *c,
                                    size_t s)
{
    return rp_chart_palette(t, s < c->series_count ? c->series[s].color : RP_DOC_COLOR_AUTO, s);
}

struct rp_rgb rp_chart_category_color(const struct rp_theme *t, const struct rp_doc_chart *c,
                                      size_t i)
{
    int pinned =
        c->category_colors && i < c->category_count ? c->category_colors[i] : RP_DOC_COLOR_AUTO;
    return rp_chart_palette(t, pinned, i);
}

double rp_chart_donut_centre(const struct rp_doc_chart *c, double sum)
{
    return c->has_stated_total ? c->stated_total : sum;
}
