/* The built-in templates for unit tests that build documents: loaded once per test program,
 * freed at exit (builders and backends receive their templates explicitly). */
#ifndef RP_TEST_DEFAULT_TEMPLATES_H
#define RP_TEST_DEFAULT_TEMPLATES_H

#include "templates/templates.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>

static struct rp_arena *default_templates_arena;

static void default_templates_free(void)
{
    rp_arena_free(default_templates_arena);
    default_templates_arena = NULL;
}

static const struct rp_templates *default_templates(void)
{
    static const struct rp_templates *t;
    if (t)
        return t;
    default_templates_arena = rp_arena_new();
    atexit(default_templates_free);
    struct rp_diags diags;
    rp_diags_init(&diags);
    t = rp_templates_load(NULL, default_templates_arena, &diags);
    if (!t) {
        rp_diags_print(&diags, stderr);
        abort();
    }
    rp_diags_free(&diags);
    return t;
}

#endif
