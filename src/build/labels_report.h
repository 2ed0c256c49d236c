/* Fixed wording of the annual evaluation report and the communication-plan summary.
 *
 * A catalogue of key → text in French, Dutch and English, kept as plain C tables until the
 * label catalogues move to templates/: keys are stable dotted names ("col.status"), and a
 * text may hold numbered slots "{1}", "{2}" that rp_report_label_fill() replaces, so that
 * the move is a mechanical copy. The strings are static; nothing is allocated. */
#ifndef RP_BUILD_LABELS_REPORT_H
#define RP_BUILD_LABELS_REPORT_H

#include "util/fmt.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

/* The text of `key` in `lang` (English for RP_LANG__MAX); the key itself when the catalogue
 * has no such entry, so that a missing label shows in golden files rather than a blank. */
const char *rp_report_label(enum rp_lang lang, const char *key);

/* True when the catalogue holds `key`. */
bool rp_report_label_exists(const char *key);

/* The label of `key` with "{1}".."{3}" replaced by `a1`..`a3` (NULL leaves the slot empty),
 * allocated in `arena`. */
const char *rp_report_label_fill(struct rp_arena *arena, enum rp_lang lang, const char *key,
                                 const char *a1, const char *a2, const char *a3);

/* For tests: the number of entries, and entry `i` (key and its fr, nl, en texts). */
size_t rp_report_label_count(void);
void rp_report_label_entry(size_t i, const char **key, const char **fr, const char **nl,
                           const char **en);

#endif
