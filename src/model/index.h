/* An id → entity map over one plan or evaluation, for reference resolution.
 *
 * Ownership: the index and its entries live in the arena given to rp_index_new(). */
#ifndef RP_MODEL_INDEX_H
#define RP_MODEL_INDEX_H

#include "model/walk.h"

struct rp_arena;

struct rp_index_entry {
    const char *id;
    enum rp_entity kind;
    const void *entity;
    const void *parent;
    const struct rp_loc *loc;
};

struct rp_index;

/* An empty index sized for about `expected` entries (it grows). */
struct rp_index *rp_index_new(struct rp_arena *arena, size_t expected);

/* Adds an entry; returns NULL, or the entry already registered under `id` (then nothing is
 * added: the first definition wins). */
const struct rp_index_entry *rp_index_add(struct rp_index *index, const struct rp_index_entry *e);

/* The entry for `id`, or NULL. */
const struct rp_index_entry *rp_index_get(const struct rp_index *index, const char *id);

/* Number of entries. */
size_t rp_index_count(const struct rp_index *index);

#endif
