#!/usr/bin/python3
"""The machine-checkable rules of PDF/UA-1 and PDF/A-2 level A, checked on rapport's PDFs.

There is no veraPDF here (nor in Debian), so this checker holds rapport's output to the rules
that software can decide: the failure conditions of the Matterhorn Protocol 1.1 that the
protocol marks as machine-testable, and the clauses of ISO 19005-2 (PDF/A-2) that apply to what
rapport writes, at level A. docs/accessibility.md lists every rule, the function here that
checks it, and the rules that only a person can judge.

Run it with Debian's Python (/usr/bin/python3), which has python3-pikepdf:

    /usr/bin/python3 tests/scripts/lib/pdfcheck.py [--max-per-rule N] [--jobs N] FILE.pdf...

Output, one line per failure:  PATH: page N: [RULE] message   (the page when there is one)
and one summary line per file:  PATH: ok (...)  or  PATH: FAIL: N failures (rule xN, ...)
Exit 0 when every file passes, 1 when any fails, 2 on a usage error.

RULE names the rule a failure breaks:
  UA NN-NNN    a Matterhorn Protocol 1.1 failure condition (PDF/UA-1, ISO 14289-1)
  A 6.x.y      a clause of ISO 19005-2 (PDF/A-2), as veraPDF numbers its tests
  PDF 14.x     a requirement of ISO 32000-1 itself (structure tree plumbing both build on)
  rapport      a rule of rapport's own (what it promises beyond the standards)

Each check_* function below checks one group of rules; the comment above it lists the ids it
decides, so that the documentation can point at it.
"""
import argparse
import collections
import concurrent.futures
import datetime
import decimal
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

try:
    import pikepdf
except ImportError:  # the test script reports this with the package's name
    sys.stderr.write('pdfcheck: pikepdf is missing (Debian package python3-pikepdf; '
                     'run with /usr/bin/python3)\n')
    sys.exit(2)

Name = pikepdf.Name
Dictionary = pikepdf.Dictionary
Array = pikepdf.Array
Stream = pikepdf.Stream


# ----------------------------------------------------------------- the report of one file

class Ctx:
    """One PDF being checked: the open document, its bytes, and the failures found."""

    def __init__(self, path, max_per_rule):
        self.path = path
        self.max_per_rule = max_per_rule
        self.failures = []                      # (page or None, rule, message)
        self.count = collections.Counter()      # rule -> failures found
        with open(path, 'rb') as f:
            self.raw = f.read()
        self.pdf = pikepdf.open(path)
        self.pages = list(self.pdf.pages)
        self.page_no = {p.obj.objgen: i + 1 for i, p in enumerate(self.pages)}
        # Filled by the content scan, read by the font, structure and colour checks.
        self.mcids = {}          # container objgen -> {mcid: page number}
        self.used = {}           # font objgen -> {code: (page, rendered)}
        self.fonts = {}          # font objgen -> FontInfo
        self.colour_use = {}     # 'RGB'/'Gray'/'CMYK' -> first page
        self.pua_mcids = []      # (container objgen, mcid, page) drawing PUA text without ActualText
        self.xobject_draws = collections.Counter()   # form objgen -> times drawn
        self.form_has_mcid = set()
        self.stats = collections.Counter()

    def fail(self, rule, message, page=None):
        self.count[rule] += 1
        if self.max_per_rule and self.count[rule] > self.max_per_rule:
            return
        self.failures.append((page, rule, message))

    def page_of(self, obj):
        try:
            return self.page_no.get(obj.objgen)
        except Exception:
            return None


def objgen(o):
    try:
        og = o.objgen
    except Exception:
        return None
    return og if og != (0, 0) else None


def name(o):
    """A Name's text without the slash, or None."""
    if isinstance(o, Name):
        return str(o)[1:]
    return None


def text(o):
    if isinstance(o, pikepdf.String):
        return str(o)
    return None


def get(d, key, default=None):
    try:
        if key in d:
            return d[key]
    except Exception:
        pass
    return default


def as_int(o):
    try:
        return int(o)
    except Exception:
        return None


def as_list(o):
    if o is None:
        return []
    if isinstance(o, Array):
        return list(o)
    return [o]


# ----------------------------------------------------------------- ISO 19005-2 6.1: file structure

# A 6.1.2 (header and binary comment), A 6.1.3 (trailer /ID, no /Encrypt, nothing after
# %%EOF), A 6.1.4 (xref keyword spacing), A 6.1.7 (stream /Length exact, stream/endstream
# EOLs, no F/FFilter/FDecodeParms, no LZW or unknown filters), A 6.1.9 (object headers:
# "N G obj" on a line of its own), A 6.1.13 (implementation limits); UA 26-001/26-002 (no
# encryption at all, so neither can fail).
def check_file_structure(ctx):
    raw = ctx.raw
    m = re.match(rb'%PDF-1\.[0-7](\r\n|\r|\n)%(....)', raw)
    if not m:
        ctx.fail('A 6.1.2', 'header is not "%PDF-1.n" (n 0-7) followed by one EOL and a comment')
    elif not all(b > 127 for b in m.group(2)):
        ctx.fail('A 6.1.2', 'the comment after the header does not start with four bytes above 127')

    trailer = ctx.pdf.trailer
    ids = get(trailer, '/ID')
    if not isinstance(ids, Array) or len(ids) != 2 or not all(
            isinstance(x, pikepdf.String) and len(bytes(x)) > 0 for x in ids):
        ctx.fail('A 6.1.3', 'the trailer has no /ID of two non-empty strings')
    if '/Encrypt' in trailer or ctx.pdf.is_encrypted:
        ctx.fail('A 6.1.3', 'the file is encrypted (/Encrypt in the trailer)')

    eof = raw.rfind(b'%%EOF')
    if eof < 0:
        ctx.fail('A 6.1.3', 'no %%EOF marker')
    elif raw[eof + 5:] not in (b'', b'\n', b'\r\n', b'\r'):
        ctx.fail('A 6.1.3', '%d bytes follow the last %%%%EOF' % len(raw[eof + 5:]))

    offsets = _xref_offsets(ctx)
    if offsets is None:
        offsets = _scan_offsets(raw)
    for og, off in offsets.items():
        if off <= 0 or off >= len(raw):
            continue
        m = OBJ_HEADER.match(raw, off)
        if not m or (int(m.group(1)), int(m.group(2))) != og or raw[off - 1:off] not in (b'\r', b'\n'):
            ctx.fail('A 6.1.9', 'object %d %d: its header is not "N G obj" between EOLs' % og)

    limits_checked = 0
    for obj in ctx.pdf.objects:
        og = objgen(obj)
        if isinstance(obj, Stream) and og:
            _check_stream(ctx, obj, og, offsets.get(og))
        limits_checked += _check_limits(ctx, obj, og)
    if len(ctx.pdf.objects) > 8388607:
        ctx.fail('A 6.1.13', 'more than 8388607 indirect objects')
    for i, page in enumerate(ctx.pages):
        for box in ('/MediaBox', '/CropBox', '/BleedBox', '/TrimBox', '/ArtBox'):
            b = get(page.obj, box)
            if isinstance(b, Array) and len(b) == 4:
                w, h = abs(float(b[2]) - float(b[0])), abs(float(b[3]) - float(b[1]))
                if not (3 <= w <= 14400 and 3 <= h <= 14400):
                    ctx.fail('A 6.1.13', '%s is %gx%g, outside 3..14400' % (box, w, h), i + 1)


OBJ_HEADER = re.compile(rb'(\d+) (\d+) obj(\r\n|\r|\n)')


def _xref_offsets(ctx):
    """Object offsets from the classic cross-reference tables (None for xref streams), and
    the xref keyword's spacing (A 6.1.4)."""
    raw = ctx.raw
    m = re.search(rb'startxref\s+(\d+)\s+%%EOF\s*$', raw[-1024:])
    if not m:
        return None
    pos, offsets, seen = int(m.group(1)), {}, set()
    while pos not in seen and 0 <= pos < len(raw):
        seen.add(pos)
        if raw[pos:pos + 4] != b'xref':
            return None if not offsets else offsets
        if not re.match(rb'xref(\r\n|\r|\n)\d', raw[pos:pos + 8]):
            ctx.fail('A 6.1.4', 'the xref keyword is not followed by exactly one EOL')
        end = raw.find(b'trailer', pos)
        if end < 0:
            return None
        lines = raw[pos + 4:end].split()
        k = 0
        while k + 1 < len(lines):
            start, count = int(lines[k]), int(lines[k + 1])
            k += 2
            for j in range(count):
                off, gen, kind = lines[k], lines[k + 1], lines[k + 2]
                k += 3
                og = (start + j, int(gen))
                if kind == b'n' and og not in offsets:
                    offsets[og] = int(off)
        prev = re.search(rb'/Prev\s+(\d+)', raw[end:end + 2048].split(b'startxref')[0])
        if not prev:
            break
        pos = int(prev.group(1))
    return offsets


def _scan_offsets(raw):
    offsets = {}
    for m in re.finditer(rb'(?:^|[\r\n])(\d+) (\d+) obj\b', raw):
        offsets[(int(m.group(1)), int(m.group(2)))] = m.start(1)
    return offsets


ALLOWED_FILTERS = {'ASCIIHexDecode', 'ASCII85Decode', 'FlateDecode', 'RunLengthDecode',
                   'CCITTFaxDecode', 'JBIG2Decode', 'DCTDecode', 'JPXDecode'}


def _check_stream(ctx, s, og, off):
    d = s.stream_dict
    for key in ('/F', '/FFilter', '/FDecodeParms'):
        if key in d:
            ctx.fail('A 6.1.7', 'stream %d %d has %s (an external stream)' % (og[0], og[1], key))
    for f in as_list(get(d, '/Filter')):
        n = name(f)
        if n == 'Crypt':
            parms = get(d, '/DecodeParms')
            if not (isinstance(parms, Dictionary) and name(get(parms, '/Name')) == 'Identity'):
                ctx.fail('A 6.1.7', 'stream %d %d uses the Crypt filter' % og)
        elif n not in ALLOWED_FILTERS:
            ctx.fail('A 6.1.7', 'stream %d %d uses the filter %s (LZW and unknown filters are forbidden)'
                     % (og[0], og[1], n))
    if off is None:
        return
    raw = ctx.raw
    k = raw.find(b'stream', off)
    nxt = raw.find(b'endobj', off)
    if k < 0 or (0 <= nxt < k):
        return
    m = re.match(rb'stream(\r\n|\n)', raw[k:k + 8])
    if not m:
        ctx.fail('A 6.1.7', 'stream %d %d: the stream keyword is not followed by CRLF or LF' % og)
        return
    start = k + len(m.group(0))
    length = as_int(get(d, '/Length'))
    if length is None:
        ctx.fail('A 6.1.7', 'stream %d %d has no integer /Length' % og)
        return
    if not re.match(rb'(\r\n|\r|\n)endstream', raw[start + length:start + length + 12]):
        real = raw.find(b'endstream', start)
        actual = real - start
        while actual > 0 and raw[start + actual - 1:start + actual] in (b'\n', b'\r'):
            actual -= 1
        ctx.fail('A 6.1.7', 'stream %d %d: /Length is %d but the data is %d bytes (or endstream '
                 'is not preceded by an EOL)' % (og[0], og[1], length, actual))


def _check_limits(ctx, obj, og, depth=0):
    """A 6.1.13: integers, reals, strings and names within the implementation limits."""
    t = type(obj)
    if t is int:
        if not -2147483648 <= obj <= 2147483647:
            ctx.fail('A 6.1.13', 'integer %d out of range in object %s' % (obj, og))
        return 1
    if t is decimal.Decimal:
        if obj != 0 and not (REAL_MIN <= abs(obj) <= REAL_MAX):
            ctx.fail('A 6.1.13', 'real %s out of range in object %s' % (obj, og))
        return 1
    if t is bool or obj is None or depth > 64:
        return 1
    tc = obj._type_code
    n = 1
    if tc == OT.dictionary or tc == OT.stream:
        for k, v in obj.items():
            if len(k) > 128:
                ctx.fail('A 6.1.13', 'a name longer than 127 bytes: %s' % k[:40])
            if type(v) in SCALARS or not v.is_indirect:
                n += _check_limits(ctx, v, og, depth + 1)
    elif tc == OT.array:
        for v in obj:
            if type(v) in SCALARS or not v.is_indirect:
                n += _check_limits(ctx, v, og, depth + 1)
    elif tc == OT.string:
        if len(bytes(obj)) > 32767:
            ctx.fail('A 6.1.13', 'a string longer than 32767 bytes in object %s' % (og,))
    elif tc == OT.name_:
        if len(str(obj)) > 128:
            ctx.fail('A 6.1.13', 'a name longer than 127 bytes: %s' % str(obj)[:40])
    return n


OT = pikepdf.ObjectType
SCALARS = {int, bool, decimal.Decimal, type(None)}
REAL_MIN, REAL_MAX = decimal.Decimal('1.175e-38'), decimal.Decimal('3.403e38')


# ----------------------------------------------------------------- catalog and document-level rules

LANG_TAG = re.compile(r'^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$')


# UA 07-001/07-002 (DisplayDocTitle true), UA 11-001..11-004/11-006 (a non-empty catalog /Lang
# sets the language of page content, Alt/ActualText, outlines, annotation Contents and
# metadata), A 6.7.4 (every /Lang a language tag), UA 01-007 (Suspects), A 6.7.2.2 (MarkInfo
# Marked true), A 6.7.3.3 (StructTreeRoot), A 6.5.2 (no catalog /AA), A 6.4.1/6.4.2 and UA
# 25-001 (no NeedAppearances, XFA or NeedsRendering), A 6.9 and UA 20-001..20-003 (optional
# content configurations named, no AS), A 6.8 and UA 21-001 (embedded files with F and UF),
# A 6.10 (no AlternatePresentations, no PresSteps), A 6.11 (no Requirements).
def check_catalog(ctx):
    root = ctx.pdf.Root
    prefs = get(root, '/ViewerPreferences')
    ddt = get(prefs, '/DisplayDocTitle') if isinstance(prefs, Dictionary) else None
    if ddt is None:
        ctx.fail('UA 07-001', 'the catalog has no /ViewerPreferences /DisplayDocTitle')
    elif not bool(ddt):
        ctx.fail('UA 07-002', '/ViewerPreferences /DisplayDocTitle is false')

    lang = text(get(root, '/Lang'))
    if not lang:
        ctx.fail('UA 11-001', 'the catalog has no /Lang (or an empty one): the language of the '
                 'text, Alt texts, outlines, link Contents and metadata cannot be determined')
    elif not LANG_TAG.match(lang):
        ctx.fail('A 6.7.4', 'the catalog /Lang %r is not a language tag' % lang)

    mark = get(root, '/MarkInfo')
    if not isinstance(mark, Dictionary) or not bool(get(mark, '/Marked', False)):
        ctx.fail('A 6.7.2.2', 'the catalog has no /MarkInfo with /Marked true')
    if isinstance(mark, Dictionary) and bool(get(mark, '/Suspects', False)):
        ctx.fail('UA 01-007', '/MarkInfo /Suspects is true')
    if not isinstance(get(root, '/StructTreeRoot'), Dictionary):
        ctx.fail('A 6.7.3.3', 'the catalog has no /StructTreeRoot: the document has no structure')

    if '/AA' in root:
        ctx.fail('A 6.5.2', 'the catalog has an /AA (additional actions) entry')
    for i, p in enumerate(ctx.pages):
        if '/AA' in p.obj:
            ctx.fail('A 6.5.2', 'the page has an /AA (additional actions) entry', i + 1)
        if '/PresSteps' in p.obj:
            ctx.fail('A 6.10', 'the page has /PresSteps', i + 1)
    form = get(root, '/AcroForm')
    if isinstance(form, Dictionary):
        if bool(get(form, '/NeedAppearances', False)):
            ctx.fail('A 6.4.1', '/AcroForm /NeedAppearances is true')
        if '/XFA' in form:
            ctx.fail('A 6.4.2', '/AcroForm has an /XFA entry (UA 25-001 cannot hold either)')
    if bool(get(root, '/NeedsRendering', False)):
        ctx.fail('A 6.4.2', 'the catalog has /NeedsRendering')
    if '/Requirements' in root:
        ctx.fail('A 6.11', 'the catalog has /Requirements')

    ocp = get(root, '/OCProperties')
    if isinstance(ocp, Dictionary):
        configs = [('/D', get(ocp, '/D'))] + [('/Configs', c) for c in as_list(get(ocp, '/Configs'))]
        names = []
        for where, c in configs:
            if not isinstance(c, Dictionary):
                continue
            nm = text(get(c, '/Name'))
            if not nm:
                ctx.fail('UA 20-001' if where == '/Configs' else 'UA 20-002',
                         'an optional content configuration (%s) has no /Name' % where)
            names.append(nm)
            if '/AS' in c:
                ctx.fail('UA 20-003', 'an optional content configuration has an /AS entry')
        if len([n for n in names if n]) != len(set(n for n in names if n)):
            ctx.fail('A 6.9', 'two optional content configurations share a /Name')

    names = get(root, '/Names')
    if isinstance(names, Dictionary):
        if '/AlternatePresentations' in names:
            ctx.fail('A 6.10', 'the name dictionary has /AlternatePresentations')
        if '/JavaScript' in names:
            ctx.fail('A 6.5.1', 'the name dictionary has document-level /JavaScript')
        ef = get(names, '/EmbeddedFiles')
        if ef is not None:
            for key, spec in _name_tree(ef).items():
                if not isinstance(spec, Dictionary) or '/F' not in spec or '/UF' not in spec:
                    ctx.fail('UA 21-001', 'embedded file %r: its file specification lacks /F or /UF' % key)
                ctx.fail('A 6.8', 'embedded file %r: this checker cannot tell whether it is PDF/A' % key)


def _name_tree(node, out=None, depth=0):
    out = {} if out is None else out
    if not isinstance(node, Dictionary) or depth > 32:
        return out
    arr = get(node, '/Names')
    if isinstance(arr, Array):
        for i in range(0, len(arr) - 1, 2):
            out[text(arr[i]) if isinstance(arr[i], pikepdf.String) else str(arr[i])] = arr[i + 1]
    for kid in as_list(get(node, '/Kids')):
        _name_tree(kid, out, depth + 1)
    return out


def _number_tree(node, out=None, depth=0):
    out = {} if out is None else out
    if not isinstance(node, Dictionary) or depth > 32:
        return out
    arr = get(node, '/Nums')
    if isinstance(arr, Array):
        for i in range(0, len(arr) - 1, 2):
            k = as_int(arr[i])
            if k is not None:
                out[k] = arr[i + 1]
    for kid in as_list(get(node, '/Kids')):
        _number_tree(kid, out, depth + 1)
    return out


# ----------------------------------------------------------------- XMP metadata

NS = {
    'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    'x': 'adobe:ns:meta/',
    'dc': 'http://purl.org/dc/elements/1.1/',
    'xmp': 'http://ns.adobe.com/xap/1.0/',
    'pdf': 'http://ns.adobe.com/pdf/1.3/',
    'xmpMM': 'http://ns.adobe.com/xap/1.0/mm/',
    'xmpRights': 'http://ns.adobe.com/xap/1.0/rights/',
    'pdfaid': 'http://www.aiim.org/pdfa/ns/id/',
    'pdfuaid': 'http://www.aiim.org/pdfua/ns/id/',
    'pdfaExtension': 'http://www.aiim.org/pdfa/ns/extension/',
    'pdfaSchema': 'http://www.aiim.org/pdfa/ns/schema#',
    'pdfaProperty': 'http://www.aiim.org/pdfa/ns/property#',
    'pdfaType': 'http://www.aiim.org/pdfa/ns/type#',
    'pdfaField': 'http://www.aiim.org/pdfa/ns/field#',
}
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
# The schemas the XMP Specification (2005) and ISO 19005 predefine, with the properties the
# checker knows by name (None: any name of that schema is accepted).
PREDEFINED = {
    NS['dc']: {'contributor', 'coverage', 'creator', 'date', 'description', 'format', 'identifier',
               'language', 'publisher', 'relation', 'rights', 'source', 'subject', 'title', 'type'},
    NS['xmp']: {'Advisory', 'BaseURL', 'CreateDate', 'CreatorTool', 'Identifier', 'Label',
                'MetadataDate', 'ModifyDate', 'Nickname', 'Rating', 'Thumbnails'},
    NS['pdf']: {'Keywords', 'PDFVersion', 'Producer', 'Trapped'},
    NS['xmpMM']: {'DerivedFrom', 'DocumentID', 'History', 'InstanceID', 'ManagedFrom', 'Manager',
                  'ManageTo', 'ManageUI', 'ManagerVariant', 'RenditionClass', 'RenditionParams',
                  'VersionID', 'Versions', 'LastURL', 'RenditionOf', 'SaveID'},
    NS['xmpRights']: {'Certificate', 'Marked', 'Owner', 'UsageTerms', 'WebStatement'},
    NS['pdfaid']: {'part', 'conformance', 'amd', 'corr'},
    NS['pdfaExtension']: {'schemas'},
    'http://ns.adobe.com/photoshop/1.0/': None, 'http://ns.adobe.com/tiff/1.0/': None,
    'http://ns.adobe.com/exif/1.0/': None, 'http://ns.adobe.com/exif/1.0/aux/': None,
    'http://ns.adobe.com/camera-raw-settings/1.0/': None, 'http://ns.adobe.com/xap/1.0/bj/': None,
    'http://ns.adobe.com/xap/1.0/t/pg/': None, 'http://ns.adobe.com/xmp/1.0/DynamicMedia/': None,
}


def _q(prefix, local):
    return '{%s}%s' % (NS[prefix], local)


class Xmp:
    """The properties of an XMP packet: {(namespace, name): element or attribute text}."""

    def __init__(self, root):
        self.props = {}
        for desc in root.iter(_q('rdf', 'Description')):
            for k, v in desc.attrib.items():
                if k.startswith('{') and not k.startswith('{' + NS['rdf']):
                    ns, local = k[1:].split('}', 1)
                    self.props.setdefault((ns, local), v)
            for child in desc:
                if child.tag.startswith('{'):
                    ns, local = child.tag[1:].split('}', 1)
                    self.props.setdefault((ns, local), child)

    def has(self, prefix, local):
        return (NS[prefix], local) in self.props

    def simple(self, prefix, local):
        v = self.props.get((NS[prefix], local))
        if v is None or isinstance(v, str):
            return v
        return (v.text or '').strip() if len(v) == 0 else None

    def items(self, prefix, local):
        """The rdf:li of a Seq/Bag/Alt, as (lang, text)."""
        v = self.props.get((NS[prefix], local))
        if v is None or isinstance(v, str):
            return [] if v is None else [(None, v)]
        out = []
        for li in v.iter(_q('rdf', 'li')):
            out.append((li.get(XML_LANG), (li.text or '').strip()))
        return out

    def default_lang(self, prefix, local):
        items = self.items(prefix, local)
        for lang, t in items:
            if lang == 'x-default':
                return t
        return items[0][1] if items else None


# UA 06-001 (an XMP metadata stream in the catalog), UA 06-002 (pdfuaid:part, = 1), UA 06-003
# (dc:title), A 6.6.2.1 (metadata present, well-formed XML/RDF, UTF-8, no bytes/encoding in
# the xpacket header), A 6.6.2.3 (every property predefined or declared by an extension schema;
# pdfuaid declared with the PDF/A extension schema container, fields complete, prefixes as
# required), A 6.6.4 (pdfaid:part 2, pdfaid:conformance A, prefix pdfaid); rapport (the stream
# is /Type /Metadata /Subtype /XML, unfiltered; Info and XMP agree: Title/dc:title,
# Author/dc:creator, Subject/dc:description, Keywords/pdf:Keywords, Creator/xmp:CreatorTool,
# Producer/pdf:Producer, CreationDate/xmp:CreateDate, ModDate/xmp:ModifyDate).
def check_metadata(ctx):
    root = ctx.pdf.Root
    md = get(root, '/Metadata')
    if not isinstance(md, Stream):
        ctx.fail('UA 06-001', 'the catalog has no /Metadata stream (no XMP; A 6.6.2.1 and 6.6.4 '
                 'cannot hold either: no pdfaid, no pdfuaid, no dc:title)')
        return
    if name(get(md, '/Type')) != 'Metadata' or name(get(md, '/Subtype')) != 'XML':
        ctx.fail('rapport', 'the metadata stream is not /Type /Metadata /Subtype /XML')
    if '/Filter' in md:
        ctx.fail('rapport', 'the metadata stream is filtered (%s): rapport writes it plain so that '
                 'any tool can find it' % get(md, '/Filter'))
    data = md.read_bytes()
    try:
        xml_text = data.decode('utf-8')
    except UnicodeDecodeError:
        ctx.fail('A 6.6.2.1', 'the XMP packet is not UTF-8')
        return
    head = re.search(r'<\?xpacket\s+begin=([^?]*)\?>', xml_text)
    if not head:
        ctx.fail('A 6.6.2.1', 'the XMP packet has no <?xpacket begin=...?> header')
    else:
        if re.search(r'\bbytes\s*=', head.group(1)):
            ctx.fail('A 6.6.2.1', 'the xpacket header has a bytes attribute')
        if re.search(r'\bencoding\s*=', head.group(1)):
            ctx.fail('A 6.6.2.1', 'the xpacket header has an encoding attribute')
    if not re.search(r'<\?xpacket\s+end=["\'][rw]["\']\s*\?>\s*$', xml_text):
        ctx.fail('A 6.6.2.1', 'the XMP packet does not end with <?xpacket end="w"?>')
    try:
        tree = ET.fromstring(data)
    except ET.ParseError as e:
        ctx.fail('A 6.6.2.1', 'the XMP packet is not well-formed XML: %s' % e)
        return
    if tree.find('.//' + _q('rdf', 'RDF')) is None and tree.tag != _q('rdf', 'RDF'):
        ctx.fail('A 6.6.2.1', 'the XMP packet has no rdf:RDF')
        return
    xmp = Xmp(tree)

    # Identification: PDF/A-2a and PDF/UA-1.
    for prefix, want in (('pdfaid', 'pdfaid'), ('pdfuaid', 'pdfuaid')):
        for p in re.findall(r'xmlns:([\w.-]+)\s*=\s*["\']%s["\']' % re.escape(NS[prefix]), xml_text):
            if p != want:
                ctx.fail('A 6.6.4' if prefix == 'pdfaid' else 'UA 06-002',
                         'the %s namespace uses the prefix %r instead of %s' % (prefix, p, want))
    part, conf = xmp.simple('pdfaid', 'part'), xmp.simple('pdfaid', 'conformance')
    if part is None:
        ctx.fail('A 6.6.4', 'XMP has no pdfaid:part (the PDF/A identification)')
    elif part != '2':
        ctx.fail('A 6.6.4', 'pdfaid:part is %r, not 2' % part)
    if conf is None:
        ctx.fail('A 6.6.4', 'XMP has no pdfaid:conformance')
    elif conf != 'A':
        ctx.fail('A 6.6.4', 'pdfaid:conformance is %r, not A' % conf)
    ua = xmp.simple('pdfuaid', 'part')
    if ua is None:
        ctx.fail('UA 06-002', 'XMP has no pdfuaid:part (the PDF/UA identification)')
    elif ua != '1':
        ctx.fail('UA 06-002', 'pdfuaid:part is %r, not 1' % ua)
    title = xmp.default_lang('dc', 'title')
    if not title:
        ctx.fail('UA 06-003', 'XMP has no dc:title (or an empty one)')

    _check_extension_schemas(ctx, xmp, xml_text)
    _check_info_agrees(ctx, xmp)


def _check_extension_schemas(ctx, xmp, xml_text):
    declared = {}   # namespace -> {property name: (valueType, category, description)}
    for bag in [v for (ns, local), v in xmp.props.items()
                if ns == NS['pdfaExtension'] and local == 'schemas' and not isinstance(v, str)]:
        for li in bag.iter(_q('rdf', 'li')):
            if li.find(_q('pdfaSchema', 'namespaceURI')) is None and li.get(_q('pdfaSchema', 'namespaceURI')) is None:
                continue
            fields = {}
            for f in ('schema', 'namespaceURI', 'prefix'):
                node = li.find(_q('pdfaSchema', f))
                fields[f] = (node.text or '').strip() if node is not None else li.get(_q('pdfaSchema', f))
                if not fields[f]:
                    ctx.fail('A 6.6.2.3', 'an extension schema has no pdfaSchema:%s' % f)
            props = {}
            pnode = li.find(_q('pdfaSchema', 'property'))
            if pnode is None:
                ctx.fail('A 6.6.2.3', 'extension schema %s has no pdfaSchema:property' % fields['namespaceURI'])
            else:
                for pli in pnode.iter(_q('rdf', 'li')):
                    vals = {}
                    for f in ('name', 'valueType', 'category', 'description'):
                        node = pli.find(_q('pdfaProperty', f))
                        vals[f] = (node.text or '').strip() if node is not None else pli.get(_q('pdfaProperty', f))
                        if not vals[f]:
                            ctx.fail('A 6.6.2.3', 'extension schema %s: a property has no pdfaProperty:%s'
                                     % (fields['namespaceURI'], f))
                    if vals.get('category') and vals['category'] not in ('internal', 'external'):
                        ctx.fail('A 6.6.2.3', 'extension schema %s: property %s has category %r'
                                 % (fields['namespaceURI'], vals.get('name'), vals['category']))
                    if vals.get('name'):
                        props[vals['name']] = vals
            if fields.get('namespaceURI'):
                declared[fields['namespaceURI']] = props
    for prefix in ('pdfaExtension', 'pdfaSchema', 'pdfaProperty'):
        for p in re.findall(r'xmlns:([\w.-]+)\s*=\s*["\']%s["\']' % re.escape(NS[prefix]), xml_text):
            if p != prefix:
                ctx.fail('A 6.6.2.3', 'the %s namespace uses the prefix %r' % (prefix, p))

    for (ns, local) in xmp.props:
        if ns in PREDEFINED:
            known = PREDEFINED[ns]
            if known is not None and local not in known:
                ctx.fail('A 6.6.2.3', 'XMP property %s (of %s) is not defined by its schema' % (local, ns))
        elif ns in declared:
            if local not in declared[ns]:
                ctx.fail('A 6.6.2.3', 'XMP property %s of %s is not in its extension schema' % (local, ns))
        else:
            ctx.fail('A 6.6.2.3', 'XMP property %s of %s is neither predefined nor declared by a '
                     'pdfaExtension schema' % (local, ns))
    if xmp.has('pdfuaid', 'part'):
        part = declared.get(NS['pdfuaid'], {}).get('part')
        if part and part.get('valueType') != 'Integer':
            ctx.fail('A 6.6.2.3', 'the pdfuaid extension schema declares part as %r, not Integer'
                     % part.get('valueType'))


def _pdf_date(s):
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?'?", s or '')
    if not m:
        return None
    y, mo, d, h, mi, sec = (int(m.group(i)) if m.group(i) else dflt
                            for i, dflt in zip(range(1, 7), (0, 1, 1, 0, 0, 0)))
    tz = None
    if m.group(7):
        if m.group(7) in 'Zz':
            tz = datetime.timezone.utc
        else:
            off = datetime.timedelta(hours=int(m.group(8) or 0), minutes=int(m.group(9) or 0))
            tz = datetime.timezone(off if m.group(7) == '+' else -off)
    return datetime.datetime(y, mo, d, h, mi, sec, tzinfo=tz)


def _xmp_date(s):
    m = re.match(r'(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?'
                 r'(Z|[+-]\d{2}:\d{2})?)?)?)?$', (s or '').strip())
    if not m:
        return None
    y, mo, d, h, mi, sec = (int(m.group(i)) if m.group(i) else dflt
                            for i, dflt in zip(range(1, 7), (0, 1, 1, 0, 0, 0)))
    tz = None
    if m.group(7):
        if m.group(7) == 'Z':
            tz = datetime.timezone.utc
        else:
            sign = 1 if m.group(7)[0] == '+' else -1
            tz = datetime.timezone(sign * datetime.timedelta(hours=int(m.group(7)[1:3]),
                                                             minutes=int(m.group(7)[4:6])))
    return datetime.datetime(y, mo, d, h, mi, sec, tzinfo=tz)


def _check_info_agrees(ctx, xmp):
    info = get(ctx.pdf.trailer, '/Info')
    if not isinstance(info, Dictionary):
        return
    pairs = (('/Title', 'dc:title', lambda: xmp.default_lang('dc', 'title')),
             ('/Subject', 'dc:description', lambda: xmp.default_lang('dc', 'description')),
             ('/Keywords', 'pdf:Keywords', lambda: xmp.simple('pdf', 'Keywords')),
             ('/Creator', 'xmp:CreatorTool', lambda: xmp.simple('xmp', 'CreatorTool')),
             ('/Producer', 'pdf:Producer', lambda: xmp.simple('pdf', 'Producer')))
    for key, prop, value in pairs:
        v = text(get(info, key))
        if v is None:
            continue
        x = value()
        if x is None:
            ctx.fail('rapport', 'Info %s is %r but XMP has no %s' % (key, v, prop))
        elif x != v:
            ctx.fail('rapport', 'Info %s %r differs from XMP %s %r' % (key, v, prop, x))
    author = text(get(info, '/Author'))
    if author is not None:
        creators = [t for _, t in xmp.items('dc', 'creator')]
        if creators != [author]:
            ctx.fail('rapport', 'Info /Author %r differs from XMP dc:creator %r' % (author, creators))
    for key, prop in (('/CreationDate', ('xmp', 'CreateDate')), ('/ModDate', ('xmp', 'ModifyDate'))):
        v = text(get(info, key))
        if v is None:
            continue
        x = xmp.simple(*prop)
        a, b = _pdf_date(v), _xmp_date(x)
        if x is None:
            ctx.fail('rapport', 'Info %s is %r but XMP has no %s:%s' % (key, v, prop[0], prop[1]))
        elif a is None or b is None:
            ctx.fail('rapport', 'Info %s %r or XMP %s:%s %r is not a date' % (key, v, prop[0], prop[1], x))
        elif (a.tzinfo is None) != (b.tzinfo is None) or (
                a != b if a.tzinfo else a.replace(tzinfo=None) != b.replace(tzinfo=None)):
            ctx.fail('rapport', 'Info %s %r differs from XMP %s:%s %r' % (key, v, prop[0], prop[1], x))


# ----------------------------------------------------------------- output intent and colour

def _icc_header(data):
    if len(data) < 128 or data[36:40] != b'acsp':
        return None
    return {'version': data[8], 'class': data[12:16].decode('latin-1'),
            'space': data[16:20].decode('latin-1')}


# A 6.2.3 (a GTS_PDFA1 OutputIntent whose DestOutputProfile is a valid ICC output or monitor
# profile of GRAY/RGB/CMYK, version < 5, with N matching; several entries share one profile;
# rapport: sRGB, N = 3), A 6.2.4.2 (ICCBased colour spaces: valid profiles), A 6.2.4.3 (device
# colour only with a matching output intent: rg/RG, g/G, k/K and images' colour spaces, as
# the content scan found them).
def check_output_intent(ctx):
    intents = as_list(get(ctx.pdf.Root, '/OutputIntents'))
    ctx.output_space = None
    profiles = set()
    for oi in intents:
        if not isinstance(oi, Dictionary):
            continue
        prof = get(oi, '/DestOutputProfile')
        if isinstance(prof, Stream):
            profiles.add(objgen(prof))
        if name(get(oi, '/S')) != 'GTS_PDFA1':
            continue
        if not isinstance(prof, Stream):
            ctx.fail('A 6.2.3', 'the GTS_PDFA1 output intent has no DestOutputProfile stream')
            continue
        h = _icc_header(prof.read_bytes())
        if h is None:
            ctx.fail('A 6.2.3', 'the output intent profile is not an ICC profile')
            continue
        if h['class'] not in ('prtr', 'mntr') or h['space'] not in ('GRAY', 'RGB ', 'CMYK') or h['version'] >= 5:
            ctx.fail('A 6.2.3', 'the output intent profile is class %r, space %r, version %d'
                     % (h['class'], h['space'], h['version']))
        n = as_int(get(prof, '/N'))
        want = {'GRAY': 1, 'RGB ': 3, 'CMYK': 4}.get(h['space'])
        if n != want:
            ctx.fail('A 6.2.3', 'the output intent profile has /N %s but its colour space %r needs %s'
                     % (n, h['space'], want))
        if h['space'] != 'RGB ' or n != 3:
            ctx.fail('rapport', 'the output intent is not an RGB profile with N 3 (rapport draws sRGB)')
        ctx.output_space = {'GRAY': 'Gray', 'RGB ': 'RGB', 'CMYK': 'CMYK'}.get(h['space'])
    if ctx.output_space is None:
        ctx.fail('A 6.2.3', 'the catalog has no PDF/A output intent (/OutputIntents with /S '
                 '/GTS_PDFA1 and an ICC profile)')
    if len(profiles) > 1:
        ctx.fail('A 6.2.3', 'the output intents name different destination profiles')


def check_colour_use(ctx):
    for space, page in sorted(ctx.colour_use.items()):
        ok = (space == 'Gray' and ctx.output_space is not None) or space == ctx.output_space
        if not ok:
            ctx.fail('A 6.2.4.3', 'Device%s is used without a matching output intent' % space, page)


# ----------------------------------------------------------------- graphics resources

RENDERING_INTENTS = {'RelativeColorimetric', 'AbsoluteColorimetric', 'Perceptual', 'Saturation'}
BLEND_MODES = {'Normal', 'Compatible', 'Multiply', 'Screen', 'Overlay', 'Darken', 'Lighten',
               'ColorDodge', 'ColorBurn', 'HardLight', 'SoftLight', 'Difference', 'Exclusion',
               'Hue', 'Saturation', 'Color', 'Luminosity'}


# A 6.2.4.2 (ICCBased profiles valid), A 6.2.5 (ExtGState: no TR, TR2 only Default, no HTP;
# halftones of type 1 or 5 without HalftoneName), A 6.2.6 (rendering intents), A 6.2.8 (images:
# no Alternates, no OPI, Interpolate false), A 6.2.8.3 (JPEG2000: not written by rapport, so
# flagged for a person), A 6.2.9 and UA 30-001 (forms: no OPI, no PS, no Ref; no PostScript
# XObjects), A 6.2.10 (blend modes standard; transparency needs a page group with CS when there
# is no output intent).
def check_graphics_resources(ctx):
    seen = set()
    for obj in ctx.pdf.objects:
        og = objgen(obj)
        if og in seen or not isinstance(obj, (Dictionary, Stream)):
            continue
        d = obj.stream_dict if isinstance(obj, Stream) else obj
        t, st = name(get(d, '/Type')), name(get(d, '/Subtype'))
        if t == 'ExtGState' or (t is None and any(k in d for k in ('/CA', '/ca', '/BM', '/SMask', '/TR', '/HTP'))
                                and not isinstance(obj, Stream) and '/S' not in d):
            if '/TR' in d:
                ctx.fail('A 6.2.5', 'ExtGState %s has /TR' % (og,))
            if '/TR2' in d and name(get(d, '/TR2')) != 'Default':
                ctx.fail('A 6.2.5', 'ExtGState %s has /TR2 other than /Default' % (og,))
            if '/HTP' in d:
                ctx.fail('A 6.2.5', 'ExtGState %s has /HTP' % (og,))
            ri = name(get(d, '/RI'))
            if ri is not None and ri not in RENDERING_INTENTS:
                ctx.fail('A 6.2.6', 'ExtGState %s has the rendering intent %s' % (og, ri))
            for bm in as_list(get(d, '/BM')):
                if name(bm) not in BLEND_MODES:
                    ctx.fail('A 6.2.10', 'ExtGState %s has the blend mode %s' % (og, bm))
            ht = get(d, '/HT')
            if isinstance(ht, (Dictionary, Stream)):
                if as_int(get(ht, '/HalftoneType')) not in (1, 5):
                    ctx.fail('A 6.2.5', 'a halftone of type %s' % get(ht, '/HalftoneType'))
                if '/HalftoneName' in ht:
                    ctx.fail('A 6.2.5', 'a halftone with /HalftoneName')
        if isinstance(obj, Stream) and t in (None, 'XObject') and st == 'Image':
            for key in ('/Alternates', '/OPI'):
                if key in d:
                    ctx.fail('A 6.2.8', 'image %s has %s' % (og, key))
            if bool(get(d, '/Interpolate', False)):
                ctx.fail('A 6.2.8', 'image %s has /Interpolate true' % (og,))
            ri = name(get(d, '/Intent'))
            if ri is not None and ri not in RENDERING_INTENTS:
                ctx.fail('A 6.2.6', 'image %s has the rendering intent %s' % (og, ri))
            if 'JPXDecode' in [name(f) for f in as_list(get(d, '/Filter'))]:
                ctx.fail('A 6.2.8.3', 'image %s is JPEG 2000: rapport writes none, and this checker '
                         'cannot check one' % (og,))
            _note_colour_space(ctx, get(d, '/ColorSpace'), None)
        if isinstance(obj, Stream) and st == 'Form':
            if '/OPI' in d or '/PS' in d or name(get(d, '/Subtype2')) == 'PS':
                ctx.fail('A 6.2.9', 'form XObject %s has /OPI, /PS or /Subtype2 /PS' % (og,))
            if '/Ref' in d:
                ctx.fail('UA 30-001', 'form XObject %s is a reference XObject (/Ref; A 6.2.9 too)' % (og,))
        if isinstance(obj, Stream) and st == 'PS':
            ctx.fail('A 6.2.9', 'PostScript XObject %s' % (og,))
        if isinstance(obj, Array) and len(obj) == 2 and name(obj[0]) == 'ICCBased' and isinstance(obj[1], Stream):
            h = _icc_header(obj[1].read_bytes())
            if h is None or h['version'] >= 5 or h['class'] not in ('prtr', 'mntr', 'scnr', 'spac') \
                    or h['space'] not in ('GRAY', 'RGB ', 'CMYK', 'Lab '):
                ctx.fail('A 6.2.4.2', 'ICCBased colour space with an invalid or unsupported profile')
        seen.add(og)
    if ctx.output_space is None:
        for i, p in enumerate(ctx.pages):
            res = get(p.obj, '/Resources')
            if isinstance(res, Dictionary) and _has_transparency(res):
                g = get(p.obj, '/Group')
                if not (isinstance(g, Dictionary) and '/CS' in g):
                    ctx.fail('A 6.2.10', 'the page uses transparency but has no /Group with /CS '
                             '(and the file has no output intent)', i + 1)


def _has_transparency(res):
    for _, gs in _items(get(res, '/ExtGState')):
        if not isinstance(gs, Dictionary):
            continue
        for k in ('/CA', '/ca'):
            v = get(gs, k)
            if v is not None and float(v) < 1:
                return True
        if name(get(gs, '/SMask')) not in (None, 'None') or name(get(gs, '/BM')) not in (None, 'Normal', 'Compatible'):
            return True
    for _, x in _items(get(res, '/XObject')):
        if isinstance(x, Stream) and ('/SMask' in x or '/SMaskInData' in x):
            return True
        if isinstance(x, Stream) and name(get(x, '/Subtype')) == 'Form' and isinstance(get(x, '/Group'), Dictionary):
            return True
    return False


def _items(d):
    return list(d.items()) if isinstance(d, Dictionary) else []


def _note_colour_space(ctx, cs, page):
    n = name(cs)
    if n in ('DeviceRGB', 'RGB'):
        ctx.colour_use.setdefault('RGB', page)
    elif n in ('DeviceGray', 'G'):
        ctx.colour_use.setdefault('Gray', page)
    elif n in ('DeviceCMYK', 'CMYK'):
        ctx.colour_use.setdefault('CMYK', page)
    elif isinstance(cs, Array) and len(cs) > 1 and name(cs[0]) == 'Indexed':
        _note_colour_space(ctx, cs[1], page)


# ----------------------------------------------------------------- fonts

class FontInfo:
    """What the checks need of one font: how its codes are read, mapped and drawn."""

    def __init__(self, ctx, font):
        self.obj = font
        self.og = objgen(font)
        self.subtype = name(get(font, '/Subtype'))
        self.base = name(get(font, '/BaseFont')) or '?'
        self.two_byte = False
        self.decodable = True
        self.codespace = None        # embedded CMap: [(length, low bytes, high bytes)]
        self.code_cid = None         # embedded CMap: code -> CID
        self.cid_font = None
        self.gid_map = None          # bytes (CIDToGIDMap stream) or 'Identity'
        self.num_glyphs = None
        self.advances = None         # glyph id -> advance in 1/1000 em
        self.widths = {}             # code or CID -> width in the dictionary
        self.default_width = 1000
        self.to_unicode = None       # code -> str
        self.cmaps = None            # TrueType cmap subtables [(platform, encoding)]
        self.seen = set()            # (string, rendered) already recorded
        if self.subtype == 'Type0':
            enc = name(get(font, '/Encoding'))
            self.two_byte = True
            self.decodable = enc in ('Identity-H', 'Identity-V')
            encoding = get(font, '/Encoding')
            if isinstance(encoding, Stream):
                try:
                    self.codespace, self.code_cid = _parse_cmap(encoding.read_bytes())
                    self.decodable = bool(self.codespace)
                except Exception:
                    self.decodable = False
            dfs = as_list(get(font, '/DescendantFonts'))
            self.cid_font = dfs[0] if dfs and isinstance(dfs[0], Dictionary) else None
            if self.cid_font is not None:
                m = get(self.cid_font, '/CIDToGIDMap')
                if isinstance(m, Stream):
                    self.gid_map = m.read_bytes()
                elif name(m) == 'Identity':
                    self.gid_map = 'Identity'
                self.default_width = as_int(get(self.cid_font, '/DW')) or 1000
                self.widths = _cid_widths(get(self.cid_font, '/W'))
                self._read_program(get(self.cid_font, '/FontDescriptor'))
        else:
            first = as_int(get(font, '/FirstChar'))
            w = get(font, '/Widths')
            if first is not None and isinstance(w, Array):
                self.widths = {first + i: float(x) for i, x in enumerate(w)}
            self._read_program(get(font, '/FontDescriptor'))
        tu = get(font, '/ToUnicode')
        if isinstance(tu, Stream):
            try:
                self.to_unicode = _parse_to_unicode(tu.read_bytes())
            except Exception:
                self.to_unicode = {}
        self.pua_codes = {c for c, u in (self.to_unicode or {}).items() if any(_pua(ch) for ch in u)}

    def _read_program(self, desc):
        if not isinstance(desc, Dictionary):
            return
        ff = get(desc, '/FontFile2')
        if not isinstance(ff, Stream):
            return
        try:
            self._parse_truetype(ff.read_bytes())
        except Exception:
            self.num_glyphs = None

    def _parse_truetype(self, data):
        num = struct.unpack('>H', data[4:6])[0]
        tables = {}
        for i in range(num):
            tag, _, off, length = struct.unpack('>4sLLL', data[12 + 16 * i:28 + 16 * i])
            tables[tag] = (off, length)
        off, _ = tables[b'maxp']
        self.num_glyphs = struct.unpack('>H', data[off + 4:off + 6])[0]
        off, _ = tables[b'head']
        upem = struct.unpack('>H', data[off + 18:off + 20])[0] or 1000
        off, _ = tables[b'hhea']
        nhm = struct.unpack('>H', data[off + 34:off + 36])[0]
        off, _ = tables[b'hmtx']
        adv = [struct.unpack('>H', data[off + 4 * i:off + 4 * i + 2])[0] for i in range(nhm)]
        self.advances = (adv, upem)
        if b'cmap' in tables:
            off, _ = tables[b'cmap']
            n = struct.unpack('>H', data[off + 2:off + 4])[0]
            self.cmaps = [struct.unpack('>HH', data[off + 4 + 8 * i:off + 8 + 8 * i]) for i in range(n)]
        else:
            self.cmaps = []

    def advance(self, gid):
        adv, upem = self.advances
        a = adv[gid] if gid < len(adv) else adv[-1]
        return a * 1000.0 / upem

    def codes(self, data):
        if self.codespace:
            out, i = [], 0
            while i < len(data):
                for n, lo, hi in self.codespace:
                    chunk = data[i:i + n]
                    if len(chunk) == n and all(lo[k] <= chunk[k] <= hi[k] for k in range(n)):
                        out.append(int.from_bytes(chunk, 'big'))
                        i += n
                        break
                else:
                    out.append(data[i])
                    i += 1
            return out
        if self.two_byte:
            return [(data[i] << 8) | data[i + 1] for i in range(0, len(data) - 1, 2)]
        return list(data)

    def gid(self, code):
        """The glyph a code draws, or None when the checker cannot tell."""
        if self.subtype != 'Type0' or not self.decodable:
            return None
        return self.gid_of_cid(self.cid(code))

    def gid_of_cid(self, code):
        """The glyph a CID draws, or None when the checker cannot tell."""
        if self.subtype != 'Type0':
            return None
        if self.gid_map == 'Identity':
            return code
        if isinstance(self.gid_map, bytes):
            if 2 * code + 1 >= len(self.gid_map):
                return 0
            return (self.gid_map[2 * code] << 8) | self.gid_map[2 * code + 1]
        return None

    def unicode(self, data):
        if self.to_unicode is None:
            return None
        return ''.join(self.to_unicode.get(c, '\ufffd') for c in self.codes(data))


    def cid(self, code):
        """The CID a code selects (through an embedded CMap; 0 when it maps none)."""
        if self.code_cid is None:
            return code
        return self.code_cid.get(code, 0)


def _parse_cmap(data):
    """An embedded CMap's code space ranges and its code -> CID mappings."""
    text = data.decode('latin-1')
    space = []
    for block in re.findall(r'begincodespacerange(.*?)endcodespacerange', text, re.S):
        for lo, hi in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', block):
            space.append((len(lo) // 2, bytes.fromhex(lo), bytes.fromhex(hi)))
    cids = {}
    for block in re.findall(r'begincidchar(.*?)endcidchar', text, re.S):
        for code, cid in re.findall(r'<([0-9A-Fa-f]+)>\s*(\d+)', block):
            cids[int(code, 16)] = int(cid)
    for block in re.findall(r'begincidrange(.*?)endcidrange', text, re.S):
        for lo, hi, cid in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\d+)', block):
            for k, c in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                cids[c] = int(cid) + k
    return space, cids


def _cid_widths(w):
    out = {}
    if not isinstance(w, Array):
        return out
    items = list(w)
    i = 0
    while i < len(items):
        first = as_int(items[i])
        if first is None or i + 1 >= len(items):
            break
        if isinstance(items[i + 1], Array):
            for j, x in enumerate(items[i + 1]):
                out[first + j] = float(x)
            i += 2
        else:
            last, width = as_int(items[i + 1]), float(items[i + 2]) if i + 2 < len(items) else 0
            for c in range(first, (last or first) + 1):
                out[c] = width
            i += 3
    return out


def _utf16(hexstr):
    b = bytes.fromhex(hexstr if len(hexstr) % 2 == 0 else hexstr + '0')
    return b.decode('utf-16-be', errors='replace')


def _parse_to_unicode(data):
    s = data.decode('latin-1')
    out = {}
    for block in re.findall(r'beginbfchar(.*?)endbfchar', s, re.S):
        for src, dst in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>', block):
            out[int(src, 16)] = _utf16(dst)
    for block in re.findall(r'beginbfrange(.*?)endbfrange', s, re.S):
        for lo, hi, dst in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])', block):
            lo, hi = int(lo, 16), int(hi, 16)
            if dst.startswith('['):
                for k, d in enumerate(re.findall(r'<([0-9A-Fa-f]*)>', dst)):
                    out[lo + k] = _utf16(d)
            else:
                d = dst[1:-1]
                base = int(d, 16) if d else 0
                width = len(d)
                for c in range(lo, min(hi, lo + 65535) + 1):
                    out[c] = _utf16(('%0*X' % (width, base + c - lo)) if d else '')
    return out


PREDEFINED_CMAPS = {
    'Identity-H', 'Identity-V', 'GB-EUC-H', 'GB-EUC-V', 'GBpc-EUC-H', 'GBpc-EUC-V', 'GBK-EUC-H',
    'GBK-EUC-V', 'GBKp-EUC-H', 'GBKp-EUC-V', 'GBK2K-H', 'GBK2K-V', 'UniGB-UCS2-H', 'UniGB-UCS2-V',
    'UniGB-UTF16-H', 'UniGB-UTF16-V', 'B5pc-H', 'B5pc-V', 'HKscs-B5-H', 'HKscs-B5-V', 'ETen-B5-H',
    'ETen-B5-V', 'ETenms-B5-H', 'ETenms-B5-V', 'CNS-EUC-H', 'CNS-EUC-V', 'UniCNS-UCS2-H',
    'UniCNS-UCS2-V', 'UniCNS-UTF16-H', 'UniCNS-UTF16-V', '83pv-RKSJ-H', '90ms-RKSJ-H',
    '90ms-RKSJ-V', '90msp-RKSJ-H', '90msp-RKSJ-V', '90pv-RKSJ-H', 'Add-RKSJ-H', 'Add-RKSJ-V',
    'EUC-H', 'EUC-V', 'Ext-RKSJ-H', 'Ext-RKSJ-V', 'H', 'V', 'UniJIS-UCS2-H', 'UniJIS-UCS2-V',
    'UniJIS-UCS2-HW-H', 'UniJIS-UCS2-HW-V', 'UniJIS-UTF16-H', 'UniJIS-UTF16-V', 'KSC-EUC-H',
    'KSC-EUC-V', 'KSCms-UHC-H', 'KSCms-UHC-V', 'KSCms-UHC-HW-H', 'KSCms-UHC-HW-V', 'KSCpc-EUC-H',
    'UniKS-UCS2-H', 'UniKS-UCS2-V', 'UniKS-UTF16-H', 'UniKS-UTF16-V'}
FONT_SUBTYPES = {'Type1', 'MMType1', 'TrueType', 'Type3', 'Type0', 'CIDFontType0', 'CIDFontType2'}


def _pua(ch):
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or 0xF0000 <= o <= 0x10FFFD


# Font dictionaries: A 6.2.11.2 (Type Font, a known Subtype, BaseFont, simple fonts' FirstChar/
# LastChar/Widths), A 6.2.11.3 and UA 31-001..31-008 (CIDSystemInfo compatible, CIDToGIDMap
# present on CIDFontType2, CMaps predefined or embedded, WMode agrees, no usecmap of a
# non-predefined CMap), A 6.2.11.4.1 and UA 31-009 (font programs embedded), A 6.2.11.4.2 and
# UA 31-014/31-015 (a CIDSet lists exactly the CIDs present), A 6.2.11.6 and UA 31-017,
# 31-019..31-021, 31-023..31-026 (simple TrueType encodings and cmaps; rapport writes none),
# UA 31-027 (a ToUnicode CMap where needed), UA 31-028/31-029 and A 6.2.11.7.2 (no mapping to
# U+0000, U+FEFF or U+FFFE).
def check_font_dictionaries(ctx):
    for og, fi in ctx.fonts.items():
        f, label = fi.obj, '%s (%d %d)' % (fi.base, og[0], og[1])
        if name(get(f, '/Type')) != 'Font':
            ctx.fail('A 6.2.11.2', 'font %s: /Type is not /Font' % label)
        if fi.subtype not in FONT_SUBTYPES:
            ctx.fail('A 6.2.11.2', 'font %s: unknown /Subtype %s' % (label, fi.subtype))
        if fi.subtype != 'Type3' and name(get(f, '/BaseFont')) is None:
            ctx.fail('A 6.2.11.2', 'font %s: no /BaseFont' % label)
        if fi.subtype in ('Type1', 'MMType1', 'TrueType', 'Type3'):
            fc, lc, w = as_int(get(f, '/FirstChar')), as_int(get(f, '/LastChar')), get(f, '/Widths')
            if fc is None or lc is None or not isinstance(w, Array) or len(w) != lc - fc + 1:
                ctx.fail('A 6.2.11.2', 'font %s: FirstChar/LastChar/Widths missing or inconsistent' % label)
        desc = None
        if fi.subtype == 'Type0':
            enc = get(f, '/Encoding')
            encn = name(enc)
            cid = fi.cid_font
            if cid is None:
                ctx.fail('A 6.2.11.2', 'font %s: no descendant CIDFont' % label)
                continue
            if encn is not None and encn not in PREDEFINED_CMAPS:
                ctx.fail('UA 31-006', 'font %s: the CMap %s is neither predefined nor embedded '
                         '(A 6.2.11.3)' % (label, encn))
            if isinstance(enc, Stream):
                cmap_text = enc.read_bytes().decode('latin-1')
                wm = re.search(r'/WMode\s+(\d)', cmap_text)
                if wm and int(wm.group(1)) != (as_int(get(enc, '/WMode')) or 0):
                    ctx.fail('UA 31-007', 'font %s: the CMap WMode differs from its dictionary (A 6.2.11.3)' % label)
                use = name(get(enc, '/UseCMap')) or (re.search(r'/([\w-]+)\s+usecmap', cmap_text) or [None, None])[1]
                if use and use not in PREDEFINED_CMAPS:
                    ctx.fail('UA 31-008', 'font %s: the CMap uses the CMap %s (A 6.2.11.3)' % (label, use))
            if encn not in ('Identity-H', 'Identity-V'):
                a, b = get(cid, '/CIDSystemInfo'), get(enc, '/CIDSystemInfo') if isinstance(enc, Stream) else None
                if isinstance(a, Dictionary) and isinstance(b, Dictionary):
                    if text(get(a, '/Registry')) != text(get(b, '/Registry')):
                        ctx.fail('UA 31-001', 'font %s: CIDSystemInfo Registry differs (A 6.2.11.3)' % label)
                    if text(get(a, '/Ordering')) != text(get(b, '/Ordering')):
                        ctx.fail('UA 31-002', 'font %s: CIDSystemInfo Ordering differs (A 6.2.11.3)' % label)
                    if (as_int(get(a, '/Supplement')) or 0) > (as_int(get(b, '/Supplement')) or 0):
                        ctx.fail('UA 31-003', 'font %s: CIDSystemInfo Supplement too high (A 6.2.11.3)' % label)
            if name(get(cid, '/Subtype')) == 'CIDFontType2':
                m = get(cid, '/CIDToGIDMap')
                if m is None:
                    ctx.fail('UA 31-005', 'font %s: the CIDFontType2 has no /CIDToGIDMap (A 6.2.11.3)' % label)
                elif not isinstance(m, Stream) and name(m) != 'Identity':
                    ctx.fail('UA 31-004', 'font %s: /CIDToGIDMap is neither a stream nor /Identity' % label)
            desc = get(cid, '/FontDescriptor')
            reg = get(cid, '/CIDSystemInfo')
            adobe_collection = isinstance(reg, Dictionary) and text(get(reg, '/Registry')) == 'Adobe' and \
                text(get(reg, '/Ordering')) in ('GB1', 'CNS1', 'Japan1', 'Korea1')
            if '/ToUnicode' not in f and not adobe_collection:
                ctx.fail('UA 31-027', 'font %s: a Type0 font without /ToUnicode (A 6.2.11.7.2; UA 10-001)' % label)
        elif fi.subtype != 'Type3':
            desc = get(f, '/FontDescriptor')
        if fi.subtype != 'Type3':
            embedded = isinstance(desc, Dictionary) and any(
                isinstance(get(desc, k), Stream) for k in ('/FontFile', '/FontFile2', '/FontFile3'))
            if not embedded and any(r for r in ctx.used.get(og, {}).values() if r[1]):
                ctx.fail('UA 31-009', 'font %s is not embedded (A 6.2.11.4.1)' % label)
            if isinstance(desc, Dictionary):
                ff3 = get(desc, '/FontFile3')
                if isinstance(ff3, Stream) and name(get(ff3, '/Subtype')) not in (None, 'Type1C', 'CIDFontType0C', 'OpenType'):
                    ctx.fail('A 6.2.11.2', 'font %s: FontFile3 of subtype %s' % (label, get(ff3, '/Subtype')))
                _check_cidset(ctx, fi, desc, label)
            if fi.subtype == 'Type0' and fi.cid_font is not None and \
                    name(get(fi.cid_font, '/Subtype')) == 'CIDFontType2' and fi.num_glyphs is None and embedded:
                ctx.fail('rapport', 'font %s: the checker cannot read its TrueType program (no glyph '
                         'or width checks)' % label)
        if fi.subtype == 'TrueType':
            _check_simple_truetype(ctx, fi, desc, label)
        if fi.to_unicode is not None:
            bad = sorted(c for c, u in fi.to_unicode.items() if any(ch in '\x00\ufeff\ufffe' for ch in u) or u == '')
            if bad:
                ctx.fail('UA 31-028', 'font %s: ToUnicode maps code %04X to U+0000, U+FEFF, U+FFFE or '
                         'nothing (UA 31-029, A 6.2.11.7.2)' % (label, bad[0]))


def _check_cidset(ctx, fi, desc, label):
    cidset = get(desc, '/CIDSet')
    if not isinstance(cidset, Stream) or fi.num_glyphs is None or not re.match(r'[A-Z]{6}\+', fi.base):
        return
    bits = cidset.read_bytes()
    listed = {i for i in range(len(bits) * 8) if bits[i >> 3] & (0x80 >> (i & 7))}
    for cid in listed:
        g = fi.gid_of_cid(cid)
        if g is None or g >= fi.num_glyphs:
            ctx.fail('UA 31-015', 'font %s: CIDSet lists CID %d, which the font program lacks '
                     '(A 6.2.11.4.2)' % (label, cid))
            break


def _check_simple_truetype(ctx, fi, desc, label):
    flags = as_int(get(desc, '/Flags')) if isinstance(desc, Dictionary) else None
    symbolic = bool((flags or 0) & 4)
    enc = get(fi.obj, '/Encoding')
    cm = fi.cmaps
    if symbolic:
        if enc is not None:
            ctx.fail('UA 31-024', 'font %s: a symbolic TrueType font with /Encoding (A 6.2.11.6)' % label)
        if cm is not None and not cm:
            ctx.fail('UA 31-025', 'font %s: a symbolic TrueType program without cmap' % label)
        if cm and len(cm) > 1 and (3, 0) not in cm:
            ctx.fail('UA 31-026', 'font %s: several cmaps, none (3,0) (A 6.2.11.6)' % label)
        return
    if enc is None:
        ctx.fail('UA 31-019', 'font %s: a non-symbolic TrueType font without /Encoding (A 6.2.11.6)' % label)
    elif isinstance(enc, Dictionary):
        base = name(get(enc, '/BaseEncoding'))
        if base is None:
            ctx.fail('UA 31-020', 'font %s: its /Encoding has no /BaseEncoding' % label)
        elif base not in ('MacRomanEncoding', 'WinAnsiEncoding'):
            ctx.fail('UA 31-021', 'font %s: /BaseEncoding %s (A 6.2.11.6)' % (label, base))
        if '/Differences' in enc and cm is not None and (3, 1) not in cm:
            ctx.fail('UA 31-023', 'font %s: /Differences without a (3,1) cmap (A 6.2.11.6)' % label)
    elif name(enc) not in ('MacRomanEncoding', 'WinAnsiEncoding'):
        ctx.fail('UA 31-021', 'font %s: /Encoding %s (A 6.2.11.6)' % (label, enc))
    if cm is not None and not any(p in ((3, 1), (1, 0)) for p in cm):
        ctx.fail('UA 31-017', 'font %s: no non-symbolic cmap (A 6.2.11.6)' % label)


# The glyphs drawn, as the content scan recorded them: A 6.2.11.8 and UA 31-030 (no code draws
# .notdef, glyph 0 through the CIDToGIDMap), A 6.2.11.4.1 and UA 31-011 (every glyph drawn is in
# the program), A 6.2.11.5 and UA 31-016 (the dictionary's width of every glyph drawn agrees
# with the program's within 1/1000 em), A 6.2.11.7.2 and UA 10-001 (every code drawn maps to
# Unicode), A 6.2.11.7.3 (a code mapped into the Private Use Area has ActualText).
def check_glyphs(ctx):
    for og, codes in ctx.used.items():
        ctx.stats['glyphs'] += len(codes)
        fi = ctx.fonts.get(og)
        if fi is None:
            continue
        label = '%s (%d %d)' % (fi.base, og[0], og[1])
        reported = collections.Counter()

        def once(rule, msg, page):
            reported[rule] += 1
            if reported[rule] <= 3:
                ctx.fail(rule, msg, page)

        for code, (page, rendered) in sorted(codes.items()):
            ch = chr(code) if code < 0x110000 else '?'
            g = fi.gid(code)
            if g is not None:
                if g == 0:
                    once('A 6.2.11.8', 'font %s: code %04X (%r) draws .notdef (glyph 0) (UA 31-030)'
                         % (label, code, ch), page)
                elif fi.num_glyphs is not None and g >= fi.num_glyphs and rendered:
                    once('UA 31-011', 'font %s: code %04X draws glyph %d, beyond the %d glyphs of the '
                         'program (A 6.2.11.4.1)' % (label, code, g, fi.num_glyphs), page)
                elif fi.advances is not None and rendered and g < (fi.num_glyphs or 0):
                    w = fi.widths.get(fi.cid(code), fi.default_width)
                    a = fi.advance(g)
                    if abs(w - a) > 1:
                        once('UA 31-016', 'font %s: code %04X has width %g in /W but %g in the program '
                             '(A 6.2.11.5)' % (label, code, w, round(a, 1)), page)
            if fi.to_unicode is not None:
                u = fi.to_unicode.get(code)
                if u is None:
                    once('UA 10-001', 'font %s: code %04X has no Unicode in its ToUnicode CMap '
                         '(A 6.2.11.7.2)' % (label, code), page)
            elif fi.subtype == 'Type0' or name(get(fi.obj, '/Encoding')) is None:
                once('UA 10-001', 'font %s: code %04X cannot be mapped to Unicode (no ToUnicode)'
                     % (label, code), page)
        for rule, n in reported.items():
            if n > 3:
                ctx.fail(rule, 'font %s: %d more codes like these' % (label, n - 3))
    for og, mcid, page in ctx.pua_mcids:
        ctx.fail('A 6.2.11.7.3', 'text mapped to the Unicode Private Use Area (MCID %d) has no '
                 'ActualText' % mcid, page)


# ----------------------------------------------------------------- page content

TEXT_SHOW = {'Tj', 'TJ', "'", '"'}
PAINT = {'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh'}
OPERATORS = {
    'b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1',
    'Do', 'DP', 'EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J',
    'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S', 'SC', 'sc',
    'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'Tj', 'TJ', 'TL', 'Tm', 'Tr', 'Ts', 'Tw',
    'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"', 'INLINE IMAGE'}
# Operators that neither draw nor change what the scan tracks.
PASSIVE = {'Td', 'TD', 'Tm', 'T*', 'Tc', 'Tw', 'Tz', 'TL', 'Ts', 'm', 'l', 'c', 'v', 'y', 'h', 're',
           'w', 'J', 'j', 'M', 'd', 'i', 'cm', 'W', 'W*', 'n', 'sc', 'SC', 'scn', 'SCN', 'BX', 'EX',
           'MP', 'DP', 'd0', 'd1'}
ARTIFACT_TYPES = {'Pagination', 'Layout', 'Page', 'Background'}
ARTIFACT_SUBTYPES = {'Header', 'Footer', 'Watermark', 'PageNum', 'Bates', 'LineNum', 'Redaction'}


class Marked:
    __slots__ = ('tag', 'mcid', 'artifact', 'actual', 'in_text')

    def __init__(self, tag, mcid, artifact, actual, in_text):
        self.tag, self.mcid, self.artifact, self.actual, self.in_text = tag, mcid, artifact, actual, in_text


# Every page's content stream, operator by operator: UA 01-005 (text, paths, images and
# XObjects drawn inside marked content with an MCID or inside an Artifact), UA 01-003 (no
# Artifact inside tagged content), UA 01-004 (no MCID inside an Artifact), PDF 14.6 (BMC/BDC
# and EMC balanced, within one text object or outside all), PDF 14.7.4.2 (an MCID once per
# page or form), PDF 14.8.2.2 (Artifact /Type and /Subtype known), A 6.2.2 (only ISO 32000
# operators; resources explicitly on the page or form), A 6.1.13 (q nesting at most 28), A
# 6.2.6 (ri operands), A 6.7.4 (/Lang in property lists a language tag), UA 30-002 (a form
# XObject with MCIDs drawn once); rapport (no MCID nested in another). It also records, for the
# checks above, the glyphs drawn, the MCIDs present and the device colour spaces used.
def check_content(ctx):
    for i, page in enumerate(ctx.pages):
        pno = i + 1
        res = get(page.obj, '/Resources')
        if not isinstance(res, Dictionary):
            res = _inherited(page.obj, '/Resources')
            if res is not None:
                ctx.fail('A 6.2.2', 'the page inherits its /Resources from the page tree', pno)
        try:
            ops = pikepdf.parse_content_stream(page)
        except Exception as e:
            ctx.fail('A 6.2.2', 'the content stream cannot be parsed: %s' % e, pno)
            continue
        state = _Scan(ctx, pno, page.obj)
        state.run(ops, res, [], 0)
        state.finish()
    for og, n in ctx.xobject_draws.items():
        if og in ctx.form_has_mcid and n > 1:
            ctx.fail('UA 30-002', 'form XObject %d %d holds MCIDs and is drawn %d times' % (og[0], og[1], n))


def _inherited(node, key, depth=0):
    while isinstance(node, Dictionary) and depth < 64:
        if key in node:
            return node[key]
        node = get(node, '/Parent')
        depth += 1
    return None


class _Scan:
    def __init__(self, ctx, pno, container):
        self.ctx, self.pno = ctx, pno
        self.container = objgen(container)
        self.untagged = 0
        self.first_untagged = None
        self.q_depth = 0
        self.max_q = 0

    def run(self, ops, res, stack, depth, container=None):
        """Walks `ops` (of the page, or of a form drawn with the marked-content `stack`)."""
        ctx, pno = self.ctx, self.pno
        container = container or self.container
        fonts = get(res, '/Font') if isinstance(res, Dictionary) else None
        xobjects = get(res, '/XObject') if isinstance(res, Dictionary) else None
        props = get(res, '/Properties') if isinstance(res, Dictionary) else None
        gstates = get(res, '/ExtGState') if isinstance(res, Dictionary) else None
        colours = get(res, '/ColorSpace') if isinstance(res, Dictionary) else None
        gs_stack = []
        font, tr = None, 0
        in_text = False
        base = len(stack)
        seen_mcids = ctx.mcids.setdefault(container, {})
        font_cache = {}
        for inst in ops:
            op = str(inst.operator)
            if op in PASSIVE:
                continue
            if op == 'INLINE IMAGE':
                operands = []
            else:
                operands = inst.operands
            if op not in OPERATORS:
                ctx.fail('A 6.2.2', 'undefined operator %r' % op, pno)
                continue
            if op == 'q':
                gs_stack.append((font, tr))
                self.q_depth += 1
                self.max_q = max(self.max_q, self.q_depth)
            elif op == 'Q':
                if gs_stack:
                    font, tr = gs_stack.pop()
                self.q_depth = max(0, self.q_depth - 1)
            elif op == 'BT':
                in_text = True
            elif op == 'ET':
                in_text = False
            elif op == 'Tf' and operands:
                key = str(operands[0])
                if key in font_cache:
                    font = font_cache[key]
                    continue
                fo = get(fonts, key) if isinstance(fonts, Dictionary) else None
                if fo is None:
                    ctx.fail('A 6.2.2', 'font %s is not in the resources' % operands[0], pno)
                    font = None
                else:
                    og = objgen(fo)
                    if og not in ctx.fonts:
                        ctx.fonts[og] = FontInfo(ctx, fo)
                    font = ctx.fonts[og]
                font_cache[key] = font
            elif op == 'Tr' and operands:
                tr = as_int(operands[0]) or 0
            elif op in ('BMC', 'BDC'):
                self._begin(op, operands, props, stack, in_text, seen_mcids, container)
                continue
            elif op == 'EMC':
                if len(stack) <= base:
                    ctx.fail('PDF 14.6', 'EMC without a matching BMC/BDC', pno)
                else:
                    m = stack.pop()
                    if m.in_text != in_text:
                        ctx.fail('PDF 14.6', 'marked content %s crosses a BT/ET boundary' % m.tag, pno)
                continue
            elif op in ('rg', 'RG'):
                ctx.colour_use.setdefault('RGB', pno)
            elif op in ('g', 'G'):
                ctx.colour_use.setdefault('Gray', pno)
            elif op in ('k', 'K'):
                ctx.colour_use.setdefault('CMYK', pno)
            elif op in ('cs', 'CS') and operands:
                cs = operands[0]
                if name(cs) in ('DeviceRGB', 'DeviceGray', 'DeviceCMYK'):
                    _note_colour_space(ctx, cs, pno)
                elif isinstance(colours, Dictionary) and str(cs) in colours:
                    _note_colour_space(ctx, colours[str(cs)], pno)
                elif name(cs) != 'Pattern':
                    ctx.fail('A 6.2.2', 'colour space %s is not in the resources' % cs, pno)
            elif op == 'ri' and operands and name(operands[0]) not in RENDERING_INTENTS:
                ctx.fail('A 6.2.6', 'rendering intent %s' % operands[0], pno)
            elif op == 'gs' and operands and not (isinstance(gstates, Dictionary) and str(operands[0]) in gstates):
                ctx.fail('A 6.2.2', 'graphics state %s is not in the resources' % operands[0], pno)

            drawing = op in TEXT_SHOW or op in PAINT or op in ('Do', 'INLINE IMAGE')
            if not drawing:
                continue
            covered = any(m.mcid is not None or m.artifact for m in stack)
            in_artifact = any(m.artifact for m in stack)
            if op in TEXT_SHOW:
                self._text(op, operands, font, tr, stack, container)
            if op == 'INLINE IMAGE':
                iim = inst.iimage
                if bool(get(iim.obj, '/I', get(iim.obj, '/Interpolate', False))):
                    ctx.fail('A 6.2.8', 'inline image with Interpolate true', pno)
                _note_colour_space(ctx, get(iim.obj, '/CS', get(iim.obj, '/ColorSpace')), pno)
                for f in as_list(get(iim.obj, '/F', get(iim.obj, '/Filter'))):
                    if name(f) not in ('ASCIIHexDecode', 'ASCII85Decode', 'FlateDecode', 'RunLengthDecode',
                                       'CCITTFaxDecode', 'DCTDecode', 'AHx', 'A85', 'Fl', 'RL', 'CCF', 'DCT'):
                        ctx.fail('A 6.1.10', 'inline image with filter %s' % f, pno)
            if op == 'Do' and operands:
                xo = get(xobjects, str(operands[0])) if isinstance(xobjects, Dictionary) else None
                if xo is None:
                    ctx.fail('A 6.2.2', 'XObject %s is not in the resources' % operands[0], pno)
                elif name(get(xo, '/Subtype')) == 'Form':
                    og = objgen(xo)
                    ctx.xobject_draws[og] += 1
                    if depth < 12:
                        fres = get(xo, '/Resources')
                        if not isinstance(fres, Dictionary):
                            ctx.fail('A 6.2.2', 'form XObject %s has no /Resources of its own' % (og,), pno)
                            fres = res
                        before = len(seen_mcids)
                        try:
                            fops = pikepdf.parse_content_stream(xo)
                        except Exception:
                            fops = []
                        self.run(fops, fres, stack if covered else list(stack), depth + 1,
                                 container=og if '/StructParents' in xo else container)
                        if len(ctx.mcids.get(og, {})) or len(seen_mcids) != before:
                            ctx.form_has_mcid.add(og)
                    continue
            if not covered:
                self.untagged += 1
                if self.first_untagged is None:
                    what = op
                    if op in TEXT_SHOW and font is not None:
                        u = font.unicode(_text_bytes(op, operands))
                        if u:
                            what = '%s %r' % (op, u[:40])
                    elif op == 'Do' and operands:
                        what = 'Do %s' % operands[0]
                    self.first_untagged = what
            elif op in TEXT_SHOW and in_artifact:
                self.ctx.stats['artifact text'] += 1
        while len(stack) > base:
            m = stack.pop()
            ctx.fail('PDF 14.6', 'marked content %s is never closed (no EMC)' % m.tag, pno)

    def _begin(self, op, operands, props, stack, in_text, seen_mcids, container):
        ctx, pno = self.ctx, self.pno
        tag = name(operands[0]) if operands else None
        plist = None
        if op == 'BDC' and len(operands) > 1:
            plist = operands[1]
            if isinstance(plist, Name):
                plist = get(props, str(plist)) if isinstance(props, Dictionary) else None
                if plist is None:
                    ctx.fail('A 6.2.2', 'property list %s is not in the resources' % operands[1], pno)
        mcid = as_int(get(plist, '/MCID')) if isinstance(plist, Dictionary) else None
        artifact = tag == 'Artifact'
        actual = isinstance(plist, Dictionary) and '/ActualText' in plist
        if isinstance(plist, Dictionary):
            lang = text(get(plist, '/Lang'))
            if lang is not None and lang != '' and not LANG_TAG.match(lang):
                ctx.fail('A 6.7.4', 'marked content /Lang %r is not a language tag' % lang, pno)
            if artifact:
                t, st = name(get(plist, '/Type')), name(get(plist, '/Subtype'))
                if t is not None and t not in ARTIFACT_TYPES:
                    ctx.fail('PDF 14.8.2.2', 'an Artifact of /Type %s' % t, pno)
                if st is not None and st not in ARTIFACT_SUBTYPES:
                    ctx.fail('PDF 14.8.2.2', 'an Artifact of /Subtype %s' % st, pno)
        if artifact and any(m.mcid is not None for m in stack):
            ctx.fail('UA 01-003', 'an Artifact inside tagged content (MCID %d)'
                     % [m.mcid for m in stack if m.mcid is not None][-1], pno)
        if mcid is not None:
            if any(m.artifact for m in stack):
                ctx.fail('UA 01-004', 'tagged content (MCID %d) inside an Artifact' % mcid, pno)
            elif any(m.mcid is not None for m in stack):
                ctx.fail('rapport', 'MCID %d nested inside MCID %d' % (
                    mcid, [m.mcid for m in stack if m.mcid is not None][-1]), pno)
            if mcid in seen_mcids:
                ctx.fail('PDF 14.7.4.2', 'MCID %d appears twice in one content stream' % mcid, pno)
            seen_mcids[mcid] = pno
            ctx.stats['mcids'] += 1
        stack.append(Marked(tag, mcid, artifact, actual, in_text))

    def _text(self, op, operands, font, tr, stack, container):
        ctx, pno = self.ctx, self.pno
        if font is None:
            return
        data = _text_bytes(op, operands)
        if not font.decodable:
            ctx.stats['undecodable text'] += 1
            return
        rendered = tr != 3 and tr != 7
        if not font.pua_codes:
            key = (data, rendered)
            if key in font.seen:    # the same string in the same font: nothing new to record
                return
            font.seen.add(key)
        used = ctx.used.setdefault(font.og, {})
        codes = set(font.codes(data))
        for c in codes:
            prev = used.get(c)
            if prev is None or (rendered and not prev[1]):
                used[c] = (pno, rendered)
        if font.pua_codes and not codes.isdisjoint(font.pua_codes) and not any(m.actual for m in stack):
            mcids = [m.mcid for m in stack if m.mcid is not None]
            ctx.pua_mcids.append((container, mcids[-1] if mcids else -1, pno))

    def finish(self):
        if self.untagged:
            self.ctx.fail('UA 01-005', '%d drawing operators are neither in marked content with an '
                          'MCID nor in an Artifact; the first: %s' % (self.untagged, self.first_untagged),
                          self.pno)
        if self.max_q > 28:
            self.ctx.fail('A 6.1.13', 'q/Q nested %d deep (28 at most)' % self.max_q, self.pno)


def _text_bytes(op, operands):
    if op == 'TJ':
        arr = operands[0] if operands else []
        return b''.join(bytes(x) for x in arr if isinstance(x, pikepdf.String))
    if op == '"':
        return bytes(operands[2]) if len(operands) > 2 else b''
    return bytes(operands[0]) if operands else b''


# ----------------------------------------------------------------- the structure tree

STANDARD_TYPES = {
    'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index',
    'NonStruct', 'Private', 'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody',
    'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot', 'Span', 'Quote', 'Note', 'Reference',
    'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP', 'Figure',
    'Formula', 'Form'}


class Elem:
    __slots__ = ('obj', 'og', 'raw', 'type', 'parent', 'children', 'mcrs', 'objrs', 'depth')

    def __init__(self, obj, og, raw, parent, depth):
        self.obj, self.og, self.raw, self.parent, self.depth = obj, og, raw, parent, depth
        self.type = raw
        self.children = []       # Elem, in order
        self.mcrs = []           # (container objgen, mcid)
        self.objrs = []          # objgen of the object referenced


def _attr(elem_obj, owner, key):
    """An attribute of the structure element: its /A dictionaries (of that /O) or classes."""
    for a in as_list(get(elem_obj, '/A')):
        if isinstance(a, (Dictionary, Stream)) and name(get(a, '/O')) == owner and key in a:
            return a[key]
    return None


def build_tree(ctx):
    """The structure tree as Elems in document order; failures of its plumbing (PDF 14.7.2)."""
    root = get(ctx.pdf.Root, '/StructTreeRoot')
    if not isinstance(root, Dictionary):
        return None, []
    rolemap = get(root, '/RoleMap')
    roles = {}
    if isinstance(rolemap, Dictionary):
        for k, v in rolemap.items():
            roles[k[1:]] = name(v)
    order = []
    seen = set()
    root_og = objgen(root)

    def resolve(raw):
        t, steps = raw, 0
        while t not in STANDARD_TYPES and t in roles and steps < 32:
            t = roles[t]
            steps += 1
        return t

    stack = [(k, None, 0) for k in reversed(as_list(get(root, '/K')))]
    while stack:
        kid, parent, depth = stack.pop()
        pno = None
        if isinstance(kid, int) and not isinstance(kid, bool):
            if parent is None:
                ctx.fail('PDF 14.7.2', 'the StructTreeRoot /K holds an MCID')
                continue
            pg = get(parent.obj, '/Pg')
            if pg is None:
                ctx.fail('PDF 14.7.4.2', 'element %s holds MCID %d but has no /Pg' % (parent.raw, kid))
            else:
                parent.mcrs.append((objgen(pg), int(kid)))
            continue
        if not isinstance(kid, Dictionary):
            ctx.fail('PDF 14.7.2', 'a structure kid that is neither an element, an MCID, an MCR nor an OBJR')
            continue
        t = name(get(kid, '/Type'))
        if t == 'MCR':
            pg = get(kid, '/Pg', get(parent.obj, '/Pg') if parent else None)
            stm = get(kid, '/Stm')
            cont = objgen(stm) if stm is not None else objgen(pg) if pg is not None else None
            if cont is None:
                ctx.fail('PDF 14.7.4.2', 'an MCR of %s has no /Pg' % (parent.raw if parent else 'the root'))
            elif parent is not None:
                parent.mcrs.append((cont, as_int(get(kid, '/MCID'))))
            continue
        if t == 'OBJR':
            o = get(kid, '/Obj')
            if o is None or objgen(o) is None:
                ctx.fail('PDF 14.7.4.3', 'an OBJR of %s has no indirect /Obj' % (parent.raw if parent else 'the root'))
            elif parent is not None:
                parent.objrs.append(objgen(o))
            continue
        raw = name(get(kid, '/S'))
        og = objgen(kid)
        if og is None:
            ctx.fail('PDF 14.7.2', 'a structure element (%s) is a direct object' % raw)
        if og is not None and og in seen:
            ctx.fail('PDF 14.7.2', 'element %s %s is reached twice (a cycle or a shared kid)' % (raw, og))
            continue
        seen.add(og)
        if raw is None:
            ctx.fail('PDF 14.7.2', 'a structure element without /S')
            raw = '?'
        e = Elem(kid, og, raw, parent, depth)
        e.type = resolve(raw)
        p = get(kid, '/P')
        want = parent.og if parent else root_og
        if p is None or objgen(p) != want:
            ctx.fail('PDF 14.7.2', 'element %s %s: /P is not its parent (%s)'
                     % (raw, og, parent.raw if parent else 'StructTreeRoot'), pno)
        pg = get(kid, '/Pg')
        if pg is not None and objgen(pg) not in ctx.page_no:
            ctx.fail('PDF 14.7.2', 'element %s %s: /Pg is not a page of the document' % (raw, og))
        if parent is not None:
            parent.children.append(e)
        order.append(e)
        for k in reversed(as_list(get(kid, '/K'))):
            stack.append((k, e, depth + 1))
    return root, order


# The tree's plumbing and semantics: PDF 14.7.2 (each element's /P is its parent, elements are
# indirect and reached once, /Pg are pages), rapport (the root's /K is one Document element),
# UA 02-001/02-003/02-004 and A 6.7.3.4 (every type standard or role-mapped to one; no
# circular mapping; no standard type remapped), UA 09-004 (Table, TR, TH, TD, THead, TBody,
# TFoot as ISO 32000-1 Table 337 allows), UA 09-005 (L, LI, Lbl, LBody as Table 336 allows),
# UA 09-006 (TOC and TOCI as Table 333 allows), UA 09-007/09-008 (Ruby, Warichu), rapport
# (Caption first or last in Table and Figure, first in L), UA 14-002/14-003 (headings start at
# H1 and never skip a level going down, in document order), UA 14-006/14-007 (one H per node,
# H and Hn not mixed), UA 13-004 (every Figure has a non-empty Alt or ActualText), UA 17-002
# (Formula Alt), UA 15-003 (every TH has a Scope: rapport sets one always), UA 15-001/15-002
# (rapport: every Table has TH cells), UA 19-003/19-004 (every Note has an /ID, unique) and PDF
# 14.7.2 (the IDTree maps each ID to its element), A 6.7.4 (element /Lang language tags).
def check_structure(ctx, tree):
    root, order = tree
    if root is None:
        return
    ctx.stats['elements'] = len(order)
    top = [e for e in order if e.parent is None]
    if len(top) != 1 or top[0].type != 'Document':
        ctx.fail('rapport', 'the StructTreeRoot /K is not one Document element (%s)'
                 % ', '.join(e.raw for e in top[:5]))
    rolemap = get(root, '/RoleMap')
    if isinstance(rolemap, Dictionary):
        roles = {k[1:]: name(v) for k, v in rolemap.items()}
        for k in roles:
            if k in STANDARD_TYPES:
                ctx.fail('UA 02-004', 'the RoleMap remaps the standard type %s' % k)
            t, steps, path = k, 0, [k]
            while t not in STANDARD_TYPES and t in roles and steps < 32:
                t = roles[t]
                steps += 1
                if t in path:
                    ctx.fail('UA 02-003', 'the RoleMap maps %s in a circle (%s)' % (k, ' > '.join(path + [t])))
                    break
                path.append(t)
            else:
                if t not in STANDARD_TYPES:
                    ctx.fail('UA 02-001', 'the RoleMap maps %s to %s, not a standard type (A 6.7.3.4)' % (k, t))
    for e in order:
        if e.type not in STANDARD_TYPES and not (isinstance(rolemap, Dictionary) and '/' + e.raw in rolemap):
            ctx.fail('A 6.7.3.4', 'element type %s is neither standard nor in the RoleMap (UA 02-001)' % e.raw)

    headings = []
    h_used = hn_used = False
    for e in order:
        t = e.type
        kids = [c.type for c in e.children]
        ptype = e.parent.type if e.parent else None
        where = '%s %s' % (e.raw, e.og)
        lang = text(get(e.obj, '/Lang'))
        if lang is not None and lang != '' and not LANG_TAG.match(lang):
            ctx.fail('A 6.7.4', 'element %s: /Lang %r is not a language tag' % (where, lang))
        # Tables (ISO 32000-1 Table 337).
        if t == 'Table':
            body = kids[:]
            if body and body[0] == 'Caption':
                body = body[1:]
            elif body and body[-1] == 'Caption':
                body = body[:-1]
            if not body:
                ctx.fail('UA 09-004', '%s has no rows' % where)
            elif not all(k == 'TR' for k in body):
                rest = body[:]
                if rest and rest[0] == 'THead':
                    rest = rest[1:]
                if rest and rest[-1] == 'TFoot':
                    rest = rest[:-1]
                if not rest or not all(k == 'TBody' for k in rest):
                    ctx.fail('UA 09-004', '%s holds %s, not [Caption] TR+ or [THead] TBody+ [TFoot]'
                             % (where, ' '.join(kids)))
            cells = [d for d in _descendants(e) if d.type in ('TH', 'TD')]
            ths = [d for d in cells if d.type == 'TH']
            if cells and not ths:
                ctx.fail('UA 15-001/002', '%s has no TH cell (rapport gives every table a header row '
                         'or column)' % where)
        if t in ('THead', 'TBody', 'TFoot'):
            if ptype != 'Table':
                ctx.fail('UA 09-004', '%s is in %s, not in a Table' % (where, ptype))
            if any(k != 'TR' for k in kids):
                ctx.fail('UA 09-004', '%s holds %s, not only TR' % (where, ' '.join(kids)))
        if t == 'TR':
            if ptype not in ('Table', 'THead', 'TBody', 'TFoot'):
                ctx.fail('UA 09-004', '%s is in %s, not in Table, THead, TBody or TFoot' % (where, ptype))
            if any(k not in ('TH', 'TD') for k in kids):
                ctx.fail('UA 09-004', '%s holds %s, not only TH and TD' % (where, ' '.join(kids)))
        if t in ('TH', 'TD') and ptype != 'TR':
            ctx.fail('UA 09-004', '%s is in %s, not in a TR' % (where, ptype))
        if t == 'TH':
            scope = name(_attr(e.obj, 'Table', '/Scope'))
            if scope is None:
                ctx.fail('UA 15-003', '%s has no /A <</O /Table /Scope ...>>' % where)
            elif scope not in ('Row', 'Column', 'Both'):
                ctx.fail('UA 15-003', '%s has the Scope %s' % (where, scope))
        # Lists (Table 336).
        if t == 'L':
            body = kids[1:] if kids and kids[0] == 'Caption' else kids
            if not body:
                ctx.fail('UA 09-005', '%s has no LI' % where)
            for k in body:
                if k not in ('LI', 'L'):
                    ctx.fail('UA 09-005', '%s holds a %s' % (where, k))
        if t == 'LI':
            if ptype != 'L':
                ctx.fail('UA 09-005', '%s is in %s, not in an L' % (where, ptype))
            if not kids or any(k not in ('Lbl', 'LBody') for k in kids):
                ctx.fail('UA 09-005', '%s holds %s, not Lbl and LBody' % (where, ' '.join(kids) or 'nothing'))
        if t == 'LBody' and ptype != 'LI':
            ctx.fail('UA 09-005', '%s is in %s, not in an LI' % (where, ptype))
        if t == 'Lbl' and ptype not in ('LI', 'TOCI'):
            ctx.fail('UA 09-005', '%s is in %s, not in an LI (or TOCI)' % (where, ptype))
        # Tables of contents (Table 333).
        if t == 'TOC':
            for k in kids:
                if k not in ('TOC', 'TOCI', 'Caption'):
                    ctx.fail('UA 09-006', '%s holds a %s (only TOC, TOCI and Caption)' % (where, k))
        if t == 'TOCI':
            if ptype != 'TOC':
                ctx.fail('UA 09-006', '%s is in %s, not in a TOC' % (where, ptype))
            for k in kids:
                if k not in ('Lbl', 'Reference', 'NonStruct', 'P', 'TOC'):
                    ctx.fail('UA 09-006', '%s holds a %s (Table 333: Lbl, Reference, NonStruct, P, TOC)'
                             % (where, k))
        if t == 'Ruby' and any(k not in ('RB', 'RT', 'RP') for k in kids):
            ctx.fail('UA 09-007', '%s holds %s' % (where, ' '.join(kids)))
        if t == 'Warichu' and any(k not in ('WT', 'WP') for k in kids):
            ctx.fail('UA 09-008', '%s holds %s' % (where, ' '.join(kids)))
        # Captions.
        if t == 'Caption' and ptype in ('Table', 'Figure'):
            sib = e.parent.children
            if sib[0] is not e and sib[-1] is not e:
                ctx.fail('rapport', '%s is neither the first nor the last child of its %s' % (where, ptype))
        if t == 'Caption' and ptype == 'L' and e.parent.children[0] is not e:
            ctx.fail('UA 09-005', '%s is not the first child of its L' % where)
        # Headings.
        if t == 'H':
            h_used = True
        if re.match(r'^H[1-6]$', t):
            hn_used = True
            headings.append((int(t[1]), e))
        if kids.count('H') > 1:
            ctx.fail('UA 14-006', '%s holds %d H elements' % (where, kids.count('H')))
        # Alternatives.
        if t in ('Figure', 'Formula'):
            alt = text(get(e.obj, '/Alt'))
            actual = text(get(e.obj, '/ActualText'))
            if not (alt and alt.strip()) and not (actual and actual.strip()):
                ctx.fail('UA 13-004' if t == 'Figure' else 'UA 17-002',
                         '%s has no Alt (or ActualText), or an empty one' % where,
                         _elem_page(ctx, e))
    if h_used and hn_used:
        ctx.fail('UA 14-007', 'the document uses both H and H1-H6')
    prev = 0
    for level, e in headings:
        if prev == 0 and level != 1:
            ctx.fail('UA 14-002', 'the first heading is H%d, not H1' % level, _elem_page(ctx, e))
        elif level > prev + 1 and prev:
            ctx.fail('UA 14-003', 'H%d follows H%d: a level is skipped' % (level, prev), _elem_page(ctx, e))
        prev = level
    _check_notes(ctx, root, order)


def _descendants(e):
    out, stack = [], list(reversed(e.children))
    while stack:
        d = stack.pop()
        if d.type == 'Table':
            continue
        out.append(d)
        stack.extend(reversed(d.children))
    return out


def _elem_page(ctx, e):
    pg = get(e.obj, '/Pg')
    if pg is not None:
        return ctx.page_no.get(objgen(pg))
    for cont, _ in e.mcrs:
        if cont in ctx.page_no:
            return ctx.page_no[cont]
    return None


def _check_notes(ctx, root, order):
    ids = collections.defaultdict(list)
    for e in order:
        i = get(e.obj, '/ID')
        if i is not None:
            ids[bytes(i)].append(e)
        elif e.type == 'Note':
            ctx.fail('UA 19-003', 'Note %s has no /ID' % (e.og,), _elem_page(ctx, e))
    for i, es in ids.items():
        if len(es) > 1:
            ctx.fail('UA 19-004', 'the /ID %r is shared by %d elements' % (i.decode('latin-1'), len(es)))
    if not ids:
        return
    tree = get(root, '/IDTree')
    if not isinstance(tree, Dictionary):
        ctx.fail('PDF 14.7.2', 'elements have /ID but the StructTreeRoot has no /IDTree')
        return
    mapped = {}
    for k, v in _name_tree_bytes(tree).items():
        mapped[k] = objgen(v)
    for i, es in ids.items():
        if i not in mapped:
            ctx.fail('PDF 14.7.2', 'the /ID %r is not in the IDTree' % i.decode('latin-1'))
        elif mapped[i] != es[0].og:
            ctx.fail('PDF 14.7.2', 'the IDTree maps %r to another element' % i.decode('latin-1'))


def _name_tree_bytes(node, out=None, depth=0):
    out = {} if out is None else out
    if not isinstance(node, Dictionary) or depth > 32:
        return out
    arr = get(node, '/Names')
    if isinstance(arr, Array):
        for i in range(0, len(arr) - 1, 2):
            out[bytes(arr[i])] = arr[i + 1]
    for kid in as_list(get(node, '/Kids')):
        _name_tree_bytes(kid, out, depth + 1)
    return out


# The marked content and the tree agree: UA 01-005 (every MCID in a page or form has an element
# in ParentTree[/StructParents], so it is reached from the tree), PDF 14.7.4.4 (that element's
# /K, with /Pg or the MCR's /Pg or /Stm, names this MCID of this page; every page or form with
# MCIDs has /StructParents; keys are not shared; /ParentTreeNextKey is above every key),
# PDF 14.7.4.2 (no element claims an MCID its page does not have, nor one another element
# claims).
def check_parent_tree(ctx, tree):
    root, order = tree
    if root is None:
        return
    pt = get(root, '/ParentTree')
    entries = _number_tree(pt) if isinstance(pt, Dictionary) else {}
    if not isinstance(pt, Dictionary):
        ctx.fail('PDF 14.7.4.4', 'the StructTreeRoot has no /ParentTree')
    claims = {}
    for e in order:
        for ref in e.mcrs:
            if ref in claims:
                ctx.fail('PDF 14.7.4.2', 'MCID %s of %s is claimed by %s and %s'
                         % (ref[1], _where(ctx, ref[0]), claims[ref].raw, e.raw), ctx.page_no.get(ref[0]))
            claims[ref] = e
    by_og = {e.og: e for e in order}
    keys_used = collections.Counter()
    nxt = as_int(get(root, '/ParentTreeNextKey'))
    if entries and (nxt is None or nxt <= max(entries)):
        ctx.fail('PDF 14.7.4.4', '/ParentTreeNextKey (%s) is not above every key of the ParentTree (%d)'
                 % (nxt, max(entries)))
    containers = {}
    for i, p in enumerate(ctx.pages):
        containers[p.obj.objgen] = (p.obj, i + 1)
    for cont, mcids in ctx.mcids.items():
        if cont not in containers and mcids:
            try:
                containers[cont] = (ctx.pdf.get_object(cont), min(mcids.values()))
            except Exception:
                pass
    for cont, (obj, pno) in containers.items():
        mcids = ctx.mcids.get(cont, {})
        key = as_int(get(obj, '/StructParents'))
        if key is not None:
            keys_used[key] += 1
        if not mcids:
            continue
        if key is None:
            ctx.fail('PDF 14.7.4.4', '%s has MCIDs but no /StructParents: none of its content reaches '
                     'the structure tree (UA 01-005)' % _where(ctx, cont), pno)
            continue
        arr = entries.get(key)
        if not isinstance(arr, Array):
            ctx.fail('UA 01-005', 'ParentTree[%d] (the /StructParents of %s) is not an array of elements'
                     % (key, _where(ctx, cont)), pno)
            continue
        missing = []
        for mcid in sorted(mcids):
            el = arr[mcid] if 0 <= mcid < len(arr) else None
            if not isinstance(el, Dictionary):
                missing.append(mcid)
                continue
            e = by_og.get(objgen(el))
            if e is None:
                ctx.fail('PDF 14.7.4.4', 'ParentTree[%d][%d] is an element that is not in the structure tree'
                         % (key, mcid), pno)
            elif (cont, mcid) not in e.mcrs:
                ctx.fail('PDF 14.7.4.4', 'ParentTree[%d][%d] is %s, whose /K does not name MCID %d of this %s'
                         % (key, mcid, e.raw, mcid, 'page' if cont in ctx.page_no else 'form'), pno)
        if missing:
            ctx.fail('UA 01-005', 'MCID %s: no structure element in ParentTree[%d], so this content is '
                     'not reached from the tree' % (_ranges(missing), key), pno)
    for (cont, mcid), e in claims.items():
        if cont in ctx.page_no or cont in ctx.mcids:
            if mcid not in ctx.mcids.get(cont, {}):
                ctx.fail('PDF 14.7.4.2', '%s names MCID %s of %s, which has no such marked content'
                         % (e.raw, mcid, _where(ctx, cont)), ctx.page_no.get(cont))
    ctx.parent_tree = entries
    ctx.keys_used = keys_used


def _where(ctx, og):
    if og in ctx.page_no:
        return 'page %d' % ctx.page_no[og]
    return 'form %d %d' % og if og else 'nothing'


def _ranges(nums):
    out, start, prev = [], None, None
    for n in nums:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append('%d-%d' % (start, prev) if start != prev else str(start))
            start = prev = n
    if start is not None:
        out.append('%d-%d' % (start, prev) if start != prev else str(start))
    return ','.join(out)


# ----------------------------------------------------------------- annotations and actions

ANNOT_TYPES = {'Text', 'Link', 'FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine',
               'Highlight', 'Underline', 'Squiggly', 'StrikeOut', 'Stamp', 'Caret', 'Ink', 'Popup',
               'FileAttachment', 'Widget', 'PrinterMark', 'TrapNet', 'Watermark', 'Redact'}
ISO_ANNOT_TYPES = ANNOT_TYPES | {'Sound', 'Movie', 'Screen', '3D'}
ACTIONS_ALLOWED = {'GoTo', 'GoToR', 'GoToE', 'Thread', 'URI', 'Named', 'SubmitForm'}


# A 6.3.1 and UA 28-006/28-007 (annotation types), A 6.3.2 (F: Print set, Hidden, Invisible,
# ToggleNoView, NoView clear), A 6.3.3 (an appearance with only N, except Link and Popup), A
# 6.4.1 (widgets without A/AA), A 6.5.1 (actions of annotations, outlines and OpenAction:
# GoTo, GoToR, GoToE, Thread, URI, Named Next/Prev/First/LastPage, SubmitForm only; no
# JavaScript), UA 28-008/28-009 (a page with annotations has /Tabs /S), UA 28-011 (a link
# annotation's /StructParent leads to a Link element), PDF 14.7.4.3 (that element holds an OBJR
# naming the annotation; keys not shared), UA 28-012 (a link has a non-empty /Contents), UA
# 28-002/28-004 (other annotations: an Annot element, Contents or Alt), UA 28-010 (widgets in
# Form), UA 28-017 (no PrinterMark in the structure).
def check_annotations(ctx, tree):
    root, order = tree
    entries = getattr(ctx, 'parent_tree', {})
    keys_used = getattr(ctx, 'keys_used', collections.Counter())
    by_og = {e.og: e for e in order} if order else {}
    for i, page in enumerate(ctx.pages):
        pno = i + 1
        annots = [a for a in as_list(get(page.obj, '/Annots')) if isinstance(a, Dictionary)]
        if not annots:
            continue
        tabs = name(get(page.obj, '/Tabs'))
        if tabs is None:
            ctx.fail('UA 28-008', 'the page has annotations but no /Tabs', pno)
        elif tabs != 'S':
            ctx.fail('UA 28-009', 'the page has /Tabs /%s, not /S' % tabs, pno)
        for a in annots:
            st = name(get(a, '/Subtype'))
            og = objgen(a)
            label = '%s annotation %s' % (st, og)
            if st not in ISO_ANNOT_TYPES:
                ctx.fail('UA 28-006', '%s: a type ISO 32000-1 does not define (A 6.3.1)' % label, pno)
            elif st not in ANNOT_TYPES:
                ctx.fail('A 6.3.1', '%s: a type PDF/A-2 forbids' % label, pno)
            if st == 'TrapNet':
                ctx.fail('UA 28-007', '%s' % label, pno)
            if st != 'Popup':
                f = as_int(get(a, '/F'))
                if f is None:
                    ctx.fail('A 6.3.2', '%s has no /F flags' % label, pno)
                elif not (f & 4) or f & (1 | 2 | 32 | 256):
                    ctx.fail('A 6.3.2', '%s has /F %d: Print must be set, Hidden, Invisible, NoView and '
                             'ToggleNoView clear' % (label, f), pno)
            ap = get(a, '/AP')
            rect = [float(x) for x in as_list(get(a, '/Rect'))]
            empty = len(rect) == 4 and rect[0] == rect[2] and rect[1] == rect[3]
            if ap is None and st not in ('Link', 'Popup') and not empty:
                ctx.fail('A 6.3.3', '%s has no appearance (/AP)' % label, pno)
            if isinstance(ap, Dictionary):
                if set(ap.keys()) != {'/N'}:
                    ctx.fail('A 6.3.3', '%s: /AP holds %s, not only /N' % (label, ', '.join(ap.keys())), pno)
            if st == 'Widget' and ('/A' in a or '/AA' in a):
                ctx.fail('A 6.4.1', '%s has /A or /AA' % label, pno)
            _check_action(ctx, get(a, '/A'), label, pno)
            aa = get(a, '/AA')
            if isinstance(aa, Dictionary):
                for k, act in aa.items():
                    _check_action(ctx, act, label + ' ' + k, pno)
            if st in ('Popup',):
                continue
            contents = text(get(a, '/Contents'))
            sp = as_int(get(a, '/StructParent'))
            el = entries.get(sp) if sp is not None else None
            e = by_og.get(objgen(el)) if isinstance(el, Dictionary) else None
            if sp is not None:
                keys_used[sp] += 1
            if st == 'PrinterMark':
                if sp is not None:
                    ctx.fail('UA 28-017', '%s is in the structure tree' % label, pno)
                continue
            if st == 'Link':
                if sp is None:
                    ctx.fail('UA 28-011', '%s has no /StructParent: it is not in a Link element' % label, pno)
                elif e is None:
                    ctx.fail('UA 28-011', '%s: ParentTree[%d] is not an element of the tree' % (label, sp), pno)
                elif e.type != 'Link':
                    ctx.fail('UA 28-011', '%s: ParentTree[%d] is a %s, not a Link' % (label, sp, e.raw), pno)
                if e is not None and og not in e.objrs:
                    ctx.fail('PDF 14.7.4.3', '%s: its element %s holds no OBJR naming it' % (label, e.raw), pno)
                if not (contents and contents.strip()):
                    ctx.fail('UA 28-012', '%s has no /Contents (or an empty one)' % label, pno)
            elif st == 'Widget':
                if e is None or e.type != 'Form':
                    ctx.fail('UA 28-010', '%s is not in a Form element' % label, pno)
            else:
                if e is None or e.type != 'Annot':
                    ctx.fail('UA 28-002', '%s is not in an Annot element' % label, pno)
                alt = text(get(e.obj, '/Alt')) if e is not None else None
                if not (contents and contents.strip()) and not (alt and alt.strip()):
                    ctx.fail('UA 28-004', '%s has neither /Contents nor an Alt on its element' % label, pno)
    for key, n in keys_used.items():
        if n > 1:
            ctx.fail('PDF 14.7.4.4', 'the ParentTree key %d is the /StructParent(s) of %d objects' % (key, n))
    # Outlines and the open action.
    _check_action(ctx, get(ctx.pdf.Root, '/OpenAction'), 'the OpenAction', None)
    outlines = get(ctx.pdf.Root, '/Outlines')
    node = get(outlines, '/First') if isinstance(outlines, Dictionary) else None
    stack, seen = ([node] if node is not None else []), set()
    while stack:
        o = stack.pop()
        if not isinstance(o, Dictionary) or objgen(o) in seen:
            continue
        seen.add(objgen(o))
        _check_action(ctx, get(o, '/A'), 'outline %r' % text(get(o, '/Title')), None)
        for k in ('/First', '/Next'):
            if get(o, k) is not None:
                stack.append(o[k])


def _check_action(ctx, act, where, pno, depth=0):
    if not isinstance(act, Dictionary) or depth > 16:
        return
    s = name(get(act, '/S'))
    if s not in ACTIONS_ALLOWED:
        ctx.fail('A 6.5.1', '%s: a %s action' % (where, s), pno)
    if s == 'Named' and name(get(act, '/N')) not in ('NextPage', 'PrevPage', 'FirstPage', 'LastPage'):
        ctx.fail('A 6.5.1', '%s: the named action %s' % (where, get(act, '/N')), pno)
    for nxt in as_list(get(act, '/Next')):
        _check_action(ctx, nxt, where, pno, depth + 1)


# ----------------------------------------------------------------- driver

def check(path, max_per_rule):
    try:
        ctx = Ctx(path, max_per_rule)
    except Exception as e:
        return path, [(None, 'PDF', 'cannot be opened: %s' % e)], collections.Counter({'PDF': 1}), {}
    ctx.output_space = None
    steps = (check_file_structure, check_catalog, check_metadata, check_output_intent, check_content,
             check_colour_use, check_graphics_resources, check_font_dictionaries, check_glyphs)
    for step in steps:
        try:
            step(ctx)
        except Exception as e:  # a checker bug must not pass a file
            ctx.fail('checker', '%s crashed: %s: %s' % (step.__name__, type(e).__name__, e))
    try:
        tree = build_tree(ctx)
        check_structure(ctx, tree)
        check_parent_tree(ctx, tree)
        check_annotations(ctx, tree)
    except Exception as e:
        ctx.fail('checker', 'structure checks crashed: %s: %s' % (type(e).__name__, e))
    stats = dict(ctx.stats)
    stats['pages'] = len(ctx.pages)
    return path, ctx.failures, ctx.count, stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('files', nargs='+', metavar='FILE.pdf')
    ap.add_argument('--max-per-rule', type=int, default=10,
                    help='lines printed per rule and file (0: all); the summary counts them all')
    ap.add_argument('--jobs', '-j', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--quiet', '-q', action='store_true', help='summary lines only')
    args = ap.parse_args(argv)
    bad = 0
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        for path, failures, count, stats in ex.map(check, args.files, [args.max_per_rule] * len(args.files)):
            if not args.quiet:
                for page, rule, msg in failures:
                    where = '%s: page %d: ' % (path, page) if page else '%s: ' % path
                    print('%s[%s] %s' % (where, rule, msg))
                for rule, n in sorted(count.items()):
                    if args.max_per_rule and n > args.max_per_rule:
                        print('%s: [%s] ... %d more like these' % (path, rule, n - args.max_per_rule))
            if count:
                bad += 1
                total = sum(count.values())
                print('%s: FAIL: %d failures (%s)' % (path, total, ', '.join(
                    '%s x%d' % (r, n) for r, n in sorted(count.items()))))
            else:
                print('%s: ok (%d pages, %d structure elements, %d MCIDs, %d glyphs)' % (
                    path, stats.get('pages', 0), stats.get('elements', 0), stats.get('mcids', 0),
                    stats.get('glyphs', 0)))
            sys.stdout.flush()
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
