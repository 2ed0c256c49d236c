/* The plan's amendments as documents list them (plan_amendments.c). The consolidated text
 * itself needs nothing here: the model holds it (the loader leaves removed and replaced texts
 * out). Internal to src/compose/. */
#ifndef RP_COMPOSE_AMENDMENTS_H
#define RP_COMPOSE_AMENDMENTS_H

#include "compose/report.h"

/* The plan document's chapter "Avenants": one row per amendment (number, reference, date
 * signed, date of effect, what it changes), its explanation as a note under the table, after
 * a sentence saying the text is consolidated. Nothing when the plan has no amendment. */
void rp_plan_amendments(struct rp_report *r, struct rp_nodes *into);

/* For the evaluation report's first chapter: that the plan was amended and how, one list item
 * per amendment (reference, dates). Nothing when r->plan has no amendment. */
void rp_report_amendments_note(struct rp_report *r, struct rp_nodes *into);

/* After a text an amendment inserted or made a replacement, a discreet mark in superscript:
 * "av. 1", the amendment's number in the plan document's table of amendments. Nothing for
 * any other text. */
void rp_report_amendment_mark(struct rp_report *r, struct rp_spans *spans,
                              const struct rp_text *text);

/* How many texts of the plan's own language `a` marks with each change. */
void rp_amendment_counts(const struct rp_plan *p, const struct rp_amendment *a,
                         size_t counts[RP_CHANGE__MAX]);

#endif
