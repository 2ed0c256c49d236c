/* The import of one model's units (see xliff_internal.h): each unit of an XLIFF <file>
 * checked against the model, and the accepted translations spliced into the model's own bytes
 * as a plan of edits (a text replaced, a text added beside its source, a container copied for
 * its translated items), so that every other byte of the model stays as it was. */
#define _POSIX_C_SOURCE 200809L
#include "load/xliff_internal.h"

#include "util/arena.h"
#include "util/fmt.h"

#include <stdlib.h>
#include <string.h>

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
    struct rp_textbuf text;
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
    struct rp_textbuf b = {0};
    rp_xliff_buf_str(&b, "<");
    rp_xliff_buf_str(&b, e->name);
    if (with_lang) {
        rp_xliff_buf_str(&b, " xml:lang=\"");
        rp_xliff_escape_attr(&b, p->lang);
        rp_xliff_buf_str(&b, "\"");
    }
    rp_xliff_add_attrs(&b, e->node, false);
    rp_xliff_buf_str(&b, ">");
    rp_xliff_buf_str(&b, markup);
    rp_xliff_buf_str(&b, "</");
    rp_xliff_buf_str(&b, e->name);
    rp_xliff_buf_str(&b, ">");
    return rp_xliff_buf_keep(p->arena, &b);
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
static void copy_start_tag(struct plan *p, const struct rp_text_elem *h, struct rp_textbuf *b)
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
        rp_textbuf_add(b, tag, (size_t)(at + 1 - tag));
        rp_xliff_escape_attr(b, p->lang);
        rp_textbuf_add(b, close, (size_t)(end - close));
        return;
    }
    size_t name = 1 + strlen(h->name);
    rp_textbuf_add(b, tag, name);
    rp_xliff_buf_str(b, " xml:lang=\"");
    rp_xliff_escape_attr(b, p->lang);
    rp_xliff_buf_str(b, "\"");
    rp_textbuf_add(b, tag + name, (size_t)(end - tag) - name);
}

/* The whitespace before a container's end tag, from the start of its line. */
static void closing_indent(const struct rp_text_file *f, const struct rp_text_elem *h,
                           struct rp_textbuf *b)
{
    size_t e = h->span.close_start, s = e;
    while (s > h->span.open_end && rp_xliff_is_space(f->data[s - 1]) && f->data[s - 1] != '\n')
        s--;
    if (s > h->span.open_end && f->data[s - 1] == '\n')
        s--;
    if (s > h->span.open_end && f->data[s] == '\n' && f->data[s - 1] == '\r')
        s--;
    rp_textbuf_add(b, f->data + s, e - s);
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
            while (n > 0 && rp_xliff_is_space(d[v->span.start + n - 1]))
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
    rp_xliff_buf_str(&list->text, e->indent);
    rp_xliff_buf_str(&list->text, new_element(p, e, a->markup, false));
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
        struct rp_textbuf b = {0};
        rp_xliff_buf_str(&b, l->holder->indent);
        copy_start_tag(p, l->holder, &b);
        rp_textbuf_add(&b, l->text.p, l->text.n);
        closing_indent(p->f, l->holder, &b);
        rp_xliff_buf_str(&b, "</");
        rp_xliff_buf_str(&b, l->holder->name);
        rp_xliff_buf_str(&b, ">");
        add_edit(p, l->offset, l->offset, l->seq, rp_xliff_buf_keep(p->arena, &b));
    }
    if (p->edit_count > 0) /* qsort() wants a valid pointer even for no element */
        qsort(p->edits, p->edit_count, sizeof *p->edits, compare_edits);
    struct rp_textbuf b = {0};
    rp_xliff_buf_str(&b, "");
    size_t pos = 0;
    for (size_t i = 0; i < p->edit_count; i++) {
        const struct edit *e = &p->edits[i];
        if (e->start < pos) { /* two changes to one place: never planned so */
            free(b.p);
            return false;
        }
        rp_textbuf_add(&b, p->f->data + pos, e->start - pos);
        rp_xliff_buf_str(&b, e->text);
        pos = e->end;
    }
    rp_textbuf_add(&b, p->f->data + pos, p->f->size - pos);
    *out = b.p;
    *out_size = b.n;
    return true;
}

static int compare_accepted(const void *a, const void *b)
{
    const struct accepted *x = a, *y = b;
    return (x->unit > y->unit) - (x->unit < y->unit);
}

void rp_xliff_merge_model(struct rp_xliff_model *m, const struct xfile *xf, struct rp_diags *diags)
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
        rp_xliff_model_toks(arena, u->elem->node, &raw, &next);
        struct toks src = rp_xliff_normalize(arena, &raw);
        if (!x->source) {
            rp_diag_add(diags, RP_ERROR, n->loc.file, n->loc.line, n->loc.col,
                        "unit '%s' has no <source>", x->id);
            continue;
        }
        if (!rp_xliff_xlf_toks(arena, x->source, &xraw, diags))
            continue;
        struct toks xsrc = rp_xliff_normalize(arena, &xraw);
        char *a = rp_xliff_canonical(&src), *b = rp_xliff_canonical(&xsrc);
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
        if (!x->target || !rp_xliff_xlf_toks(arena, x->target, &traw, diags)) {
            m->untranslated += !x->target;
            continue;
        }
        struct toks tgt = rp_xliff_normalize(arena, &traw);
        if (rp_xliff_toks_empty(&tgt)) {
            m->untranslated++;
            continue;
        }
        if (!rp_xliff_check_markup(&src, &tgt, x->target, x->id, diags))
            continue;
        struct toks variant = {0};
        if (u->variant_exists) {
            struct toks vraw = {0};
            long vnext = 1;
            rp_xliff_model_toks(arena, u->variant->node, &vraw, &vnext);
            variant = rp_xliff_normalize(arena, &vraw);
            rp_xliff_assign_ids(arena, &src, &variant);
        }
        rp_xliff_resolve(&tgt, &src, u->variant_exists ? &variant : NULL);
        const char *markup = rp_xliff_markup_of(arena, &tgt);
        if (u->variant_exists && strcmp(markup, rp_xliff_markup_of(arena, &variant)) == 0) {
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
