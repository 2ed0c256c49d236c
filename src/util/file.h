/* Reading a whole input file safely: regular files only, size checked before any byte is
 * read, never blocking (a FIFO would wait for a writer forever). Models and the theme's logo
 * are read this way. Also whole writes and reads on a descriptor (files, pipes). */
#ifndef RP_UTIL_FILE_H
#define RP_UTIL_FILE_H

#include <stddef.h>

enum rp_read_error {
    RP_READ_OK,
    RP_READ_OPEN,        /* open() failed: `err` says why */
    RP_READ_STAT,        /* fstat() failed: `err` */
    RP_READ_NOT_REGULAR, /* a directory, a FIFO, a socket, a device: `mode` says which */
    RP_READ_TOO_LARGE,   /* more than the limit: `size` is the file's */
    RP_READ_IO,          /* read() failed: `err` */
    RP_READ_CHANGED      /* it grew while being read */
};

struct rp_read {
    char *data; /* the bytes (malloc'd, the caller frees them), NULL on error */
    size_t size;
    enum rp_read_error error;
    int err;       /* errno of RP_READ_OPEN, RP_READ_STAT, RP_READ_IO */
    unsigned mode; /* st_mode of RP_READ_NOT_REGULAR */
};

/* Reads the regular file `path` of at most `max` bytes into `out`. Symbolic links are
 * followed (an input tree may link its files). */
void rp_file_read(const char *path, size_t max, struct rp_read *out);

/* Writes all `size` bytes of `data` to `fd`, again after an interrupted or short write.
 * Returns 0, or -1 with errno set (EIO for a write that wrote nothing). */
int rp_fd_write_all(int fd, const void *data, size_t size);

/* Reads exactly `size` bytes from `fd` into `data`, again after an interrupted or short read.
 * Returns 0, or -1 at an error (errno set) or at the end of the input before `size` bytes. */
int rp_fd_read_all(int fd, void *data, size_t size);

/* What went wrong, as a clause to follow the file's name ("is a directory", "cannot open:
 * No such file or directory", "file larger than 256 MB refused"), in `buf`. */
const char *rp_file_read_why(const struct rp_read *r, size_t max, char *buf, size_t size);

#endif
