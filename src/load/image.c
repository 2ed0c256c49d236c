/* Full decode of PNG (libpng) and JPEG (libjpeg) logos, with every library error turned
 * into a message: libpng and libjpeg report errors by longjmp, confined to this file. */
#include "load/image.h"

#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

/* A progressive JPEG may hold any number of scans, each a pass over the whole image
 * (libjpeg-turbo's djpeg -maxscans guards against the same); real files have about 10. */
#define MAX_JPEG_SCANS 100

static bool too_large(unsigned long w, unsigned long h, char *why, size_t why_size)
{
    if (w == 0 || h == 0 || w > RP_IMAGE_MAX_SIDE || h > RP_IMAGE_MAX_SIDE ||
        (uint64_t)w * h > (uint64_t)RP_IMAGE_MAX_PIXELS) {
        snprintf(why, why_size,
                 "it is %lu × %lu pixels; at most %ld a side and %ld in all are accepted", w, h,
                 RP_IMAGE_MAX_SIDE, RP_IMAGE_MAX_PIXELS);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------------ PNG */

/* State of one PNG decode; it lives in the caller of the function that calls setjmp, so
 * that it is still valid after a longjmp. */
struct png_job {
    const unsigned char *data;
    size_t size, pos;
    png_structp png;
    png_infop info;
    unsigned char *row;
    char *why;
    size_t why_size;
};

static void png_read_bytes(png_structp png, png_bytep out, size_t n)
{
    struct png_job *j = png_get_io_ptr(png);
    /* libharu ignores short reads and decodes stale bytes; here they are an error. */
    if (n > j->size - j->pos)
        png_error(png, "the file ends too early");
    memcpy(out, j->data + j->pos, n);
    j->pos += n;
}

/* Errors and warnings alike: libharu 2.3.0 gives libpng one handler for both and fails the
 * load on a warning too (an RGBA file with a tRNS chunk, a known-bad sRGB profile). */
static void png_on_error(png_structp png, png_const_charp msg)
{
    struct png_job *j = png_get_error_ptr(png);
    snprintf(j->why, j->why_size, "the PNG data is invalid (%s)", msg);
    png_longjmp(png, 1);
}

/* What libharu 2.3.0 cannot embed faithfully, found by loading every PNG variant: it fails
 * on interlaced files, writes 16-bit samples as 8-bit data under /BitsPerComponent 16, reads
 * past its rows for palettes under 8 bits with transparency, and crashes on an RGB tRNS. */
static bool png_unsupported(struct png_job *j, int depth, int type, int interlace)
{
    const char *what = NULL;
    if (interlace != PNG_INTERLACE_NONE)
        what = "it is an interlaced PNG (save it non-interlaced)";
    else if (depth == 16)
        what = "it has 16-bit samples (save it with 8-bit samples)";
    else if (png_get_valid(j->png, j->info, PNG_INFO_tRNS) &&
             !(type == PNG_COLOR_TYPE_PALETTE && depth == 8))
        what = "its transparency is a tRNS chunk on a non-8-bit-palette image (save it with an "
               "alpha channel)";
    if (what)
        snprintf(j->why, j->why_size, "%s, which the PDF writer cannot embed", what);
    return what != NULL;
}

static bool png_decode(struct png_job *j)
{
    if (setjmp(png_jmpbuf(j->png)))
        return false;
    png_set_read_fn(j->png, j, png_read_bytes);
    png_read_info(j->png, j->info); /* every chunk up to the first IDAT: no pixel yet */
    png_uint_32 w, h;
    int depth, type, interlace;
    png_get_IHDR(j->png, j->info, &w, &h, &depth, &type, &interlace, NULL, NULL);
    if (too_large(w, h, j->why, j->why_size) || png_unsupported(j, depth, type, interlace))
        return false;
    png_read_update_info(j->png, j->info);
    j->row = malloc(png_get_rowbytes(j->png, j->info));
    if (!j->row) {
        snprintf(j->why, j->why_size, "out of memory");
        return false;
    }
    for (png_uint_32 y = 0; y < h; y++)
        png_read_row(j->png, j->row, NULL);
    png_read_end(j->png, NULL); /* up to IEND: a cut file is refused even after its pixels */
    return true;
}

static bool check_png(const unsigned char *data, size_t size, char *why, size_t why_size)
{
    struct png_job j = {data, size, 0, NULL, NULL, NULL, why, why_size};
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        snprintf(why, why_size, "it is not a PNG file");
        return false;
    }
    j.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &j, png_on_error, png_on_error);
    j.info = j.png ? png_create_info_struct(j.png) : NULL;
    bool ok = j.info && png_decode(&j);
    if (!j.info)
        snprintf(why, why_size, "out of memory");
    png_destroy_read_struct(j.png ? &j.png : NULL, j.info ? &j.info : NULL, NULL);
    free(j.row);
    return ok;
}

/* ------------------------------------------------------------------ JPEG */

struct jpeg_job {
    struct jpeg_decompress_struct cinfo;
    struct jpeg_error_mgr err;
    struct jpeg_progress_mgr progress;
    jmp_buf jmp;
    unsigned char *row;
    char *why;
    size_t why_size;
};

static void jpeg_on_error(j_common_ptr cinfo)
{
    struct jpeg_job *j = cinfo->client_data;
    char msg[JMSG_LENGTH_MAX];
    cinfo->err->format_message(cinfo, msg);
    snprintf(j->why, j->why_size, "the JPEG data is invalid (%s)", msg);
    longjmp(j->jmp, 1);
}

/* libjpeg only warns about a truncated or corrupt stream (and pads it with grey): what
 * libharu would embed unchecked, so a warning is an error here. Trace messages pass. */
static void jpeg_on_message(j_common_ptr cinfo, int level)
{
    if (level < 0)
        jpeg_on_error(cinfo);
}

static void jpeg_on_progress(j_common_ptr cinfo)
{
    struct jpeg_job *j = cinfo->client_data;
    if (((j_decompress_ptr)cinfo)->input_scan_number > MAX_JPEG_SCANS) {
        snprintf(j->why, j->why_size, "it has more than %d scans", MAX_JPEG_SCANS);
        longjmp(j->jmp, 1);
    }
}

/* The size and components libharu 2.3.0 will write, found its way: it walks the marker
 * segments from SOI by their lengths, without decoding, up to the first SOF0/1/2/9. */
static bool libharu_header(const unsigned char *d, size_t size, unsigned *w, unsigned *h,
                           unsigned *components)
{
    if (size < 2 || d[0] != 0xFF || d[1] != 0xD8)
        return false;
    for (size_t pos = 2; pos + 4 <= size;) {
        unsigned tag = (unsigned)d[pos] << 8 | d[pos + 1];
        size_t len = (size_t)d[pos + 2] << 8 | d[pos + 3];
        if (tag == 0xFFC0 || tag == 0xFFC1 || tag == 0xFFC2 || tag == 0xFFC9) {
            if (pos + 10 > size)
                return false;
            *h = (unsigned)d[pos + 5] << 8 | d[pos + 6];
            *w = (unsigned)d[pos + 7] << 8 | d[pos + 8];
            *components = d[pos + 9];
            return true;
        }
        /* Where libharu gives up; a length under 2 would make it seek backwards forever. */
        if ((tag >> 8) != 0xFF || len < 2)
            return false;
        pos += 2 + len;
    }
    return false;
}

static bool jpeg_unsupported(struct jpeg_job *j, const unsigned char *data, size_t size)
{
    j_decompress_ptr c = &j->cinfo;
    unsigned w = 0, h = 0, n = 0;
    const char *what = NULL;
    if (!libharu_header(data, size, &w, &h, &n) || w != c->image_width || h != c->image_height ||
        n != (unsigned)c->num_components)
        what = "its markers are laid out in a way the PDF writer cannot follow";
    else if (c->arith_code)
        what = "it uses arithmetic coding, which PDF readers do not all decode";
    else if (n != 1 && n != 3 && n != 4)
        what = "it has neither 1, 3 nor 4 colour components";
    else if (n == 4 && !c->saw_Adobe_marker)
        what = "it is a CMYK JPEG without an Adobe marker (its colours would come out inverted)";
    if (what)
        snprintf(j->why, j->why_size, "%s", what);
    return what != NULL;
}

static bool jpeg_decode(struct jpeg_job *j, const unsigned char *data, size_t size)
{
    j_decompress_ptr c = &j->cinfo;
    if (setjmp(j->jmp))
        return false;
    jpeg_create_decompress(c);
    c->client_data = j;
    c->progress = &j->progress;
    jpeg_mem_src(c, data, (unsigned long)size);
    jpeg_read_header(c, TRUE);
    if (too_large(c->image_width, c->image_height, j->why, j->why_size) ||
        jpeg_unsupported(j, data, size))
        return false;
    /* Every coefficient is still entropy-decoded (what a corrupt stream breaks); only the
     * inverse DCT is cut down, which keeps rows small and the decode fast. */
    c->scale_num = 1;
    c->scale_denom = 8;
    c->dct_method = JDCT_IFAST;
    c->do_fancy_upsampling = FALSE;
    jpeg_start_decompress(c);
    j->row = malloc((size_t)c->output_width * (size_t)c->output_components);
    if (!j->row) {
        snprintf(j->why, j->why_size, "out of memory");
        return false;
    }
    while (c->output_scanline < c->output_height) {
        JSAMPROW rows[1] = {j->row};
        jpeg_read_scanlines(c, rows, 1);
    }
    jpeg_finish_decompress(c);
    return true;
}

static bool check_jpeg(const unsigned char *data, size_t size, char *why, size_t why_size)
{
    struct jpeg_job *j = calloc(1, sizeof *j); /* jmp_buf and the libjpeg structs: ~1 kB */
    if (!j) {
        snprintf(why, why_size, "out of memory");
        return false;
    }
    j->why = why;
    j->why_size = why_size;
    j->cinfo.err = jpeg_std_error(&j->err);
    j->err.error_exit = jpeg_on_error;
    j->err.emit_message = jpeg_on_message;
    j->progress.progress_monitor = jpeg_on_progress;
    j->cinfo.client_data = j; /* an error in jpeg_create_decompress finds it too */
    bool ok = size > 0 && jpeg_decode(j, data, size);
    if (size == 0)
        snprintf(why, why_size, "the file is empty");
    jpeg_destroy_decompress(&j->cinfo);
    free(j->row);
    free(j);
    return ok;
}

/* ------------------------------------------------------------------ entry points */

bool rp_image_check(const unsigned char *data, size_t size, enum rp_image_format format, char *why,
                    size_t why_size)
{
    if (size > (size_t)RP_IMAGE_MAX_BYTES) {
        snprintf(why, why_size, "the file has %zu bytes; at most %ld are accepted", size,
                 RP_IMAGE_MAX_BYTES);
        return false;
    }
    return format == RP_IMAGE_PNG ? check_png(data, size, why, why_size)
                                  : check_jpeg(data, size, why, why_size);
}
