/* The units of measure of the schema's indicator-unit: the one list the checker, the label
 * catalogues and the schema share (tests/unit/test_units.c compares the three). */
#include "model/model.h"

#include <string.h>

const char *const rp_schema_units[] = {
    "percent", "count", "second",       "hour",        "day", "working-day", "week",
    "month",   "year",  "days-per-fte", "deliverable", "eur", "fte",
};
const size_t rp_schema_unit_count = sizeof rp_schema_units / sizeof *rp_schema_units;

bool rp_schema_unit(const char *name)
{
    for (size_t i = 0; name && i < rp_schema_unit_count; i++)
        if (strcmp(rp_schema_units[i], name) == 0)
            return true;
    return false;
}
