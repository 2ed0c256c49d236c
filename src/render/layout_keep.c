/* What a heading or a caption keeps with it on its page: the start of the block after it.
 * A heading at the foot of a page with its text overleaf reads as a page that ends in the
 * middle of nothing; the rule is the one of publishers (and LaTeX's \nopagebreak after
 * \section): the heading moves to the next page unless the start of what it heads fits
 * under it. */
#include "render/layout_flow.h"

/* Lines of a paragraph or list item that stay with what comes before: a text of three
 * lines or fewer is never split (place_lines), a longer one keeps two (no orphan). */
static size_t kept_lines(size_t n)
{
    return n <= 3 ? n : 2;
}

/* The kept height of a text; *lines: all its lines. */
static double text_keep(struct rp_flow *f, const struct rp_spans *spans, enum rp_face face,
                        double size, double width, double pad, size_t *lines)
{
    f->atoms.count = 0;
    rp_atoms_add_spans(&f->atoms, f->m, spans, face, size);
    size_t n = rp_break_lines(&f->atoms, width, f->env, &f->lines);
    *lines = n;
    return (double)kept_lines(n) * size * f->theme->leading + 2 * pad;
}

static int stop_at_second_page(void *ctx, const struct rp_page *page, bool overlay)
{
    (void)ctx;
    (void)overlay;
    return page->index > 0 ? 1 : 0;
}

/* The height `node` takes from the top of a fresh page of the kind and orientation the
 * flow wants, set by its own layout on trial (tables: their first `rows` rows only, 0 for
 * all); the space after it is left out. At most a page: a block taller than that cannot be
 * kept with anything. */
double rp_flow_trial_height(const struct rp_flow *f, const struct rp_node *node, size_t rows)
{
    struct rp_layout_sink sink = {NULL, stop_at_second_page};
    struct rp_flow t;
    rp_flow_init(&t, f->doc, f->env, &sink);
    t.trial = true;
    t.squeeze = f->squeeze;
    t.want_kind = f->want_kind;
    t.want_landscape = f->want_landscape;
    t.row_limit = rows;
    t.measuring = true;
    rp_flow_need(&t, 0);
    double top = t.y;
    struct rp_nodes one = {(struct rp_node **)&node, 1, 1};
    rp_flow_nodes(&t, &one);
    double h = t.page_count > 1 || t.status ? t.bottom - t.top : t.y - top;
    /* The space a block leaves after itself is not part of it. */
    double after = node->kind == RP_NODE_TABLE   ? rp_flow_gap(&t, f->theme->paragraph_gap + 6)
                   : node->kind == RP_NODE_CHART ? 0
                                                 : rp_flow_gap(&t, f->theme->paragraph_gap);
    if (t.page_count <= 1 && !t.status && h > after)
        h -= after;
    rp_flow_release(&t);
    return h;
}

/* rp_flow_keep_height(); *lines: the lines of a paragraph, list item or note (else 0). */
static double keep_height(struct rp_flow *f, const struct rp_node *node, size_t *lines)
{
    const struct rp_theme *t = f->theme;
    double width = f->right - f->left;
    switch (node->kind) {
    case RP_NODE_SECTION: {
        struct rp_nodes one = {(struct rp_node **)&node, 1, 1};
        struct rp_flow_next at = {&one, 0, NULL};
        return rp_flow_keep_from(f, &at);
    }
    case RP_NODE_PARAGRAPH: {
        enum rp_para_style style = node->u.paragraph.style;
        double size = style == RP_PARA_SMALL  ? t->small_size
                      : style == RP_PARA_LEAD ? t->body_size + 1
                                              : t->body_size;
        bool boxed = style == RP_PARA_REMARK;
        return text_keep(f, &node->u.paragraph.text,
                         style == RP_PARA_LEAD ? RP_FACE_ITALIC : RP_FACE_REGULAR, size,
                         width - (boxed ? 16 : 0), boxed ? 5 : 0, lines);
    }
    case RP_NODE_LIST:
        if (!node->u.list.count)
            return 0;
        return text_keep(f, &node->u.list.items[0], RP_FACE_REGULAR, t->body_size,
                         width - (node->u.list.ordered ? 18 : 13), 0, lines);
    case RP_NODE_NOTE:
        return text_keep(f, &node->u.note.text, RP_FACE_REGULAR, t->note_size, width, 0, lines);
    case RP_NODE_TABLE: {
        size_t rows = node->u.table.row_count;
        return rp_flow_trial_height(f, node, rows < 2 * RP_TABLE_MIN_PART ? 0 : RP_TABLE_MIN_PART);
    }
    case RP_NODE_CHART:
    case RP_NODE_KEY_FIGURES:
        return rp_flow_trial_height(f, node, 0);
    case RP_NODE_PAGE_BREAK:
    case RP_NODE_TOC:
    case RP_NODE__MAX:
        break;
    }
    return 0;
}

double rp_flow_keep_height(struct rp_flow *f, const struct rp_node *node)
{
    size_t lines = 0;
    return keep_height(f, node, &lines);
}

double rp_flow_keep_from(struct rp_flow *f, const struct rp_flow_next *at)
{
    double h = 0, page = f->bottom - f->top;
    if (!at)
        return 0;
    /* Down into sections (heading after heading: a run of them keeps together with the
     * first block of text) and up past the ends of empty ones, while the sum could still
     * fit on a page. The places up the chain are the callers' (alive while this runs) or
     * the ones kept in `frames` on the way down. */
    struct rp_flow_next frames[16];
    size_t depth = 0;
    struct rp_flow_next cur = *at;
    bool passed = false;
    double first_only = -1;
    while (h <= page) {
        if (cur.i >= cur.nodes->count) {
            if (!cur.up)
                break;
            cur = *cur.up;
            continue;
        }
        const struct rp_node *node = cur.nodes->items[cur.i];
        if (node->kind == RP_NODE_PARAGRAPH) {
            /* A paragraph of one line (a status, a date) is not the text a heading keeps
             * with: the block after it comes too. */
            size_t lines = 0;
            double k = keep_height(f, node, &lines);
            if (lines >= 2 || passed)
                return h + k;
            passed = true; /* one such line only: a run of them is kept like text */
            h += k + rp_flow_gap(f, f->theme->paragraph_gap);
            /* Unless the block after it is what cannot fit (a chart taller than the rest
             * of a page): then the line alone. */
            first_only = h;
            cur.i++;
            continue;
        }
        if (node->kind != RP_NODE_SECTION) {
            double k = h + rp_flow_keep_height(f, node);
            return first_only >= 0 && k > page ? first_only : k;
        }
        if (node->u.section.level <= 1 && f->theme->chapter_new_page && h > 0)
            return h; /* a chapter starts a page of its own */
        h += rp_flow_heading_height(f, node, false);
        passed = false; /* the heading's own status line and what follows it */
        first_only = -1;
        cur.i++;
        if (node->u.section.children.count && depth < sizeof frames / sizeof *frames) {
            frames[depth] = cur;
            cur = (struct rp_flow_next){&node->u.section.children, 0, &frames[depth++]};
        }
    }
    return h;
}
