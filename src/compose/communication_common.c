/* Helpers shared by the parts of the communication summary and the evaluation report's
 * communication chapter: action numbers, joined texts, messages, timing, flagged cells. */
#include "compose/report.h"

#include <string.h>

/* A cell holding wording the source left unresolved says so in its second line too, so that
 * the flag survives in every backend. */
void rp_comm_cell(struct rp_report *r, struct rp_node *t, size_t row, size_t col, const char *text,
                 const char *detail, unsigned flags)
{
    if (flags & RP_CELL_PLACEHOLDER) {
        const char *mark = rp_report_l(r, "timing.placeholder");
        detail = detail ? rp_doc_printf(r->doc, "%s \xc2\xb7 %s", detail, mark) : mark;
    }
    rp_doc_table_cell(r->doc, t, row, col, text, detail, flags);
}

const char *rp_comm_number(struct rp_report *r, size_t i)
{
    return rp_doc_printf(r->doc, "%zu", i + 1);
}

/* Every text of `texts` in the chosen language, joined; `flags` gains PLACEHOLDER when one
 * of them holds a placeholder. */
const char *rp_comm_joined(struct rp_report *r, const struct rp_texts *texts, const char *sep,
                          unsigned *flags)
{
    const char *lang = rp_report_text_lang(r, texts);
    for (size_t i = 0; lang && i < texts->count; i++)
        if (strcmp(texts->items[i].lang, lang) == 0 && rp_report_has_placeholder(&texts->items[i]))
            *flags |= RP_CELL_PLACEHOLDER;
    return rp_report_text(r, texts, sep);
}

const char *rp_comm_objectives(struct rp_report *r, const struct rp_comm_action *a)
{
    const struct rp_comm_plan *cp = &r->plan->communication;
    const char *out = "";
    for (size_t i = 0; i < a->objectives.count; i++) {
        const char *name = a->objectives.ids[i];
        for (size_t k = 0; k < cp->objective_count; k++)
            if (strcmp(cp->objectives[k].id, a->objectives.ids[i]) == 0)
                name = rp_report_text(r, &cp->objectives[k].name, " ");
        out = rp_doc_printf(r->doc, "%s%s%s", out, i ? rp_report_semicolon(r) : "", name);
    }
    return out;
}

/* "Message principal : …" for messages the source marks as main or secondary. */
const char *rp_comm_messages(struct rp_report *r, const struct rp_comm_action *a, unsigned *flags)
{
    const char *lang = rp_report_text_lang(r, &a->messages);
    const char *out = NULL;
    for (size_t i = 0; lang && i < a->messages.count; i++) {
        const struct rp_text *t = &a->messages.items[i];
        if (strcmp(t->lang, lang) != 0)
            continue;
        if (rp_report_has_placeholder(t))
            *flags |= RP_CELL_PLACEHOLDER;
        enum rp_message_kind kind = a->message_kinds ? a->message_kinds[i] : RP_MESSAGE_PLAIN;
        const char *one = kind == RP_MESSAGE_PLAIN
                              ? t->plain
                              : rp_doc_printf(r->doc, "%s%s%s",
                                              rp_report_l(r, kind == RP_MESSAGE_MAIN ? "msg.main"
                                                                                     : "msg.secondary"),
                                              rp_report_colon(r), t->plain);
        out = out ? rp_doc_printf(r->doc, "%s \xc2\xb7 %s", out, one) : one;
    }
    return out ? out : "";
}

enum rp_comm_timing rp_comm_timing_kind(const struct rp_comm_action *a)
{
    if (!a->has_timing)
        return RP_TIMING_NONE;
    if (a->timing_date.year)
        return RP_TIMING_DATE;
    if (rp_report_has_placeholder(&a->timing))
        return RP_TIMING_PLACEHOLDER;
    return a->timing.plain && *a->timing.plain ? RP_TIMING_RELATIVE : RP_TIMING_NONE;
}

const char *rp_comm_timing_text(struct rp_report *r, const struct rp_comm_action *a)
{
    switch (rp_comm_timing_kind(a)) {
    case RP_TIMING_DATE:
        return rp_report_date(r, &a->timing_date);
    case RP_TIMING_RELATIVE:
    case RP_TIMING_PLACEHOLDER:
        return a->timing.plain;
    default:
        return "";
    }
}
