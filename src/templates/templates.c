#include "templates/templates.h"

#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct rp_label *find(const struct rp_catalogue *c, const char *key)
{
    size_t lo = 0, hi = c->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(c->items[mid].key, key);
        if (cmp == 0)
            return &c->items[mid];
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

bool rp_label_exists(const struct rp_templates *t, enum rp_lang lang, const char *key)
{
    return (unsigned)lang < RP_LANG__MAX && find(&t->catalogues[lang], key) != NULL;
}

const char *rp_label(const struct rp_templates *t, enum rp_lang lang, const char *key)
{
    if ((unsigned)lang >= RP_LANG__MAX)
        lang = RP_LANG_EN;
    const struct rp_label *l = find(&t->catalogues[lang], key);
    return l ? l->text : key;
}

const char *rp_label_fill(const struct rp_templates *t, struct rp_arena *arena, enum rp_lang lang,
                          const char *key, const char *a1, const char *a2, const char *a3)
{
    const char *text = rp_label(t, lang, key);
    const char *args[3] = {a1 ? a1 : "", a2 ? a2 : "", a3 ? a3 : ""};
    size_t len = 0;
    for (const char *p = text; *p; p++) {
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
            len += strlen(args[p[1] - '1']);
            p += 2;
        } else {
            len++;
        }
    }
    char *out = rp_arena_alloc(arena, len + 1), *o = out;
    for (const char *p = text; *p; p++) {
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
            size_t n = strlen(args[p[1] - '1']);
            memcpy(o, args[p[1] - '1'], n);
            o += n;
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

const char *rp_label_count(const struct rp_templates *t, struct rp_arena *arena, enum rp_lang lang,
                           const char *key, size_t n, const char *a1, const char *a2,
                           const char *a3)
{
    /* French counts zero as singular ("0 seuil"); the other languages as plural. */
    bool one = lang == RP_LANG_FR ? n <= 1 : n == 1;
    char full[128];
    snprintf(full, sizeof full, "%s.%s", key, one ? "one" : "many");
    return rp_label_fill(t, arena, lang, full, a1, a2, a3);
}

const struct rp_document_spec *rp_templates_document(const struct rp_templates *t, const char *kind)
{
    for (size_t i = 0; i < t->document_count; i++)
        if (strcmp(t->documents[i].kind, kind) == 0)
            return &t->documents[i];
    return NULL;
}

const struct rp_part *rp_templates_part(const struct rp_templates *t, const char *kind,
                                        const char *name)
{
    const struct rp_document_spec *d = rp_templates_document(t, kind);
    for (size_t i = 0; d && i < d->count; i++)
        if (strcmp(d->parts[i].name, name) == 0)
            return &d->parts[i];
    return NULL;
}
