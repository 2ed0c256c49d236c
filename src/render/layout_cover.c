/* The cover page: who publishes, what the document is, which edition of it.
 *
 * From top to bottom: a band in the theme's primary colour with the organisation's name,
 * edged with the accent colour; the title block on white about a third of the way down
 * (an accent bar, the title, the subtitle), where the eye lands first; a tinted panel low on
 * the page with the edition, the date and, for sample data, the sample notice; the logo
 * on white at the foot (logos are drawn for a light ground), over a thin primary strip
 * that closes the page. Positions are fractions of the page's height, so other page sizes
 * keep the proportions.
 *
 * Tagged structure, in reading order: Sect > P (organisation), H1 (title), P (subtitle),
 * P (edition), P (date). The sample notice and the logo are decoration: the running header
 * and the marks say the one, the organisation's name the other. */
#include "render/layout_flow.h"

#include <string.h>

static const struct rp_rgb white = {1, 1, 1};

/* Draws f->lines from the cursor, `step` points apart, `size`-point type in `color`, and
 * leaves the cursor below the last line. */
static void draw_lines(struct rp_flow *f, double size, double step, struct rp_rgb color)
{
    double w = f->right - f->left;
    for (size_t i = 0; i < f->lines.count; i++, f->y += step)
        rp_flow_draw_line(f, &f->atoms, &f->lines.items[i], f->left, f->y + size, w, RP_TEXT_LEFT,
                          color);
}

/* The band at the top: the organisation's name, in the language it was found in. */
static void identity_band(struct rp_flow *f, double band)
{
    const struct rp_theme *t = f->theme;
    const char *org = f->doc->organisation ? f->doc->organisation : "";
    rp_flow_rect(f, 0, 0, f->width, band, t->primary);
    rp_flow_rect(f, 0, band, f->width, 5, t->accent);
    /* The name sits low in the band, close to the edge it shares with the page. */
    rp_flow_break_text(f, org, RP_FACE_BOLD, 14, f->right - f->left);
    rp_flow_atoms_lang(f, f->doc->organisation_lang);
    f->y = band - 34 - 18.0 * (double)(f->lines.count ? f->lines.count - 1 : 0);
    struct rp_tagging tagging = rp_flow_tag(f, RP_ST_P);
    draw_lines(f, 14, 18, white);
    rp_flow_untag(f, tagging);
}

/* The title block: an accent bar, the title in the primary colour, the subtitle. */
static void title_block(struct rp_flow *f, double top)
{
    const struct rp_theme *t = f->theme;
    const struct rp_doc *doc = f->doc;
    double w = f->right - f->left;
    rp_flow_rect(f, f->left, top, 56, 5, t->accent);
    f->y = top + 24;
    rp_flow_break_text(f, doc->title, RP_FACE_BOLD, 28, w);
    struct rp_tagging tagging = rp_flow_tag(f, rp_flow_heading_type(f));
    draw_lines(f, 28, 34, t->primary);
    rp_flow_untag(f, tagging);
    if (doc->subtitle && *doc->subtitle) {
        f->y += 10;
        rp_flow_break_text(f, doc->subtitle, RP_FACE_REGULAR, 15, w);
        rp_flow_atoms_lang(f, doc->subtitle_lang);
        tagging = rp_flow_tag(f, RP_ST_P);
        draw_lines(f, 15, 20, t->text);
        rp_flow_untag(f, tagging);
    }
}

/* The panel in the lower part, as tall as what it holds and ending at `bottom` (unless that
 * would bring it above `lowest_top`): the edition, the date and the sample notice. */
static void edition_panel(struct rp_flow *f, double lowest_top, double bottom)
{
    const struct rp_theme *t = f->theme;
    const struct rp_doc *doc = f->doc;
    bool edition = doc->labels.edition && *doc->labels.edition;
    bool sample = doc->sample && doc->labels.sample && *doc->labels.sample;
    double height = 28 + (edition ? 22 : 0) + (doc->year > 0 ? 14 : 0) + (sample ? 40 : 0) + 22;
    double top = bottom - height < lowest_top ? lowest_top : bottom - height;
    rp_flow_rect(f, 0, top, f->width, height, t->figure_fill);
    rp_flow_rect(f, f->left, top, 2.5, height, t->accent);
    double x = f->left + 16;
    f->y = top + 28 + 11;
    struct rp_tagging tagging;
    if (edition) {
        tagging = rp_flow_tag(f, RP_ST_P);
        rp_flow_text(f, x, f->y, RP_FACE_REGULAR, 11, t->muted, doc->labels.edition,
                     strlen(doc->labels.edition));
        rp_flow_untag(f, tagging);
        f->y += 22;
    }
    if (doc->year > 0) {
        char date[64];
        rp_fmt_date(date, sizeof date, doc->year, doc->month, doc->day, f->lang);
        tagging = rp_flow_tag(f, RP_ST_P);
        rp_flow_text(f, x, f->y, RP_FACE_BOLD, 14, t->text, rp_flow_str(f, date, strlen(date)),
                     strlen(date));
        rp_flow_untag(f, tagging);
        f->y += 14;
    }
    if (sample) {
        tagging = rp_flow_artifact(f, RP_ART_WATERMARK);
        rp_flow_text(f, x, f->y + 36, RP_FACE_BOLD, 20, t->accent, doc->labels.sample,
                     strlen(doc->labels.sample));
        rp_flow_untag(f, tagging);
    }
}

/* The foot: the logo on white above a thin primary strip. */
static void foot(struct rp_flow *f)
{
    const struct rp_theme *t = f->theme;
    struct rp_tagging tagging = rp_flow_artifact(f, RP_ART_LAYOUT);
    double strip = 14;
    rp_flow_rect(f, 0, f->height - strip, f->width, strip, t->primary);
    if (t->logo && t->logo_width > 0 && t->logo_height > 0) {
        struct rp_item *logo = rp_flow_item(f, RP_ITEM_IMAGE);
        logo->x = (float)f->left;
        logo->y = (float)(f->height - strip - 24 - t->logo_height);
        logo->w = (float)t->logo_width;
        logo->h = (float)t->logo_height;
        logo->text = t->logo;
    }
    rp_flow_untag(f, tagging);
}

void rp_flow_cover(struct rp_flow *f)
{
    f->want_kind = RP_PAGE_COVER;
    f->want_landscape = false;
    rp_flow_new_page(f, RP_PAGE_COVER, false);
    double h = f->height;
    struct rp_tagging cover = rp_flow_tag(f, RP_ST_SECT);
    identity_band(f, h * 0.18);
    title_block(f, h * 0.30);
    /* The panel ends above the logo's room at the foot, and never climbs into the title
     * block however long the title runs. */
    double logo_room = f->theme->logo ? f->theme->logo_height + 24 : 0;
    edition_panel(f, f->y + 40, h - 14 - 40 - logo_room);
    rp_flow_untag(f, cover);
    foot(f);
    f->fresh = false;
    f->want_kind = RP_PAGE_BODY;
}
