/* The order the worker pool hands jobs out in (src/batch/order.c): in the plan's order, but
 * a publication's partner edition goes next to the worker that made the other one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "batch/order.h"
#include "produce/kinds.h"
#include "util/arena.h"

#include <string.h>

static struct rp_org org_a = {.id = "a"}, org_b = {.id = "b"};

static struct rp_job job(struct rp_org *org, const char *kind, int year, enum rp_lang lang,
                         enum rp_edition edition)
{
    struct rp_job j;
    memset(&j, 0, sizeof j);
    j.org = org;
    j.kind = rp_kind_find(kind);
    j.year = year;
    j.lang = lang;
    j.edition = edition;
    j.state = RP_JOB_RUN;
    return j;
}

/* The index of the job worker `w` takes next, or -1 for none. */
static long take(struct rp_order *o, struct rp_jobs *jobs, size_t w)
{
    struct rp_job *j = rp_order_take(o, jobs, w);
    return j ? (long)(j - jobs->items) : -1;
}

/* Two workers: each takes a French publication, then its Dutch one; the review editions,
 * which share nothing, in plain order. */
static void test_partners_to_one_worker(void **state)
{
    (void)state;
    struct rp_job items[] = {
        job(&org_a, "budget", 0, RP_LANG_FR, RP_EDITION_PUBLICATION),
        job(&org_a, "budget", 0, RP_LANG_NL, RP_EDITION_PUBLICATION),
        job(&org_b, "budget", 0, RP_LANG_FR, RP_EDITION_PUBLICATION),
        job(&org_b, "budget", 0, RP_LANG_NL, RP_EDITION_PUBLICATION),
        job(&org_a, "budget", 0, RP_LANG_FR, RP_EDITION_REVIEW),
        job(&org_a, "budget", 0, RP_LANG_NL, RP_EDITION_REVIEW),
    };
    struct rp_jobs jobs = {items, sizeof items / sizeof *items};
    struct rp_arena *arena = rp_arena_new();
    struct rp_order o;
    rp_order_init(&o, &jobs, arena);
    assert_int_equal(o.left, 6);
    assert_int_equal(take(&o, &jobs, 0), 0);
    assert_int_equal(take(&o, &jobs, 1), 2); /* 1 is kept for worker 0 */
    assert_int_equal(take(&o, &jobs, 1), 3);
    assert_int_equal(take(&o, &jobs, 1), 4); /* reviews are not paired */
    assert_int_equal(take(&o, &jobs, 0), 1);
    assert_int_equal(take(&o, &jobs, 0), 5);
    assert_int_equal(take(&o, &jobs, 0), -1);
    assert_int_equal(take(&o, &jobs, 1), -1);
    assert_int_equal(o.left, 0);
    rp_arena_free(arena);
}

/* A job kept for a busy worker waits for it; jobs not to run, other years, other kinds and
 * other organisations are no partners. */
static void test_kept_and_not_partners(void **state)
{
    (void)state;
    struct rp_job items[] = {
        job(&org_a, "evaluation", 2022, RP_LANG_FR, RP_EDITION_PUBLICATION),
        job(&org_a, "evaluation", 2022, RP_LANG_NL, RP_EDITION_PUBLICATION),
        job(&org_a, "evaluation", 2023, RP_LANG_FR, RP_EDITION_PUBLICATION),
        job(&org_a, "evaluation", 2024, RP_LANG_NL, RP_EDITION_PUBLICATION),
        job(&org_a, "budget", 0, RP_LANG_NL, RP_EDITION_PUBLICATION),
        job(&org_b, "budget", 0, RP_LANG_FR, RP_EDITION_PUBLICATION),
        job(&org_b, "plan", 0, RP_LANG_FR, RP_EDITION_PUBLICATION),
        job(&org_b, "plan", 0, RP_LANG_NL, RP_EDITION_PUBLICATION),
    };
    items[7].state = RP_JOB_UP_TO_DATE;
    struct rp_jobs jobs = {items, sizeof items / sizeof *items};
    struct rp_arena *arena = rp_arena_new();
    struct rp_order o;
    rp_order_init(&o, &jobs, arena);
    assert_int_equal(o.left, 7);
    assert_int_equal(take(&o, &jobs, 0), 0);
    assert_int_equal(take(&o, &jobs, 1), 2);
    assert_int_equal(take(&o, &jobs, 1), 3); /* 2023 and 2024: two documents */
    assert_int_equal(take(&o, &jobs, 1), 4);
    assert_int_equal(take(&o, &jobs, 1), 5);  /* other organisation */
    assert_int_equal(take(&o, &jobs, 1), 6);  /* its partner is up to date */
    assert_int_equal(take(&o, &jobs, 1), -1); /* 1 waits for worker 0 */
    assert_int_equal(take(&o, &jobs, 0), 1);
    assert_int_equal(o.left, 0);
    rp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_partners_to_one_worker),
        cmocka_unit_test(test_kept_and_not_partners),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
