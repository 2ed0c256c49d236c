/* The only file of rapport that includes libxml2: parse safely, validate against the
 * embedded schema, copy into a generic arena tree, free the libxml2 document. */
#include "load/xml.h"

#include "load/scan.h"
#include "util/arena.h"
#include "util/file.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char rp_schema_main[], rp_schema_xml[], rp_schema_templates[];
extern const unsigned long rp_schema_main_len, rp_schema_xml_len, rp_schema_templates_len;

/* Input files larger than this are refused before parsing (a plan is a few hundred KB). */
#define RP_MAX_INPUT_BYTES (256L * 1024 * 1024)

/* Where diagnostics go while libxml2 reports through callbacks. */
struct report {
    struct rp_diags *diags;
    const char *file;
    struct line_index *lines;
    /* The element of the last error and where it was found: errors come in document order,
     * so the next one is searched after it (linear on a one-line file of many errors). */
    const void *err_node;
    long err_line, err_col;
    size_t err_off;
};

/* Line start offsets of the input, to give each element a column. libxml2 records only
 * line numbers on nodes. */
struct line_index {
    const char *data;
    size_t size;
    size_t *starts;
    size_t count;
    long cursor_line;  /* the last line searched ... */
    size_t cursor_off; /* ... and where the last element on it was found */
};

static void lines_build(struct line_index *li, const char *data, size_t size)
{
    size_t n = 1;
    for (size_t i = 0; i < size; i++)
        n += data[i] == '\n';
    li->data = data;
    li->size = size;
    li->starts = rp_xmalloc(n * sizeof *li->starts);
    li->count = 0;
    li->starts[li->count++] = 0;
    for (size_t i = 0; i < size; i++)
        if (data[i] == '\n')
            li->starts[li->count++] = i + 1;
    li->cursor_line = 0;
    li->cursor_off = 0;
}

/* Column (1-based, in bytes) of `<name` on `line`, searching after the previous element
 * found on the same line so that siblings on one line get their own columns. */
static long element_column(struct line_index *li, long line, const char *name)
{
    if (line < 1 || (size_t)line > li->count)
        return 1;
    size_t start = li->starts[line - 1];
    size_t end = (size_t)line < li->count ? li->starts[line] : li->size;
    size_t from = (li->cursor_line == line) ? li->cursor_off + 1 : start;
    size_t nlen = strlen(name);
    for (size_t i = from; i + 1 + nlen <= end; i++) {
        if (li->data[i] == '<' && memcmp(li->data + i + 1, name, nlen) == 0) {
            li->cursor_line = line;
            li->cursor_off = i;
            return (long)(i - start) + 1;
        }
    }
    return 1;
}

/* Column of the quoted attribute value `value` on `line`, searched from the column of its
 * element `from`, or `from` when the source spells it otherwise (character references). */
static long value_column(const struct line_index *li, long line, const char *value, long from)
{
    if (line < 1 || (size_t)line > li->count || from < 1)
        return from;
    size_t start = li->starts[line - 1];
    size_t end = (size_t)line < li->count ? li->starts[line] : li->size;
    size_t n = strlen(value);
    for (size_t i = start + (size_t)from - 1; i + n + 2 <= end; i++)
        if ((li->data[i] == '"' || li->data[i] == '\'') && li->data[i + n + 1] == li->data[i] &&
            memcmp(li->data + i + 1, value, n) == 0)
            return (long)(i + 1 - start) + 1;
    return from;
}

static void trim_message(char *msg)
{
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
}

static void structured_error(void *ctx, xmlErrorPtr err)
{
    struct report *rep = ctx;
    if (!err || err->level == XML_ERR_NONE)
        return;
    char msg[2048];
    snprintf(msg, sizeof msg, "%s", err->message ? err->message : "XML error");
    trim_message(msg);
    long line = err->line;
    long col = err->int2;
    xmlNodePtr node = err->node;
    /* An attribute's or a text's error is located at its element. */
    for (int up = 0; node && node->type != XML_ELEMENT_NODE && up < 10; up++)
        node = node->parent;
    if (node && node->type == XML_ELEMENT_NODE) {
        line = xmlGetLineNo(node);
        if (node == rep->err_node) {
            col = rep->err_col; /* another error of the same element */
        } else {
            struct line_index saved = *rep->lines;
            rep->lines->cursor_line = rep->err_line;
            rep->lines->cursor_off = rep->err_off;
            col = element_column(rep->lines, line, (const char *)node->name);
            if (rep->lines->cursor_line != line || col == 1) { /* out of order: from the start */
                rep->lines->cursor_line = 0;
                col = element_column(rep->lines, line, (const char *)node->name);
            }
            rep->err_node = node;
            rep->err_line = rep->lines->cursor_line;
            rep->err_off = rep->lines->cursor_off;
            rep->err_col = col;
            *rep->lines = saved;
        }
    }
    /* A refused link scheme is said in the words the checker uses, at the value itself
     * (several links may share a line), rather than as a regular expression. */
    if (err->code == XML_SCHEMAV_CVC_PATTERN_VALID && err->str1 &&
        strstr(msg, "attribute 'href'")) {
        snprintf(msg, sizeof msg, RP_HREF_REFUSED, err->str1);
        col = value_column(rep->lines, line, err->str1, col);
    }
    enum rp_severity sev = err->level == XML_ERR_WARNING ? RP_WARNING : RP_ERROR;
    rp_diag_add(rep->diags, sev, rep->file, line > 0 ? line : 1, col > 0 ? col : 1, "%s", msg);
}

/* No file and no network is ever loaded on behalf of a document; the one external resource
 * libxml2 may ask for is xml.xsd, which the schema imports and which is embedded. */
static xmlParserInputPtr refusing_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)id;
    if (url && strlen(url) >= 7 && strcmp(url + strlen(url) - 7, "xml.xsd") == 0)
        return xmlNewStringInputStream(ctxt, (const xmlChar *)rp_schema_xml);
    return NULL;
}

static void ignore_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Once per process: libxml2 initialised, every external resource refused, its generic error
 * channel silenced (structured errors are collected per document). */
static void init_once(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    xmlInitParser();
    xmlSetExternalEntityLoader(refusing_loader);
    xmlSetGenericErrorFunc(NULL, ignore_generic);
}

/* The compiled schemas, built once per process and kept for its lifetime. */
static xmlSchemaPtr schema_get(enum rp_schema which, struct rp_diags *diags)
{
    static xmlSchemaPtr schemas[RP_SCHEMA__MAX];
    static int initialised[RP_SCHEMA__MAX];
    static const unsigned char *const texts[RP_SCHEMA__MAX] = {rp_schema_main, rp_schema_templates};
    const unsigned long lengths[RP_SCHEMA__MAX] = {rp_schema_main_len, rp_schema_templates_len};
    if ((unsigned)which >= RP_SCHEMA__MAX)
        return NULL;
    if (initialised[which])
        return schemas[which];
    initialised[which] = 1;
    xmlSchemaParserCtxtPtr pctx =
        xmlSchemaNewMemParserCtxt((const char *)texts[which], (int)lengths[which]);
    if (pctx) {
        schemas[which] = xmlSchemaParse(pctx);
        xmlSchemaFreeParserCtxt(pctx);
    }
    if (!schemas[which])
        rp_diag_add(diags, RP_ERROR, NULL, 0, 0, "an embedded schema does not compile");
    return schemas[which];
}

/* ---------------------------------------------------------------- tree copy */

static size_t count_copied(xmlNodePtr first)
{
    size_t n = 0;
    for (xmlNodePtr c = first; c; c = c->next)
        n += c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE ||
             c->type == XML_CDATA_SECTION_NODE;
    return n;
}

static void copy_element(xmlNodePtr src, struct rp_xnode *dst, struct rp_arena *arena,
                         struct line_index *li, const char *file)
{
    dst->name = rp_arena_strdup(arena, (const char *)src->name);
    dst->loc.file = file;
    dst->loc.line = xmlGetLineNo(src);
    dst->loc.col = element_column(li, dst->loc.line, dst->name);

    size_t na = 0;
    for (xmlAttrPtr a = src->properties; a; a = a->next)
        na++;
    dst->attrs = rp_arena_array(arena, na * 2, sizeof *dst->attrs);
    dst->attr_count = na;
    size_t i = 0;
    for (xmlAttrPtr a = src->properties; a; a = a->next, i++) {
        xmlChar *v = xmlNodeListGetString(src->doc, a->children, 1);
        bool is_xml_ns = a->ns && a->ns->prefix && strcmp((const char *)a->ns->prefix, "xml") == 0;
        dst->attrs[2 * i] = is_xml_ns ? rp_arena_printf(arena, "xml:%s", (const char *)a->name)
                                      : rp_arena_strdup(arena, (const char *)a->name);
        dst->attrs[2 * i + 1] = rp_arena_strdup(arena, v ? (const char *)v : "");
        xmlFree(v);
    }

    size_t nc = count_copied(src->children);
    dst->children = rp_arena_array(arena, nc, sizeof *dst->children);
    dst->child_count = nc;
    i = 0;
    for (xmlNodePtr c = src->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            copy_element(c, &dst->children[i++], arena, li, file);
        } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            struct rp_xnode *t = &dst->children[i++];
            t->text = rp_arena_strdup(arena, c->content ? (const char *)c->content : "");
            t->loc.file = file;
            t->loc.line = xmlGetLineNo(c);
            t->loc.col = 1;
        }
    }
}

/* ---------------------------------------------------------------- entry points */

/* The line of a "<!DOCTYPE" in the prolog (before the root element), or 0 when there is
 * none. A UTF-16 file escapes this byte scan; the check after parsing catches it. */
static long prolog_doctype_line(const char *data, size_t size)
{
    long line = 1;
    for (size_t i = 0; i + 1 < size; i++) {
        if (data[i] == '\n')
            line++;
        if (data[i] != '<')
            continue;
        if (size - i >= 9 && memcmp(data + i, "<!DOCTYPE", 9) == 0)
            return line;
        unsigned char next = (unsigned char)data[i + 1];
        if (next != '?' && next != '!')
            return 0; /* the root element starts: the prolog is over */
    }
    return 0;
}

/* The line of the document type declaration, for the refusal message. */
static long doctype_line(const char *data, size_t size)
{
    const char *p = NULL;
    for (size_t i = 0; i + 9 <= size; i++)
        if (memcmp(data + i, "<!DOCTYPE", 9) == 0) {
            p = data + i;
            break;
        }
    if (!p)
        return 1;
    long line = 1;
    for (const char *q = data; q < p; q++)
        line += *q == '\n';
    return line;
}

struct rp_xnode *rp_xml_read_memory(const char *data, size_t size, const char *name,
                                    enum rp_schema which, struct rp_arena *arena,
                                    struct rp_diags *diags)
{
    struct rp_xnode *root = NULL;
    init_once();
    xmlSchemaPtr schema = which == RP_SCHEMA_NONE ? NULL : schema_get(which, diags);
    if (!schema && which != RP_SCHEMA_NONE)
        return NULL;
    if (size > (size_t)INT32_MAX) {
        rp_diag_add(diags, RP_ERROR, name, 0, 0, "file too large");
        return NULL;
    }

    /* Refused before parsing: nothing of a DTD is ever read, expanded or looked up. */
    long doctype = prolog_doctype_line(data, size);
    if (doctype > 0) {
        rp_diag_add(diags, RP_ERROR, name, doctype, 1,
                    "document type declarations are not allowed (DTDs and entities are refused)");
        return NULL;
    }
    /* Counts libxml2 handles in quadratic time are bounded before it sees them. */
    struct rp_scan_result scan = rp_scan_markup(data, size);
    if (scan.status != RP_SCAN_OK) {
        if (scan.status == RP_SCAN_TOO_MANY_ATTRIBUTES)
            rp_diag_add(diags, RP_ERROR, name, scan.line, scan.col,
                        "element has more than %d attributes", RP_MAX_ATTRIBUTES);
        else if (scan.status == RP_SCAN_TOO_MANY_NS_DECLS)
            rp_diag_add(diags, RP_ERROR, name, scan.line, scan.col,
                        "more than %d namespace declarations in the document", RP_MAX_NS_DECLS);
        else
            rp_diag_add(diags, RP_ERROR, name, 1, 1,
                        "encoding not supported: a model is UTF-8, UTF-16, ASCII, ISO-8859-* or "
                        "windows-125*");
        return NULL;
    }

    struct line_index li;
    lines_build(&li, data, size);
    struct report rep = {diags, name, &li, NULL, 0, 0, 0};
    size_t errors_before = diags->errors;
    xmlSetStructuredErrorFunc(&rep, structured_error);

    /* Safe flags: no network, no entity substitution (XML_PARSE_NOENT is absent), no DTD
     * loading or DTD attribute defaults, libxml2's size limits kept (no XML_PARSE_HUGE). */
    int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    xmlDocPtr doc = ctxt ? xmlCtxtReadMemory(ctxt, data, (int)size, name, NULL, options) : NULL;
    /* Some limits (a text node over 10 MB) make libxml2 drop content and report only through
     * its generic channel: the parser context still knows, so such a document is refused. */
    if (ctxt && ctxt->errNo != XML_ERR_OK && diags->errors == errors_before)
        rp_diag_add(diags, RP_ERROR, name, ctxt->input ? ctxt->input->line : 1, 1,
                    "the document exceeds the parser's limits (libxml2 error %d): a text node "
                    "over 10 MB, a name too long or nesting too deep",
                    ctxt->errNo);
    xmlFreeParserCtxt(ctxt);
    if (doc && (doc->intSubset || doc->extSubset)) {
        rp_diag_add(diags, RP_ERROR, name, doctype_line(data, size), 1,
                    "document type declarations are not allowed (DTDs and entities are refused)");
    } else if (doc && diags->errors == errors_before) {
        int rc = 0;
        if (schema) {
            xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
            xmlSchemaSetValidStructuredErrors(vctx, structured_error, &rep);
            /* With a file name, libxml2 2.9 no longer walks every preceding node of each
             * error's node (looking for XInclude starts): 20,000 errors took 10 s. */
            xmlSchemaValidateSetFilename(vctx, name);
            rc = xmlSchemaValidateDoc(vctx, doc);
            xmlSchemaFreeValidCtxt(vctx);
        }
        if (rc != 0 && diags->errors == errors_before)
            rp_diag_add(diags, RP_ERROR, name, 1, 1, "the document does not match the schema");
        if (diags->errors == errors_before) {
            root = rp_arena_alloc(arena, sizeof *root);
            li.cursor_line = 0;
            copy_element(xmlDocGetRootElement(doc), root, arena, &li, name);
        }
    } else if (!doc && diags->errors == errors_before) {
        rp_diag_add(diags, RP_ERROR, name, 1, 1, "not a well-formed XML document");
    }
    xmlFreeDoc(doc);
    xmlSetStructuredErrorFunc(NULL, NULL);
    free(li.starts);
    return root;
}

int rp_xml_file_read(const char *path, struct rp_read *file, struct rp_diags *diags)
{
    rp_file_read(path, (size_t)RP_MAX_INPUT_BYTES, file);
    if (file->data)
        return 0;
    char why[256];
    rp_diag_add(diags, RP_ERROR, path, 0, 0, "%s",
                rp_file_read_why(file, (size_t)RP_MAX_INPUT_BYTES, why, sizeof why));
    return -1;
}

struct rp_xnode *rp_xml_read(const char *path, enum rp_schema which, struct rp_arena *arena,
                             struct rp_diags *diags)
{
    struct rp_read file;
    if (rp_xml_file_read(path, &file, diags) != 0)
        return NULL;
    struct rp_xnode *root = rp_xml_read_memory(file.data, file.size, path, which, arena, diags);
    free(file.data);
    return root;
}

const char *rp_xnode_attr(const struct rp_xnode *node, const char *name)
{
    for (size_t i = 0; i < node->attr_count; i++)
        if (strcmp(node->attrs[2 * i], name) == 0)
            return node->attrs[2 * i + 1];
    return NULL;
}
