/* Document builders: one per document kind, from the model to the document tree.
 *
 * Builders know the domain (plans, tables, indicators) and never the output format. Every
 * node and string of the returned document lives in `arena` (see doc/doc.h); the wording and
 * the parts of each document come from the templates `t`, which must outlive the document.
 * `edition` says whom the document is for: readers (publication) or its authors (review). */
#ifndef RP_COMPOSE_H
#define RP_COMPOSE_H

#include "doc/doc.h"
#include "model/model.h"

#include <stddef.h>

struct rp_arena;
struct rp_diags;
struct rp_templates;

/* The budget-tables document of `plan` in `lang` ("fr", "nl"; "en" and "de" also work): every
 * budget and staffing table as the plan states it, with year-on-year changes, recomputed
 * totals flagged where the stated total differs, notes, and distribution and evolution
 * charts where they are meaningful. Returns NULL when `plan` or `arena` is NULL. */
struct rp_doc *rp_build_budget(const struct rp_plan *plan, const char *lang,
                               enum rp_edition edition, const struct rp_templates *t,
                               struct rp_arena *arena);

/* The annual evaluation report for the last of `evals` (the earlier ones give the earlier
 * years' values); `plan` may be NULL for a stand-alone annual report. */
struct rp_doc *rp_build_evaluation(const struct rp_plan *plan,
                                   const struct rp_evaluation *const *evals, size_t eval_count,
                                   const char *lang, enum rp_edition edition,
                                   const struct rp_templates *t, struct rp_arena *arena);

/* The communication-plan summary of `plan` in `lang`: actions, target-group × channel
 * matrix, timeline, counts per communication objective; with `eval` (optional) the
 * execution status of each action. A plan without a communication plan gives a short
 * document that says so. Returns NULL when `plan` or `arena` is NULL. */
struct rp_doc *rp_build_communication(const struct rp_plan *plan, const struct rp_evaluation *eval,
                                      const char *lang, enum rp_edition edition,
                                      const struct rp_templates *t, struct rp_arena *arena);

/* The plan document: the plan or administration contract of `plan` itself, consolidated in
 * `lang`: parties and signature, context, missions, vision, values, stakes and
 * stakeholders, priorities, risks, the objectives with their ambitions, indicators and
 * actions, key processes, projects, commitments, budget and staffing tables, communication
 * plan, key figures and the organisation's units, in the order documents.xml lists them.
 * Returns NULL when `plan` or `arena` is NULL. */
struct rp_doc *rp_build_plan(const struct rp_plan *plan, const char *lang, enum rp_edition edition,
                             const struct rp_templates *t, struct rp_arena *arena);

/* Appends to a review edition the annex its authors need: every diagnostic of the document's
 * sources (`diags`, possibly empty), with its file, line and column, worded in the
 * document's language. */
void rp_build_review_annex(struct rp_doc *doc, const struct rp_diags *diags,
                           const struct rp_templates *t);

#endif
