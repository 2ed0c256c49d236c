/* A measure bar before its figure (a progress of 45 %), drawn as vectors: an outlined track
 * and its filled share, in the theme's colours. The figure is in the text beside it, so the
 * bar is decoration (an artifact) that a screen reader skips rather than a Figure to
 * describe: its /Alt would only repeat the figure it is read with. */
#include "render/layout_flow.h"

void rp_flow_bar(struct rp_flow *f, double x, double base, double size,
                 const struct rp_doc_bar *bar)
{
    const struct rp_theme *th = f->theme;
    /* From the baseline up to about the height of a digit: the bar sits on the line. */
    double w = size * RP_BAR_EMS, h = size * 0.6, top = base - h, line = 0.5;
    struct rp_tagging tagging = rp_flow_artifact(f, RP_ART_LAYOUT);
    size_t first = f->count;
    double filled = w * rp_doc_bar_share(bar);
    if (filled > 0)
        rp_flow_rect(f, x, top, filled, h, th->primary);
    rp_flow_hline(f, x, x + w, top, line, th->primary);
    rp_flow_hline(f, x, x + w, base, line, th->primary);
    rp_flow_line(f, x, top, x, base, line, th->primary);
    rp_flow_line(f, x + w, top, x + w, base, line, th->primary);
    for (size_t i = first; i < f->count; i++)
        f->items[i].bar = bar;
    rp_flow_untag(f, tagging);
}
