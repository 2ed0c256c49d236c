/* The growable-text helpers and the tokens of the XLIFF export and import (see
 * xliff_internal.h): the table MARKUP of the model's inline elements and their XLIFF ctypes, a
 * model text's and an XLIFF <source> or <target>'s tokens, their normalised whitespace, their
 * canonical form for comparison, and the ids of a translation's inline elements. */
#define _POSIX_C_SOURCE 200809L
#include "load/xliff_internal.h"

#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

/* Model inline elements and the ctype of the XLIFF element that stands for each. */
static const struct {
    const char *element, *ctype;
} MARKUP[] = {
    {"em", "italic"},
    {"strong", "bold"},
    {"sup", "x-sup"},
    {"link", "x-link"},
    {"placeholder", "x-placeholder"},
    {"footnote", "x-footnote"},
};

static const char *ctype_of(const char *element)
{
    for (size_t i = 0; i < sizeof MARKUP / sizeof *MARKUP; i++)
        if (strcmp(MARKUP[i].element, element) == 0)
            return MARKUP[i].ctype;
    return NULL;
}

bool rp_xliff_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* ---------------------------------------------------------------- growable text */

void rp_xliff_buf_str(struct rp_textbuf *b, const char *s)
{
    rp_textbuf_add(b, s, strlen(s));
}

const char *rp_xliff_buf_keep(struct rp_arena *arena, struct rp_textbuf *b)
{
    const char *s = rp_arena_strndup(arena, b->p ? b->p : "", b->n);
    free(b->p);
    memset(b, 0, sizeof *b);
    return s;
}

void rp_xliff_escape_text(struct rp_textbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '&')
            rp_xliff_buf_str(b, "&amp;");
        else if (*s == '<')
            rp_xliff_buf_str(b, "&lt;");
        else if (*s == '>')
            rp_xliff_buf_str(b, "&gt;");
        else
            rp_textbuf_add(b, s, 1);
    }
}

void rp_xliff_escape_attr(struct rp_textbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '&')
            rp_xliff_buf_str(b, "&amp;");
        else if (*s == '<')
            rp_xliff_buf_str(b, "&lt;");
        else if (*s == '"')
            rp_xliff_buf_str(b, "&quot;");
        else if (*s == '\t')
            rp_xliff_buf_str(b, "&#9;");
        else if (*s == '\n')
            rp_xliff_buf_str(b, "&#10;");
        else if (*s == '\r')
            rp_xliff_buf_str(b, "&#13;");
        else
            rp_textbuf_add(b, s, 1);
    }
}

/* ---------------------------------------------------------------- tokens */

static void toks_add(struct rp_arena *arena, struct toks *t, struct tok tok)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        struct tok *v = rp_arena_array(arena, cap, sizeof *v);
        if (t->n)
            memcpy(v, t->v, t->n * sizeof *v);
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n++] = tok;
}

/* A model text's tokens; its inline elements numbered from *next in document order. An
 * element without any content is an x, with content (even blank) a g. */
void rp_xliff_model_toks(struct rp_arena *arena, const struct rp_xnode *node, struct toks *t,
                         long *next)
{
    for (size_t i = 0; i < node->child_count; i++) {
        const struct rp_xnode *c = &node->children[i];
        if (!c->name) {
            toks_add(arena, t, (struct tok){TOK_TEXT, c->text, NULL, NULL, NULL});
            continue;
        }
        const char *ctype = ctype_of(c->name);
        if (!ctype) { /* the schema allows no other: read through, to be safe */
            rp_xliff_model_toks(arena, c, t, next);
            continue;
        }
        const char *id = rp_arena_printf(arena, "%ld", (*next)++);
        if (c->child_count == 0) {
            toks_add(arena, t, (struct tok){TOK_EMPTY, NULL, id, ctype, c});
        } else {
            toks_add(arena, t, (struct tok){TOK_OPEN, NULL, id, ctype, c});
            rp_xliff_model_toks(arena, c, t, next);
            toks_add(arena, t, (struct tok){TOK_CLOSE, NULL, NULL, NULL, c});
        }
    }
}

/* An XLIFF <source> or <target>'s tokens. <mrk> (a tool's annotation) is read through; any
 * other element is refused with a located error. */
bool rp_xliff_xlf_toks(struct rp_arena *arena, const struct rp_xnode *node, struct toks *t,
                       struct rp_diags *diags)
{
    bool ok = true;
    for (size_t i = 0; i < node->child_count; i++) {
        const struct rp_xnode *c = &node->children[i];
        if (!c->name) {
            toks_add(arena, t, (struct tok){TOK_TEXT, c->text, NULL, NULL, NULL});
            continue;
        }
        const char *id = rp_xnode_attr(c, "id"), *ctype = rp_xnode_attr(c, "ctype");
        if (strcmp(c->name, "g") == 0) {
            toks_add(arena, t,
                     (struct tok){TOK_OPEN, NULL, id ? id : "", ctype ? ctype : "", NULL});
            ok &= rp_xliff_xlf_toks(arena, c, t, diags);
            toks_add(arena, t, (struct tok){TOK_CLOSE, NULL, NULL, NULL, NULL});
        } else if (strcmp(c->name, "x") == 0) {
            toks_add(arena, t,
                     (struct tok){TOK_EMPTY, NULL, id ? id : "", ctype ? ctype : "", NULL});
        } else if (strcmp(c->name, "mrk") == 0) {
            ok &= rp_xliff_xlf_toks(arena, c, t, diags);
        } else {
            rp_diag_add(diags, RP_ERROR, c->loc.file, c->loc.line, c->loc.col,
                        "<%s> inside <%s>: the only inline elements rapport reads are <g>, <x/> "
                        "and <mrk>",
                        c->name, node->name);
            ok = false;
        }
    }
    return ok;
}

/* The tokens with XML whitespace collapsed to one space and trimmed, across the elements: a
 * space is kept before an element rather than inside it, and never doubled on either side. */
struct toks rp_xliff_normalize(struct rp_arena *arena, const struct toks *in)
{
    struct toks out = {0};
    struct rp_textbuf run = {0};
    bool begun = false, last_space = false, pending = false;
    for (size_t i = 0; i < in->n; i++) {
        const struct tok *t = &in->v[i];
        if (t->kind == TOK_TEXT) {
            for (const char *s = t->text; *s; s++) {
                if (rp_xliff_is_space(*s)) {
                    pending |= begun && !last_space;
                    continue;
                }
                if (pending)
                    rp_textbuf_add(&run, " ", 1);
                pending = last_space = false;
                begun = true;
                rp_textbuf_add(&run, s, 1);
            }
            continue;
        }
        if (pending) {
            rp_textbuf_add(&run, " ", 1);
            pending = false;
            last_space = true;
        }
        if (run.n)
            toks_add(arena, &out,
                     (struct tok){TOK_TEXT, rp_xliff_buf_keep(arena, &run), NULL, NULL, NULL});
        toks_add(arena, &out, *t);
        begun |= t->kind != TOK_OPEN;
    }
    if (run.n)
        toks_add(arena, &out,
                 (struct tok){TOK_TEXT, rp_xliff_buf_keep(arena, &run), NULL, NULL, NULL});
    free(run.p);
    return out;
}

/* The tokens as XLIFF inline content: what is compared, and what error messages quote. */
char *rp_xliff_canonical(const struct toks *t)
{
    struct rp_textbuf b = {0};
    rp_xliff_buf_str(&b, "");
    for (size_t i = 0; i < t->n; i++) {
        const struct tok *k = &t->v[i];
        if (k->kind == TOK_TEXT) {
            rp_xliff_escape_text(&b, k->text);
        } else if (k->kind == TOK_CLOSE) {
            rp_xliff_buf_str(&b, "</g>");
        } else {
            rp_xliff_buf_str(&b, k->kind == TOK_OPEN ? "<g id=\"" : "<x id=\"");
            rp_xliff_escape_attr(&b, k->id);
            rp_xliff_buf_str(&b, "\" ctype=\"");
            rp_xliff_escape_attr(&b, k->ctype);
            rp_xliff_buf_str(&b, k->kind == TOK_OPEN ? "\">" : "\"/>");
        }
    }
    return b.p;
}

bool rp_xliff_toks_empty(const struct toks *t)
{
    return t->n == 0;
}

/* The ids of a translation's inline elements, taken from its source: the i-th element of a
 * ctype in the translation is the i-th of that ctype in the source; one the source lacks gets
 * a number after the source's. */
void rp_xliff_assign_ids(struct rp_arena *arena, const struct toks *source, struct toks *target)
{
    long fresh = 0;
    for (size_t i = 0; i < source->n; i++)
        if (source->v[i].kind == TOK_OPEN || source->v[i].kind == TOK_EMPTY) {
            long id = strtol(source->v[i].id, NULL, 10);
            fresh = id > fresh ? id : fresh;
        }
    for (size_t i = 0; i < target->n; i++) {
        struct tok *t = &target->v[i];
        if (t->kind != TOK_OPEN && t->kind != TOK_EMPTY)
            continue;
        size_t nth = 0;
        for (size_t j = 0; j < i; j++)
            nth += (target->v[j].kind == TOK_OPEN || target->v[j].kind == TOK_EMPTY) &&
                   strcmp(target->v[j].ctype, t->ctype) == 0;
        const char *id = NULL;
        for (size_t j = 0; j < source->n && !id; j++) {
            const struct tok *s = &source->v[j];
            if ((s->kind == TOK_OPEN || s->kind == TOK_EMPTY) && strcmp(s->ctype, t->ctype) == 0 &&
                nth-- == 0)
                id = s->id;
        }
        t->id = id ? id : rp_arena_printf(arena, "%ld", ++fresh);
    }
}
