/* Visits every identified entity of a plan or an evaluation, in document order: the one
 * traversal that the id index, the duplicate check and `rapport stats` share. */
#ifndef RP_MODEL_WALK_H
#define RP_MODEL_WALK_H

#include "model/model.h"

enum rp_entity {
    RP_ENT_PLAN, RP_ENT_EVALUATION, RP_ENT_ORGANISATION, RP_ENT_UNIT, RP_ENT_PARTY,
    RP_ENT_LEGAL_BASIS, RP_ENT_MISSION, RP_ENT_PILLAR, RP_ENT_VALUE, RP_ENT_STAKE,
    RP_ENT_STAKEHOLDER, RP_ENT_RISK, RP_ENT_RISK_DOMAIN, RP_ENT_PRIORITY,
    RP_ENT_STRATEGIC_OBJECTIVE, RP_ENT_OPERATIONAL_OBJECTIVE, RP_ENT_AMBITION, RP_ENT_INDICATOR,
    RP_ENT_THRESHOLD, RP_ENT_MILESTONE, RP_ENT_PROJECT, RP_ENT_PROCESS, RP_ENT_KEY_PROCESS,
    RP_ENT_COMMITMENT, RP_ENT_TABLE, RP_ENT_COLUMN_GROUP, RP_ENT_COLUMN, RP_ENT_ROW,
    RP_ENT_COMM_OBJECTIVE, RP_ENT_COMM_ACTION, RP_ENT_KEY_FIGURES, RP_ENT_FIGURE, RP_ENT_SECTION,
    RP_ENT_SUCCESS_FACTOR, RP_ENT_MEASURE_UNIT, RP_ENT_GLOSSARY_ENTRY,
    RP_ENT_AMENDMENT,
    RP_ENT_MATURITY_SCALE, RP_ENT_TRANSVERSAL_THEME, RP_ENT_TRANSVERSAL_OBJECTIVE,
    RP_ENT_TRANSVERSAL_TARGET,
    RP_ENT_STAKEHOLDER_GROUP, RP_ENT_OBJECTIVE_GROUP, RP_ENT__MAX
};

/* Called once per entity; `parent` is the enclosing entity (an indicator's for a threshold,
 * a table for its rows), or NULL. */
typedef void rp_visit_fn(void *ctx, enum rp_entity kind, const char *id, const void *entity,
                         const struct rp_loc *loc, const void *parent);

void rp_plan_walk(const struct rp_plan *plan, rp_visit_fn *visit, void *ctx);
void rp_evaluation_walk(const struct rp_evaluation *eval, rp_visit_fn *visit, void *ctx);

/* A human name of the entity kind ("strategic objective"), for messages. */
const char *rp_entity_name(enum rp_entity kind);

#endif
