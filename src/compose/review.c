/* The review edition's annex: every diagnostic of a document's sources, where it stands, so
 * that the authors can fix the model before the document is published. Only review editions
 * have it (produce/kinds.c appends it); the diagnostics themselves are check's, in English,
 * like rapport check prints them. */
#include "compose/compose.h"

#include "templates/templates.h"
#include "util/fmt.h"
#include "util/diag.h"

#include <stdio.h>

static const char *severity_key(enum rp_severity s)
{
    switch (s) {
    case RP_ERROR:
        return "review.severity.error";
    case RP_WARNING:
        return "review.severity.warning";
    default:
        return "review.severity.note";
    }
}

/* "plan.xml:838:7", with as much of the location as is known. */
static const char *where(struct rp_doc *doc, const struct rp_diag *d)
{
    const char *file = d->file ? d->file : "";
    if (d->line > 0 && d->col > 0)
        return rp_doc_printf(doc, "%s:%ld:%ld", file, d->line, d->col);
    if (d->line > 0)
        return rp_doc_printf(doc, "%s:%ld", file, d->line);
    return file;
}

void rp_build_review_annex(struct rp_doc *doc, const struct rp_diags *diags,
                           const struct rp_templates *t)
{
    enum rp_lang lang = rp_lang_from_code(doc->lang);
    if (lang == RP_LANG__MAX)
        lang = RP_LANG_FR;
    struct rp_node *sec =
        rp_doc_add_section(doc, &doc->body, 1, NULL, rp_label(t, lang, "review.annex"));
    struct rp_nodes *kids = &sec->u.section.children;
    rp_doc_add_paragraph(doc, kids, RP_PARA_BODY, rp_label(t, lang, "review.annex_intro"));
    size_t notes = diags ? diags->count - diags->errors - diags->warnings : 0;
    if (!diags || diags->count == 0) {
        rp_doc_add_paragraph(doc, kids, RP_PARA_BODY, rp_label(t, lang, "review.none"));
        return;
    }
    char e[32], w[32], n[32];
    snprintf(e, sizeof e, "%zu", diags->errors);
    snprintf(w, sizeof w, "%zu", diags->warnings);
    snprintf(n, sizeof n, "%zu", notes);
    rp_doc_add_paragraph(doc, kids, RP_PARA_BODY,
                         rp_label_fill(t, doc->arena, lang, "review.counts", e, w, n));
    struct rp_node *table = rp_doc_add_table(doc, kids, 3, rp_label(t, lang, "review.table"));
    rp_doc_table_column(table, 0, RP_ALIGN_LEFT, true);
    struct rp_doc_header_row *h = rp_doc_table_header_row(doc, table);
    rp_doc_header_cell(doc, h, rp_label(t, lang, "review.col.where"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, rp_label(t, lang, "review.col.severity"), 1, RP_ALIGN_LEFT);
    rp_doc_header_cell(doc, h, rp_label(t, lang, "review.col.message"), 1, RP_ALIGN_LEFT);
    for (size_t i = 0; i < diags->count; i++) {
        const struct rp_diag *d = &diags->items[i];
        size_t row = rp_doc_table_row(doc, table, RP_DOC_ROW_LINE);
        unsigned flag = d->severity == RP_ERROR ? RP_CELL_BAD
                        : d->severity == RP_WARNING ? RP_CELL_WARN
                                                    : 0;
        rp_doc_table_cell(doc, table, row, 0, where(doc, d), NULL, 0);
        rp_doc_table_cell(doc, table, row, 1, rp_label(t, lang, severity_key(d->severity)), NULL,
                          flag);
        rp_doc_table_cell(doc, table, row, 2, d->message, NULL, 0);
    }
}
