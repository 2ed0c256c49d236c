/* Private to the PDF backend (src/render/pdf*.c, the only files that include <hpdf.h>):
 * the state of one document being written, shared by the drawing (pdf.c), the document's
 * metadata (pdf_meta.c) and its structure tree (pdf_tags.c). */
#ifndef RP_PDF_INTERNAL_H
#define RP_PDF_INTERNAL_H

#include "doc/doc.h"
#include "render/fonts.h"
#include "render/metrics.h"
#include "templates/theme.h"
#include "util/buf.h"

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rp_diags;
struct rp_page;
struct rp_item;
struct rp_struct_elem;
struct rp_buf;

/* The faces of a document: the four of its family, then the fallback faces found for the
 * characters those lack (pdf_fallback.c). */
enum { RP_PDF_FACES = 16 };

struct pdf {
    HPDF_Doc doc;
    struct rp_diags *diags;
    const char *path;
    int errors;
    struct rp_font_files files;
    struct rp_shaper *shaper;       /* the faces, loaded on first use (pdf_fonts.c) */
    bool face_failed[RP_PDF_FACES]; /* a face that could not be loaded, reported once */
    HPDF_Dict type0[RP_PDF_FACES];  /* the font of each face drawn, filled at the end */
    /* The fallback faces, from RP_FACE__MAX on, in the order they were first needed: their
     * files and the face of the family each stands in for. */
    char *fallback_path[RP_PDF_FACES];
    int fallback_style[RP_PDF_FACES];
    int fallback_count;
    /* Per face of the family, characters no installed face has: not looked up again. */
    uint32_t no_fallback[RP_FACE__MAX][32];
    size_t no_fallback_count[RP_FACE__MAX];
    struct rp_metrics metrics; /* the layout measures with the shaper */
    uint32_t missing[16];      /* characters without a glyph, warned of */
    size_t missing_count;
    /* Per face, the codes its glyphs are shown by, numbered in the order of first use
     * (pdf_fonts.c): the first ones a byte long, the rest two. A character drawn as .notdef
     * gets a code of its own (glyph 0), so that its ToUnicode entry keeps it in the text. */
    struct rp_pdf_codes {
        uint16_t *of_gid; /* per glyph id, its code's number + 1, 0 when not drawn yet */
        uint16_t *gid;    /* per code number, the glyph (0: a character drawn as .notdef) */
        uint32_t *cp;     /* per code number, the character of a .notdef code */
        size_t count, cap;
    } codes[RP_PDF_FACES];
    /* The header and footer items drawn so far, by their content (pdf.c): one seen before
     * is drawn by a form XObject, made the second time, which every later page shares. */
    struct rp_pdf_form {
        char *bytes;
        size_t len;
        HPDF_Dict form;   /* NULL until the item repeats */
        HPDF_Dict fonts;  /* the fonts its content names, by the names it gives them */
        HPDF_Dict states; /* the graphics states likewise (a watermark's opacity) */
    } * forms;
    size_t form_count, form_cap;
    bool codes_exhausted; /* a face drew more glyphs than it has codes: reported once */
    HPDF_Page *pages;
    double *heights;
    /* Each page's content, written here (pdf.c) rather than into libharu's stream: libharu
     * copies every byte of a memory stream three times, one at a time, while saving. The
     * packer puts it in place of the page's empty stream. */
    struct rp_pdf_content {
        struct rp_buf bytes;
        HPDF_Stream writer; /* the page's stream while it is drawn; NULL once saved */
    } * *contents;
    size_t page_count, page_cap;
    const struct rp_theme *theme;
    const char *image_path;   /* the image loaded last (the theme's logo): drawn once, */
    HPDF_Image image;         /* referenced from every page that shows it */
    struct rp_pdf_tags *tags; /* the structure: content and annotations drawn per element */
    struct {
        float alpha;
        HPDF_ExtGState state;
    } see_through[4]; /* the graphics states of the opacities drawn so far (pdf.c) */
    size_t see_through_count;
};

/* The Info dictionary: title, author, subject, keywords, creator, producer and the
 * document's date (from the model, never the clock). */
void rp_pdf_info(struct pdf *p, const struct rp_doc *doc);

/* The catalog's /Lang (WCAG 3.1.1) and /ViewerPreferences /DisplayDocTitle. */
void rp_pdf_catalog(struct pdf *p, const struct rp_doc *doc);

/* Writes `v` to `out` (room for 24 bytes) as content streams take numbers: rounded to
 * `decimals` (0 to 4), without trailing zeros, exponent or locale, "0" dropped before the
 * point. Returns the length written (no terminating NUL). */
size_t rp_pdf_num(char *out, double v, int decimals);

/* ---- fonts (pdf_fonts.c) */

struct rp_metrics;

/* Starts the shaper with the regular face and sets `m` to measure with it (shaped widths).
 * Returns 0, or -1 with the reason recorded. */
/* Appends UTF-8 `s` as UTF-16BE hex digits (surrogate pairs above U+FFFF): the form of PDF
 * text strings and of ToUnicode targets. */
void rp_pdf_utf16_hex(struct rp_buf *b, const char *s);
int rp_pdf_fonts_open(struct pdf *p, struct rp_metrics *m);
void rp_pdf_fonts_free(struct pdf *p);

/* Whether `face` is loaded, loading it on first use (a failure is reported once). */
bool rp_pdf_face(struct pdf *p, int face);

/* The file of `face` (of the family or a fallback face). */
const char *rp_pdf_face_path(const struct pdf *p, int face);

/* ---- pieces of text and their faces (pdf_fallback.c) */

struct rp_shaped;
typedef void (*rp_pdf_each)(struct pdf *p, int face, const struct rp_shaped *sh, const char *s,
                            size_t n, void *ctx);

/* Calls `each` for the pieces of `text` shaped apart, each with the face that draws it:
 * each space alone, and each run of other characters (a word), cut where the characters
 * of `face` lack are drawn by a fallback face and around a right-to-left core (bidi.h).
 * Measuring and drawing cut alike, so that a line is as wide drawn as measured; `visual`
 * (drawing) gives the pieces in the order they are drawn, left to right, otherwise in the
 * order of the text. */
void rp_pdf_pieces(struct pdf *p, int face, const char *text, size_t len, bool visual,
                   rp_pdf_each each, void *ctx);

/* The fallback faces' files, released with the document. */
void rp_pdf_fallback_free(struct pdf *p);

/* Shows `len` bytes of `text` in `face` inside the open text object, at the text matrix
 * `matrix` (NULL: where the caller placed it), selecting the font first when `set_font`: glyph
 * codes in a TJ array with the kerning between them, each glyph recorded for the face's subset
 * and ToUnicode map. A non-zero `lead` (thousandths of the size, one decimal) starts the array:
 * it moves the text left from where the last text ended. Returns the advance of what was
 * shown in thousandths of the size, as a reader adds it up from /W and the kerning. */
double rp_pdf_show(struct pdf *p, HPDF_Page page, int face, double size, bool set_font,
                   const double matrix[6], double lead, const char *text, size_t len);

/* The codes of a face's glyphs (pdf_fonts.c): numbers 0 to RP_PDF_ONE_BYTE_CODES - 1 are
 * one byte, <00> to <BF> but for the four a literal string escapes (CR ( ) \), and the rest
 * two bytes from <C000>: most documents draw fewer glyphs of a face than fit one byte. */
enum { RP_PDF_ONE_BYTE_CODES = 0xC0 - 4, RP_PDF_CODES_MAX = RP_PDF_ONE_BYTE_CODES + 0x4000 };

/* The code of number `n` (below RP_PDF_CODES_MAX): a value below 0x100 is one byte. */
unsigned rp_pdf_code_value(size_t n);

/* Writes the fonts of the faces drawn (subset programs, descriptors, widths, ToUnicode),
 * once every page is drawn. Returns 0, or -1 with the reason recorded. */
int rp_pdf_fonts_finish(struct pdf *p);

/* The file's PDF/A-2 (level A) and PDF/UA-1 identification, after rp_pdf_info() and
 * rp_pdf_catalog(): the XMP metadata (the Info dictionary's values), the sRGB output intent
 * (without a profile on the machine: neither it nor the PDF/A claim), the trailer's /ID
 * (from the document and its `page_count`) and the header's version 1.7. */
void rp_pdf_identify(struct pdf *p, const struct rp_doc *doc, size_t page_count);

/* ---- structure (pdf_tags.c) */

/* A BCP 47 tag for a language code of the model: Belgium's official languages as spoken
 * there ("fr" gives "fr-BE"), others as given. */
void rp_pdf_lang_tag(const char *code, char *out, size_t size);

/* Gives every page back its own stream (libharu's, empty): nothing is drawn any more.
 * Returns false when libharu would still write to a page as it saves: a text object, a
 * path or a saved graphics state left open, which it would close there (pdf_save.c). */
bool rp_pdf_detach_contents(struct pdf *p);

/* Writes the finished document to `fd`: libharu saves into its memory stream, its output is
 * packed (pdf_pack.c: its small objects compressed in object streams, its cross-reference
 * table as a stream), and the bytes go to a descriptor the caller opened itself
 * (HPDF_SaveToFile would fopen() a path, following links and truncating); the structure
 * tree follows as an update (pdf_tags.c). Output libharu wrote in a form the packer does
 * not know is written as it is, the page content then in libharu's own streams. Returns 0,
 * or -1 with the reason recorded. */
int rp_pdf_save(struct pdf *p, int fd);

/* How many threads the PDF's streams are deflated in (rp_render_pdf_threads()). */
int rp_pdf_threads(void);

/* Starts recording the structure of a document (p->tags). Returns 0, or -1 out of memory. */
int rp_pdf_tags_new(struct pdf *p);
void rp_pdf_tags_free(struct pdf *p);

/* Marks item `it` of page `pg` as content of its element or as an artifact, opening a marked-
 * content sequence when it changes, inside the text object open when `in_text` (the caller
 * keeps sequences and text objects nested). `open` tracks the sequence open on the page. */
struct rp_pdf_mark {
    bool open;
    bool in_text; /* opened inside a text object, so it must end before ET */
    uint32_t elem;
    int artifact;
};
void rp_pdf_tags_mark(struct pdf *p, HPDF_Page page, const struct rp_page *pg,
                      const struct rp_item *it, struct rp_pdf_mark *open, bool in_text);
/* Ends the open sequence, if any (at the end of a page, or before its text object ends). */
void rp_pdf_tags_close_mark(HPDF_Page page, struct rp_pdf_mark *open);

/* Whether item `it` would open a new marked-content sequence after `open`. */
bool rp_pdf_tags_changes(const struct rp_item *it, const struct rp_pdf_mark *open);

/* Records link annotation `annot`, drawn for item `it` of page `pg`, in its element, with
 * its description (/Contents) and print flag. */
void rp_pdf_tags_annot(struct pdf *p, HPDF_Annotation annot, const struct rp_page *pg,
                       const struct rp_item *it);

/* Prepares the structure of the finished document from the elements of the layout
 * (`elems`, [1, count), which must live until rp_pdf_tags_update()): /MarkInfo, the
 * /StructParents and /Tabs of every page, the /StructParent of every annotation. */
void rp_pdf_tags_write(struct pdf *p, const struct rp_struct_elem *elems, size_t count);

/* Makes the object streams of the structure tree for objects numbered from `first` and
 * deflates them, ahead of rp_pdf_tags_update(), which uses them when its `first` is the same
 * (and makes them again otherwise). Returns 0, or -1 out of memory. */
int rp_pdf_tags_prepare(struct pdf *p, unsigned first);

/* Appends to `out` the incremental update that holds the structure tree, for a file whose
 * first part is `base` bytes long with its cross-reference table (or stream) at `xref_at`
 * and its first free object number `first` (0: the one after libharu's objects).
 * Returns 0 (also when there is no structure), or -1 out of memory. */
int rp_pdf_tags_update(struct pdf *p, size_t base, size_t xref_at, unsigned first,
                       struct rp_buf *out);

#endif
