/* The plan's first chapter, as the contracts open: who the parties are, the legal bases
 * and the approvals the plan rests on ("Vu …"), then where, when and by whom it was
 * signed. */
#include "compose/plan.h"

#include <stdio.h>
#include <string.h>

static const char *party_role(const struct rp_report *r, enum rp_party_role role)
{
    char key[64];
    snprintf(key, sizeof key, "party.%s",
             rp_party_role_name(role < RP_PARTY_ROLE__MAX ? role : RP_PARTY_OTHER));
    return rp_report_l(r, key);
}

static void parties(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->party_count == 0)
        return;
    struct rp_node *list =
        rp_doc_add_list(r->doc, rp_plan_section(r, into, 2, "sec.plan_parties_list"), false);
    for (size_t i = 0; i < p->party_count; i++) {
        struct rp_spans *item = rp_doc_list_add(r->doc, list, NULL);
        rp_report_add_runs(r, item, rp_report_pick(r, &p->parties[i].name));
        rp_spans_add(r->doc, item, RP_SPAN_TEXT, 0,
                     rp_doc_printf(r->doc, " (%s)", party_role(r, p->parties[i].role)), NULL);
    }
}

/* "Arrêté royal du 15 mai 2001 … – publié au Moniteur belge le 18 mai 2001". */
static void legal_bases(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->legal_basis_count == 0)
        return;
    struct rp_node *list =
        rp_doc_add_list(r->doc, rp_plan_section(r, into, 2, "sec.plan_legal"), false);
    for (size_t i = 0; i < p->legal_basis_count; i++) {
        const struct rp_legal_basis *lb = &p->legal_bases[i];
        struct rp_spans *item = rp_doc_list_add(r->doc, list, NULL);
        rp_report_add_runs(r, item, rp_report_pick(r, &lb->title));
        if (lb->published.year)
            rp_spans_add(r->doc, item, RP_SPAN_TEXT, 0,
                         rp_doc_printf(r->doc, " \xe2\x80\x93 %s",
                                       rp_report_lf(r, "plan.published",
                                                    rp_report_date(r, &lb->published), NULL,
                                                    NULL)),
                         NULL);
    }
}

static void approvals(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->approval_count == 0)
        return;
    struct rp_nodes *kids = rp_plan_section(r, into, 2, "sec.plan_approvals");
    for (size_t i = 0; i < p->approval_count; i++) {
        const struct rp_approval *a = &p->approvals[i];
        const char *date =
            a->date.year ? rp_doc_printf(r->doc, "%s%s", rp_report_date(r, &a->date),
                                         rp_report_colon(r))
                         : NULL;
        rp_plan_lead_para(r, kids, RP_PARA_BODY, date, &a->body);
    }
}

/* "Fait à Bruxelles, le 17 mai 2024": the label's words in the edition's language, the place
 * in the one it is shown in. */
static void signed_at(struct rp_report *r, struct rp_nodes *into, const struct rp_signature *s,
                      const char *date)
{
    const char *lang;
    const char *place = rp_report_text_in(r, &s->place, " ", &lang);
    const char *mark = "\x01"; /* where the place goes: a byte no label holds */
    const char *line = date ? rp_report_lf(r, "plan.signed", mark, date, NULL)
                            : rp_report_lf(r, "plan.signed.place", mark, NULL, NULL);
    const char *at = strstr(line, mark);
    struct rp_node *para = rp_doc_add_paragraph(r->doc, into, RP_PARA_BODY, NULL);
    struct rp_spans *spans = &para->u.paragraph.text;
    if (!at) { /* a catalogue that leaves the place out */
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, 0, line, NULL);
        return;
    }
    if (at > line)
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, 0,
                     rp_doc_printf(r->doc, "%.*s", (int)(at - line), line), NULL);
    rp_report_add_plain(r, spans, 0, place, lang);
    if (at[1])
        rp_spans_add(r->doc, spans, RP_SPAN_TEXT, 0, at + 1, NULL);
}

/* "Fait à Bruxelles, le 17 mai 2024", then who signs in which capacity for which party.
 * A date the source left blank is said to be so rather than left out. */
static void signature(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_signature *s = &r->plan->signature;
    if (!s->present)
        return;
    struct rp_nodes *kids = rp_plan_section(r, into, 2, "sec.plan_signature");
    const char *date = s->date.year ? rp_report_date(r, &s->date) : NULL;
    if (s->place.count)
        signed_at(r, kids, s, date);
    else if (date)
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_BODY,
                             rp_report_lf(r, "plan.signed.date", date, NULL, NULL));
    if (!date)
        rp_doc_add_paragraph(r->doc, kids, RP_PARA_SMALL, rp_report_l(r, "plan.signed.blank"));
    if (s->signatory_count == 0)
        return;
    bool party = false;
    for (size_t i = 0; i < s->signatory_count; i++)
        party |= rp_plan_party(r->plan, s->signatories[i].party) != NULL;
    struct rp_node *t = rp_report_table(
        r, kids, NULL,
        (const struct rp_report_column[]){
            {rp_report_l(r, "col.signatory"), RP_ALIGN_LEFT, true, false},
            {rp_report_l(r, "col.capacity"), RP_ALIGN_LEFT, false, false},
            {rp_report_l(r, "col.party"), RP_ALIGN_LEFT, false, !party}},
        3);
    for (size_t i = 0; i < s->signatory_count; i++) {
        const struct rp_signatory *sg = &s->signatories[i];
        size_t row = rp_doc_table_row(r->doc, t, RP_DOC_ROW_LINE);
        rp_doc_table_cell(r->doc, t, row, 0, sg->name, NULL, 0);
        rp_report_cell(r, t, row, 1, &sg->role, NULL, 0);
        const struct rp_party *pt = rp_plan_party(r->plan, sg->party);
        if (pt)
            rp_report_cell(r, t, row, 2, &pt->name, NULL, 0);
    }
}

void rp_plan_parties(struct rp_report *r, struct rp_nodes *into)
{
    const struct rp_plan *p = r->plan;
    if (p->party_count == 0 && p->legal_basis_count == 0 && p->approval_count == 0 &&
        !p->signature.present)
        return;
    struct rp_nodes *kids = rp_plan_chapter(r, into, "sec.plan_parties");
    parties(r, kids);
    legal_bases(r, kids);
    approvals(r, kids);
    signature(r, kids);
}
