/* A plan's amendments and the trace of every text they change. The consolidated text
 * itself is made by reader.c (rp_read_texts and the section blocks leave removed and replaced
 * texts out); this file reads the <amendment> elements and collects every marked text,
 * shown or not, so that checks can pair replacements and documents can count changes. */
#include "load/reader.h"
#include "load/texts.h"

#include "util/arena.h"

#include <string.h>

struct collector {
    struct rp_reader *r;
    struct rp_text_change *items;
    size_t count, cap;
    size_t groups; /* parent elements seen */
};

static void add_change(struct collector *c, const struct rp_xnode *node, const char *lang,
                       size_t group, bool inside)
{
    if (c->count == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        struct rp_text_change *grown = rp_arena_array(c->r->arena, c->cap, sizeof *grown);
        if (c->count)
            memcpy(grown, c->items, c->count * sizeof *grown);
        c->items = grown;
    }
    struct rp_text_change *ch = &c->items[c->count++];
    /* rp_read_text() gives the text's own language, plain text and both attributes. */
    struct rp_reader quiet = *c->r;
    quiet.lang = lang;
    struct rp_diags none = {0};
    quiet.diags = &none; /* the text's own problems are reported where it is read */
    struct rp_text t = rp_read_text(&quiet, node);
    rp_diags_free(&none);
    ch->loc = node->loc;
    ch->amendment = t.amendment;
    ch->change = t.change;
    ch->element = rp_arena_strdup(c->r->arena, node->name);
    ch->lang = t.lang;
    ch->group = group;
    ch->plain = t.plain;
    ch->inside = inside;
}

static bool marked(const struct rp_xnode *node)
{
    return rp_xnode_attr(node, "amended-by") || rp_xnode_attr(node, "change");
}

/* Inline markup inside a text (em, strong, sup) is of the inline type too, so the schema
 * lets it carry the marks: they are kept for the checks to refuse, since an amendment
 * changes a whole text. */
static void inner_marks(struct collector *c, const struct rp_xnode *node, const char *lang,
                        size_t group)
{
    for (size_t i = 0; i < node->child_count; i++) {
        const struct rp_xnode *k = &node->children[i];
        if (!k->name)
            continue;
        if (marked(k))
            add_change(c, k, lang, group, true);
        inner_marks(c, k, lang, group);
    }
}

static void walk(struct collector *c, const struct rp_xnode *node, const char *lang)
{
    size_t group = ++c->groups;
    for (size_t i = 0; i < node->child_count; i++) {
        const struct rp_xnode *k = &node->children[i];
        if (!k->name)
            continue;
        const char *own = rp_xnode_attr(k, "xml:lang");
        const char *inner = own ? rp_arena_strdup(c->r->arena, own) : lang;
        if (rp_is_text_element(k->name)) {
            if (marked(k))
                add_change(c, k, inner, group, false);
            inner_marks(c, k, inner, group);
        } else {
            walk(c, k, inner);
        }
    }
}

size_t rp_read_changes(struct rp_reader *r, const struct rp_xnode *root,
                       struct rp_text_change **out)
{
    struct collector c = {.r = r};
    walk(&c, root, r->lang);
    *out = c.items;
    return c.count;
}

void rp_read_amendment(struct rp_reader *r, const struct rp_xnode *n, struct rp_amendment *a)
{
    a->id = rp_read_str(r, n, "id");
    a->loc = n->loc;
    a->signed_on = rp_read_date(r, n, "signed");
    a->effective = rp_read_date(r, n, "effective");
    a->title = rp_read_variants(r, n, "title");
    a->text = rp_read_texts(r, n, "text");
}
