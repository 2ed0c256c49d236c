/* XML and HTML output through libxml2's xmlTextWriter, and a schema-less reader for the
 * files rapport writes itself (manifest.xml). */
#include "load/xml_write.h"

#include "util/arena.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deeper than any manifest or index: a guard, not a limit anyone meets. */
#define MAX_DEPTH 64

struct rp_xml_writer {
    enum rp_xml_flavour flavour;
    xmlBufferPtr buf;
    xmlTextWriterPtr tw;
    const char *open[MAX_DEPTH]; /* names of the open elements, for HTML end tags */
    int depth;
    bool failed;
};

struct rp_xml_writer *rp_xml_writer_new(enum rp_xml_flavour flavour)
{
    struct rp_xml_writer *w = rp_xmalloc(sizeof *w);
    memset(w, 0, sizeof *w);
    w->flavour = flavour;
    w->buf = xmlBufferCreate();
    w->tw = w->buf ? xmlNewTextWriterMemory(w->buf, 0) : NULL;
    if (!w->tw) {
        fprintf(stderr, "rapport: out of memory\n");
        abort();
    }
    xmlTextWriterSetIndent(w->tw, 1);
    xmlTextWriterSetIndentString(w->tw, BAD_CAST "  ");
    int rc = flavour == RP_XML_FLAVOUR_XML
                 ? xmlTextWriterStartDocument(w->tw, "1.0", "UTF-8", NULL)
                 : xmlTextWriterWriteDTD(w->tw, BAD_CAST "html", NULL, NULL, NULL);
    w->failed = rc < 0;
    return w;
}

void rp_xml_writer_free(struct rp_xml_writer *w)
{
    if (!w)
        return;
    if (w->tw)
        xmlFreeTextWriter(w->tw);
    if (w->buf)
        xmlBufferFree(w->buf);
    free(w);
}

static void check(struct rp_xml_writer *w, int rc)
{
    if (rc < 0)
        w->failed = true;
}

void rp_xml_start(struct rp_xml_writer *w, const char *name)
{
    if (w->depth == MAX_DEPTH) {
        w->failed = true;
        return;
    }
    w->open[w->depth++] = name;
    check(w, xmlTextWriterStartElement(w->tw, BAD_CAST name));
}

void rp_xml_attr(struct rp_xml_writer *w, const char *name, const char *value)
{
    check(w, xmlTextWriterWriteAttribute(w->tw, BAD_CAST name, BAD_CAST value));
}

void rp_xml_attrf(struct rp_xml_writer *w, const char *name, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        w->failed = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        rp_xml_attr(w, name, small);
        return;
    }
    char *big = rp_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    rp_xml_attr(w, name, big);
    free(big);
}

void rp_xml_text(struct rp_xml_writer *w, const char *text)
{
    check(w, xmlTextWriterWriteString(w->tw, BAD_CAST text));
}

static bool html_void(const char *name)
{
    static const char *const voids[] = {"meta", "link", "br", "hr", "img"};
    for (size_t i = 0; i < sizeof voids / sizeof *voids; i++)
        if (strcmp(name, voids[i]) == 0)
            return true;
    return false;
}

void rp_xml_end(struct rp_xml_writer *w)
{
    if (w->depth == 0) {
        w->failed = true;
        return;
    }
    const char *name = w->open[--w->depth];
    if (w->flavour == RP_XML_FLAVOUR_HTML && !html_void(name))
        check(w, xmlTextWriterFullEndElement(w->tw));
    else
        check(w, xmlTextWriterEndElement(w->tw));
}

void rp_xml_element(struct rp_xml_writer *w, const char *name, const char *text)
{
    rp_xml_start(w, name);
    rp_xml_text(w, text);
    rp_xml_end(w);
}

int rp_xml_writer_finish(struct rp_xml_writer *w, char **data, size_t *size)
{
    *data = NULL;
    *size = 0;
    while (w->depth > 0)
        rp_xml_end(w);
    if (w->flavour == RP_XML_FLAVOUR_XML)
        check(w, xmlTextWriterEndDocument(w->tw));
    else
        check(w, xmlTextWriterWriteString(w->tw, BAD_CAST "\n"));
    check(w, xmlTextWriterFlush(w->tw));
    /* Freeing the text writer first flushes what it still holds into the buffer. */
    xmlFreeTextWriter(w->tw);
    w->tw = NULL;
    if (w->failed)
        return -1;
    size_t n = (size_t)xmlBufferLength(w->buf);
    char *out = rp_xmalloc(n + 1);
    memcpy(out, xmlBufferContent(w->buf), n);
    out[n] = '\0';
    *data = out;
    *size = n;
    return 0;
}

/* ---------------------------------------------------------------- reading back */

struct read_report {
    struct rp_diags *diags;
    const char *file;
};

static void read_error(void *ctx, xmlErrorPtr err)
{
    struct read_report *rep = ctx;
    if (!err || err->level == XML_ERR_NONE)
        return;
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", err->message ? err->message : "XML error");
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    rp_diag_add(rep->diags, err->level == XML_ERR_WARNING ? RP_WARNING : RP_ERROR, rep->file,
                err->line > 0 ? err->line : 1, err->int2 > 0 ? err->int2 : 1, "%s", msg);
}

static void copy_plain(xmlNodePtr src, struct rp_xnode *dst, struct rp_arena *arena,
                       const char *file, int depth)
{
    dst->name = rp_arena_strdup(arena, (const char *)src->name);
    dst->loc.file = file;
    dst->loc.line = xmlGetLineNo(src);
    size_t na = 0;
    for (xmlAttrPtr a = src->properties; a; a = a->next)
        na++;
    dst->attrs = rp_arena_array(arena, na * 2, sizeof *dst->attrs);
    dst->attr_count = na;
    size_t i = 0;
    for (xmlAttrPtr a = src->properties; a; a = a->next, i++) {
        xmlChar *v = xmlNodeListGetString(src->doc, a->children, 1);
        bool xml_ns = a->ns && a->ns->prefix && strcmp((const char *)a->ns->prefix, "xml") == 0;
        dst->attrs[2 * i] = xml_ns ? rp_arena_printf(arena, "xml:%s", (const char *)a->name)
                                   : rp_arena_strdup(arena, (const char *)a->name);
        dst->attrs[2 * i + 1] = rp_arena_strdup(arena, v ? (const char *)v : "");
        xmlFree(v);
    }
    size_t nc = 0;
    for (xmlNodePtr c = src->children; c; c = c->next)
        nc += c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE;
    dst->children = rp_arena_array(arena, nc, sizeof *dst->children);
    i = 0;
    for (xmlNodePtr c = src->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && depth < MAX_DEPTH) {
            copy_plain(c, &dst->children[i++], arena, file, depth + 1);
        } else if (c->type == XML_TEXT_NODE) {
            struct rp_xnode *t = &dst->children[i++];
            t->text = rp_arena_strdup(arena, c->content ? (const char *)c->content : "");
            t->loc.file = file;
            t->loc.line = xmlGetLineNo(c);
        }
    }
    dst->child_count = i;
}

/* The whole file, or NULL with a diagnostic; refuses files over `max_bytes`. */
static char *slurp(const char *path, size_t max_bytes, size_t *size, struct rp_diags *diags)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        rp_diag_add(diags, RP_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    char *data = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            data = rp_xrealloc(data, cap);
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n > max_bytes || n > (size_t)INT32_MAX) {
            rp_diag_add(diags, RP_ERROR, path, 0, 0, "file larger than %zu bytes refused",
                        max_bytes);
            free(data);
            fclose(f);
            return NULL;
        }
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        rp_diag_add(diags, RP_ERROR, path, 0, 0, "read error");
        free(data);
        return NULL;
    }
    *size = n;
    return data;
}

struct rp_xnode *rp_xml_read_plain(const char *path, size_t max_bytes, struct rp_arena *arena,
                                   struct rp_diags *diags)
{
    size_t size = 0;
    char *data = slurp(path, max_bytes, &size, diags);
    if (!data)
        return NULL;
    struct rp_xnode *root = NULL;
    size_t errors = diags->errors;
    struct read_report rep = {diags, path};
    xmlSetStructuredErrorFunc(&rep, read_error);
    /* No network, no entity substitution (XML_PARSE_NOENT absent), no DTD loading. */
    xmlDocPtr doc = xmlReadMemory(data, (int)size, path, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (doc && (doc->intSubset || doc->extSubset))
        rp_diag_add(diags, RP_ERROR, path, 1, 1, "document type declarations are not allowed");
    else if (!doc && diags->errors == errors)
        rp_diag_add(diags, RP_ERROR, path, 1, 1, "not a well-formed XML document");
    else if (doc && diags->errors == errors && xmlDocGetRootElement(doc)) {
        root = rp_arena_alloc(arena, sizeof *root);
        copy_plain(xmlDocGetRootElement(doc), root, arena, path, 0);
    }
    xmlFreeDoc(doc);
    free(data);
    return root;
}
