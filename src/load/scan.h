/* A byte scan of an XML file before libxml2 sees it: it bounds the counts libxml2 handles in
 * quadratic time (attributes of one start tag, namespace declarations in scope), so
 * that a hostile file is refused in linear time instead of keeping a batch busy for hours. */
#ifndef RP_LOAD_SCAN_H
#define RP_LOAD_SCAN_H

#include <stddef.h>

/* At most this many attributes (namespace declarations included) per start tag: the
 * schema's largest element has about a dozen. */
#define RP_MAX_ATTRIBUTES 256
/* At most this many namespace declarations in a whole document: models need none (the xml:
 * prefix is predefined; a few declare xsi:), and libxml2 looks each prefixed name up through
 * every declaration in scope, which hostile nesting could make thousands. */
#define RP_MAX_NS_DECLS 64

enum rp_scan_status {
    RP_SCAN_OK,
    RP_SCAN_TOO_MANY_ATTRIBUTES,
    RP_SCAN_TOO_MANY_NS_DECLS,
    RP_SCAN_UNSUPPORTED_ENCODING /* UCS-4 or EBCDIC: the scan cannot read it */
};

struct rp_scan_result {
    enum rp_scan_status status;
    long line, col; /* 1-based, of the offending start tag's '<' (col in code units) */
};

/* Scans `data` (UTF-8 or any ASCII-compatible encoding, or UTF-16 with or without a byte
 * order mark) for a start tag past the limits above; skips comments, CDATA sections,
 * processing instructions and quoted attribute values. Returns the first problem found, or
 * RP_SCAN_OK. Linear in `size`; a malformed file is left to the parser. */
struct rp_scan_result rp_scan_markup(const char *data, size_t size);

#endif
