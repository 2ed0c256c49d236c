/* The XMP packet: well-formed XML whatever the values hold, each field where PDF/A and
 * PDF/UA validators look for it, optional fields absent when not given, the dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "render/xmp.h"
#include "util/arena.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct rp_xmp full = {
    .title = "Rapport annuel 2023",
    .lang = "fr-BE",
    .author = "Chancellerie du Premier Ministre",
    .subject = "Évaluation du contrat d’administration",
    .keywords = "évaluation, 2023",
    .creator_tool = "rapport 0.1.0",
    .producer = "rapport 0.1.0 (libharu 2.3.0)",
    .year = 2024,
    .month = 3,
    .day = 15,
    .pdfa_part = "2",
    .pdfa_conformance = "A",
    .pdfua_part = "1",
};

/* The packet of `x`, parsed: it must be well-formed. */
static xmlDocPtr packet_doc(const struct rp_xmp *x, char **text)
{
    size_t size = 0;
    char *packet = rp_xmp_packet(x, &size);
    assert_non_null(packet);
    assert_int_equal(size, strlen(packet));
    xmlDocPtr doc = xmlReadMemory(packet, (int)size, "xmp.xml", "UTF-8", XML_PARSE_NONET);
    assert_non_null(doc);
    if (text)
        *text = packet;
    else
        free(packet);
    return doc;
}

/* The string value of the XPath `expr` in `doc` (the packet's prefixes bound), malloc'd. */
static char *xpath(xmlDocPtr doc, const char *expr)
{
    static const char *const ns[][2] = {
        {"x", "adobe:ns:meta/"},
        {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
        {"dc", "http://purl.org/dc/elements/1.1/"},
        {"pdf", "http://ns.adobe.com/pdf/1.3/"},
        {"xmp", "http://ns.adobe.com/xap/1.0/"},
        {"pdfaid", "http://www.aiim.org/pdfa/ns/id/"},
        {"pdfuaid", "http://www.aiim.org/pdfua/ns/id/"},
        {"pdfaExtension", "http://www.aiim.org/pdfa/ns/extension/"},
        {"pdfaSchema", "http://www.aiim.org/pdfa/ns/schema#"},
        {"pdfaProperty", "http://www.aiim.org/pdfa/ns/property#"},
    };
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    assert_non_null(ctx);
    for (size_t i = 0; i < sizeof ns / sizeof *ns; i++)
        xmlXPathRegisterNs(ctx, (const xmlChar *)ns[i][0], (const xmlChar *)ns[i][1]);
    char wrapped[512];
    snprintf(wrapped, sizeof wrapped, "string(%s)", expr);
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)wrapped, ctx);
    assert_non_null(r);
    assert_int_equal(r->type, XPATH_STRING);
    char *s = rp_xstrdup((const char *)r->stringval);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return s;
}

static void assert_xpath(xmlDocPtr doc, const char *expr, const char *want)
{
    char *got = xpath(doc, expr);
    assert_string_equal(got, want);
    free(got);
}

static void test_frame(void **state)
{
    (void)state;
    char *text;
    xmlDocPtr doc = packet_doc(&full, &text);
    const char *begin = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>";
    assert_memory_equal(text, begin, strlen(begin));
    const char *end = "<?xpacket end=\"w\"?>";
    assert_string_equal(text + strlen(text) - strlen(end), end);
    assert_xpath(doc, "count(/x:xmpmeta/rdf:RDF)", "1");
    xmlFreeDoc(doc);
    free(text);
}

static void test_fields(void **state)
{
    (void)state;
    xmlDocPtr doc = packet_doc(&full, NULL);
    assert_xpath(doc, "count(//dc:title/rdf:Alt/rdf:li)", "2");
    assert_xpath(doc, "//dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']", full.title);
    assert_xpath(doc, "//dc:title/rdf:Alt/rdf:li[@xml:lang='fr-BE']", full.title);
    assert_xpath(doc, "count(//dc:creator/rdf:Seq/rdf:li)", "1");
    assert_xpath(doc, "//dc:creator/rdf:Seq/rdf:li", full.author);
    assert_xpath(doc, "//dc:description/rdf:Alt/rdf:li[@xml:lang='x-default']", full.subject);
    assert_xpath(doc, "//pdf:Keywords", full.keywords);
    assert_xpath(doc, "//pdf:Producer", full.producer);
    assert_xpath(doc, "//xmp:CreatorTool", full.creator_tool);
    assert_xpath(doc, "//pdfaid:part", "2");
    assert_xpath(doc, "//pdfaid:conformance", "A");
    assert_xpath(doc, "//pdfuaid:part", "1");
    /* The PDF/UA schema described for PDF/A, as veraPDF reads the description. */
    const char *schema = "//pdfaExtension:schemas/rdf:Bag/rdf:li[@rdf:parseType='Resource']";
    char expr[256];
    snprintf(expr, sizeof expr, "%s/pdfaSchema:namespaceURI", schema);
    assert_xpath(doc, expr, "http://www.aiim.org/pdfua/ns/id/");
    snprintf(expr, sizeof expr, "%s/pdfaSchema:prefix", schema);
    assert_xpath(doc, expr, "pdfuaid");
    const char *prop = "pdfaSchema:property/rdf:Seq/rdf:li[@rdf:parseType='Resource']";
    snprintf(expr, sizeof expr, "%s/%s/pdfaProperty:name", schema, prop);
    assert_xpath(doc, expr, "part");
    snprintf(expr, sizeof expr, "%s/%s/pdfaProperty:valueType", schema, prop);
    assert_xpath(doc, expr, "Integer");
    snprintf(expr, sizeof expr, "%s/%s/pdfaProperty:category", schema, prop);
    assert_xpath(doc, expr, "internal");
    snprintf(expr, sizeof expr, "string-length(%s/%s/pdfaProperty:description) > 0", schema, prop);
    assert_xpath(doc, expr, "true");
    xmlFreeDoc(doc);
}

static void test_escaping(void **state)
{
    (void)state;
    struct rp_xmp x = full;
    x.title = "Budget & \"plan\" <2024> l'an";
    x.author = "A&B </dc:creator>";
    x.keywords = "]]> & <![CDATA[";
    char *text;
    xmlDocPtr doc = packet_doc(&x, &text);
    assert_xpath(doc, "//dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']", x.title);
    assert_xpath(doc, "//dc:title/rdf:Alt/rdf:li[@xml:lang='fr-BE']", x.title);
    assert_xpath(doc, "//dc:creator/rdf:Seq/rdf:li", x.author);
    assert_xpath(doc, "//pdf:Keywords", x.keywords);
    assert_non_null(strstr(text, "Budget &amp; &quot;plan&quot; &lt;2024&gt; l'an"));
    xmlFreeDoc(doc);
    free(text);
    /* A language that is no BCP 47 tag could break out of the attribute: left out. */
    x.lang = "fr\" xml:space=\"preserve";
    doc = packet_doc(&x, NULL);
    assert_xpath(doc, "count(//dc:title/rdf:Alt/rdf:li)", "1");
    xmlFreeDoc(doc);
}

static void test_control_characters(void **state)
{
    (void)state;
    /* Control characters are dropped (tab, line feed and carriage return become spaces),
     * invalid UTF-8 becomes U+FFFD, the non-characters U+FFFE/U+FFFF go. */
    const char *in = "\x01"
                     "A\tB\nC\rD\x7f"
                     "E\xc2\x85"
                     "F\xff"
                     "G\xef\xbf\xbe"
                     "H\xe2\x82\xac";
    const char *want = "A B C DEF\xef\xbf\xbdGH\xe2\x82\xac";
    char *clean = rp_xmp_text(in);
    assert_string_equal(clean, want);
    free(clean);
    clean = rp_xmp_text(NULL);
    assert_string_equal(clean, "");
    free(clean);
    struct rp_xmp x = full;
    x.title = in;
    x.subject = "\x02\x03";
    xmlDocPtr doc = packet_doc(&x, NULL);
    assert_xpath(doc, "//dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']", want);
    assert_xpath(doc, "//dc:description/rdf:Alt/rdf:li", "");
    xmlFreeDoc(doc);
}

static void test_optional(void **state)
{
    (void)state;
    struct rp_xmp x = {.title = "T", .pdfua_part = "1"};
    xmlDocPtr doc = packet_doc(&x, NULL);
    assert_xpath(doc, "//dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']", "T");
    assert_xpath(doc, "count(//dc:title/rdf:Alt/rdf:li)", "1");
    assert_xpath(doc, "count(//dc:creator)", "0");
    assert_xpath(doc, "count(//dc:description)", "0");
    assert_xpath(doc, "count(//pdf:Keywords)", "0");
    assert_xpath(doc, "count(//pdf:Producer)", "0");
    assert_xpath(doc, "count(//xmp:CreatorTool)", "0");
    assert_xpath(doc, "count(//xmp:CreateDate)", "0");
    /* No PDF/A claim: no pdfaid, and no extension schema (only PDF/A asks for it). */
    assert_xpath(doc, "count(//pdfaid:part)", "0");
    assert_xpath(doc, "count(//pdfaExtension:schemas)", "0");
    assert_xpath(doc, "//pdfuaid:part", "1");
    xmlFreeDoc(doc);
    /* Empty strings are absent too; a NULL title is an empty one. */
    x = (struct rp_xmp){.title = NULL, .author = "", .subject = "", .keywords = ""};
    doc = packet_doc(&x, NULL);
    assert_xpath(doc, "count(//dc:title/rdf:Alt/rdf:li[@xml:lang='x-default'])", "1");
    assert_xpath(doc, "//dc:title/rdf:Alt/rdf:li", "");
    assert_xpath(doc, "count(//dc:creator)", "0");
    assert_xpath(doc, "count(//dc:description)", "0");
    assert_xpath(doc, "count(//pdf:Keywords)", "0");
    assert_xpath(doc, "count(//pdfuaid:part)", "0");
    xmlFreeDoc(doc);
}

static void test_dates(void **state)
{
    (void)state;
    char date[RP_XMP_DATE];
    rp_xmp_date(2024, 3, 15, date);
    assert_string_equal(date, "2024-03-15T00:00:00Z");
    rp_xmp_date(2024, 0, 0, date);
    assert_string_equal(date, "2024-01-01T00:00:00Z");
    rp_xmp_date(2023, 12, 0, date);
    assert_string_equal(date, "2023-12-01T00:00:00Z");

    xmlDocPtr doc = packet_doc(&full, NULL);
    assert_xpath(doc, "//xmp:CreateDate", "2024-03-15T00:00:00Z");
    assert_xpath(doc, "//xmp:ModifyDate", "2024-03-15T00:00:00Z");
    assert_xpath(doc, "//xmp:MetadataDate", "2024-03-15T00:00:00Z");
    xmlFreeDoc(doc);

    struct rp_xmp x = full;
    x.month = 0;
    x.day = 0;
    doc = packet_doc(&x, NULL);
    assert_xpath(doc, "//xmp:CreateDate", "2024-01-01T00:00:00Z");
    xmlFreeDoc(doc);

    x.year = 0; /* no date: none of the three */
    doc = packet_doc(&x, NULL);
    assert_xpath(doc, "count(//xmp:CreateDate | //xmp:ModifyDate | //xmp:MetadataDate)", "0");
    assert_xpath(doc, "//xmp:CreatorTool", full.creator_tool);
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frame),    cmocka_unit_test(test_fields),
        cmocka_unit_test(test_escaping), cmocka_unit_test(test_control_characters),
        cmocka_unit_test(test_optional), cmocka_unit_test(test_dates),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
