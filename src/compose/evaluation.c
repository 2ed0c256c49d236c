/* The annual evaluation report: cover, contents, an introduction, the dashboard, the
 * objectives with their indicators and actions, key figures, highlights, risks, budget and
 * communication execution, and an annex. A stand-alone annual report (no plan) keeps only
 * its narrative, key figures and organisation.
 *
 * Each chapter lives in its own file (evaluation_*.c); this one orders them. */
#include "compose/maturity.h"
#include "compose/compose.h"
#include "compose/report.h"
#include "templates/templates.h"

#include <string.h>

/* The document title is always a fixed word of the edition ("Rapport d'évaluation annuel
 * 2023"); the model's own title, in the content language, is the subtitle. */
static void cover(struct rp_report *r)
{
    const struct rp_evaluation *e = r->eval;
    const char *key = r->plan ? "doc.evaluation" : "doc.annual_report";
    const char *title = rp_doc_printf(r->doc, "%s %d", rp_report_l(r, key), e->year);
    const char *lang;
    const char *subtitle = rp_report_text_in(r, r->plan ? &r->plan->title : &e->title, " ", &lang);
    rp_report_cover(r, title, subtitle, &e->date, e->sample);
    r->doc->subtitle_lang = lang;
    if (!r->plan)
        rp_report_keywords(r, "doc.keywords_annual");
}

static void key_figures_chapter(struct rp_report *r, struct rp_nodes *into, int level)
{
    const struct rp_evaluation *e = r->eval;
    if (e->key_figures_count == 0)
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, level, NULL, rp_report_l(r, "sec.key_figures"));
    for (size_t i = 0; i < e->key_figures_count; i++)
        rp_report_key_figures(r, &sec->u.section.children, &e->key_figures[i]);
}

/* Key figures and the year's narrative share one chapter: each is short, and the theme
 * starts every chapter on a new page. */
static void highlights_chapter(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_evaluation *e = r->eval;
    if (e->section_count == 0 && e->key_figures_count == 0)
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.highlights"));
    key_figures_chapter(r, &sec->u.section.children, 2);
    rp_report_narrative(r, &sec->u.section.children, 2, e->sections, e->section_count);
}

/* The annual report's own sections are its chapters when it stands alone, and its key
 * figures a chapter of their own. */
static void narrative_chapters(struct rp_report *r, struct rp_nodes *into)
{
    rp_report_narrative(r, into, 1, r->eval->sections, r->eval->section_count);
}

static void key_figures_alone(struct rp_report *r, struct rp_nodes *into)
{
    key_figures_chapter(r, into, 1);
}

/* The parts of the report by their name in documents.xml: how each is built with a plan
 * and for a stand-alone annual report (NULL: not part of that report). */
static const struct {
    const char *name;
    void (*with_plan)(struct rp_report *r, struct rp_nodes *into);
    void (*standalone)(struct rp_report *r, struct rp_nodes *into);
} PARTS[] = {
    {"about", rp_eval_about, rp_eval_about},
    {"dashboard", rp_eval_dashboard, NULL},
    {"objectives", rp_eval_objectives, NULL},
    {"projects", rp_eval_projects, NULL},
    {"transversal", rp_eval_transversal, NULL},
    {"key-figures", NULL, key_figures_alone}, /* with a plan: inside the highlights */
    {"highlights", highlights_chapter, narrative_chapters},
    {"risks", rp_eval_risks, NULL},
    {"budget", rp_eval_budget, NULL},
    {"communication", rp_eval_communication, NULL},
    {"organisation", NULL, rp_eval_organisation},
    {"annex", rp_eval_annex, rp_eval_annex},
};

/* The parts the templates list, in their order. */
static void build_parts(struct rp_report *r, bool standalone)
{
    const struct rp_document_spec *spec = rp_templates_document(r->t, "evaluation");
    for (size_t i = 0; spec && i < spec->count; i++) {
        for (size_t k = 0; k < sizeof PARTS / sizeof *PARTS; k++) {
            if (strcmp(PARTS[k].name, spec->parts[i].name) != 0)
                continue;
            void (*build)(struct rp_report *, struct rp_nodes *) =
                standalone ? PARTS[k].standalone : PARTS[k].with_plan;
            if (build)
                build(r, &r->doc->body);
        }
    }
}

struct rp_doc *rp_build_evaluation(const struct rp_plan *plan,
                                   const struct rp_evaluation *const *evals, size_t eval_count,
                                   const char *lang, enum rp_edition edition,
                                   const struct rp_templates *t, struct rp_arena *arena)
{
    if (!evals || eval_count == 0 || !evals[eval_count - 1] || !arena || !t)
        return NULL;
    const struct rp_evaluation *eval = evals[eval_count - 1];
    struct rp_report r;
    rp_report_init(&r, t, arena, lang, edition, plan ? plan->lang : eval->lang);
    r.plan = plan;
    r.eval = eval;
    r.evals = evals;
    r.eval_count = eval_count;
    r.org = plan ? &plan->organisation : eval->has_organisation ? &eval->organisation : NULL;
    cover(&r);
    rp_report_begin(&r);
    build_parts(&r, plan == NULL);
    rp_report_finish(&r);
    return r.doc;
}
