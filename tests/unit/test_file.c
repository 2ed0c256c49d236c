/* Whole-file reads: a regular file, and the refusals (directory, FIFO, over the limit, a file
 * that does not exist), each before a byte is read. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_reads_and_refusals(void **state)
{
    (void)state;
    char dir[] = "/tmp/rapport-file-XXXXXX", path[64], fifo[64], why[128];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/a.xml", dir);
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    FILE *f = fopen(path, "w");
    fputs("<plan/>", f);
    fclose(f);
    assert_int_equal(mkfifo(fifo, 0600), 0);

    struct rp_read r;
    rp_file_read(path, 100, &r);
    assert_int_equal(r.error, RP_READ_OK);
    assert_int_equal(r.size, 7);
    assert_memory_equal(r.data, "<plan/>", 7);
    free(r.data);

    rp_file_read(path, 6, &r); /* one byte over the limit */
    assert_int_equal(r.error, RP_READ_TOO_LARGE);
    assert_null(r.data);
    assert_int_equal(r.size, 7);

    rp_file_read(dir, 100, &r);
    assert_int_equal(r.error, RP_READ_NOT_REGULAR);
    assert_string_equal(rp_file_read_why(&r, 100, why, sizeof why), "is a directory");

    rp_file_read(fifo, 100, &r); /* never waits for a writer */
    assert_int_equal(r.error, RP_READ_NOT_REGULAR);
    assert_string_equal(rp_file_read_why(&r, 100, why, sizeof why),
                        "is not a regular file (FIFO)");

    rp_file_read("/nonexistent/rapport.xml", 100, &r);
    assert_int_equal(r.error, RP_READ_OPEN);
    assert_string_equal(rp_file_read_why(&r, 100, why, sizeof why),
                        "cannot open: No such file or directory");
    r.error = RP_READ_TOO_LARGE;
    assert_string_equal(rp_file_read_why(&r, 256UL * 1024 * 1024, why, sizeof why),
                        "file larger than 256 MB refused");

    unlink(path);
    unlink(fifo);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_reads_and_refusals)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
