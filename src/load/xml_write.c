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

void rp_xml_writer_set_indent(struct rp_xml_writer *w, bool indent)
{
    if (xmlTextWriterSetIndent(w->tw, indent ? 1 : 0) < 0)
        w->failed = true;
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
