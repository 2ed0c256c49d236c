/* What the plan document and the evaluation report share about maturity assessments and
 * transversal targets (plan_maturity.c). */
#ifndef RP_COMPOSE_MATURITY_H
#define RP_COMPOSE_MATURITY_H

#include "compose/report.h"

/* Appends "niveau 2 (Défini)" to `spans`: the level's value in the edition's words, then its
 * name on `scale` (counted, in its language); the value alone when the scale lacks it. */
void rp_maturity_level_spans(struct rp_report *r, struct rp_spans *spans,
                             const struct rp_maturity_scale *scale, int value);

/* "2 – Défini": the level's value and its name on `scale` (counted; *lang its language), or
 * the value alone. */
const char *rp_maturity_level_text(struct rp_report *r, const struct rp_maturity_scale *scale,
                                   int value, const char **lang);

/* "au minimum 3 %": `value` in the target's unit, with its qualifier when `qualified`;
 * *lang as rp_report_unit_word_in gives it (a unit the plan declares). */
const char *rp_transversal_value(struct rp_report *r, const struct rp_transversal_target *t,
                                 double value, bool qualified, const char **lang);

/* The evaluation report's parts (evaluation_maturity.c): in a strategic objective's section,
 * a table of the maturity of it and of everything under it (level at the start, reached this
 * year, aimed at); in the dashboard, per scale, how many assessed items reached their target;
 * and the chapter of the transversal targets with the values measured this year. Each says
 * nothing when there is nothing to show. */
void rp_eval_maturity(struct rp_report *r, struct rp_nodes *into,
                      const struct rp_strategic_objective *so);
void rp_eval_maturity_dashboard(struct rp_report *r, struct rp_nodes *into);
void rp_eval_transversal(struct rp_report *r, struct rp_nodes *into);

#endif
