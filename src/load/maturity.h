/* Readers of the maturity assessments and the transversal objectives (maturity.c), shared
 * by the plan and evaluation builders. */
#ifndef RP_LOAD_MATURITY_H
#define RP_LOAD_MATURITY_H

#include "load/reader.h"

/* The <maturity> children of an objective, project or process. */
struct rp_maturities rp_read_maturities(struct rp_reader *r, const struct rp_xnode *node);

/* The plan's <maturity-scales> and <transversal-objectives>, when it has them. */
void rp_read_maturity_scales(struct rp_reader *r, const struct rp_xnode *root, struct rp_plan *p);
void rp_read_transversal(struct rp_reader *r, const struct rp_xnode *root, struct rp_plan *p);

/* An evaluation's <maturity> and <transversal-result> entries. */
void rp_read_evaluation_maturity(struct rp_reader *r, const struct rp_xnode *root,
                                 struct rp_evaluation *e);

/* One <commitment> (plan.c): the plan's and a transversal objective's share it. */
void rp_read_commitment(struct rp_reader *r, const struct rp_xnode *n, struct rp_commitment *c);

#endif
