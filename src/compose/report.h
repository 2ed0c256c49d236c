/* Shared machinery of every builder (budget tables, evaluation report, communication
 * summary): the build context, labels in the edition's language (one key space, the label
 * catalogues'), content text chosen by the one rule of rp_texts_pick() with the fallback
 * recorded, number/date formatting and the lookups the documents need.
 *
 * Internal to src/compose/. Every string returned lives in the document's arena. */
#ifndef RP_COMPOSE_REPORT_H
#define RP_COMPOSE_REPORT_H

#include "compose/status.h"
#include "doc/doc.h"
#include "model/model.h"
#include "util/fmt.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_report {
    const struct rp_templates *t; /* the wording and the parts of each document */
    struct rp_doc *doc;
    const struct rp_plan *plan;       /* NULL for a stand-alone annual report */
    const struct rp_evaluation *eval; /* the evaluated year; optional for communication */
    const struct rp_evaluation *const *evals; /* every year, evaluated one last */
    size_t eval_count;
    enum rp_lang lang;           /* the edition */
    const char *code;            /* its code: "fr", "nl", "en", "de" */
    const char *source;          /* the model's own language: content falls back to it */
    const struct rp_organisation *org;
    bool fell_back;              /* some content text was shown in another language */
    struct rp_node *lang_note;   /* where the language note goes once we know */
    struct rp_nodes *lang_note_parent;
};

/* Fills `r` for an edition in `lang` ("fr", "nl", "en", "de"; anything else gives fr) and
 * creates the document in `arena` with its fixed labels. `source` is the model's language. */
void rp_report_init(struct rp_report *r, const struct rp_templates *t, struct rp_arena *arena,
                    const char *lang, const char *source);

/* The label `key` in the edition's language. */
const char *rp_report_l(const struct rp_report *r, const char *key);

/* The label `key` with its slots filled. */
const char *rp_report_lf(const struct rp_report *r, const char *key, const char *a1,
                         const char *a2, const char *a3);

/* Whether the catalogues define `key` (optional wording such as unit names). */
bool rp_report_has_label(const struct rp_report *r, const char *key);

/* ": " with the no-break space French puts before a colon. */
const char *rp_report_colon(const struct rp_report *r);

/* "; " likewise ("\u00a0; " in French). */
const char *rp_report_semicolon(const struct rp_report *r);

/* The language `texts` will be shown in: the edition's when present, else the source's,
 * else the first text's. Records a fallback. NULL when `texts` is empty. */
const char *rp_report_text_lang(struct rp_report *r, const struct rp_texts *texts);

/* The plain text of `texts` in the chosen language, paragraphs joined by `sep`; "" when
 * empty. */
const char *rp_report_text(struct rp_report *r, const struct rp_texts *texts, const char *sep);

/* The first text of `texts` in the chosen language (a title), or NULL. */
const struct rp_text *rp_report_pick(struct rp_report *r, const struct rp_texts *texts);

/* The plain text of the first text in the chosen language, one line: superscript digits
 * as ¹ ² ³, runs of white space as one space (table captions, row labels); "" when empty. */
const char *rp_report_plain(struct rp_report *r, const struct rp_texts *texts);

/* Appends the runs of `text` to `spans` as styled spans, links and placeholders. */
void rp_report_add_runs(struct rp_report *r, struct rp_spans *spans, const struct rp_text *text);

/* One paragraph of `style` per text of `texts` in the chosen language. */
void rp_report_paragraphs(struct rp_report *r, struct rp_nodes *into, const struct rp_texts *texts,
                          enum rp_para_style style);

/* A section whose title is the chosen text of `title` (runs kept); `number` optional. */
struct rp_node *rp_report_section(struct rp_report *r, struct rp_nodes *into, int level,
                                  const char *number, const struct rp_texts *title);

/* A note under `table` about the row called `label`: short labels ("1", "*") become the
 * note's mark; longer ones ("2.5.1", "1.3.1.1") open its text in bold, since backends set
 * marks in a narrow gutter. */
void rp_report_table_note(struct rp_report *r, struct rp_node *table, const char *label,
                          const char *text);

/* True when `text` holds a placeholder run. */
bool rp_report_has_placeholder(const struct rp_text *text);

/* Numbers in the edition's conventions. rp_report_num_auto uses as few decimals as the
 * value needs (at most 3). */
const char *rp_report_num(const struct rp_report *r, double value, int decimals);
const char *rp_report_num_auto(const struct rp_report *r, double value);
const char *rp_report_percent(const struct rp_report *r, double value, int decimals);
const char *rp_report_date(const struct rp_report *r, const struct rp_date *date);

/* The decimals `value` needs, 0..3. */
int rp_report_decimals(double value);

/* "■■■■■□□□□□ 45 %": ten cells and the percentage. */
const char *rp_report_progress_bar(const struct rp_report *r, double percent);

/* The word of a progress status (RP_PROGRESS_UNREPORTED allowed). */
const char *rp_report_progress_word(const struct rp_report *r, int status);

/* Symbol and word of an indicator status: "● Atteint". */
const char *rp_report_status_symbol(enum rp_indicator_status status);
const char *rp_report_status_word(const struct rp_report *r, enum rp_indicator_status status);

/* The owners' names (abbreviation when the unit has one), joined by ", "; "" when none. */
const char *rp_report_owners(struct rp_report *r, const struct rp_refs *owners);

/* The display name of an organisational unit id (abbreviation, else name), or the id. */
const char *rp_report_unit_name(struct rp_report *r, const char *id);

/* Adds the table of contents to the document body; call once, before any content. */
void rp_report_begin(struct rp_report *r);

/* Keeps a place in `into` for the note that says content fell back to the source language;
 * rp_report_finish() fills or drops it. */
void rp_report_note_slot(struct rp_report *r, struct rp_nodes *into);

/* Fills the language note when some content fell back, else drops it. */
void rp_report_finish(struct rp_report *r);

/* Sets the cover fields: title, subtitle, organisation, date, sample mark. */
void rp_report_cover(struct rp_report *r, const char *title, const char *subtitle,
                     const struct rp_date *date, bool sample);

/* The keywords label `key` becomes the document's keywords (PDF metadata). */
void rp_report_keywords(struct rp_report *r, const char *key);

/* Key-figure blocks: a figure's value with its qualifier, scale and unit ("environ 1,7
 * million", "au minimum 90 %"). */
const char *rp_report_figure_value(struct rp_report *r, const struct rp_figure *fig);
void rp_report_key_figures(struct rp_report *r, struct rp_nodes *into,
                           const struct rp_key_figures *kf);

/* Narrative sections at `level`; the foreword receives the teasers of `siblings`. */
void rp_report_narrative(struct rp_report *r, struct rp_nodes *into, int level,
                         const struct rp_section *sections, size_t count);

/* ---------------------------------------------------------------- evaluation parts */

void rp_eval_about(struct rp_report *r, struct rp_nodes *into);
void rp_eval_dashboard(struct rp_report *r, struct rp_nodes *into);
void rp_eval_objectives(struct rp_report *r, struct rp_nodes *into);
void rp_eval_projects(struct rp_report *r, struct rp_nodes *into);
void rp_eval_risks(struct rp_report *r, struct rp_nodes *into);
void rp_eval_budget(struct rp_report *r, struct rp_nodes *into);
void rp_eval_communication(struct rp_report *r, struct rp_nodes *into);
void rp_eval_annex(struct rp_report *r, struct rp_nodes *into);
void rp_eval_organisation(struct rp_report *r, struct rp_nodes *into);

/* Budget execution summary per table and credit column, shared by the dashboard and the
 * budget chapter. */
struct rp_budget_group {
    const struct rp_table *table;
    size_t column;
    double adjusted, executed; /* sums over line rows */
    size_t count;
};

/* The groups of `eval`'s budget executions, in order of first appearance; returns the
 * count and stores an arena array in *out. */
size_t rp_eval_budget_groups(struct rp_report *r, struct rp_budget_group **out);

/* The executed amount of one execution: commitments for a CE column, else liquidations;
 * false when the evaluation gives neither. */
bool rp_budget_executed(const struct rp_table *table, size_t column,
                        const struct rp_budget_execution *b, double *executed);

/* The adjusted credit, else the initial one, else the plan's cell; false when none. */
bool rp_budget_adjusted(const struct rp_table *table, size_t row, size_t column,
                        const struct rp_budget_execution *b, double *adjusted);

/* "CE 2023" for a credit column. */
const char *rp_report_column_name(struct rp_report *r, const struct rp_table *t, size_t col);

/* The label of an indicator-status count row ("● Atteint"). */
/* The cell flag (RP_CELL_GOOD/WARN/BAD) that colours a status; 0 for neutral ones. */
unsigned rp_report_status_tone(enum rp_indicator_status status);

const char *rp_report_status_label(const struct rp_report *r, enum rp_indicator_status s);

/* ---------------------------------------------------------------- communication parts */

/* How an action's timing is given: a date, a relative moment ("Après signature"), a
 * placeholder the source left ("**-**-****"), or not at all. */
enum rp_comm_timing { RP_TIMING_DATE, RP_TIMING_RELATIVE, RP_TIMING_PLACEHOLDER, RP_TIMING_NONE };

enum rp_comm_timing rp_comm_timing_kind(const struct rp_comm_action *a);

/* The timing as shown: the formatted date, or the source's wording; "" when none. */
const char *rp_comm_timing_text(struct rp_report *r, const struct rp_comm_action *a);

/* A table cell; a PLACEHOLDER cell also says "to be completed" in its detail line. */
void rp_comm_cell(struct rp_report *r, struct rp_node *t, size_t row, size_t col, const char *text,
                  const char *detail, unsigned flags);

/* "3": the display number of action `i` (its position in the plan, from 1). */
const char *rp_comm_number(struct rp_report *r, size_t i);

/* Every text of `texts` in the chosen language joined by `sep`; `flags` gains
 * RP_CELL_PLACEHOLDER when one holds a placeholder. */
const char *rp_comm_joined(struct rp_report *r, const struct rp_texts *texts, const char *sep,
                           unsigned *flags);

/* The names of an action's communication objectives, joined by semicolons. */
const char *rp_comm_objectives(struct rp_report *r, const struct rp_comm_action *a);

/* An action's messages, each with "Message principal :" when the source marks it. */
const char *rp_comm_messages(struct rp_report *r, const struct rp_comm_action *a, unsigned *flags);

/* Level-2 sections of the summary: the target-group × channel matrix, the timeline, the
 * actions per communication objective with a chart. */
void rp_comm_matrix(struct rp_report *r, struct rp_nodes *into);
void rp_comm_timeline(struct rp_report *r, struct rp_nodes *into);
void rp_comm_per_objective(struct rp_report *r, struct rp_nodes *into);

/* Counts by execution status and the table of executions (r->eval must be set). */
void rp_comm_execution(struct rp_report *r, struct rp_nodes *into);

/* The word of a communication status (RP_COMM__MAX: not reported). */
const char *rp_report_comm_word(const struct rp_report *r, int status);

/* The execution of communication action `id` in `eval`, or NULL. */
const struct rp_comm_execution *rp_eval_comm(const struct rp_evaluation *eval, const char *id);

#endif
