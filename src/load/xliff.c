/* XLIFF 1.2 export and import of a model's texts (see xliff.h and docs/translation.md).
 *
 * Both directions see a text as a list of tokens: runs of characters, and the opening, the
 * closing or the whole of an inline element. The model's inline elements and XLIFF's g/x
 * elements map one to one through the table MARKUP, numbered in document order per text, so
 * the two sides compare token by token. Whitespace is collapsed the same way on both sides
 * before any comparison, so that neither a model's indentation nor a tool's reflowing counts
 * as a change.
 *
 * The import never serialises a parsed model: it splices the new texts into the model's own
 * bytes at the offsets texts.c found, so that everything else stays byte for byte. */
#define _POSIX_C_SOURCE 200809L
#include "load/xliff.h"

#include "load/load.h"
#include "load/xml.h"
#include "model/model.h"
#include "util/arena.h"
#include "util/atomic.h"
#include "util/file.h"
#include "util/fmt.h"

#include <errno.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The XLIFF files rapport reads are its own exports after a tool's round: the model's limit
 * (load_xml.c) is ample. */
#define XLIFF_MAX_INPUT_BYTES (256L * 1024 * 1024)

/* Model inline elements and the ctype of the XLIFF element that stands for each. */
static const struct {
    const char *element, *ctype;
} MARKUP[] = {
    {"em", "italic"},
    {"strong", "bold"},
    {"sup", "x-sup"},
    {"link", "x-link"},
    {"placeholder", "x-placeholder"},
};

static const char *ctype_of(const char *element)
{
    for (size_t i = 0; i < sizeof MARKUP / sizeof *MARKUP; i++)
        if (strcmp(MARKUP[i].element, element) == 0)
            return MARKUP[i].ctype;
    return NULL;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* ---------------------------------------------------------------- growable text */

struct buf {
    char *p;
    size_t n, cap;
};

static void buf_add(struct buf *b, const char *s, size_t len)
{
    if (b->n + len + 1 > b->cap) {
        b->cap = (b->n + len + 1) * 2;
        b->p = rp_xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static const char *buf_keep(struct rp_arena *arena, struct buf *b)
{
    const char *s = rp_arena_strndup(arena, b->p ? b->p : "", b->n);
    free(b->p);
    memset(b, 0, sizeof *b);
    return s;
}

static void escape_text(struct buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '&')
            buf_str(b, "&amp;");
        else if (*s == '<')
            buf_str(b, "&lt;");
        else if (*s == '>')
            buf_str(b, "&gt;");
        else
            buf_add(b, s, 1);
    }
}

static void escape_attr(struct buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '&')
            buf_str(b, "&amp;");
        else if (*s == '<')
            buf_str(b, "&lt;");
        else if (*s == '"')
            buf_str(b, "&quot;");
        else if (*s == '\t')
            buf_str(b, "&#9;");
        else if (*s == '\n')
            buf_str(b, "&#10;");
        else if (*s == '\r')
            buf_str(b, "&#13;");
        else
            buf_add(b, s, 1);
    }
}

/* ---------------------------------------------------------------- tokens */

enum tok_kind { TOK_TEXT, TOK_OPEN, TOK_CLOSE, TOK_EMPTY };

struct tok {
    enum tok_kind kind;
    const char *text;            /* TOK_TEXT */
    const char *id, *ctype;      /* TOK_OPEN, TOK_EMPTY */
    const struct rp_xnode *node; /* the model's element of TOK_OPEN and TOK_EMPTY */
};

struct toks {
    struct tok *v;
    size_t n, cap;
};

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
static void model_toks(struct rp_arena *arena, const struct rp_xnode *node, struct toks *t,
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
            model_toks(arena, c, t, next);
            continue;
        }
        const char *id = rp_arena_printf(arena, "%ld", (*next)++);
        if (c->child_count == 0) {
            toks_add(arena, t, (struct tok){TOK_EMPTY, NULL, id, ctype, c});
        } else {
            toks_add(arena, t, (struct tok){TOK_OPEN, NULL, id, ctype, c});
            model_toks(arena, c, t, next);
            toks_add(arena, t, (struct tok){TOK_CLOSE, NULL, NULL, NULL, c});
        }
    }
}

/* An XLIFF <source> or <target>'s tokens. <mrk> (a tool's annotation) is read through; any
 * other element is refused with a located error. */
static bool xliff_toks(struct rp_arena *arena, const struct rp_xnode *node, struct toks *t,
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
            ok &= xliff_toks(arena, c, t, diags);
            toks_add(arena, t, (struct tok){TOK_CLOSE, NULL, NULL, NULL, NULL});
        } else if (strcmp(c->name, "x") == 0) {
            toks_add(arena, t,
                     (struct tok){TOK_EMPTY, NULL, id ? id : "", ctype ? ctype : "", NULL});
        } else if (strcmp(c->name, "mrk") == 0) {
            ok &= xliff_toks(arena, c, t, diags);
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
static struct toks normalize(struct rp_arena *arena, const struct toks *in)
{
    struct toks out = {0};
    struct buf run = {0};
    bool begun = false, last_space = false, pending = false;
    for (size_t i = 0; i < in->n; i++) {
        const struct tok *t = &in->v[i];
        if (t->kind == TOK_TEXT) {
            for (const char *s = t->text; *s; s++) {
                if (is_space(*s)) {
                    pending |= begun && !last_space;
                    continue;
                }
                if (pending)
                    buf_add(&run, " ", 1);
                pending = last_space = false;
                begun = true;
                buf_add(&run, s, 1);
            }
            continue;
        }
        if (pending) {
            buf_add(&run, " ", 1);
            pending = false;
            last_space = true;
        }
        if (run.n)
            toks_add(arena, &out, (struct tok){TOK_TEXT, buf_keep(arena, &run), NULL, NULL, NULL});
        toks_add(arena, &out, *t);
        begun |= t->kind != TOK_OPEN;
    }
    if (run.n)
        toks_add(arena, &out, (struct tok){TOK_TEXT, buf_keep(arena, &run), NULL, NULL, NULL});
    free(run.p);
    return out;
}

/* The tokens as XLIFF inline content: what is compared, and what error messages quote. */
static char *canonical(const struct toks *t)
{
    struct buf b = {0};
    buf_str(&b, "");
    for (size_t i = 0; i < t->n; i++) {
        const struct tok *k = &t->v[i];
        if (k->kind == TOK_TEXT) {
            escape_text(&b, k->text);
        } else if (k->kind == TOK_CLOSE) {
            buf_str(&b, "</g>");
        } else {
            buf_str(&b, k->kind == TOK_OPEN ? "<g id=\"" : "<x id=\"");
            escape_attr(&b, k->id);
            buf_str(&b, "\" ctype=\"");
            escape_attr(&b, k->ctype);
            buf_str(&b, k->kind == TOK_OPEN ? "\">" : "\"/>");
        }
    }
    return b.p;
}

static bool toks_empty(const struct toks *t)
{
    return t->n == 0;
}

/* The ids of a translation's inline elements, taken from its source: the i-th element of a
 * ctype in the translation is the i-th of that ctype in the source; one the source lacks gets
 * a number after the source's. */
static void assign_ids(struct rp_arena *arena, const struct toks *source, struct toks *target)
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

/* ---------------------------------------------------------------- export */

struct writer {
    xmlTextWriterPtr w;
    bool failed;
};

static void wcheck(struct writer *w, int rc)
{
    w->failed |= rc < 0;
}

static void wspace(struct writer *w, const char *s)
{
    wcheck(w, xmlTextWriterWriteString(w->w, BAD_CAST s));
}

static void wstart(struct writer *w, const char *name)
{
    wcheck(w, xmlTextWriterStartElement(w->w, BAD_CAST name));
}

static void wattr(struct writer *w, const char *name, const char *value)
{
    wcheck(w, xmlTextWriterWriteAttribute(w->w, BAD_CAST name, BAD_CAST value));
}

static void wtoks(struct writer *w, const struct toks *t)
{
    for (size_t i = 0; i < t->n; i++) {
        const struct tok *k = &t->v[i];
        switch (k->kind) {
        case TOK_TEXT:
            wcheck(w, xmlTextWriterWriteString(w->w, BAD_CAST k->text));
            break;
        case TOK_OPEN:
        case TOK_EMPTY:
            wstart(w, k->kind == TOK_OPEN ? "g" : "x");
            wattr(w, "id", k->id);
            wattr(w, "ctype", k->ctype);
            if (k->kind == TOK_EMPTY)
                wcheck(w, xmlTextWriterEndElement(w->w));
            break;
        case TOK_CLOSE:
            wcheck(w, xmlTextWriterFullEndElement(w->w));
            break;
        }
    }
}

static void write_unit(struct writer *w, struct rp_arena *arena, const struct rp_text_file *f,
                       const struct rp_text_unit *u)
{
    long next = 1;
    struct toks raw = {0};
    model_toks(arena, u->elem->node, &raw, &next);
    struct toks source = normalize(arena, &raw);
    wspace(w, "\n      ");
    wstart(w, "trans-unit");
    wattr(w, "id", u->key);
    if (u->has_variant)
        wattr(w, "approved", "yes");
    wspace(w, "\n        ");
    wstart(w, "source");
    wtoks(w, &source);
    wcheck(w, xmlTextWriterFullEndElement(w->w));
    if (u->has_variant) {
        struct toks vraw = {0};
        long vnext = 1;
        model_toks(arena, u->variant->node, &vraw, &vnext);
        struct toks target = normalize(arena, &vraw);
        assign_ids(arena, &source, &target);
        wspace(w, "\n        ");
        wstart(w, "target");
        wattr(w, "state", "translated");
        wtoks(w, &target);
        wcheck(w, xmlTextWriterFullEndElement(w->w));
    }
    wspace(w, "\n        ");
    wstart(w, "note");
    wattr(w, "from", "developer");
    wspace(w, rp_arena_printf(arena, "%s:%ld:%ld, %s", f->path, u->line, u->col, u->where));
    wcheck(w, xmlTextWriterEndElement(w->w));
    wspace(w, "\n      ");
    wcheck(w, xmlTextWriterEndElement(w->w));
}

int rp_xliff_write(const struct rp_text_file *files, size_t count, char **data, size_t *size)
{
    *data = NULL;
    *size = 0;
    xmlBufferPtr buffer = xmlBufferCreate();
    struct writer w = {buffer ? xmlNewTextWriterMemory(buffer, 0) : NULL, false};
    if (!w.w) {
        xmlBufferFree(buffer);
        return -1;
    }
    struct rp_arena *arena = rp_arena_new();
    wcheck(&w, xmlTextWriterStartDocument(w.w, "1.0", "UTF-8", NULL));
    wstart(&w, "xliff");
    wattr(&w, "xmlns", RP_XLIFF_NS);
    wattr(&w, "version", "1.2");
    for (size_t i = 0; i < count; i++) {
        const struct rp_text_file *f = &files[i];
        wspace(&w, "\n  ");
        wstart(&w, "file");
        wattr(&w, "original", f->path);
        wattr(&w, "source-language", f->source_lang);
        wattr(&w, "target-language", f->lang);
        wattr(&w, "datatype", "xml");
        wspace(&w, "\n    ");
        wstart(&w, "body");
        for (size_t k = 0; k < f->count; k++)
            write_unit(&w, arena, f, &f->units[k]);
        wspace(&w, "\n    ");
        wcheck(&w, xmlTextWriterFullEndElement(w.w));
        wspace(&w, "\n  ");
        wcheck(&w, xmlTextWriterEndElement(w.w));
    }
    wspace(&w, "\n");
    wcheck(&w, xmlTextWriterEndElement(w.w));
    wcheck(&w, xmlTextWriterEndDocument(w.w));
    xmlFreeTextWriter(w.w); /* flushes into the buffer */
    rp_arena_free(arena);
    if (!w.failed) { /* the writer ends the document without a line end */
        size_t n = (size_t)xmlBufferLength(buffer);
        *data = rp_xmalloc(n + 2);
        memcpy(*data, xmlBufferContent(buffer), n);
        if (n == 0 || (*data)[n - 1] != '\n')
            (*data)[n++] = '\n';
        (*data)[n] = '\0';
        *size = n;
    }
    xmlBufferFree(buffer);
    return w.failed ? -1 : 0;
}

static int write_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

int rp_xliff_export(const char *const *paths, size_t count, const char *lang, const char *out,
                    struct rp_diags *diags)
{
    struct rp_arena *arena = rp_arena_new();
    struct rp_text_file *files = rp_arena_array(arena, count, sizeof *files);
    size_t errors_before = diags->errors;
    for (size_t i = 0; i < count; i++) {
        if (rp_text_file_read(paths[i], lang, arena, diags, &files[i]) != 0)
            continue;
        if (strcmp(files[i].source_lang, files[i].lang) == 0)
            rp_diag_add(diags, RP_ERROR, paths[i], 0, 0,
                        "its texts are written in '%s' already: nothing to translate",
                        files[i].lang);
    }
    int status = -1;
    char *data = NULL;
    size_t size = 0;
    if (diags->errors != errors_before) {
        /* nothing written */
    } else if (rp_xliff_write(files, count, &data, &size) != 0) {
        rp_diag_add(diags, RP_ERROR, out, 0, 0, "the XLIFF document could not be written");
    } else if (strcmp(out, "-") == 0) {
        status = write_all(STDOUT_FILENO, data, size);
        if (status != 0)
            rp_diag_add(diags, RP_ERROR, NULL, 0, 0, "standard output: %s", strerror(errno));
    } else if (rp_atomic_write(out, data, size) != 0) {
        rp_diag_add(diags, RP_ERROR, out, 0, 0, "cannot write: %s", rp_atomic_strerror(errno));
    } else {
        status = 0;
    }
    free(data);
    rp_arena_free(arena);
    return status;
}

/* ---------------------------------------------------------------- import: reading */

struct xunit {
    const struct rp_xnode *node, *source, *target;
    const char *id;
};

struct xfile {
    const struct rp_xnode *node;
    const char *original, *source_lang, *target_lang;
    struct xunit *units;
    size_t count, cap;
};

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
 * emphasis directly inside a link. Every problem is an error located at the <target>. */
static bool check_markup(const struct toks *src, const struct toks *tgt, const struct rp_xnode *at,
                         const char *key, struct rp_diags *diags)
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
        if (parent && strcmp(parent, "x-placeholder") == 0)
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
static void resolve(struct toks *tgt, const struct toks *src, const struct toks *variant)
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

static void add_attrs(struct buf *b, const struct rp_xnode *node, bool keep_lang)
{
    for (size_t i = 0; i < node->attr_count; i++) {
        if (!keep_lang && strcmp(node->attrs[2 * i], "xml:lang") == 0)
            continue;
        buf_str(b, " ");
        buf_str(b, node->attrs[2 * i]);
        buf_str(b, "=\"");
        escape_attr(b, node->attrs[2 * i + 1]);
        buf_str(b, "\"");
    }
}

/* The model's markup for tokens whose elements are known. */
static const char *markup_of(struct rp_arena *arena, const struct toks *t)
{
    struct buf b = {0};
    buf_str(&b, "");
    const struct rp_xnode *stack[64];
    size_t depth = 0;
    for (size_t i = 0; i < t->n; i++) {
        const struct tok *k = &t->v[i];
        if (k->kind == TOK_TEXT) {
            escape_text(&b, k->text);
        } else if (k->kind == TOK_CLOSE) {
            if (depth) {
                buf_str(&b, "</");
                buf_str(&b, stack[--depth]->name);
                buf_str(&b, ">");
            }
        } else if (k->node) {
            buf_str(&b, "<");
            buf_str(&b, k->node->name);
            add_attrs(&b, k->node, true);
            buf_str(&b, k->kind == TOK_EMPTY ? "/>" : ">");
            if (k->kind == TOK_OPEN && depth < sizeof stack / sizeof *stack)
                stack[depth++] = k->node;
        }
    }
    return buf_keep(arena, &b);
}

/* ---------------------------------------------------------------- import: one model */

struct accepted {
    const struct rp_text_unit *unit;
    const struct xunit *x;
    const char *markup;
};

struct edit {
    size_t start, end, seq;
    const char *text;
};

struct placed {
    const char *key;
    size_t offset;
};

/* A copy of a container carrying its language (<list xml:lang="nl">) being made for the
 * translations of its items. */
struct new_list {
    const struct rp_text_elem *holder;
    size_t offset, seq, items;
    struct buf text;
};

struct plan {
    struct rp_arena *arena;
    struct rp_diags *diags;
    const struct rp_text_file *f;
    const char *lang;
    struct edit *edits;
    size_t edit_count, edit_cap;
    struct placed *placed;
    size_t placed_count, placed_cap;
    struct new_list *lists;
    size_t list_count, list_cap;
    size_t seq;
    bool failed;
};

static void add_edit(struct plan *p, size_t start, size_t end, size_t seq, const char *text)
{
    if (p->edit_count == p->edit_cap) {
        p->edit_cap = p->edit_cap ? p->edit_cap * 2 : 32;
        p->edits = rp_xrealloc(p->edits, p->edit_cap * sizeof *p->edits);
    }
    p->edits[p->edit_count++] = (struct edit){start, end, seq, text};
}

static void add_placed(struct plan *p, const char *key, size_t offset)
{
    if (p->placed_count == p->placed_cap) {
        p->placed_cap = p->placed_cap ? p->placed_cap * 2 : 32;
        p->placed = rp_xrealloc(p->placed, p->placed_cap * sizeof *p->placed);
    }
    p->placed[p->placed_count++] = (struct placed){key, offset};
}

/* Where a text added in this import was put; the latest first, as it is the one asked. */
static const struct placed *find_placed(const struct plan *p, const char *key)
{
    for (size_t i = p->placed_count; i-- > 0;)
        if (strcmp(p->placed[i].key, key) == 0)
            return &p->placed[i];
    return NULL;
}

static struct new_list *find_list(struct plan *p, const char *key)
{
    for (size_t i = 0; i < p->list_count; i++)
        if (strcmp(p->lists[i].holder->key, key) == 0)
            return &p->lists[i];
    return NULL;
}

static const struct rp_text_elem *find_text(const struct plan *p, const char *key, bool container)
{
    const struct rp_text_elem *e = rp_text_file_find(p->f, key, p->lang);
    return e && e->container == container ? e : NULL;
}

/* `<name xml:lang="L" ...>markup</name>`, the source's other attributes kept in their order. */
static const char *new_element(struct plan *p, const struct rp_text_elem *e, const char *markup,
                               bool with_lang)
{
    struct buf b = {0};
    buf_str(&b, "<");
    buf_str(&b, e->name);
    if (with_lang) {
        buf_str(&b, " xml:lang=\"");
        escape_attr(&b, p->lang);
        buf_str(&b, "\"");
    }
    add_attrs(&b, e->node, false);
    buf_str(&b, ">");
    buf_str(&b, markup);
    buf_str(&b, "</");
    buf_str(&b, e->name);
    buf_str(&b, ">");
    return buf_keep(p->arena, &b);
}

static void plan_error(struct plan *p, const struct accepted *a, const char *what)
{
    const struct rp_xnode *at = a->x->target;
    rp_diag_add(p->diags, RP_ERROR, at->loc.file, at->loc.line, at->loc.col, "unit '%s': %s",
                a->unit->key, what);
    p->failed = true;
}

/* The offset after the translation that must precede a new one: the text of the same name
 * and language with the previous index, in the model or added in this import. */
static bool after_previous(struct plan *p, const struct accepted *a, const char *prev_key,
                           bool container, size_t *offset)
{
    const struct rp_text_elem *prev = find_text(p, prev_key, container);
    if (prev) {
        *offset = prev->span.end > *offset ? prev->span.end : *offset;
        return true;
    }
    const struct placed *placed = container ? NULL : find_placed(p, prev_key);
    const struct new_list *list = container ? find_list(p, prev_key) : NULL;
    if (placed || list) {
        size_t at = placed ? placed->offset : list->offset;
        *offset = at > *offset ? at : *offset;
        return true;
    }
    plan_error(p, a,
               rp_arena_printf(p->arena,
                               "its '%s' translation would pair with another text: '%s' has "
                               "no '%s' translation in the model or in this file",
                               p->lang, prev_key, p->lang));
    return false;
}

/* The start tag of a container with its xml:lang set to the target language, added after its
 * name when it has none; the rest of the tag as it is written. */
static void copy_start_tag(struct plan *p, const struct rp_text_elem *h, struct buf *b)
{
    const char *tag = p->f->data + h->span.start, *end = p->f->data + h->span.open_end;
    const char *at = NULL;
    for (const char *s = tag; s + 8 <= end && !at; s++)
        if (memcmp(s, "xml:lang", 8) == 0)
            at = s + 8;
    while (at && at < end && *at != '"' && *at != '\'')
        at++;
    const char *close = at && at < end ? memchr(at + 1, *at, (size_t)(end - at - 1)) : NULL;
    if (close) {
        buf_add(b, tag, (size_t)(at + 1 - tag));
        escape_attr(b, p->lang);
        buf_add(b, close, (size_t)(end - close));
        return;
    }
    size_t name = 1 + strlen(h->name);
    buf_add(b, tag, name);
    buf_str(b, " xml:lang=\"");
    escape_attr(b, p->lang);
    buf_str(b, "\"");
    buf_add(b, tag + name, (size_t)(end - tag) - name);
}

/* The whitespace before a container's end tag, from the start of its line. */
static void closing_indent(const struct rp_text_file *f, const struct rp_text_elem *h,
                           struct buf *b)
{
    size_t e = h->span.close_start, s = e;
    while (s > h->span.open_end && is_space(f->data[s - 1]) && f->data[s - 1] != '\n')
        s--;
    if (s > h->span.open_end && f->data[s - 1] == '\n')
        s--;
    if (s > h->span.open_end && f->data[s] == '\n' && f->data[s - 1] == '\r')
        s--;
    buf_add(b, f->data + s, e - s);
}

static void plan_unit(struct plan *p, const struct accepted *a)
{
    const struct rp_text_unit *u = a->unit;
    const struct rp_text_elem *e = u->elem;
    if (u->variant_exists) {
        const struct rp_text_elem *v = u->variant;
        const char *d = p->f->data;
        if (v->span.close_start == v->span.open_end && v->span.open_end >= 2 &&
            d[v->span.open_end - 2] == '/') { /* <title xml:lang="nl"/> */
            size_t n = v->span.open_end - 2 - v->span.start;
            while (n > 0 && is_space(d[v->span.start + n - 1]))
                n--;
            add_edit(p, v->span.start, v->span.end, p->seq++,
                     rp_arena_printf(p->arena, "%.*s>%s</%s>", (int)n, d + v->span.start, a->markup,
                                     v->name));
        } else {
            add_edit(p, v->span.open_end, v->span.close_start, p->seq++, a->markup);
        }
        return;
    }
    const struct rp_text_elem *h = e->holder;
    if (!h) { /* beside the source, after the translation of the previous one */
        size_t offset = e->span.end;
        if (e->prev_key && !after_previous(p, a, e->prev_key, false, &offset))
            return;
        add_edit(p, offset, offset, p->seq++,
                 rp_arena_printf(p->arena, "%s%s", e->indent, new_element(p, e, a->markup, true)));
        add_placed(p, e->key, offset);
        return;
    }
    if (find_text(p, h->key, true)) { /* into the container's existing copy */
        size_t offset = 0;
        if (!e->prev_key) {
            plan_error(
                p, a,
                rp_arena_printf(p->arena, "the '%s' copy of its list has no first item", p->lang));
            return;
        }
        if (!after_previous(p, a, e->prev_key, false, &offset))
            return;
        add_edit(p, offset, offset, p->seq++,
                 rp_arena_printf(p->arena, "%s%s", e->indent, new_element(p, e, a->markup, false)));
        add_placed(p, e->key, offset);
        return;
    }
    struct new_list *list = find_list(p, h->key);
    if (!list) { /* a copy of the container after it, holding the translated items */
        size_t offset = h->span.end;
        if (h->prev_key && !after_previous(p, a, h->prev_key, true, &offset))
            return;
        if (p->list_count == p->list_cap) {
            p->list_cap = p->list_cap ? p->list_cap * 2 : 8;
            p->lists = rp_xrealloc(p->lists, p->list_cap * sizeof *p->lists);
        }
        list = &p->lists[p->list_count++];
        *list = (struct new_list){h, offset, p->seq++, 0, {0}};
    }
    if (e->k != list->items + 1) {
        plan_error(p, a,
                   rp_arena_printf(p->arena,
                                   "item %zu cannot open the '%s' copy of its list (line %ld): "
                                   "the items before it have no translation in this file",
                                   e->k, p->lang, h->line));
        return;
    }
    buf_str(&list->text, e->indent);
    buf_str(&list->text, new_element(p, e, a->markup, false));
    list->items++;
}

static int compare_edits(const void *a, const void *b)
{
    const struct edit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    bool xi = x->start == x->end, yi = y->start == y->end; /* insertions first */
    if (xi != yi)
        return xi ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Applies the plan to the model's bytes. */
static bool apply(struct plan *p, char **out, size_t *out_size)
{
    for (size_t i = 0; i < p->list_count; i++) {
        struct new_list *l = &p->lists[i];
        if (!l->items)
            continue;
        struct buf b = {0};
        buf_str(&b, l->holder->indent);
        copy_start_tag(p, l->holder, &b);
        buf_add(&b, l->text.p, l->text.n);
        closing_indent(p->f, l->holder, &b);
        buf_str(&b, "</");
        buf_str(&b, l->holder->name);
        buf_str(&b, ">");
        add_edit(p, l->offset, l->offset, l->seq, buf_keep(p->arena, &b));
    }
    qsort(p->edits, p->edit_count, sizeof *p->edits, compare_edits);
    struct buf b = {0};
    buf_str(&b, "");
    size_t pos = 0;
    for (size_t i = 0; i < p->edit_count; i++) {
        const struct edit *e = &p->edits[i];
        if (e->start < pos) { /* two changes to one place: never planned so */
            free(b.p);
            return false;
        }
        buf_add(&b, p->f->data + pos, e->start - pos);
        buf_str(&b, e->text);
        pos = e->end;
    }
    buf_add(&b, p->f->data + pos, p->f->size - pos);
    *out = b.p;
    *out_size = b.n;
    return true;
}

static int compare_accepted(const void *a, const void *b)
{
    const struct accepted *x = a, *y = b;
    return (x->unit > y->unit) - (x->unit < y->unit);
}

static void merge_model(struct rp_xliff_model *m, const struct xfile *xf, struct rp_diags *diags)
{
    struct rp_arena *arena = rp_arena_new();
    size_t errors_before = diags->errors;
    struct rp_text_file tf;
    const struct rp_xnode *at = xf->node;
    int rc = m->data
                 ? rp_text_file_read_memory(m->data, m->size, m->path, m->lang, arena, diags, &tf)
                 : rp_text_file_read(m->path, m->lang, arena, diags, &tf);
    if (rc != 0) {
        rp_diag_add(diags, RP_ERROR, at->loc.file, at->loc.line, at->loc.col,
                    "the model '%s' cannot be read: nothing imported into it", m->path);
        m->refused = true;
        rp_arena_free(arena);
        return;
    }
    if (xf->source_lang && !rp_lang_same(xf->source_lang, tf.source_lang))
        rp_diag_add(diags, RP_ERROR, at->loc.file, at->loc.line, at->loc.col,
                    "source-language '%s', but '%s' is written in '%s'", xf->source_lang, m->path,
                    tf.source_lang);
    if (strcmp(tf.source_lang, tf.lang) == 0)
        rp_diag_add(diags, RP_ERROR, at->loc.file, at->loc.line, at->loc.col,
                    "target-language '%s' is the language of '%s' itself", tf.lang, m->path);
    if (!tf.spans_ok)
        rp_diag_add(diags, RP_ERROR, at->loc.file, at->loc.line, at->loc.col,
                    "'%s' cannot be changed in place: it is not encoded in UTF-8", m->path);

    const struct xunit **taken = rp_arena_array(arena, tf.count ? tf.count : 1, sizeof *taken);
    struct accepted *acc = rp_arena_array(arena, xf->count ? xf->count : 1, sizeof *acc);
    size_t acc_count = 0;
    for (size_t i = 0; i < xf->count; i++) {
        const struct xunit *x = &xf->units[i];
        const struct rp_xnode *n = x->node;
        const char *translate = rp_xnode_attr(n, "translate");
        if (translate && strcmp(translate, "no") == 0)
            continue; /* a tool marked it as not to be translated */
        const struct rp_text_unit *u = x->id ? rp_text_file_unit(&tf, x->id) : NULL;
        if (!u) {
            rp_diag_add(diags, RP_ERROR, n->loc.file, n->loc.line, n->loc.col,
                        "unit '%s' is unknown in '%s': no text of it has that key",
                        x->id ? x->id : "", m->path);
            continue;
        }
        size_t idx = (size_t)(u - tf.units);
        if (taken[idx]) {
            rp_diag_add(diags, RP_ERROR, n->loc.file, n->loc.line, n->loc.col,
                        "unit '%s' is given twice (first at line %ld)", x->id,
                        taken[idx]->node->loc.line);
            continue;
        }
        taken[idx] = x;
        long next = 1;
        struct toks raw = {0}, xraw = {0};
        model_toks(arena, u->elem->node, &raw, &next);
        struct toks src = normalize(arena, &raw);
        if (!x->source) {
            rp_diag_add(diags, RP_ERROR, n->loc.file, n->loc.line, n->loc.col,
                        "unit '%s' has no <source>", x->id);
            continue;
        }
        if (!xliff_toks(arena, x->source, &xraw, diags))
            continue;
        struct toks xsrc = normalize(arena, &xraw);
        char *a = canonical(&src), *b = canonical(&xsrc);
        bool same = strcmp(a, b) == 0;
        free(a);
        free(b);
        if (!same) {
            rp_diag_add(diags, RP_ERROR, x->source->loc.file, x->source->loc.line,
                        x->source->loc.col,
                        "unit '%s': the source is no longer the text of %s:%ld:%ld, which "
                        "changed since the export; it now reads \"%s\"",
                        x->id, m->path, u->line, u->col, rp_text_excerpt(arena, u->plain, 60));
            continue;
        }
        struct toks traw = {0};
        if (!x->target || !xliff_toks(arena, x->target, &traw, diags)) {
            m->untranslated += !x->target;
            continue;
        }
        struct toks tgt = normalize(arena, &traw);
        if (toks_empty(&tgt)) {
            m->untranslated++;
            continue;
        }
        if (!check_markup(&src, &tgt, x->target, x->id, diags))
            continue;
        struct toks variant = {0};
        if (u->variant_exists) {
            struct toks vraw = {0};
            long vnext = 1;
            model_toks(arena, u->variant->node, &vraw, &vnext);
            variant = normalize(arena, &vraw);
            assign_ids(arena, &src, &variant);
        }
        resolve(&tgt, &src, u->variant_exists ? &variant : NULL);
        const char *markup = markup_of(arena, &tgt);
        if (u->variant_exists && strcmp(markup, markup_of(arena, &variant)) == 0) {
            m->same++;
            continue;
        }
        acc[acc_count++] = (struct accepted){u, x, markup};
    }

    if (diags->errors == errors_before) {
        qsort(acc, acc_count, sizeof *acc, compare_accepted);
        struct plan p = {.arena = arena, .diags = diags, .f = &tf, .lang = tf.lang};
        for (size_t i = 0; i < acc_count; i++) {
            plan_unit(&p, &acc[i]);
            if (!acc[i].unit->variant_exists && !p.failed)
                m->added++;
            else if (!p.failed)
                m->replaced++;
        }
        char *out = NULL;
        size_t out_size = 0;
        if (!p.failed && !apply(&p, &out, &out_size))
            rp_diag_add(diags, RP_ERROR, m->path, 0, 0,
                        "internal error: two changes planned at one place; nothing imported");
        if (diags->errors == errors_before && out &&
            (out_size != tf.size || memcmp(out, tf.data, out_size) != 0)) {
            m->result = out;
            m->result_size = out_size;
        } else {
            free(out);
        }
        for (size_t i = 0; i < p.list_count; i++)
            free(p.lists[i].text.p);
        free(p.lists);
        free(p.edits);
        free(p.placed);
    }
    if (diags->errors != errors_before) {
        m->refused = true;
        m->added = m->replaced = 0;
    }
    rp_arena_free(arena);
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
            merge_model(m, &xf, diags);
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
    if (write_all(a.fd, m->result, m->result_size) != 0) {
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
    rp_file_read(xlf_path, (size_t)XLIFF_MAX_INPUT_BYTES, &x);
    if (!x.data) {
        char why[256];
        rp_diag_add(diags, RP_ERROR, xlf_path, 0, 0, "%s",
                    rp_file_read_why(&x, (size_t)XLIFF_MAX_INPUT_BYTES, why, sizeof why));
        return -1;
    }
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
