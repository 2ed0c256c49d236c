/* What an organisation id may contain: the one rule, stated by the schema's `org-id` type
 * (schema/rapport.xsd), the documentation and the man page, and applied here to the names
 * of organisation directories, since an organisation's directory name becomes its id in
 * output paths. tests/unit/test_org_id.c keeps this function and the schema in step. */
#ifndef RP_MODEL_ORG_ID_H
#define RP_MODEL_ORG_ID_H

#include <stdbool.h>

/* The rule in words, for messages. */
#define RP_ORG_ID_RULE "1 to 64 lower-case letters, digits or '-', starting with a letter or digit"

/* The schema's pattern, as written there. */
#define RP_ORG_ID_PATTERN "[a-z0-9][a-z0-9\\-]{0,63}"

/* Whether `id` follows the rule. */
bool rp_org_id_valid(const char *id);

#endif
