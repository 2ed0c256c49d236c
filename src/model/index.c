#include "model/index.h"

#include "util/arena.h"

#include <string.h>

/* Open addressing with linear probing; the table doubles at 50 % load so lookups stay O(1)
 * even for 100,000 rows. Old tables stay in the arena (the arena owns everything). */
struct rp_index {
    struct rp_arena *arena;
    struct rp_index_entry *slots;
    size_t cap, count;
};

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

struct rp_index *rp_index_new(struct rp_arena *arena, size_t expected)
{
    struct rp_index *ix = rp_arena_alloc(arena, sizeof *ix);
    ix->arena = arena;
    ix->cap = 64;
    while (ix->cap < expected * 2)
        ix->cap *= 2;
    ix->slots = rp_arena_array(arena, ix->cap, sizeof *ix->slots);
    return ix;
}

static struct rp_index_entry *find_slot(struct rp_index_entry *slots, size_t cap, const char *id)
{
    size_t i = hash(id) & (cap - 1);
    while (slots[i].id && strcmp(slots[i].id, id) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static void grow(struct rp_index *ix)
{
    size_t cap = ix->cap * 2;
    struct rp_index_entry *slots = rp_arena_array(ix->arena, cap, sizeof *slots);
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->slots[i].id)
            *find_slot(slots, cap, ix->slots[i].id) = ix->slots[i];
    ix->slots = slots;
    ix->cap = cap;
}

const struct rp_index_entry *rp_index_add(struct rp_index *ix, const struct rp_index_entry *e)
{
    if (!e->id)
        return NULL;
    if ((ix->count + 1) * 2 > ix->cap)
        grow(ix);
    struct rp_index_entry *slot = find_slot(ix->slots, ix->cap, e->id);
    if (slot->id)
        return slot;
    *slot = *e;
    ix->count++;
    return NULL;
}

const struct rp_index_entry *rp_index_get(const struct rp_index *ix, const char *id)
{
    if (!id)
        return NULL;
    const struct rp_index_entry *slot = find_slot(ix->slots, ix->cap, id);
    return slot->id ? slot : NULL;
}

size_t rp_index_count(const struct rp_index *ix)
{
    return ix->count;
}
