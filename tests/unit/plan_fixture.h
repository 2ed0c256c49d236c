/* A plan loaded from XML text for unit tests that build documents from it (test_budget,
 * test_chart_colors): one arena and one diagnostics list that live as long as the plan. */
#ifndef RP_TEST_PLAN_FIXTURE_H
#define RP_TEST_PLAN_FIXTURE_H

#include "load/load.h"
#include "util/arena.h"
#include "util/diag.h"

#include <stdio.h>
#include <string.h>

struct plan_fixture {
    struct rp_arena *arena;
    struct rp_diags diags;
    struct rp_file file;
};

/* Loads `xml` into `fx` (named `name` in diagnostics); on failure prints the diagnostics and
 * returns non-zero, `fx` to be freed all the same. */
static int plan_fixture_load(struct plan_fixture *fx, const char *xml, const char *name)
{
    fx->arena = rp_arena_new();
    rp_diags_init(&fx->diags);
    if (rp_load_memory(xml, strlen(xml), name, fx->arena, &fx->diags, &fx->file) != 0) {
        rp_diags_print(&fx->diags, stderr);
        return -1;
    }
    return 0;
}

static void plan_fixture_free(struct plan_fixture *fx)
{
    rp_diags_free(&fx->diags);
    rp_arena_free(fx->arena);
    fx->arena = NULL;
}

#endif
