/* The order in which the worker pool hands jobs out (pool.h).
 *
 * The first job not yet taken, in the plan's order, except that the partner edition of a
 * publication (produce/editions.h: the Dutch one right after the French one, or the French
 * one after the Dutch) is kept for the worker that took the other and given to it next:
 * that worker lays out only the edition it makes, the partner's shapes kept from the job
 * before (rp_editions_share_pages()). The other workers take the jobs after meanwhile. */
#ifndef RP_BATCH_ORDER_H
#define RP_BATCH_ORDER_H

#include "batch/jobs.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

struct rp_order {
    bool *taken;    /* per job */
    size_t *worker; /* per job: the worker it is kept for, or SIZE_MAX */
    size_t first;   /* every job before is taken or not to run */
    size_t left;    /* jobs to run (RP_JOB_RUN) not taken */
};

/* The order of the jobs of `jobs` to run, nothing taken (arrays in `arena`). */
void rp_order_init(struct rp_order *o, const struct rp_jobs *jobs, struct rp_arena *arena);

/* The job worker `w` takes next, marked taken (the job after it kept for `w` when it is its
 * partner edition), or NULL when none is left for it: every job left is kept for another
 * worker. */
struct rp_job *rp_order_take(struct rp_order *o, struct rp_jobs *jobs, size_t w);

#endif
