/* Texts and their language variants (load/texts.h), and the XLIFF round trip (load/xliff.h):
 * the list of text elements against the schema, keys, pairing of variants, missing texts,
 * escaping, inline markup both ways, refusals, and the bytes an import leaves alone. */
/* cmocka.h needs these before it. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "load/load.h"
#include "load/texts.h"
#include "load/xliff.h"
#include "load/xml.h"
#include "util/arena.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

static const char *source_dir(void)
{
    const char *dir = getenv("RAPPORT_SOURCE_DIR");
    return dir ? dir : ".";
}

/* Reads `xml` for `lang`; the test fails on any error. */
static struct rp_text_file read_ok(struct rp_arena *a, const char *xml, const char *lang)
{
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_text_file f;
    int rc = rp_text_file_read_memory(xml, strlen(xml), "m.xml", lang, a, &d, &f);
    if (rc != 0)
        rp_diags_print(&d, stderr);
    assert_int_equal(rc, 0);
    rp_diags_free(&d);
    return f;
}

static const struct rp_text_unit *unit(const struct rp_text_file *f, const char *key)
{
    const struct rp_text_unit *u = rp_text_file_unit(f, key);
    if (!u) {
        fprintf(stderr, "no unit '%s'; the units are:\n", key);
        for (size_t i = 0; i < f->count; i++)
            fprintf(stderr, "  %s\n", f->units[i].key);
    }
    assert_non_null(u);
    return u;
}

/* The result of merging `xlf` into the model `xml`; *errors gets the number of errors, and
 * the messages are printed in *out_diags when asked. NULL when the model is unchanged. */
static char *merge(const char *xml, const char *xlf, size_t *errors, struct rp_diags *keep)
{
    struct rp_xliff_model m = {.path = "m.xml", .data = xml, .size = strlen(xml)};
    struct rp_diags d;
    rp_diags_init(&d);
    int rc = rp_xliff_merge(&m, 1, xlf, strlen(xlf), "t.xlf", &d);
    *errors = d.errors;
    assert_int_equal(rc != 0, d.errors != 0);
    if (keep)
        *keep = d;
    else
        rp_diags_free(&d);
    return m.result;
}

static bool has_message(const struct rp_diags *d, const char *where, const char *what)
{
    char buf[1024];
    for (size_t i = 0; i < d->count; i++) {
        rp_diag_format(&d->items[i], buf, sizeof buf);
        if (strncmp(buf, where, strlen(where)) == 0 && strstr(buf, what))
            return true;
    }
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "  %s\n", rp_diag_format(&d->items[i], buf, sizeof buf));
    return false;
}

/* An XLIFF document with one <file> for m.xml and the given units. */
static char *xliff(const char *units)
{
    static const char head[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n"
        "<file original=\"m.xml\" source-language=\"fr\" target-language=\"nl\" "
        "datatype=\"xml\"><body>\n";
    static const char tail[] = "</body></file></xliff>\n";
    size_t n = strlen(head) + strlen(units) + strlen(tail) + 1;
    char *s = malloc(n);
    assert_non_null(s);
    snprintf(s, n, "%s%s%s", head, units, tail);
    return s;
}

/* The model must still load and validate as any model. */
static void assert_loads(const char *xml)
{
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    int rc = rp_load_memory(xml, strlen(xml), "merged.xml", a, &d, &f);
    if (rc != 0) {
        rp_diags_print(&d, stderr);
        fprintf(stderr, "%s\n", xml);
    }
    assert_int_equal(rc, 0);
    rp_diags_free(&d);
    rp_arena_free(a);
}

/* ---------------------------------------------------------------- the list of texts */

static bool in_list(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], name) == 0)
            return true;
    return false;
}

struct names {
    const char *v[128];
    size_t n;
};

static void add_name(struct names *s, const char *name)
{
    if (!in_list(s->v, s->n, name)) {
        assert_true(s->n < sizeof s->v / sizeof *s->v);
        s->v[s->n++] = name;
    }
}

/* Elements declared `type="inline"`, or whose own type extends inline; and those of type
 * "list". */
static void schema_walk(const struct rp_xnode *n, struct names *texts, struct names *containers)
{
    for (size_t i = 0; i < n->child_count; i++) {
        const struct rp_xnode *c = &n->children[i];
        if (!c->name)
            continue;
        if (strcmp(c->name, "element") == 0 && rp_xnode_attr(c, "name")) {
            const char *name = rp_xnode_attr(c, "name"), *type = rp_xnode_attr(c, "type");
            if (type && strcmp(type, "inline") == 0)
                add_name(texts, name);
            if (type && strcmp(type, "list") == 0)
                add_name(containers, name);
            /* <xs:complexType><xs:complexContent><xs:extension base="inline"> */
            for (size_t k = 0; k < c->child_count; k++) {
                const struct rp_xnode *t = &c->children[k];
                for (size_t j = 0;
                     t->name && strcmp(t->name, "complexType") == 0 && j < t->child_count; j++) {
                    const struct rp_xnode *cc = &t->children[j];
                    for (size_t e = 0;
                         cc->name && strcmp(cc->name, "complexContent") == 0 && e < cc->child_count;
                         e++) {
                        const char *base =
                            cc->children[e].name ? rp_xnode_attr(&cc->children[e], "base") : NULL;
                        if (base && strcmp(base, "inline") == 0)
                            add_name(texts, name);
                    }
                }
            }
        }
        schema_walk(c, texts, containers);
    }
}

static void test_text_names_match_schema(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/schema/rapport.xsd", source_dir());
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_xnode *root = rp_xml_read(path, RP_SCHEMA_NONE, a, &d);
    assert_non_null(root);
    struct names texts = {.n = 0}, containers = {.n = 0};
    schema_walk(root, &texts, &containers);
    size_t schema_texts = 0;
    for (size_t i = 0; i < texts.n; i++) {
        const char *n = texts.v[i];
        if (strcmp(n, "em") == 0 || strcmp(n, "strong") == 0 || strcmp(n, "sup") == 0)
            continue; /* inline children: never a text of their own */
        schema_texts++;
        if (!rp_is_text_element(n))
            fail_msg("schema/rapport.xsd has the text element <%s>: add it to "
                     "rp_text_element_names (src/load/texts.c)",
                     n);
    }
    for (size_t i = 0; i < rp_text_element_count; i++)
        if (!in_list(texts.v, texts.n, rp_text_element_names[i]))
            fail_msg("<%s> of rp_text_element_names is not an inline element of the schema",
                     rp_text_element_names[i]);
    assert_int_equal(schema_texts, rp_text_element_count);
    /* Sorted: the lookup is a binary search. */
    for (size_t i = 1; i < rp_text_element_count; i++)
        assert_true(strcmp(rp_text_element_names[i - 1], rp_text_element_names[i]) < 0);
    assert_int_equal(containers.n, rp_text_container_count);
    for (size_t i = 0; i < containers.n; i++)
        assert_true(rp_is_text_container(containers.v[i]));
    assert_false(rp_is_text_element("em"));
    assert_false(rp_is_text_element("link"));
    assert_false(rp_is_text_element("placeholder"));
    rp_diags_free(&d);
    rp_arena_free(a);
}

/* ---------------------------------------------------------------- keys and variants */

static const char PLAN[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan id=\"p\" kind=\"strategic-plan\" start=\"2022\" end=\"2024\" date=\"2022\" "
    "xml:lang=\"fr\">\n"
    "  <title>Plan</title>\n"
    "  <title xml:lang=\"nl\">Plan NL</title>\n"
    "  <organisation id=\"org\" kind=\"other\">\n"
    "    <name>Organisation</name>\n"
    "    <name xml:lang=\"nl\"/>\n"
    "  </organisation>\n"
    "  <strategic-objectives>\n"
    "    <strategic-objective id=\"so-1\">\n"
    "      <title>Objectif</title>\n"
    "      <text>Un.</text>\n"
    "      <text>Deux.</text>\n"
    "      <text xml:lang=\"nl\">Een.</text>\n"
    "    </strategic-objective>\n"
    "  </strategic-objectives>\n"
    "  <section id=\"s\">\n"
    "    <title>Section</title>\n"
    "    <list xml:lang=\"nl\"><item>een</item><item>twee</item></list>\n"
    "    <list xml:lang=\"fr\"><item>un</item><item>deux</item></list>\n"
    "    <list><item>trois</item><item xml:lang=\"nl\">drie</item></list>\n"
    "  </section>\n"
    "</plan>\n";

static void test_keys_and_pairs(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    struct rp_text_file f = read_ok(a, PLAN, "nl");
    assert_string_equal(f.source_lang, "fr");
    assert_string_equal(f.lang, "nl");
    assert_true(f.spans_ok);
    assert_int_equal(f.count, 9);
    /* Document order, and the keys. */
    assert_string_equal(f.units[0].key, "p/title[1]");
    assert_string_equal(f.units[1].key, "org/name[1]");
    assert_string_equal(f.units[2].key, "so-1/title[1]");
    assert_string_equal(f.units[3].key, "so-1/text[1]");
    assert_string_equal(f.units[4].key, "so-1/text[2]");
    assert_string_equal(f.units[5].key, "s/title[1]");
    /* The French list is the first French list: it pairs with the first Dutch one. */
    assert_string_equal(f.units[6].key, "s/list[1]/item[1]");
    assert_string_equal(f.units[7].key, "s/list[1]/item[2]");
    /* The list without xml:lang is French too (the second); its Dutch item is in place. */
    assert_string_equal(f.units[8].key, "s/list[2]/item[1]");
    assert_int_equal(f.units[8].line, 21);
    assert_int_equal(f.units[8].col, 11);

    /* Titles pair by language; a second paragraph has no Dutch one. */
    assert_true(unit(&f, "p/title[1]")->has_variant);
    assert_string_equal(unit(&f, "p/title[1]")->variant_plain, "Plan NL");
    assert_int_equal(unit(&f, "p/title[1]")->variant_line, 4);
    assert_true(unit(&f, "so-1/text[1]")->has_variant);
    assert_string_equal(unit(&f, "so-1/text[1]")->variant_plain, "Een.");
    assert_false(unit(&f, "so-1/text[2]")->variant_exists);
    assert_false(unit(&f, "so-1/title[1]")->has_variant);
    /* An empty variant exists but does not count. */
    assert_true(unit(&f, "org/name[1]")->variant_exists);
    assert_false(unit(&f, "org/name[1]")->has_variant);
    /* Items pair by position with the items of the list of the other language. */
    assert_string_equal(unit(&f, "s/list[1]/item[1]")->variant_plain, "een");
    assert_string_equal(unit(&f, "s/list[1]/item[2]")->variant_plain, "twee");
    assert_string_equal(unit(&f, "s/list[2]/item[1]")->variant_plain, "drie");
    assert_string_equal(unit(&f, "so-1/title[1]")->where, "strategic-objective so-1, title");
    assert_string_equal(unit(&f, "s/list[1]/item[2]")->where, "section s, list, item");
    size_t have = 0;
    for (size_t i = 0; i < f.count; i++)
        have += f.units[i].has_variant;
    assert_int_equal(have, 5);

    /* The source's own language: every text is its own variant. */
    struct rp_text_file fr = read_ok(a, PLAN, "fr");
    for (size_t i = 0; i < fr.count; i++)
        assert_true(fr.units[i].has_variant);
    /* German: none. */
    struct rp_text_file de = read_ok(a, PLAN, "de");
    for (size_t i = 0; i < de.count; i++)
        assert_false(de.units[i].variant_exists);
    rp_arena_free(a);
}

static void test_evaluation_keys(void **state)
{
    (void)state;
    static const char EVAL[] =
        "<evaluation id=\"e\" plan=\"p\" year=\"2023\" date=\"2024\" xml:lang=\"nl\">\n"
        "  <progress ref=\"so-1\" status=\"late\"><comment>a</comment><comment>b</comment>"
        "<comment xml:lang=\"fr\">A</comment></progress>\n"
        "  <progress ref=\"so-2\" status=\"done\"><comment>c</comment></progress>\n"
        "</evaluation>\n";
    struct rp_arena *a = rp_arena_new();
    struct rp_text_file f = read_ok(a, EVAL, "fr");
    assert_string_equal(f.source_lang, "nl");
    assert_int_equal(f.count, 3);
    assert_string_equal(f.units[0].key, "e/progress[1]/comment[1]");
    assert_string_equal(f.units[1].key, "e/progress[1]/comment[2]");
    assert_string_equal(f.units[2].key, "e/progress[2]/comment[1]");
    assert_string_equal(f.units[0].where, "evaluation e, progress so-1, comment");
    assert_true(f.units[0].has_variant);
    assert_false(f.units[1].has_variant);
    assert_int_equal(f.units[1].col, 58);
    rp_arena_free(a);
}

/* Keys are unique in every model of input/; two elements with one id are reported. */
static void test_keys_unique(void **state)
{
    (void)state;
    char pattern[4096];
    snprintf(pattern, sizeof pattern, "%s/input/*/*.xml", source_dir());
    glob_t g;
    assert_int_equal(glob(pattern, 0, NULL, &g), 0);
    assert_true(g.gl_pathc > 0);
    for (size_t i = 0; i < g.gl_pathc; i++) {
        struct rp_arena *a = rp_arena_new();
        struct rp_diags d;
        rp_diags_init(&d);
        struct rp_text_file f;
        int rc = rp_text_file_read(g.gl_pathv[i], "nl", a, &d, &f);
        if (rc != 0)
            rp_diags_print(&d, stderr);
        assert_int_equal(rc, 0);
        assert_true(f.spans_ok);
        assert_true(f.count > 0);
        for (size_t k = 1; k < f.count; k++)
            assert_true(strcmp(f.unit_index[k - 1]->key, f.unit_index[k]->key) < 0);
        rp_diags_free(&d);
        rp_arena_free(a);
    }
    globfree(&g);

    static const char DUP[] =
        "<plan id=\"p\" kind=\"strategic-plan\" start=\"2022\" end=\"2024\" date=\"2022\" "
        "xml:lang=\"fr\"><title>T</title><organisation id=\"o\" kind=\"other\"><name>O</name>"
        "</organisation>\n<section id=\"s\"><title>A</title></section>\n"
        "<section id=\"s\"><title>B</title></section></plan>\n";
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_text_file f;
    assert_int_equal(rp_text_file_read_memory(DUP, strlen(DUP), "dup.xml", "nl", a, &d, &f), -1);
    assert_true(has_message(&d, "dup.xml:3:17: error:", "the key 's/title[1]'"));
    rp_diags_free(&d);
    rp_arena_free(a);
}

static void test_excerpt(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    assert_string_equal(rp_text_excerpt(a, "  court\n  texte ", 60), "court texte");
    const char *long_text = "Une phrase assez longue pour être coupée après une soixantaine de "
                            "caractères, à un espace.";
    const char *e = rp_text_excerpt(a, long_text, 60);
    assert_string_equal(e, "Une phrase assez longue pour être coupée après une\xe2\x80\xa6");
    /* Never inside a character: 70 'é' cut after 60 of them. */
    char many[200] = "";
    for (int i = 0; i < 70; i++)
        strcat(many, "\xc3\xa9");
    e = rp_text_excerpt(a, many, 60);
    assert_int_equal(strlen(e), 60 * 2 + 3);
    rp_arena_free(a);
}

/* ---------------------------------------------------------------- XLIFF */

static const char MARKED[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a comment, kept -->\n"
    "<plan id='p' kind='strategic-plan' start='2022' end='2024' date='2022' xml:lang='fr'>\n"
    "  <title>Plan &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; «&#160;Cie&#160;»</title>\n"
    "  <organisation id='org' kind='other'><name>O</name><name xml:lang='nl'>O</name>"
    "</organisation>\n"
    "  <section id='s'>\n"
    "    <title>Voir <link href='https://example.org/?a=1&amp;b=2'>le <em>site</em></link>, "
    "<strong>vite</strong>, en <placeholder>XX</placeholder> jours<sup>1</sup>.</title>\n"
    "    <p>Sans   lien,\n      sur deux lignes.</p>\n"
    "  </section>\n"
    "</plan>\n";

static void test_export_escapes_and_maps(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    struct rp_text_file f = read_ok(a, MARKED, "nl");
    char *out = NULL;
    size_t size = 0;
    assert_int_equal(rp_xliff_write(&f, 1, &out, &size), 0);
    assert_int_equal(strlen(out), size);
    assert_non_null(strstr(out, "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\""));
    assert_non_null(strstr(out, "<file original=\"m.xml\" source-language=\"fr\" "
                                "target-language=\"nl\" datatype=\"xml\">"));
    /* Hostile text is character data, never markup. */
    assert_null(strstr(out, "<script>"));
    assert_non_null(strstr(out, "<source>Plan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
                                "&amp; \xc2\xab\xc2\xa0"
                                "Cie\xc2\xa0\xc2\xbb</source>"));
    /* Inline markup as g, numbered in document order; the href is not translatable. */
    assert_non_null(strstr(out, "<trans-unit id=\"s/title[1]\">\n        <source>Voir <g id=\"1\" "
                                "ctype=\"x-link\">le <g id=\"2\" ctype=\"italic\">site</g></g>, "
                                "<g id=\"3\" ctype=\"bold\">vite</g>, en <g id=\"4\" "
                                "ctype=\"x-placeholder\">XX</g> jours<g id=\"5\" "
                                "ctype=\"x-sup\">1</g>.</source>"));
    assert_null(strstr(out, "example.org"));
    /* Whitespace collapsed; a translation present is exported as target. */
    assert_non_null(strstr(out, "<source>Sans lien, sur deux lignes.</source>"));
    assert_non_null(strstr(out, "<trans-unit id=\"org/name[1]\" approved=\"yes\">\n        "
                                "<source>O</source>\n        <target "
                                "state=\"translated\">O</target>"));
    assert_non_null(strstr(out, "<note from=\"developer\">m.xml:7:5, section s, title</note>"));
    free(out);
    rp_arena_free(a);
}

static void test_import_markup_and_escaping(void **state)
{
    (void)state;
    /* Tools may reorder the elements; hostile target text stays text. */
    char *x = xliff(
        "<trans-unit id='p/title[1]'><source>Plan &lt;script&gt;alert(\"x\")&lt;/script&gt; "
        "&amp; \xc2\xab\xc2\xa0"
        "Cie\xc2\xa0\xc2\xbb</source>"
        "<target>Plan &lt;script&gt;alert('y')&lt;/script&gt; &amp; \"Co\"</target></trans-unit>\n"
        "<trans-unit id='s/title[1]'><source>Voir <g id='1' ctype='x-link'>le <g id='2' "
        "ctype='italic'>site</g></g>, <g id='3' ctype='bold'>vite</g>, en <g id='4' "
        "ctype='x-placeholder'>XX</g> jours<g id='5' ctype='x-sup'>1</g>.</source>"
        "<target>Binnen <g id='4' ctype='x-placeholder'>XX</g> dagen<g id='5' "
        "ctype='x-sup'>1</g>, <g id='3' ctype='bold'>snel</g>: zie <g id='1' ctype='x-link'>de "
        "<g id='2' ctype='italic'>site</g></g>.</target></trans-unit>\n"
        "<trans-unit id='s/p[1]'><source>Sans lien,   sur deux lignes.</source>"
        "<target>  Zonder\n link.  </target></trans-unit>\n");
    size_t errors;
    char *out = merge(MARKED, x, &errors, NULL);
    assert_int_equal(errors, 0);
    assert_non_null(out);
    assert_non_null(strstr(out, "<title>Plan &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; "
                                "«&#160;Cie&#160;»</title>\n"
                                "  <title xml:lang=\"nl\">Plan &lt;script&gt;alert('y')&lt;/"
                                "script&gt; &amp; \"Co\"</title>\n"));
    assert_non_null(strstr(out, "\n    <title xml:lang=\"nl\">Binnen <placeholder>XX</placeholder> "
                                "dagen<sup>1</sup>, <strong>snel</strong>: zie <link "
                                "href=\"https://example.org/?a=1&amp;b=2\">de <em>site</em></link>."
                                "</title>\n"));
    assert_non_null(strstr(out, "\n    <p xml:lang=\"nl\">Zonder link.</p>\n"));
    /* Everything else as it was: the model with the three new lines taken out. */
    assert_non_null(strstr(out, "<!-- a comment, kept -->\n<plan id='p' kind='strategic-plan'"));
    assert_loads(out);

    /* The same XLIFF again changes nothing. */
    char *again = merge(out, x, &errors, NULL);
    assert_int_equal(errors, 0);
    assert_null(again);

    /* A changed translation replaces the existing one in place. */
    char *y = xliff("<trans-unit id='s/p[1]'><source>Sans lien, sur deux lignes.</source>"
                    "<target>Anders.</target></trans-unit>\n");
    char *third = merge(out, y, &errors, NULL);
    assert_int_equal(errors, 0);
    assert_non_null(third);
    assert_non_null(strstr(third, "<p xml:lang=\"nl\">Anders.</p>"));
    assert_null(strstr(third, "Zonder"));
    assert_int_equal(strlen(third), strlen(out) - strlen("Zonder link.") + strlen("Anders."));
    free(third);
    free(y);
    free(again);
    free(out);
    free(x);
}

static void test_import_refusals(void **state)
{
    (void)state;
    char *x =
        xliff("<trans-unit id='s/title[9]'>\n<source>x</source><target>y</target></trans-unit>\n"
              "<trans-unit id='s/p[1]'>\n<source>Avec un autre texte.</source><target>y</target>"
              "</trans-unit>\n"
              "<trans-unit id='s/title[1]'><source>Voir <g id='1' ctype='x-link'>le <g id='2' "
              "ctype='italic'>site</g></g>, <g id='3' ctype='bold'>vite</g>, en <g id='4' "
              "ctype='x-placeholder'>XX</g> jours<g id='5' ctype='x-sup'>1</g>.</source>\n"
              "<target>Zie <g id='1' ctype='bold'>de site</g> <g id='4' ctype='x-placeholder'>"
              "<g id='2' ctype='italic'>XX</g></g> <g id='7' ctype='italic'>x</g>"
              "<x id='3' ctype='bold'/></target></trans-unit>\n"
              "<trans-unit id='p/title[1]'><source>Plan &lt;script&gt;alert(\"x\")&lt;/script&gt; "
              "&amp; \xc2\xab\xc2\xa0"
              "Cie\xc2\xa0\xc2\xbb</source><target>Plan</target>"
              "</trans-unit>\n");
    size_t errors;
    struct rp_diags d;
    char *out = merge(MARKED, x, &errors, &d);
    /* Nothing written for the model, though one unit was fine. */
    assert_null(out);
    assert_true(has_message(&d, "t.xlf:4:1: error:", "unit 's/title[9]' is unknown in 'm.xml'"));
    assert_true(has_message(&d, "t.xlf:7:1: error:",
                            "unit 's/p[1]': the source is no longer "
                            "the text of m.xml:8:5"));
    assert_true(has_message(&d, "t.xlf:9:1: error:",
                            "has ctype \"bold\" in the target, "
                            "\"x-link\" in the source"));
    assert_true(has_message(&d, "t.xlf:9:1: error:", "inside a placeholder"));
    assert_true(has_message(&d, "t.xlf:9:1: error:",
                            "the target's <g id=\"7\"> is not in the "
                            "source"));
    assert_true(has_message(&d, "t.xlf:9:1: error:",
                            "id \"3\" is a <g> in the source and a "
                            "<x> in the target"));
    assert_true(has_message(&d, "t.xlf:9:1: error:",
                            "the target lacks the source's <g "
                            "id=\"5\" ctype=\"x-sup\">"));
    rp_diags_free(&d);
    free(x);

    /* Only g, x and mrk are read in a target. */
    x = xliff("<trans-unit id='s/p[1]'><source>Sans lien, sur deux lignes.</source>"
              "<target>Zonder <bpt id='1'>&lt;b&gt;</bpt>link</target></trans-unit>\n");
    out = merge(MARKED, x, &errors, &d);
    assert_null(out);
    assert_true(has_message(&d, "t.xlf:4:", "<bpt> inside <target>"));
    rp_diags_free(&d);
    free(x);
}

/* A footnote is inline markup of its text: it travels with its sentence, its own markup
 * inside it, and never inside another footnote. */
static const char NOTED[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<plan id=\"p\" kind=\"strategic-plan\" start=\"2022\" end=\"2024\" date=\"2022\" "
    "xml:lang=\"fr\">\n"
    "  <title>Plan</title>\n"
    "  <organisation id=\"org\" kind=\"other\"><name>O</name></organisation>\n"
    "  <section id=\"s\">\n"
    "    <title>Section</title>\n"
    "    <p>Les 5.648 collaborateurs<footnote>Situation au <em>1er juin</em></footnote> et "
    "d'autres<footnote>Voir plus loin.</footnote>.</p>\n"
    "  </section>\n"
    "</plan>\n";

static void test_import_footnotes(void **state)
{
    (void)state;
    static const char source[] =
        "<source>Les 5.648 collaborateurs<g id='1' ctype='x-footnote'>Situation au <g id='2' "
        "ctype='italic'>1er juin</g></g> et d'autres<g id='3' ctype='x-footnote'>Voir plus "
        "loin.</g>.</source>";
    char unit[1024];
    snprintf(unit, sizeof unit,
             "<trans-unit id='s/p[1]'>%s<target>De 5.648 medewerkers<g id='1' "
             "ctype='x-footnote'>Toestand op <g id='2' ctype='italic'>1 juni</g></g> en "
             "anderen<g id='3' ctype='x-footnote'>Zie verder.</g>.</target></trans-unit>\n",
             source);
    char *x = xliff(unit);
    size_t errors;
    char *out = merge(NOTED, x, &errors, NULL);
    assert_int_equal(errors, 0);
    assert_non_null(out);
    assert_non_null(strstr(out, "<p xml:lang=\"nl\">De 5.648 medewerkers<footnote>Toestand op "
                                "<em>1 juni</em></footnote> en anderen<footnote>Zie "
                                "verder.</footnote>.</p>"));
    assert_loads(out);
    free(out);
    free(x);

    snprintf(unit, sizeof unit,
             "<trans-unit id='s/p[1]'>%s<target>De medewerkers<g id='1' ctype='x-footnote'>"
             "Toestand op <g id='2' ctype='italic'>1 juni</g><g id='3' ctype='x-footnote'>Zie "
             "verder.</g></g>.</target></trans-unit>\n",
             source);
    x = xliff(unit);
    struct rp_diags d;
    out = merge(NOTED, x, &errors, &d);
    assert_null(out);
    assert_true(has_message(&d, "t.xlf:4:", "is a footnote inside a footnote"));
    rp_diags_free(&d);
    free(x);
}

static void test_import_lists(void **state)
{
    (void)state;
    static const char LISTS[] =
        "<plan id='p' kind='strategic-plan' start='2022' end='2024' date='2022' xml:lang='fr'>\n"
        "  <title>T</title>\n"
        "  <organisation id='o' kind='other'><name>O</name></organisation>\n"
        "  <section id='s'>\n"
        "    <title>S</title>\n"
        "    <list>\n"
        "      <item>un</item>\n"
        "      <item>deux</item>\n"
        "    </list>\n"
        "    <list xml:lang='fr' ordered='true'>\n"
        "      <item>trois</item>\n"
        "    </list>\n"
        "  </section>\n"
        "</plan>\n";
    char *x = xliff("<trans-unit id='s/list[1]/item[1]'><source>un</source><target>een</target>"
                    "</trans-unit>\n"
                    "<trans-unit id='s/list[1]/item[2]'><source>deux</source><target>twee"
                    "</target></trans-unit>\n"
                    "<trans-unit id='s/list[2]/item[1]'><source>trois</source><target>drie"
                    "</target></trans-unit>\n");
    size_t errors;
    char *out = merge(LISTS, x, &errors, NULL);
    assert_int_equal(errors, 0);
    assert_non_null(out);
    assert_non_null(strstr(out, "      <item>deux</item>\n    </list>\n"
                                "    <list xml:lang=\"nl\">\n      <item>een</item>\n"
                                "      <item>twee</item>\n    </list>\n"
                                "    <list xml:lang='fr' ordered='true'>\n"
                                "      <item>trois</item>\n    </list>\n"
                                "    <list xml:lang='nl' ordered='true'>\n"
                                "      <item>drie</item>\n    </list>\n  </section>"));
    assert_loads(out);
    struct rp_arena *a = rp_arena_new();
    struct rp_text_file f = read_ok(a, out, "nl");
    assert_string_equal(unit(&f, "s/list[1]/item[1]")->variant_plain, "een");
    assert_string_equal(unit(&f, "s/list[1]/item[2]")->variant_plain, "twee");
    assert_string_equal(unit(&f, "s/list[2]/item[1]")->variant_plain, "drie");
    rp_arena_free(a);
    free(out);
    free(x);

    /* A list's copy starts with its first item: the second alone is refused. */
    x = xliff("<trans-unit id='s/list[1]/item[2]'><source>deux</source><target>twee</target>"
              "</trans-unit>\n");
    struct rp_diags d;
    out = merge(LISTS, x, &errors, &d);
    assert_null(out);
    assert_true(has_message(&d, "t.xlf:4:", "item 2 cannot open the 'nl' copy of its list"));
    rp_diags_free(&d);
    free(x);

    /* The second Dutch paragraph cannot come before the first. */
    static const char PARAS[] =
        "<plan id='p' kind='strategic-plan' start='2022' end='2024' date='2022' xml:lang='fr'>"
        "<title>T</title><organisation id='o' kind='other'><name>O</name></organisation>"
        "<section id='s'><title>S</title><p>un</p><p>deux</p></section></plan>\n";
    x = xliff("<trans-unit id='s/p[2]'><source>deux</source><target>twee</target>"
              "</trans-unit>\n");
    out = merge(PARAS, x, &errors, &d);
    assert_null(out);
    assert_true(has_message(&d, "t.xlf:4:", "'s/p[1]' has no 'nl' translation"));
    rp_diags_free(&d);
    free(x);
    /* Both together: each after its source, on one line as the model has them. */
    x = xliff("<trans-unit id='s/p[2]'><source>deux</source><target>twee</target>"
              "</trans-unit><trans-unit id='s/p[1]'><source>un</source><target>een</target>"
              "</trans-unit>\n");
    out = merge(PARAS, x, &errors, NULL);
    assert_int_equal(errors, 0);
    assert_non_null(strstr(out, "<p>un</p><p xml:lang=\"nl\">een</p><p>deux</p>"
                                "<p xml:lang=\"nl\">twee</p>"));
    assert_loads(out);
    free(out);
    free(x);
}

/* A translation written as an empty element is filled; other attributes of the source (a
 * note's mark) go with the translation. */
static void test_import_empty_and_attributes(void **state)
{
    (void)state;
    static const char NOTE[] =
        "<plan id='p' kind='strategic-plan' start='2022' end='2024' date='2022' xml:lang='fr'>\n"
        "  <title>T</title>\n  <title xml:lang='nl' />\n"
        "  <organisation id='o' kind='other'><name>O</name></organisation>\n"
        "  <tables><table id='t' kind='budget' unit='EUR'><caption>B</caption>"
        "<column id='c' year='2022'><label>2022</label></column>"
        "<row id='r' mark='*'><label>L</label><values>1</values></row>\n"
        "    <note mark='*'>Voir</note>\n"
        "  </table></tables>\n"
        "</plan>\n";
    char *x = xliff("<trans-unit id='p/title[1]'><source>T</source><target>T-nl</target>"
                    "</trans-unit>\n"
                    "<trans-unit id='t/note[1]'><source>Voir</source><target>Zie</target>"
                    "</trans-unit>\n");
    size_t errors;
    char *out = merge(NOTE, x, &errors, NULL);
    assert_int_equal(errors, 0);
    assert_non_null(strstr(out, "<title xml:lang='nl'>T-nl</title>\n"));
    assert_non_null(strstr(out, "    <note mark='*'>Voir</note>\n"
                                "    <note xml:lang=\"nl\" mark=\"*\">Zie</note>\n"));
    assert_loads(out);
    free(out);
    free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_names_match_schema),
        cmocka_unit_test(test_keys_and_pairs),
        cmocka_unit_test(test_evaluation_keys),
        cmocka_unit_test(test_keys_unique),
        cmocka_unit_test(test_excerpt),
        cmocka_unit_test(test_export_escapes_and_maps),
        cmocka_unit_test(test_import_markup_and_escaping),
        cmocka_unit_test(test_import_refusals),
        cmocka_unit_test(test_import_footnotes),
        cmocka_unit_test(test_import_lists),
        cmocka_unit_test(test_import_empty_and_attributes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
