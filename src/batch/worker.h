/* One job, run inside a worker process: rp_produce() with the job's sources (loaded and
 * checked), its kind, language and backend, and its name under OUTPUT_DIR. */
#ifndef RP_BATCH_WORKER_H
#define RP_BATCH_WORKER_H

#include "batch/jobs.h"

struct rp_arena;

/* Runs `job` and fills `r` (strings in `arena`). Never exits and never prints: everything
 * it has to say is in `r`. */
void rp_worker_job(const struct rp_job *job, const struct rp_batch_options *opt,
                   struct rp_arena *arena, struct rp_result *r);

#endif
