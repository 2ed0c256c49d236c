/* The packer of libharu's output (see pdf_pack.h).
 *
 * libharu 2.3.0 writes every object plain and spaced out one key per line: a 24-page report
 * holds some 270 such objects and, with the stream lengths it makes indirect, a third of
 * the file is small dictionaries. Packed, they compress together (a page dictionary repeats
 * its neighbour's keys). The input is read in one pass guided by its own cross-reference
 * table, not parsed: the format libharu writes is fixed, and whatever differs from it is
 * refused rather than guessed at. */
#include "render/pdf_pack.h"

#include "render/pdf_deflate.h"

#include "util/buf.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Objects per object stream: a reader decompresses a whole stream to reach one object. */
#define PER_STREAM 500

/* The number that starts at `s` (digits only), or -1 when there is none or it is huge. */
static long number_at(const char *s, const char *end, const char **after)
{
    long v = 0;
    const char *q = s;
    while (q < end && *q >= '0' && *q <= '9' && q - s < 12)
        v = v * 10 + (*q++ - '0');
    if (q == s || q - s >= 12)
        return -1;
    *after = q;
    return v;
}

static bool starts(const char *s, const char *end, const char *prefix)
{
    size_t n = strlen(prefix);
    return (size_t)(end - s) >= n && memcmp(s, prefix, n) == 0;
}

static bool ends(const char *s, const char *end, const char *suffix)
{
    size_t n = strlen(suffix);
    return (size_t)(end - s) >= n && memcmp(end - n, suffix, n) == 0;
}

static void put_uint(struct rp_buf *b, unsigned long v)
{
    char s[24];
    int n = sizeof s;
    do
        s[--n] = (char)('0' + v % 10);
    while ((v /= 10) > 0);
    rp_buf_add(b, s + n, sizeof s - (size_t)n);
}

/* Appends stream object `number`: `dict` (the inside of its dictionary, without /Filter and
 * /Length) and `data` compressed at `level`. */
static int add_stream(struct rp_buf *out, unsigned number, const char *dict, const void *data,
                      size_t len, int level)
{
    unsigned char *z;
    size_t size;
    if (rp_pdf_deflate(data, len, level, &z, &size) != 0)
        return -1;
    put_uint(out, number);
    rp_buf_adds(out, " 0 obj\n<<");
    rp_buf_adds(out, dict);
    rp_buf_adds(out, " /Filter /FlateDecode /Length ");
    put_uint(out, size);
    rp_buf_adds(out, ">>\nstream\r\n");
    rp_buf_add(out, (const char *)z, size);
    rp_buf_adds(out, "\nendstream\nendobj\n");
    free(z);
    return 0;
}

/* Streams come from libharu unfiltered and are deflated here. */
#define CONTENT_LEVEL RP_PDF_CONTENT_LEVEL

/* One object of the input: its body (between "obj\n" and "endobj\n"), whether it is a
 * stream, and where the packed file has it (offset, or object stream and index). */
struct object {
    const char *body;
    size_t len;
    bool stream;
    bool deflated;         /* a stream length, now of the stream deflated here: */
    unsigned long new_len; /* its value */
    size_t at;
    unsigned in_stream, index;
};

/* Reads the cross-reference table at `xref` and the objects it lists. Returns the number of
 * entries (objects + 1), or 0 when the input is not as libharu writes it. */
static size_t read_objects(const char *in, size_t len, size_t xref, struct object **objects,
                           size_t *header, const char **trailer)
{
    const char *end = in + len, *q = in + xref, *after;
    if (!starts(q, end, "xref\n0 "))
        return 0;
    long n = number_at(q + 7, end, &after);
    if (n < 2 || !starts(after, end, "\n") || (size_t)(end - after - 1) / 20 < (size_t)n)
        return 0;
    const char *table = after + 1;
    if (!starts(table, end, "0000000000 65535 f\r\n"))
        return 0;
    struct object *o = calloc((size_t)n, sizeof *o);
    if (!o)
        return 0;
    size_t prev = 0;
    for (long i = 1; i < n; i++) {
        const char *e = table + 20 * i;
        long off = number_at(e, end, &after);
        if (off < 0 || after != e + 10 || memcmp(e + 10, " 00000 n\r\n", 10) != 0 ||
            (size_t)off <= prev || (size_t)off >= xref)
            goto refuse;
        o[i].at = (size_t)off;
        prev = (size_t)off;
    }
    *header = o[1].at;
    for (long i = 1; i < n; i++) {
        const char *s = in + o[i].at, *e = i + 1 < n ? in + o[i + 1].at : in + xref;
        if (number_at(s, e, &after) != i || !starts(after, e, " 0 obj\n") ||
            !ends(s, e, "endobj\n"))
            goto refuse;
        o[i].body = after + 7;
        o[i].len = (size_t)(e - 7 - o[i].body);
        o[i].stream = ends(o[i].body, o[i].body + o[i].len, "\nendstream\n");
        /* A plain object's value ends its line; its last byte is the newline. */
        if (!o[i].stream) {
            if (o[i].len < 2 || o[i].body[o[i].len - 1] != '\n')
                goto refuse;
            o[i].len--;
        }
    }
    *objects = o;
    *trailer = table + 20 * n;
    return (size_t)n;
refuse:
    free(o);
    return 0;
}

/* Copies the trailer's keys but /Size (one per line, as libharu writes them) to `dict`.
 * Returns 0, or -1 when the trailer is not of that form or lacks /Root. */
static int trailer_keys(const char *s, const char *end, struct rp_buf *dict)
{
    if (!starts(s, end, "trailer\n<<\n"))
        return -1;
    bool root = false;
    for (s += 11; s < end && *s == '/';) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            return -1;
        for (const char *c = s; c + 1 < nl; c++)
            if (c[0] == '<' && c[1] == '<')
                return -1; /* a nested dictionary: not libharu's trailer */
        root |= starts(s, nl, "/Root ");
        if (!starts(s, nl, "/Size ")) {
            rp_buf_add(dict, " ", 1);
            rp_buf_add(dict, s, (size_t)(nl - s));
        }
        s = nl + 1;
    }
    return root && starts(s, end, ">>\nstartxref\n") ? 0 : -1;
}

/* Whether the dictionary text [s, end) names `key`. */
static bool names(const char *s, const char *end, const char *key)
{
    size_t n = strlen(key);
    for (; (size_t)(end - s) >= n; s++)
        if (*s == '/' && memcmp(s, key, n) == 0)
            return true;
    return false;
}

/* Where the data of stream object `i` lies when the packer deflates it: an unfiltered
 * stream (page content, font programs, CMaps, forms, the colour profile) whose dictionary
 * starts with its indirect /Length, whose object holds the data's length. Not the XMP
 * metadata, which PDF/A wants readable as it is. Returns that length object's number, with
 * `*keys` where the dictionary's other keys start, or 0 for any other stream. */
static size_t deflatable(const struct object *o, size_t count, size_t i, const char **data,
                         size_t *len, const char **keys)
{
    static const char head[] = "<<\n/Length ", ref[] = " 0 R\n", tail[] = ">>\nstream\r\n",
                      end_stream[] = "\nendstream\n";
    const char *body = o[i].body, *end = body + o[i].len, *after = NULL, *len_end = NULL;
    long n = starts(body, end, head) ? number_at(body + sizeof head - 1, end, &after) : -1;
    if (n <= 0 || (size_t)n >= count || o[n].stream || !starts(after, end, ref))
        return 0;
    const char *k = after + sizeof ref - 1, *d_end = end - (sizeof end_stream - 1);
    long stated = number_at(o[n].body, o[n].body + o[n].len, &len_end);
    if (stated < 0 || len_end != o[n].body + o[n].len || d_end - k < stated + 11)
        return 0;
    const char *d = d_end - stated, *dict_end = d - (sizeof tail - 1);
    if (!starts(dict_end, end, tail) || names(k, dict_end, "/Filter") ||
        names(k, dict_end, "/DecodeParms") || names(k, dict_end, "/Metadata"))
        return 0;
    *data = d;
    *len = (size_t)stated;
    *keys = k;
    return (size_t)n;
}

/* Appends stream object `i` as it was, or, when `z` holds its data deflated, with that
 * (its length object `n` then gets the new length). */
static void copy_stream(struct rp_buf *out, struct object *o, size_t count, size_t i, size_t n,
                        const struct rp_pdf_deflation *z)
{
    const char *data, *keys;
    size_t len;
    put_uint(out, i);
    rp_buf_adds(out, " 0 obj\n");
    if (n && z && z->rc == 0 && deflatable(o, count, i, &data, &len, &keys) == n) {
        const char *body = o[i].body;
        rp_buf_add(out, body, (size_t)(keys - body));
        rp_buf_adds(out, "/Filter /FlateDecode\n");
        rp_buf_add(out, keys, (size_t)(data - keys));
        rp_buf_add(out, (const char *)z->z, z->size);
        rp_buf_adds(out, "\nendstream\n");
        o[n].deflated = true;
        o[n].new_len = z->size;
    } else {
        rp_buf_add(out, o[i].body, o[i].len);
    }
    rp_buf_adds(out, "endobj\n");
}

/* Deflates the unfiltered streams of `o` in `threads` threads: `z[i]` for stream `i`,
 * `lens[i]` its length object (0 for a stream kept as it was). A stream libharu wrote empty
 * whose content `own` holds takes that, deflated already or here. Returns -1 out of memory,
 * or when some of `own` has no empty stream to go to or cannot be deflated. */
static int deflate_streams(struct object *o, size_t count, int threads,
                           struct rp_pdf_deflation *own, size_t own_count,
                           struct rp_pdf_deflation **z, size_t **lens)
{
    *z = calloc(count, sizeof **z);
    *lens = calloc(count, sizeof **lens);
    struct rp_pdf_deflation *batch = calloc(count, sizeof *batch);
    size_t *at = calloc(count, sizeof *at), n = 0;
    int rc = -1;
    if (!*z || !*lens || !batch || !at)
        goto done;
    for (size_t i = 1; i < count; i++) {
        const char *data, *keys;
        size_t len;
        if (!o[i].stream || ((*lens)[i] = deflatable(o, count, i, &data, &len, &keys)) == 0)
            continue;
        struct rp_pdf_deflation *mine = i < own_count && own[i].data ? &own[i] : NULL;
        if (mine && len != 0)
            goto done; /* libharu wrote content where rapport keeps it */
        if (mine && mine->z && mine->rc == 0) {
            (*z)[i] = *mine;
            mine->z = NULL; /* the packer's now */
            continue;
        }
        batch[n] = mine ? (struct rp_pdf_deflation){.data = mine->data, .len = mine->len}
                        : (struct rp_pdf_deflation){.data = data, .len = len};
        at[n++] = i;
    }
    for (size_t i = 1; i < own_count; i++)
        if (own[i].data && (i >= count || !(*lens)[i]))
            goto done; /* content with no stream to go to: its page would be blank */
    rp_pdf_deflate_all(batch, n, CONTENT_LEVEL, threads);
    rc = 0;
    for (size_t k = 0; k < n; k++) {
        (*z)[at[k]] = batch[k];
        if (batch[k].rc != 0 && at[k] < own_count && own[at[k]].data)
            rc = -1;
    }
done:
    free(batch), free(at);
    return rc;
}

/* Big-endian `v` in `w` bytes. */
static void put_be(unsigned char *e, unsigned long v, int w)
{
    for (int i = w - 1; i >= 0; i--, v >>= 8)
        e[i] = (unsigned char)(v & 0xFF);
}

/* The cross-reference stream `number` at offset `at`: a row per object of `w` = 1 + `wo` +
 * 2 bytes, each row preceded by the PNG "Up" predictor's tag and made of the differences
 * with the row above (rows alike compress to almost nothing). */
static int add_xref(struct rp_buf *out, const struct object *o, size_t count, unsigned first_stream,
                    size_t streams, const size_t *stream_at, unsigned number, size_t at,
                    const char *keys, int level)
{
    int wo = at > 0xFFFFFF ? 4 : at > 0xFFFF ? 3 : 2;
    size_t w = 1 + (size_t)wo + 2, rows = (size_t)number + 1;
    unsigned char *raw = calloc(rows, w), *png = calloc(rows, w + 1);
    if (!raw || !png) {
        free(raw), free(png);
        return -1;
    }
    put_be(raw, 0, 1), put_be(raw + 1 + wo, 0xFFFF, 2); /* object 0: the head of the free list */
    for (size_t i = 1; i < count; i++) {
        unsigned char *e = raw + i * w;
        if (o[i].stream)
            put_be(e, 1, 1), put_be(e + 1, o[i].at, wo);
        else
            put_be(e, 2, 1), put_be(e + 1, o[i].in_stream, wo), put_be(e + 1 + wo, o[i].index, 2);
    }
    for (size_t k = 0; k < streams; k++)
        put_be(raw + (first_stream + k) * w, 1, 1),
            put_be(raw + (first_stream + k) * w + 1, stream_at[k], wo);
    put_be(raw + number * w, 1, 1), put_be(raw + number * w + 1, at, wo);
    for (size_t r = 0; r < rows; r++) {
        png[r * (w + 1)] = 2;
        for (size_t c = 0; c < w; c++)
            png[r * (w + 1) + 1 + c] =
                (unsigned char)(raw[r * w + c] - (r ? raw[(r - 1) * w + c] : 0));
    }
    char dict[160];
    snprintf(dict, sizeof dict,
             "/Type /XRef /Size %u /W [1 %d 2] /DecodeParms <</Predictor 12 /Columns %zu>>%s",
             number + 1, wo, w, "");
    struct rp_buf d = {0};
    rp_buf_adds(&d, dict);
    rp_buf_adds(&d, keys);
    int rc = add_stream(out, number, d.data, png, rows * (w + 1), level);
    free(d.data);
    free(raw), free(png);
    return rc;
}

/* The object streams after the input's objects, then the cross-reference stream. */
static size_t object_streams(size_t plain)
{
    return (plain + PER_STREAM - 1) / PER_STREAM;
}

unsigned rp_pdf_pack_next_object(size_t entries, size_t plain)
{
    return (unsigned)(entries + object_streams(plain) + 1);
}

int rp_pdf_pack(const char *in, size_t len, int level, int threads, struct rp_pdf_deflation *own,
                size_t own_count, struct rp_buf *out, struct rp_pdf_packed *packed)
{
    const char *end = in + len, *q, *after = NULL;
    /* The last "startxref" gives the table; libharu writes it once, at the end. */
    if (len < 32 || !ends(in, end, "\n%%EOF\n"))
        return -1;
    for (q = end - 8; q > in && *q != '\n'; q--)
        ;
    long xref = number_at(q + 1, end, &after);
    if (q - in < 10 || !ends(in, q, "\nstartxref") || xref <= 0 || (size_t)xref >= len ||
        after != end - 7)
        return -1;
    struct object *o = NULL;
    const char *trailer = NULL;
    size_t header = 0, count = read_objects(in, len, (size_t)xref, &o, &header, &trailer);
    if (!count)
        return -1;
    struct rp_buf keys = {0}, objects = {0}, head = {0}, dict = {0};
    size_t base = out->len, plain = 0;
    unsigned first_stream = (unsigned)count;
    size_t *stream_at = NULL, *lens = NULL;
    struct rp_pdf_deflation *z = NULL;
    int rc = -1;
    if (trailer_keys(trailer, end, &keys) != 0)
        goto done;
    for (size_t i = 1; i < count; i++)
        plain += !o[i].stream;
    size_t streams = object_streams(plain);
    stream_at = calloc(streams + 1, sizeof *stream_at);
    if (!stream_at || deflate_streams(o, count, threads, own, own_count, &z, &lens) != 0)
        goto done;
    /* The header, then the streams as they were, then the packed objects. */
    rp_buf_add(out, in, header);
    for (size_t i = 1; i < count; i++) {
        if (!o[i].stream)
            continue;
        o[i].at = out->len - base;
        copy_stream(out, o, count, i, lens[i], &z[i]);
    }
    size_t i = 1;
    for (size_t k = 0; k < streams; k++) {
        objects.len = head.len = dict.len = 0;
        unsigned n = 0;
        for (; i < count && n < PER_STREAM; i++) {
            if (o[i].stream)
                continue;
            if (n)
                rp_buf_add(&head, " ", 1);
            put_uint(&head, i);
            rp_buf_add(&head, " ", 1);
            put_uint(&head, objects.len);
            if (o[i].deflated)
                put_uint(&objects, o[i].new_len);
            else
                rp_buf_add(&objects, o[i].body, o[i].len);
            rp_buf_add(&objects, "\n", 1);
            o[i].in_stream = first_stream + (unsigned)k;
            o[i].index = n++;
        }
        rp_buf_add(&head, "\n", 1);
        rp_buf_adds(&dict, "/Type /ObjStm /N ");
        put_uint(&dict, n);
        rp_buf_adds(&dict, " /First ");
        put_uint(&dict, head.len);
        rp_buf_add(&head, objects.data, objects.len);
        stream_at[k] = out->len - base;
        if (add_stream(out, first_stream + (unsigned)k, dict.data, head.data, head.len, level) != 0)
            goto done;
    }
    unsigned number = first_stream + (unsigned)streams;
    size_t at = out->len - base;
    if (add_xref(out, o, count, first_stream, streams, stream_at, number, at,
                 keys.data ? keys.data : "", level) != 0)
        goto done;
    rp_buf_adds(out, "startxref\n");
    put_uint(out, at);
    rp_buf_adds(out, "\n%%EOF\n");
    packed->xref_at = at;
    packed->next_object = number + 1;
    rc = 0;
done:
    if (rc != 0 && out->data) {
        out->len = base;
        out->data[base] = '\0';
    }
    if (z)
        for (size_t k = 0; k < count; k++)
            free(z[k].z);
    free(z), free(lens);
    free(o);
    free(stream_at);
    free(keys.data), free(objects.data), free(head.data), free(dict.data);
    return rc;
}
