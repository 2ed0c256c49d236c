/* The XMP packet of a PDF/A-2 and PDF/UA-1 file. Validators compare it with the Info
 * dictionary entry by entry and parse it as XML, so every value is cleaned and escaped here,
 * and the packet declares every property that no predefined XMP schema holds. */
#include "render/xmp.h"

#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put(struct rp_buf *b, const char *s)
{
    rp_buf_adds(b, s);
}

char *rp_xmp_text(const char *s)
{
    struct rp_buf b = {0};
    rp_buf_add(&b, "", 0);
    if (!s)
        return b.data;
    const char *p = s, *end = s + strlen(s);
    while (p < end) {
        uint32_t cp = rp_utf8_next(&p, end);
        if (cp == '\t' || cp == '\n' || cp == '\r')
            cp = ' ';
        /* Not characters XML 1.0 allows (C0, U+FFFE, U+FFFF), or ones it discourages. */
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
            continue;
        char u[4];
        rp_buf_add(&b, u, rp_utf8_encode(cp, u));
    }
    return b.data;
}

/* `s` cleaned (rp_xmp_text) and escaped for element content and attribute values. */
static void put_text(struct rp_buf *b, const char *s)
{
    char *clean = rp_xmp_text(s);
    for (const char *p = clean; *p; p++) {
        switch (*p) {
        case '&':
            put(b, "&amp;");
            break;
        case '<':
            put(b, "&lt;");
            break;
        case '>':
            put(b, "&gt;");
            break;
        case '"':
            put(b, "&quot;");
            break;
        default:
            rp_buf_add(b, p, 1);
            break;
        }
    }
    free(clean);
}

static bool given(const char *s)
{
    return s && *s;
}

/* A BCP 47 tag's characters (ASCII letters, digits and hyphens, a letter first), nothing
 * that xml:lang could misread. A tag that is not one is left out. */
static bool language_tag(const char *s)
{
    if (!s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return false;
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
              (s[n] >= '0' && s[n] <= '9') || s[n] == '-'))
            return false;
    return n <= 35 && strcmp(s, "x-default") != 0;
}

static void element(struct rp_buf *b, const char *name, const char *value)
{
    put(b, "   <");
    put(b, name);
    put(b, ">");
    put_text(b, value);
    put(b, "</");
    put(b, name);
    put(b, ">\n");
}

/* An rdf:Alt of one text: as x-default, and tagged with its language when known (PDF/UA
 * readers pick the entry in the document's language). */
static void alt(struct rp_buf *b, const char *name, const char *text, const char *lang)
{
    put(b, "   <");
    put(b, name);
    put(b, ">\n    <rdf:Alt>\n     <rdf:li xml:lang=\"x-default\">");
    put_text(b, text);
    put(b, "</rdf:li>\n");
    if (language_tag(lang)) {
        put(b, "     <rdf:li xml:lang=\"");
        put_text(b, lang);
        put(b, "\">");
        put_text(b, text);
        put(b, "</rdf:li>\n");
    }
    put(b, "    </rdf:Alt>\n   </");
    put(b, name);
    put(b, ">\n");
}

void rp_xmp_date(int year, int month, int day, char out[RP_XMP_DATE])
{
    year = year < 0 ? 0 : year > 9999 ? 9999 : year;
    month = month < 1 ? 1 : month > 12 ? 12 : month;
    day = day < 1 ? 1 : day > 31 ? 31 : day;
    snprintf(out, RP_XMP_DATE, "%04d-%02d-%02dT00:00:00Z", year, month, day);
}

/* PDF/A-2 (6.6.2.3) accepts only the properties of the predefined XMP schemas unless the
 * packet describes the others: PDF/UA's identification is not predefined. The description
 * is in the form veraPDF checks (schema, namespaceURI, prefix, then each property's name,
 * valueType, category and description). */
static const char pdfua_extension[] =
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas>\n"
    "    <rdf:Bag>\n"
    "     <rdf:li rdf:parseType=\"Resource\">\n"
    "      <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>\n"
    "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "      <pdfaSchema:property>\n"
    "       <rdf:Seq>\n"
    "        <rdf:li rdf:parseType=\"Resource\">\n"
    "         <pdfaProperty:name>part</pdfaProperty:name>\n"
    "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "         <pdfaProperty:description>Part of ISO 14289 the file conforms "
    "to</pdfaProperty:description>\n"
    "        </rdf:li>\n"
    "       </rdf:Seq>\n"
    "      </pdfaSchema:property>\n"
    "     </rdf:li>\n"
    "    </rdf:Bag>\n"
    "   </pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

char *rp_xmp_packet(const struct rp_xmp *x, size_t *size)
{
    struct rp_buf b = {0};
    /* The begin attribute holds U+FEFF: it tells a scanner the packet's encoding. */
    put(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");

    put(&b, "  <rdf:Description rdf:about=\"\"\n"
            "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
            "   <dc:format>application/pdf</dc:format>\n");
    alt(&b, "dc:title", x->title, x->lang);
    if (given(x->author)) {
        put(&b, "   <dc:creator>\n    <rdf:Seq>\n     <rdf:li>");
        put_text(&b, x->author);
        put(&b, "</rdf:li>\n    </rdf:Seq>\n   </dc:creator>\n");
    }
    if (given(x->subject))
        alt(&b, "dc:description", x->subject, NULL);
    put(&b, "  </rdf:Description>\n");

    if (given(x->producer) || given(x->keywords)) {
        put(&b, "  <rdf:Description rdf:about=\"\"\n"
                "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
        if (given(x->producer))
            element(&b, "pdf:Producer", x->producer);
        if (given(x->keywords))
            element(&b, "pdf:Keywords", x->keywords);
        put(&b, "  </rdf:Description>\n");
    }

    if (given(x->creator_tool) || x->year > 0) {
        put(&b, "  <rdf:Description rdf:about=\"\"\n"
                "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        if (given(x->creator_tool))
            element(&b, "xmp:CreatorTool", x->creator_tool);
        if (x->year > 0) {
            char date[RP_XMP_DATE];
            rp_xmp_date(x->year, x->month, x->day, date);
            element(&b, "xmp:CreateDate", date);
            element(&b, "xmp:ModifyDate", date);
            element(&b, "xmp:MetadataDate", date);
        }
        put(&b, "  </rdf:Description>\n");
    }

    if (given(x->pdfa_part)) {
        put(&b, "  <rdf:Description rdf:about=\"\"\n"
                "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
        element(&b, "pdfaid:part", x->pdfa_part);
        if (given(x->pdfa_conformance))
            element(&b, "pdfaid:conformance", x->pdfa_conformance);
        put(&b, "  </rdf:Description>\n");
    }

    if (given(x->pdfua_part)) {
        put(&b, "  <rdf:Description rdf:about=\"\"\n"
                "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
        element(&b, "pdfuaid:part", x->pdfua_part);
        put(&b, "  </rdf:Description>\n");
        /* Only PDF/A asks for the description; without a PDF/A claim it is noise. */
        if (given(x->pdfa_part))
            put(&b, pdfua_extension);
    }

    /* "w": the packet may be edited in place; no padding, as nothing rewrites rapport's
     * files in place (a new edition is a new file). */
    put(&b, " </rdf:RDF>\n"
            "</x:xmpmeta>\n"
            "<?xpacket end=\"w\"?>");
    if (size)
        *size = b.len;
    return b.data;
}
