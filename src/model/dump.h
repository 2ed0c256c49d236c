/* The model as indented text: one line per entity and field, stable across runs, for
 * golden tests and for reading what the loader understood. */
#ifndef RP_MODEL_DUMP_H
#define RP_MODEL_DUMP_H

#include "model/model.h"

#include <stdio.h>

void rp_plan_dump(const struct rp_plan *plan, FILE *out);
void rp_evaluation_dump(const struct rp_evaluation *eval, FILE *out);

#endif
