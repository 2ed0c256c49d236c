#include "check/internal.h"

#include <stdarg.h>
#include <stdio.h>

void rp_check_report(struct checker *c, enum rp_severity sev, const struct rp_loc *loc,
                     const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rp_diag_add(c->diags, sev, loc->file, loc->line, loc->col, "%s", msg);
}

static int kind_allowed(enum rp_entity kind, const enum rp_entity *kinds)
{
    for (; *kinds != RP_ENT__MAX; kinds++)
        if (*kinds == kind)
            return 1;
    return 0;
}

const struct rp_index_entry *rp_check_ref(struct checker *c, const struct rp_loc *loc,
                                          const char *what, const char *id,
                                          const enum rp_entity *kinds)
{
    if (!id)
        return NULL;
    const struct rp_index_entry *e = rp_index_get(c->index, id);
    if (!e) {
        rp_check_report(c, RP_ERROR, loc, "%s '%s' is not defined", what, id);
        return NULL;
    }
    if (kinds && !kind_allowed(e->kind, kinds)) {
        rp_check_report(c, RP_ERROR, loc, "%s '%s' is a %s (defined at line %ld)", what, id,
                        rp_entity_name(e->kind), e->loc->line);
        return NULL;
    }
    return e;
}

void rp_check_refs(struct checker *c, const struct rp_refs *refs, const char *what,
                   const enum rp_entity *kinds)
{
    for (size_t i = 0; i < refs->count; i++)
        rp_check_ref(c, &refs->loc, what, refs->ids[i], kinds);
}
