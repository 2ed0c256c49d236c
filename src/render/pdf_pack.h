/* Packing a PDF file as libharu 2.3.0 writes it (PDF 1.4 form: every object plain, a
 * classic cross-reference table) into PDF 1.5 form: the objects that are not streams
 * (pages, annotations, outlines, destinations, font dictionaries, stream lengths) compressed
 * together in object streams, the cross-reference table and trailer as a cross-reference
 * stream. Unfiltered streams but the XMP metadata are deflated (libdeflate, faster than the
 * zlib libharu has); the others keep their bytes. No library types: the packer reads and writes
 * bytes. */
#ifndef RP_PDF_PACK_H
#define RP_PDF_PACK_H

#include <stdbool.h>
#include <stddef.h>

struct rp_buf;
struct rp_pdf_deflation;

/* The deflate level (libdeflate's) of the packed objects and the cross-reference stream. */
#define RP_PDF_PACK_LEVEL 6

/* The level of the page content, which libharu writes unfiltered (its zlib level is fixed at
 * 6). libdeflate's level 5 writes 6 % less than zlib's level 5 did on the content of a
 * 2,000-row table, in 60 % of its time; level 4 writes as much as zlib did. */
#define RP_PDF_CONTENT_LEVEL 5

struct rp_pdf_packed {
    size_t xref_at;       /* the offset of the cross-reference stream in the packed file */
    unsigned next_object; /* the first object number the packed file leaves free */
};

/* The first object number the packed file leaves free (rp_pdf_packed.next_object) for an
 * input of `entries` cross-reference entries (objects + 1) of which `plain` are no streams:
 * known before packing, so that what follows can be numbered ahead. */
unsigned rp_pdf_pack_next_object(size_t entries, size_t plain);

/* Appends to `out` the `len` bytes of `in` packed. The input must be exactly of the form
 * libharu writes (a header, objects "N 0 obj\n...endobj\n" in the order of their numbers,
 * one table "xref\n0 N\n" of 20-byte entries, a trailer whose keys are one per line,
 * "startxref"); anything else is refused. Deterministic: the same input gives the same
 * bytes, whatever `threads` (1 or 2: the page content is deflated in that many threads).
 * `own`, when not NULL, has `own_count` entries by object number: for each stream object N
 * that libharu wrote empty (a page's content, kept by rapport), the bytes to put there
 * (`data`, never NULL for an entry) and, when `z` is set, those bytes deflated already
 * (rp_pdf_deflate_start() at RP_PDF_CONTENT_LEVEL); the packer takes (and frees) the outputs
 * it uses and sets their `z` to NULL.
 * Returns 0, or -1 with `out` as it was when the input is not of that form or deflating
 * fails, or when an entry of `own` has no empty stream to go to. */
int rp_pdf_pack(const char *in, size_t len, int level, int threads, struct rp_pdf_deflation *own,
                size_t own_count, struct rp_buf *out, struct rp_pdf_packed *packed);

#endif
