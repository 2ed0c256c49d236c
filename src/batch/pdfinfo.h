/* What the manifest says of a rendered PDF: size, SHA-256 and page count, in one read. */
#ifndef RP_BATCH_PDFINFO_H
#define RP_BATCH_PDFINFO_H

#include "batch/hash.h"

#include <stddef.h>

struct rp_pdfinfo {
    long long bytes;
    long pages;
    char sha256[RP_SHA256_HEX];
};

/* Reads the PDF at `path`. Pages are counted from the page objects ("/Type /Page"), which
 * libharu writes uncompressed. Returns 0, or -1 with errno set when it cannot be read. */
__attribute__((warn_unused_result)) int rp_pdfinfo_read(const char *path,
                                                        struct rp_pdfinfo *info);

/* Counts page objects in `size` bytes of PDF text (exposed for tests). */
long rp_pdf_count_pages(const char *data, size_t size);

#endif
