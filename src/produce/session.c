/* Loading and checking models together (see session.h). */
#include "produce/session.h"

#include "check/check.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

void rp_session_init(struct rp_session *s)
{
    memset(s, 0, sizeof *s);
    s->arena = rp_arena_new();
    rp_diags_init(&s->diags);
}

void rp_session_free(struct rp_session *s)
{
    rp_arena_free(s->arena);
    rp_diags_free(&s->diags);
    free(s->files);
    memset(s, 0, sizeof *s);
}

static const struct rp_file *find_plan(const struct rp_session *s, const char *id)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->files[i].kind == RP_FILE_PLAN && strcmp(s->files[i].plan->id, id) == 0)
            return &s->files[i];
    return NULL;
}

static const struct rp_file *add_file(struct rp_session *s, const struct rp_file *f)
{
    if (s->count == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->files = rp_xrealloc(s->files, s->cap * sizeof *s->files);
    }
    s->files[s->count] = *f;
    return &s->files[s->count++];
}

/* Loads a file without checking it; NULL on load errors. */
static const struct rp_file *load_only(struct rp_session *s, const char *path)
{
    struct rp_file f;
    if (rp_load(path, s->arena, &s->diags, &f) != 0)
        return NULL;
    return add_file(s, &f);
}

const struct rp_plan *rp_session_plan_of(struct rp_session *s, const struct rp_file *eval)
{
    const char *ref = eval->evaluation->plan_ref;
    if (!ref)
        return NULL;
    const struct rp_file *found = find_plan(s, ref);
    if (found)
        return found->plan;
    /* The usual layout: input/<organisation>/plan.xml beside evaluation-<year>.xml. */
    const char *slash = strrchr(eval->path, '/');
    char *beside = slash ? rp_arena_printf(s->arena, "%.*s/plan.xml", (int)(slash - eval->path),
                                           eval->path)
                         : rp_arena_strdup(s->arena, "plan.xml");
    /* Loaded quietly: a file there that is not this plan says nothing. The plan it is gets
     * checked, and its problems reported with the evaluation's: the evaluation's documents
     * and checks read it. */
    struct rp_diags quiet;
    rp_diags_init(&quiet);
    struct rp_file f;
    const struct rp_plan *plan = NULL;
    if (strcmp(beside, eval->path) != 0 && rp_load(beside, s->arena, &quiet, &f) == 0 &&
        f.kind == RP_FILE_PLAN && strcmp(f.plan->id, ref) == 0) {
        for (size_t i = 0; i < quiet.count; i++) {
            const struct rp_diag *d = &quiet.items[i];
            rp_diag_add(&s->diags, d->severity, d->file, d->line, d->col, "%s", d->message);
        }
        plan = add_file(s, &f)->plan;
        rp_check_plan(plan, s->arena, &s->diags);
    }
    rp_diags_free(&quiet);
    return plan;
}

const struct rp_file *rp_session_load(struct rp_session *s, const char *path)
{
    size_t errors = s->diags.errors;
    const struct rp_file *f = load_only(s, path);
    if (!f)
        return NULL;
    size_t index = (size_t)(f - s->files);
    if (f->kind == RP_FILE_PLAN) {
        rp_check_plan(f->plan, s->arena, &s->diags);
    } else {
        const struct rp_plan *plan = rp_session_plan_of(s, f);
        f = &s->files[index]; /* the array may have moved */
        rp_check_evaluation(f->evaluation, plan, s->arena, &s->diags);
    }
    return s->diags.errors == errors ? &s->files[index] : NULL;
}
