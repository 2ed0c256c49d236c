/* The deflater of PDF streams: its output is the zlib format (FlateDecode) that zlib, an
 * independent decoder, inflates back to the input, at every level rapport uses; the same
 * input gives the same bytes; text that repeats is smaller deflated, and an empty stream
 * is deflated too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "render/pdf_deflate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Some page content: text operators with numbers that vary, as a content stream has. */
static char *content(size_t *len)
{
    size_t cap = 200000, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    unsigned x = 12345;
    while (n + 80 < cap) {
        x = x * 1103515245u + 12345u;
        n +=
            (size_t)snprintf(s + n, cap - n, "BT /F1 8.5 Tf 1 0 0 1 %u.%u %u Tm <%04x%04x> Tj ET\n",
                             x % 500, (x >> 9) % 100, (x >> 13) % 800, x & 0x7ff, (x >> 5) & 0x7ff);
    }
    *len = n;
    return s;
}

static void inflates_back_at_every_level(void **state)
{
    (void)state;
    size_t len;
    char *data = content(&len);
    unsigned char *back = malloc(len);
    assert_non_null(back);
    for (int level = 1; level <= 9; level++) {
        unsigned char *z;
        size_t size;
        assert_int_equal(rp_pdf_deflate(data, len, level, &z, &size), 0);
        assert_non_null(z);
        assert_true(size > 2 && size < len / 2);
        assert_int_equal(z[0] & 0x0f, 8); /* zlib header: the deflate method */
        assert_int_equal((z[0] * 256 + z[1]) % 31, 0);
        uLongf out = (uLongf)len;
        assert_int_equal(uncompress(back, &out, z, (uLong)size), Z_OK);
        assert_int_equal(out, len);
        assert_memory_equal(back, data, len);
        free(z);
    }
    free(back);
    free(data);
}

static void same_input_same_bytes(void **state)
{
    (void)state;
    size_t len;
    char *data = content(&len);
    unsigned char *a, *b;
    size_t na, nb;
    assert_int_equal(rp_pdf_deflate(data, len, 5, &a, &na), 0);
    assert_int_equal(rp_pdf_deflate(data, len, 5, &b, &nb), 0);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    free(a);
    free(b);
    free(data);
}

static void empty_input(void **state)
{
    (void)state;
    unsigned char *z;
    size_t size;
    assert_int_equal(rp_pdf_deflate("", 0, 5, &z, &size), 0);
    unsigned char back[4];
    uLongf out = sizeof back;
    assert_int_equal(uncompress(back, &out, z, (uLong)size), Z_OK);
    assert_int_equal(out, 0);
    free(z);
}

static void refuses_unknown_level(void **state)
{
    (void)state;
    unsigned char *z = (unsigned char *)"";
    size_t size = 1;
    assert_int_equal(rp_pdf_deflate("abc", 3, 99, &z, &size), -1);
    assert_null(z);
    assert_int_equal(size, 0);
}

/* Each of the `n` deflated `items` holds the bytes rp_pdf_deflate() gives its buffer alone at
 * level 5; frees their outputs. */
static void each_as_alone(struct rp_pdf_deflation *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char *z;
        size_t size;
        assert_int_equal(items[i].rc, 0);
        assert_int_equal(rp_pdf_deflate(items[i].data, items[i].len, 5, &z, &size), 0);
        assert_int_equal(items[i].size, size);
        assert_memory_equal(items[i].z, z, size);
        free(z);
        free(items[i].z);
    }
}

/* A batch deflated in two threads gives, buffer by buffer, the bytes rp_pdf_deflate() gives
 * alone, whatever thread took which buffer; one thread too. Buffers of different sizes (one
 * empty) so that the threads take them unevenly. */
static void batch_in_two_threads_same_bytes(void **state)
{
    (void)state;
    size_t len;
    char *data = content(&len);
    enum { N = 9 };
    for (int threads = 1; threads <= 2; threads++) {
        struct rp_pdf_deflation items[N];
        size_t at = 0;
        for (size_t i = 0; i < N; i++) {
            size_t n = i == 3 ? 0 : (len / N) * (i % 3 + 1) / 2;
            items[i] = (struct rp_pdf_deflation){.data = data + at, .len = n};
            at += n;
        }
        assert_true(at <= len);
        rp_pdf_deflate_all(items, N, 5, threads);
        each_as_alone(items, N);
    }
    free(data);
}

/* A batch started in a second thread while the caller goes on, then finished: the bytes of
 * rp_pdf_deflate() for each buffer; with one thread, all is done at the finish. */
static void started_then_finished_same_bytes(void **state)
{
    (void)state;
    size_t len;
    char *data = content(&len);
    enum { N = 5 };
    for (int threads = 1; threads <= 2; threads++) {
        struct rp_pdf_deflation items[N];
        for (size_t i = 0; i < N; i++)
            items[i] = (struct rp_pdf_deflation){.data = data + i * (len / N), .len = len / N};
        struct rp_pdf_deflating *d = rp_pdf_deflate_start(items, N, 5, threads);
        assert_non_null(d);
        unsigned char *z;
        size_t size;
        /* The caller's own deflating meanwhile uses its own compressor. */
        assert_int_equal(rp_pdf_deflate(data, len, 5, &z, &size), 0);
        free(z);
        rp_pdf_deflate_finish(d);
        each_as_alone(items, N);
    }
    free(data);
}

/* An unknown level fails every buffer of a batch, each with no output. */
static void batch_refuses_unknown_level(void **state)
{
    (void)state;
    struct rp_pdf_deflation items[2] = {{.data = "abc", .len = 3}, {.data = "de", .len = 2}};
    rp_pdf_deflate_all(items, 2, 99, 2);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(items[i].rc, -1);
        assert_null(items[i].z);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(inflates_back_at_every_level),
        cmocka_unit_test(same_input_same_bytes),
        cmocka_unit_test(empty_input),
        cmocka_unit_test(refuses_unknown_level),
        cmocka_unit_test(batch_in_two_threads_same_bytes),
        cmocka_unit_test(batch_refuses_unknown_level),
        cmocka_unit_test(started_then_finished_same_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
