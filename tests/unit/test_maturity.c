/* The look-ups shared by the checker and the builders for maturity assessments and
 * transversal targets: levels on a scale, what an evaluation reports, whether a measured
 * value meets a bound, and how partial dates compare. */
/* cmocka.h needs these before it. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "model/maturity.h"

static void test_levels(void **state)
{
    (void)state;
    struct rp_maturity_level levels[] = {{.value = 0}, {.value = 2}, {.value = 5}};
    struct rp_maturity_scale scale = {.id = "ms", .levels = levels, .level_count = 3};
    struct rp_plan plan = {.maturity_scales = &scale, .maturity_scale_count = 1};
    assert_ptr_equal(rp_maturity_scale_find(&plan, "ms"), &scale);
    assert_null(rp_maturity_scale_find(&plan, "other"));
    assert_ptr_equal(rp_maturity_level_find(&scale, 2), &levels[1]);
    assert_null(rp_maturity_level_find(&scale, 1));
    assert_null(rp_maturity_level_find(NULL, 0));
}

static void test_reported(void **state)
{
    (void)state;
    struct rp_maturity_reached m[] = {{.ref = "so-1", .scale = "a", .level = 1},
                                      {.ref = "so-1", .scale = "b", .level = 3}};
    struct rp_transversal_result t[] = {{.ref = "tg-1", .value = 2.5}};
    struct rp_evaluation e = {
        .maturity = m, .maturity_count = 2, .transversal = t, .transversal_count = 1};
    assert_ptr_equal(rp_maturity_reached_find(&e, "so-1", "b"), &m[1]);
    assert_null(rp_maturity_reached_find(&e, "so-2", "a"));
    assert_ptr_equal(rp_transversal_result_find(&e, "tg-1"), &t[0]);
    assert_null(rp_transversal_result_find(&e, "tg-2"));
}

static void test_met(void **state)
{
    (void)state;
    struct rp_transversal_target at_least = {.value = 3, .qualifier = RP_QUAL_MIN};
    struct rp_transversal_target at_most = {.value = 15, .qualifier = RP_QUAL_MAX};
    struct rp_transversal_target about = {.value = 2, .qualifier = RP_QUAL_APPROX};
    assert_int_equal(rp_transversal_met(&at_least, 3), 1);
    assert_int_equal(rp_transversal_met(&at_least, 2.9), 0);
    assert_int_equal(rp_transversal_met(&at_most, 12), 1);
    assert_int_equal(rp_transversal_met(&at_most, 16), 0);
    assert_int_equal(rp_transversal_met(&about, 2), -1);
}

/* A horizon "2025" runs to the end of 2025: after an as-of date in June 2025, not after 2026. */
static void test_date_key(void **state)
{
    (void)state;
    struct rp_date year = {2025, 0, 0}, june = {2025, 6, 0}, day = {2025, 6, 30};
    assert_true(rp_date_key(year, 1) > rp_date_key(june, 0));
    assert_true(rp_date_key(june, 1) >= rp_date_key(day, 0));
    assert_true(rp_date_key(year, 0) < rp_date_key(june, 0));
    assert_int_equal(rp_date_key(day, 1), 20250630);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_levels),
        cmocka_unit_test(test_reported),
        cmocka_unit_test(test_met),
        cmocka_unit_test(test_date_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
