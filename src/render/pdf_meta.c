/* The PDF document's metadata over libharu 2.3.0's internals: the Info dictionary, the
 * catalog entries libharu has no API for, and the fonts' ToUnicode maps. */
#include "render/pdf_internal.h"

#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef RAPPORT_VERSION
#define RAPPORT_VERSION "0"
#endif

void rp_pdf_info(struct pdf *p, const struct rp_doc *doc)
{
    HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, doc->title ? doc->title : "");
    HPDF_SetInfoAttr(p->doc, HPDF_INFO_AUTHOR, doc->organisation ? doc->organisation : "");
    if (doc->subject && *doc->subject)
        HPDF_SetInfoAttr(p->doc, HPDF_INFO_SUBJECT, doc->subject);
    if (doc->keywords && *doc->keywords)
        HPDF_SetInfoAttr(p->doc, HPDF_INFO_KEYWORDS, doc->keywords);
    HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "rapport " RAPPORT_VERSION);
    if (doc->year > 0) {
        HPDF_Date d = {
            doc->year, doc->month ? doc->month : 1, doc->day ? doc->day : 1, 0, 0, 0, 'Z', 0, 0};
        HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
    }
}

/* /Lang (WCAG 3.1.1) and /DisplayDocTitle: libharu 2.3.0 has no API for either. */
void rp_pdf_catalog(struct pdf *p, const struct rp_doc *doc)
{
    HPDF_Doc d = p->doc;
    char lang[16];
    const char *code = doc->lang ? doc->lang : "";
    /* Belgium's three official languages are tagged as spoken there; English is not. */
    if (strcmp(code, "fr") == 0 || strcmp(code, "nl") == 0 || strcmp(code, "de") == 0)
        snprintf(lang, sizeof lang, "%s-BE", code);
    else
        snprintf(lang, sizeof lang, "%.15s", code);
    if (*lang)
        HPDF_Dict_Add(d->catalog, "Lang", HPDF_String_New(d->mmgr, lang, NULL));
    HPDF_Dict prefs = HPDF_Dict_New(d->mmgr);
    if (prefs && HPDF_Dict_Add(d->catalog, "ViewerPreferences", prefs) == HPDF_OK)
        HPDF_Dict_Add(prefs, "DisplayDocTitle", HPDF_Boolean_New(d->mmgr, HPDF_TRUE));
}

/* Writes a CMap mapping each code drawn with `face` to itself: the UTF-8 fonts use the
 * Unicode code point as character code. Ranges never cross a 256-code block, as the CMap
 * format requires, and blocks hold at most 100 ranges. */
void rp_pdf_to_unicode(struct pdf *p, int face)
{
    HPDF_Doc d = p->doc;
    HPDF_Dict font = p->font[face];
    if (!font)
        return; /* never used, never embedded */
    HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    if (cmap)
        HPDF_MemStream_FreeData(cmap->stream);
    else {
        cmap = HPDF_DictStream_New(d->mmgr, d->xref);
        if (!cmap || HPDF_Dict_Add(font, "ToUnicode", cmap) != HPDF_OK)
            return;
    }
    cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream s = cmap->stream;
    HPDF_Stream_WriteStr(
        s, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
           "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
           "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    /* Collect ranges first: the block header needs their count. */
    size_t cap = 256, n = 0;
    uint32_t(*ranges)[2] = rp_xmalloc(cap * sizeof *ranges);
    const unsigned char *used = p->used[face];
    for (uint32_t cp = 0; cp <= 0xFFFF; cp++) {
        if (!(used[cp >> 3] & (1u << (cp & 7))))
            continue;
        if (n && ranges[n - 1][1] + 1 == cp && (cp & 0xFF) != 0) {
            ranges[n - 1][1] = cp;
            continue;
        }
        if (n == cap)
            ranges = rp_xrealloc(ranges, (cap *= 2) * sizeof *ranges);
        ranges[n][0] = ranges[n][1] = cp;
        n++;
    }
    char line[64];
    for (size_t i = 0; i < n; i += 100) {
        size_t k = n - i < 100 ? n - i : 100;
        snprintf(line, sizeof line, "%zu beginbfrange\n", k);
        HPDF_Stream_WriteStr(s, line);
        for (size_t j = i; j < i + k; j++) {
            snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n", (unsigned)ranges[j][0],
                     (unsigned)ranges[j][1], (unsigned)ranges[j][0]);
            HPDF_Stream_WriteStr(s, line);
        }
        HPDF_Stream_WriteStr(s, "endbfrange\n");
    }
    free(ranges);
    HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

