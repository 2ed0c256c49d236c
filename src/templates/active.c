#include "templates/templates.h"

#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>

/* The templates in force for this process. A run uses one set of templates for every
 * document, so builders and backends read it here instead of receiving it through every
 * call; the command line sets it once (--templates) before anything is built. */
static const struct rp_templates *active;
static struct rp_arena *default_arena;

static void free_default(void)
{
    rp_arena_free(default_arena);
    default_arena = NULL;
}

void rp_templates_set_active(const struct rp_templates *t)
{
    active = t;
}

const struct rp_templates *rp_templates_active(void)
{
    if (active)
        return active;
    /* The built-in set is compiled in and covered by tests: failing to load it is a bug. */
    default_arena = rp_arena_new();
    atexit(free_default);
    struct rp_diags diags;
    rp_diags_init(&diags);
    active = rp_templates_load(NULL, default_arena, &diags);
    if (!active) {
        rp_diags_print(&diags, stderr);
        fprintf(stderr, "rapport: the built-in templates do not load\n");
        abort();
    }
    rp_diags_free(&diags);
    return active;
}
