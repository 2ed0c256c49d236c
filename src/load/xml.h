/* A generic element tree read from XML: the loader's bridge between libxml2 (load_xml.c,
 * the only file that includes it) and the model builders (plan.c, evaluation.c).
 *
 * Ownership: every node and string belongs to the arena passed to rp_xml_read(). */
#ifndef RP_LOAD_XML_H
#define RP_LOAD_XML_H

#include "model/model.h"
#include "util/diag.h"

struct rp_arena;

struct rp_xnode {
    const char *name; /* NULL for a text node */
    const char *text; /* text nodes only */
    struct rp_loc loc;
    const char **attrs; /* name, value, name, value, ... (xml:lang as "xml:lang") */
    size_t attr_count;  /* number of pairs */
    struct rp_xnode *children;
    size_t child_count;
};

/* The embedded schemas a file is validated against. RP_SCHEMA_NONE reads a file rapport
 * wrote itself (a manifest) with the same safety but no validation. */
enum rp_schema { RP_SCHEMA_MODEL, RP_SCHEMA_TEMPLATES, RP_SCHEMA__MAX, RP_SCHEMA_NONE };

struct rp_read;

/* Reads the whole of the input file `path` (a model, an XLIFF document: at most 256 MB, a
 * regular file) into `file`; 0, or -1 with the reason as a diagnostic. The caller frees
 * file->data as util/file.h says. */
int rp_xml_file_read(const char *path, struct rp_read *file, struct rp_diags *diags);

/* Reads, parses and validates `path` against the embedded schema `which`. On success returns the
 * root element; the libxml2 document is already freed. On any parse or validation error,
 * records every problem as a located diagnostic and returns NULL. Never touches the network,
 * never loads a DTD, never expands an entity: a document type declaration is refused. */
struct rp_xnode *rp_xml_read(const char *path, enum rp_schema which, struct rp_arena *arena,
                             struct rp_diags *diags);

/* The same from a buffer; `name` is the file name used in diagnostics. */
struct rp_xnode *rp_xml_read_memory(const char *data, size_t size, const char *name,
                                    enum rp_schema which, struct rp_arena *arena,
                                    struct rp_diags *diags);

/* The one message for a link whose scheme is refused (the schema and the loader both say
 * it); %s is the href. */
#define RP_HREF_REFUSED "link '%s' refused: only http://, https:// and mailto: links are allowed"

/* Value of attribute `name`, or NULL. */
const char *rp_xnode_attr(const struct rp_xnode *node, const char *name);

#endif
