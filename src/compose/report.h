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
    const struct rp_plan *plan;               /* NULL for a stand-alone annual report */
    const struct rp_evaluation *eval;         /* the evaluated year; optional for communication */
    const struct rp_evaluation *const *evals; /* every year, evaluated one last */
    size_t eval_count;
    enum rp_lang lang;       /* the edition's language */
    enum rp_edition edition; /* publication (for readers) or review (for the authors) */
    const char *code;        /* its code: "fr", "nl", "en", "de" */
    const char *source;      /* the model's own language: content falls back to it */
    const struct rp_organisation *org;
    bool fell_back;            /* some content text was shown in another language */
    struct rp_node *lang_note; /* where the language note goes once we know */
    struct rp_nodes *lang_note_parent;
    /* Footnotes met by rp_report_add_runs() and not yet placed (rp_report_footnotes()), and
     * the number of the last one: notes are numbered through the document. */
    struct rp_report_footnote *footnotes;
    size_t footnote_count, footnote_cap;
    int footnote_number;
    /* The plan document keeps the source's section numbers ("16.9. Engagements…"): a
     * contract's readers cite its articles by them. Other documents number their own way. */
    bool source_numbers;
    /* True for a narrative section that a document prints elsewhere (the plan document:
     * over the items it relates to); rp_report_narrative() leaves it out. NULL: none. */
    bool (*elsewhere)(const struct rp_report *r, const struct rp_section *s);
};

/* A footnote waiting for the end of its section: its number and its text. */
struct rp_report_footnote {
    const char *mark;
    const struct rp_run *run;
    const char *lang; /* of the text it was met in, as rp_report_add_runs marks it */
};

/* How documents name `org` to readers (running headers, cover, author): its short name
 * ("FOD Binnenlandse Zaken"), else its official name. */
const struct rp_texts *rp_report_org_name(const struct rp_organisation *org);

/* Fills `r` for `edition` in `lang` ("fr", "nl", "en", "de"; anything else gives fr) and
 * creates the document in `arena` with its fixed labels (a review edition's draft mark
 * among them). `source` is the model's language. */
void rp_report_init(struct rp_report *r, const struct rp_templates *t, struct rp_arena *arena,
                    const char *lang, enum rp_edition edition, const char *source);

/* rp_report_init() for a document of `plan`: its language is the source's, the plan and its
 * organisation are the report's. */
void rp_report_init_plan(struct rp_report *r, const struct rp_templates *t, struct rp_arena *arena,
                         const char *lang, enum rp_edition edition, const struct rp_plan *plan);

/* "Contrat d'administration", "Plan stratégique": the kind of r->plan in the edition's words
 * (budget.c). */
const char *rp_report_plan_kind(const struct rp_report *r);

/* The label `key` in the edition's language. */
const char *rp_report_l(const struct rp_report *r, const char *key);

/* The label `key` with its slots filled. */
const char *rp_report_lf(const struct rp_report *r, const char *key, const char *a1, const char *a2,
                         const char *a3);

/* The label `key`.one or `key`.many by the count `n` (rp_label_count), its slots filled. */
const char *rp_report_lc(const struct rp_report *r, const char *key, size_t n, const char *a1,
                         const char *a2, const char *a3);

/* Appends the label `key` with its first slot filled by `text` then `after` (optional) to
 * `spans` in `style`: the label's words and `after` in the edition's language, `text` in
 * `lang` (an _in function's), each its own span. */
void rp_report_lf_spans(struct rp_report *r, struct rp_spans *spans, unsigned style,
                        const char *key, const char *text, const char *lang, const char *after);

/* Whether the catalogues define `key` (optional wording such as unit names). */
bool rp_report_has_label(const struct rp_report *r, const char *key);

/* ": " with the no-break space French puts before a colon. */
const char *rp_report_colon(const struct rp_report *r);

/* "; " likewise ("\u00a0; " in French). */
const char *rp_report_semicolon(const struct rp_report *r);

/* ---- model text: its language chosen and counted
 *
 * One rule chooses the language model text is shown in: the edition's when it has at least
 * as many items (paragraphs) as the source's; else the source's, all of its items (a partial
 * translation would silently drop paragraphs); else the first item's language. Every text
 * shown is counted once in doc->coverage, with the fallbacks (shown in another language),
 * and a fallback sets r->fell_back (the language note). Functions that choose count; the
 * _peek ones only look (a lookup that shows nothing must not count).
 *
 * Text shown in another language than the edition's carries that language in the document
 * (struct rp_span's `lang`): the _in functions give it through `lang` (NULL for the
 * edition's own, else the document's copy, ready for a span, a cell or a chart label). */

/* The languages of one text's items, tallied by rp_report_tally() (zero it first). */
struct rp_lang_tally {
    size_t total, edition, source;
    const char *first, *edition_lang, *source_lang;
};

void rp_report_tally(const struct rp_report *r, struct rp_lang_tally *tally, const char *lang);

/* The language to show the tallied items in, counted as one text shown; NULL (not counted)
 * when there are none. The one place a language is chosen. */
const char *rp_report_choose(struct rp_report *r, const struct rp_lang_tally *tally);

/* The language `texts` will be shown in (the model's code: compare with rp_report_in), or
 * NULL when `texts` is empty; counted. */
const char *rp_report_text_lang(struct rp_report *r, const struct rp_texts *texts);

/* The same choice, not counted. */
const char *rp_report_peek_lang(const struct rp_report *r, const struct rp_texts *texts);

/* Whether `text` is in `lang` (a code as rp_report_text_lang returns it). */
bool rp_report_in(const struct rp_text *text, const char *lang);

/* `lang` as text of the document records it: NULL for the edition's language. */
const char *rp_report_lang_of(const struct rp_report *r, const char *lang);

/* Counts one model text that has a single wording, in `lang` (NULL: the source's), such as a
 * milestone; returns its language as text records it (NULL for the edition's). */
const char *rp_report_one(struct rp_report *r, const char *lang);

/* The plain text of `texts` in the chosen language, paragraphs joined by `sep`; "" when
 * empty. */
const char *rp_report_text(struct rp_report *r, const struct rp_texts *texts, const char *sep);
const char *rp_report_text_in(struct rp_report *r, const struct rp_texts *texts, const char *sep,
                              const char **lang);

/* The first text of `texts` in the chosen language (a title), or NULL; counted. Its own
 * `lang` is what rp_report_add_runs() marks its spans with. */
const struct rp_text *rp_report_pick(struct rp_report *r, const struct rp_texts *texts);

/* The same text, not counted: to look at what another call shows (its placeholders). */
const struct rp_text *rp_report_peek(const struct rp_report *r, const struct rp_texts *texts);

/* The plain text of the first text in the chosen language, one line: superscript digits
 * as ¹ ² ³, runs of white space as one space (table captions, row labels); "" when empty. */
const char *rp_report_plain(struct rp_report *r, const struct rp_texts *texts);
const char *rp_report_plain_in(struct rp_report *r, const struct rp_texts *texts,
                               const char **lang);

/* Sets cell (row, col) of `table` to rp_report_text(texts, " ") with its language. */
void rp_report_cell(struct rp_report *r, struct rp_node *table, size_t row, size_t col,
                    const struct rp_texts *texts, const char *detail, unsigned flags);

/* Appends the runs of `text` to `spans` as styled spans, links and placeholders, in the
 * text's own language. A footnote becomes its number in superscript; its text waits for
 * rp_report_footnotes(). */
void rp_report_add_runs(struct rp_report *r, struct rp_spans *spans, const struct rp_text *text);

/* The footnotes waiting, as numbered notes at the end of `into` (the children of the section
 * they were met in): call it when a section is complete. Nothing when there are none;
 * rp_report_finish() places any left at the end of the document. */
void rp_report_footnotes(struct rp_report *r, struct rp_nodes *into);

/* The same for the footnotes met since r->footnote_count was `from`: a section that holds
 * sections takes `from` before its title, so that the notes of its own paragraphs, before and
 * after its subsections, end it while each subsection ends with its own. */
void rp_report_footnotes_from(struct rp_report *r, size_t from, struct rp_nodes *into);

/* Appends `text` (nothing when NULL or "") as one span of `style` in `lang` (an _in
 * function's). */
void rp_report_add_plain(struct rp_report *r, struct rp_spans *spans, unsigned style,
                         const char *text, const char *lang);

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
/* The same with `text` in `lang` (an _in function's). */
void rp_report_table_note_in(struct rp_report *r, struct rp_node *table, const char *label,
                             const char *text, const char *lang);
/* The same with the text of `texts` (rp_report_text_in(texts, " ")). */
void rp_report_note_texts(struct rp_report *r, struct rp_node *table, const char *label,
                          const struct rp_texts *texts);

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

/* The word of a progress status (RP_PROGRESS_UNREPORTED allowed). */
const char *rp_report_progress_word(const struct rp_report *r, int status);

/* Symbol and word of an indicator status: "● Atteint". */
const char *rp_report_status_symbol(enum rp_indicator_status status);
const char *rp_report_status_word(const struct rp_report *r, enum rp_indicator_status status);

/* The owners' names (abbreviation when the unit has one), joined by ", "; "" when none.
 * Text joined from several model texts is marked with the first other language among them
 * (a cell has one language; pointing at the foreign part is all a reviewer needs). */
const char *rp_report_owners(struct rp_report *r, const struct rp_refs *owners);
const char *rp_report_owners_in(struct rp_report *r, const struct rp_refs *owners,
                                const char **lang);

/* The display name of an organisational unit id (abbreviation, else name), or the id. */
const char *rp_report_unit_name(struct rp_report *r, const char *id);
const char *rp_report_unit_name_in(struct rp_report *r, const char *id, const char **lang);

/* Adds the table of contents to the document body; call once, before any content. */
void rp_report_begin(struct rp_report *r);

/* Keeps a place in `into` for the note that says content fell back to the source language;
 * rp_report_finish() fills or drops it. */
void rp_report_note_slot(struct rp_report *r, struct rp_nodes *into);

/* Fills the language note when some content fell back, else drops it. */
void rp_report_finish(struct rp_report *r);

/* Sets the cover fields: title, subtitle, organisation (with its language), date, sample
 * mark. A subtitle from model text: set doc->subtitle_lang after, from rp_report_text_in. */
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

/* Narrative section `s` at `level` as rp_report_narrative() prints it, but each of its
 * subsections printed by `sub` (given `ctx`): a document that gathers sections elsewhere
 * adds what goes under them. */
typedef void rp_report_sub_fn(struct rp_report *r, void *ctx, struct rp_nodes *into, int level,
                              const struct rp_section *s);
void rp_report_narrative_section(struct rp_report *r, struct rp_nodes *into, int level,
                                 const struct rp_section *s, rp_report_sub_fn *sub, void *ctx);

/* The heading of narrative section `s` at `level`, its title numbered as r->source_numbers
 * says; returns the section node. */
struct rp_node *rp_report_section_heading(struct rp_report *r, struct rp_nodes *into, int level,
                                          const struct rp_section *s);

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

/* The timing as shown: the formatted date, or its wording in the chosen language (counted);
 * "" when none. */
const char *rp_comm_timing_text(struct rp_report *r, const struct rp_comm_action *a);
const char *rp_comm_timing_text_in(struct rp_report *r, const struct rp_comm_action *a,
                                   const char **lang);

/* The wording rp_comm_timing_text shows for a relative or placeholder timing, not counted
 * (to group actions by it). */
const char *rp_comm_timing_wording(const struct rp_report *r, const struct rp_comm_action *a);

/* A table cell; in a review edition, a PLACEHOLDER cell also says "to be completed" in its
 * detail line. rp_comm_cell_in: with the language of `text` (an _in function's). */
void rp_comm_cell(struct rp_report *r, struct rp_node *t, size_t row, size_t col, const char *text,
                  const char *detail, unsigned flags);
void rp_comm_cell_in(struct rp_report *r, struct rp_node *t, size_t row, size_t col,
                     const char *text, const char *lang, const char *detail, unsigned flags);

/* "3": the display number of action `i` (its position in the plan, from 1). */
const char *rp_comm_number(struct rp_report *r, size_t i);

/* Every text of `texts` in the chosen language joined by `sep`; `flags` gains
 * RP_CELL_PLACEHOLDER when one holds a placeholder. */
const char *rp_comm_joined(struct rp_report *r, const struct rp_texts *texts, const char *sep,
                           unsigned *flags);
const char *rp_comm_joined_in(struct rp_report *r, const struct rp_texts *texts, const char *sep,
                              unsigned *flags, const char **lang);

/* Which fields the actions of a communication plan fill, any of them (communication_about.c):
 * the summary shows a column or a view only when its data is there. */
struct rp_comm_shape {
    bool objectives, about, target_groups, audiences, channels, timing;
};
struct rp_comm_shape rp_comm_shape_of(const struct rp_comm_plan *cp);

/* The plan item action `a` is about, "Objectif stratégique 2 : title", its title in `lang`
 * (an _in function's); "" when it names none. Each part is already typeset in its own
 * language: its cell takes RP_CELL_TYPESET. */
const char *rp_comm_about_in(struct rp_report *r, const struct rp_comm_action *a,
                             const char **lang);

/* The names of an action's communication objectives, joined by semicolons. */
const char *rp_comm_objectives(struct rp_report *r, const struct rp_comm_action *a);
const char *rp_comm_objectives_in(struct rp_report *r, const struct rp_comm_action *a,
                                  const char **lang);

/* An action's messages, each with "Message principal :" when the source marks it, each part
 * typeset in its own language (*flags gets RP_CELL_TYPESET when a label is added). */
const char *rp_comm_messages(struct rp_report *r, const struct rp_comm_action *a, unsigned *flags);
const char *rp_comm_messages_in(struct rp_report *r, const struct rp_comm_action *a,
                                unsigned *flags, const char **lang);

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

/* ---------------------------------------------------------------- indicators and tables,
 * shared by the evaluation report and the plan document */

/* A value of `ind` in its unit: "85 %", "12 jours", "oui" for a deliverable. */
const char *rp_report_indicator_value(struct rp_report *r, const struct rp_indicator *ind,
                                      double v);

/* "5 jours ouvrables", "1 mois": the delay a threshold of a tiered norm allows; "" when
 * none. */
const char *rp_report_within(struct rp_report *r, const struct rp_threshold *t);

/* "Unité : pour cent ; Sens souhaité : à la hausse ; Fréquence : …; Valeur de départ : …":
 * how an indicator is measured, in labels only. */
const char *rp_report_indicator_measure(struct rp_report *r, const struct rp_indicator *ind);

/* The display numbers of the strategic objectives `refs` names (their ids when they have
 * none), joined by ", " (evaluation_risks.c). */
const char *rp_report_objective_numbers(struct rp_report *r, const struct rp_refs *refs);

/* Every table of `kind` of the plan as one section at `level` titled by the label
 * `title_key`, each table in its own subsection (budget.c); `number` optional: the
 * budget document numbers its chapters, other documents leave them unnumbered. Nothing
 * when the plan has no such table. */
void rp_budget_chapter(struct rp_report *b, struct rp_nodes *into, int level,
                       enum rp_table_kind kind, const char *number, const char *title_key);

/* The communication plan's level-2 sections: actions, means, target-group ×
 * channel matrix, timeline, actions per communication objective, and the execution when
 * r->eval reports it (communication.c). */
void rp_comm_plan_sections(struct rp_report *r, struct rp_nodes *into);

/* ---------------------------------------------------------------- tables (report_table.c) */

/* One column of a table whose header row names it: the header's words, the alignment of the
 * column and its header, whether it holds the row labels (a row header), and whether this
 * table leaves it out (an optional column no row fills). */
struct rp_report_column {
    const char *label;
    enum rp_align align;
    bool header;
    bool hidden;
};

/* A table with a caption (optional) and one header row naming its columns, each set as
 * `cols` says; the hidden ones are not part of the table, so the caller's column indexes
 * count only the shown ones. */
struct rp_node *rp_report_table(struct rp_report *r, struct rp_nodes *into, const char *caption,
                                const struct rp_report_column *cols, size_t count);

/* ---------------------------------------------------------------- the plan's vocabulary
 * (glossary.c) */

/* The annex of the plan's glossary: a section at `level` titled "Abréviations et
 * définitions", a table of the terms sorted by term (in the edition's collation), with their
 * expansions and definitions; the expansion column only when an entry has one. Nothing
 * when the plan has no glossary. */
void rp_report_glossary(struct rp_report *r, struct rp_nodes *into, int level);

/* Every other document's abbreviations are built from the same glossary, limited to the
 * terms the document uses (rp_doc_words(): call these once the rest is built). */

/* An empty two-column table (abbreviation, meaning) appended to `into`. */
struct rp_node *rp_report_abbreviation_table(struct rp_report *r, struct rp_nodes *into);

/* Appends to such a table a row per abbreviation of the glossary (an entry with an
 * expansion) that the document mentions: its term and its expansion, sorted by term.
 * Returns the number of rows added. */
size_t rp_report_glossary_used(struct rp_report *r, struct rp_node *table);

/* A chapter "Abréviations" with that table, when the document uses a term. */
void rp_report_abbreviations(struct rp_report *r, struct rp_nodes *into);

/* The words of an indicator's unit: the label iunit.UNIT of a schema unit, the name of a unit
 * the plan declares (chosen and counted; *lang as rp_report_text_in gives it), else the unit
 * itself. `lang` may be NULL. */
const char *rp_report_unit_word_in(struct rp_report *r, const char *unit, const char **lang);

#endif
