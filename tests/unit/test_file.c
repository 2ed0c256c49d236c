/* Whole-file reads: a regular file, and the refusals (directory, FIFO, over the limit, a file
 * that does not exist), each before a byte is read. Whole writes and reads on a pipe. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "util/file.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
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
    assert_string_equal(rp_file_read_why(&r, 100, why, sizeof why), "is not a regular file (FIFO)");

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

/* More than a pipe holds at once (64 kB on Linux): the writer's short writes are resumed, the
 * reader reads exactly what it asks for, and the end of the input before that is a failure. */
static void test_whole_writes_and_reads_on_a_pipe(void **state)
{
    (void)state;
    enum { SIZE = 256 * 1024 };
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    unsigned char *out = malloc(SIZE), *in = malloc(SIZE + 1);
    for (size_t i = 0; i < SIZE; i++)
        out[i] = (unsigned char)(i * 7 + i / 251);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        close(fds[0]);
        int code = rp_fd_write_all(fds[1], out, SIZE) == 0 ? 0 : 1;
        free(out); /* freed before it exits: the child runs under valgrind too */
        free(in);
        _exit(code);
    }
    close(fds[1]);
    assert_int_equal(rp_fd_read_all(fds[0], in, SIZE), 0);
    assert_memory_equal(in, out, SIZE);
    assert_int_equal(rp_fd_read_all(fds[0], in, 1), -1); /* the writer has closed its end */
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    /* A write to a pipe nobody reads fails rather than blocking or looping. */
    assert_int_equal(pipe(fds), 0);
    close(fds[0]);
    signal(SIGPIPE, SIG_IGN);
    assert_int_equal(rp_fd_write_all(fds[1], out, 16), -1);
    close(fds[1]);
    free(out);
    free(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_reads_and_refusals),
                                       cmocka_unit_test(test_whole_writes_and_reads_on_a_pipe)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
