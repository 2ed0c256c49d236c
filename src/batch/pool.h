/* The worker pool: jobs run in forked processes, at most N at a time.
 *
 * Processes rather than threads because libharu and libxml2 keep global state; a process
 * per document also isolates crashes and memory (a worker that dies fails its own document
 * only) and its exit returns everything it allocated. Results come back through a pipe per
 * worker. SIGINT, SIGTERM and SIGHUP stop the launching of new jobs, terminate the running workers
 * and remove their temporary files; workers die with the parent (SIGKILL included) on Linux
 * so that none outlives an interrupted build. */
#ifndef RP_BATCH_POOL_H
#define RP_BATCH_POOL_H

#include "batch/jobs.h"

#include <stdbool.h>

struct rp_arena;

struct rp_pool_hooks {
    void *ctx;
    /* A job finished (its result is filled); called in the parent, in completion order. */
    void (*done)(void *ctx, struct rp_job *job);
    /* Called every 100 ms or so while jobs run (progress display, checkpoints). */
    void (*tick)(void *ctx);
};

/* Runs every job of state RP_JOB_RUN on opt->jobs processes, which inherit the active
 * templates (loaded once, before the workers start); results are decoded into `arena`. Returns false when a signal interrupted the run: jobs not finished then have the
 * outcome RP_OUTCOME_INTERRUPTED. */
bool rp_pool_run(struct rp_jobs *jobs, const struct rp_batch_options *opt,
                 struct rp_arena *arena, const struct rp_pool_hooks *hooks);

#endif
