/* The floor that bench/peers.sh measures rapport against: libharu alone writing the lines of
 * a table, with nothing of rapport's (no model, no layout, no hyphenation, no tagging).
 *
 *   minimal-libharu FONT.ttf LINES.tsv OUT.pdf
 *
 * Each line of LINES.tsv is one table row, its fields separated by tabs: the first is set
 * flush left, the others flush right in columns from the right margin, on A4 pages with
 * rapport's margins, table size (8.5 pt) and row pitch (16 pt). One TrueType face, embedded
 * and set through libharu's UTF-8 encoder, as rapport does (src/render/pdf.c): that is
 * where libharu 2.3.0 spends its time (HPDF_GetFont with "UTF-8" walks the face's cmap for
 * all 65,536 code points), and a fair floor pays it too.
 *
 * Built by bench/peers.sh; not part of rapport. */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 595.276f
#define PAGE_H 841.89f
#define MARGIN_TOP 72.0f
#define MARGIN_BOTTOM 64.0f
#define MARGIN_SIDE 62.0f
#define SIZE 8.5f
#define PITCH 16.0f
#define NUMBER_COLUMN 48.0f

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    (void)user;
    fprintf(stderr, "minimal-libharu: libharu error 0x%04X, detail %u\n", (unsigned)error,
            (unsigned)detail);
    exit(1);
}

/* Draws one row at baseline y: the label left, the numbers right-aligned in their columns. */
static void draw_row(HPDF_Page page, char *line, float y)
{
    char *fields[32];
    int n = 0;
    for (char *f = strtok(line, "\t"); f && n < 32; f = strtok(NULL, "\t"))
        fields[n++] = f;
    for (int i = 0; i < n; i++) {
        float x = MARGIN_SIDE;
        if (i > 0) {
            float right = PAGE_W - MARGIN_SIDE - (float)(n - 1 - i) * NUMBER_COLUMN;
            x = right - HPDF_Page_TextWidth(page, fields[i]);
        }
        HPDF_Page_TextOut(page, x, y, fields[i]);
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: minimal-libharu FONT.ttf LINES.tsv OUT.pdf\n");
        return 2;
    }
    FILE *in = fopen(argv[2], "r");
    if (!in) {
        perror(argv[2]);
        return 1;
    }
    HPDF_Doc doc = HPDF_New(on_error, NULL);
    if (!doc)
        return 1;
    /* The same set-up as rapport's: compression before the font loads, UTF-8 encoding. */
    HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc);
    HPDF_SetCurrentEncoder(doc, "UTF-8");
    const char *name = HPDF_LoadTTFontFromFile(doc, argv[1], HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");

    HPDF_Page page = NULL;
    float y = 0;
    char line[4096];
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!page || y < MARGIN_BOTTOM) {
            if (page)
                HPDF_Page_EndText(page);
            page = HPDF_AddPage(doc);
            HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
            HPDF_Page_BeginText(page);
            HPDF_Page_SetFontAndSize(page, font, SIZE);
            y = PAGE_H - MARGIN_TOP - SIZE;
        }
        draw_row(page, line, y);
        y -= PITCH;
    }
    if (page)
        HPDF_Page_EndText(page);
    fclose(in);
    HPDF_STATUS rc = HPDF_SaveToFile(doc, argv[3]);
    HPDF_Free(doc);
    return rc == HPDF_OK ? 0 : 1;
}
