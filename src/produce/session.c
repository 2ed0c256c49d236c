/* Loading and checking models together (see session.h). */
#include "produce/session.h"

#include "check/check.h"
#include "render/font_fallback.h"
#include "util/arena.h"
#include "util/utf8.h"

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

/* ------------------------------------------------------------------ files read ahead */

/* Files loaded ahead (rp_session_preload()): a session that asks for one takes it as
 * loaded, with the diagnostics loading it gave, instead of reading and parsing it again.
 * Every session of the process gets the same model: nothing changes a model once it is
 * loaded (checks, builders and backends all take it const). Only clean loads are kept; a
 * file that fails to load is loaded again by whoever asks, and reports its errors then. */
static struct preloaded {
    char *path;
    struct rp_file file;
    struct rp_diags diags;
} * preloaded;
static size_t preloaded_count, preloaded_cap;
static struct rp_arena *preload_arena;

void rp_session_preload(const char *path)
{
    for (size_t i = 0; i < preloaded_count; i++)
        if (strcmp(preloaded[i].path, path) == 0)
            return;
    if (!preload_arena)
        preload_arena = rp_arena_new();
    struct preloaded p = {rp_arena_strdup(preload_arena, path), {0}, {0}};
    rp_diags_init(&p.diags);
    if (rp_load(path, preload_arena, &p.diags, &p.file) != 0) {
        rp_diags_free(&p.diags);
        return;
    }
    if (preloaded_count == preloaded_cap) {
        preloaded_cap = preloaded_cap ? preloaded_cap * 2 : 8;
        preloaded = rp_xrealloc(preloaded, preloaded_cap * sizeof *preloaded);
    }
    preloaded[preloaded_count++] = p;
}

void rp_session_preload_free(void)
{
    for (size_t i = 0; i < preloaded_count; i++)
        rp_diags_free(&preloaded[i].diags);
    free(preloaded);
    preloaded = NULL;
    preloaded_count = preloaded_cap = 0;
    rp_arena_free(preload_arena);
    preload_arena = NULL;
}

/* rp_load(), from the files read ahead when `path` is one of them. */
static int load(const char *path, struct rp_arena *arena, struct rp_diags *diags,
                struct rp_file *out)
{
    for (size_t i = 0; i < preloaded_count; i++) {
        struct preloaded *p = &preloaded[i];
        if (strcmp(p->path, path) != 0)
            continue;
        for (size_t k = 0; k < p->diags.count; k++) {
            const struct rp_diag *d = &p->diags.items[k];
            rp_diag_add(diags, d->severity, d->file, d->line, d->col, "%s", d->message);
        }
        *out = p->file;
        return 0;
    }
    return rp_load(path, arena, diags, out);
}

/* ------------------------------------------------------------------ loading */

/* Loads a file without checking it; NULL on load errors. */
static const struct rp_file *load_only(struct rp_session *s, const char *path)
{
    struct rp_file f;
    if (load(path, s->arena, &s->diags, &f) != 0)
        return NULL;
    return add_file(s, &f);
}

/* Warns, where the text first uses it, of each character no installed font can draw:
 * before a render draws it as an empty box. The fonts are the machine's, asked through
 * fontconfig as the PDF backend asks for a fallback face, so the check says what a render
 * on this machine does. */
static void check_chars(struct rp_diags *diags, const struct rp_char_use *chars, size_t count)
{
    enum { SAID_MAX = 8 }; /* then one summary: a text in a script not installed has hundreds */
    size_t said = 0, more = 0;
    const struct rp_char_use *first_more = NULL;
    for (size_t i = 0; i < count; i++) {
        if (rp_font_fallback_any(chars[i].cp))
            continue;
        if (said == SAID_MAX) {
            first_more = first_more ? first_more : &chars[i];
            more++;
            continue;
        }
        said++;
        char utf8[5] = {0};
        rp_utf8_encode(chars[i].cp, utf8);
        rp_diag_add(diags, RP_WARNING, chars[i].loc.file, chars[i].loc.line, chars[i].loc.col,
                    "no installed font can draw U+%04X \"%s\": the PDF shows an empty box in its "
                    "place (install a TrueType font that has it)",
                    (unsigned)chars[i].cp, utf8);
    }
    if (first_more)
        rp_diag_add(diags, RP_WARNING, first_more->loc.file, first_more->loc.line,
                    first_more->loc.col,
                    "no installed font can draw %zu%s more characters, the first of them here",
                    more, count == RP_RARE_CHARS_MAX ? " or" : "");
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
    char *beside =
        slash ? rp_arena_printf(s->arena, "%.*s/plan.xml", (int)(slash - eval->path), eval->path)
              : rp_arena_strdup(s->arena, "plan.xml");
    /* Loaded quietly: a file there that is not this plan says nothing. The plan it is gets
     * checked, and its problems reported with the evaluation's: the evaluation's documents
     * and checks read it. */
    struct rp_diags quiet;
    rp_diags_init(&quiet);
    struct rp_file f;
    const struct rp_plan *plan = NULL;
    if (strcmp(beside, eval->path) != 0 && load(beside, s->arena, &quiet, &f) == 0 &&
        f.kind == RP_FILE_PLAN && strcmp(f.plan->id, ref) == 0) {
        for (size_t i = 0; i < quiet.count; i++) {
            const struct rp_diag *d = &quiet.items[i];
            rp_diag_add(&s->diags, d->severity, d->file, d->line, d->col, "%s", d->message);
        }
        plan = add_file(s, &f)->plan;
        rp_check_plan(plan, s->arena, &s->diags);
        check_chars(&s->diags, plan->rare_chars, plan->rare_char_count);
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
        check_chars(&s->diags, f->plan->rare_chars, f->plan->rare_char_count);
    } else {
        const struct rp_plan *plan = rp_session_plan_of(s, f);
        f = &s->files[index]; /* the array may have moved */
        rp_check_evaluation(f->evaluation, plan, s->arena, &s->diags);
        check_chars(&s->diags, f->evaluation->rare_chars, f->evaluation->rare_char_count);
    }
    return s->diags.errors == errors ? &s->files[index] : NULL;
}
