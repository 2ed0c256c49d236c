/* One job, run inside a worker process: load and check its sources, build the document
 * tree, render the PDF under a temporary name, then commit it under its final name. */
#ifndef RP_BATCH_WORKER_H
#define RP_BATCH_WORKER_H

#include "batch/jobs.h"

struct rp_arena;

/* Runs `job` and fills `r` (strings in `arena`). Never exits and never prints: everything
 * it has to say is in `r`. */
void rp_worker_job(const struct rp_job *job, const struct rp_batch_options *opt,
                   struct rp_arena *arena, struct rp_result *r);

#endif
