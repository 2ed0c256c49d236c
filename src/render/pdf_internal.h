/* Private to the PDF backend (src/render/pdf*.c, the only files that include <hpdf.h>):
 * the state of one document being written, shared by the drawing (pdf.c), the document's
 * metadata (pdf_meta.c) and its structure tree (pdf_tags.c). */
#ifndef RP_PDF_INTERNAL_H
#define RP_PDF_INTERNAL_H

#include "doc/doc.h"
#include "render/fonts.h"
#include "templates/theme.h"

#include <hpdf.h>
#include <stddef.h>

struct rp_diags;

struct pdf {
    HPDF_Doc doc;
    struct rp_diags *diags;
    const char *path;
    int errors;
    struct rp_font_files files;
    HPDF_Font font[RP_FACE__MAX];           /* loaded on first use: an unused face costs nothing */
    float *widths[RP_FACE__MAX][256];       /* advance cache per 256-code-point block */
    unsigned char used[RP_FACE__MAX][8192]; /* code points drawn, for the ToUnicode map */
    HPDF_Page *pages;
    double *heights;
    size_t page_count, page_cap;
    char *buf; /* NUL-terminated copy of the text being shown */
    size_t buf_cap;
    const struct rp_theme *theme;
    const char *image_path; /* the image loaded last (the theme's logo): drawn once, */
    HPDF_Image image;       /* referenced from every page that shows it */
};

/* The Info dictionary: title, author, subject, keywords, creator and the document's date
 * (from the model, never the clock). */
void rp_pdf_info(struct pdf *p, const struct rp_doc *doc);

/* The catalog's /Lang (WCAG 3.1.1) and /ViewerPreferences /DisplayDocTitle. */
void rp_pdf_catalog(struct pdf *p, const struct rp_doc *doc);

/* Replaces libharu's ToUnicode CMap of `face` (which poppler rejects) by one that maps every
 * code drawn with it. */
void rp_pdf_to_unicode(struct pdf *p, int face);

#endif
