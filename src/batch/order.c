/* The order jobs are handed out in (order.h). */
#include "batch/order.h"

#include "produce/editions.h"
#include "util/arena.h"

#include <stdint.h>

void rp_order_init(struct rp_order *o, const struct rp_jobs *jobs, struct rp_arena *arena)
{
    o->taken = rp_arena_array(arena, jobs->count + 1, sizeof *o->taken);
    o->worker = rp_arena_array(arena, jobs->count + 1, sizeof *o->worker);
    o->first = o->left = 0;
    for (size_t i = 0; i < jobs->count; i++) {
        o->worker[i] = SIZE_MAX;
        o->left += jobs->items[i].state == RP_JOB_RUN;
    }
}

/* Whether `a` and `b` are the side-by-side publications of one document. */
static bool partners(const struct rp_job *a, const struct rp_job *b)
{
    size_t i, j, n;
    return a->org == b->org && a->kind == b->kind && a->year == b->year &&
           a->edition == RP_EDITION_PUBLICATION && b->edition == RP_EDITION_PUBLICATION &&
           a->lang != b->lang && rp_editions_side_by_side(a->lang, &i, &n) &&
           rp_editions_side_by_side(b->lang, &j, &n);
}

static bool open_job(const struct rp_order *o, const struct rp_jobs *jobs, size_t i)
{
    return !o->taken[i] && jobs->items[i].state == RP_JOB_RUN;
}

struct rp_job *rp_order_take(struct rp_order *o, struct rp_jobs *jobs, size_t w)
{
    while (o->first < jobs->count && !open_job(o, jobs, o->first))
        o->first++;
    size_t pick = SIZE_MAX, open = SIZE_MAX;
    for (size_t i = o->first; i < jobs->count; i++) {
        if (!open_job(o, jobs, i))
            continue;
        if (o->worker[i] == w) {
            pick = i; /* kept for it: there is at most one */
            break;
        }
        if (o->worker[i] == SIZE_MAX && open == SIZE_MAX)
            open = i;
    }
    if (pick == SIZE_MAX)
        pick = open;
    if (pick == SIZE_MAX)
        return NULL;
    o->taken[pick] = true;
    o->left--;
    size_t next = pick + 1;
    if (next < jobs->count && open_job(o, jobs, next) && o->worker[next] == SIZE_MAX &&
        partners(&jobs->items[pick], &jobs->items[next]))
        o->worker[next] = w;
    return &jobs->items[pick];
}
