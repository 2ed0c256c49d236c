/* Table arithmetic: default addends, explicit sums, of-which rows, nil, tolerance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/table.h"

#define V(x) {false, (x)}
#define NIL {true, 0}

static struct rp_value l1[] = {V(10), V(1)}, l2[] = {V(20), NIL}, sub[] = {V(30), V(1)},
                       ow[] = {V(5), V(5)}, l3[] = {V(7), V(2)}, tot[] = {V(37), V(3)},
                       ex[] = {V(37), V(3)};
static const char *ex_ids[] = {"sub", "l3"};

static struct rp_row rows[] = {
    {.id = "g", .kind = RP_ROW_GROUP},
    {.id = "l1", .kind = RP_ROW_LINE, .values = l1, .value_count = 2},
    {.id = "l2", .kind = RP_ROW_LINE, .values = l2, .value_count = 2},
    {.id = "sub", .kind = RP_ROW_SUBTOTAL, .values = sub, .value_count = 2},
    {.id = "ow", .kind = RP_ROW_OF_WHICH, .values = ow, .value_count = 2},
    {.id = "l3", .kind = RP_ROW_LINE, .values = l3, .value_count = 2},
    {.id = "tot", .kind = RP_ROW_TOTAL, .values = tot, .value_count = 2},
    {.id = "ex", .kind = RP_ROW_TOTAL, .values = ex, .value_count = 2,
     .sums = {ex_ids, 2, {0}}},
};
static struct rp_column cols[] = {{.id = "a"}, {.id = "b"}};
static struct rp_table table = {.id = "t", .rows = rows, .row_count = 8, .columns = cols,
                                .column_count = 2};

static void test_subtotal_adds_lines_of_its_group(void **state)
{
    (void)state;
    double sum;
    assert_int_equal(rp_table_row_sum(&table, 3, 0, &sum), 2);
    assert_float_equal(sum, 30, 0);
    assert_int_equal(rp_table_row_sum(&table, 3, 1, &sum), 1); /* nil is skipped, not 0 */
    assert_float_equal(sum, 1, 0);
}

static void test_total_adds_every_line_but_of_which(void **state)
{
    (void)state;
    double sum;
    assert_int_equal(rp_table_row_sum(&table, 6, 0, &sum), 3);
    assert_float_equal(sum, 37, 0);
}

static void test_explicit_sums(void **state)
{
    (void)state;
    double sum;
    assert_int_equal(rp_table_row_sum(&table, 7, 0, &sum), 2);
    assert_float_equal(sum, 37, 0);
}

static void test_tolerance_per_addend(void **state)
{
    (void)state;
    struct rp_table fte = table;
    fte.tolerance = 0.01;
    fte.decimals = 2;
    assert_false(rp_table_total_differs(&fte, 4946.05, 4946.07, 27));
    assert_true(rp_table_total_differs(&fte, 28.10, 28.14, 3));
    assert_true(rp_table_total_differs(&table, 135003, 132981, 4));
    assert_false(rp_table_total_differs(&table, 0.1 + 0.2, 0.3, 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_subtotal_adds_lines_of_its_group),
        cmocka_unit_test(test_total_adds_every_line_but_of_which),
        cmocka_unit_test(test_explicit_sums),
        cmocka_unit_test(test_tolerance_per_addend),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
