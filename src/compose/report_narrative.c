/* Narrative sections and key-figure boxes, as the annual report writes them: leads, lists,
 * links, media captions, zoom boxes, the foreword that announces the sections by their
 * teasers, and figures that keep their qualifier ("au minimum 90 %", "environ 330"). */
#include "compose/budget.h"
#include "compose/report.h"

#include <stdio.h>
#include <string.h>

/* "1,7 million", "870 millions d'euros": large scales are written as words, as the source
 * does, rather than multiplied out. */
static const char *scaled_number(struct rp_report *r, const struct rp_figure *fig, bool *worded)
{
    double v = fig->value;
    const char *one = NULL, *many = NULL;
    if (fig->scale == 1000000) {
        one = "scale.million";
        many = "scale.millions";
    } else if (fig->scale == 1000000000) {
        one = "scale.billion";
        many = "scale.billions";
    }
    *worded = one != NULL;
    if (!one)
        return rp_report_num_auto(r, v * (double)(fig->scale > 0 ? fig->scale : 1));
    /* French makes "million" plural from 2 on; Dutch and English never inflect it here. */
    return rp_doc_printf(r->doc, "%s %s", rp_report_num_auto(r, v),
                         rp_report_l(r, v >= 2 ? many : one));
}

const char *rp_report_figure_value(struct rp_report *r, const struct rp_figure *fig)
{
    const char *unit = fig->unit ? fig->unit : "";
    const char *value;
    bool worded = false;
    if (strcmp(unit, "percent") == 0) {
        value = rp_report_percent(r, fig->value, rp_report_decimals(fig->value));
    } else if (strcmp(unit, "factor") == 0) {
        value = rp_doc_printf(r->doc, "\xc3\x97%s", rp_report_num_auto(r, fig->value));
    } else {
        value = scaled_number(r, fig, &worded);
        if (strcmp(unit, "EUR") == 0)
            value = worded
                        ? rp_doc_printf(r->doc, "%s %s", value, rp_report_l(r, "fig.eur_millions"))
                        : rp_doc_printf(r->doc, "%s" RP_NBSP "\xe2\x82\xac", value);
        else if (strcmp(unit, "day") == 0)
            value = rp_doc_printf(r->doc, "%s %s", value,
                                  rp_report_l(r, fig->value == 1 ? "fig.day" : "fig.days"));
    }
    static const char *const qualifiers[RP_QUAL__MAX] = {NULL, "qual.approx", "qual.min",
                                                         "qual.max"};
    if ((unsigned)fig->qualifier < RP_QUAL__MAX && qualifiers[fig->qualifier])
        value = rp_doc_printf(r->doc, "%s %s", rp_report_l(r, qualifiers[fig->qualifier]), value);
    return value;
}

void rp_report_key_figures(struct rp_report *r, struct rp_nodes *into,
                           const struct rp_key_figures *kf)
{
    struct rp_node *box = rp_doc_add_key_figures(r->doc, into, NULL);
    rp_report_add_runs(r, &box->u.figures.title, rp_report_pick(r, &kf->title));
    box->id = rp_doc_str(r->doc, kf->id);
    for (size_t i = 0; i < kf->figure_count; i++) {
        const struct rp_figure *f = &kf->figures[i];
        const char *ll, *cl = NULL;
        const char *comment = f->comment.count ? rp_report_text_in(r, &f->comment, " ", &cl) : NULL;
        const char *label = rp_report_text_in(r, &f->label, " ", &ll);
        rp_doc_add_figure(r->doc, box, rp_report_figure_value(r, f), label, comment);
        struct rp_doc_figure *fig = &box->u.figures.items[box->u.figures.count - 1];
        rp_spans_lang(r->doc, &fig->label, 0, ll);
        rp_spans_lang(r->doc, &fig->comment, 0, cl);
    }
}

/* A medium's caption. One the source lost (missing) leaves nothing for a reader to look at:
 * only the review edition shows its caption, and says that it is missing. */
static void add_media(struct rp_report *r, struct rp_nodes *into, const struct rp_media *m)
{
    if (m->missing && r->edition != RP_EDITION_REVIEW)
        return;
    static const char *const kinds[RP_MEDIA_KIND__MAX] = {"media.photo", "media.video",
                                                          "media.chart", "media.organigram"};
    struct rp_node *p = rp_doc_add_paragraph(r->doc, into, RP_PARA_SMALL, NULL);
    struct rp_spans *s = &p->u.paragraph.text;
    const char *kind =
        rp_report_l(r, (unsigned)m->kind < RP_MEDIA_KIND__MAX ? kinds[m->kind] : "media.photo");
    rp_spans_add(r->doc, s, RP_SPAN_TEXT, RP_SPAN_STRONG,
                 rp_doc_printf(r->doc, "%s%s", kind, rp_report_colon(r)), NULL);
    rp_report_add_runs(r, s, rp_report_pick(r, &m->caption));
    if (m->missing)
        rp_spans_add(r->doc, s, RP_SPAN_TEXT, RP_SPAN_EM,
                     rp_doc_printf(r->doc, " %s", rp_report_l(r, "media.missing")), NULL);
    else if (m->href)
        rp_spans_add(r->doc, s, RP_SPAN_LINK, 0, rp_doc_printf(r->doc, " %s", m->href), m->href);
}

/* The language of a block's text: paragraphs and lists carry xml:lang; NULL for the others
 * (key figures, media, subsections), which choose their own. */
static const char *block_lang(const struct rp_block *b)
{
    return b->kind == RP_BLOCK_PARAGRAPH ? b->paragraph.lang
           : b->kind == RP_BLOCK_LIST    ? b->list_lang
                                         : NULL;
}

/* The language of a section's own blocks, chosen by the one rule as one text (counted): a
 * section written in two languages shows the blocks of one of them. */
static const char *blocks_lang(struct rp_report *r, const struct rp_section *s)
{
    struct rp_lang_tally tally = {0};
    for (size_t i = 0; i < s->block_count; i++)
        rp_report_tally(r, &tally, block_lang(&s->blocks[i]));
    const char *lang = rp_report_choose(r, &tally);
    return lang ? lang : r->code;
}

static bool block_in(const struct rp_block *b, const char *lang)
{
    const char *l = block_lang(b);
    return !l || rp_lang_same(l, lang);
}

static void add_teasers(struct rp_report *r, struct rp_nodes *into,
                        const struct rp_section *siblings, size_t count)
{
    struct rp_node *list = NULL;
    for (size_t i = 0; i < count; i++) {
        const struct rp_text *t = rp_report_pick(r, &siblings[i].teaser);
        if (!t)
            continue;
        if (!list)
            list = rp_doc_add_list(r->doc, into, false);
        struct rp_spans *item = rp_doc_list_add(r->doc, list, NULL);
        rp_report_add_runs(r, item, t);
    }
}

/* The foreword announces the other sections by their teasers; the source lists them after
 * the paragraph that ends with a colon ("vous découvrirez notamment :"), or at the end. */
static size_t teaser_position(const struct rp_section *s, const char *lang)
{
    size_t pos = s->block_count;
    for (size_t i = 0; i < s->block_count; i++) {
        const struct rp_block *b = &s->blocks[i];
        if (b->kind != RP_BLOCK_PARAGRAPH || !block_in(b, lang))
            continue;
        const char *p = b->paragraph.plain;
        size_t n = p ? strlen(p) : 0;
        while (n && (p[n - 1] == ' '))
            n--;
        if (n && p[n - 1] == ':')
            pos = i + 1;
    }
    return pos;
}

struct rp_node *rp_report_section_heading(struct rp_report *r, struct rp_nodes *into, int level,
                                          const struct rp_section *s)
{
    struct rp_node *sec = rp_report_section(r, into, level, NULL, &s->title);
    sec->id = rp_doc_str(r->doc, s->id);
    /* The source's own section number ("6.4. Objectifs"): a report's headings have theirs;
     * a contract's readers cite its articles by the source's. */
    struct rp_spans *title = &sec->u.section.title;
    if (!r->source_numbers && title->count && title->items[0].kind == RP_SPAN_TEXT)
        title->items[0].text = rp_source_unnumbered(r->doc, title->items[0].text);
    return sec;
}

static void add_section(struct rp_report *r, struct rp_nodes *into, int level,
                        const struct rp_section *s, const struct rp_section *siblings,
                        size_t sibling_count, rp_report_sub_fn *sub, void *ctx);

/* Whether a section has anything to show in this edition: a heading over nothing (a
 * section that held only a medium the source lost, in a publication) is left out. The
 * review edition shows every section, so that its authors see what is missing. */
static bool shows(const struct rp_report *r, const struct rp_section *s)
{
    if (r->edition == RP_EDITION_REVIEW || s->lead.count || s->signed_by.count ||
        s->role != RP_SECTION_BODY || s->block_count == 0)
        return true;
    for (size_t i = 0; i < s->block_count; i++) {
        const struct rp_block *b = &s->blocks[i];
        if (b->kind == RP_BLOCK_SECTION ? shows(r, b->section)
                                        : b->kind != RP_BLOCK_MEDIA || !b->media.missing)
            return true;
    }
    return false;
}

/* A subsection where it stands, unless the document prints it elsewhere or it has nothing
 * to show. */
static void add_sub(struct rp_report *r, void *ctx, struct rp_nodes *into, int level,
                    const struct rp_section *s)
{
    (void)ctx;
    if ((!r->elsewhere || !r->elsewhere(r, s)) && shows(r, s))
        add_section(r, into, level, s, NULL, 0, add_sub, NULL);
}

void rp_report_narrative_section(struct rp_report *r, struct rp_nodes *into, int level,
                                 const struct rp_section *s, rp_report_sub_fn *sub, void *ctx)
{
    add_section(r, into, level, s, NULL, 0, sub, ctx);
}

static void add_section(struct rp_report *r, struct rp_nodes *into, int level,
                        const struct rp_section *s, const struct rp_section *siblings,
                        size_t sibling_count, rp_report_sub_fn *sub, void *ctx)
{
    size_t notes_from = r->footnote_count;
    struct rp_node *sec = rp_report_section_heading(r, into, level, s);
    struct rp_nodes *kids = &sec->u.section.children;
    /* A section the source left to be written later keeps its own words ("Ce point sera
     * soumis ultérieurement"); the authors alone are told it is pending. */
    if (s->role == RP_SECTION_PENDING && r->edition == RP_EDITION_REVIEW)
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_REMARK, rp_report_l(r, "section.pending"));
    rp_report_paragraphs(r, kids, &s->lead, RP_PARA_LEAD);
    const char *lang = blocks_lang(r, s);
    size_t teasers_at = s->role == RP_SECTION_FOREWORD ? teaser_position(s, lang) : (size_t)-1;
    for (size_t i = 0; i <= s->block_count; i++) {
        if (i == teasers_at)
            add_teasers(r, kids, siblings, sibling_count);
        if (i == s->block_count)
            break;
        const struct rp_block *b = &s->blocks[i];
        if (!block_in(b, lang))
            continue;
        switch (b->kind) {
        case RP_BLOCK_PARAGRAPH: {
            struct rp_node *p = rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY, NULL);
            rp_report_add_runs(r, &p->u.paragraph.text, &b->paragraph);
            break;
        }
        case RP_BLOCK_LIST: {
            struct rp_node *list = rp_doc_add_list(r->doc, kids, b->ordered);
            for (size_t k = 0; k < b->list_items.count; k++)
                rp_report_add_runs(r, rp_doc_list_add(r->doc, list, NULL), &b->list_items.items[k]);
            break;
        }
        case RP_BLOCK_KEY_FIGURES:
            rp_report_key_figures(r, kids, b->figures);
            break;
        case RP_BLOCK_SECTION:
            sub(r, ctx, kids, level + 1, b->section);
            break;
        case RP_BLOCK_MEDIA:
            add_media(r, kids, &b->media);
            break;
        default:
            break;
        }
    }
    const struct rp_text *signature = rp_report_pick(r, &s->signed_by);
    if (signature) {
        struct rp_node *p = rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY, NULL);
        size_t first = p->u.paragraph.text.count;
        rp_report_add_runs(r, &p->u.paragraph.text, signature);
        for (size_t i = first; i < p->u.paragraph.text.count; i++)
            p->u.paragraph.text.items[i].style |= RP_SPAN_EM; /* a signature is set in italics */
    }
    rp_report_footnotes_from(r, notes_from, kids);
}

void rp_report_narrative(struct rp_report *r, struct rp_nodes *into, int level,
                         const struct rp_section *sections, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if ((!r->elsewhere || !r->elsewhere(r, &sections[i])) && shows(r, &sections[i]))
            add_section(r, into, level, &sections[i], sections, count, add_sub, NULL);
}
