/* Table arithmetic: default addends, explicit sums, of-which rows, nil, tolerance; rows as a
 * tree of row dimensions (levels, parents, a subtotal of its children); percent columns. */
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

/* Niveau A (10) > francophones (6) > femmes 4, hommes 2; néerlandophones 4 (dont 3);
 * Niveau B 5; total 15. The second column is a share in per cent. */
static struct rp_value ta[] = {V(10), V(66.7)}, tafr[] = {V(6), V(40)}, tf[] = {V(4), V(26.7)},
                       th[] = {V(2), V(13.3)}, t_a_nl[] = {V(4), V(26.7)}, tow[] = {V(3), V(20)},
                       tb[] = {V(5), V(33.3)}, tt[] = {V(15), V(100)};
static struct rp_row_dimension dims[] = {{.id = "niv"}, {.id = "lang"}, {.id = "sexe"}};
static struct rp_row tree_rows[] = {
    {.id = "a", .kind = RP_ROW_SUBTOTAL, .dimension = "niv", .level = -1, .values = ta,
     .value_count = 2},
    {.id = "a-fr", .kind = RP_ROW_SUBTOTAL, .dimension = "lang", .level = -1, .values = tafr,
     .value_count = 2},
    {.id = "a-fr-f", .kind = RP_ROW_LINE, .dimension = "sexe", .level = -1, .values = tf,
     .value_count = 2},
    {.id = "a-fr-h", .kind = RP_ROW_LINE, .dimension = "sexe", .level = -1, .values = th,
     .value_count = 2},
    {.id = "a-nl", .kind = RP_ROW_LINE, .dimension = "lang", .level = -1, .values = t_a_nl,
     .value_count = 2},
    {.id = "a-nl-ow", .kind = RP_ROW_OF_WHICH, .level = -1, .values = tow, .value_count = 2},
    {.id = "b", .kind = RP_ROW_LINE, .level = 0, .values = tb, .value_count = 2},
    {.id = "t", .kind = RP_ROW_TOTAL, .level = -1, .values = tt, .value_count = 2},
};
static struct rp_column tree_cols[] = {{.id = "n", .unit = RP_TUNIT_COUNT},
                                       {.id = "p", .unit = RP_TUNIT_PERCENT, .decimals = 1}};
static struct rp_table tree = {.id = "tree", .unit = RP_TUNIT_COUNT, .dimensions = dims,
                               .dimension_count = 3, .rows = tree_rows, .row_count = 8,
                               .columns = tree_cols, .column_count = 2};

static void test_levels_and_parents(void **state)
{
    (void)state;
    static const int level[] = {0, 1, 2, 2, 1, 1, 0, 0};
    static const long parent[] = {-1, 0, 1, 1, 0, 4, -1, -1};
    for (size_t r = 0; r < 8; r++) {
        assert_int_equal(rp_table_row_level(&tree, r), level[r]);
        assert_int_equal(rp_table_row_parent(&tree, r), parent[r]);
    }
    assert_true(rp_table_row_has_children(&tree, 0));
    assert_true(rp_table_row_has_children(&tree, 1));
    assert_false(rp_table_row_has_children(&tree, 4)); /* an of-which row is no child */
    assert_int_equal(rp_table_find_dimension(&tree, "sexe"), 2);
    assert_int_equal(rp_table_find_dimension(&tree, "age"), -1);
}

static void test_subtotal_adds_its_children(void **state)
{
    (void)state;
    double sum;
    assert_int_equal(rp_table_row_sum(&tree, 0, 0, &sum), 2); /* francophones + néerlandophones */
    assert_float_equal(sum, 10, 0);
    assert_int_equal(rp_table_row_sum(&tree, 1, 0, &sum), 2);
    assert_float_equal(sum, 6, 0);
}

static void test_total_adds_the_leaves(void **state)
{
    (void)state;
    double sum;
    assert_int_equal(rp_table_row_sum(&tree, 7, 0, &sum), 4);
    assert_float_equal(sum, 15, 0);
}

static void test_percent_column_adds_nothing(void **state)
{
    (void)state;
    double sum;
    assert_false(rp_table_column_additive(&tree, 1));
    assert_true(rp_table_column_additive(&tree, 0));
    assert_int_equal(rp_table_row_sum(&tree, 7, 1, &sum), 0);
    assert_float_equal(sum, 0, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_subtotal_adds_lines_of_its_group),
        cmocka_unit_test(test_total_adds_every_line_but_of_which),
        cmocka_unit_test(test_explicit_sums),
        cmocka_unit_test(test_tolerance_per_addend),
        cmocka_unit_test(test_levels_and_parents),
        cmocka_unit_test(test_subtotal_adds_its_children),
        cmocka_unit_test(test_total_adds_the_leaves),
        cmocka_unit_test(test_percent_column_adds_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
