/* The worker pool: jobs run in forked worker processes, at most N at a time.
 *
 * Processes rather than threads because libharu and libxml2 keep global state; a process
 * also isolates crashes (a worker that dies fails the document it was making only, and
 * another worker takes its place). Each worker is long-lived: it takes one job after the
 * other over a pipe and sends each result back over another (a fork per document cost more
 * in page faults than a short document's layout); every document has its own allowance of
 * CPU time. SIGINT, SIGTERM and SIGHUP stop the launching of new jobs, terminate the busy
 * workers and remove their temporary files; workers die with the parent (SIGKILL included)
 * on Linux so that none outlives an interrupted build. */
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
    /* A worker ended badly after its last job (a sanitizer's leak report, a crash on its way
     * out): no document is to blame, the run is not clean all the same. May be NULL. */
    void (*worker_failed)(void *ctx, int status);
};

/* Runs every job of state RP_JOB_RUN on opt->jobs processes, which inherit the active
 * templates (loaded once, before the workers start); results are decoded into `arena`. Returns
 * false when a signal interrupted the run: jobs not finished then have the outcome
 * RP_OUTCOME_INTERRUPTED. */
bool rp_pool_run(struct rp_jobs *jobs, const struct rp_batch_options *opt, struct rp_arena *arena,
                 const struct rp_pool_hooks *hooks);

#endif
