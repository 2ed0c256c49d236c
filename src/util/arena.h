/* Arena allocator: many small allocations, one free.
 *
 * Ownership: every byte handed out by rp_arena_* belongs to the arena and is released by
 * rp_arena_free(); nothing allocated from an arena is ever freed on its own. */
#ifndef RP_ARENA_H
#define RP_ARENA_H

#include <stddef.h>

struct rp_arena;

/* A new empty arena. Aborts with a message when memory is exhausted (as do all rp_arena_*). */
struct rp_arena *rp_arena_new(void);

/* Releases the arena and everything allocated from it. NULL is allowed. */
void rp_arena_free(struct rp_arena *arena);

/* `size` bytes, zeroed, aligned for any type. */
void *rp_arena_alloc(struct rp_arena *arena, size_t size);

/* Zeroed array of `count` elements of `size` bytes; aborts on overflow. */
void *rp_arena_array(struct rp_arena *arena, size_t count, size_t size);

/* A copy of the `len` first bytes of `s`, NUL-terminated. */
char *rp_arena_strndup(struct rp_arena *arena, const char *s, size_t len);

/* A copy of the NUL-terminated `s`; NULL gives NULL. */
char *rp_arena_strdup(struct rp_arena *arena, const char *s);

/* printf into the arena. */
char *rp_arena_printf(struct rp_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Total bytes reserved by the arena (for benchmarks). */
size_t rp_arena_size(const struct rp_arena *arena);

/* malloc/realloc that abort with a message on out-of-memory, for growable buffers
 * outside arenas. */
void *rp_xmalloc(size_t size);
void *rp_xrealloc(void *ptr, size_t size);
/* A malloc'ed copy of `s`, for the caller to free. */
char *rp_xstrdup(const char *s);

#endif
