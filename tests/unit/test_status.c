/* Indicator status: every norm kind, both directions, exact boundaries, missing values,
 * and the dashboard counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "compose/status.h"
#include "load/load.h"
#include "util/arena.h"

static struct rp_threshold single_thr[] = {{.id = "t", .value = 66.66}};
static struct rp_threshold tiered_thr[] = {
    {.id = "t5", .value = 80, .within = {true, 5}, .within_unit = RP_WITHIN_WORKING_DAY},
    {.id = "t1m", .value = 100, .within = {true, 1}, .within_unit = RP_WITHIN_MONTH},
};

static struct rp_indicator indicator(enum rp_norm_kind kind, enum rp_direction dir)
{
    struct rp_indicator ind = {.id = "ind", .unit = "percent", .direction = dir};
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

/* A result of `n` values; `ids` may be NULL (values without threshold). */
static struct rp_indicator_result result(struct rp_result_value *values, size_t n)
{
    struct rp_indicator_result r = {.ref = "ind", .values = values, .value_count = n};
    return r;
}

static enum rp_indicator_status status_of(const struct rp_indicator *ind,
                                          const struct rp_indicator_result *res)
{
    return rp_indicator_assess(ind, res).status;
}

static void test_single_increase_boundaries(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator(RP_NORM_SINGLE, RP_DIR_INCREASE);
    struct rp_result_value v = {.value = 66.66};
    struct rp_indicator_result r = result(&v, 1);
    assert_int_equal(status_of(&ind, &r), RP_IND_MET); /* equal to the threshold meets it */
    v.value = 66.65;
    assert_int_equal(status_of(&ind, &r), RP_IND_NOT_MET);
    v.value = 90;
    assert_int_equal(status_of(&ind, &r), RP_IND_MET);
    v.value = 0;
    assert_int_equal(status_of(&ind, &r), RP_IND_NOT_MET); /* 0 is a value, not "missing" */
}

static void test_single_decrease_boundaries(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator(RP_NORM_SINGLE, RP_DIR_DECREASE);
    struct rp_result_value v = {.value = 66.66};
    struct rp_indicator_result r = result(&v, 1);
    assert_int_equal(status_of(&ind, &r), RP_IND_MET);
    v.value = 66.67;
    assert_int_equal(status_of(&ind, &r), RP_IND_NOT_MET);
    v.value = 10;
    assert_int_equal(status_of(&ind, &r), RP_IND_MET);
}

static void test_direction_none_is_a_target_to_reach(void **state)
{
    (void)state;
    assert_true(rp_threshold_reached(RP_DIR_NONE, 5, 5));
    assert_false(rp_threshold_reached(RP_DIR_NONE, 4.9, 5));
    assert_true(rp_threshold_reached(RP_DIR_DECREASE, 4.9, 5));
}

static void test_single_named_threshold(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator(RP_NORM_SINGLE, RP_DIR_INCREASE);
    struct rp_result_value v = {.threshold = "t", .value = 70};
    struct rp_indicator_result r = result(&v, 1);
    assert_int_equal(status_of(&ind, &r), RP_IND_MET);
    assert_ptr_equal(rp_result_value_for(&ind, &r, 0), &v);
}

static void test_tiered_all_some_none(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator(RP_NORM_TIERED, RP_DIR_INCREASE);
    struct rp_result_value v[2] = {{.threshold = "t5", .value = 80},
                                   {.threshold = "t1m", .value = 100}};
    struct rp_indicator_result r = result(v, 2);
    struct rp_indicator_assessment a = rp_indicator_assess(&ind, &r);
    assert_int_equal(a.status, RP_IND_MET);
    assert_int_equal(a.reached, 2);
    assert_int_equal(a.thresholds, 2);

    v[1].value = 97; /* the 5-day threshold is reached, the one-month one is not */
    a = rp_indicator_assess(&ind, &r);
    assert_int_equal(a.status, RP_IND_PARTIAL);
    assert_int_equal(a.reached, 1);

    v[0].value = 79.9;
    assert_int_equal(status_of(&ind, &r), RP_IND_NOT_MET);

    v[0].value = 50;
    v[1].value = 100; /* only the second tier reached: still partial */
    assert_int_equal(status_of(&ind, &r), RP_IND_PARTIAL);
}

static void test_tiered_values_in_any_order_and_missing(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator(RP_NORM_TIERED, RP_DIR_INCREASE);
    struct rp_result_value v[2] = {{.threshold = "t1m", .value = 100},
                                   {.threshold = "t5", .value = 81}};
    struct rp_indicator_result r = result(v, 2);
    assert_int_equal(status_of(&ind, &r), RP_IND_MET);
    assert_ptr_equal(rp_result_value_for(&ind, &r, 0), &v[1]);

    /* One tier measured and reached, the other missing: not all thresholds are reached. */
    r = result(&v[1], 1);
    struct rp_indicator_assessment a = rp_indicator_assess(&ind, &r);
    assert_int_equal(a.status, RP_IND_PARTIAL);
    assert_int_equal(a.measured, 1);

    /* Values without threshold ids answer the thresholds in order. */
    struct rp_result_value plain[2] = {{.value = 85}, {.value = 99}};
    r = result(plain, 2);
    assert_int_equal(status_of(&ind, &r), RP_IND_PARTIAL);
    assert_ptr_equal(rp_result_value_for(&ind, &r, 1), &plain[1]);
    assert_null(rp_result_value_for(&ind, &r, 2));
}

static void test_deliverable(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator(RP_NORM_DELIVERABLE, RP_DIR_INCREASE);
    ind.unit = "deliverable";
    struct rp_result_value v = {.value = 1};
    struct rp_indicator_result r = result(&v, 1);
    assert_int_equal(status_of(&ind, &r), RP_IND_DELIVERED);
    v.value = 0;
    assert_int_equal(status_of(&ind, &r), RP_IND_NOT_DELIVERED);
    r = result(NULL, 0);
    assert_int_equal(status_of(&ind, &r), RP_IND_NOT_MEASURED);
    assert_int_equal(status_of(&ind, NULL), RP_IND_NOT_MEASURED);
}

static void test_undefined_norm(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator(RP_NORM_UNDEFINED, RP_DIR_INCREASE);
    struct rp_result_value v = {.value = 84.2};
    struct rp_indicator_result r = result(&v, 1);
    struct rp_indicator_assessment a = rp_indicator_assess(&ind, &r);
    assert_int_equal(a.status, RP_IND_NORM_UNDEFINED); /* a value does not define the norm */
    assert_int_equal(a.measured, 1);
    assert_int_equal(status_of(&ind, NULL), RP_IND_NORM_UNDEFINED);

    /* A single norm the source gave no threshold cannot be judged either. */
    struct rp_indicator bare = indicator(RP_NORM_SINGLE, RP_DIR_INCREASE);
    bare.norm.threshold_count = 0;
    assert_int_equal(status_of(&bare, &r), RP_IND_NORM_UNDEFINED);
}

static void test_not_measured(void **state)
{
    (void)state;
    struct rp_indicator ind = indicator(RP_NORM_SINGLE, RP_DIR_INCREASE);
    assert_int_equal(status_of(&ind, NULL), RP_IND_NOT_MEASURED);
    struct rp_indicator_result r = result(NULL, 0); /* reported with a comment only */
    assert_int_equal(status_of(&ind, &r), RP_IND_NOT_MEASURED);
    struct rp_indicator tiered = indicator(RP_NORM_TIERED, RP_DIR_INCREASE);
    assert_int_equal(status_of(&tiered, &r), RP_IND_NOT_MEASURED);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(rp_indicator_status_name(RP_IND_PARTIAL), "partially-met");
    assert_string_equal(rp_indicator_status_name(RP_IND_NORM_UNDEFINED), "norm-undefined");
    assert_string_equal(rp_indicator_status_name(RP_IND_STATUS__MAX), "?");
    assert_true(rp_indicator_status_achieved(RP_IND_DELIVERED));
    assert_false(rp_indicator_status_achieved(RP_IND_PARTIAL));
}

static const char PLAN[] =
    "<plan id='p' kind='administration-contract' start='2022' end='2025' date='2022' "
    "xml:lang='fr'><title>P</title>"
    "<organisation id='o' kind='other'><name>O</name></organisation>"
    "<strategic-objectives><strategic-objective id='so-1'><title>S</title>"
    "<operational-objective id='oo-1'><title>O</title>"
    "<indicator id='i1' unit='percent'><title>A</title><norm kind='single'>"
    "<threshold id='i1-t' value='50'/><text>50 %</text></norm></indicator>"
    "<indicator id='i2' unit='deliverable'><title>B</title><norm kind='deliverable'>"
    "<text>Plan</text></norm></indicator>"
    "<indicator id='i3' unit='percent'><title>C</title><norm kind='undefined'>"
    "<text>à définir</text></norm></indicator>"
    "<project id='pj-1'><title>P1</title></project>"
    "<process id='pr-1'><title>R1</title></process>"
    "</operational-objective></strategic-objective></strategic-objectives>"
    "<projects><project id='pj-2'><title>P2</title></project></projects>"
    "</plan>";

static const char EVAL[] =
    "<evaluation id='e' plan='p' year='2023' date='2024' sample='true' xml:lang='fr'>"
    "<title>E</title>"
    "<indicator-result ref='i1'><value>50</value></indicator-result>"
    "<indicator-result ref='i2'><value>0</value></indicator-result>"
    "<progress ref='so-1' status='on-track' percent='40'/>"
    "<progress ref='pj-1' status='done' percent='100'/>"
    "</evaluation>";

static void test_counts(void **state)
{
    (void)state;
    struct rp_arena *arena = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file pf, ef;
    assert_int_equal(rp_load_memory(PLAN, sizeof PLAN - 1, "p.xml", arena, &d, &pf), 0);
    assert_int_equal(rp_load_memory(EVAL, sizeof EVAL - 1, "e.xml", arena, &d, &ef), 0);
    struct rp_status_counts c;
    rp_status_count(pf.plan, ef.evaluation, &c);
    assert_int_equal(c.indicator_total, 3);
    assert_int_equal(c.indicators[RP_IND_MET], 1);
    assert_int_equal(c.indicators[RP_IND_NOT_DELIVERED], 1);
    assert_int_equal(c.indicators[RP_IND_NORM_UNDEFINED], 1);
    assert_int_equal(c.strategic_total, 1);
    assert_int_equal(c.strategic[RP_PROGRESS_ON_TRACK], 1);
    assert_int_equal(c.operational[RP_PROGRESS_UNREPORTED], 1);
    assert_int_equal(c.project_total, 2);
    assert_int_equal(c.projects[RP_PROGRESS_DONE], 1);
    assert_int_equal(c.projects[RP_PROGRESS_UNREPORTED], 1);
    assert_int_equal(c.process_total, 1);
    assert_non_null(rp_eval_result(ef.evaluation, "i2"));
    assert_null(rp_eval_result(ef.evaluation, "i3"));
    assert_null(rp_eval_progress(ef.evaluation, "nope"));

    rp_status_count(pf.plan, NULL, &c); /* no evaluation: nothing measured or reported */
    assert_int_equal(c.indicators[RP_IND_NOT_MEASURED], 2);
    assert_int_equal(c.projects[RP_PROGRESS_UNREPORTED], 2);
    rp_status_count(NULL, ef.evaluation, &c);
    assert_int_equal(c.indicator_total, 0);
    rp_diags_free(&d);
    rp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_increase_boundaries),
        cmocka_unit_test(test_single_decrease_boundaries),
        cmocka_unit_test(test_direction_none_is_a_target_to_reach),
        cmocka_unit_test(test_single_named_threshold),
        cmocka_unit_test(test_tiered_all_some_none),
        cmocka_unit_test(test_tiered_values_in_any_order_and_missing),
        cmocka_unit_test(test_deliverable),
        cmocka_unit_test(test_undefined_norm),
        cmocka_unit_test(test_not_measured),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
