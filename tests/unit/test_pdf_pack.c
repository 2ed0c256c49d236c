/* The packer of libharu's output: plain objects end up in an object stream at the index the
 * cross-reference stream gives, streams at the offset it gives (unfiltered ones deflated,
 * page content kept apart put in place), the trailer's keys move into its dictionary, the
 * output is the same every time, and input of another form is refused with the output left
 * as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above, in this order. */
#include <cmocka.h>

#include "render/pdf_deflate.h"
#include "render/pdf_pack.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* A file of the form libharu writes, with objects `bodies` (a body ending in "endstream\n"
 * is a stream). */
static void make_pdf(struct rp_buf *b, const char *const *bodies, size_t n)
{
    size_t at[16];
    char line[64];
    rp_buf_adds(b, "%PDF-1.7\n%\xb7\xbe\xad\xaa\n");
    for (size_t i = 0; i < n; i++) {
        at[i] = b->len;
        snprintf(line, sizeof line, "%zu 0 obj\n", i + 1);
        rp_buf_adds(b, line);
        rp_buf_adds(b, bodies[i]);
        rp_buf_adds(b, "endobj\n");
    }
    size_t xref = b->len;
    snprintf(line, sizeof line, "xref\n0 %zu\n0000000000 65535 f\r\n", n + 1);
    rp_buf_adds(b, line);
    for (size_t i = 0; i < n; i++) {
        snprintf(line, sizeof line, "%010zu 00000 n\r\n", at[i]);
        rp_buf_adds(b, line);
    }
    snprintf(line, sizeof line, "trailer\n<<\n/ID [ <00AB> <00AB> ]\n/Root 1 0 R\n/Size %zu\n>>\n",
             n + 1);
    rp_buf_adds(b, line);
    snprintf(line, sizeof line, "startxref\n%zu\n%%%%EOF\n", xref);
    rp_buf_adds(b, line);
}

static const char *const sample[] = {
    "<<\n/Type /Catalog\n/Pages 2 0 R\n>>\n",
    "<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>\n",
    "<<\n/Type /Page\n/Parent 2 0 R\n/Contents 4 0 R\n>>\n",
    "<<\n/Length 5 0 R\n>>\nstream\r\nBT ET\nendstream\n",
    "6\n",
};
enum { SAMPLE = sizeof sample / sizeof *sample };

/* Inflates `n` bytes at `z` into `out` (of `cap` bytes); returns the length. */
static size_t inflate_all(const char *z, size_t n, unsigned char *out, size_t cap)
{
    uLongf len = cap;
    assert_int_equal(uncompress(out, &len, (const Bytef *)z, n), Z_OK);
    return len;
}

/* The data of the stream object whose "N 0 obj" starts at `obj`, inflated. */
static size_t stream_data(const char *obj, unsigned char *out, size_t cap, char *dict, size_t dsize)
{
    const char *s = strstr(obj, "stream\r\n");
    assert_non_null(s);
    const char *l = strstr(obj, "/Length ");
    assert_true(l && l < s);
    size_t n = strtoul(l + 8, NULL, 10);
    size_t dl = (size_t)(s - obj) < dsize - 1 ? (size_t)(s - obj) : dsize - 1;
    memcpy(dict, obj, dl);
    dict[dl] = '\0';
    return inflate_all(s + 8, n, out, cap);
}

struct entry {
    unsigned type;
    unsigned long a;
    unsigned b;
};

/* Reads the packed file's cross-reference stream (PNG Up rows of widths 1, wo, 2). */
static size_t read_xref(const struct rp_buf *b, const struct rp_pdf_packed *pk, struct entry *e,
                        size_t cap, char *dict, size_t dsize)
{
    unsigned char raw[4096];
    size_t len = stream_data(b->data + pk->xref_at, raw, sizeof raw, dict, dsize);
    assert_non_null(strstr(dict, "/Type /XRef"));
    const char *w = strstr(dict, "/W [1 ");
    assert_non_null(w);
    int wo = atoi(w + 6);
    size_t row = 1 + (size_t)wo + 2 + 1, rows = len / row;
    assert_int_equal(len % row, 0);
    assert_true(rows <= cap);
    unsigned char prev[16] = {0};
    for (size_t r = 0; r < rows; r++) {
        unsigned char *p = raw + r * row;
        assert_int_equal(p[0], 2);
        for (size_t c = 1; c < row; c++)
            prev[c] = (unsigned char)(prev[c] + p[c]);
        e[r].type = prev[1];
        e[r].a = 0;
        for (int c = 0; c < wo; c++)
            e[r].a = e[r].a << 8 | prev[2 + c];
        e[r].b = (unsigned)(prev[2 + wo] << 8 | prev[3 + wo]);
    }
    return rows;
}

static void packs_plain_objects_and_keeps_streams(void **state)
{
    (void)state;
    struct rp_buf in = {0}, out = {0};
    make_pdf(&in, sample, SAMPLE);
    struct rp_pdf_packed pk = {0};
    assert_int_equal(rp_pdf_pack(in.data, in.len, 6, 1, NULL, 0, &out, &pk), 0);
    assert_true(out.len < in.len + 400);
    assert_memory_equal(out.data, "%PDF-1.7\n", 9);
    assert_string_equal(out.data + out.len - 6, "%%EOF\n");
    char dict[512];
    struct entry e[16];
    size_t rows = read_xref(&out, &pk, e, 16, dict, sizeof dict);
    assert_int_equal(rows, pk.next_object);
    assert_non_null(strstr(dict, "/Root 1 0 R"));
    assert_non_null(strstr(dict, "/ID [ <00AB> <00AB> ]"));
    assert_null(strstr(dict, "/Size 6 "));
    char size[32];
    snprintf(size, sizeof size, "/Size %u ", pk.next_object);
    assert_non_null(strstr(dict, size));
    /* The stream: at its offset, byte for byte. */
    assert_int_equal(e[4].type, 1);
    const char *obj4 = out.data + e[4].a;
    assert_memory_equal(obj4, "4 0 obj\n", 8);
    assert_memory_equal(obj4 + 8, sample[3], strlen(sample[3]));
    /* Each plain object: in its object stream at its index, with its value. */
    const size_t plain[] = {1, 2, 3, 5};
    for (size_t k = 0; k < 4; k++) {
        struct entry *x = &e[plain[k]];
        assert_int_equal(x->type, 2);
        assert_int_equal(e[x->a].type, 1);
        unsigned char data[2048];
        char sdict[256];
        size_t n = stream_data(out.data + e[x->a].a, data, sizeof data - 1, sdict, sizeof sdict);
        data[n] = '\0';
        assert_non_null(strstr(sdict, "/Type /ObjStm"));
        unsigned first = (unsigned)atoi(strstr(sdict, "/First ") + 7);
        const char *h = (const char *)data;
        unsigned num = 0, off = 0;
        for (unsigned i = 0; i <= x->b; i++) {
            char *endp;
            num = (unsigned)strtoul(h, &endp, 10);
            off = (unsigned)strtoul(endp, &endp, 10);
            h = endp;
        }
        assert_int_equal(num, plain[k]);
        size_t vlen = strlen(sample[plain[k] - 1]) - 1;
        assert_memory_equal(data + first + off, sample[plain[k] - 1], vlen);
    }
    /* The same input, the same bytes. */
    struct rp_buf again = {0};
    struct rp_pdf_packed pk2 = {0};
    assert_int_equal(rp_pdf_pack(in.data, in.len, 6, 1, NULL, 0, &again, &pk2), 0);
    assert_int_equal(again.len, out.len);
    assert_memory_equal(again.data, out.data, out.len);
    free(again.data);
    free(in.data);
    free(out.data);
}

/* The value of plain object `num`, read from its object stream, as a number. */
static unsigned long plain_number(const struct rp_buf *out, const struct entry *e, unsigned num)
{
    const struct entry *x = &e[num];
    assert_int_equal(x->type, 2);
    unsigned char data[2048];
    char sdict[256];
    size_t n = stream_data(out->data + e[x->a].a, data, sizeof data - 1, sdict, sizeof sdict);
    data[n] = '\0';
    unsigned first = (unsigned)atoi(strstr(sdict, "/First ") + 7);
    const char *h = (const char *)data;
    unsigned got = 0, off = 0;
    for (unsigned i = 0; i <= x->b; i++) {
        char *endp;
        got = (unsigned)strtoul(h, &endp, 10);
        off = (unsigned)strtoul(endp, &endp, 10);
        h = endp;
    }
    assert_int_equal(got, num);
    return strtoul((const char *)data + first + off, NULL, 10);
}

/* An unfiltered stream whose dictionary starts with its indirect /Length (page content, a
 * font program, a form) is deflated, /Filter put after /Length, and its length object says
 * the deflated size; the XMP metadata and a stream filtered already keep their bytes. */
static void deflates_unfiltered_streams(void **state)
{
    (void)state;
    static const char *const objs[] = {
        "<<\n/Type /Catalog\n/Pages 2 0 R\n>>\n",
        "<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>\n",
        "<<\n/Type /Page\n/Parent 2 0 R\n/Contents 4 0 R\n>>\n",
        "<<\n/Length 5 0 R\n>>\nstream\r\nBT /F1 12 Tf (hello hello hello) Tj ET\nendstream\n",
        "38\n",
        "<<\n/Length 7 0 R\n/Type /Metadata\n>>\nstream\r\nXMP\nendstream\n",
        "3\n",
        "<<\n/Length 9 0 R\n/Length1 12\n>>\nstream\r\nglyphs glyph\nendstream\n",
        "12\n",
        "<<\n/Length 11 0 R\n/Filter [ /FlateDecode ]\n>>\nstream\r\nzzzz\nendstream\n",
        "4\n",
    };
    struct rp_buf in = {0}, out = {0};
    make_pdf(&in, objs, sizeof objs / sizeof *objs);
    struct rp_pdf_packed pk = {0};
    assert_int_equal(rp_pdf_pack(in.data, in.len, 6, 1, NULL, 0, &out, &pk), 0);
    char dict[512];
    struct entry e[16];
    read_xref(&out, &pk, e, 16, dict, sizeof dict);
    static const struct {
        unsigned obj;
        const char *head, *data;
    } deflated[] = {
        {4, "4 0 obj\n<<\n/Length 5 0 R\n/Filter /FlateDecode\n>>\nstream\r\n",
         "BT /F1 12 Tf (hello hello hello) Tj ET"},
        {8, "8 0 obj\n<<\n/Length 9 0 R\n/Filter /FlateDecode\n/Length1 12\n>>\nstream\r\n",
         "glyphs glyph"},
    };
    for (size_t k = 0; k < sizeof deflated / sizeof *deflated; k++) {
        unsigned i = deflated[k].obj;
        assert_int_equal(e[i].type, 1);
        const char *obj = out.data + e[i].a, *head = deflated[k].head;
        assert_memory_equal(obj, head, strlen(head));
        unsigned long zlen = plain_number(&out, e, i + 1);
        assert_true(zlen > 0);
        assert_memory_equal(obj + strlen(head) + zlen, "\nendstream\nendobj\n", 18);
        unsigned char data[256];
        size_t n = inflate_all(obj + strlen(head), zlen, data, sizeof data);
        assert_int_equal(n, strlen(deflated[k].data));
        assert_memory_equal(data, deflated[k].data, n);
    }
    /* The metadata and the filtered stream, and their lengths: as they were. */
    assert_memory_equal(out.data + e[6].a + 8, objs[5], strlen(objs[5]));
    assert_int_equal(plain_number(&out, e, 7), 3);
    assert_memory_equal(out.data + e[10].a + 9, objs[9], strlen(objs[9]));
    assert_int_equal(plain_number(&out, e, 11), 4);
    free(in.data);
    free(out.data);
}

/* A file of several pages whose content (some hundreds of kB in all, so that a second
 * thread is used) is deflated in one thread and in two: the same bytes, and each page's
 * content inflates back to what it was. */
static void same_bytes_in_one_and_two_threads(void **state)
{
    (void)state;
    enum { PAGES = 6 };
    static char bodies[2 * PAGES + 2][64];
    const char *objs[2 * PAGES + 2];
    struct rp_buf contents[PAGES] = {{0}};
    objs[0] = "<<\n/Type /Catalog\n/Pages 2 0 R\n>>\n";
    objs[1] = "<<\n/Type /Pages\n/Count 0\n>>\n";
    unsigned x = 7;
    for (int p = 0; p < PAGES; p++) {
        struct rp_buf *c = &contents[p];
        char line[96];
        rp_buf_adds(c, "<<\n/Length ");
        snprintf(line, sizeof line, "%d 0 R\n>>\nstream\r\n", 2 * p + 4);
        rp_buf_adds(c, line);
        size_t start = c->len;
        for (int k = 0; k < 1500 * (p + 1); k++) {
            x = x * 1103515245u + 12345u;
            snprintf(line, sizeof line, "BT 1 0 0 1 %u %u Tm <%04x> Tj ET\n", x % 500,
                     (x >> 9) % 800, x & 0x7ff);
            rp_buf_adds(c, line);
        }
        size_t data_len = c->len - start - 1; /* the last newline goes with "endstream" */
        rp_buf_adds(c, "endstream\n");
        objs[2 + 2 * p] = c->data;
        snprintf(bodies[p], sizeof bodies[p], "%zu\n", data_len);
        objs[3 + 2 * p] = bodies[p];
    }
    struct rp_buf in = {0}, one = {0}, two = {0};
    make_pdf(&in, objs, 2 + 2 * PAGES);
    struct rp_pdf_packed pk1 = {0}, pk2 = {0};
    assert_int_equal(rp_pdf_pack(in.data, in.len, 6, 1, NULL, 0, &one, &pk1), 0);
    assert_int_equal(rp_pdf_pack(in.data, in.len, 6, 2, NULL, 0, &two, &pk2), 0);
    assert_true(one.len < in.len / 2); /* the content was deflated */
    assert_int_equal(one.len, two.len);
    assert_memory_equal(one.data, two.data, one.len);
    assert_int_equal(pk1.xref_at, pk2.xref_at);
    char dict[512];
    struct entry e[32];
    read_xref(&two, &pk2, e, 32, dict, sizeof dict);
    size_t cap = 1 << 20;
    unsigned char *back = malloc(cap);
    assert_non_null(back);
    for (int p = 0; p < PAGES; p++) {
        const char *obj = two.data + e[3 + 2 * p].a;
        const char *s = strstr(obj, "stream\r\n") + 8;
        size_t n = inflate_all(s, plain_number(&two, e, (unsigned)(4 + 2 * p)), back, cap);
        const char *want = strstr(contents[p].data, "stream\r\n") + 8;
        assert_int_equal(n, strtoul(bodies[p], NULL, 10));
        assert_memory_equal(back, want, n);
    }
    free(back);
    for (int p = 0; p < PAGES; p++)
        free(contents[p].data);
    free(in.data), free(one.data), free(two.data);
}

/* Page content that rapport keeps goes into the streams libharu wrote empty, deflated ahead
 * or by the packer: the file is the one libharu would have made with the content in its
 * streams, and the packer owns exactly the outputs it took. Content for a stream libharu
 * did not leave empty, or for an object that is no stream, is refused. */
static void puts_own_content_in_empty_streams(void **state)
{
    (void)state;
    static const char *hello = "BT /F1 12 Tf (hello hello hello) Tj ET",
                      *bye = "BT /F1 9 Tf (bye bye bye bye) Tj ET";
    static const char *const inline_objs[] = {
        "<<\n/Type /Catalog\n/Pages 2 0 R\n>>\n",
        "<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>\n",
        "<<\n/Type /Page\n/Parent 2 0 R\n/Contents 4 0 R\n>>\n",
        "<<\n/Length 5 0 R\n>>\nstream\r\nBT /F1 12 Tf (hello hello hello) Tj ET\nendstream\n",
        "38\n",
        "<<\n/Length 7 0 R\n>>\nstream\r\nBT /F1 9 Tf (bye bye bye bye) Tj ET\nendstream\n",
        "35\n",
    };
    static const char *const empty_objs[] = {
        "<<\n/Type /Catalog\n/Pages 2 0 R\n>>\n",
        "<<\n/Type /Pages\n/Kids [ 3 0 R ]\n/Count 1\n>>\n",
        "<<\n/Type /Page\n/Parent 2 0 R\n/Contents 4 0 R\n>>\n",
        "<<\n/Length 5 0 R\n>>\nstream\r\n\nendstream\n",
        "0\n",
        "<<\n/Length 7 0 R\n>>\nstream\r\n\nendstream\n",
        "0\n",
    };
    struct rp_buf with = {0}, empty = {0}, plain = {0}, own_out = {0};
    make_pdf(&with, inline_objs, 7);
    make_pdf(&empty, empty_objs, 7);
    struct rp_pdf_packed pk = {0}, pk2 = {0};
    assert_int_equal(rp_pdf_pack(with.data, with.len, 6, 1, NULL, 0, &plain, &pk), 0);
    struct rp_pdf_deflation own[8] = {{0}};
    own[4] = (struct rp_pdf_deflation){.data = hello, .len = strlen(hello)};
    own[6] = (struct rp_pdf_deflation){.data = bye, .len = strlen(bye)};
    rp_pdf_deflate_all(&own[4], 1, RP_PDF_CONTENT_LEVEL, 1); /* ahead; 6 is left to the packer */
    assert_non_null(own[4].z);
    assert_int_equal(rp_pdf_pack(empty.data, empty.len, 6, 1, own, 8, &own_out, &pk2), 0);
    assert_null(own[4].z); /* taken */
    assert_int_equal(plain.len, own_out.len);
    assert_memory_equal(plain.data, own_out.data, plain.len);
    assert_int_equal(pk.xref_at, pk2.xref_at);

    /* Content for a stream libharu wrote something in, or for a plain object. */
    struct rp_buf refused = {0};
    rp_buf_adds(&refused, "kept");
    struct rp_pdf_deflation bad[8] = {{0}};
    bad[4] = (struct rp_pdf_deflation){.data = hello, .len = strlen(hello)};
    assert_int_equal(rp_pdf_pack(with.data, with.len, 6, 1, bad, 8, &refused, &pk2), -1);
    bad[4] = (struct rp_pdf_deflation){0};
    bad[5] = (struct rp_pdf_deflation){.data = hello, .len = strlen(hello)};
    assert_int_equal(rp_pdf_pack(empty.data, empty.len, 6, 1, bad, 8, &refused, &pk2), -1);
    assert_string_equal(refused.data, "kept");
    free(refused.data);
    free(with.data), free(empty.data), free(plain.data), free(own_out.data);
}

/* Each input is the sample with one thing changed; none is packed and `out` keeps what it had. */
static void refuses_other_forms(void **state)
{
    (void)state;
    struct rp_buf good = {0};
    make_pdf(&good, sample, SAMPLE);
    const char *const changes[][2] = {
        {"/Root 1 0 R\n", "/Rooty 1 0\n"},            /* no /Root */
        {"trailer\n<<\n", "trailer\n<<<<"},           /* not the trailer's form */
        {"2 0 obj\n", "7 0 obj\n"},                   /* numbered unlike the table */
        {"0000000000 65535 f", "0000000000 65535 n"}, /* the free list's head */
        {"%%EOF\n", "%%EOX\n"},
        {"xref\n0 6", "xref\n0 9"}, /* more entries than the table holds */
    };
    for (size_t i = 0; i < sizeof changes / sizeof *changes; i++) {
        struct rp_buf bad = {0}, out = {0};
        rp_buf_add(&bad, good.data, good.len);
        char *at = strstr(bad.data, changes[i][0]);
        assert_non_null(at);
        memcpy(at, changes[i][1], strlen(changes[i][1]));
        rp_buf_adds(&out, "kept");
        struct rp_pdf_packed pk = {0};
        assert_int_equal(rp_pdf_pack(bad.data, bad.len, 6, 1, NULL, 0, &out, &pk), -1);
        assert_string_equal(out.data, "kept");
        free(bad.data);
        free(out.data);
    }
    /* Truncated anywhere: refused, never read past the end. */
    for (size_t cut = 0; cut < good.len; cut += 7) {
        struct rp_buf out = {0};
        struct rp_pdf_packed pk = {0};
        char *copy = malloc(cut + 1);
        memcpy(copy, good.data, cut);
        assert_int_equal(rp_pdf_pack(copy, cut, 6, 1, NULL, 0, &out, &pk), -1);
        free(copy);
        free(out.data);
    }
    free(good.data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(packs_plain_objects_and_keeps_streams),
        cmocka_unit_test(refuses_other_forms),
        cmocka_unit_test(deflates_unfiltered_streams),
        cmocka_unit_test(same_bytes_in_one_and_two_threads),
        cmocka_unit_test(puts_own_content_in_empty_streams),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
