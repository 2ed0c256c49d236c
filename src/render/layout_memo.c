/* The atoms of texts already cut (see rp_atoms_memo in layout.h).
 *
 * A chapter is laid out on trial before it is laid out for good (layout_blocks.c), a kept
 * block is measured before it is placed, and a table's cells are measured before they are
 * drawn: the same text is cut into atoms several times over, and cutting (UTF-8, UAX #14,
 * a shaped width per atom) was a sixth of a batch. The atoms of a text depend only on its
 * bytes, face, size, kind and link, and on the metrics, whose life the memo shares: the
 * second time, they are copied. The key is the text's bytes, not its address: some texts
 * are made in buffers that a later text reuses. */
#include "render/layout.h"
#include "util/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Past this many bytes held (texts and atoms), the memo starts again empty: a report holds a
 * few MB; a 100,000-row table, whose cells are cut once each, would fill any bound. */
#define MEMO_BYTES (8u << 20)

struct memo_entry {
    uint64_t hash;
    char *text; /* a copy: `len` bytes, then the link's (NUL-terminated, "" for none) */
    uint32_t len;
    float size;
    enum rp_face face;
    enum rp_span_kind kind;
    bool href;           /* whether the text had a link */
    size_t first, count; /* its atoms in the memo's pool */
};

struct rp_atoms_memo {
    struct memo_entry *table; /* open addressing, a power of two */
    size_t cap, used, bytes;
    struct rp_atom *atoms; /* every entry's atoms, their text NULL */
    uint32_t *offsets;     /* where each atom's text starts in its entry's text */
    size_t atom_count, atom_cap;
};

struct rp_atoms_memo *rp_atoms_memo_new(void)
{
    return calloc(1, sizeof(struct rp_atoms_memo));
}

static void forget(struct rp_atoms_memo *memo)
{
    for (size_t i = 0; i < memo->cap; i++)
        free(memo->table[i].text);
    free(memo->table);
    free(memo->atoms);
    free(memo->offsets);
    *memo = (struct rp_atoms_memo){0};
}

void rp_atoms_memo_free(struct rp_atoms_memo *memo)
{
    if (memo)
        forget(memo);
    free(memo);
}

/* FNV-1a over the bytes and the link, then the face, size and kind. */
static uint64_t hash_of(const char *text, size_t len, enum rp_face face, double size,
                        enum rp_span_kind kind, const char *href)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 1099511628211u;
    for (const char *c = href ? href : ""; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211u;
    float sz = (float)size;
    uint32_t bits;
    memcpy(&bits, &sz, sizeof bits);
    h = (h ^ bits) * 1099511628211u;
    return (h ^ ((uint64_t)face << 8 | (uint64_t)kind << 16 | (uint64_t)(href != NULL) << 24)) *
           1099511628211u;
}

static bool same(const struct memo_entry *e, uint64_t h, const char *text, size_t len,
                 enum rp_face face, double size, enum rp_span_kind kind, const char *href)
{
    return e->hash == h && e->len == len && e->face == face && e->size == (float)size &&
           e->kind == kind && e->href == (href != NULL) && memcmp(e->text, text, len) == 0 &&
           strcmp(e->text + len, href ? href : "") == 0;
}

/* The slot of the key: its entry, or the empty slot where it goes. */
static struct memo_entry *slot(struct rp_atoms_memo *memo, uint64_t h, const char *text, size_t len,
                               enum rp_face face, double size, enum rp_span_kind kind,
                               const char *href)
{
    for (size_t i = (size_t)h & (memo->cap - 1);; i = (i + 1) & (memo->cap - 1)) {
        struct memo_entry *e = &memo->table[i];
        if (!e->text || same(e, h, text, len, face, size, kind, href))
            return e;
    }
}

bool rp_atoms_memo_replay(struct rp_atoms_memo *memo, struct rp_atoms *atoms, const char *text,
                          size_t len, enum rp_face face, double size, enum rp_span_kind kind,
                          const char *href)
{
    if (!memo->cap)
        return false;
    uint64_t h = hash_of(text, len, face, size, kind, href);
    const struct memo_entry *e = slot(memo, h, text, len, face, size, kind, href);
    if (!e->text)
        return false;
    if (atoms->cap - atoms->count < e->count) {
        while (atoms->cap - atoms->count < e->count)
            atoms->cap = atoms->cap ? atoms->cap * 2 : 32;
        atoms->items = rp_xrealloc(atoms->items, atoms->cap * sizeof *atoms->items);
    }
    struct rp_atom *to = atoms->items + atoms->count;
    memcpy(to, memo->atoms + e->first, e->count * sizeof *to);
    for (size_t k = 0; k < e->count; k++) {
        to[k].text = text + memo->offsets[e->first + k];
        to[k].href = href;
    }
    atoms->count += e->count;
    return true;
}

static void grow_table(struct rp_atoms_memo *memo)
{
    struct memo_entry *old = memo->table;
    size_t old_cap = memo->cap;
    memo->cap = old_cap ? old_cap * 2 : 1024;
    memo->table = rp_xmalloc(memo->cap * sizeof *memo->table);
    memset(memo->table, 0, memo->cap * sizeof *memo->table);
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].text) {
            struct memo_entry *e = &memo->table[old[i].hash & (memo->cap - 1)];
            while (e->text)
                e = e == &memo->table[memo->cap - 1] ? memo->table : e + 1;
            *e = old[i];
        }
    free(old);
}

void rp_atoms_memo_store(struct rp_atoms_memo *memo, const struct rp_atom *made, size_t count,
                         const char *text, size_t len, enum rp_face face, double size,
                         enum rp_span_kind kind, const char *href)
{
    size_t href_len = href ? strlen(href) : 0;
    size_t bytes = len + href_len + 1 + count * (sizeof *made + sizeof *memo->offsets) +
                   sizeof(struct memo_entry);
    if (len > UINT32_MAX || bytes > MEMO_BYTES)
        return;
    if (memo->bytes + bytes > MEMO_BYTES)
        forget(memo);
    if (2 * (memo->used + 1) > memo->cap)
        grow_table(memo);
    uint64_t h = hash_of(text, len, face, size, kind, href);
    struct memo_entry *e = slot(memo, h, text, len, face, size, kind, href);
    if (e->text)
        return; /* there already */
    if (memo->atom_cap - memo->atom_count < count) {
        while (memo->atom_cap - memo->atom_count < count)
            memo->atom_cap = memo->atom_cap ? memo->atom_cap * 2 : 1024;
        memo->atoms = rp_xrealloc(memo->atoms, memo->atom_cap * sizeof *memo->atoms);
        memo->offsets = rp_xrealloc(memo->offsets, memo->atom_cap * sizeof *memo->offsets);
    }
    char *copy = rp_xmalloc(len + href_len + 1);
    memcpy(copy, text, len);
    memcpy(copy + len, href ? href : "", href_len + 1);
    *e = (struct memo_entry){h,    copy,         (uint32_t)len,    (float)size, face,
                             kind, href != NULL, memo->atom_count, count};
    for (size_t k = 0; k < count; k++) {
        memo->atoms[memo->atom_count + k] = made[k];
        memo->atoms[memo->atom_count + k].text = NULL;
        memo->atoms[memo->atom_count + k].href = NULL;
        memo->offsets[memo->atom_count + k] = (uint32_t)(made[k].text - text);
    }
    memo->atom_count += count;
    memo->used++;
    memo->bytes += bytes;
}
