/* Model builders for the two root elements; see reader.h for the shared helpers. */
#ifndef RP_LOAD_PLAN_H
#define RP_LOAD_PLAN_H

#include "load/reader.h"

/* A plan from a validated <plan> tree (allocated in r->arena). */
struct rp_plan *rp_read_plan(struct rp_reader *r, const struct rp_xnode *root);

/* An evaluation from a validated <evaluation> tree. */
struct rp_evaluation *rp_read_evaluation(struct rp_reader *r, const struct rp_xnode *root);

/* One <table> into *t. */
void rp_read_table(struct rp_reader *r, const struct rp_xnode *node, struct rp_table *t);

#endif
