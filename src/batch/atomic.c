/* Temporary name, fsync, rename, fsync of the directory: the one way rapport writes output. */
#define _POSIX_C_SOURCE 200809L
#include "batch/atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int rp_temp_name(char *buf, size_t size, const char *final, pid_t pid)
{
    const char *slash = strrchr(final, '/');
    int dir_len = slash ? (int)(slash - final + 1) : 0;
    const char *base = slash ? slash + 1 : final;
    int n = snprintf(buf, size, "%.*s%s%ld.%s", dir_len, final, RP_TEMP_PREFIX, (long)pid, base);
    if (n < 0 || (size_t)n >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

static int fsync_fd_path(const char *path, int flags)
{
    int fd = open(path, flags | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    /* Some file systems cannot flush a directory; the rename is still atomic there. */
    if (rc != 0 && (flags & O_DIRECTORY) && (errno == EINVAL || errno == ENOTSUP))
        rc = 0;
    return rc;
}

int rp_fsync_path(const char *path)
{
    return fsync_fd_path(path, O_RDONLY);
}

int rp_fsync_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return fsync_fd_path(".", O_RDONLY | O_DIRECTORY);
    if (slash == path)
        return fsync_fd_path("/", O_RDONLY | O_DIRECTORY);
    char dir[PATH_MAX];
    size_t n = (size_t)(slash - path);
    if (n >= sizeof dir) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(dir, path, n);
    dir[n] = '\0';
    return fsync_fd_path(dir, O_RDONLY | O_DIRECTORY);
}

int rp_atomic_commit(const char *temp, const char *final)
{
    if (rp_fsync_path(temp) != 0 || rename(temp, final) != 0) {
        int saved = errno;
        unlink(temp);
        errno = saved;
        return -1;
    }
    return rp_fsync_parent(final);
}

static int write_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

int rp_atomic_write(const char *final, const void *data, size_t size)
{
    char temp[PATH_MAX];
    if (rp_temp_name(temp, sizeof temp, final, getpid()) != 0)
        return -1;
    int fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return -1;
    int rc = write_all(fd, data, size);
    if (rc == 0)
        rc = fsync(fd);
    int saved = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0) {
        unlink(temp);
        errno = saved;
        return -1;
    }
    if (rename(temp, final) != 0) {
        saved = errno;
        unlink(temp);
        errno = saved;
        return -1;
    }
    return rp_fsync_parent(final);
}

int rp_atomic_copy(const char *src, const char *final)
{
    char temp[PATH_MAX];
    if (rp_temp_name(temp, sizeof temp, final, getpid()) != 0)
        return -1;
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -1;
    int out = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (out < 0) {
        int saved = errno;
        close(in);
        errno = saved;
        return -1;
    }
    char buf[65536];
    int rc = 0;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = n < 0 ? -1 : 0;
            break;
        }
        if (write_all(out, buf, (size_t)n) != 0) {
            rc = -1;
            break;
        }
    }
    if (rc == 0)
        rc = fsync(out);
    int saved = errno;
    close(in);
    if (close(out) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    if (rc == 0 && rename(temp, final) != 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0) {
        unlink(temp);
        errno = saved;
        return -1;
    }
    return rp_fsync_parent(final);
}

int rp_mkdir_p(const char *path)
{
    char buf[PATH_MAX];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof buf) {
        errno = n ? ENAMETOOLONG : ENOENT;
        return -1;
    }
    memcpy(buf, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] != '/' && buf[i] != '\0')
            continue;
        char saved = buf[i];
        buf[i] = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        buf[i] = saved;
    }
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

/* Whether `name` is a temporary file of `pid` (any process when pid is 0). */
static bool is_temp_of(const char *name, pid_t pid)
{
    size_t plen = strlen(RP_TEMP_PREFIX);
    if (strncmp(name, RP_TEMP_PREFIX, plen) != 0)
        return false;
    if (pid == 0)
        return true;
    char *end;
    long owner = strtol(name + plen, &end, 10);
    return end != name + plen && *end == '.' && owner == (long)pid;
}

static size_t sweep_dir(const char *dir, pid_t pid, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t removed = 0;
    struct dirent *e;
    char path[PATH_MAX];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        int n = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (n < 0 || (size_t)n >= sizeof path)
            continue;
        struct stat st;
        if (lstat(path, &st) != 0)
            continue;
        if (S_ISREG(st.st_mode) && is_temp_of(e->d_name, pid))
            removed += unlink(path) == 0;
        else if (S_ISDIR(st.st_mode) && depth > 0 && e->d_name[0] != '.')
            removed += sweep_dir(path, pid, depth - 1);
    }
    closedir(d);
    return removed;
}

size_t rp_temp_sweep(const char *dir, pid_t pid)
{
    return sweep_dir(dir, pid, 1);
}
