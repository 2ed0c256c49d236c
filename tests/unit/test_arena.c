#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/arena.h"

#include <string.h>

static void test_alloc_is_zeroed_and_aligned(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    for (int i = 1; i < 2000; i++) {
        unsigned char *p = rp_arena_alloc(a, (size_t)i);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (int k = 0; k < i; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xab, (size_t)i);
    }
    rp_arena_free(a);
}

static void test_large_block_keeps_head(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    char *small = rp_arena_strdup(a, "before");
    char *big = rp_arena_alloc(a, 10u * 1024 * 1024);
    big[10u * 1024 * 1024 - 1] = 'x';
    char *after = rp_arena_strdup(a, "after");
    assert_string_equal(small, "before");
    assert_string_equal(after, "after");
    assert_true(rp_arena_size(a) >= 10u * 1024 * 1024);
    rp_arena_free(a);
}

static void test_strings(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    assert_string_equal(rp_arena_strndup(a, "abcdef", 3), "abc");
    assert_null(rp_arena_strdup(a, NULL));
    assert_string_equal(rp_arena_printf(a, "%s-%d", "x", 42), "x-42");
    rp_arena_free(a);
    rp_arena_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_is_zeroed_and_aligned),
        cmocka_unit_test(test_large_block_keeps_head),
        cmocka_unit_test(test_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
