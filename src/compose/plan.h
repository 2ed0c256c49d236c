/* Internal to the plan document (plan*.c): its parts, one function each, and the few
 * helpers they share. The build context and the common helpers are those of report.h. */
#ifndef RP_COMPOSE_PLAN_H
#define RP_COMPOSE_PLAN_H

#include "compose/report.h"

/* ---------------------------------------------------------------- parts */

void rp_plan_about(struct rp_report *r, struct rp_nodes *into);         /* plan.c */
void rp_plan_parties(struct rp_report *r, struct rp_nodes *into);       /* plan_parties.c */
void rp_plan_context(struct rp_report *r, struct rp_nodes *into);       /* plan_means.c */
void rp_plan_missions(struct rp_report *r, struct rp_nodes *into);      /* plan_strategy.c */
void rp_plan_vision(struct rp_report *r, struct rp_nodes *into);        /* plan_strategy.c */
void rp_plan_values(struct rp_report *r, struct rp_nodes *into);        /* plan_strategy.c */
void rp_plan_environment(struct rp_report *r, struct rp_nodes *into);   /* plan_strategy.c */
void rp_plan_priorities(struct rp_report *r, struct rp_nodes *into);    /* plan_strategy.c */
void rp_plan_success_factors(struct rp_report *r, struct rp_nodes *into); /* plan_strategy.c */
void rp_plan_risks(struct rp_report *r, struct rp_nodes *into);         /* plan_risks.c */
void rp_plan_objectives(struct rp_report *r, struct rp_nodes *into);    /* plan_objectives.c */
void rp_plan_processes(struct rp_report *r, struct rp_nodes *into);     /* plan_work.c */
void rp_plan_projects(struct rp_report *r, struct rp_nodes *into);      /* plan_work.c */
void rp_plan_commitments(struct rp_report *r, struct rp_nodes *into);   /* plan_commitments.c */
void rp_plan_maturity_scales(struct rp_report *r, struct rp_nodes *into); /* plan_maturity.c */
void rp_plan_transversal(struct rp_report *r, struct rp_nodes *into);   /* plan_transversal.c */
void rp_plan_budget(struct rp_report *r, struct rp_nodes *into);        /* plan_means.c */
void rp_plan_communication(struct rp_report *r, struct rp_nodes *into); /* plan_means.c */
void rp_plan_key_figures(struct rp_report *r, struct rp_nodes *into);   /* plan_means.c */
void rp_plan_organisation(struct rp_report *r, struct rp_nodes *into);  /* plan_means.c */
void rp_plan_glossary(struct rp_report *r, struct rp_nodes *into);      /* plan_means.c */

/* ---------------------------------------------------------------- helpers (plan.c) */

/* A level-1 chapter titled by the label `key`; returns its children. */
struct rp_nodes *rp_plan_chapter(struct rp_report *r, struct rp_nodes *into, const char *key);

/* A section at `level` titled by the label `key`; returns its children. */
struct rp_nodes *rp_plan_section(struct rp_report *r, struct rp_nodes *into, int level,
                                 const char *key);

/* "Label : text" in small type, the label `key` in bold and `text` in `lang` (an _in
 * function's); nothing when `text` is empty. */
void rp_plan_field(struct rp_report *r, struct rp_nodes *into, const char *key, const char *text,
                   const char *lang);

/* The same with the chosen text of `texts` (counted), its paragraphs joined by a space. */
void rp_plan_field_texts(struct rp_report *r, struct rp_nodes *into, const char *key,
                         const struct rp_texts *texts);

/* A paragraph in `style` that opens with `lead` in bold (the edition's words or a model
 * number, NULL for none) followed by the runs of the chosen text of `texts`; NULL (and
 * nothing added) when both are empty. */
struct rp_node *rp_plan_lead_para(struct rp_report *r, struct rp_nodes *into,
                                  enum rp_para_style style, const char *lead,
                                  const struct rp_texts *texts);

/* The paragraphs of `texts` in the chosen language, the first one opened by `number` in
 * bold ("4° la création d'une cellule …"); counted once. */
void rp_plan_numbered_paragraphs(struct rp_report *r, struct rp_nodes *into, const char *number,
                                 const struct rp_texts *texts);

/* One list item per text of `texts` in the chosen language; nothing when empty. */
void rp_plan_items(struct rp_report *r, struct rp_nodes *into, const struct rp_texts *texts);

/* The title of legal basis `id` with its date ("Arrêté royal du … (publié …)"), in the
 * language rp_report_text_in gives through `lang`; NULL when the plan has none. */
const char *rp_plan_legal_basis(struct rp_report *r, const char *id, const char **lang);

/* Whether narrative section `s` is an article of commitments, printed over them in the
 * commitments chapter rather than in the context chapter (plan_commitments.c). */
bool rp_plan_elsewhere(const struct rp_report *r, const struct rp_section *s);

/* Commitments outside the plan's list (a transversal objective's), who commits said once
 * for a run of the same parties, each as the commitments chapter words it
 * (plan_commitments.c). */
void rp_plan_commitment_list(struct rp_report *r, struct rp_nodes *into,
                             const struct rp_commitment *commitments, size_t count);

/* An objective's maturity assessments, one line each: scale, level now, level aimed at; and
 * the same for actions, each line opened by the action's title (plan_maturity.c). */
void rp_plan_maturity(struct rp_report *r, struct rp_nodes *into, const struct rp_maturities *m);
void rp_plan_actions_maturity(struct rp_report *r, struct rp_nodes *into,
                              const struct rp_action *actions, size_t count);

/* The group `id` names among `groups`, or NULL. */
const struct rp_group *rp_plan_group(const struct rp_group *groups, size_t count, const char *id);

/* The party `id` names, or NULL. */
const struct rp_party *rp_plan_party(const struct rp_plan *p, const char *id);

/* A table of projects and processes: N°, title (a process says so), [owners], [due date],
 * [the strategic objectives each names, when `objectives`]; each one's text as a note under
 * the table (plan_work.c). Nothing when `count` is 0. */
void rp_plan_actions_table(struct rp_report *r, struct rp_nodes *into, const char *caption,
                           const struct rp_action *actions, size_t count, bool objectives);

#endif
