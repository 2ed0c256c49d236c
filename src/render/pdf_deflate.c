/* Deflating PDF streams with libdeflate (see pdf_deflate.h).
 *
 * Every stream rapport deflates is whole in memory before it is written, so the streaming
 * interface of zlib buys nothing; libdeflate compresses a whole buffer two to three times
 * faster than zlib at the same size (on the page content and structure of a 2,000-row
 * table, a quarter of the time of the process went to zlib). */
#include "render/pdf_deflate.h"

#include <libdeflate.h>
#include <stdlib.h>

/* One compressor per level for the process, kept: its tables (some hundreds of kB) are
 * reset for every buffer anyway, but allocated afresh for each page they cost the kernel
 * as much again in page faults. Not thread-safe, as the cache of shaped words; a batch's
 * workers are processes. */
static struct libdeflate_compressor *compressors[13];

static struct libdeflate_compressor *compressor(int level)
{
    if (level < 0 || level > 12)
        return NULL;
    if (!compressors[level])
        compressors[level] = libdeflate_alloc_compressor(level);
    return compressors[level];
}

int rp_pdf_deflate(const char *data, size_t len, int level, unsigned char **z, size_t *size)
{
    *z = NULL;
    *size = 0;
    struct libdeflate_compressor *c = compressor(level);
    if (!c)
        return -1;
    size_t bound = libdeflate_zlib_compress_bound(c, len);
    *z = malloc(bound > 0 ? bound : 1);
    size_t n = *z ? libdeflate_zlib_compress(c, data, len, *z, bound) : 0;
    if (n == 0) {
        free(*z);
        *z = NULL;
        return -1;
    }
    *size = n;
    return 0;
}
