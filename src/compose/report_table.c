/* Tables whose header row names their columns, the shape most tables of the documents take. */
#include "compose/report.h"

struct rp_node *rp_report_table(struct rp_report *r, struct rp_nodes *into, const char *caption,
                                const struct rp_report_column *cols, size_t count)
{
    size_t shown = 0;
    for (size_t i = 0; i < count; i++)
        shown += !cols[i].hidden;
    struct rp_node *t = rp_doc_add_table(r->doc, into, shown, caption);
    struct rp_doc_header_row *h = rp_doc_table_header_row(r->doc, t);
    for (size_t i = 0, c = 0; i < count; i++) {
        if (cols[i].hidden)
            continue;
        rp_doc_table_column(t, c++, cols[i].align, cols[i].header);
        rp_doc_header_cell(r->doc, h, cols[i].label, 1, cols[i].align);
    }
    return t;
}
