#include "compose/labels.h"

#include "templates/templates.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>

/* "<space>.<key>" in a stack buffer: keys are short dotted names. */
static const char *scoped(char *buf, size_t size, const char *space, const char *key)
{
    snprintf(buf, size, "%s.%s", space, key);
    return buf;
}

/* A key missing from the catalogues is printed as itself (the golden tests catch it): it
 * must outlive the stack buffer it was built in. */
static struct rp_arena *missing_keys;

static void free_missing_keys(void)
{
    rp_arena_free(missing_keys);
}

static const char *keep_missing(const char *key)
{
    if (!missing_keys) {
        missing_keys = rp_arena_new();
        atexit(free_missing_keys);
    }
    return rp_arena_strdup(missing_keys, key);
}

static const char *lookup(const struct rp_templates *t, const char *space, enum rp_lang lang,
                          const char *key)
{
    char buf[256];
    const char *text = rp_label(t, lang, scoped(buf, sizeof buf, space, key));
    return text == buf ? keep_missing(buf) : text;
}

static const char *fill(const struct rp_templates *t, const char *space, struct rp_arena *arena,
                        enum rp_lang lang, const char *key, const char *a1, const char *a2,
                        const char *a3)
{
    char buf[256];
    return rp_label_fill(t, arena, lang, scoped(buf, sizeof buf, space, key), a1, a2, a3);
}

const char *rp_budget_label(const struct rp_templates *t, enum rp_lang lang, const char *key)
{
    return lookup(t, "budget", lang, key);
}

const char *rp_budget_label_fill(const struct rp_templates *t, struct rp_arena *arena,
                                 enum rp_lang lang, const char *key, const char *a1,
                                 const char *a2, const char *a3)
{
    return fill(t, "budget", arena, lang, key, a1, a2, a3);
}

const char *rp_report_label(const struct rp_templates *t, enum rp_lang lang, const char *key)
{
    return lookup(t, "report", lang, key);
}

const char *rp_report_label_fill(const struct rp_templates *t, struct rp_arena *arena,
                                 enum rp_lang lang, const char *key, const char *a1,
                                 const char *a2, const char *a3)
{
    return fill(t, "report", arena, lang, key, a1, a2, a3);
}

bool rp_report_label_exists(const struct rp_templates *t, const char *key)
{
    char buf[256];
    return rp_label_exists(t, RP_LANG_FR, scoped(buf, sizeof buf, "report", key));
}
