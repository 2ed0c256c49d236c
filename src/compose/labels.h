/* Fixed wording of the documents, from the label catalogues of the templates a builder was
 * given (templates/default/labels/<lang>.xml unless --templates says otherwise).
 *
 * Each document kind reads its own key space: the budget document the keys "budget.*",
 * the evaluation report and the communication summary the keys "report.*". A text may hold
 * slots "{1}".."{3}". Returned strings belong to the templates. */
#ifndef RP_COMPOSE_LABELS_H
#define RP_COMPOSE_LABELS_H

#include "util/fmt.h"

#include <stdbool.h>

struct rp_arena;
struct rp_templates;

/* The text of "budget.<key>" in `lang`. Catalogues are checked complete when loaded, so a
 * missing key is a programming error: the full key is returned and the golden tests see it. */
const char *rp_budget_label(const struct rp_templates *t, enum rp_lang lang, const char *key);

/* rp_budget_label() with "{1}".."{3}" replaced by a1..a3 (NULL: empty), in `arena`. */
const char *rp_budget_label_fill(const struct rp_templates *t, struct rp_arena *arena,
                                 enum rp_lang lang, const char *key, const char *a1,
                                 const char *a2, const char *a3);

/* The same for "report.<key>". */
const char *rp_report_label(const struct rp_templates *t, enum rp_lang lang, const char *key);
const char *rp_report_label_fill(const struct rp_templates *t, struct rp_arena *arena,
                                 enum rp_lang lang, const char *key, const char *a1,
                                 const char *a2, const char *a3);

/* True when the catalogues hold "report.<key>" (optional wording such as unit names). */
bool rp_report_label_exists(const struct rp_templates *t, const char *key);

#endif
