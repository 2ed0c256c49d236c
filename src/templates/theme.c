#include "templates/theme.h"

#include <stddef.h>

static struct rp_rgb hex(unsigned v)
{
    struct rp_rgb c = {(float)((v >> 16) & 0xff) / 255.0f, (float)((v >> 8) & 0xff) / 255.0f,
                       (float)(v & 0xff) / 255.0f};
    return c;
}

void rp_theme_default(struct rp_theme *t)
{
    t->logo = NULL;
    t->logo_width = t->logo_height = 0;
    t->page_width = 595.276; /* A4 */
    t->page_height = 841.89;
    t->margin_top = 72;
    t->margin_bottom = 64;
    t->margin_left = 62;
    t->margin_right = 62;
    t->font_family = "Liberation Sans";

    t->body_size = 10;
    t->small_size = 8.5;
    t->table_size = 8.5;
    t->note_size = 7.5;
    t->caption_size = 10;
    t->heading_size[0] = 17;
    t->heading_size[1] = 13;
    t->heading_size[2] = 11;
    t->leading = 1.32;
    t->paragraph_gap = 6;
    t->justify = true;
    t->chapter_new_page = true;
    t->toc_depth = 2;
    t->min_table_size = 6.5;

    t->text = hex(0x1a1f24);
    t->muted = hex(0x5c6670);
    t->primary = hex(0x1f3a5f);
    t->accent = hex(0xd9822b);
    t->rule = hex(0xc5ced8);
    t->header_fill = hex(0xe4ebf3);
    t->header_text = hex(0x1f3a5f);
    t->subtotal_fill = hex(0xf1f4f8);
    t->total_fill = hex(0xdbe4ee);
    t->flag_fill = hex(0xfbe3c4);
    t->flag_text = hex(0x8a3300);
    t->placeholder_fill = hex(0xfff0b3);
    t->remark_fill = hex(0xfdf3e6);
    t->figure_fill = hex(0xeef2f7);
    t->grid = hex(0xdde3ea);
    t->status_good = hex(0x1e6b3a);
    t->status_warn = hex(0x9a5b00);
    t->status_bad = hex(0xb02a1e);

    /* Lightness (CIE L*) 24, 73, 61, 46, 80, 40, 66, 55: adjacent series stay apart in grey. */
    t->series[0] = hex(0x1f3a5f);
    t->series[1] = hex(0x9cc3e6);
    t->series[2] = hex(0xe0812a);
    t->series[3] = hex(0x2e7d64);
    t->series[4] = hex(0xe3cf8f);
    t->series[5] = hex(0x6a4c93);
    t->series[6] = hex(0xd690a8);
    t->series[7] = hex(0x7d8a96);

    /* Okabe and Ito's colours, the grey darkened to stay visible on white. */
    t->status_series[RP_STATUS_BLUE] = hex(0x0072b2);
    t->status_series[RP_STATUS_SKY] = hex(0x56b4e9);
    t->status_series[RP_STATUS_GREEN] = hex(0x009e73);
    t->status_series[RP_STATUS_ORANGE] = hex(0xe69f00);
    t->status_series[RP_STATUS_VERMILLION] = hex(0xd55e00);
    t->status_series[RP_STATUS_PURPLE] = hex(0xcc79a7);
    t->status_series[RP_STATUS_GREY] = hex(0x8c8c8c);
}
