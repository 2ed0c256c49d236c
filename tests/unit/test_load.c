/* The loader from memory: text runs, whitespace, placeholders, table cells, errors, the
 * markup scan, calendar dates, link schemes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "load/load.h"
#include "load/reader.h"
#include "load/scan.h"
#include "util/arena.h"

#include <string.h>

static const char PLAN[] =
    "<plan id='p' kind='administration-contract' start='2022' end='2025' date='2024-05-17' "
    "xml:lang='fr'>\n"
    "  <title>Contrat</title><title xml:lang='nl'>Bestuursovereenkomst</title>\n"
    "  <organisation id='capac' kind='public-social-security-institution'><name>CAPAC</name>"
    "<unit id='u' kind='service'><name>BP</name><alias>bureau</alias></unit></organisation>\n"
    "  <strategic-objectives><strategic-objective id='so-1'><title>  Un   <em>client</em>\n"
    "   satisfait </title><operational-objective id='oo-1.1'><title>T</title>"
    "<indicator id='ind-1' unit='percent'><title>I</title><definition>dans les "
    "<placeholder>XX</placeholder> jours</definition><norm kind='single'>"
    "<threshold id='t1' value='66.66'/><text>66,66 %</text></norm></indicator>"
    "</operational-objective></strategic-objective></strategic-objectives>\n"
    "  <tables><table id='t' kind='budget' unit='EUR'><caption>B</caption>"
    "<column id='c1' year='2022'><label>2022</label></column>"
    "<column id='c2' year='2023'><label>2023</label></column>"
    "<row id='r1'><label>L</label><values>1816852 -</values></row>"
    "<row id='r2' kind='total'><label>T</label><values> 0   -0 </values></row>"
    "</table></tables>\n"
    "</plan>\n";

static void test_plan_fields(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    assert_int_equal(rp_load_memory(PLAN, sizeof PLAN - 1, "mem.xml", a, &d, &f), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(f.kind, RP_FILE_PLAN);
    const struct rp_plan *p = f.plan;
    assert_int_equal(p->kind, RP_PLAN_ADMINISTRATION_CONTRACT);
    assert_int_equal(p->end, 2025);
    assert_int_equal(p->date.day, 17);
    assert_string_equal(rp_texts_plain(&p->title, "nl", "fr"), "Bestuursovereenkomst");
    assert_string_equal(rp_texts_plain(&p->title, "de", "fr"), "Contrat");
    assert_string_equal(p->organisation.units[0].aliases[0], "bureau");
    const struct rp_text *t = &p->objectives[0].title.items[0];
    assert_string_equal(t->plain, "Un client satisfait");
    assert_int_equal(t->run_count, 3);
    assert_int_equal(t->runs[1].style, RP_STYLE_EM);
    assert_int_equal(t->loc.line, 4);
    const struct rp_indicator *ind = &p->objectives[0].operational[0].indicators[0];
    assert_int_equal(ind->definition.items[0].runs[1].kind, RP_RUN_PLACEHOLDER);
    assert_float_equal(ind->norm.thresholds[0].value, 66.66, 1e-9);
    assert_int_equal(p->placeholder_count, 1);
    assert_string_equal(p->placeholders[0].text, "XX");
    const struct rp_table *tb = &p->tables[0];
    assert_int_equal(tb->rows[0].value_count, 2);
    assert_float_equal(tb->rows[0].values[0].value, 1816852, 0);
    assert_true(tb->rows[0].values[1].nil);
    assert_false(tb->rows[1].values[0].nil);
    assert_float_equal(tb->rows[1].values[1].value, 0, 0);
    rp_diags_free(&d);
    rp_arena_free(a);
}

/* The plan's own vocabulary and its notes: slogan, units of measure, success factors, joint
 * commitments, glossary, and footnotes (runs of their own, out of the sentence's plain). */
static const char WORDS[] =
    "<plan id='p' kind='administration-contract' start='2022' end='2025' date='2024' "
    "xml:lang='fr'>\n"
    "  <title>Contrat</title>\n"
    "  <organisation id='o' kind='other'><name>O</name><slogan>Au service</slogan>"
    "<slogan xml:lang='nl'>Ten dienste</slogan></organisation>\n"
    "  <party id='state' role='state'><name>L'État</name></party>\n"
    "  <party id='inst' role='institution'><name>L'institution</name></party>\n"
    "  <success-factors><success-factor id='csf-1' number='1'><title>Des moyens</title>"
    "</success-factor></success-factors>\n"
    "  <units><unit id='m2-fte'><name>m²/ETP</name></unit></units>\n"
    "  <commitments><commitment id='c' parties='state inst'><text>Les parties "
    "collaborent<footnote>Voir <em>l'article</em> 2.</footnote> ensemble.</text></commitment>"
    "</commitments>\n"
    "  <glossary><entry id='g'><term>IPSS</term><expansion>Institutions publiques</expansion>"
    "<definition>les organismes</definition></entry></glossary>\n"
    "</plan>\n";

static void test_plan_words(void **state)
{
    (void)state;
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    assert_int_equal(rp_load_memory(WORDS, sizeof WORDS - 1, "mem.xml", a, &d, &f), 0);
    const struct rp_plan *p = f.plan;
    assert_string_equal(rp_texts_plain(&p->organisation.slogan, "nl", "fr"), "Ten dienste");
    assert_int_equal(p->success_factor_count, 1);
    assert_string_equal(p->success_factors[0].number, "1");
    assert_int_equal(p->unit_count, 1);
    assert_string_equal(p->units[0].id, "m2-fte");
    assert_int_equal(p->commitments[0].parties.count, 2);
    assert_string_equal(p->commitments[0].parties.ids[1], "inst");
    assert_int_equal(p->glossary_count, 1);
    assert_string_equal(p->glossary[0].expansion.items[0].plain, "Institutions publiques");
    const struct rp_text *t = &p->commitments[0].text.items[0];
    assert_string_equal(t->plain, "Les parties collaborent ensemble.");
    assert_int_equal(t->run_count, 3);
    assert_string_equal(t->runs[0].text, "Les parties collaborent");
    const struct rp_run *note = &t->runs[1];
    assert_int_equal(note->kind, RP_RUN_FOOTNOTE);
    assert_string_equal(note->text, "");
    assert_string_equal(note->plain, "Voir l'article 2.");
    assert_int_equal(note->run_count, 3);
    assert_int_equal(note->runs[1].style, RP_STYLE_EM);
    assert_string_equal(t->runs[2].text, " ensemble.");
    rp_diags_free(&d);
    rp_arena_free(a);
}

static void test_errors_are_located(void **state)
{
    (void)state;
    static const char BAD[] = "<plan id='p' kind='strategic-plan' start='2022' end='2024' "
                              "date='2022' xml:lang='fr'>\n<title>x</title>\n<oops/>\n</plan>\n";
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    assert_int_equal(rp_load_memory(BAD, sizeof BAD - 1, "bad.xml", a, &d, &f), -1);
    assert_int_equal(f.kind, RP_FILE_NONE);
    assert_true(d.errors >= 1);
    assert_string_equal(d.items[0].file, "bad.xml");
    assert_int_equal(d.items[0].line, 3);
    assert_int_equal(d.items[0].col, 1);
    rp_diags_free(&d);
    rp_arena_free(a);
}

static void test_doctype_refused(void **state)
{
    (void)state;
    static const char DTD[] = "<?xml version='1.0'?>\n<!DOCTYPE plan [<!ENTITY a 'b'>]>\n"
                              "<plan/>\n";
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    assert_int_equal(rp_load_memory(DTD, sizeof DTD - 1, "dtd.xml", a, &d, &f), -1);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 2);
    assert_non_null(strstr(d.items[0].message, "document type declarations"));
    rp_diags_free(&d);
    rp_arena_free(a);
}

/* `n` attributes on <p>, after markup that only looks like crowded tags. */
static char *crowded(size_t n, const char *before)
{
    static char buf[32768];
    size_t at = (size_t)snprintf(buf, sizeof buf, "%s\n<p", before);
    for (size_t i = 0; i < n && at < sizeof buf - 32; i++)
        at += (size_t)snprintf(buf + at, sizeof buf - at, " a%zu='>'", i);
    snprintf(buf + at, sizeof buf - at, "/>");
    return buf;
}

static void test_scan_limits(void **state)
{
    (void)state;
    char fake[1600] = ""; /* 300 attributes of 5 bytes */
    for (int i = 0; i < 300; i++)
        strcat(fake, " b=''");
    char traps[4 * sizeof fake + 128];
    snprintf(traps, sizeof traps,
             "<?xml version='1.0'?><!-- <x%s> --><?pi <x%s>?>"
             "<r><![CDATA[<x%s>]]><q v=\"<x%s>\"/></r>",
             fake, fake, fake, fake);
    struct rp_scan_result r = rp_scan_markup(traps, strlen(traps));
    assert_int_equal(r.status, RP_SCAN_OK);
    const char *ok = crowded(RP_MAX_ATTRIBUTES, "<r>");
    assert_int_equal(rp_scan_markup(ok, strlen(ok)).status, RP_SCAN_OK);
    const char *bad = crowded(RP_MAX_ATTRIBUTES + 1, "<r>\n");
    r = rp_scan_markup(bad, strlen(bad));
    assert_int_equal(r.status, RP_SCAN_TOO_MANY_ATTRIBUTES);
    assert_int_equal(r.line, 3);
    assert_int_equal(r.col, 1);
    /* The same in UTF-16LE without a byte order mark (detected by "<\0?\0"). */
    static char wide[65536];
    size_t w = 0;
    const char *narrow = crowded(RP_MAX_ATTRIBUTES + 1, "<?xml version='1.0'?>");
    for (size_t i = 0; narrow[i] && w + 2 < sizeof wide; i++) {
        wide[w++] = narrow[i];
        wide[w++] = '\0';
    }
    r = rp_scan_markup(wide, w);
    assert_int_equal(r.status, RP_SCAN_TOO_MANY_ATTRIBUTES);
    assert_int_equal(r.line, 2);
    static const char utf32[] = "<?xml version='1.0' encoding='UCS-4'?><r/>";
    assert_int_equal(rp_scan_markup(utf32, sizeof utf32 - 1).status, RP_SCAN_UNSUPPORTED_ENCODING);
}

static size_t date_errors(const char *date)
{
    char xml[512];
    snprintf(xml, sizeof xml,
             "<plan id='p' kind='strategic-plan' start='2022' end='2024' date='%s' "
             "xml:lang='fr'><title>T</title><organisation id='o' kind='other'><name>O</name>"
             "</organisation></plan>",
             date);
    struct rp_arena *a = rp_arena_new();
    struct rp_diags d;
    rp_diags_init(&d);
    struct rp_file f;
    int status = rp_load_memory(xml, strlen(xml), "dates.xml", a, &d, &f);
    size_t errors = d.errors;
    if (errors) {
        assert_int_equal(status, -1);
        assert_int_equal(d.items[0].line, 1);
        assert_non_null(strstr(d.items[0].message, "is not a calendar date"));
    }
    rp_diags_free(&d);
    rp_arena_free(a);
    return errors;
}

static void test_calendar_dates(void **state)
{
    (void)state;
    assert_int_equal(date_errors("2024-02-29"), 0);
    assert_int_equal(date_errors("2000-02-29"), 0);
    assert_int_equal(date_errors("2024-12-31"), 0);
    assert_int_equal(date_errors("2024-02"), 0);
    assert_int_equal(date_errors("2024"), 0);
    assert_int_equal(date_errors("2023-02-29"), 1);
    assert_int_equal(date_errors("1900-02-29"), 1);
    assert_int_equal(date_errors("2024-02-30"), 1);
    assert_int_equal(date_errors("2024-04-31"), 1);
}

static void test_href_allowed(void **state)
{
    (void)state;
    static const char *const good[] = {"https://belgium.be", "HTTP://x.be/a?b=c",
                                       "mailto:info@x.be", "MailTo:a@b"};
    static const char *const bad[] = {"javascript:alert(1)",
                                      "file:///etc/passwd",
                                      "data:text/html,x",
                                      "launch:calc",
                                      "\\\\host\\share",
                                      "//host/share",
                                      "https:",
                                      "https:/x",
                                      "ftp://x",
                                      "",
                                      "mailto:",
                                      " https://x"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        assert_true(rp_href_allowed(good[i]));
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(rp_href_allowed(bad[i]));
    assert_false(rp_href_allowed(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_fields),
        cmocka_unit_test(test_errors_are_located),
        cmocka_unit_test(test_doctype_refused),
        cmocka_unit_test(test_scan_limits),
        cmocka_unit_test(test_calendar_dates),
        cmocka_unit_test(test_href_allowed),
        cmocka_unit_test(test_plan_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
