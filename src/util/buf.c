#include "util/buf.h"

#include "util/arena.h"

#include <string.h>

void rp_buf_add(struct rp_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap)
            b->cap = b->cap ? b->cap * 2 : 1024;
        b->data = rp_xrealloc(b->data, b->cap);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rp_buf_adds(struct rp_buf *b, const char *s)
{
    if (s)
        rp_buf_add(b, s, strlen(s));
}
