/* Deflating a PDF stream (FlateDecode: the zlib format), the whole buffer at once. The only
 * user of libdeflate; no library types here. */
#ifndef RP_PDF_DEFLATE_H
#define RP_PDF_DEFLATE_H

#include <stddef.h>

/* `len` bytes of `data` deflated in the zlib format at `level` (libdeflate's, 1-12) into
 * `*z` (malloc'd, the caller frees it) of `*size` bytes. Deterministic: the same bytes and
 * level give the same output. Returns 0, or -1 with *z NULL. */
int rp_pdf_deflate(const char *data, size_t len, int level, unsigned char **z, size_t *size);

#endif
