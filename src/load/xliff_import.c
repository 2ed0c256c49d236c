/* The XLIFF import (see xliff.h): the reading of the document and its <file>s, the checks of
 * one unit's target against its source (the inline elements, their nesting) and its markup
 * in the model's terms, the pairing of each <file> with its model, and the writing of a model
 * with its new texts once it loads and validates. The splicing of the texts into a model's
 * bytes is in xliff_splice.c. */
#define _POSIX_C_SOURCE 200809L
#include "load/xliff_internal.h"

#include "load/load.h"
#include "util/arena.h"
#include "util/atomic.h"
#include "util/file.h"
#include "util/fmt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- import: reading */

static const struct rp_xnode *first_child(const struct rp_xnode *n, const char *name)
{
    for (size_t i = 0; i < n->child_count; i++)
        if (n->children[i].name && strcmp(n->children[i].name, name) == 0)
            return &n->children[i];
    return NULL;
}

/* The trans-units of a <file>, in its <body> and the <group>s in it. */
static void collect_units(struct rp_arena *arena, const struct rp_xnode *n, struct xfile *f)
{
    for (size_t i = 0; i < n->child_count; i++) {
        const struct rp_xnode *c = &n->children[i];
        if (!c->name)
            continue;
        if (strcmp(c->name, "trans-unit") == 0) {
            if (f->count == f->cap) {
                size_t cap = f->cap ? f->cap * 2 : 64;
                struct xunit *v = rp_arena_array(arena, cap, sizeof *v);
                if (f->count)
                    memcpy(v, f->units, f->count * sizeof *v);
                f->units = v;
                f->cap = cap;
            }
            f->units[f->count++] = (struct xunit){c, first_child(c, "source"),
                                                  first_child(c, "target"), rp_xnode_attr(c, "id")};
        } else if (strcmp(c->name, "body") == 0 || strcmp(c->name, "group") == 0) {
            collect_units(arena, c, f);
        }
    }
}

/* ---------------------------------------------------------------- import: one unit */

/* Whether the target's inline elements are exactly the source's (same ids, same kinds, same
 * ctypes, each once) and nest as the model allows: nothing inside a placeholder, only
 * emphasis directly inside a link, no footnote inside a footnote. Every problem is an error
 * located at the <target>. */
bool rp_xliff_check_markup(const struct toks *src, const struct toks *tgt,
                           const struct rp_xnode *at, const char *key, struct rp_diags *diags)
{
    bool ok = true;
    bool *used = calloc(src->n ? src->n : 1, sizeof *used);
    const char *stack[64];
    size_t depth = 0;
#define MARKUP_ERROR(...)                                                                          \
    do {                                                                                           \
        rp_diag_add(diags, RP_ERROR, at->loc.file, at->loc.line, at->loc.col, __VA_ARGS__);        \
        ok = false;                                                                                \
    } while (0)
    for (size_t i = 0; i < tgt->n; i++) {
        const struct tok *t = &tgt->v[i];
        if (t->kind == TOK_TEXT)
            continue;
        if (t->kind == TOK_CLOSE) {
            depth -= depth > 0;
            continue;
        }
        const char *tag = t->kind == TOK_OPEN ? "g" : "x";
        size_t j = 0;
        while (j < src->n && !((src->v[j].kind == TOK_OPEN || src->v[j].kind == TOK_EMPTY) &&
                               strcmp(src->v[j].id, t->id) == 0))
            j++;
        /* One problem per element: a known id counts as present even when its kind or ctype
         * is wrong, so that it is not also reported missing. */
        if (j == src->n)
            MARKUP_ERROR("unit '%s': the target's <%s id=\"%s\"> is not in the source", key, tag,
                         t->id);
        else if (used[j])
            MARKUP_ERROR("unit '%s': the target has <%s id=\"%s\"> twice", key, tag, t->id);
        else {
            used[j] = true;
            if (src->v[j].kind != t->kind)
                MARKUP_ERROR("unit '%s': id \"%s\" is a <%s> in the source and a <%s> in the "
                             "target",
                             key, t->id, src->v[j].kind == TOK_OPEN ? "g" : "x", tag);
            else if (strcmp(src->v[j].ctype, t->ctype) != 0)
                MARKUP_ERROR("unit '%s': <%s id=\"%s\"> has ctype \"%s\" in the target, \"%s\" in "
                             "the source",
                             key, tag, t->id, t->ctype, src->v[j].ctype);
        }
        const char *parent = depth ? stack[depth - 1] : NULL;
        bool in_note = false;
        for (size_t k = 0; k < depth; k++)
            in_note |= strcmp(stack[k], "x-footnote") == 0;
        if (in_note && strcmp(t->ctype, "x-footnote") == 0)
            MARKUP_ERROR("unit '%s': <%s id=\"%s\"> is a footnote inside a footnote, which "
                         "holds no note",
                         key, tag, t->id);
        else if (parent && strcmp(parent, "x-placeholder") == 0)
            MARKUP_ERROR("unit '%s': <%s id=\"%s\"> inside a placeholder, which holds only text",
                         key, tag, t->id);
        else if (parent && strcmp(parent, "x-link") == 0 && strcmp(t->ctype, "italic") != 0 &&
                 strcmp(t->ctype, "bold") != 0)
            MARKUP_ERROR("unit '%s': <%s id=\"%s\" ctype=\"%s\"> inside a link, which holds only "
                         "text, italic and bold",
                         key, tag, t->id, t->ctype);
        if (t->kind == TOK_OPEN) {
            if (depth == sizeof stack / sizeof *stack) {
                MARKUP_ERROR("unit '%s': inline elements nested too deep", key);
                break;
            }
            stack[depth++] = t->ctype;
        }
    }
    for (size_t j = 0; j < src->n; j++)
        if ((src->v[j].kind == TOK_OPEN || src->v[j].kind == TOK_EMPTY) && !used[j])
            MARKUP_ERROR("unit '%s': the target lacks the source's <%s id=\"%s\" ctype=\"%s\">",
                         key, src->v[j].kind == TOK_OPEN ? "g" : "x", src->v[j].id,
                         src->v[j].ctype);
#undef MARKUP_ERROR
    free(used);
    return ok;
}

/* The model's element for each of the target's inline elements: the translation's own of
 * the same id when the model has a translation (a link may lead to a page in its language),
 * the source's otherwise. */
void rp_xliff_resolve(struct toks *tgt, const struct toks *src, const struct toks *variant)
{
    for (size_t i = 0; i < tgt->n; i++) {
        struct tok *t = &tgt->v[i];
        if (t->kind != TOK_OPEN && t->kind != TOK_EMPTY)
            continue;
        t->node = NULL;
        for (size_t k = 0; variant && k < variant->n && !t->node; k++)
            if (variant->v[k].kind == t->kind && strcmp(variant->v[k].id, t->id) == 0 &&
                strcmp(variant->v[k].ctype, t->ctype) == 0)
                t->node = variant->v[k].node;
        for (size_t k = 0; k < src->n && !t->node; k++)
            if (src->v[k].kind == t->kind && strcmp(src->v[k].id, t->id) == 0)
                t->node = src->v[k].node;
    }
}

void rp_xliff_add_attrs(struct rp_textbuf *b, const struct rp_xnode *node, bool keep_lang)
{
    for (size_t i = 0; i < node->attr_count; i++) {
        if (!keep_lang && strcmp(node->attrs[2 * i], "xml:lang") == 0)
            continue;
        rp_xliff_buf_str(b, " ");
        rp_xliff_buf_str(b, node->attrs[2 * i]);
        rp_xliff_buf_str(b, "=\"");
        rp_xliff_escape_attr(b, node->attrs[2 * i + 1]);
        rp_xliff_buf_str(b, "\"");
    }
}

/* The model's markup for tokens whose elements are known. */
const char *rp_xliff_markup_of(struct rp_arena *arena, const struct toks *t)
{
    struct rp_textbuf b = {0};
    rp_xliff_buf_str(&b, "");
    const struct rp_xnode *stack[64];
    size_t depth = 0;
    for (size_t i = 0; i < t->n; i++) {
        const struct tok *k = &t->v[i];
        if (k->kind == TOK_TEXT) {
            rp_xliff_escape_text(&b, k->text);
        } else if (k->kind == TOK_CLOSE) {
            if (depth) {
                rp_xliff_buf_str(&b, "</");
                rp_xliff_buf_str(&b, stack[--depth]->name);
                rp_xliff_buf_str(&b, ">");
            }
        } else if (k->node) {
            rp_xliff_buf_str(&b, "<");
            rp_xliff_buf_str(&b, k->node->name);
            rp_xliff_add_attrs(&b, k->node, true);
            rp_xliff_buf_str(&b, k->kind == TOK_EMPTY ? "/>" : ">");
            if (k->kind == TOK_OPEN && depth < sizeof stack / sizeof *stack)
                stack[depth++] = k->node;
        }
    }
    return rp_xliff_buf_keep(arena, &b);
}

/* ---------------------------------------------------------------- import: the document */

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The model a <file original="..."> names: the one given with that path, else the only one
 * with that file name. */
static struct rp_xliff_model *match_model(struct rp_xliff_model *models, size_t count,
                                          const char *original, size_t *same_name)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(models[i].path, original) == 0)
            return &models[i];
    struct rp_xliff_model *hit = NULL;
    *same_name = 0;
    for (size_t i = 0; i < count; i++)
        if (strcmp(base_name(models[i].path), base_name(original)) == 0) {
            hit = &models[i];
            ++*same_name;
        }
    return *same_name == 1 ? hit : NULL;
}

int rp_xliff_merge(struct rp_xliff_model *models, size_t count, const char *xlf, size_t xlf_size,
                   const char *xlf_name, struct rp_diags *diags)
{
    size_t errors_before = diags->errors;
    for (size_t i = 0; i < count; i++) {
        models[i].named = models[i].refused = false;
        models[i].lang[0] = '\0';
        models[i].result = NULL;
        models[i].result_size = 0;
        models[i].added = models[i].replaced = models[i].same = models[i].untranslated = 0;
    }
    struct rp_arena *arena = rp_arena_new();
    const char *name = rp_arena_strdup(arena, xlf_name);
    const struct rp_xnode *root =
        rp_xml_read_memory(xlf, xlf_size, name, RP_SCHEMA_NONE, arena, diags);
    const char *version = root ? rp_xnode_attr(root, "version") : NULL;
    if (root && strcmp(root->name, "xliff") != 0) {
        rp_diag_add(diags, RP_ERROR, name, root->loc.line, root->loc.col,
                    "not an XLIFF document: its root is <%s>", root->name);
    } else if (root && (!version || strncmp(version, "1.", 2) != 0)) {
        rp_diag_add(diags, RP_ERROR, name, root->loc.line, root->loc.col,
                    "XLIFF version '%s': rapport reads XLIFF 1.2", version ? version : "");
    } else if (root) {
        for (size_t i = 0; i < root->child_count; i++) {
            const struct rp_xnode *c = &root->children[i];
            if (!c->name || strcmp(c->name, "file") != 0)
                continue;
            struct xfile xf = {c,
                               rp_xnode_attr(c, "original"),
                               rp_xnode_attr(c, "source-language"),
                               rp_xnode_attr(c, "target-language"),
                               NULL,
                               0,
                               0};
            size_t same_name = 0;
            struct rp_xliff_model *m =
                xf.original ? match_model(models, count, xf.original, &same_name) : NULL;
            const char *why = NULL;
            if (!xf.original)
                why = "this <file> has no original attribute: it names no model";
            else if (!m && same_name > 1)
                why = rp_arena_printf(arena,
                                      "'%s' could be any of %zu models given with that name: give "
                                      "its path as it is in the XLIFF file",
                                      xf.original, same_name);
            else if (!m)
                why = rp_arena_printf(arena, "'%s' is none of the models given", xf.original);
            else if (m->named)
                why = rp_arena_printf(arena, "a second <file> for '%s'", m->path);
            else if (!xf.target_lang || rp_lang_from_code(xf.target_lang) == RP_LANG__MAX)
                why = rp_arena_printf(arena,
                                      "target-language '%s': rapport translates into fr, nl, en "
                                      "or de",
                                      xf.target_lang ? xf.target_lang : "");
            if (why) {
                rp_diag_add(diags, RP_ERROR, name, c->loc.line, c->loc.col, "%s", why);
                if (m && !m->named)
                    m->refused = true;
                continue;
            }
            m->named = true;
            snprintf(m->lang, sizeof m->lang, "%s", xf.target_lang);
            collect_units(arena, c, &xf);
            rp_xliff_merge_model(m, &xf, diags);
        }
    }
    for (size_t i = 0; root && i < count; i++)
        if (!models[i].named && !models[i].refused)
            rp_diag_add(diags, RP_WARNING, models[i].path, 0, 0,
                        "no <file> of %s names this model: left as it is", name);
    rp_arena_free(arena);
    return diags->errors == errors_before ? 0 : -1;
}

/* Writes a model's new bytes to a temporary file beside it, loads and validates what was
 * written as any model is, and only then puts it in place. */
static int write_checked(const struct rp_xliff_model *m, struct rp_diags *diags)
{
    struct rp_atomic a;
    if (rp_atomic_open(&a, m->path) != 0) {
        rp_diag_add(diags, RP_ERROR, m->path, 0, 0, "cannot write: %s", rp_atomic_strerror(errno));
        return -1;
    }
    if (rp_fd_write_all(a.fd, m->result, m->result_size) != 0) {
        int err = errno;
        rp_atomic_abort(&a);
        rp_diag_add(diags, RP_ERROR, m->path, 0, 0, "cannot write: %s", strerror(err));
        return -1;
    }
    struct rp_read back;
    rp_file_read(a.temp, m->result_size + 1, &back);
    struct rp_arena *arena = rp_arena_new();
    struct rp_diags check;
    rp_diags_init(&check);
    struct rp_file loaded;
    bool ok = back.data && back.size == m->result_size &&
              rp_load_memory(back.data, back.size, m->path, arena, &check, &loaded) == 0;
    for (size_t i = 0; i < check.count; i++) {
        const struct rp_diag *d = &check.items[i];
        rp_diag_add(diags, d->severity, d->file, d->line, d->col, "%s (in the imported text)",
                    d->message);
    }
    rp_diags_free(&check);
    rp_arena_free(arena);
    free(back.data);
    if (!ok) {
        rp_atomic_abort(&a);
        rp_diag_add(diags, RP_ERROR, m->path, 0, 0,
                    "not written: with the imported texts it would not load (see above)");
        return -1;
    }
    if (rp_atomic_commit(&a) != 0) {
        rp_diag_add(diags, RP_ERROR, m->path, 0, 0, "cannot write: %s", rp_atomic_strerror(errno));
        return -1;
    }
    return 0;
}

int rp_xliff_import(const char *const *paths, size_t count, const char *xlf_path,
                    struct rp_diags *diags, FILE *report)
{
    size_t errors_before = diags->errors;
    struct rp_read x;
    if (rp_xml_file_read(xlf_path, &x, diags) != 0)
        return -1;
    struct rp_xliff_model *models = calloc(count ? count : 1, sizeof *models);
    if (!models) {
        free(x.data);
        rp_diag_add(diags, RP_ERROR, NULL, 0, 0, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < count; i++)
        models[i].path = paths[i];
    if (rp_xliff_merge(models, count, x.data, x.size, xlf_path, diags) != 0) {
        /* Its problems are in `diags`; the models it did not refuse are written below. */
    }
    free(x.data);
    for (size_t i = 0; i < count; i++) {
        struct rp_xliff_model *m = &models[i];
        if (!m->named)
            continue;
        if (m->refused)
            fprintf(report, "%s: not changed (see the errors)\n", m->path);
        else if (!m->result)
            fprintf(report, "%s: unchanged (%zu texts already so in '%s', %zu without target)\n",
                    m->path, m->same, m->lang, m->untranslated);
        else if (write_checked(m, diags) == 0)
            fprintf(report,
                    "%s: %zu texts added, %zu replaced, %zu already so in '%s', %zu without "
                    "target\n",
                    m->path, m->added, m->replaced, m->same, m->lang, m->untranslated);
        else
            fprintf(report, "%s: not changed\n", m->path);
        free(m->result);
    }
    free(models);
    return diags->errors == errors_before ? 0 : -1;
}
