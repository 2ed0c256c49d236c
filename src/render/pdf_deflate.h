/* Deflating a PDF stream (FlateDecode: the zlib format), the whole buffer at once. The only
 * user of libdeflate; no library types here. */
#ifndef RP_PDF_DEFLATE_H
#define RP_PDF_DEFLATE_H

#include <stddef.h>

/* `len` bytes of `data` deflated in the zlib format at `level` (libdeflate's, 1-12) into
 * `*z` (malloc'd, the caller frees it) of `*size` bytes. Deterministic: the same bytes and
 * level give the same output. Returns 0, or -1 with *z NULL. */
int rp_pdf_deflate(const char *data, size_t len, int level, unsigned char **z, size_t *size);

/* One buffer of a batch for rp_pdf_deflate_all(): `data` and `len` in, `z` (malloc'd, the
 * caller frees it), `size` and `rc` (0, or -1 with `z` NULL) out. */
struct rp_pdf_deflation {
    const char *data;
    size_t len;
    unsigned char *z;
    size_t size;
    int rc;
};

/* Deflates each of the `n` buffers of `items` at `level`, as rp_pdf_deflate() does, in up to
 * `threads` threads (1 or 2; the calling thread is one). Each output is that of
 * rp_pdf_deflate() on its buffer, whatever the number of threads. */
void rp_pdf_deflate_all(struct rp_pdf_deflation *items, size_t n, int level, int threads);

/* A batch started by rp_pdf_deflate_start(): deflated by a second thread while the caller
 * does other work, then finished by rp_pdf_deflate_finish(). */
struct rp_pdf_deflating;

/* Starts deflating the `n` buffers of `items` at `level` (as rp_pdf_deflate_all() does) in a
 * thread of its own when `threads` is 2; with 1, or when no thread can be started, nothing is
 * done until rp_pdf_deflate_finish(). `items` and their data must stay until then. Returns
 * NULL only out of memory (nothing started). */
struct rp_pdf_deflating *rp_pdf_deflate_start(struct rp_pdf_deflation *items, size_t n, int level,
                                              int threads);

/* Deflates what is left of the batch in the calling thread, waits for the other, frees the
 * handle: every item then has its output, the same whatever the threads. NULL is ignored. */
void rp_pdf_deflate_finish(struct rp_pdf_deflating *d);

#endif
