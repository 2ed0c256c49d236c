/* XMP metadata (ISO 16684-1) as PDF/A-2 and PDF/UA-1 read it: the packet a PDF's catalog
 * points to with /Metadata. Plain text in, UTF-8 out: no PDF library here, so the packet can
 * be tested on its own and the PDF backend only embeds it. */
#ifndef RP_RENDER_XMP_H
#define RP_RENDER_XMP_H

#include <stddef.h>

/* "2024-03-15T00:00:00Z" and a NUL. */
#define RP_XMP_DATE 21

/* What the packet says. Strings are UTF-8; NULL and "" mean absent where a field is
 * optional. */
struct rp_xmp {
    const char *title;        /* dc:title (always written, "" when NULL) */
    const char *lang;         /* the title's language, a BCP 47 tag ("fr-BE"); optional */
    const char *author;       /* dc:creator; optional */
    const char *subject;      /* dc:description; optional */
    const char *keywords;     /* pdf:Keywords; optional */
    const char *creator_tool; /* xmp:CreatorTool; optional */
    const char *producer;     /* pdf:Producer; optional */
    /* xmp:CreateDate, ModifyDate and MetadataDate, at midnight UTC; year 0: no dates;
     * month or day 0 mean 1. */
    int year, month, day;
    const char *pdfa_part;        /* pdfaid:part ("2"); NULL: no PDF/A claim */
    const char *pdfa_conformance; /* pdfaid:conformance ("A"); optional */
    const char *pdfua_part;       /* pdfuaid:part ("1"); NULL: no PDF/UA claim */
};

/* The packet, NUL-terminated, malloc'd for the caller to free; its length (without the NUL)
 * into *size when not NULL. Every value goes through rp_xmp_text() and is escaped. */
char *rp_xmp_packet(const struct rp_xmp *x, size_t *size);

/* A malloc'd copy of `s` (NULL gives "") as the packet carries it, so that whatever else
 * shows the same value (a PDF's Info dictionary) can show exactly that: invalid UTF-8
 * becomes U+FFFD, tab, line feed and carriage return become a space, the other control
 * characters (C0, DEL, C1) and the non-characters U+FFFE and U+FFFF are dropped. */
char *rp_xmp_text(const char *s);

/* The date as XMP writes it ("2024-03-15T00:00:00Z"), month or day 0 meaning 1. */
void rp_xmp_date(int year, int month, int day, char out[RP_XMP_DATE]);

#endif
