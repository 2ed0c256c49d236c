/* The plan and evaluation model: plain C structs, no library types.
 *
 * Ownership: everything reachable from an rp_plan or an rp_evaluation belongs to the arena
 * it was loaded into and dies with it; nothing in the model is freed on its own.
 *
 * Arrays are counted (`items` + `count`), never linked lists. Strings are UTF-8, never
 * NULL unless the comment says "optional". Every entity keeps the place it was read from
 * (rp_loc) so that every later stage can report located diagnostics. */
#ifndef RP_MODEL_H
#define RP_MODEL_H

#include "util/fmt.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rp_arena;

struct rp_loc {
    const char *file;
    long line, col;
};

/* A date as precise as the source gives it: month and day are 0 when absent. */
struct rp_date {
    int year, month, day;
};

/* An optional number (an absent attribute is not 0). */
struct rp_opt_num {
    bool present;
    double value;
};

/* ---------------------------------------------------------------- text */

enum rp_run_kind {
    RP_RUN_TEXT,
    RP_RUN_LINK,
    RP_RUN_PLACEHOLDER,
    RP_RUN_FOOTNOTE,
    RP_RUN_KIND__MAX
};
enum { RP_STYLE_EM = 1, RP_STYLE_STRONG = 2, RP_STYLE_SUP = 4 };

/* A footnote is a run where the source puts its mark: its `text` is "" (the mark is the
 * document's number, not words), its own runs hold the note, in the language of the text
 * around it; it adds nothing to the text's `plain`. A note holds no note. */
struct rp_run {
    enum rp_run_kind kind;
    unsigned style; /* RP_STYLE_* bits */
    const char *text;
    const char *href;    /* links only */
    struct rp_run *runs; /* footnotes only */
    size_t run_count;
    const char *plain; /* footnotes only: the note's runs joined */
};

/* What an amendment of the plan did to a text (its `change` attribute). */
enum rp_change {
    RP_CHANGE_NONE,
    RP_CHANGE_INSERTED,
    RP_CHANGE_REPLACEMENT,
    RP_CHANGE_REPLACED,
    RP_CHANGE_REMOVED,
    RP_CHANGE__MAX
};

/* One paragraph, title or label in one language. */
struct rp_text {
    const char *lang;  /* the element's xml:lang, or the document's language */
    const char *plain; /* the runs joined, whitespace collapsed */
    struct rp_run *runs;
    size_t run_count;
    struct rp_loc loc;
    /* The amendment that inserted it or made it a replacement (optional), and which. The
     * model holds the consolidated text: a removed or replaced text never is an rp_text
     * (the loader leaves it out; rp_plan.changes keeps its trace). */
    const char *amendment;
    enum rp_change change;
};

/* The repeated occurrences of one text element: language variants of a title, or the
 * paragraphs of a body in one or more languages. */
struct rp_texts {
    struct rp_text *items;
    size_t count;
};

/* A list of ids as written in an attribute (owners, objectives, sums). */
struct rp_refs {
    const char **ids;
    size_t count;
    struct rp_loc loc;
};

/* Wording the source left unresolved ("XX jours", "**-**-****"), wherever it occurs. */
struct rp_placeholder {
    struct rp_loc loc;
    const char *text;
};

/* A character outside the Latin, Greek and Cyrillic scripts and the general punctuation,
 * where the text first uses it: the check says when no installed font can draw it. */
enum { RP_RARE_CHARS_MAX = 256 };
struct rp_char_use {
    struct rp_loc loc;
    uint32_t cp;
};

/* ---------------------------------------------------------------- organisation */

enum rp_unit_kind {
    RP_UNIT_DIRECTORATE_GENERAL,
    RP_UNIT_SUPPORT_SERVICE,
    RP_UNIT_SERVICE,
    RP_UNIT_CELL,
    RP_UNIT_BOARD,
    RP_UNIT_HOSTED_BODY,
    RP_UNIT_ALL_UNITS,
    RP_UNIT_PERSON,
    RP_UNIT_KIND__MAX
};

struct rp_unit {
    const char *id;
    struct rp_loc loc;
    enum rp_unit_kind kind;
    const char *parent; /* optional unit id */
    struct rp_texts name, abbr, text;
    const char **aliases;
    size_t alias_count;
};

enum rp_org_kind {
    RP_ORG_FEDERAL_PUBLIC_SERVICE,
    RP_ORG_SOCIAL_SECURITY_INSTITUTION,
    RP_ORG_PROGRAMMING_SERVICE,
    RP_ORG_OTHER,
    RP_ORG_KIND__MAX
};

struct rp_organisation {
    const char *id;
    struct rp_loc loc;
    enum rp_org_kind kind;
    /* The official long name ("Service public fédéral Intérieur"), the usual short name
     * ("SPF Intérieur", optional) and the acronym ("IBZ", optional), each per language. */
    struct rp_texts name, short_name, abbr;
    struct rp_texts slogan; /* optional motto, one per language */
    struct rp_unit *units;
    size_t unit_count;
};

enum rp_party_role {
    RP_PARTY_STATE,
    RP_PARTY_MINISTER,
    RP_PARTY_INSTITUTION,
    RP_PARTY_MANAGEMENT_BOARD,
    RP_PARTY_OTHER,
    RP_PARTY_ROLE__MAX
};

struct rp_party {
    const char *id;
    struct rp_loc loc;
    enum rp_party_role role;
    struct rp_texts name;
};

struct rp_legal_basis {
    const char *id;
    struct rp_loc loc;
    struct rp_date date, published;
    struct rp_texts title;
};

struct rp_approval {
    struct rp_loc loc;
    struct rp_date date;
    struct rp_texts body;
};

struct rp_signatory {
    struct rp_loc loc;
    const char *name;
    const char *party; /* optional party id */
    struct rp_texts role;
};

struct rp_signature {
    bool present;
    struct rp_loc loc;
    struct rp_texts place; /* one per language; none when the source names no place */
    struct rp_date date;   /* year 0: left blank in the source */
    struct rp_signatory *signatories;
    size_t signatory_count;
};

/* ---------------------------------------------------------------- strategy */

/* Missions nest: a mission may carry tasks (sub-missions). */
struct rp_mission {
    const char *id;
    struct rp_loc loc;
    const char *number;      /* optional display number ("4°") */
    const char *legal_basis; /* optional legal-basis id */
    struct rp_texts title, text, items;
    struct rp_mission *children;
    size_t child_count;
};

/* Vision pillars, values, priorities and stakes share one shape. */
struct rp_numbered {
    const char *id;
    struct rp_loc loc;
    const char *number; /* optional */
    int rank;           /* stakes: 1 = most important; 0 when unranked */
    struct rp_texts title, text, items;
};

/* A group of stakeholders or of strategic objectives, named once per language; its members
 * refer to it by id. */
struct rp_group {
    const char *id;
    struct rp_loc loc;
    struct rp_texts name;
};

struct rp_stakeholder {
    const char *id;
    struct rp_loc loc;
    const char *group; /* optional id of one of the plan's stakeholder_groups */
    struct rp_texts name;
};

struct rp_risk {
    const char *id;
    struct rp_loc loc;
    const char *code; /* optional taxonomy code "1.3.1.1" */
    int rank;         /* 0 when unranked */
    struct rp_texts title, justification;
};

struct rp_risk_domain {
    const char *id;
    struct rp_loc loc;
    struct rp_texts title, weaknesses, threats, notes;
    struct rp_refs objectives;
};

struct rp_ambition {
    const char *id;
    struct rp_loc loc;
    struct rp_refs owners;
    const char *owners_raw; /* optional */
    struct rp_texts text;
};

enum rp_norm_kind {
    RP_NORM_SINGLE,
    RP_NORM_TIERED,
    RP_NORM_DELIVERABLE,
    RP_NORM_UNDEFINED,
    RP_NORM_KIND__MAX
};
enum rp_within_unit {
    RP_WITHIN_NONE,
    RP_WITHIN_WORKING_DAY,
    RP_WITHIN_DAY,
    RP_WITHIN_CALENDAR_DAY,
    RP_WITHIN_WEEK,
    RP_WITHIN_MONTH,
    RP_WITHIN_YEAR,
    RP_WITHIN__MAX
};
enum rp_frequency {
    RP_FREQ_UNSPECIFIED,
    RP_FREQ_MONTHLY,
    RP_FREQ_QUARTERLY,
    RP_FREQ_SEMIANNUAL,
    RP_FREQ_ANNUAL,
    RP_FREQ_BIENNIAL,
    RP_FREQ_ONCE,
    RP_FREQ__MAX
};
enum rp_direction { RP_DIR_INCREASE, RP_DIR_DECREASE, RP_DIR_NONE, RP_DIR__MAX };

struct rp_threshold {
    const char *id;
    struct rp_loc loc;
    double value;
    struct rp_opt_num within;
    enum rp_within_unit within_unit;
};

struct rp_milestone {
    const char *id; /* optional in evaluations */
    struct rp_loc loc;
    struct rp_date date;
    bool done;            /* evaluations only */
    struct rp_texts text; /* its wording, one variant per language */
};

struct rp_norm {
    enum rp_norm_kind kind;
    struct rp_threshold *thresholds;
    size_t threshold_count;
    struct rp_milestone *milestones;
    size_t milestone_count;
    struct rp_texts text; /* the norm as the source words it */
};

struct rp_indicator {
    const char *id;
    struct rp_loc loc;
    const char *number; /* optional */
    const char *unit;   /* a schema unit (rp_schema_unit) or the id of a plan's rp_measure_unit */
    enum rp_direction direction;
    struct rp_texts title, definition;
    struct rp_opt_num baseline;
    int baseline_year;
    struct rp_norm norm;
    enum rp_frequency frequency;
    const char *frequency_raw; /* optional */
};

/* One step of a maturity scale (0 "initial" ... 5 "optimised"). */
struct rp_maturity_level {
    struct rp_loc loc;
    int value;
    struct rp_texts name, description;
};

struct rp_maturity_scale {
    const char *id;
    struct rp_loc loc;
    struct rp_texts name;
    struct rp_maturity_level *levels;
    size_t level_count;
};

/* An item's maturity on one scale: the level now and, when `target` >= 0, the level aimed
 * at by `horizon`. Dates are year 0 when absent (as-of: the plan's start). */
struct rp_maturity {
    struct rp_loc loc;
    const char *scale;
    int level, target; /* target -1: none */
    struct rp_date as_of, horizon;
};

struct rp_maturities {
    struct rp_maturity *items;
    size_t count;
};

enum rp_action_kind { RP_ACTION_PROJECT, RP_ACTION_PROCESS, RP_ACTION_KIND__MAX };

/* A project or a process, inside an objective or in the plan's project list. */
struct rp_action {
    const char *id;
    struct rp_loc loc;
    enum rp_action_kind kind;
    struct rp_refs owners, objectives;
    struct rp_date due;
    struct rp_texts title, text;
    struct rp_maturities maturity;
};

struct rp_operational_objective {
    const char *id;
    struct rp_loc loc;
    const char *number;
    struct rp_refs owners;
    struct rp_texts title, text;
    struct rp_maturities maturity;
    struct rp_indicator *indicators;
    size_t indicator_count;
    struct rp_action *actions;
    size_t action_count;
};

struct rp_strategic_objective {
    const char *id;
    struct rp_loc loc;
    const char *number;
    const char *group; /* optional id of one of the plan's objective_groups */
    struct rp_refs owners, priorities;
    struct rp_texts title, text;
    struct rp_maturities maturity;
    struct rp_ambition *ambitions;
    size_t ambition_count;
    struct rp_operational_objective *operational;
    size_t operational_count;
    struct rp_action *actions;
    size_t action_count;
};

enum rp_process_type {
    RP_PROCESS_OPERATIONAL,
    RP_PROCESS_SUPPORT,
    RP_PROCESS_STUDIES,
    RP_PROCESS_MANAGEMENT,
    RP_PROCESS_TYPE__MAX
};

struct rp_key_process {
    const char *id;
    struct rp_loc loc;
    const char *number;
    enum rp_process_type type;
    const char *type_raw; /* optional */
    struct rp_refs owners;
    struct rp_texts name, sub_processes, triggers, outputs, clients;
};

struct rp_commitment {
    const char *id;
    struct rp_loc loc;
    const char *number;
    struct rp_refs parties; /* party ids: several for a joint commitment */
    struct rp_date deadline;
    struct rp_texts text, conditions;
};

/* A figure a transversal objective aims at: `value` `unit` (as an indicator's), at least /
 * at most / about it (qualifier), by `horizon` (year 0: the plan's end). */
struct rp_transversal_target {
    const char *id;
    struct rp_loc loc;
    double value;
    const char *unit;
    int qualifier; /* enum rp_qualifier */
    struct rp_date horizon;
    struct rp_texts label;
};

struct rp_transversal_objective {
    const char *id;
    struct rp_loc loc;
    const char *number; /* optional */
    struct rp_texts title, text;
    struct rp_commitment *commitments; /* what each party commits to */
    size_t commitment_count;
    struct rp_transversal_target *targets;
    size_t target_count;
};

struct rp_transversal_theme {
    const char *id;
    struct rp_loc loc;
    const char *number; /* optional */
    struct rp_texts title;
    struct rp_transversal_objective *objectives;
    size_t objective_count;
};

/* Objectives common to every federal service, by theme; `pending` when the plan leaves them
 * to a later addendum (its text says so). */
struct rp_transversal {
    bool present, pending;
    struct rp_loc loc;
    struct rp_texts text;
    struct rp_transversal_theme *themes;
    size_t theme_count;
};

/* A unit of measure a plan declares for its indicators, beyond the schema's. */
struct rp_measure_unit {
    const char *id;
    struct rp_loc loc;
    struct rp_texts name; /* one per language: "m²/ETP" */
};

/* A term or an abbreviation of the plan's glossary. */
struct rp_glossary_entry {
    const char *id;
    struct rp_loc loc;
    struct rp_texts term;       /* "IPSS", one per language ("OISZ") */
    struct rp_texts expansion;  /* what an abbreviation stands for; optional */
    struct rp_texts definition; /* optional */
};

/* ---------------------------------------------------------------- tables */

enum rp_table_kind { RP_TABLE_BUDGET, RP_TABLE_STAFFING, RP_TABLE_KIND__MAX };
/* PERCENT is a column's unit only: a ratio, never added into a total. */
enum rp_table_unit { RP_TUNIT_EUR, RP_TUNIT_FTE, RP_TUNIT_COUNT, RP_TUNIT_PERCENT, RP_TUNIT__MAX };
enum rp_credit { RP_CREDIT_NONE, RP_CREDIT_CE, RP_CREDIT_CL, RP_CREDIT__MAX };
enum rp_row_kind {
    RP_ROW_LINE,
    RP_ROW_GROUP,
    RP_ROW_SUBTOTAL,
    RP_ROW_TOTAL,
    RP_ROW_OF_WHICH,
    RP_ROW_KIND__MAX
};

/* A cell value: nil ("-" in the source) is distinct from 0. */
struct rp_value {
    bool nil;
    double value;
};

struct rp_column {
    const char *id;
    struct rp_loc loc;
    struct rp_texts label;
    int year; /* 0 when the column is not a year */
    enum rp_credit credit;
    const char *stage;       /* optional: initial, proposal, ... */
    struct rp_refs sums;     /* a total column: ids of the columns it adds */
    enum rp_table_unit unit; /* its own unit, else the table's */
    int decimals;            /* its own, else its unit's when that differs, else the table's */
};

/* A dimension of the row labels (level, language, sex): the rows of its `index` are
 * indented that deep, under the nearest row of a dimension before it. */
struct rp_row_dimension {
    const char *id;
    struct rp_loc loc;
    struct rp_texts label;
};

struct rp_column_group {
    const char *id;
    struct rp_loc loc;
    struct rp_texts label;
    struct rp_refs columns;
};

struct rp_row {
    const char *id;
    struct rp_loc loc;
    enum rp_row_kind kind;
    struct rp_texts label, notes;
    struct rp_value *values; /* one per column; NULL for a group heading without values */
    size_t value_count;
    struct rp_refs sums;   /* explicit addends of a total, else the default rule */
    const char *mark;      /* optional footnote mark */
    const char *unit;      /* optional unit id */
    const char *dimension; /* optional: the row dimension its label is a value of */
    int level;             /* stated indentation level, -1 when none (rp_table_row_level) */
    int year;              /* 0 when the row is not a year */
};

struct rp_table_note {
    struct rp_loc loc;
    const char *mark; /* optional */
    struct rp_text text;
};

struct rp_table {
    const char *id;
    struct rp_loc loc;
    enum rp_table_kind kind;
    enum rp_table_unit unit;
    long scale;       /* 1000 for k€ */
    double tolerance; /* allowed drift per addend of a total */
    int decimals;
    struct rp_texts caption;
    struct rp_column_group *groups;
    size_t group_count;
    struct rp_row_dimension *dimensions;
    size_t dimension_count;
    struct rp_column *columns;
    size_t column_count;
    struct rp_row *rows;
    size_t row_count;
    struct rp_table_note *notes;
    size_t note_count;
};

/* ---------------------------------------------------------------- communication */

enum rp_message_kind { RP_MESSAGE_PLAIN, RP_MESSAGE_MAIN, RP_MESSAGE_SECONDARY, RP_MESSAGE__MAX };

struct rp_comm_objective {
    const char *id;
    struct rp_loc loc;
    struct rp_texts name;
};

struct rp_comm_action {
    const char *id;
    struct rp_loc loc;
    struct rp_refs objectives;
    /* Optional id of the objective, project or process the action communicates about. */
    const char *about;
    struct rp_texts audiences, target_groups, messages, channels, materials, responsibles;
    enum rp_message_kind *message_kinds; /* parallel to messages.items */
    bool has_timing;
    struct rp_date timing_date; /* year 0 when relative or a placeholder */
    struct rp_texts timings;    /* "Après signature", or a placeholder: every language */
    struct rp_text timing;      /* the first of `timings` (the source's own wording) */
};

struct rp_comm_plan {
    struct rp_texts text;
    struct rp_comm_objective *objectives;
    size_t objective_count;
    struct rp_comm_action *actions;
    size_t action_count;
};

/* ---------------------------------------------------------------- narrative */

enum rp_qualifier { RP_QUAL_EXACT, RP_QUAL_APPROX, RP_QUAL_MIN, RP_QUAL_MAX, RP_QUAL__MAX };

struct rp_figure {
    const char *id;
    struct rp_loc loc;
    double value;
    const char *unit;
    long scale;
    enum rp_qualifier qualifier;
    const char *raw; /* optional */
    struct rp_refs relates_to;
    struct rp_texts label, comment;
};

struct rp_key_figures {
    const char *id;
    struct rp_loc loc;
    struct rp_texts title;
    struct rp_figure *figures;
    size_t figure_count;
};

enum rp_block_kind {
    RP_BLOCK_PARAGRAPH,
    RP_BLOCK_LIST,
    RP_BLOCK_KEY_FIGURES,
    RP_BLOCK_SECTION,
    RP_BLOCK_MEDIA,
    RP_BLOCK_KIND__MAX
};
enum rp_section_role {
    RP_SECTION_BODY,
    RP_SECTION_FOREWORD,
    RP_SECTION_ZOOM,
    RP_SECTION_PENDING,
    RP_SECTION_ROLE__MAX
};
enum rp_media_kind {
    RP_MEDIA_PHOTO,
    RP_MEDIA_VIDEO,
    RP_MEDIA_CHART,
    RP_MEDIA_ORGANIGRAM,
    RP_MEDIA_KIND__MAX
};

struct rp_section;

struct rp_media {
    enum rp_media_kind kind;
    const char *href; /* optional */
    bool missing;
    struct rp_texts caption;
};

struct rp_block {
    enum rp_block_kind kind;
    struct rp_loc loc;
    struct rp_text paragraph;   /* RP_BLOCK_PARAGRAPH */
    struct rp_texts list_items; /* RP_BLOCK_LIST */
    bool ordered;
    const char *list_lang;          /* RP_BLOCK_LIST: the list's xml:lang */
    struct rp_key_figures *figures; /* RP_BLOCK_KEY_FIGURES */
    struct rp_section *section;     /* RP_BLOCK_SECTION */
    struct rp_media media;          /* RP_BLOCK_MEDIA */
};

struct rp_section {
    const char *id;
    struct rp_loc loc;
    enum rp_section_role role;
    struct rp_texts signed_by; /* who signs it (a foreword); optional */
    struct rp_refs relates_to;
    struct rp_texts title, teaser, lead;
    struct rp_block *blocks;
    size_t block_count;
};

/* ---------------------------------------------------------------- amendments */

/* An amendment of the plan (avenant, addendum). */
struct rp_amendment {
    const char *id;
    struct rp_loc loc;
    struct rp_date signed_on, effective; /* year 0 when not given */
    struct rp_texts title, text;         /* its reference per language; what it is about */
};

/* A text marked amended-by or change, whether documents show it or not: for checks, the
 * dump and the amendments' summaries. */
struct rp_text_change {
    struct rp_loc loc;
    const char *amendment; /* optional: the amended-by id */
    enum rp_change change; /* RP_CHANGE_NONE when the text gives amended-by alone */
    const char *element;   /* "p", "title" */
    const char *lang;
    size_t group; /* texts of one parent element share it */
    const char *plain;
    bool inside; /* on inline markup inside a text (em, strong, sup): refused */
};

/* ---------------------------------------------------------------- plan */

enum rp_plan_kind {
    RP_PLAN_STRATEGIC,
    RP_PLAN_ADMINISTRATION_CONTRACT,
    RP_PLAN_OPERATIONAL,
    RP_PLAN_KIND__MAX
};

/* A language the model's texts were translated into by someone other than their authors:
 * each edition in that language says on its cover that it is an unofficial translation. */
struct rp_translation {
    const char *lang; /* "nl" */
    bool official;
    struct rp_loc loc;
};

struct rp_translations {
    struct rp_translation *items;
    size_t count;
};

struct rp_plan {
    const char *id;
    struct rp_loc loc;
    enum rp_plan_kind kind;
    int start, end; /* years of the plan period, inclusive */
    struct rp_date date;
    const char *lang;
    struct rp_texts title;
    struct rp_translations translations;
    struct rp_organisation organisation;
    struct rp_party *parties;
    size_t party_count;
    struct rp_legal_basis *legal_bases;
    size_t legal_basis_count;
    struct rp_approval *approvals;
    size_t approval_count;
    struct rp_signature signature;
    struct rp_amendment *amendments;
    size_t amendment_count;
    struct rp_text_change *changes; /* every text marked by an amendment, in document order */
    size_t change_count;
    struct rp_texts missions_text;
    struct rp_mission *missions;
    size_t mission_count;
    struct rp_texts vision_text;
    struct rp_numbered *pillars;
    size_t pillar_count;
    struct rp_texts values_text;
    struct rp_numbered *values;
    size_t value_count;
    struct rp_numbered *stakes;
    size_t stake_count;
    struct rp_group *stakeholder_groups;
    size_t stakeholder_group_count;
    struct rp_stakeholder *stakeholders;
    size_t stakeholder_count;
    struct rp_texts risks_text;
    struct rp_risk *risks;
    size_t risk_count;
    struct rp_risk_domain *risk_domains;
    size_t risk_domain_count;
    struct rp_numbered *priorities;
    size_t priority_count;
    struct rp_texts success_factors_text;
    struct rp_numbered *success_factors; /* critical success factors */
    size_t success_factor_count;
    struct rp_measure_unit *units; /* units of measure declared by the plan */
    size_t unit_count;
    struct rp_glossary_entry *glossary;
    size_t glossary_count;
    struct rp_maturity_scale *maturity_scales;
    size_t maturity_scale_count;
    struct rp_transversal transversal;
    struct rp_group *objective_groups;
    size_t objective_group_count;
    struct rp_strategic_objective *objectives;
    size_t objective_count;
    struct rp_key_process *processes;
    size_t process_count;
    struct rp_action *projects; /* the plan-level project list */
    size_t project_count;
    struct rp_commitment *commitments;
    size_t commitment_count;
    struct rp_table *tables;
    size_t table_count;
    bool has_communication;
    struct rp_comm_plan communication;
    struct rp_key_figures *key_figures;
    size_t key_figures_count;
    struct rp_section *sections;
    size_t section_count;
    struct rp_placeholder *placeholders;
    size_t placeholder_count;
    struct rp_char_use *rare_chars; /* each character once, at most RP_RARE_CHARS_MAX */
    size_t rare_char_count;
};

/* ---------------------------------------------------------------- evaluation */

enum rp_progress_status {
    RP_PROGRESS_NOT_STARTED,
    RP_PROGRESS_ON_TRACK,
    RP_PROGRESS_LATE,
    RP_PROGRESS_DONE,
    RP_PROGRESS_CANCELLED,
    RP_PROGRESS__MAX
};
enum rp_trend {
    RP_TREND_UP,
    RP_TREND_STABLE,
    RP_TREND_DOWN,
    RP_TREND_NEW,
    RP_TREND_CLOSED,
    RP_TREND__MAX
};
enum rp_comm_status {
    RP_COMM_PLANNED,
    RP_COMM_DONE,
    RP_COMM_LATE,
    RP_COMM_CANCELLED,
    RP_COMM__MAX
};

struct rp_result_value {
    struct rp_loc loc;
    const char *threshold; /* optional threshold id */
    const char *unit;      /* optional */
    double value;
};

struct rp_indicator_result {
    const char *ref;
    struct rp_loc loc;
    struct rp_result_value *values; /* none: not measured */
    size_t value_count;
    struct rp_texts comment;
};

struct rp_progress {
    const char *ref;
    struct rp_loc loc;
    enum rp_progress_status status;
    struct rp_opt_num percent;
    struct rp_milestone *milestones;
    size_t milestone_count;
    struct rp_texts comment;
};

/* The maturity level an item reached in the evaluated year on one of its scales. */
struct rp_maturity_reached {
    const char *ref, *scale;
    struct rp_loc loc;
    int level;
    struct rp_texts comment;
};

/* The value measured in the evaluated year for a transversal target. */
struct rp_transversal_result {
    const char *ref;
    struct rp_loc loc;
    double value;
    struct rp_texts comment;
};

struct rp_budget_execution {
    const char *row, *column;
    struct rp_loc loc;
    struct rp_opt_num initial, adjusted, committed, liquidated;
    struct rp_texts explanation;
};

struct rp_risk_review {
    const char *ref;
    struct rp_loc loc;
    int rank; /* 0 when not ranked */
    enum rp_trend trend;
    struct rp_texts comment;
};

struct rp_comm_execution {
    const char *ref;
    struct rp_loc loc;
    enum rp_comm_status status;
    struct rp_date date;
    struct rp_opt_num reach;
    struct rp_texts comment;
};

struct rp_evaluation {
    const char *id;
    struct rp_loc loc;
    const char *plan_ref; /* optional: a stand-alone report has none */
    int year;
    struct rp_date date;
    bool sample;
    const char *lang;
    struct rp_texts title;
    struct rp_translations translations;
    bool has_organisation;
    struct rp_organisation organisation; /* stand-alone reports only */
    struct rp_indicator_result *results;
    size_t result_count;
    struct rp_progress *progress;
    size_t progress_count;
    struct rp_maturity_reached *maturity;
    size_t maturity_count;
    struct rp_transversal_result *transversal;
    size_t transversal_count;
    struct rp_budget_execution *budget;
    size_t budget_count;
    struct rp_risk_review *risk_reviews;
    size_t risk_review_count;
    struct rp_comm_execution *comm;
    size_t comm_count;
    struct rp_key_figures *key_figures;
    size_t key_figures_count;
    struct rp_section *sections;
    size_t section_count;
    struct rp_placeholder *placeholders;
    size_t placeholder_count;
    struct rp_char_use *rare_chars; /* each character once, at most RP_RARE_CHARS_MAX */
    size_t rare_char_count;
};

/* ---------------------------------------------------------------- helpers (model.c) */

/* Whether two language tags name one language when a text is chosen: rp_lang_same() of
 * util/fmt.h, shared with the document tree. */

/* The one rule for choosing a text in a language: the first text of `texts` in `lang`; else
 * the first in `fallback` (the model's own language); else the first one; NULL when empty. */
/* Whether `translations` declare `lang` an unofficial translation. */
bool rp_translation_unofficial(const struct rp_translations *translations, const char *lang);

/* A date as ISO text, as precise as it is ("2024", "2024-06", "2024-06-30"), or "-" when the
 * year is 0 (absent), into `buf` of RP_DATE_TEXT bytes; returns `buf`. For messages and
 * dumps, not for readers (documents spell dates in their language). */
enum { RP_DATE_TEXT = 32 };
const char *rp_date_text(char *buf, struct rp_date d);

const struct rp_text *rp_texts_pick(const struct rp_texts *texts, const char *lang,
                                    const char *fallback);

/* The plain string of rp_texts_pick(), or "" when there is none. */
const char *rp_texts_plain(const struct rp_texts *texts, const char *lang, const char *fallback);

/* Names of enum values, as written in the XML (for dumps and messages). */
const char *rp_plan_kind_name(enum rp_plan_kind kind);
const char *rp_unit_kind_name(enum rp_unit_kind kind);
const char *rp_org_kind_name(enum rp_org_kind kind);
const char *rp_party_role_name(enum rp_party_role role);
const char *rp_norm_kind_name(enum rp_norm_kind kind);
const char *rp_within_unit_name(enum rp_within_unit unit);
const char *rp_frequency_name(enum rp_frequency freq);
const char *rp_direction_name(enum rp_direction dir);
const char *rp_process_type_name(enum rp_process_type type);
const char *rp_table_kind_name(enum rp_table_kind kind);
const char *rp_table_unit_name(enum rp_table_unit unit);
const char *rp_credit_name(enum rp_credit credit);
const char *rp_row_kind_name(enum rp_row_kind kind);
const char *rp_message_kind_name(enum rp_message_kind kind);
const char *rp_qualifier_name(enum rp_qualifier q);
const char *rp_section_role_name(enum rp_section_role role);
const char *rp_media_kind_name(enum rp_media_kind kind);
const char *rp_progress_status_name(enum rp_progress_status status);
const char *rp_trend_name(enum rp_trend trend);
const char *rp_comm_status_name(enum rp_comm_status status);
const char *rp_action_kind_name(enum rp_action_kind kind);
const char *rp_change_name(enum rp_change change);

/* The units of measure every plan may give an indicator (the schema's indicator-unit), in
 * schema order; each has the label iunit.NAME in every catalogue. */
extern const char *const rp_schema_units[];
extern const size_t rp_schema_unit_count;

/* Whether `name` is one of rp_schema_units. */
bool rp_schema_unit(const char *name);

/* Looks `name` up in a name table of `count` entries; returns the index or -1. */
int rp_enum_lookup(const char *const *names, int count, const char *name);

#endif
