#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks grow geometrically so a large model costs O(log n) mallocs; a request larger
 * than the next block gets a block of its own. */
struct block {
    struct block *next;
    size_t size, used;
    max_align_t data[];
};

struct rp_arena {
    struct block *head;
    size_t next_size, total;
};

static void out_of_memory(size_t size)
{
    fprintf(stderr, "rapport: out of memory (requesting %zu bytes)\n", size);
    abort();
}

void *rp_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *rp_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

char *rp_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(rp_xmalloc(n), s, n);
}

struct rp_arena *rp_arena_new(void)
{
    struct rp_arena *a = rp_xmalloc(sizeof *a);
    a->head = NULL;
    a->next_size = 16 * 1024;
    a->total = 0;
    return a;
}

void rp_arena_free(struct rp_arena *arena)
{
    if (!arena)
        return;
    for (struct block *b = arena->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(arena);
}

void *rp_arena_alloc(struct rp_arena *arena, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    size = (size + align - 1) / align * align;
    struct block *b = arena->head;
    if (!b || b->size - b->used < size) {
        size_t cap = arena->next_size;
        if (cap < size)
            cap = size;
        else if (arena->next_size < 64u * 1024 * 1024)
            arena->next_size *= 2;
        if (cap > SIZE_MAX - sizeof *b)
            out_of_memory(cap);
        b = rp_xmalloc(sizeof *b + cap);
        b->size = cap;
        b->used = 0;
        /* A dedicated large block goes behind the head so the head keeps its free space. */
        if (arena->head && cap == size) {
            b->next = arena->head->next;
            arena->head->next = b;
        } else {
            b->next = arena->head;
            arena->head = b;
        }
        arena->total += cap;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

void *rp_arena_array(struct rp_arena *arena, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        out_of_memory(SIZE_MAX);
    return rp_arena_alloc(arena, count * size);
}

char *rp_arena_strndup(struct rp_arena *arena, const char *s, size_t len)
{
    char *p = rp_arena_alloc(arena, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *rp_arena_strdup(struct rp_arena *arena, const char *s)
{
    return s ? rp_arena_strndup(arena, s, strlen(s)) : NULL;
}

char *rp_arena_printf(struct rp_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = rp_arena_alloc(arena, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t rp_arena_size(const struct rp_arena *arena)
{
    return arena->total;
}
