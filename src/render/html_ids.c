/* Ids of the HTML file: unique, and the same for the same document. Builders may name nodes
 * (node->id); two nodes named alike, or a name equal to a generated id, still get distinct
 * ids. Ids are handed out in document order, so the suffixes never depend on addresses.
 * Landmarks need distinct names as well as distinct ids: the names of the regions are
 * gathered first, so that one sharing its name with another can be told apart. */
#include "render/html_internal.h"

#include "load/xml_write.h"
#include "util/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void html_ids_init(struct html_ids *ids, struct rp_arena *arena)
{
    ids->arena = arena;
    ids->cap = 256;
    ids->count = 0;
    ids->slots = rp_arena_array(arena, ids->cap, sizeof *ids->slots);
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static const char **slot(const struct html_ids *ids, const char *id)
{
    size_t i = (size_t)(hash(id) & (ids->cap - 1));
    while (ids->slots[i] && strcmp(ids->slots[i], id) != 0)
        i = (i + 1) & (ids->cap - 1);
    return &ids->slots[i];
}

static void grow(struct html_ids *ids)
{
    const char **old = ids->slots;
    size_t old_cap = ids->cap;
    ids->cap *= 2;
    ids->slots = rp_arena_array(ids->arena, ids->cap, sizeof *ids->slots);
    for (size_t i = 0; i < old_cap; i++)
        if (old[i])
            *slot(ids, old[i]) = old[i];
}

static bool taken(const struct html_ids *ids, const char *id)
{
    return *slot(ids, id) != NULL;
}

static void take(struct html_ids *ids, const char *id)
{
    if ((ids->count + 1) * 2 > ids->cap)
        grow(ids);
    *slot(ids, id) = id;
    ids->count++;
}

const char *html_id(struct html_ids *ids, const char *wanted, const char *fallback)
{
    const char *base = wanted && *wanted ? wanted : fallback;
    /* An id holds no whitespace in HTML, and a fragment link must name it exactly. */
    char *clean = rp_arena_strdup(ids->arena, base);
    for (char *p = clean; *p; p++)
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            *p = '-';
    const char *id = clean;
    for (unsigned n = 2; taken(ids, id); n++)
        id = rp_arena_printf(ids->arena, "%s-%u", clean, n);
    take(ids, id);
    return id;
}

/* Sections of `nodes` under the section whose generated id is `prefix`. */
static void number_sections(struct html_ctx *c, const struct rp_nodes *nodes, const char *prefix,
                            size_t *cap)
{
    unsigned n = 0;
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *node = nodes->items[i];
        if (node->kind != RP_NODE_SECTION)
            continue;
        const char *position = rp_arena_printf(c->arena, "%s-%u", prefix, ++n);
        if (c->section_count == *cap) {
            size_t bigger = *cap ? *cap * 2 : 64;
            struct html_section_id *s = rp_arena_array(c->arena, bigger, sizeof *s);
            if (c->section_count)
                memcpy(s, c->sections, c->section_count * sizeof *s);
            c->sections = s;
            *cap = bigger;
        }
        struct html_section_id *s = &c->sections[c->section_count++];
        s->node = node;
        s->id = html_id(&c->ids, node->id, position);
        s->heading = html_id(&c->ids, rp_arena_printf(c->arena, "%s-title", s->id), NULL);
        number_sections(c, &node->u.section.children, position, cap);
    }
}

void html_ids_sections(struct html_ctx *c)
{
    size_t cap = 0;
    c->section_count = c->section_next = 0;
    number_sections(c, &c->doc->body, "s", &cap);
}

const struct html_section_id *html_section_ids(struct html_ctx *c, const struct rp_node *node)
{
    /* The writer walks the tree in the order the ids were given: the next one is this
     * node's. Anything else is a programming error, caught here rather than as a link to
     * the wrong section. */
    if (c->section_next < c->section_count && c->sections[c->section_next].node == node)
        return &c->sections[c->section_next++];
    for (size_t i = 0; i < c->section_count; i++)
        if (c->sections[i].node == node)
            return &c->sections[i];
    return NULL;
}

/* ------------------------------------------------------------------ region names */

const char *html_plain(struct html_ctx *c, const char *number, const struct rp_spans *spans)
{
    size_t n = number ? strlen(number) + 1 : 0;
    for (size_t i = 0; i < spans->count; i++)
        n += spans->items[i].text ? strlen(spans->items[i].text) : 0;
    char *out = rp_arena_alloc(c->arena, n + 1), *p = out;
    if (number && *number) {
        memcpy(p, number, strlen(number));
        p += strlen(number);
        *p++ = ' ';
    }
    for (size_t i = 0; i < spans->count; i++)
        if (spans->items[i].text) {
            memcpy(p, spans->items[i].text, strlen(spans->items[i].text));
            p += strlen(spans->items[i].text);
        }
    *p = '\0';
    return out;
}

struct names {
    const char **items;
    size_t count, cap;
};

static void add_name(struct html_ctx *c, struct names *names, const char *name)
{
    if (names->count == names->cap) {
        size_t bigger = names->cap ? names->cap * 2 : 64;
        const char **items = rp_arena_array(c->arena, bigger, sizeof *items);
        if (names->count)
            memcpy(items, names->items, names->count * sizeof *items);
        names->items = items;
        names->cap = bigger;
    }
    names->items[names->count++] = name;
}

static void collect(struct html_ctx *c, const struct rp_nodes *nodes, struct names *names)
{
    for (size_t i = 0; i < nodes->count; i++) {
        const struct rp_node *node = nodes->items[i];
        if (node->kind == RP_NODE_SECTION) {
            const struct rp_doc_section *s = &node->u.section;
            add_name(c, names, html_plain(c, s->number, &s->title));
            collect(c, &s->children, names);
        } else if (node->kind == RP_NODE_TABLE) {
            add_name(c, names, html_plain(c, NULL, &node->u.table.caption));
        }
    }
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void html_regions_collect(struct html_ctx *c)
{
    struct names names = {0};
    collect(c, &c->doc->body, &names);
    if (names.count)
        qsort(names.items, names.count, sizeof *names.items, by_text);
    c->region_names = names.items;
    c->region_count = names.count;
}

static bool shared(const struct html_ctx *c, const char *name)
{
    size_t lo = 0, hi = c->region_count;
    while (lo < hi) { /* the first name not below `name` */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(c->region_names[mid], name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo + 1 < c->region_count && strcmp(c->region_names[lo], name) == 0 &&
           strcmp(c->region_names[lo + 1], name) == 0;
}

void html_region_label(struct html_ctx *c, const char *name, const char *label_id)
{
    if (c->heading && shared(c, name))
        rp_xml_attrf(c->w, "aria-labelledby", "%s %s", c->heading, label_id);
    else
        rp_xml_attr(c->w, "aria-labelledby", label_id);
}
