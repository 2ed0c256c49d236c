/* A chart's alternative text: what a reader who cannot see it is told instead. It says
 * what the chart shows (its title and description) and gives every figure it draws, in
 * the edition's number and date conventions, so that nothing is only in the picture. */
#include "render/layout_flow.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

/* Ends a sentence-like part with ". " unless it already ends with punctuation. */
static void stop(struct rp_buf *t)
{
    while (t->len && t->data[t->len - 1] == ' ')
        t->len--;
    if (t->len && !strchr(".:;!?", t->data[t->len - 1]))
        rp_buf_add(t, ".", 1);
    if (t->len)
        rp_buf_add(t, " ", 1);
}

/* The value as the chart labels it: a date on a timeline, else a number and its unit. */
static void value(struct rp_flow *f, const struct rp_doc_chart *c, double v, struct rp_buf *t)
{
    char buf[96];
    if (c->kind == RP_CHART_TIMELINE) {
        int y, m, d;
        rp_date_from_days((long)v, &y, &m, &d);
        rp_fmt_date(buf, sizeof buf, y, m, d, f->lang);
        rp_buf_adds(t, buf);
        return;
    }
    rp_fmt_number(buf, sizeof buf, v, c->decimals, f->lang);
    rp_buf_adds(t, buf);
    if (c->unit && *c->unit) {
        rp_buf_adds(t, RP_NBSP);
        rp_buf_adds(t, c->unit);
    }
}

const char *rp_chart_alt(struct rp_flow *f, const struct rp_doc_chart *c)
{
    struct rp_buf t = {0};
    for (size_t i = 0; i < c->title.count; i++)
        rp_buf_adds(&t, c->title.items[i].text);
    stop(&t);
    if (c->description && *c->description) {
        rp_buf_adds(&t, c->description);
        stop(&t);
    }
    /* French sets a no-break space before a colon and a semicolon. */
    bool fr = f->lang == RP_LANG_FR;
    const char *colon = fr ? RP_NBSP ": " : ": ", *semicolon = fr ? RP_NBSP "; " : "; ";
    /* A donut shows its first series only, each value with its share; a timeline puts
     * each event in one series. */
    bool donut = c->kind == RP_CHART_DONUT;
    size_t series = donut ? 1 : c->series_count;
    double total = 0;
    for (size_t i = 0; donut && i < c->category_count; i++)
        if (c->series[0].present[i])
            total += c->series[0].values[i];
    for (size_t s = 0; s < series; s++) {
        const struct rp_doc_series *se = &c->series[s];
        bool named = series > 1 && se->name && *se->name, any = false;
        for (size_t i = 0; i < c->category_count; i++) {
            if (!se->present[i])
                continue;
            if (!any && named) {
                rp_buf_adds(&t, se->name);
                rp_buf_adds(&t, colon);
            } else if (any)
                rp_buf_adds(&t, semicolon);
            any = true;
            rp_buf_adds(&t, c->categories[i]);
            rp_buf_adds(&t, named ? " " : colon);
            value(f, c, se->values[i], &t);
            if (donut && total > 0) {
                char share[32];
                rp_fmt_percent(share, sizeof share, se->values[i] / total * 100, 1, f->lang);
                rp_buf_adds(&t, " (");
                rp_buf_adds(&t, share);
                rp_buf_adds(&t, ")");
            }
        }
        if (any)
            stop(&t);
    }
    while (t.len && t.data[t.len - 1] == ' ')
        t.data[--t.len] = '\0';
    const char *out = rp_arena_strndup(f->env->arena, t.data ? t.data : "", t.len);
    free(t.data);
    return out;
}
