/* Block HTML: sections and their headings, paragraphs, lists, notes, key figures, charts,
 * and the contents.
 *
 * Headings nest by the depth of titled sections, as in the tagged PDF, whatever levels the
 * builder gave: the title is the only h1, a top section's heading h2, and a section one
 * titled level deeper than its parent one heading level deeper, so that levels never skip;
 * past h6 they stay h6. A section without a title has no heading and adds no level. */
#include "render/html_internal.h"

#include "load/xml_write.h"
#include "render/html_chart.h"
#include "templates/templates.h"
#include "util/arena.h"

#include <stdio.h>
#include <string.h>

static const char *const HEADINGS[] = {"h1", "h1", "h2", "h3", "h4", "h5", "h6"};

static int clamp_level(int level)
{
    return level < 2 ? 2 : level > 6 ? 6 : level;
}

static bool section_titled(const struct rp_doc_section *s)
{
    return !html_spans_empty(&s->title) || (s->number && *s->number);
}

/* The section number, then the title. */
static void section_title(struct html_ctx *c, const struct rp_doc_section *s)
{
    if (s->number && *s->number) {
        rp_xml_start(c->w, "span");
        rp_xml_attr(c->w, "class", "num");
        rp_xml_text(c->w, s->number);
        rp_xml_end(c->w);
        /* A space the reader hears between number and title; the margin is the eye's. */
        rp_xml_text(c->w, " ");
    }
    html_spans(c, &s->title);
}

static void section(struct html_ctx *c, const struct rp_node *node, int level)
{
    const struct rp_doc_section *s = &node->u.section;
    const struct html_section_id *ids = html_section_ids(c, node);
    bool titled = section_titled(s);
    html_block(c, "section");
    if (ids)
        rp_xml_attr(c->w, "id", ids->id);
    /* Chapters start on a new page on paper, as in the PDF. */
    if (level == 2)
        rp_xml_attr(c->w, "class", "chapter");
    if (titled && ids)
        html_region_label(c, html_plain(c, s->number, &s->title), ids->heading);
    const char *outer = c->heading;
    if (titled) {
        html_block(c, HEADINGS[clamp_level(level)]);
        if (ids) {
            rp_xml_attr(c->w, "id", ids->heading);
            c->heading = ids->heading;
        }
        section_title(c, s);
        rp_xml_end(c->w);
    }
    html_nodes(c, &s->children, titled ? level + 1 : level);
    c->heading = outer;
    rp_xml_end(c->w);
}

static void paragraph(struct html_ctx *c, const struct rp_node *node)
{
    const struct rp_spans *text = &node->u.paragraph.text;
    if (html_spans_empty(text))
        return;
    html_block(c, "p");
    switch (node->u.paragraph.style) {
    case RP_PARA_LEAD:
        rp_xml_attr(c->w, "class", "lead");
        break;
    case RP_PARA_SMALL:
        rp_xml_attr(c->w, "class", "small");
        break;
    case RP_PARA_REMARK:
        /* Set apart in a box, and said to be an aside to assistive technology. */
        rp_xml_attr(c->w, "class", "remark");
        rp_xml_attr(c->w, "role", "note");
        break;
    default:
        break;
    }
    html_spans(c, text);
    rp_xml_end(c->w);
}

static void list(struct html_ctx *c, const struct rp_node *node)
{
    const struct rp_doc_list *l = &node->u.list;
    if (l->count == 0)
        return;
    html_block(c, l->ordered ? "ol" : "ul");
    for (size_t i = 0; i < l->count; i++) {
        html_block(c, "li");
        html_spans(c, &l->items[i]);
        rp_xml_end(c->w);
    }
    rp_xml_end(c->w);
}

void html_note(struct html_ctx *c, const struct rp_doc_note *n)
{
    html_block(c, "p");
    rp_xml_attr(c->w, "class", "note");
    rp_xml_attr(c->w, "role", "note");
    if (n->mark && *n->mark) {
        rp_xml_start(c->w, "span");
        rp_xml_attr(c->w, "class", "mark");
        rp_xml_text(c->w, n->mark);
        rp_xml_end(c->w);
        rp_xml_text(c->w, " ");
    }
    html_spans(c, &n->text);
    rp_xml_end(c->w);
}

/* Key figures: a titled group of boxes; each figure reads as one sentence, its value then
 * its label and comment, as in the PDF. */
static void key_figures(struct html_ctx *c, const struct rp_node *node, int level)
{
    const struct rp_doc_key_figures *kf = &node->u.figures;
    if (kf->count == 0 && html_spans_empty(&kf->title))
        return;
    html_block(c, "div");
    rp_xml_attr(c->w, "class", "key-figures");
    if (!html_spans_empty(&kf->title)) {
        const char *id =
            html_id(&c->ids, node->id, rp_arena_printf(c->arena, "k-%u", ++c->figures));
        rp_xml_attr(c->w, "role", "group");
        rp_xml_attr(c->w, "aria-labelledby", id);
        html_block(c, HEADINGS[clamp_level(level)]);
        rp_xml_attr(c->w, "id", id);
        html_spans(c, &kf->title);
        rp_xml_end(c->w);
    }
    html_block(c, "ul");
    rp_xml_attr(c->w, "class", "figures");
    /* list-style:none drops the list from some screen readers; the role keeps it. */
    rp_xml_attr(c->w, "role", "list");
    for (size_t i = 0; i < kf->count; i++) {
        const struct rp_doc_figure *fig = &kf->items[i];
        html_block(c, "li");
        rp_xml_start(c->w, "p");
        rp_xml_start(c->w, "span");
        rp_xml_attr(c->w, "class", "value");
        rp_xml_text(c->w, fig->value ? fig->value : "");
        rp_xml_end(c->w);
        if (!html_spans_empty(&fig->label)) {
            rp_xml_text(c->w, " ");
            rp_xml_start(c->w, "span");
            rp_xml_attr(c->w, "class", "label");
            html_spans(c, &fig->label);
            rp_xml_end(c->w);
        }
        if (!html_spans_empty(&fig->comment)) {
            rp_xml_text(c->w, " ");
            rp_xml_start(c->w, "span");
            rp_xml_attr(c->w, "class", "comment");
            html_spans(c, &fig->comment);
            rp_xml_end(c->w);
        }
        rp_xml_end(c->w);
        rp_xml_end(c->w);
    }
    rp_xml_end(c->w);
    rp_xml_end(c->w);
}

static void chart(struct html_ctx *c, const struct rp_node *node)
{
    const char *id = html_id(&c->ids, node->id, rp_arena_printf(c->arena, "c-%u", ++c->charts));
    rp_xml_text(c->w, "\n");
    rp_html_chart(c, node, id, rp_label(c->t, c->lang, "html.chart-data"));
}

void html_nodes(struct html_ctx *c, const struct rp_nodes *nodes, int level)
{
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *node = nodes->items[i];
        switch (node->kind) {
        case RP_NODE_SECTION:
            section(c, node, level);
            break;
        case RP_NODE_PARAGRAPH:
            paragraph(c, node);
            break;
        case RP_NODE_LIST:
            list(c, node);
            break;
        case RP_NODE_TABLE:
            html_table(c, node);
            break;
        case RP_NODE_KEY_FIGURES:
            key_figures(c, node, level);
            break;
        case RP_NODE_CHART:
            chart(c, node);
            break;
        case RP_NODE_NOTE:
            html_note(c, &node->u.note);
            break;
        case RP_NODE_PAGE_BREAK: /* a screen has no pages; paper breaks before chapters */
        case RP_NODE_TOC:        /* written once, before the main content (html_contents) */
        case RP_NODE__MAX:
            break;
        }
    }
}

/* ------------------------------------------------------------------ contents */

/* Whether any section under `nodes` is listed: an empty <ol> is not written. */
static bool any_listed(const struct html_ctx *c, const struct rp_nodes *nodes)
{
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *n = nodes->items[i];
        if (n->kind != RP_NODE_SECTION)
            continue;
        const struct rp_doc_section *s = &n->u.section;
        if ((s->in_toc && s->level <= c->theme->toc_depth && section_titled(s)) ||
            any_listed(c, &s->children))
            return true;
    }
    return false;
}

/* The entries of the sections under `nodes`, in the lists they nest in: a section that is
 * not listed gives its listed subsections to the list it would have been in. `index` walks
 * the section ids in document order, listed or not. */
static void entries(struct html_ctx *c, const struct rp_nodes *nodes, size_t *index)
{
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *n = nodes->items[i];
        if (n->kind != RP_NODE_SECTION)
            continue;
        const struct rp_doc_section *s = &n->u.section;
        const struct html_section_id *ids = *index < c->section_count ? &c->sections[*index] : NULL;
        (*index)++;
        bool listed = s->in_toc && s->level <= c->theme->toc_depth && section_titled(s) && ids &&
                      ids->node == n;
        if (!listed) {
            entries(c, &s->children, index);
            continue;
        }
        html_block(c, "li");
        rp_xml_start(c->w, "a");
        if (s->level == 1)
            rp_xml_attr(c->w, "class", "l1");
        rp_xml_attrf(c->w, "href", "#%s", ids->id);
        section_title(c, s);
        rp_xml_end(c->w);
        if (any_listed(c, &s->children)) {
            html_block(c, "ol");
            entries(c, &s->children, index);
            rp_xml_end(c->w);
        } else {
            entries(c, &s->children, index); /* walks the ids of unlisted subsections */
        }
        rp_xml_end(c->w);
    }
}

void html_contents(struct html_ctx *c)
{
    const struct rp_doc *doc = c->doc;
    bool wanted = false;
    for (size_t i = 0; i < doc->body.count; i++)
        wanted = wanted || doc->body.items[i]->kind == RP_NODE_TOC;
    if (!wanted || !any_listed(c, &doc->body))
        return;
    const char *title = doc->labels.contents && *doc->labels.contents ? doc->labels.contents : NULL;
    const char *id = html_id(&c->ids, "contents", NULL);
    html_block(c, "nav");
    if (title) {
        rp_xml_attr(c->w, "aria-labelledby", id);
        html_block(c, "h2");
        rp_xml_attr(c->w, "id", id);
        rp_xml_text(c->w, title);
        rp_xml_end(c->w);
    }
    html_block(c, "ol");
    size_t index = 0;
    entries(c, &doc->body, &index);
    rp_xml_end(c->w);
    rp_xml_end(c->w);
}
