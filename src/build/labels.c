#include "build/labels.h"

#include "templates/templates.h"
#include "util/arena.h"

#include <stdio.h>

/* "<space>.<key>" in a stack buffer: keys are short dotted names. */
static const char *scoped(char *buf, size_t size, const char *space, const char *key)
{
    snprintf(buf, size, "%s.%s", space, key);
    return buf;
}

static const char *lookup(const char *space, enum rp_lang lang, const char *key)
{
    char buf[256];
    return rp_label(rp_templates_active(), lang, scoped(buf, sizeof buf, space, key));
}

static const char *fill(const char *space, struct rp_arena *arena, enum rp_lang lang,
                        const char *key, const char *a1, const char *a2, const char *a3)
{
    char buf[256];
    return rp_label_fill(rp_templates_active(), arena, lang, scoped(buf, sizeof buf, space, key),
                         a1, a2, a3);
}

const char *rp_budget_label(enum rp_lang lang, const char *key)
{
    return lookup("budget", lang, key);
}

const char *rp_budget_label_fill(struct rp_arena *arena, enum rp_lang lang, const char *key,
                                 const char *a1, const char *a2, const char *a3)
{
    return fill("budget", arena, lang, key, a1, a2, a3);
}

const char *rp_report_label(enum rp_lang lang, const char *key)
{
    return lookup("report", lang, key);
}

const char *rp_report_label_fill(struct rp_arena *arena, enum rp_lang lang, const char *key,
                                 const char *a1, const char *a2, const char *a3)
{
    return fill("report", arena, lang, key, a1, a2, a3);
}

bool rp_report_label_exists(const char *key)
{
    char buf[256];
    return rp_label_exists(rp_templates_active(), RP_LANG_FR,
                           scoped(buf, sizeof buf, "report", key));
}
