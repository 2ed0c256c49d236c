/* The dashboard's year-on-year comparison: which evaluation is the previous year, how an
 * indicator's value and status moved (up, down, unchanged, unknown), its target and whether
 * it is met, the tally of moves over a plan, and status counts against the previous year. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "compose/compare.h"
#include "compose/status.h"

static struct rp_threshold single_thr[] = {{.id = "t", .value = 50}};
static struct rp_threshold tiered_thr[] = {{.id = "t1", .value = 80}, {.id = "t2", .value = 100}};

static struct rp_indicator indicator(const char *id, enum rp_norm_kind kind, enum rp_direction dir)
{
    struct rp_indicator ind = {.id = id, .unit = "percent", .direction = dir};
    ind.norm.kind = kind;
    if (kind == RP_NORM_SINGLE) {
        ind.norm.thresholds = single_thr;
        ind.norm.threshold_count = 1;
    } else if (kind == RP_NORM_TIERED) {
        ind.norm.thresholds = tiered_thr;
        ind.norm.threshold_count = 2;
    }
    return ind;
}

/* An evaluation of `year` with one result of `n` values for indicator `ref` (n = 0: none). */
struct one_eval {
    struct rp_evaluation e;
    struct rp_indicator_result res;
    struct rp_result_value values[2];
};

static void one_eval(struct one_eval *o, int year, const char *ref, const double *values, size_t n)
{
    *o = (struct one_eval){0};
    o->e.year = year;
    for (size_t k = 0; k < n; k++)
        o->values[k].value = values[k];
    o->res = (struct rp_indicator_result){.ref = ref, .values = o->values, .value_count = n};
    o->e.results = &o->res;
    o->e.result_count = ref ? 1 : 0;
}

static void test_previous_is_the_latest_earlier_year(void **state)
{
    (void)state;
    struct rp_evaluation y2020 = {.year = 2020}, y2022 = {.year = 2022}, y2023 = {.year = 2023},
                         y2024 = {.year = 2024}, other2023 = {.year = 2023};
    const struct rp_evaluation *all[] = {&y2020, &y2024, &y2022, &other2023, &y2023};
    assert_ptr_equal(rp_eval_previous(all, 5, &y2023), &y2022);
    assert_ptr_equal(rp_eval_previous(all, 5, &y2022), &y2020);
    /* Two evaluations of 2023: the first listed is kept. */
    assert_ptr_equal(rp_eval_previous(all, 5, &y2024), &other2023);
    assert_null(rp_eval_previous(all, 5, &y2020)); /* the first year has none */
    const struct rp_evaluation *alone[] = {&y2023};
    assert_null(rp_eval_previous(alone, 1, &y2023));
    const struct rp_evaluation *same_year[] = {&other2023, &y2023};
    assert_null(rp_eval_previous(same_year, 2, &y2023)); /* the same year is not "previous" */
    assert_null(rp_eval_previous(NULL, 0, &y2023));
    assert_null(rp_eval_previous(all, 5, NULL));
}

static void test_no_previous_evaluation_invents_nothing(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator("i", RP_NORM_SINGLE, RP_DIR_INCREASE);
    struct one_eval now;
    one_eval(&now, 2023, "i", (double[]){60}, 1);
    struct rp_indicator_change c = rp_indicator_compare(&ind, &now.e, NULL);
    assert_false(c.has_before);
    assert_false(c.has_value_before);
    assert_true(c.has_value_now);
    assert_int_equal(c.move, RP_MOVE_UNKNOWN);
    assert_int_equal(c.progress, 0);
    assert_int_equal(c.now.status, RP_IND_MET);
    assert_true(c.target_met);
}

static void test_value_up_toward_the_aim_meets_the_target(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator("i", RP_NORM_SINGLE, RP_DIR_INCREASE);
    struct one_eval before, now;
    one_eval(&before, 2022, "i", (double[]){40}, 1);
    one_eval(&now, 2023, "i", (double[]){60}, 1);
    struct rp_indicator_change c = rp_indicator_compare(&ind, &now.e, &before.e);
    assert_true(c.has_before);
    assert_int_equal(c.move, RP_MOVE_UP);
    assert_int_equal(c.progress, 1);
    assert_int_equal(c.before.status, RP_IND_NOT_MET);
    assert_int_equal(c.now.status, RP_IND_MET);
    assert_true(c.has_target);
    assert_true(c.target == 50);
    assert_true(c.target_met);
    assert_true(c.value_before == 40 && c.value_now == 60);

    /* The other way: down, against the aim, target no longer met. */
    c = rp_indicator_compare(&ind, &before.e, &now.e);
    assert_int_equal(c.move, RP_MOVE_DOWN);
    assert_int_equal(c.progress, -1);
    assert_false(c.target_met);
    assert_int_equal(c.now.status, RP_IND_NOT_MET);
}

static void test_decrease_reverses_the_aim(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator("i", RP_NORM_SINGLE, RP_DIR_DECREASE);
    struct one_eval before, now;
    one_eval(&before, 2022, "i", (double[]){40}, 1);
    one_eval(&now, 2023, "i", (double[]){60}, 1);
    struct rp_indicator_change c = rp_indicator_compare(&ind, &now.e, &before.e);
    assert_int_equal(c.move, RP_MOVE_UP);
    assert_int_equal(c.progress, -1); /* up is the wrong way for a decrease */
    assert_false(c.target_met);       /* 60 > 50 with a decrease */
    c = rp_indicator_compare(&ind, &before.e, &now.e);
    assert_int_equal(c.move, RP_MOVE_DOWN);
    assert_int_equal(c.progress, 1);
    assert_true(c.target_met);
}

static void test_same_value_and_no_aim(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator("i", RP_NORM_SINGLE, RP_DIR_INCREASE);
    struct one_eval before, now;
    one_eval(&before, 2022, "i", (double[]){50}, 1);
    one_eval(&now, 2023, "i", (double[]){50}, 1);
    struct rp_indicator_change c = rp_indicator_compare(&ind, &now.e, &before.e);
    assert_int_equal(c.move, RP_MOVE_SAME);
    assert_int_equal(c.progress, 0);
    assert_true(c.target_met); /* the boundary meets the target */

    struct rp_indicator none = indicator("i", RP_NORM_SINGLE, RP_DIR_NONE);
    one_eval(&now, 2023, "i", (double[]){70}, 1);
    c = rp_indicator_compare(&none, &now.e, &before.e);
    assert_int_equal(c.move, RP_MOVE_UP);
    assert_int_equal(c.progress, 0); /* moved, but toward no stated aim */
}

static void test_missing_value_is_unknown(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator("i", RP_NORM_SINGLE, RP_DIR_INCREASE);
    struct one_eval before, now;
    one_eval(&before, 2022, "i", NULL, 0); /* reported without a value */
    one_eval(&now, 2023, "i", (double[]){60}, 1);
    struct rp_indicator_change c = rp_indicator_compare(&ind, &now.e, &before.e);
    assert_true(c.has_before);
    assert_false(c.has_value_before);
    assert_int_equal(c.move, RP_MOVE_UNKNOWN);
    assert_int_equal(c.before.status, RP_IND_NOT_MEASURED);
    one_eval(&before, 2022, NULL, NULL, 0); /* no result at all */
    one_eval(&now, 2023, NULL, NULL, 0);
    c = rp_indicator_compare(&ind, &now.e, &before.e);
    assert_int_equal(c.move, RP_MOVE_UNKNOWN);
    assert_int_equal(c.now.status, RP_IND_NOT_MEASURED);
    assert_true(c.has_target);
    assert_false(c.target_met);
}

static void test_targets_by_norm_kind(void **state)
{
    (void)state;
    struct one_eval before, now;
    struct rp_indicator del = indicator("i", RP_NORM_DELIVERABLE, RP_DIR_DECREASE);
    one_eval(&before, 2022, "i", (double[]){0}, 1);
    one_eval(&now, 2023, "i", (double[]){1}, 1);
    struct rp_indicator_change c = rp_indicator_compare(&del, &now.e, &before.e);
    assert_true(c.has_target);
    assert_true(c.target == 1);
    assert_true(c.target_met);
    assert_int_equal(c.progress, 1); /* delivered is progress whatever the direction */
    assert_int_equal(c.before.status, RP_IND_NOT_DELIVERED);

    struct rp_indicator undef = indicator("i", RP_NORM_UNDEFINED, RP_DIR_INCREASE);
    c = rp_indicator_compare(&undef, &now.e, &before.e);
    assert_false(c.has_target); /* nothing to compare the result with */
    assert_false(c.target_met);
    assert_int_equal(c.move, RP_MOVE_UP); /* the value still moved */

    struct rp_indicator tiered = indicator("i", RP_NORM_TIERED, RP_DIR_INCREASE);
    one_eval(&before, 2022, "i", (double[]){85, 90}, 2);
    one_eval(&now, 2023, "i", (double[]){82, 100}, 2);
    c = rp_indicator_compare(&tiered, &now.e, &before.e);
    assert_true(c.target == 80);            /* the first threshold */
    assert_int_equal(c.move, RP_MOVE_DOWN); /* the first threshold's value: 85 -> 82 */
    assert_int_equal(c.before.status, RP_IND_PARTIAL);
    assert_int_equal(c.now.status, RP_IND_MET);
    assert_true(c.target_met);
}

/* A plan of three indicators in one operational objective. */
static void test_plan_moves_and_status_changes(void **state)
{
    (void)state;
    struct rp_indicator inds[3] = {indicator("a", RP_NORM_SINGLE, RP_DIR_INCREASE),
                                   indicator("b", RP_NORM_SINGLE, RP_DIR_DECREASE),
                                   indicator("c", RP_NORM_SINGLE, RP_DIR_NONE)};
    struct rp_operational_objective oo = {.id = "oo", .indicators = inds, .indicator_count = 3};
    struct rp_strategic_objective so = {.id = "so", .operational = &oo, .operational_count = 1};
    struct rp_plan plan = {.objectives = &so, .objective_count = 1};
    struct rp_result_value v22[3] = {{.value = 40}, {.value = 40}, {.value = 40}};
    struct rp_result_value v23[3] = {{.value = 60}, {.value = 45}, {.value = 40}};
    struct rp_indicator_result r22[3] = {{.ref = "a", .values = &v22[0], .value_count = 1},
                                         {.ref = "b", .values = &v22[1], .value_count = 1},
                                         {.ref = "c", .values = &v22[2], .value_count = 1}};
    struct rp_indicator_result r23[3] = {{.ref = "a", .values = &v23[0], .value_count = 1},
                                         {.ref = "b", .values = &v23[1], .value_count = 1},
                                         {.ref = "c", .values = &v23[2], .value_count = 1}};
    struct rp_evaluation e22 = {.year = 2022, .results = r22, .result_count = 3};
    struct rp_evaluation e23 = {.year = 2023, .results = r23, .result_count = 3};

    struct rp_move_counts m = rp_plan_moves(&plan, &e23, &e22);
    assert_int_equal(m.up, 2); /* a 40 -> 60, b 40 -> 45 */
    assert_int_equal(m.down, 0);
    assert_int_equal(m.same, 1);   /* c */
    assert_int_equal(m.better, 1); /* a, up as it aims */
    assert_int_equal(m.worse, 1);  /* b, up against its aim */
    m = rp_plan_moves(&plan, &e23, NULL);
    assert_int_equal(m.up + m.down + m.same + m.better + m.worse, 0);

    /* The status counts of both years and their change, as the dashboard shows them. */
    struct rp_status_counts now, before;
    rp_status_count(&plan, &e23, &now);
    rp_status_count(&plan, &e22, &before);
    assert_int_equal(before.indicators[RP_IND_MET], 1);     /* b: 40 <= 50 */
    assert_int_equal(before.indicators[RP_IND_NOT_MET], 2); /* a, c: 40 < 50 */
    assert_int_equal(now.indicators[RP_IND_MET], 2);        /* a 60, b 45 */
    assert_int_equal(now.indicators[RP_IND_NOT_MET], 1);    /* c */
    assert_int_equal(rp_count_change(now.indicators[RP_IND_MET], before.indicators[RP_IND_MET]), 1);
    assert_int_equal(
        rp_count_change(now.indicators[RP_IND_NOT_MET], before.indicators[RP_IND_NOT_MET]), -1);
    assert_int_equal(rp_count_change(3, 3), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_previous_is_the_latest_earlier_year),
        cmocka_unit_test(test_no_previous_evaluation_invents_nothing),
        cmocka_unit_test(test_value_up_toward_the_aim_meets_the_target),
        cmocka_unit_test(test_decrease_reverses_the_aim),
        cmocka_unit_test(test_same_value_and_no_aim),
        cmocka_unit_test(test_missing_value_is_unknown),
        cmocka_unit_test(test_targets_by_norm_kind),
        cmocka_unit_test(test_plan_moves_and_status_changes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
