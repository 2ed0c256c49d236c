/* Whole-file reads with the checks every input needs (see file.h). */
#define _POSIX_C_SOURCE 200809L
#include "util/file.h"

#include "util/arena.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads exactly the `expected` bytes fstat() announced; one more tells a file that grew. */
static void read_all(int fd, size_t expected, struct rp_read *out)
{
    size_t cap = expected + 1, n = 0;
    char *data = rp_xmalloc(cap);
    for (;;) {
        ssize_t got = read(fd, data + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            out->error = RP_READ_IO;
            out->err = errno;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n == cap) {
            out->error = RP_READ_CHANGED;
            break;
        }
    }
    if (out->error != RP_READ_OK) {
        free(data);
        return;
    }
    out->data = data;
    out->size = n;
}

void rp_file_read(const char *path, size_t max, struct rp_read *out)
{
    memset(out, 0, sizeof *out);
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        out->error = RP_READ_OPEN;
        out->err = errno;
        return;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        out->error = RP_READ_STAT;
        out->err = errno;
    } else if (!S_ISREG(st.st_mode)) {
        out->error = RP_READ_NOT_REGULAR;
        out->mode = (unsigned)st.st_mode;
    } else if ((unsigned long long)st.st_size > (unsigned long long)max) {
        out->error = RP_READ_TOO_LARGE;
        out->size = (size_t)st.st_size;
    } else {
        read_all(fd, (size_t)st.st_size, out);
    }
    close(fd);
}

const char *rp_file_read_why(const struct rp_read *r, size_t max, char *buf, size_t size)
{
    mode_t m = (mode_t)r->mode;
    switch (r->error) {
    case RP_READ_OK:
        snprintf(buf, size, "read");
        break;
    case RP_READ_OPEN:
        snprintf(buf, size, "cannot open: %s", strerror(r->err));
        break;
    case RP_READ_STAT:
        snprintf(buf, size, "cannot stat: %s", strerror(r->err));
        break;
    case RP_READ_NOT_REGULAR:
        snprintf(buf, size, "%s",
                 S_ISDIR(m)    ? "is a directory"
                 : S_ISFIFO(m) ? "is not a regular file (FIFO)"
                 : S_ISSOCK(m) ? "is not a regular file (socket)"
                 : S_ISCHR(m)  ? "is not a regular file (character device)"
                 : S_ISBLK(m)  ? "is not a regular file (block device)"
                               : "is not a regular file");
        break;
    case RP_READ_TOO_LARGE:
        snprintf(buf, size, "file larger than %zu MB refused", max / (1024 * 1024));
        break;
    case RP_READ_IO:
        snprintf(buf, size, "read error: %s", strerror(r->err));
        break;
    case RP_READ_CHANGED:
        snprintf(buf, size, "file changed while being read");
        break;
    }
    return buf;
}

int rp_fd_write_all(int fd, const void *data, size_t size)
{
    const char *p = data;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0) {
            errno = EIO;
            return -1;
        }
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

int rp_fd_read_all(int fd, void *data, size_t size)
{
    char *p = data;
    while (size > 0) {
        ssize_t n = read(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}
