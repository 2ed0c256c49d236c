/* flock() is BSD and Linux, not POSIX: _DEFAULT_SOURCE declares it. */
#define _DEFAULT_SOURCE
#include "batch/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

enum rp_lock_status rp_lock_take(const char *dir, int *fd, long *holder)
{
    char path[PATH_MAX];
    *fd = -1;
    *holder = 0;
    int n = snprintf(path, sizeof path, "%s/%s", dir, RP_LOCK_NAME);
    if (n < 0 || (size_t)n >= sizeof path) {
        errno = ENAMETOOLONG;
        return RP_LOCK_ERROR;
    }
    /* Never through a link (O_NOFOLLOW), never truncating on open, and never blocking on a
     * FIFO planted under the lock's name: what is there must be a regular file. */
    int lfd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    if (lfd < 0) {
        if (errno == ELOOP)
            errno = EEXIST;
        return RP_LOCK_ERROR;
    }
    struct stat st;
    if (fstat(lfd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(lfd);
        errno = EEXIST;
        return RP_LOCK_ERROR;
    }
    if (flock(lfd, LOCK_EX | LOCK_NB) != 0) {
        int saved = errno;
        if (saved == EWOULDBLOCK || saved == EAGAIN) {
            char buf[32] = {0};
            ssize_t got = pread(lfd, buf, sizeof buf - 1, 0);
            if (got > 0)
                *holder = strtol(buf, NULL, 10);
            close(lfd);
            return RP_LOCK_BUSY;
        }
        close(lfd);
        errno = saved;
        return RP_LOCK_ERROR;
    }
    /* The holder's pid, for the message a second run prints; not needed for correctness. */
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
    if (ftruncate(lfd, 0) != 0 || pwrite(lfd, buf, (size_t)len, 0) != len) {
        int saved = errno;
        close(lfd);
        errno = saved;
        return RP_LOCK_ERROR;
    }
    *fd = lfd;
    return RP_LOCK_TAKEN;
}

void rp_lock_release(int fd)
{
    if (fd >= 0) {
        flock(fd, LOCK_UN);
        close(fd);
    }
}
