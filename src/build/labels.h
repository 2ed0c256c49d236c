/* Fixed wording of the budget-tables document in French, Dutch and English.
 *
 * Plain C tables until the label catalogues move to templates/: stable dotted keys
 * ("budget.title"), texts that may hold slots "{1}".."{3}". Strings are static. */
#ifndef RP_BUILD_LABELS_H
#define RP_BUILD_LABELS_H

#include "util/fmt.h"

#include <stdbool.h>
#include <stddef.h>

struct rp_arena;

/* The text of `key` in `lang`; the key itself when there is no such entry, so that a
 * missing label shows up in golden files rather than as a blank. */
const char *rp_budget_label(enum rp_lang lang, const char *key);

/* True when the catalogue has `key` with a text in every language. */
bool rp_budget_label_complete(const char *key);

/* `key` with "{1}".."{3}" replaced by a1..a3 (NULL: empty), allocated in `arena`. */
const char *rp_budget_label_fill(struct rp_arena *arena, enum rp_lang lang, const char *key,
                                 const char *a1, const char *a2, const char *a3);

/* For tests: the number of entries and the key of entry `i`. */
size_t rp_budget_label_count(void);
const char *rp_budget_label_key(size_t i);

#endif
