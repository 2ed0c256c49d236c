/* The HTML backend: one self-contained, accessible HTML5 file per document, saying what the
 * PDF says.
 *
 * Self-contained: the stylesheet is inline, the logo (if any) a data: URI, and nothing is
 * fetched: no script, no web font, no image by address. Accessible: landmarks (header, nav,
 * main, footer) hold everything, the title is the only h1 and headings never skip a level,
 * tables have captions and scoped headers, text in another language says so, colours pass
 * WCAG 2.1 AA. Deterministic: the same document gives the same bytes (no clock, no address
 * reaches the output).
 *
 * The files: html.c (the page: head, cover header, footer, writing out), html_css.c (the
 * stylesheet), html_blocks.c (sections, paragraphs, lists, notes, key figures, contents),
 * html_table.c, html_inline.c (spans, links, languages, review marks), html_ids.c, and
 * html_chart.c (charts as inline SVG). */
#define _POSIX_C_SOURCE 200809L
#include "render/render.h"

#include "load/xml_write.h"
#include "render/html_internal.h"
#include "templates/templates.h"
#include "util/arena.h"
#include "util/diag.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void html_block(struct html_ctx *c, const char *name)
{
    rp_xml_text(c->w, "\n");
    rp_xml_start(c->w, name);
}

static void meta(struct html_ctx *c, const char *name, const char *content)
{
    if (!content || !*content)
        return;
    html_block(c, "meta");
    rp_xml_attr(c->w, "name", name);
    rp_xml_attr(c->w, "content", content);
    rp_xml_end(c->w);
}

/* The document's date as ISO 8601 ("2024-03-31", "2024-03", "2024"), or NULL. */
static const char *iso_date(const struct html_ctx *c)
{
    const struct rp_doc *d = c->doc;
    if (d->year <= 0)
        return NULL;
    if (d->month >= 1 && d->month <= 12 && d->day >= 1 && d->day <= 31)
        return rp_arena_printf(c->arena, "%04d-%02d-%02d", d->year, d->month, d->day);
    if (d->month >= 1 && d->month <= 12)
        return rp_arena_printf(c->arena, "%04d-%02d", d->year, d->month);
    return rp_arena_printf(c->arena, "%04d", d->year);
}

/* The date as the PDF's cover prints it, in a <time> machines read too. */
static void date(struct html_ctx *c)
{
    const char *iso = iso_date(c);
    if (!iso)
        return;
    char text[64];
    rp_fmt_date(text, sizeof text, c->doc->year, c->doc->month, c->doc->day, c->lang);
    rp_xml_start(c->w, "time");
    rp_xml_attr(c->w, "datetime", iso);
    rp_xml_text(c->w, text);
    rp_xml_end(c->w);
}

static void head(struct html_ctx *c)
{
    const struct rp_doc *doc = c->doc;
    rp_xml_start(c->w, "head");
    html_block(c, "meta");
    rp_xml_attr(c->w, "charset", "utf-8");
    rp_xml_end(c->w);
    meta(c, "viewport", "width=device-width, initial-scale=1");
    html_block(c, "title");
    rp_xml_text(c->w, doc->title && *doc->title                 ? doc->title
                      : doc->organisation && *doc->organisation ? doc->organisation
                                                                : "rapport");
    rp_xml_end(c->w);
    meta(c, "description", doc->subject);
    meta(c, "author", doc->organisation);
    meta(c, "keywords", doc->keywords);
    meta(c, "generator", "rapport " RAPPORT_VERSION);
    meta(c, "dcterms.date", iso_date(c));
    html_block(c, "style");
    rp_xml_text(c->w, html_css(c->theme, doc->cover, c->arena));
    rp_xml_end(c->w);
    rp_xml_end(c->w);
}

/* `size` bytes as base64, in the arena. */
static const char *base64(struct rp_arena *a, const unsigned char *data, size_t size)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char *out = rp_arena_alloc(a, (size + 2) / 3 * 4 + 1), *p = out;
    for (size_t i = 0; i < size; i += 3) {
        unsigned long v = (unsigned long)data[i] << 16;
        if (i + 1 < size)
            v |= (unsigned long)data[i + 1] << 8;
        if (i + 2 < size)
            v |= data[i + 2];
        *p++ = digits[(v >> 18) & 63];
        *p++ = digits[(v >> 12) & 63];
        *p++ = i + 1 < size ? digits[(v >> 6) & 63] : '=';
        *p++ = i + 2 < size ? digits[v & 63] : '=';
    }
    *p = '\0';
    return out;
}

/* The organisation, after its logo (embedded: the bytes the templates loader checked). */
static void organisation(struct html_ctx *c)
{
    const struct rp_doc *doc = c->doc;
    const struct rp_theme *t = c->theme;
    bool logo = t->logo_data && t->logo_size > 0;
    if (!logo && (!doc->organisation || !*doc->organisation))
        return;
    html_block(c, "p");
    rp_xml_attr(c->w, "class", "org");
    if (logo) {
        rp_xml_start(c->w, "img");
        rp_xml_attrf(c->w, "src", "data:%s;base64,%s", t->logo_png ? "image/png" : "image/jpeg",
                     base64(c->arena, t->logo_data, t->logo_size));
        /* The organisation's name is written right beside it: naming the logo too would
         * have it read twice. */
        rp_xml_attr(c->w, "alt", "");
        rp_xml_end(c->w);
    }
    html_text_in(c, doc->organisation, doc->organisation_lang, false);
    rp_xml_end(c->w);
}

/* The cover: what the PDF's first page says, in a banner landmark. */
static void header(struct html_ctx *c)
{
    const struct rp_doc *doc = c->doc;
    html_block(c, "header");
    if (c->review && doc->labels.draft && *doc->labels.draft) {
        html_block(c, "p");
        rp_xml_attr(c->w, "class", "draft");
        rp_xml_text(c->w, doc->labels.draft);
        rp_xml_end(c->w);
    }
    html_block(c, "div");
    rp_xml_attr(c->w, "class", "cover");
    html_block(c, "div");
    rp_xml_attr(c->w, "class", "col");
    organisation(c);
    html_block(c, "h1");
    rp_xml_attr(c->w, "id", "title");
    rp_xml_text(c->w, doc->title ? doc->title : "");
    rp_xml_end(c->w);
    if (doc->subtitle && *doc->subtitle) {
        html_block(c, "p");
        rp_xml_attr(c->w, "class", "subtitle");
        html_text_in(c, doc->subtitle, doc->subtitle_lang, false);
        rp_xml_end(c->w);
    }
    rp_xml_end(c->w);
    rp_xml_end(c->w);
    html_block(c, "div");
    rp_xml_attr(c->w, "class", "cover-foot col");
    if (doc->labels.edition && *doc->labels.edition) {
        html_block(c, "p");
        rp_xml_attr(c->w, "class", "edition");
        rp_xml_text(c->w, doc->labels.edition);
        rp_xml_end(c->w);
    }
    if (iso_date(c)) {
        html_block(c, "p");
        rp_xml_attr(c->w, "class", "date");
        date(c);
        rp_xml_end(c->w);
    }
    if (doc->sample && doc->labels.sample && *doc->labels.sample) {
        html_block(c, "p");
        rp_xml_attr(c->w, "class", "sample");
        rp_xml_text(c->w, doc->labels.sample);
        rp_xml_end(c->w);
    }
    rp_xml_end(c->w);
    rp_xml_end(c->w);
}

/* What the PDF's running header and footer repeat on every page: the organisation, the
 * date, and the sample and draft marks. */
static void footer(struct html_ctx *c)
{
    const struct rp_doc *doc = c->doc;
    html_block(c, "footer");
    html_block(c, "p");
    bool any = false;
    if (doc->organisation && *doc->organisation) {
        html_text_in(c, doc->organisation, doc->organisation_lang, false);
        any = true;
    }
    if (iso_date(c)) {
        if (any)
            rp_xml_text(c->w, " · ");
        date(c);
        any = true;
    }
    const char *marks[2] = {doc->sample ? doc->labels.sample : NULL,
                            c->review ? doc->labels.draft : NULL};
    for (int i = 0; i < 2; i++)
        if (marks[i] && *marks[i]) {
            if (any)
                rp_xml_text(c->w, " · ");
            rp_xml_start(c->w, "strong");
            rp_xml_text(c->w, marks[i]);
            rp_xml_end(c->w);
            any = true;
        }
    rp_xml_end(c->w);
    rp_xml_end(c->w);
}

static void page(struct html_ctx *c)
{
    const struct rp_doc *doc = c->doc;
    rp_xml_start(c->w, "html");
    rp_xml_attr(c->w, "lang", html_lang_ok(doc->lang) ? doc->lang : rp_lang_code(c->lang));
    rp_xml_text(c->w, "\n");
    head(c);
    html_block(c, "body");
    /* The first thing a keyboard reaches: past the cover and the contents. */
    html_block(c, "a");
    rp_xml_attr(c->w, "class", "skip");
    rp_xml_attr(c->w, "href", "#main");
    rp_xml_text(c->w, rp_label(c->t, c->lang, "html.skip"));
    rp_xml_end(c->w);
    header(c);
    html_contents(c);
    html_block(c, "main");
    rp_xml_attr(c->w, "id", "main");
    /* Focus follows the skip link even where a browser does not move it to a plain
     * element. */
    rp_xml_attr(c->w, "tabindex", "-1");
    html_nodes(c, &doc->body, 2);
    rp_xml_text(c->w, "\n");
    rp_xml_end(c->w);
    footer(c);
    rp_xml_text(c->w, "\n");
    rp_xml_end(c->w);
    rp_xml_text(c->w, "\n");
    rp_xml_end(c->w);
}

/* All of `data` to `fd`, through short writes and interruptions. */
static int write_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

int rp_render_html(const struct rp_doc *doc, const struct rp_templates *t, int fd, const char *path,
                   struct rp_diags *diags)
{
    struct html_ctx c = {0};
    c.doc = doc;
    c.t = t;
    c.theme = &t->theme;
    c.lang = rp_lang_from_code(doc->lang);
    if (c.lang == RP_LANG__MAX)
        c.lang = RP_LANG_EN;
    c.review = doc->edition == RP_EDITION_REVIEW;
    c.arena = rp_arena_new();
    html_ids_init(&c.ids, c.arena);
    /* The fixed ids first: a builder's node called "main" gets "main-2". */
    html_id(&c.ids, "main", NULL);
    html_id(&c.ids, "title", NULL);
    html_ids_sections(&c);
    html_regions_collect(&c);
    c.w = rp_xml_writer_new(RP_XML_FLAVOUR_HTML);
    rp_xml_writer_set_indent(c.w, false);
    page(&c);
    char *data = NULL;
    size_t size = 0;
    int rc = rp_xml_writer_finish(c.w, &data, &size);
    rp_xml_writer_free(c.w);
    rp_arena_free(c.arena);
    if (rc != 0) {
        rp_diag_add(diags, RP_ERROR, path, 0, 0, "cannot write HTML: a text is not valid UTF-8");
        return -1;
    }
    rc = write_all(fd, data, size);
    if (rc != 0)
        rp_diag_add(diags, RP_ERROR, path, 0, 0, "cannot write: %s", strerror(errno));
    free(data);
    return rc;
}
