/* The seam between producing and the document builders: one adapter and one table line per
 * kind. The only file outside src/compose/ that includes compose/. */
#include "produce/kinds.h"

#include "compose/compose.h"
#include "templates/templates.h"

#include <string.h>

/* ---------------------------------------------------------------- adapters */

/* Whether `d` is about one of the files the document is built from: a session may hold
 * others (the batch loads an organisation's plan beside a stand-alone annual report). */
static bool about_sources(const struct rp_diag *d, const struct rp_kind_input *in)
{
    if (!d->file)
        return true;
    if (in->plan && in->plan->loc.file && strcmp(d->file, in->plan->loc.file) == 0)
        return true;
    for (size_t i = 0; i < in->eval_count; i++)
        if (in->evals[i]->loc.file && strcmp(d->file, in->evals[i]->loc.file) == 0)
            return true;
    return false;
}

/* A review edition ends with what its authors must fix: every diagnostic of its sources. */
static struct rp_doc *for_review(struct rp_doc *doc, const struct rp_kind_input *in,
                                 const struct rp_kind_edition *ed, const struct rp_templates *t)
{
    if (!doc || ed->edition != RP_EDITION_REVIEW)
        return doc;
    struct rp_diags mine;
    rp_diags_init(&mine);
    for (size_t i = 0; ed->diags && i < ed->diags->count; i++) {
        const struct rp_diag *d = &ed->diags->items[i];
        if (about_sources(d, in))
            rp_diag_add(&mine, d->severity, d->file, d->line, d->col, "%s", d->message);
    }
    rp_build_review_annex(doc, &mine, t); /* copies what it shows into the document */
    rp_diags_free(&mine);
    return doc;
}

static bool has_tables(const struct rp_kind_input *in)
{
    return in->plan && in->plan->table_count > 0;
}

static struct rp_doc *build_budget(const struct rp_kind_input *in, const struct rp_kind_edition *ed,
                                   const struct rp_templates *t, struct rp_arena *arena)
{
    return for_review(rp_build_budget(in->plan, rp_lang_code(ed->lang), ed->edition, t, arena),
                      in, ed, t);
}

static bool has_communication_plan(const struct rp_kind_input *in)
{
    return in->plan && in->plan->has_communication && in->plan->communication.action_count > 0;
}

/* The latest evaluation of the plan, when there is one, gives each action's execution. */
static struct rp_doc *build_communication(const struct rp_kind_input *in,
                                          const struct rp_kind_edition *ed,
                                          const struct rp_templates *t, struct rp_arena *arena)
{
    const struct rp_evaluation *latest = in->eval_count ? in->evals[in->eval_count - 1] : NULL;
    return for_review(
        rp_build_communication(in->plan, latest, rp_lang_code(ed->lang), ed->edition, t, arena),
        in, ed, t);
}

static struct rp_doc *build_evaluation(const struct rp_kind_input *in,
                                       const struct rp_kind_edition *ed,
                                       const struct rp_templates *t, struct rp_arena *arena)
{
    return for_review(rp_build_evaluation(in->plan, in->evals, in->eval_count,
                                          rp_lang_code(ed->lang), ed->edition, t, arena),
                      in, ed, t);
}

static struct rp_doc *build_plan(const struct rp_kind_input *in, const struct rp_kind_edition *ed,
                                 const struct rp_templates *t, struct rp_arena *arena)
{
    return for_review(rp_build_plan(in->plan, rp_lang_code(ed->lang), ed->edition, t, arena), in,
                      ed, t);
}

/* ---------------------------------------------------------------- the table */

/* In name order (the manifest's order). Adding a kind: its adapter above, one line here.
 * `applies` decides the publication edition only: a review edition is always produced, so
 * that the authors see what their sources lack. */
static const struct rp_kind kinds[] = {
    {"budget", "the plan's budget and staffing tables", RP_SCOPE_PLAN, RP_EVALS_NONE, has_tables,
     "the plan has no budget or staffing table", build_budget},
    {"communication", "the communication-plan summary, with its execution", RP_SCOPE_PLAN,
     RP_EVALS_LATEST, has_communication_plan, "the plan has no communication plan",
     build_communication},
    {"evaluation", "the annual evaluation report of a year", RP_SCOPE_YEAR, RP_EVALS_HISTORY, NULL,
     NULL, build_evaluation},
    {"plan", "the plan or administration contract itself, consolidated", RP_SCOPE_PLAN,
     RP_EVALS_NONE, NULL, NULL, build_plan},
};

const struct rp_kind *const rp_kinds = kinds;
const size_t rp_kind_count = sizeof kinds / sizeof *kinds;

const struct rp_kind *rp_kind_find(const char *name)
{
    for (size_t i = 0; i < rp_kind_count; i++)
        if (strcmp(kinds[i].name, name) == 0)
            return &kinds[i];
    return NULL;
}

size_t rp_kinds_check(const struct rp_templates *t, struct rp_diags *diags)
{
    size_t errors = 0;
    for (size_t i = 0; i < t->document_count; i++) {
        const struct rp_document_spec *d = &t->documents[i];
        if (!rp_kind_find(d->kind)) {
            rp_diag_add(diags, RP_ERROR, d->file, d->line, d->col,
                        "rapport renders no document kind '%s'", d->kind);
            errors++;
        }
    }
    for (size_t k = 0; k < rp_kind_count; k++)
        if (!rp_templates_document(t, kinds[k].name)) {
            rp_diag_add(diags, RP_ERROR, t->dir ? t->dir : "<default>", 0, 0,
                        "documents.xml does not describe the '%s' documents", kinds[k].name);
            errors++;
        }
    return errors;
}

void rp_kinds_help(FILE *out, int indent)
{
    for (size_t k = 0; k < rp_kind_count; k++)
        fprintf(out, "%*s%-15s %s\n", indent, "", kinds[k].name, kinds[k].summary);
}
