/* What the PDF and the HTML charts share: the value axis's scale, the wording of values
 * and the alternative text (see chart.h). */
#include "render/chart.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- the value axis */

/* A round step that cuts `range` into about five: 1, 2, 2.5 or 5 times a power of ten. */
static double nice_step(double range)
{
    if (range <= 0)
        return 1;
    double raw = range / 5, mag = pow(10, floor(log10(raw))), norm = raw / mag;
    double k = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    return k * mag;
}

struct rp_chart_scale rp_chart_scale(const struct rp_doc_chart *c)
{
    bool stacked = c->kind == RP_CHART_BAR_STACKED;
    size_t nc = c->category_count, ns = c->series_count;
    /* The highest and lowest point any bar reaches; zero is always on the axis. */
    double lo = 0, hi = 0;
    for (size_t i = 0; i < nc; i++) {
        double pos = 0, neg = 0;
        for (size_t s = 0; s < ns; s++) {
            if (!c->series[s].present[i])
                continue;
            double v = c->series[s].values[i];
            if (stacked)
                *(v >= 0 ? &pos : &neg) += v;
            else {
                pos = v > pos ? v : pos;
                neg = v < neg ? v : neg;
            }
        }
        hi = pos > hi ? pos : hi;
        lo = neg < lo ? neg : lo;
    }
    struct rp_chart_scale sc;
    sc.step = nice_step(hi - lo);
    sc.top = ceil(hi / sc.step - 1e-9) * sc.step;
    sc.bottom = floor(lo / sc.step + 1e-9) * sc.step;
    if (sc.top <= sc.bottom)
        sc.top = sc.bottom + sc.step;
    sc.tick_decimals = sc.step < 1 ? (sc.step < 0.1 ? 2 : 1) : 0;
    return sc;
}

/* ---------------------------------------------------------------- values */

void rp_chart_value_text(struct rp_buf *out, const struct rp_doc_chart *c, double v,
                         enum rp_lang lang)
{
    char buf[96];
    if (c->kind == RP_CHART_TIMELINE) {
        int y, m, d;
        rp_date_from_days((long)v, &y, &m, &d);
        rp_fmt_date(buf, sizeof buf, y, m, d, lang);
        rp_buf_adds(out, buf);
        return;
    }
    rp_fmt_number(buf, sizeof buf, v, c->decimals, lang);
    rp_buf_adds(out, buf);
    if (c->unit && *c->unit) {
        rp_buf_adds(out, RP_NBSP);
        rp_buf_adds(out, c->unit);
    }
}

/* ---------------------------------------------------------------- alternative text */

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

void rp_chart_alt_text(struct rp_buf *out, const struct rp_doc_chart *c, enum rp_lang lang)
{
    /* Built apart so that its trailing space can be trimmed whatever `out` held before. */
    struct rp_buf t = {0};
    for (size_t i = 0; i < c->title.count; i++)
        rp_buf_adds(&t, c->title.items[i].text);
    stop(&t);
    if (c->description && *c->description) {
        rp_buf_adds(&t, c->description);
        stop(&t);
    }
    /* French sets a no-break space before a colon and a semicolon. */
    bool fr = lang == RP_LANG_FR;
    const char *colon = fr ? RP_NBSP ": " : ": ", *semicolon = fr ? RP_NBSP "; " : "; ";
    /* A donut shows its first series only, each value with its share; a timeline puts
     * each event in one series. */
    bool donut = c->kind == RP_CHART_DONUT;
    size_t series = donut ? (c->series_count ? 1 : 0) : c->series_count;
    double total = 0;
    for (size_t i = 0; donut && series && i < c->category_count; i++)
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
            rp_chart_value_text(&t, c, se->values[i], lang);
            if (donut && total > 0) {
                char share[32];
                rp_fmt_percent(share, sizeof share, se->values[i] / total * 100, 1, lang);
                rp_buf_adds(&t, " (");
                rp_buf_adds(&t, share);
                rp_buf_adds(&t, ")");
            }
        }
        if (any)
            stop(&t);
    }
    while (t.len && t.data[t.len - 1] == ' ')
        t.len--;
    if (t.len)
        rp_buf_add(out, t.data, t.len);
    free(t.data);
}

long rp_chart_month_of(long day)
{
    int y, m, d;
    rp_date_from_days(day, &y, &m, &d);
    return (long)y * 12 + m - 1;
}

long rp_chart_month_start(long month)
{
    return rp_days_from_date((int)(month / 12), (int)(month % 12) + 1, 1);
}

int rp_chart_lane(double *end, int *lanes, int max, double left, double width, double gap)
{
    int l = 0;
    while (l < *lanes && end[l] + gap > left)
        l++;
    if (l == max)
        l = max - 1;
    if (l == *lanes)
        (*lanes)++;
    end[l] = left + width;
    return l;
}

size_t rp_chart_events(const struct rp_doc_chart *c, struct rp_chart_event *ev, long *lo, long *hi)
{
    size_t n = 0;
    *lo = LONG_MAX;
    *hi = LONG_MIN;
    for (size_t i = 0; i < c->category_count; i++)
        for (size_t s = 0; s < c->series_count; s++)
            if (c->series[s].present[i]) {
                long day = (long)c->series[s].values[i];
                *lo = day < *lo ? day : *lo;
                *hi = day > *hi ? day : *hi;
                ev[n++] = (struct rp_chart_event){
                    .x = (double)day,
                    .series = s,
                    .label = c->categories[i],
                    .lang = c->category_langs ? c->category_langs[i] : NULL,
                    .order = i,
                };
                break;
            }
    return n;
}

static int event_order(const void *a, const void *b)
{
    const struct rp_chart_event *p = a, *q = b;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return p->order < q->order ? -1 : p->order > q->order;
}

void rp_chart_sort_events(struct rp_chart_event *ev, size_t n)
{
    if (n > 1)
        qsort(ev, n, sizeof *ev, event_order);
}

int rp_chart_event_lanes(struct rp_chart_event *ev, size_t n, int max, double gap)
{
    double end[16];
    if (max > (int)(sizeof end / sizeof *end))
        max = (int)(sizeof end / sizeof *end);
    int lanes = 0;
    for (size_t i = 0; i < n; i++)
        ev[i].lane = rp_chart_lane(end, &lanes, max, ev[i].left, ev[i].width, gap);
    return lanes;
}

/* ---------------------------------------------------------------- thin slices */

#define PI 3.14159265358979323846

void rp_chart_spread(double *at, size_t n, double gap, double top)
{
    /* From the top down, each one at least `gap` below the one before: the thin slices of a
     * stack or a ring are neighbours, and their labels would otherwise overprint. */
    for (size_t k = 0; k < n; k++) {
        double lowest_free = k ? at[k - 1] + gap : top;
        if (at[k] < lowest_free)
            at[k] = lowest_free;
    }
}

/* Spreads the labels of tags[0 .. n) (on one side, in the ring's clockwise order): on the
 * right side clockwise runs down the page, on the left side up. */
static void spread_side(struct rp_chart_tag *tags, size_t n, double gap, bool upwards)
{
    double *at = malloc((n ? n : 1) * sizeof *at);
    if (!at)
        return;
    for (size_t k = 0; k < n; k++)
        at[k] = tags[upwards ? n - 1 - k : k].y;
    rp_chart_spread(at, n, gap, -1e9);
    for (size_t k = 0; k < n; k++)
        tags[upwards ? n - 1 - k : k].y = at[k];
    free(at);
}

size_t rp_chart_donut_tags(const struct rp_doc_chart *c, double total, double cx, double cy,
                           double r, double gap, struct rp_chart_tag *out)
{
    const struct rp_doc_series *s = c->series_count ? &c->series[0] : NULL;
    size_t n = 0, right = 0;
    double a = 0;
    for (size_t i = 0; s && total > 0 && i < c->category_count; i++) {
        if (!s->present[i] || s->values[i] <= 0)
            continue;
        double sweep = s->values[i] / total * 2 * PI, mid = a + sweep / 2;
        a += sweep;
        if (s->values[i] / total >= RP_CHART_THIN_SHARE)
            continue;
        int side = sin(mid) >= 0 ? 1 : -1;
        out[n++] =
            (struct rp_chart_tag){i, cx + r * sin(mid), cy - r * cos(mid), cy - r * cos(mid), side};
        right += side > 0;
    }
    /* Clockwise from twelve o'clock: the right side's tags come first. */
    spread_side(out, right, gap, false);
    spread_side(out + right, n - right, gap, true);
    return n;
}
