/* The evaluation report's first and last chapters: what the document is (plan, year, sample
 * data, language, how statuses are read), the organisation of a stand-alone report, and the
 * annex (indicator definitions, abbreviations). */
#include "compose/amendments.h"
#include "compose/report.h"

#include <stdio.h>
#include <string.h>

static void legend(struct rp_report *r, struct rp_nodes *into)
{
    struct rp_node *t = rp_doc_add_table(r->doc, into, 3, rp_report_l(r, "caption.legend"));
    rp_doc_table_column(t, 0, RP_ALIGN_CENTER, false);
    rp_doc_table_column(t, 1, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.symbol"), 1, RP_ALIGN_CENTER);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.status"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.meaning"), 1, RP_ALIGN_LEFT);
    for (int s = 0; s < RP_IND_STATUS__MAX; s++) {
        char key[64];
        snprintf(key, sizeof key, "ind.legend.%s", rp_indicator_status_name(s));
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, rp_report_status_symbol(s), NULL, 0);
        rp_doc_table_cell(r->doc, t, row, 1, rp_report_status_word(r, s), NULL, RP_CELL_LABEL);
        rp_doc_table_cell(r->doc, t, row, 2, rp_report_l(r, key), NULL, 0);
    }
}

static size_t indicator_count(const struct rp_plan *plan)
{
    size_t n = 0;
    for (size_t s = 0; plan && s < plan->objective_count; s++)
        for (size_t o = 0; o < plan->objectives[s].operational_count; o++)
            n += plan->objectives[s].operational[o].indicator_count;
    return n;
}

static const char *earlier_years(struct rp_report *r)
{
    const char *out = NULL;
    for (size_t i = 0; i + 1 < r->eval_count; i++) {
        if (!r->evals[i] || r->evals[i]->year >= r->eval->year)
            continue;
        out = out ? rp_doc_printf(r->doc, "%s, %d", out, r->evals[i]->year)
                  : rp_doc_printf(r->doc, "%d", r->evals[i]->year);
    }
    return out;
}

void rp_eval_about(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_evaluation *e = r->eval;
    struct rp_node *sec = rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.about"));
    struct rp_nodes *kids = &sec->u.section.children;
    char year[32];
    snprintf(year, sizeof year, "%d", e->year);
    if (e->sample)
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_REMARK, rp_report_l(r, "doc.sample_notice"));
    rp_report_note_slot(r, kids);
    if (!r->plan) {
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY,
                             rp_report_lf(r, "about.standalone", year, NULL, NULL));
        if (e->date.year)
            rp_doc_add_paragraph(
                r->doc, kids, RP_PARA_BODY,
                rp_report_lf(r, "about.published", rp_report_date(r, &e->date), NULL, NULL));
        return;
    }
    /* The evaluation's own title (the cover's subtitle is the plan's): what the authors
     * call this report, in the language the one rule chooses. */
    if (e->title.count) {
        struct rp_node *own = rp_doc_add_paragraph(r->doc, kids, RP_PARA_LEAD, NULL);
        rp_report_add_runs(r, &own->u.paragraph.text, rp_report_pick(r, &e->title));
    }
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY,
                         rp_report_lf(r, "about.evaluation", year, NULL, NULL));
    struct rp_node *title = rp_doc_add_paragraph(r->doc, kids, RP_PARA_LEAD, NULL);
    rp_report_add_runs(r, &title->u.paragraph.text, rp_report_pick(r, &r->plan->title));
    char start[32], end[32];
    snprintf(start, sizeof start, "%d", r->plan->start);
    snprintf(end, sizeof end, "%d", r->plan->end);
    rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY,
                         rp_report_lf(r, "about.period", start, end, rp_report_date(r, &e->date)));
    rp_report_amendments_note(r, kids);
    const char *earlier = earlier_years(r);
    if (earlier && indicator_count(r->plan))
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY,
                             rp_report_lf(r, "about.history", earlier, NULL, NULL));
    if (indicator_count(r->plan)) {
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY, rp_report_l(r, "about.status_rule"));
        legend(r, kids);
    }
}

/* ---------------------------------------------------------------- organisation */

void rp_eval_organisation(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_organisation *org = r->org;
    if (!org || org->unit_count == 0)
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.organisation"));
    struct rp_nodes *kids = &sec->u.section.children;
    struct rp_node *lead = rp_doc_add_paragraph(r->doc, kids, RP_PARA_LEAD, NULL);
    rp_report_add_runs(r, &lead->u.paragraph.text, rp_report_pick(r, &org->name));
    struct rp_node *t = rp_doc_add_table(r->doc, kids, 2, rp_report_l(r, "caption.organisation"));
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.name"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(r->doc, h, rp_report_l(r, "col.abbr"), 1, RP_ALIGN_LEFT);
    /* Grouped by kind, in the order of the kinds, each group in source order. */
    for (int k = 0; k < RP_UNIT_KIND__MAX; k++) {
        bool any = false;
        for (size_t i = 0; i < org->unit_count; i++) {
            const struct rp_unit *u = &org->units[i];
            if ((int)u->kind != k)
                continue;
            if (!any) {
                char key[64];
                snprintf(key, sizeof key, "unitkind.%s", rp_unit_kind_name(u->kind));
                size_t g = rp_doc_table_row(r->doc, t, RP_DOC_ROW_GROUP);
                rp_doc_table_cell(r->doc, t, g, 0, rp_report_l(r, key), NULL, 0);
                any = true;
            }
            size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
            rp_report_cell(r, t, row, 0, &u->name, NULL, 0);
            rp_report_cell(r, t, row, 1, &u->abbr, NULL, 0);
        }
    }
}

/* ---------------------------------------------------------------- annex */

const char *rp_report_indicator_measure(struct rp_report *r, const struct rp_indicator *ind)
{
    char key[96];
    const char *colon = rp_report_colon(r), *semi = rp_report_semicolon(r);
    const char *unit = rp_report_unit_word_in(r, ind->unit ? ind->unit : "", NULL);
    const char *out = rp_doc_printf(r->doc, "%s%s%s", rp_report_l(r, "label.unit"), colon, unit);
    snprintf(key, sizeof key, "dir.%s", rp_direction_name(ind->direction));
    out = rp_doc_printf(r->doc, "%s%s%s%s%s", out, semi, rp_report_l(r, "label.direction"), colon,
                        rp_report_l(r, key));
    if (ind->frequency != RP_FREQ_UNSPECIFIED || ind->frequency_raw) {
        snprintf(key, sizeof key, "freq.%s", rp_frequency_name(ind->frequency));
        const char *freq = ind->frequency == RP_FREQ_UNSPECIFIED && ind->frequency_raw
                               ? ind->frequency_raw
                               : rp_report_l(r, key);
        out = rp_doc_printf(r->doc, "%s%s%s%s%s", out, semi, rp_report_l(r, "label.frequency"),
                            colon, freq);
    }
    if (ind->baseline.present)
        out = rp_doc_printf(r->doc, "%s%s%s%s%s (%d)", out, semi, rp_report_l(r, "label.baseline"),
                            colon, rp_report_num_auto(r, ind->baseline.value), ind->baseline_year);
    return out;
}

static unsigned placeholder_flag(struct rp_report *r, const struct rp_texts *texts)
{
    return rp_report_has_placeholder(rp_report_peek(r, texts)) ? RP_CELL_PLACEHOLDER : 0;
}

static void definitions(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *plan = r->plan;
    if (!indicator_count(plan))
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 2, NULL, rp_report_l(r, "sec.definitions"));
    /* The heading just above names the table: a caption would say it a second time. */
    struct rp_node *t = rp_doc_add_table(r->doc, &sec->u.section.children, 5, NULL);
    rp_doc_table_column(t, 0, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    static const char *const heads[] = {"col.number", "col.indicator", "col.definition", "col.norm",
                                        "col.measure"};
    for (size_t c = 0; c < 5; c++)
        rp_doc_header_cell(r->doc, h, rp_report_l(r, heads[c]), 1, RP_ALIGN_LEFT);
    for (size_t s = 0; s < plan->objective_count; s++)
        for (size_t o = 0; o < plan->objectives[s].operational_count; o++) {
            const struct rp_operational_objective *oo = &plan->objectives[s].operational[o];
            for (size_t i = 0; i < oo->indicator_count; i++) {
                const struct rp_indicator *ind = &oo->indicators[i];
                size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
                rp_doc_table_cell(r->doc, t, row, 0, ind->number ? ind->number : ind->id, NULL, 0);
                rp_report_cell(r, t, row, 1, &ind->title, NULL, placeholder_flag(r, &ind->title));
                rp_report_cell(r, t, row, 2, &ind->definition, NULL,
                               placeholder_flag(r, &ind->definition));
                rp_report_cell(r, t, row, 3, &ind->norm.text, NULL,
                               placeholder_flag(r, &ind->norm.text));
                rp_doc_table_cell(r->doc, t, row, 4, rp_report_indicator_measure(r, ind), NULL, 0);
            }
        }
}

/* `abbr_lang`, `meaning_lang`: as an _in function gives them (NULL for labels). */
static void abbreviation(struct rp_report *r, struct rp_node *t, const char *abbr,
                         const char *abbr_lang, const char *meaning, const char *meaning_lang)
{
    size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
    rp_doc_table_cell(r->doc, t, row, 0, abbr, NULL, 0);
    rp_doc_cell_lang(r->doc, t, row, 0, abbr_lang);
    rp_doc_table_cell(r->doc, t, row, 1, meaning, NULL, 0);
    rp_doc_cell_lang(r->doc, t, row, 1, meaning_lang);
}

/* Whether an indicator is measured per full-time equivalent ("jours/ETP"). */
static bool uses_fte(const struct rp_plan *plan)
{
    for (size_t s = 0; plan && s < plan->objective_count; s++)
        for (size_t o = 0; o < plan->objectives[s].operational_count; o++) {
            const struct rp_operational_objective *oo = &plan->objectives[s].operational[o];
            for (size_t i = 0; i < oo->indicator_count; i++)
                if (oo->indicators[i].unit && strstr(oo->indicators[i].unit, "fte"))
                    return true;
        }
    return false;
}

static void abbreviations(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_organisation *org = r->org;
    bool budget = r->plan && r->eval->budget_count > 0;
    size_t units = 0;
    for (size_t i = 0; org && i < org->unit_count; i++)
        units += org->units[i].abbr.count > 0;
    /* Built detached: the section exists only when it lists something. */
    struct rp_nodes rows = {0};
    struct rp_node *t = rp_report_abbreviation_table(r, &rows);
    size_t glossary = rp_report_glossary_used(r, t);
    if (!budget && units == 0 && glossary == 0)
        return;
    struct rp_node *sec =
        rp_doc_add_section(r->doc, into, 2, NULL, rp_report_l(r, "sec.abbreviations"));
    sec->u.section.children = rows;
    for (size_t i = 0; org && i < org->unit_count; i++) {
        const struct rp_unit *u = &org->units[i];
        if (u->abbr.count) {
            const char *al, *nl;
            const char *abbr = rp_report_text_in(r, &u->abbr, " ", &al);
            const char *name = rp_report_text_in(r, &u->name, " ", &nl);
            abbreviation(r, t, abbr, al, name, nl);
        }
    }
    if (budget) {
        /* Only the abbreviations the budget chapter uses. */
        struct rp_budget_group *groups;
        size_t n = rp_eval_budget_groups(r, &groups);
        bool credit[RP_CREDIT__MAX] = {false}, keur = false;
        for (size_t g = 0; g < n; g++) {
            credit[groups[g].table->columns[groups[g].column].credit] = true;
            keur |= groups[g].table->unit == RP_TUNIT_EUR && groups[g].table->scale == 1000;
        }
        if (credit[RP_CREDIT_CE])
            abbreviation(r, t, rp_report_l(r, "credit.CE"), NULL, rp_report_l(r, "abbr.CE"), NULL);
        if (credit[RP_CREDIT_CL])
            abbreviation(r, t, rp_report_l(r, "credit.CL"), NULL, rp_report_l(r, "abbr.CL"), NULL);
        if (keur)
            abbreviation(r, t, "k\xe2\x82\xac", NULL, rp_report_l(r, "abbr.keur"), NULL);
    }
    if (uses_fte(r->plan))
        abbreviation(r, t, rp_report_l(r, "abbr.fte_short"), NULL, rp_report_l(r, "abbr.fte"),
                     NULL);
}

void rp_eval_annex(struct rp_report *r, struct rp_nodes *into)
{
    /* Built into a detached list first: the chapter only exists when it has content. */
    struct rp_nodes parts = {0};
    definitions(r, &parts);
    abbreviations(r, &parts);
    if (parts.count == 0)
        return;
    struct rp_node *sec = rp_doc_add_section(r->doc, into, 1, NULL, rp_report_l(r, "sec.annex"));
    sec->u.section.children = parts;
}
