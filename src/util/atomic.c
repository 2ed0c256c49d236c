/* Temporary file, fsync, rename, fsync of the directory: the one way rapport writes output. */
#define _DEFAULT_SOURCE
#include "util/atomic.h"
#include "util/file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int rp_temp_name(char *buf, size_t size, const char *final, pid_t pid, const char *tag)
{
    const char *slash = strrchr(final, '/');
    int dir_len = slash ? (int)(slash - final + 1) : 0;
    const char *base = slash ? slash + 1 : final;
    int n = snprintf(buf, size, "%.*s%s%ld.%s.%s", dir_len, final, RP_TEMP_PREFIX, (long)pid, tag,
                     base);
    if (n < 0 || (size_t)n >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

int rp_atomic_target_ok(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    if (S_ISREG(st.st_mode))
        return 0;
    errno = EEXIST;
    return -1;
}

const char *rp_atomic_strerror(int err)
{
    return err == EEXIST ? "exists and is not a regular file (not replaced)" : strerror(err);
}

/* Twelve characters no other process can guess: the name of a temporary file must not be
 * predictable, or a link could be waiting there (O_EXCL refuses it anyway: this only keeps
 * such a trap from making every write fail). */
static void random_tag(char out[13])
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyz012345";
    unsigned char bytes[12];
    if (getrandom(bytes, sizeof bytes, GRND_NONBLOCK) != (ssize_t)sizeof bytes) {
        /* No entropy yet (early boot): the clock and the address space still differ. */
        unsigned long seed = (unsigned long)time(NULL) ^ ((unsigned long)getpid() << 16) ^
                             (unsigned long)(size_t)&bytes;
        for (size_t i = 0; i < sizeof bytes; i++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            bytes[i] = (unsigned char)(seed >> 33);
        }
    }
    for (size_t i = 0; i < sizeof bytes; i++)
        out[i] = digits[bytes[i] & 31];
    out[12] = '\0';
}

int rp_atomic_open(struct rp_atomic *a, const char *final)
{
    a->fd = -1;
    a->temp[0] = '\0';
    size_t n = strlen(final);
    if (n >= sizeof a->final) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(a->final, final, n + 1);
    if (rp_atomic_target_ok(final) != 0)
        return -1;
    for (int attempt = 0; attempt < 16; attempt++) {
        char tag[13];
        random_tag(tag);
        if (rp_temp_name(a->temp, sizeof a->temp, final, getpid(), tag) != 0)
            return -1;
        a->fd = open(a->temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (a->fd >= 0)
            return 0;
        if (errno != EEXIST)
            break;
    }
    a->temp[0] = '\0';
    return -1;
}

void rp_atomic_abort(struct rp_atomic *a)
{
    int saved = errno;
    if (a->fd >= 0)
        close(a->fd);
    a->fd = -1;
    if (a->temp[0])
        unlink(a->temp);
    a->temp[0] = '\0';
    errno = saved;
}

int rp_atomic_commit(struct rp_atomic *a)
{
    int rc = fsync(a->fd);
    int saved = errno;
    if (close(a->fd) != 0 && rc == 0) {
        rc = -1;
        saved = errno;
    }
    a->fd = -1;
    /* Checked again: the final name may have become something else while we wrote. */
    if (rc == 0 && rp_atomic_target_ok(a->final) != 0) {
        rc = -1;
        saved = errno;
    }
    if (rc == 0 && rename(a->temp, a->final) != 0) {
        rc = -1;
        saved = errno;
    }
    if (rc != 0) {
        errno = saved;
        rp_atomic_abort(a);
        return -1;
    }
    a->temp[0] = '\0';
    return rp_fsync_parent(a->final);
}

static int fsync_dir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    /* Some file systems cannot flush a directory; the rename is still atomic there. */
    if (rc != 0 && (errno == EINVAL || errno == ENOTSUP))
        rc = 0;
    return rc;
}

int rp_fsync_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return fsync_dir(".");
    if (slash == path)
        return fsync_dir("/");
    char dir[PATH_MAX];
    size_t n = (size_t)(slash - path);
    if (n >= sizeof dir) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(dir, path, n);
    dir[n] = '\0';
    return fsync_dir(dir);
}

int rp_atomic_write(const char *final, const void *data, size_t size)
{
    struct rp_atomic a;
    if (rp_atomic_open(&a, final) != 0)
        return -1;
    if (rp_fd_write_all(a.fd, data, size) != 0) {
        rp_atomic_abort(&a);
        return -1;
    }
    return rp_atomic_commit(&a);
}

int rp_atomic_copy(const char *src, const char *final)
{
    int in = open(src, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -1;
    struct rp_atomic a;
    if (rp_atomic_open(&a, final) != 0) {
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
        if (rp_fd_write_all(a.fd, buf, (size_t)n) != 0) {
            rc = -1;
            break;
        }
    }
    int saved = errno;
    close(in);
    if (rc != 0) {
        errno = saved;
        rp_atomic_abort(&a);
        return -1;
    }
    return rp_atomic_commit(&a);
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
        /* A link with a temporary name is a leftover too (only removed, never followed). */
        if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) && is_temp_of(e->d_name, pid))
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
