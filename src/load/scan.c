/* The markup scan that runs before libxml2: libxml2 2.9 checks each attribute of a start tag
 * against every earlier one (100,000 attributes on one element take minutes) and looks each
 * prefixed name up through every namespace declaration in scope. Counting here is linear. */
#include "load/scan.h"

#include <stdbool.h>
#include <string.h>

/* The input as code units: bytes, or UTF-16 units in either byte order. Only ASCII units
 * matter to the scan; every other unit is just "not markup". */
struct units {
    const unsigned char *d;
    size_t n; /* in units */
    int width;
    bool big_endian;
};

static unsigned at(const struct units *u, size_t i)
{
    if (u->width == 1)
        return u->d[i];
    const unsigned char *p = u->d + 2 * i;
    return u->big_endian ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static bool starts(const struct units *u, size_t i, const char *s)
{
    for (; *s; s++, i++)
        if (i >= u->n || at(u, i) != (unsigned char)*s)
            return false;
    return true;
}

/* The index just past the first `s` at or after `i`, or the end of the input. */
static size_t past(const struct units *u, size_t i, const char *s)
{
    size_t len = strlen(s);
    for (; i + len <= u->n; i++)
        if (at(u, i) == (unsigned char)s[0] && starts(u, i, s))
            return i + len;
    return u->n;
}

static bool is_space(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool ends_name(unsigned c)
{
    return is_space(c) || c == '=' || c == '>' || c == '/' || c == '<' || c == '"' || c == '\'';
}

/* Byte order marks and the first characters of "<?xml" tell the encoding (XML 1.0 appendix
 * F). Returns false for the encodings the scan cannot read (UCS-4, EBCDIC). */
static bool detect(const unsigned char *d, size_t size, struct units *u)
{
    static const unsigned char refused[][4] = {
        {0, 0, 0, 0x3C},    {0x3C, 0, 0, 0},    {0, 0, 0x3C, 0},         {0, 0x3C, 0, 0},
        {0, 0, 0xFE, 0xFF}, {0xFF, 0xFE, 0, 0}, {0x4C, 0x6F, 0xA7, 0x94}};
    for (size_t k = 0; size >= 4 && k < sizeof refused / sizeof *refused; k++)
        if (memcmp(d, refused[k], 4) == 0)
            return false;
    u->d = d;
    u->width = 1;
    u->big_endian = false;
    if (size >= 2 && ((d[0] == 0xFE && d[1] == 0xFF) || (d[0] == 0 && d[1] == 0x3C))) {
        u->width = 2;
        u->big_endian = true;
    } else if (size >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0x3C && d[1] == 0))) {
        u->width = 2;
    }
    u->n = size / (size_t)u->width;
    return true;
}

/* Whether `name` (len bytes) is one of the NULL-terminated `names`, ignoring ASCII case; a
 * name ending in '*' matches any longer name with that prefix. */
static bool named(const char *name, size_t len, const char *const *names)
{
    for (; *names; names++) {
        size_t n = strlen(*names), k = 0;
        bool prefix = (*names)[n - 1] == '*';
        n -= prefix;
        if (prefix ? len <= n : len != n)
            continue;
        while (k < n && (name[k] >= 'a' && name[k] <= 'z' ? name[k] - 32 : name[k]) == (*names)[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* libxml2 switches decoders at the encoding declaration, so the scan reads the file as the
 * parser will only if the declaration names an encoding with the layout detected: ASCII
 * bytes for 8-bit files, UTF-16 for 16-bit ones (where libxml2 ignores a UTF-8 label). */
static bool declaration_fits(const struct units *u)
{
    static const char *const wide[] = {"UTF-8",    "UTF8",     "UTF-16", "UTF16",
                                       "UTF-16LE", "UTF-16BE", NULL};
    static const char *const narrow[] = {"UTF-8",  "UTF8",       "US-ASCII",     "ASCII",
                                         "LATIN1", "ISO-8859-*", "WINDOWS-125*", NULL};
    size_t i = 0;
    if (u->width == 2 && at(u, 0) == 0xFEFF)
        i = 1;
    else if (u->width == 1 && starts(u, 0, "\xEF\xBB\xBF"))
        i = 3;
    if (!starts(u, i, "<?xml"))
        return true;
    size_t end = past(u, i, "?>");
    size_t enc = past(u, i, "encoding");
    if (enc >= end)
        return true;
    while (enc < end && (is_space(at(u, enc)) || at(u, enc) == '='))
        enc++;
    if (enc >= end || (at(u, enc) != '"' && at(u, enc) != '\''))
        return true; /* malformed: the parser says so */
    unsigned quote = at(u, enc++);
    char name[32];
    size_t len = 0;
    while (enc < end && at(u, enc) != quote && len < sizeof name) {
        unsigned c = at(u, enc++);
        name[len++] = c < 0x80 ? (char)c : '?';
    }
    return named(name, len, u->width == 2 ? wide : narrow);
}

/* Counts the attributes of the start tag whose name starts at *pos, and adds its namespace
 * declarations to *ns; sets *pos past the tag. */
static enum rp_scan_status start_tag(const struct units *u, size_t *pos, size_t *ns)
{
    size_t i = *pos, attributes = 0;
    while (i < u->n && !ends_name(at(u, i)))
        i++;
    enum rp_scan_status status = RP_SCAN_OK;
    while (i < u->n && status == RP_SCAN_OK) {
        unsigned c = at(u, i);
        if (is_space(c) || c == '/') {
            i++;
            continue;
        }
        if (c == '>' || c == '<') { /* a '<' here is malformed: the parser reports it */
            i += c == '>';
            break;
        }
        size_t name = i;
        while (i < u->n && !ends_name(at(u, i)))
            i++;
        attributes++;
        if (starts(u, name, "xmlns") && (i - name == 5 || at(u, name + 5) == ':'))
            (*ns)++;
        if (attributes > RP_MAX_ATTRIBUTES)
            status = RP_SCAN_TOO_MANY_ATTRIBUTES;
        else if (*ns > RP_MAX_NS_DECLS)
            status = RP_SCAN_TOO_MANY_NS_DECLS;
        while (i < u->n && (is_space(at(u, i)) || at(u, i) == '='))
            i++;
        if (i < u->n && (at(u, i) == '"' || at(u, i) == '\'')) {
            unsigned quote = at(u, i++);
            while (i < u->n && at(u, i) != quote)
                i++; /* a value may hold '>' and '/' */
            i += i < u->n;
        }
    }
    *pos = i;
    return status;
}

static void locate(const struct units *u, size_t at_unit, struct rp_scan_result *r)
{
    size_t line_start = 0;
    r->line = 1;
    for (size_t i = 0; i < at_unit; i++)
        if (at(u, i) == '\n') {
            r->line++;
            line_start = i + 1;
        }
    r->col = (long)(at_unit - line_start) + 1;
}

struct rp_scan_result rp_scan_markup(const char *data, size_t size)
{
    struct rp_scan_result r = {RP_SCAN_OK, 1, 1};
    struct units u;
    if (!detect((const unsigned char *)data, size, &u) || !declaration_fits(&u)) {
        r.status = RP_SCAN_UNSUPPORTED_ENCODING;
        return r;
    }
    size_t i = 0, ns = 0;
    while (i < u.n) {
        if (at(&u, i) != '<') {
            i++;
        } else if (starts(&u, i, "<!--")) {
            i = past(&u, i + 4, "-->");
        } else if (starts(&u, i, "<![CDATA[")) {
            i = past(&u, i + 9, "]]>");
        } else if (starts(&u, i, "<?")) {
            i = past(&u, i + 2, "?>");
        } else if (starts(&u, i, "<!") || starts(&u, i, "</")) {
            i = past(&u, i + 2, ">");
        } else {
            size_t tag = i++;
            r.status = start_tag(&u, &i, &ns);
            if (r.status != RP_SCAN_OK) {
                locate(&u, tag, &r);
                return r;
            }
        }
    }
    return r;
}
