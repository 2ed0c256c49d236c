/* Atomic file replacement: a file appears under its final name complete or not at all.
 *
 * Every file is written under a temporary name in its own directory (same file system, so
 * rename() is atomic), flushed with fsync(), renamed over the final name, and the directory
 * is flushed so that the rename itself survives a crash. Temporary names start with
 * RP_TEMP_PREFIX and carry the writer's process id, so that a run can remove what a killed
 * process left behind.
 *
 * Functions return 0, or -1 with errno set. Paths are caller-owned. */
#ifndef RP_BATCH_ATOMIC_H
#define RP_BATCH_ATOMIC_H

#include <stddef.h>
#include <sys/types.h>

#define RP_TEMP_PREFIX ".rapport-tmp."

/* Writes the temporary name for `final` by process `pid` into buf: the directory of `final`,
 * then RP_TEMP_PREFIX, the pid, a dot and the base name. Returns 0, or -1 when it does not
 * fit (errno ENAMETOOLONG). */
__attribute__((warn_unused_result)) int rp_temp_name(char *buf, size_t size, const char *final,
                                                     pid_t pid);

/* Flushes the file at `path` to stable storage. */
__attribute__((warn_unused_result)) int rp_fsync_path(const char *path);

/* Flushes the directory that contains `path` (the entry of a new or renamed file). */
__attribute__((warn_unused_result)) int rp_fsync_parent(const char *path);

/* fsync(temp), rename(temp, final), fsync of the directory. On failure `temp` is removed. */
__attribute__((warn_unused_result)) int rp_atomic_commit(const char *temp, const char *final);

/* Writes `size` bytes of `data` to `final` atomically (temporary file of this process,
 * commit). On failure nothing changes under `final` and no temporary file remains. */
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
