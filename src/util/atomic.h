/* Atomic file replacement: a file appears under its final name complete or not at all.
 *
 * Every file is written to a fresh temporary file in its own directory (same file system, so
 * rename() is atomic), flushed with fsync(), renamed over the final name, and the directory
 * is flushed so that the rename itself survives a crash. The temporary file is created with
 * O_CREAT|O_EXCL|O_NOFOLLOW under an unpredictable name (a link planted in advance can never
 * be written through), and its name starts with RP_TEMP_PREFIX and the writer's process id,
 * so that a run can remove what a killed process left behind. Only regular files are ever
 * replaced: a final name that holds a directory, a device, a FIFO, a socket or a symbolic
 * link is refused (errno EEXIST; rp_atomic_strerror() words it).
 *
 * Functions return 0, or -1 with errno set. Paths are caller-owned. */
#ifndef RP_UTIL_ATOMIC_H
#define RP_UTIL_ATOMIC_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

#define RP_TEMP_PREFIX ".rapport-tmp."

/* An output being written: open with rp_atomic_open(), write to `fd`, then either
 * rp_atomic_commit() or rp_atomic_abort(). */
struct rp_atomic {
    int fd;               /* the temporary file, open for writing; -1 when closed */
    char temp[PATH_MAX];  /* its name */
    char final[PATH_MAX]; /* the name it takes on commit */
};

/* Writes a temporary name for `final` by process `pid` into buf: the directory of `final`,
 * RP_TEMP_PREFIX, the pid, a dot, `tag`, a dot and the base name. Returns 0, or -1 when it
 * does not fit (errno ENAMETOOLONG). */
__attribute__((warn_unused_result)) int rp_temp_name(char *buf, size_t size, const char *final,
                                                     pid_t pid, const char *tag);

/* Whether `path` may be replaced by an output: it does not exist, or it is a regular file
 * (not followed if it is a link). Returns 0, or -1 with errno EEXIST (another kind of file)
 * or the error of lstat(). */
__attribute__((warn_unused_result)) int rp_atomic_target_ok(const char *path);

/* Creates the temporary file for `final` (mode 0666 less the umask). Returns 0, or -1 (errno
 * EEXIST when `final` is not a regular file; nothing was created). */
__attribute__((warn_unused_result)) int rp_atomic_open(struct rp_atomic *a, const char *final);

/* fsync, close, rename over the final name (checked again just before), fsync of the
 * directory. On failure the temporary file is removed and the final name is untouched. */
__attribute__((warn_unused_result)) int rp_atomic_commit(struct rp_atomic *a);

/* Closes and removes the temporary file; the final name is untouched. Keeps errno. */
void rp_atomic_abort(struct rp_atomic *a);

/* What an errno of these functions means, in words ("exists and is not a regular file"
 * for EEXIST, strerror() otherwise). */
const char *rp_atomic_strerror(int err);

/* Flushes the directory that contains `path` (the entry of a new, renamed or removed file). */
__attribute__((warn_unused_result)) int rp_fsync_parent(const char *path);

/* Writes `size` bytes of `data` to `final` atomically. On failure nothing changes under
 * `final` and no temporary file remains. */
__attribute__((warn_unused_result)) int rp_atomic_write(const char *final, const void *data,
                                                        size_t size);

/* Copies the file `src` to `final` atomically (as rp_atomic_write()). */
__attribute__((warn_unused_result)) int rp_atomic_copy(const char *src, const char *final);

/* Creates `path` and its missing parents (mode 0777 less the umask); an existing directory is
 * fine. */
__attribute__((warn_unused_result)) int rp_mkdir_p(const char *path);

/* Removes the temporary files left in `dir` and in its immediate subdirectories: those of
 * process `pid`, or of any process when pid is 0 (only while holding the output lock).
 * Returns the number of files removed. */
size_t rp_temp_sweep(const char *dir, pid_t pid);

#endif
