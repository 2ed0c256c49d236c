/* The plan document: the plan or administration contract itself, consolidated, in the
 * edition's language: cover, what the document is, parties and signature, context,
 * missions, vision, values, stakes and stakeholders, priorities, risks, the objectives with
 * their ambitions, indicators and actions, key processes, projects, commitments, budget
 * and staffing tables, communication plan, key figures and the organisation's units.
 *
 * Each chapter group lives in its own file (plan_*.c); this one orders the parts as
 * documents.xml lists them and holds the helpers of plan.h. A chapter the plan has nothing
 * for is left out: no empty heading. */
#include "compose/amendments.h"
#include "compose/compose.h"
#include "compose/plan.h"
#include "templates/templates.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

struct rp_nodes *rp_plan_section(struct rp_report *r, struct rp_nodes *into, int level,
                                 const char *key)
{
    return &rp_doc_add_section(r->doc, into, level, NULL, rp_report_l(r, key))->u.section.children;
}

struct rp_nodes *rp_plan_chapter(struct rp_report *r, struct rp_nodes *into, const char *key)
{
    return rp_plan_section(r, into, 1, key);
}

static void bold_label(struct rp_report *r, struct rp_spans *spans, const char *key)
{
    rp_spans_add(r->doc, spans, RP_SPAN_TEXT, RP_SPAN_STRONG,
                 rp_doc_printf(r->doc, "%s%s", rp_report_l(r, key), rp_report_colon(r)), NULL);
}

void rp_plan_field(struct rp_report *r, struct rp_nodes *into, const char *key, const char *text,
                   const char *lang)
{
    if (!text || !*text)
        return;
    struct rp_node *p = rp_doc_add_paragraph(r->doc, into, RP_PARA_SMALL, NULL);
    bold_label(r, &p->u.paragraph.text, key);
    rp_report_add_plain(r, &p->u.paragraph.text, 0, text, lang);
}

void rp_plan_field_texts(struct rp_report *r, struct rp_nodes *into, const char *key,
                         const struct rp_texts *texts)
{
    if (texts->count == 0)
        return;
    const char *lang;
    const char *text = rp_report_text_in(r, texts, " ", &lang);
    rp_plan_field(r, into, key, text, lang);
}

struct rp_node *rp_plan_lead_para(struct rp_report *r, struct rp_nodes *into,
                                  enum rp_para_style style, const char *lead,
                                  const struct rp_texts *texts)
{
    const struct rp_text *text = rp_report_pick(r, texts);
    if ((!lead || !*lead) && !text)
        return NULL;
    struct rp_node *p = rp_doc_add_paragraph(r->doc, into, style, NULL);
    if (lead && *lead)
        rp_spans_add(r->doc, &p->u.paragraph.text, RP_SPAN_TEXT, RP_SPAN_STRONG,
                     rp_doc_printf(r->doc, "%s%s", lead, lead[strlen(lead) - 1] == ' ' ? "" : " "),
                     NULL);
    rp_report_add_runs(r, &p->u.paragraph.text, text);
    return p;
}

void rp_plan_numbered_paragraphs(struct rp_report *r, struct rp_nodes *into, const char *number,
                                 const struct rp_texts *texts)
{
    const char *lang = rp_report_text_lang(r, texts);
    bool first = true;
    for (size_t i = 0; lang && i < texts->count; i++) {
        if (!rp_report_in(&texts->items[i], lang))
            continue;
        struct rp_node *p = rp_doc_add_paragraph(r->doc, into, RP_PARA_BODY, NULL);
        if (first && number && *number)
            rp_spans_add(r->doc, &p->u.paragraph.text, RP_SPAN_TEXT, RP_SPAN_STRONG,
                         rp_doc_printf(r->doc, "%s ", number), NULL);
        rp_report_add_runs(r, &p->u.paragraph.text, &texts->items[i]);
        first = false;
    }
}

void rp_plan_items(struct rp_report *r, struct rp_nodes *into, const struct rp_texts *texts)
{
    const char *lang = rp_report_text_lang(r, texts);
    if (!lang)
        return;
    struct rp_node *list = rp_doc_add_list(r->doc, into, false);
    for (size_t i = 0; i < texts->count; i++)
        if (rp_report_in(&texts->items[i], lang))
            rp_report_add_runs(r, rp_doc_list_add(r->doc, list, NULL), &texts->items[i]);
}

const char *rp_plan_legal_basis(struct rp_report *r, const char *id, const char **lang)
{
    for (size_t i = 0; id && i < r->plan->legal_basis_count; i++) {
        const struct rp_legal_basis *lb = &r->plan->legal_bases[i];
        if (strcmp(lb->id, id) == 0)
            return rp_report_text_in(r, &lb->title, " ", lang);
    }
    return NULL;
}

const struct rp_group *rp_plan_group(const struct rp_group *groups, size_t count, const char *id)
{
    for (size_t i = 0; id && i < count; i++)
        if (strcmp(groups[i].id, id) == 0)
            return &groups[i];
    return NULL;
}

const struct rp_party *rp_plan_party(const struct rp_plan *p, const char *id)
{
    for (size_t i = 0; id && i < p->party_count; i++)
        if (strcmp(p->parties[i].id, id) == 0)
            return &p->parties[i];
    return NULL;
}

/* ---------------------------------------------------------------- cover and about */

/* The title says what the document is in the edition's words ("Contrat d'administration
 * 2022-2025"); the model's own title, in the content language, is the subtitle. */
static void cover(struct rp_report *r)
{
    const struct rp_plan *p = r->plan;
    const char *period = rp_doc_printf(r->doc, "%d-%d", p->start, p->end);
    const char *lang;
    const char *subtitle = rp_report_text_in(r, &p->title, " ", &lang);
    rp_report_cover(r, rp_doc_printf(r->doc, "%s %s", rp_report_plan_kind(r), period), subtitle, &p->date,
                    false);
    r->doc->subtitle_lang = lang;
    const struct rp_organisation *o = &p->organisation;
    const char *abbr = o->abbr.count ? rp_report_plain(r, &o->abbr) : r->doc->organisation;
    r->doc->keywords = rp_report_lf(r, "doc.keywords_plan", abbr, period, NULL);
}

void rp_plan_about(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.about");
    rp_report_note_slot(r, kids);
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY, rp_report_l(r, "plan.about"));
    struct rp_node *title = rp_doc_add_paragraph(r->doc, kids, RP_PARA_LEAD, NULL);
    rp_report_add_runs(r, &title->u.paragraph.text, rp_report_pick(r, &p->title));
    char start[16], end[16];
    snprintf(start, sizeof start, "%d", p->start);
    snprintf(end, sizeof end, "%d", p->end);
    const char *text = rp_report_lf(r, "plan.about.period", rp_report_plan_kind(r), start, end);
    if (p->date.year)
        text = rp_doc_printf(r->doc, "%s %s", text,
                             rp_report_lf(r, "plan.about.date", rp_report_date(r, &p->date),
                                          NULL, NULL));
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY, text);
}

/* ---------------------------------------------------------------- parts */

/* The parts by their name in documents.xml. */
static const struct {
    const char *name;
    void (*build)(struct rp_report *r, struct rp_nodes *into);
} PARTS[] = {
    {"about", rp_plan_about},
    {"parties", rp_plan_parties},
    {"amendments", rp_plan_amendments},
    {"context", rp_plan_context},
    {"missions", rp_plan_missions},
    {"vision", rp_plan_vision},
    {"values", rp_plan_values},
    {"environment", rp_plan_environment},
    {"priorities", rp_plan_priorities},
    {"success-factors", rp_plan_success_factors},
    {"risks", rp_plan_risks},
    {"maturity-scales", rp_plan_maturity_scales},
    {"objectives", rp_plan_objectives},
    {"processes", rp_plan_processes},
    {"projects", rp_plan_projects},
    {"commitments", rp_plan_commitments},
    {"transversal", rp_plan_transversal},
    {"budget", rp_plan_budget},
    {"communication", rp_plan_communication},
    {"key-figures", rp_plan_key_figures},
    {"organisation", rp_plan_organisation},
    {"glossary", rp_plan_glossary},
};

struct rp_doc *rp_build_plan(const struct rp_plan *plan, const char *lang, enum rp_edition edition,
                             const struct rp_templates *t, struct rp_arena *arena)
{
    if (!plan || !arena || !t)
        return NULL;
    struct rp_report r;
    rp_report_init_plan(&r, t, arena, lang, edition, plan);
    r.source_numbers = true;
    r.elsewhere = rp_plan_elsewhere;
    cover(&r);
    rp_report_begin(&r);
    const struct rp_document_spec *spec = rp_templates_document(t, "plan");
    for (size_t i = 0; spec && i < spec->count; i++)
        for (size_t k = 0; k < sizeof PARTS / sizeof *PARTS; k++)
            if (strcmp(PARTS[k].name, spec->parts[i].name) == 0)
                PARTS[k].build(&r, &r.doc->body);
    rp_report_finish(&r);
    return r.doc;
}
