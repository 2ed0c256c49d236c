#include "model/model.h"

#include <stdio.h>
#include <string.h>

bool rp_translation_unofficial(const struct rp_translations *translations, const char *lang)
{
    for (size_t i = 0; lang && i < translations->count; i++)
        if (!translations->items[i].official && strcmp(translations->items[i].lang, lang) == 0)
            return true;
    return false;
}

const struct rp_text *rp_texts_pick(const struct rp_texts *texts, const char *lang,
                                    const char *fallback)
{
    if (!texts || texts->count == 0)
        return NULL;
    for (size_t i = 0; lang && i < texts->count; i++)
        if (rp_lang_same(texts->items[i].lang, lang))
            return &texts->items[i];
    for (size_t i = 0; fallback && i < texts->count; i++)
        if (rp_lang_same(texts->items[i].lang, fallback))
            return &texts->items[i];
    return &texts->items[0];
}

const char *rp_texts_plain(const struct rp_texts *texts, const char *lang, const char *fallback)
{
    const struct rp_text *t = rp_texts_pick(texts, lang, fallback);
    return t ? t->plain : "";
}

int rp_enum_lookup(const char *const *names, int count, const char *name)
{
    for (int i = 0; name && i < count; i++)
        if (names[i] && strcmp(names[i], name) == 0)
            return i;
    return -1;
}

/* One name table per enum, in the spelling of the schema; each ends at its __MAX. */
#define NAME_TABLE(fn, type, max, ...)                                                       \
    const char *fn(type value)                                                               \
    {                                                                                        \
        static const char *const names[max] = {__VA_ARGS__};                                 \
        return (unsigned)value < (unsigned)(max) && names[value] ? names[value] : "?";       \
    }

NAME_TABLE(rp_plan_kind_name, enum rp_plan_kind, RP_PLAN_KIND__MAX, "strategic-plan",
           "administration-contract", "operational-plan")
NAME_TABLE(rp_unit_kind_name, enum rp_unit_kind, RP_UNIT_KIND__MAX, "directorate-general",
           "support-service", "service", "cell", "board", "hosted-body", "all-units", "person")
NAME_TABLE(rp_org_kind_name, enum rp_org_kind, RP_ORG_KIND__MAX, "federal-public-service",
           "public-social-security-institution", "programming-service", "other")
NAME_TABLE(rp_party_role_name, enum rp_party_role, RP_PARTY_ROLE__MAX, "state", "minister",
           "institution", "management-board", "other")
NAME_TABLE(rp_norm_kind_name, enum rp_norm_kind, RP_NORM_KIND__MAX, "single", "tiered",
           "deliverable", "undefined")
NAME_TABLE(rp_within_unit_name, enum rp_within_unit, RP_WITHIN__MAX, "", "working-day", "day",
           "calendar-day", "week", "month", "year")
NAME_TABLE(rp_frequency_name, enum rp_frequency, RP_FREQ__MAX, "unspecified", "monthly",
           "quarterly", "semiannual", "annual", "biennial", "once")
NAME_TABLE(rp_direction_name, enum rp_direction, RP_DIR__MAX, "increase", "decrease", "none")
NAME_TABLE(rp_process_type_name, enum rp_process_type, RP_PROCESS_TYPE__MAX, "operational",
           "support", "studies", "management")
NAME_TABLE(rp_table_kind_name, enum rp_table_kind, RP_TABLE_KIND__MAX, "budget", "staffing")
NAME_TABLE(rp_table_unit_name, enum rp_table_unit, RP_TUNIT__MAX, "EUR", "FTE", "count",
           "percent")
NAME_TABLE(rp_credit_name, enum rp_credit, RP_CREDIT__MAX, "", "CE", "CL")
NAME_TABLE(rp_row_kind_name, enum rp_row_kind, RP_ROW_KIND__MAX, "line", "group", "subtotal",
           "total", "of-which")
NAME_TABLE(rp_message_kind_name, enum rp_message_kind, RP_MESSAGE__MAX, "plain", "main",
           "secondary")
NAME_TABLE(rp_qualifier_name, enum rp_qualifier, RP_QUAL__MAX, "exact", "approx", "min", "max")
NAME_TABLE(rp_section_role_name, enum rp_section_role, RP_SECTION_ROLE__MAX, "body", "foreword",
           "zoom", "pending")
NAME_TABLE(rp_media_kind_name, enum rp_media_kind, RP_MEDIA_KIND__MAX, "photo", "video", "chart",
           "organigram")
NAME_TABLE(rp_progress_status_name, enum rp_progress_status, RP_PROGRESS__MAX, "not-started",
           "on-track", "late", "done", "cancelled")
NAME_TABLE(rp_trend_name, enum rp_trend, RP_TREND__MAX, "up", "stable", "down", "new", "closed")
NAME_TABLE(rp_comm_status_name, enum rp_comm_status, RP_COMM__MAX, "planned", "done", "late",
           "cancelled")
NAME_TABLE(rp_action_kind_name, enum rp_action_kind, RP_ACTION_KIND__MAX, "project", "process")
NAME_TABLE(rp_change_name, enum rp_change, RP_CHANGE__MAX, "", "inserted", "replacement",
           "replaced", "removed")

const char *rp_date_text(char *buf, struct rp_date d)
{
    if (!d.year)
        snprintf(buf, RP_DATE_TEXT, "-");
    else if (!d.month)
        snprintf(buf, RP_DATE_TEXT, "%04d", d.year);
    else if (!d.day)
        snprintf(buf, RP_DATE_TEXT, "%04d-%02d", d.year, d.month);
    else
        snprintf(buf, RP_DATE_TEXT, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}
