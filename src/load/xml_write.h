/* Writing XML and HTML through libxml2, and reading back the XML rapport writes itself.
 *
 * The batch writes manifest.xml and index.html with these functions so that escaping and
 * encoding are libxml2's, while libxml2 stays confined to src/load/. The writer builds the
 * whole document in memory: the caller then stores it atomically (src/batch/atomic.h).
 *
 * Ownership: an rp_xml_writer is owned by its caller and released by rp_xml_writer_free();
 * the buffer returned by rp_xml_writer_finish() belongs to the caller (free()). */
#ifndef RP_LOAD_XML_WRITE_H
#define RP_LOAD_XML_WRITE_H

#include "load/xml.h"
#include "util/diag.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;
struct rp_xml_writer;

/* XML: an XML declaration, empty elements as `<e/>`. HTML: `<!DOCTYPE html>`, no XML
 * declaration, and every element but the void ones (meta, link, br, hr, img) closed with an
 * end tag, since `<td/>` opens an element in HTML. */
enum rp_xml_flavour { RP_XML_FLAVOUR_XML, RP_XML_FLAVOUR_HTML };

/* A new writer with an empty document; indents elements by two spaces. Aborts on
 * out-of-memory like every allocation wrapper of rapport. */
struct rp_xml_writer *rp_xml_writer_new(enum rp_xml_flavour flavour);

/* Indentation on (the default) or off. Indenting puts a newline and spaces before every
 * start tag that follows another tag, even inside mixed content: `<p>a<em>b</em></p>` would
 * gain a space before `<em>` that a browser renders. Documents with inline markup are
 * written unindented (call before the first element). */
void rp_xml_writer_set_indent(struct rp_xml_writer *w, bool indent);

/* Releases the writer and its buffer. NULL is allowed. */
void rp_xml_writer_free(struct rp_xml_writer *w);

/* Opens element `name`. */
void rp_xml_start(struct rp_xml_writer *w, const char *name);

/* An attribute of the element just opened (before any content); `value` is escaped. */
void rp_xml_attr(struct rp_xml_writer *w, const char *name, const char *value);

/* The same with a printf format. */
void rp_xml_attrf(struct rp_xml_writer *w, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Escaped character data inside the current element. */
void rp_xml_text(struct rp_xml_writer *w, const char *text);

/* Closes the current element. */
void rp_xml_end(struct rp_xml_writer *w);

/* `<name attr...>text</name>` in one call: opens, writes `text`, closes. */
void rp_xml_element(struct rp_xml_writer *w, const char *name, const char *text);

/* Closes every open element and hands the document over: *data (malloc'd, NUL-terminated,
 * the caller frees it) and *size. Returns 0, or -1 when libxml2 reported an error at any
 * point (invalid UTF-8 in a string, for example); *data is then NULL. The writer cannot be
 * used afterwards except to be freed. */
__attribute__((warn_unused_result)) int rp_xml_writer_finish(struct rp_xml_writer *w, char **data,
                                                             size_t *size);

#endif
