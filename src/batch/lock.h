/* The output lock: one build at a time per output directory.
 *
 * An flock() on OUTPUT_DIR/.rapport.lock, taken without waiting. The kernel releases it when
 * the last process holding it exits, however it exits (SIGKILL included), so a stale lock
 * never needs cleaning. Worker processes inherit it: no new run starts while a worker of an
 * old one is still writing. */
#ifndef RP_BATCH_LOCK_H
#define RP_BATCH_LOCK_H

#define RP_LOCK_NAME ".rapport.lock"

enum rp_lock_status { RP_LOCK_TAKEN, RP_LOCK_BUSY, RP_LOCK_ERROR };

/* Tries to take the lock of directory `dir`. RP_LOCK_TAKEN: *fd holds it (and the file now
 * names this process). RP_LOCK_BUSY: another process holds it; *holder is its pid when the
 * file says so, else 0. RP_LOCK_ERROR: the lock file cannot be created (errno set; EEXIST when
 * the lock's name holds a link or anything else than a regular file, which is never
 * followed nor replaced). */
enum rp_lock_status rp_lock_take(const char *dir, int *fd, long *holder);

/* Releases a lock taken by rp_lock_take(). */
void rp_lock_release(int fd);

#endif
