/* The loader from memory: text runs, whitespace, placeholders, table cells, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "load/load.h"
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_fields),
        cmocka_unit_test(test_errors_are_located),
        cmocka_unit_test(test_doctype_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
