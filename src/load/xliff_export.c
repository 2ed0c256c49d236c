/* The XLIFF export (see xliff.h): the document of a set of models' units written with
 * libxml2's writer, one <file> per model and one <trans-unit> per unit, and its writing to a
 * file or to standard output. */
#define _POSIX_C_SOURCE 200809L
#include "load/xliff_internal.h"

#include "util/arena.h"
#include "util/atomic.h"
#include "util/file.h"

#include <errno.h>
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    rp_xliff_model_toks(arena, u->elem->node, &raw, &next);
    struct toks source = rp_xliff_normalize(arena, &raw);
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
        rp_xliff_model_toks(arena, u->variant->node, &vraw, &vnext);
        struct toks target = rp_xliff_normalize(arena, &vraw);
        rp_xliff_assign_ids(arena, &source, &target);
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
        status = rp_fd_write_all(STDOUT_FILENO, data, size);
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
