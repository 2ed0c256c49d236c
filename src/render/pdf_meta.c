/* The PDF document's metadata over libharu 2.3.0's internals: the Info dictionary, the
 * catalog entries libharu has no API for, the file's PDF/A-2 and PDF/UA-1 identification
 * (XMP metadata, output intent, file identifier) and the fonts' ToUnicode maps. */
#include "render/pdf_internal.h"

#include "render/xmp.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/hash.h"
#include "util/utf8.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef RAPPORT_VERSION
#define RAPPORT_VERSION "0"
#endif

/* Where Debian installs an sRGB display profile, first found first used:
 * icc-profiles-free (ICC v2, 7 KB; in .ci/packages), then colord-data (ICC v4, 20 KB). A
 * build for another system names its own. */
#ifndef RP_SRGB_PROFILES
#define RP_SRGB_PROFILES "/usr/share/color/icc/sRGB.icc", "/usr/share/color/icc/colord/sRGB.icc"
#endif

/* The values the Info dictionary and the XMP packet both show, made once from the document
 * so that the two agree to the character (PDF/A validators compare them). */
struct meta {
    char *title, *author, *subject, *keywords, *creator, *producer;
    char lang[16];
    int year, month, day; /* year 0: no date */
};

/* `s` as both places can carry it: libharu's UTF-8 encoder turns a code point beyond the
 * BMP into a space in the Info dictionary, so the XMP gets that space too; then what XMP
 * drops (rp_xmp_text). */
static char *meta_text(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    /* An invalid byte becomes U+FFFD, three bytes: the most any input byte gives. */
    char *bmp = rp_xmalloc(3 * n + 1), *out = bmp;
    const char *q = s, *end = s + n;
    while (q < end) {
        uint32_t cp = rp_utf8_next(&q, end);
        out += rp_utf8_encode(cp > 0xFFFF ? ' ' : cp, out);
    }
    *out = '\0';
    char *clean = rp_xmp_text(bmp);
    free(bmp);
    return clean;
}

static void meta_of(const struct rp_doc *doc, struct meta *m)
{
    m->title = meta_text(doc->title);
    m->author = meta_text(doc->organisation);
    m->subject = meta_text(doc->subject);
    m->keywords = meta_text(doc->keywords);
    m->creator = meta_text("rapport " RAPPORT_VERSION);
    /* libharu would name itself alone: the file says which program made it and with what. */
    char producer[96];
    snprintf(producer, sizeof producer, "rapport %s (libharu %s)", RAPPORT_VERSION,
             HPDF_GetVersion());
    m->producer = meta_text(producer);
    rp_pdf_lang_tag(doc->lang, m->lang, sizeof m->lang);
    m->year = doc->year > 0 ? doc->year : 0;
    m->month = doc->month ? doc->month : 1;
    m->day = doc->day ? doc->day : 1;
}

static void meta_free(struct meta *m)
{
    free(m->title);
    free(m->author);
    free(m->subject);
    free(m->keywords);
    free(m->creator);
    free(m->producer);
}

void rp_pdf_info(struct pdf *p, const struct rp_doc *doc)
{
    struct meta m;
    meta_of(doc, &m);
    HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, m.title);
    /* An empty entry would have no XMP counterpart: absent in both. */
    if (*m.author)
        HPDF_SetInfoAttr(p->doc, HPDF_INFO_AUTHOR, m.author);
    if (*m.subject)
        HPDF_SetInfoAttr(p->doc, HPDF_INFO_SUBJECT, m.subject);
    if (*m.keywords)
        HPDF_SetInfoAttr(p->doc, HPDF_INFO_KEYWORDS, m.keywords);
    HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, m.creator);
    HPDF_SetInfoAttr(p->doc, HPDF_INFO_PRODUCER, m.producer);
    if (m.year > 0) {
        HPDF_Date d = {m.year, m.month, m.day, 0, 0, 0, 'Z', 0, 0};
        HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
    }
    meta_free(&m);
}

/* /Lang (WCAG 3.1.1) and /DisplayDocTitle: libharu 2.3.0 has no API for either. */
void rp_pdf_catalog(struct pdf *p, const struct rp_doc *doc)
{
    HPDF_Doc d = p->doc;
    char lang[16];
    rp_pdf_lang_tag(doc->lang, lang, sizeof lang);
    if (*lang)
        HPDF_Dict_Add(d->catalog, "Lang", HPDF_String_New(d->mmgr, lang, NULL));
    HPDF_Dict prefs = HPDF_Dict_New(d->mmgr);
    if (prefs && HPDF_Dict_Add(d->catalog, "ViewerPreferences", prefs) == HPDF_OK)
        HPDF_Dict_Add(prefs, "DisplayDocTitle", HPDF_Boolean_New(d->mmgr, HPDF_TRUE));
}

/* Whether the bytes are an ICC profile PDF/A-2 accepts as an output intent for RGB: a
 * display profile of ICC version 2 or 4, whole (the size in its header is the file's). */
static bool rgb_display_profile(const unsigned char *b, size_t n)
{
    if (n < 132)
        return false;
    size_t declared = (size_t)b[0] << 24 | (size_t)b[1] << 16 | (size_t)b[2] << 8 | b[3];
    return declared == n && memcmp(b + 36, "acsp", 4) == 0 && (b[8] == 2 || b[8] == 4) &&
           memcmp(b + 12, "mntr", 4) == 0 && memcmp(b + 16, "RGB ", 4) == 0;
}

/* The catalog's /OutputIntents: the sRGB profile the device RGB colours are meant in, which
 * PDF/A requires of a file that paints with device colours (every colour rapport draws).
 * Returns whether it was written. A machine without a profile still gets its documents,
 * without the output intent and so without a PDF/A claim: the file then claims nothing it
 * does not hold. */
static bool output_intent(struct pdf *p)
{
    static const char *const profiles[] = {RP_SRGB_PROFILES};
    struct rp_read icc = {0};
    for (size_t i = 0; i < sizeof profiles / sizeof *profiles && !icc.data; i++) {
        rp_file_read(profiles[i], 1 << 20, &icc);
        if (icc.data && !rgb_display_profile((const unsigned char *)icc.data, icc.size)) {
            free(icc.data);
            icc.data = NULL;
        }
    }
    if (!icc.data)
        return false;
    /* Each object is attached as soon as it exists, so the document frees it whatever fails
     * next. libharu's HPDF_PDFA_AppendOutputIntents is not used: 2.3.0 writes its profile
     * under the key "DestOutputProfile " (with a space). */
    HPDF_Doc d = p->doc;
    bool done = false;
    HPDF_Array intents = HPDF_Array_New(d->mmgr);
    if (!intents || HPDF_Dict_Add(d->catalog, "OutputIntents", intents) != HPDF_OK)
        goto out;
    HPDF_Dict intent = HPDF_Dict_New(d->mmgr);
    if (!intent || HPDF_Array_Add(intents, intent) != HPDF_OK)
        goto out;
    HPDF_Dict profile = HPDF_DictStream_New(d->mmgr, d->xref);
    if (!profile || HPDF_Dict_Add(intent, "DestOutputProfile", profile) != HPDF_OK)
        goto out;
    profile->filter = HPDF_STREAM_FILTER_NONE; /* deflated by the packer */
    const char *name = "sRGB IEC61966-2.1";    /* the registry's name of the condition */
    done = HPDF_Dict_AddName(intent, "Type", "OutputIntent") == HPDF_OK &&
           HPDF_Dict_AddName(intent, "S", "GTS_PDFA1") == HPDF_OK &&
           HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                         HPDF_String_New(d->mmgr, name, NULL)) == HPDF_OK &&
           HPDF_Dict_Add(intent, "Info", HPDF_String_New(d->mmgr, name, NULL)) == HPDF_OK &&
           HPDF_Dict_AddNumber(profile, "N", 3) == HPDF_OK &&
           HPDF_Stream_Write(profile->stream, (const HPDF_BYTE *)icc.data, (HPDF_UINT)icc.size) ==
               HPDF_OK;
out:
    free(icc.data);
    return done;
}

/* The catalog's /Metadata: the XMP packet, unfiltered as PDF/A wants it (a reader finds it
 * by scanning the bytes), although the document compresses every other stream. */
static void metadata(struct pdf *p, const struct rp_doc *doc, bool pdfa)
{
    struct meta m;
    meta_of(doc, &m);
    struct rp_xmp x = {.title = m.title,
                       .lang = m.lang,
                       .author = m.author,
                       .subject = m.subject,
                       .keywords = m.keywords,
                       .creator_tool = m.creator,
                       .producer = m.producer,
                       .year = m.year,
                       .month = m.month,
                       .day = m.day,
                       .pdfa_part = pdfa ? "2" : NULL,
                       .pdfa_conformance = pdfa ? "A" : NULL,
                       .pdfua_part = "1"};
    size_t size;
    char *packet = rp_xmp_packet(&x, &size);
    HPDF_Doc d = p->doc;
    HPDF_Dict s = HPDF_DictStream_New(d->mmgr, d->xref);
    if (s && HPDF_Dict_Add(d->catalog, "Metadata", s) == HPDF_OK) {
        s->filter = HPDF_STREAM_FILTER_NONE;
        if (HPDF_Dict_AddName(s, "Type", "Metadata") == HPDF_OK &&
            HPDF_Dict_AddName(s, "Subtype", "XML") == HPDF_OK)
            HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)packet, (HPDF_UINT)size);
    }
    free(packet);
    meta_free(&m);
}

static void id_field(struct rp_sha256 *h, const char *s)
{
    /* Presence, then the text with its NUL: ("ab", "c") and ("a", "bc") differ. */
    rp_sha256_update(h, s ? "1" : "0", 1);
    if (s)
        rp_sha256_update(h, s, strlen(s) + 1);
}

/* The trailer's /ID, which PDF/A requires: from what tells the document apart, never from
 * the clock, so that the same input gives the same bytes. Both halves are equal: the file
 * is never updated. libharu writes /ID only when it encrypts or through its own PDF/A call
 * (HPDF_PDFA_SetPDFAConformance, an MD5 of ctime()), neither of which rapport uses, so
 * this one is written as is. */
static void file_id(struct pdf *p, const struct rp_doc *doc, size_t page_count)
{
    struct rp_sha256 h;
    rp_sha256_init(&h);
    id_field(&h, doc->title);
    id_field(&h, doc->subtitle);
    id_field(&h, doc->organisation);
    id_field(&h, doc->lang);
    char rest[96];
    snprintf(rest, sizeof rest, "%d %04d-%02d-%02d %zu", (int)doc->edition, doc->year, doc->month,
             doc->day, page_count);
    id_field(&h, rest);
    unsigned char digest[RP_SHA256_SIZE];
    rp_sha256_digest(&h, digest);
    HPDF_Doc d = p->doc;
    HPDF_Array id = HPDF_Array_New(d->mmgr);
    if (!id || HPDF_Dict_Add(d->trailer, "ID", id) != HPDF_OK)
        return;
    for (int i = 0; i < 2; i++)
        HPDF_Array_Add(id, HPDF_Binary_New(d->mmgr, digest, 16));
}

void rp_pdf_identify(struct pdf *p, const struct rp_doc *doc, size_t page_count)
{
    /* PDF/UA-1 is written against ISO 32000-1 (PDF 1.7). libharu writes a classic
     * cross-reference table and no object streams, which 1.7 keeps; every drawing call,
     * the only ones that could change the version, came before. */
    p->doc->pdf_version = HPDF_VER_17;
    metadata(p, doc, output_intent(p));
    file_id(p, doc, page_count);
}
