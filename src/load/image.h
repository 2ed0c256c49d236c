/* Image files the PDF backend embeds (the theme's logo), checked in full at templates load
 * time: libharu 2.3.0 aborts the process on a corrupt PNG, embeds a truncated JPEG without
 * looking at its data, and decodes any size of image once per document. */
#ifndef RP_LOAD_IMAGE_H
#define RP_LOAD_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

/* Limits, checked from the header before any pixel is decoded. A logo of 150 × 50 pt at
 * 600 dpi is 1250 × 417 pixels, a full-width banner at 300 dpi 2000 × 400. libharu decodes
 * and recompresses the image into every document: a 4096 × 4096 RGBA logo cost 0.6 s,
 * 140 MB and 17 MB of PDF per document, so the cap is a quarter of that. */
#define RP_IMAGE_MAX_SIDE 10000L                 /* pixels, width and height each */
#define RP_IMAGE_MAX_PIXELS (2048L * 2048L)      /* width × height */
#define RP_IMAGE_MAX_BYTES (16L * 1024L * 1024L) /* file size (JPEG bytes are embedded as is) */

enum rp_image_format { RP_IMAGE_PNG, RP_IMAGE_JPEG };

/* Decodes every pixel of the `format` image in data[0..size) and checks that libharu 2.3.0
 * can embed it faithfully. Returns true if so; otherwise false with `why` (of `why_size`
 * bytes, owned by the caller) set to a clause saying what is wrong, e.g. "the PNG data is
 * invalid (IDAT: CRC error)". Never aborts, whatever the bytes. */
__attribute__((warn_unused_result)) bool rp_image_check(const unsigned char *data, size_t size,
                                                        enum rp_image_format format, char *why,
                                                        size_t why_size);

#endif
