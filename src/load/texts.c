/* The translatable texts of a model file: units, keys and language variants (see texts.h).
 *
 * The file goes through the loader's reader (rp_xml_read_memory: its safety, its schema); the
 * element tree it gives is then matched, element by element in document order, with a scan of
 * the file's own bytes, so that an import can rewrite one text and leave every other byte of
 * the file as it was. */
#include "load/texts.h"

#include "load/xml.h"
#include "util/arena.h"
#include "util/file.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Every element of the schema's `inline` type or an extension of it, but em, strong and sup
 * (which only occur inside another text, as footnote does with a type of its own). The one
 * list: keep it in step with schema/rapport.xsd (tests/unit/test_texts.c compares them).
 * Sorted. */
const char *const rp_text_element_names[] = {
    "abbr",          "audience",      "body",          "caption",       "channel",
    "client",        "comment",       "condition",     "definition",    "description",
    "expansion",     "explanation",   "item",          "justification", "label",
    "lead",          "material",      "message",       "name",          "note",
    "output",        "p",             "place",         "responsible",   "role",
    "short-name",    "signed-by",     "slogan",        "sub-process",   "target-group",
    "teaser",        "term",          "text",          "threat",        "timing",
    "title",         "trigger",       "weakness",
};
const size_t rp_text_element_count = sizeof rp_text_element_names / sizeof *rp_text_element_names;

/* Elements that are not texts but may carry xml:lang for the texts they hold. */
const char *const rp_text_container_names[] = {"list"};
const size_t rp_text_container_count =
    sizeof rp_text_container_names / sizeof *rp_text_container_names;

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool rp_is_text_element(const char *name)
{
    return name && bsearch(&name, rp_text_element_names, rp_text_element_count,
                           sizeof *rp_text_element_names, compare_names) != NULL;
}

bool rp_is_text_container(const char *name)
{
    for (size_t i = 0; name && i < rp_text_container_count; i++)
        if (strcmp(name, rp_text_container_names[i]) == 0)
            return true;
    return false;
}

/* ---------------------------------------------------------------- the file's bytes */

/* One element found in the bytes: where it is and where its name is. */
struct found {
    struct rp_text_span span;
    size_t name_off, name_len;
};

struct found_list {
    struct found *v;
    size_t n, cap;
};

static size_t find_str(const char *d, size_t n, size_t from, const char *s)
{
    size_t len = strlen(s);
    for (size_t i = from; i + len <= n; i++)
        if (memcmp(d + i, s, len) == 0)
            return i;
    return SIZE_MAX;
}

static bool starts_with(const char *d, size_t n, size_t at, const char *s)
{
    size_t len = strlen(s);
    return at + len <= n && memcmp(d + at, s, len) == 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Every element of a well-formed document without a DTD, in document order (the order of a
 * depth-first walk of its tree). Returns false when the bytes do not parse so, which the
 * caller takes as "not located" rather than as an error of the file. */
static bool scan_elements(const char *d, size_t n, struct found_list *out)
{
    size_t *stack = NULL, depth = 0, cap = 0;
    bool ok = true;
    size_t i = 0;
    while (ok && i < n) {
        if (d[i] != '<') {
            i++;
            continue;
        }
        size_t stop;
        if (starts_with(d, n, i, "<!--")) {
            stop = find_str(d, n, i + 4, "-->");
            ok = stop != SIZE_MAX;
            i = stop + 3;
        } else if (starts_with(d, n, i, "<![CDATA[")) {
            stop = find_str(d, n, i + 9, "]]>");
            ok = stop != SIZE_MAX;
            i = stop + 3;
        } else if (starts_with(d, n, i, "<?")) {
            stop = find_str(d, n, i + 2, "?>");
            ok = stop != SIZE_MAX;
            i = stop + 2;
        } else if (starts_with(d, n, i, "<!")) {
            ok = false; /* a DTD: the loader refuses it anyway */
        } else if (starts_with(d, n, i, "</")) {
            stop = find_str(d, n, i, ">");
            ok = stop != SIZE_MAX && depth > 0;
            if (ok) {
                struct found *f = &out->v[stack[--depth]];
                f->span.close_start = i;
                f->span.end = stop + 1;
            }
            i = stop + 1;
        } else {
            size_t j = i + 1;
            while (j < n && !is_space(d[j]) && d[j] != '>' && d[j] != '/')
                j++;
            size_t name_len = j - (i + 1);
            char quote = 0;
            for (; j < n; j++) {
                if (quote) {
                    quote = d[j] == quote ? 0 : quote;
                } else if (d[j] == '"' || d[j] == '\'') {
                    quote = d[j];
                } else if (d[j] == '>') {
                    break;
                }
            }
            ok = j < n && name_len > 0;
            if (!ok)
                break;
            if (out->n == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 256;
                out->v = rp_xrealloc(out->v, out->cap * sizeof *out->v);
            }
            struct found *f = &out->v[out->n];
            f->span.start = i;
            f->span.open_end = j + 1;
            f->name_off = i + 1;
            f->name_len = name_len;
            if (d[j - 1] == '/') { /* <name/>: no content, no end tag */
                f->span.close_start = f->span.end = j + 1;
            } else {
                if (depth == cap) {
                    cap = cap ? cap * 2 : 64;
                    stack = rp_xrealloc(stack, cap * sizeof *stack);
                }
                stack[depth++] = out->n;
            }
            out->n++;
            i = j + 1;
        }
    }
    free(stack);
    return ok && depth == 0;
}

/* Whether the file's bytes are UTF-8 (or its ASCII subset): the only encoding a rewrite
 * keeps, since the texts it inserts are UTF-8. */
static bool bytes_are_utf8(const char *d, size_t n)
{
    if (n >= 2 && (((unsigned char)d[0] == 0xFE && (unsigned char)d[1] == 0xFF) ||
                   ((unsigned char)d[0] == 0xFF && (unsigned char)d[1] == 0xFE)))
        return false;
    if (!starts_with(d, n, (n >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0, "<?xml"))
        return true;
    size_t end = find_str(d, n, 0, "?>");
    size_t enc = find_str(d, end == SIZE_MAX ? n : end, 0, "encoding");
    if (enc == SIZE_MAX)
        return true;
    size_t q = enc + 8;
    while (q < end && (is_space(d[q]) || d[q] == '='))
        q++;
    if (q >= end || (d[q] != '"' && d[q] != '\''))
        return false;
    return end - q > 6 && strncasecmp(d + q + 1, "UTF-8", 5) == 0 && d[q + 6] == d[q];
}

/* Line starts, for the line and column (in bytes, as the loader counts) of an offset. */
struct lines {
    size_t *starts;
    size_t count;
};

static void lines_build(struct lines *l, const char *d, size_t n)
{
    size_t count = 1;
    for (size_t i = 0; i < n; i++)
        count += d[i] == '\n';
    l->starts = rp_xmalloc(count * sizeof *l->starts);
    l->count = 0;
    l->starts[l->count++] = 0;
    for (size_t i = 0; i < n; i++)
        if (d[i] == '\n')
            l->starts[l->count++] = i + 1;
}

static void lines_locate(const struct lines *l, size_t off, long *line, long *col)
{
    size_t lo = 0, hi = l->count; /* the last start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = (long)lo + 1;
    *col = (long)(off - l->starts[lo]) + 1;
}

/* ---------------------------------------------------------------- plain text */

void rp_textbuf_add(struct rp_textbuf *b, const char *s, size_t len)
{
    if (b->n + len + 1 > b->cap) {
        b->cap = (b->n + len + 1) * 2;
        b->p = rp_xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

/* The words of a text, as the model's rp_text.plain has them: a footnote's are the note's,
 * not the sentence's. */
static void gather_text(const struct rp_xnode *node, struct rp_textbuf *b)
{
    for (size_t i = 0; i < node->child_count; i++) {
        const struct rp_xnode *c = &node->children[i];
        if (!c->name)
            rp_textbuf_add(b, c->text, strlen(c->text));
        else if (strcmp(c->name, "footnote") != 0)
            gather_text(c, b);
    }
}

/* Collapses runs of XML whitespace to one space and trims, in place. */
static void collapse(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (is_space(*r)) {
            if (w > s && w[-1] != ' ')
                *w++ = ' ';
        } else {
            *w++ = *r;
        }
    }
    while (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
}

static const char *plain_of(struct rp_arena *arena, const struct rp_xnode *node)
{
    struct rp_textbuf b = {0};
    rp_textbuf_add(&b, "", 0);
    gather_text(node, &b);
    collapse(b.p);
    const char *out = rp_arena_strdup(arena, b.p);
    free(b.p);
    return out;
}

const char *rp_text_excerpt(struct rp_arena *arena, const char *text, size_t max)
{
    char *s = rp_arena_strdup(arena, text ? text : "");
    collapse(s);
    size_t chars = 0;
    for (char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) == 0x80)
            continue; /* a continuation byte: the character began before */
        if (chars++ == max) {
            /* Cut at a space near the end, when there is one, rather than inside a word. */
            char *cut = p;
            for (char *q = p; q > s && p - q < 15; q--)
                if (q[-1] == ' ') {
                    cut = q - 1;
                    break;
                }
            *cut = '\0';
            return rp_arena_printf(arena, "%s\xe2\x80\xa6", s);
        }
    }
    return s;
}

/* ---------------------------------------------------------------- the walk */

struct walker {
    struct rp_arena *arena;
    struct rp_diags *diags;
    const char *file;
    const char *data;
    size_t size;
    struct found_list found;
    size_t next; /* the next element of `found` in document order */
    bool spans_ok;
    struct lines lines;
    struct rp_text_elem **elems; /* growable, each element allocated on its own */
    size_t count, cap;
};

/* What a walk passes down: the language, the key and description prefixes, the container
 * that carries the language of what it holds. */
struct scope {
    const char *lang;
    const char *prefix;
    const char *where;
    const struct rp_text_elem *holder;
};

/* The primary subtag, lower case: "nl-BE" gives "nl". Texts pair by it. */
static const char *lang_code(struct rp_arena *arena, const char *tag)
{
    size_t n = strcspn(tag, "-_");
    char *s = rp_arena_strndup(arena, tag, n);
    for (char *p = s; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return s;
}

static size_t count_elements(const struct rp_xnode *node)
{
    size_t n = 0;
    for (size_t i = 0; i < node->child_count; i++)
        if (node->children[i].name)
            n += 1 + count_elements(&node->children[i]);
    return n;
}

/* Takes the next element of the scan for `node`, checking it bears the same name. */
static const struct found *take_found(struct walker *w, const struct rp_xnode *node)
{
    if (!w->spans_ok)
        return NULL;
    if (w->next >= w->found.n) {
        w->spans_ok = false;
        return NULL;
    }
    const struct found *f = &w->found.v[w->next++];
    if (f->name_len != strlen(node->name) ||
        memcmp(w->data + f->name_off, node->name, f->name_len) != 0) {
        w->spans_ok = false;
        return NULL;
    }
    return f;
}

static const char *indent_before(struct walker *w, size_t start)
{
    size_t b = start;
    while (b > 0 && is_space(w->data[b - 1]) && w->data[b - 1] != '\n')
        b--;
    if (b > 0 && w->data[b - 1] == '\n')
        b--;
    if (b > 0 && w->data[b] == '\n' && w->data[b - 1] == '\r') /* CR LF line ends */
        b--;
    return rp_arena_strndup(w->arena, w->data + b, start - b);
}

/* The k of each element child of `node`: 1 + its preceding siblings of the same name and
 * language. Sorting makes it linear after n log n, whatever the number of siblings. */
struct sibling {
    const char *name, *lang;
    size_t pos, k;
};

static int compare_siblings(const void *a, const void *b)
{
    const struct sibling *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (!c)
        c = strcmp(x->lang, y->lang);
    return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

static int compare_pos(const void *a, const void *b)
{
    const struct sibling *x = a, *y = b;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

static void add_elem(struct walker *w, struct rp_text_elem *e)
{
    if (w->count == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 256;
        w->elems = rp_xrealloc(w->elems, w->cap * sizeof *w->elems);
    }
    w->elems[w->count++] = e;
}

static void walk(struct walker *w, const struct rp_xnode *node, const struct scope *sc)
{
    size_t n = 0;
    for (size_t i = 0; i < node->child_count; i++)
        n += node->children[i].name != NULL;
    struct sibling *sib = rp_xmalloc((n ? n : 1) * sizeof *sib);
    n = 0;
    for (size_t i = 0; i < node->child_count; i++) {
        const struct rp_xnode *c = &node->children[i];
        if (!c->name)
            continue;
        const char *own = rp_xnode_attr(c, "xml:lang");
        sib[n] = (struct sibling){c->name, own ? lang_code(w->arena, own) : sc->lang, i, 0};
        n++;
    }
    qsort(sib, n, sizeof *sib, compare_siblings);
    for (size_t i = 0; i < n; i++)
        sib[i].k = (i > 0 && strcmp(sib[i].name, sib[i - 1].name) == 0 &&
                    strcmp(sib[i].lang, sib[i - 1].lang) == 0)
                       ? sib[i - 1].k + 1
                       : 1;
    qsort(sib, n, sizeof *sib, compare_pos);

    for (size_t s = 0; s < n; s++) {
        const struct rp_xnode *c = &node->children[sib[s].pos];
        const struct found *f = take_found(w, c);
        bool text = rp_is_text_element(c->name);
        bool container = !text && rp_is_text_container(c->name);
        const char *key = rp_arena_printf(w->arena, "%s/%s[%zu]", sc->prefix, c->name, sib[s].k);
        const char *ref = rp_xnode_attr(c, "ref");
        const char *where = ref ? rp_arena_printf(w->arena, "%s, %s %s", sc->where, c->name, ref)
                                : rp_arena_printf(w->arena, "%s, %s", sc->where, c->name);
        struct rp_text_elem *e = NULL;
        if (text || container) {
            e = rp_arena_alloc(w->arena, sizeof *e);
            e->key = key;
            e->name = c->name;
            e->lang = sib[s].lang;
            e->own_lang = rp_xnode_attr(c, "xml:lang") != NULL;
            e->container = container;
            e->k = sib[s].k;
            e->prev_key = sib[s].k > 1 ? rp_arena_printf(w->arena, "%s/%s[%zu]", sc->prefix,
                                                         c->name, sib[s].k - 1)
                                       : NULL;
            e->node = c;
            e->order = w->count;
            e->holder = sc->holder;
            e->line = c->loc.line;
            e->col = c->loc.col;
            e->where = where;
            e->indent = "";
            if (f) {
                e->span = f->span;
                lines_locate(&w->lines, f->span.start, &e->line, &e->col);
                e->indent = indent_before(w, f->span.start);
            }
            add_elem(w, e);
        }
        if (text) {
            if (w->spans_ok)
                w->next += count_elements(c); /* its inline markup: not texts */
            continue;
        }
        const char *id = rp_xnode_attr(c, "id");
        struct scope inner = {
            sib[s].lang,
            id ? id : key,
            id ? rp_arena_printf(w->arena, "%s %s", c->name, id) : where,
            container ? e : NULL,
        };
        walk(w, c, &inner);
    }
    free(sib);
}

/* ---------------------------------------------------------------- units and variants */

static int compare_elems(const void *a, const void *b)
{
    const struct rp_text_elem *x = *(const struct rp_text_elem *const *)a;
    const struct rp_text_elem *y = *(const struct rp_text_elem *const *)b;
    int c = strcmp(x->key, y->key);
    if (!c)
        c = strcmp(x->lang, y->lang);
    if (!c) /* document order among equals: the first one is the one found */
        c = (x->order > y->order) - (x->order < y->order);
    return c;
}

struct elem_key {
    const char *key, *lang;
};

static int compare_elem_key(const void *k, const void *e)
{
    const struct elem_key *x = k;
    const struct rp_text_elem *y = *(const struct rp_text_elem *const *)e;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->lang, y->lang);
}

const struct rp_text_elem *rp_text_file_find(const struct rp_text_file *f, const char *key,
                                             const char *lang)
{
    if (!f->index_count || !key || !lang)
        return NULL;
    struct elem_key k = {key, lang};
    /* bsearch finds any of several equal entries: step back to the first. */
    const struct rp_text_elem *const *hit =
        bsearch(&k, f->index, f->index_count, sizeof *f->index, compare_elem_key);
    if (!hit)
        return NULL;
    while (hit > f->index && compare_elem_key(&k, hit - 1) == 0)
        hit--;
    return *hit;
}

static int compare_units(const void *a, const void *b)
{
    const struct rp_text_unit *x = *(const struct rp_text_unit *const *)a;
    const struct rp_text_unit *y = *(const struct rp_text_unit *const *)b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x > y) - (x < y);
}

static int compare_unit_key(const void *k, const void *u)
{
    return strcmp(k, (*(const struct rp_text_unit *const *)u)->key);
}

const struct rp_text_unit *rp_text_file_unit(const struct rp_text_file *f, const char *key)
{
    if (!f->count || !key)
        return NULL;
    const struct rp_text_unit *const *hit =
        bsearch(key, f->unit_index, f->count, sizeof *f->unit_index, compare_unit_key);
    return hit ? *hit : NULL;
}

/* A unit is a text to translate: a text of the source language that documents show. A text
 * an amendment removed or replaced is not (the consolidated text leaves it out); it keeps its
 * place in the keys, so that the texts after it pair with their translations as before. */
static bool is_unit(const struct rp_text_elem *e, const char *source_lang)
{
    const char *change = rp_xnode_attr(e->node, "change");
    return !e->container && strcmp(e->lang, source_lang) == 0 &&
           !(change && (strcmp(change, "removed") == 0 || strcmp(change, "replaced") == 0));
}

static void build_units(struct walker *w, const char *lang, struct rp_text_file *out)
{
    out->index_count = w->count;
    size_t units = 0;
    for (size_t i = 0; i < w->count; i++)
        units += is_unit(w->elems[i], out->source_lang);
    out->units = rp_arena_array(w->arena, units, sizeof *out->units);
    for (size_t i = 0; i < w->count; i++) {
        const struct rp_text_elem *e = w->elems[i];
        if (!is_unit(e, out->source_lang))
            continue;
        struct rp_text_unit *u = &out->units[out->count++];
        u->key = e->key;
        u->where = e->where;
        u->line = e->line;
        u->col = e->col;
        u->plain = plain_of(w->arena, e->node);
        u->elem = e;
    }
    /* The index is sorted once every element is known (the walk keeps document order). */
    const struct rp_text_elem **sorted = rp_arena_array(w->arena, w->count, sizeof *sorted);
    if (w->count > 0) { /* memcpy() and qsort() want valid pointers even for nothing */
        memcpy(sorted, w->elems, w->count * sizeof *sorted);
        qsort(sorted, w->count, sizeof *sorted, compare_elems);
    }
    out->index = sorted;
    for (size_t i = 0; i < out->count; i++) {
        struct rp_text_unit *u = &out->units[i];
        const struct rp_text_elem *v = rp_text_file_find(out, u->key, lang);
        if (v && v->container)
            v = NULL;
        if (!v)
            continue;
        u->variant = v;
        u->variant_exists = true;
        u->variant_plain = v == u->elem ? u->plain : plain_of(w->arena, v->node);
        u->has_variant = u->variant_plain[0] != '\0';
        u->variant_line = v->line;
        u->variant_col = v->col;
    }
    const struct rp_text_unit **by_key = rp_arena_array(w->arena, out->count, sizeof *by_key);
    for (size_t i = 0; i < out->count; i++)
        by_key[i] = &out->units[i];
    qsort(by_key, out->count, sizeof *by_key, compare_units);
    out->unit_index = by_key;
    /* Two units with one key come from two elements with one id: their translations could
     * not be told apart. */
    for (size_t i = 1; i < out->count; i++)
        if (strcmp(by_key[i]->key, by_key[i - 1]->key) == 0) {
            const struct rp_text_unit *a = by_key[i - 1], *b = by_key[i];
            if (a->line > b->line || (a->line == b->line && a->col > b->col)) {
                const struct rp_text_unit *t = a;
                a = b;
                b = t;
            }
            rp_diag_add(w->diags, RP_ERROR, w->file, b->line, b->col,
                        "this text has the key '%s' of the text at line %ld: two elements "
                        "share the id it starts with",
                        b->key, a->line);
        }
}

int rp_text_file_read_memory(const char *data, size_t size, const char *name, const char *lang,
                             struct rp_arena *arena, struct rp_diags *diags,
                             struct rp_text_file *out)
{
    memset(out, 0, sizeof *out);
    const char *file = rp_arena_strdup(arena, name);
    out->path = file;
    out->lang = lang_code(arena, lang ? lang : "");
    size_t errors_before = diags->errors;
    /* The element tree stays in `arena`: the units point into it. */
    struct rp_xnode *root = rp_xml_read_memory(data, size, file, RP_SCHEMA_MODEL, arena, diags);
    if (!root)
        return -1;
    char *copy = rp_arena_alloc(arena, size + 1);
    memcpy(copy, data, size);
    out->data = copy;
    out->size = size;

    struct walker w = {.arena = arena, .diags = diags, .file = file, .data = copy, .size = size};
    w.spans_ok = bytes_are_utf8(copy, size) && scan_elements(copy, size, &w.found);
    lines_build(&w.lines, copy, size);
    const char *root_lang = rp_xnode_attr(root, "xml:lang");
    out->source_lang = lang_code(arena, root_lang ? root_lang : "fr");
    const char *id = rp_xnode_attr(root, "id");
    struct scope top = {out->source_lang, id ? id : root->name,
                        id ? rp_arena_printf(arena, "%s %s", root->name, id) : root->name, NULL};
    (void)take_found(&w, root);
    walk(&w, root, &top);
    out->spans_ok = w.spans_ok && w.next == w.found.n;
    build_units(&w, out->lang, out);
    free(w.found.v);
    free(w.lines.starts);
    free(w.elems);
    return diags->errors == errors_before ? 0 : -1;
}

int rp_text_file_read(const char *path, const char *lang, struct rp_arena *arena,
                      struct rp_diags *diags, struct rp_text_file *out)
{
    memset(out, 0, sizeof *out);
    struct rp_read file;
    if (rp_xml_file_read(path, &file, diags) != 0) {
        out->path = rp_arena_strdup(arena, path);
        return -1;
    }
    int rc = rp_text_file_read_memory(file.data, file.size, path, lang, arena, diags, out);
    free(file.data);
    return rc;
}
