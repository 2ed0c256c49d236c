/* A growing, always NUL-terminated string on the heap, for text built piece by piece. */
#ifndef RP_UTIL_BUF_H
#define RP_UTIL_BUF_H

#include <stddef.h>

/* Start from {0}; `data` is the caller's to free() (NULL while nothing was added). */
struct rp_buf {
    char *data;
    size_t len, cap;
};

/* Appends `n` bytes of `s` (aborts with a message when out of memory). */
void rp_buf_add(struct rp_buf *b, const char *s, size_t n);

/* Appends the NUL-terminated `s` (nothing for NULL). */
void rp_buf_adds(struct rp_buf *b, const char *s);

#endif
