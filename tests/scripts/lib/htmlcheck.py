#!/usr/bin/env python3
"""Checks of rapport's HTML edition that read the HTML with a real parser (the standard
library's html.parser: no package to install).

  htmlcheck.py inert [--expect FILE] HTML...
      Each file is inert, whatever text its model held: no <script> (nor iframe, object,
      embed, base, form, frame, foreignObject, a refreshing <meta>), no attribute named on*,
      no attribute name that broken quoting would make (a quote, '<', '/', '='), no href, src,
      xlink:href, action, poster, srcset... whose value (after the URL parser's stripping of
      tabs, newlines and leading spaces and control characters, any case) starts with
      javascript:, vbscript:, livescript: or data: (but an <img>'s data:image/png or
      data:image/jpeg), no CDATA section or processing instruction, no script in CSS
      (expression(), javascript:, @import, url() other than data: or #id) in <style> or
      style=. With --expect, each line of FILE must appear in the visible text (whitespace
      collapsed): text that became markup, a comment or a style sheet would not.
  htmlcheck.py numbers PDF_TEXT HTML
      Every number of a PDF's text (pdftotext -layout, pages split by form feeds) is a number
      of the HTML's visible text; page numbers are not taken (the rule is in pdf_numbers).
  htmlcheck.py outputs OUT_DIR
      A build with both formats: an X.html beside every X.pdf (and no .html alone);
      index.html links the .pdf and the .html of every publication (none of the review
      editions) and every relative link of it leads to a file; manifest.xml has an entry for
      every .pdf and .html whose attributes give its media type (application/pdf, text/html).

The visible text: the text of <body> but <style>, <script>, <template>, SVG <title> and
<desc> and elements marked hidden; the text inside SVG <text> counts (it is drawn).
Exit status 0 all good, 1 a check failed, 2 a usage error or an unreadable file.
"""
import html.parser
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param',
        'source', 'track', 'wbr'}
SKIPPED = {'head', 'style', 'script', 'template', 'noscript'}
SVG_SKIPPED = {'title', 'desc'}
FORBIDDEN = {'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base',
             'form', 'portal', 'foreignobject', 'handler', 'listener'}
URL_ATTRS = {'href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'background',
             'cite', 'longdesc', 'data', 'srcset', 'ping', 'manifest', 'codebase', 'lowsrc',
             'dynsrc', 'usemap', 'icon', 'profile'}
BAD_SCHEMES = ('javascript:', 'vbscript:', 'livescript:', 'data:')
SAFE_DATA = re.compile(r'data:image/(png|jpeg)[;,]')
ATTR_NAME = re.compile(r'^[a-z_][-a-z0-9_:.]*$')
CSS_BAD = re.compile(r'expression\s*\(|javascript:|vbscript:|@import|-moz-binding|behavior\s*:'
                     r'|url\s*\(\s*[\'"]?\s*(?!data:|#)', re.I)
NUMBER = re.compile(r'\d+(?:[.,]\d+)*')


def read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as e:
        print(f'{path}: cannot read: {e}')
        sys.exit(2)


def url_value(v):
    """A URL attribute as a browser's URL parser sees its scheme: tabs and newlines removed
    anywhere, leading and trailing C0 controls and spaces stripped, lower case."""
    v = re.sub(r'[\t\n\r]', '', v)
    return v.strip(''.join(chr(c) for c in range(0x21))).lower()


class Doc(html.parser.HTMLParser):
    """One HTML file: its elements (tag, attributes, line) and its visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.chunks = []        # visible text, in order
        self.skip = []          # [tag, depth] of the skipped element we are in
        self.svg = 0
        self.decls = []         # CDATA sections, processing instructions, odd declarations

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, tag not in VOID)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, False)

    def _start(self, tag, attrs, opens):
        self.elements.append((tag, attrs, self.getpos()[0]))
        if self.skip:
            top = self.skip[-1]
            if top[0] == 'head' and tag == 'body':
                self.skip.pop()
            elif tag == top[0] and opens:
                top[1] += 1
            return
        if tag == 'svg' and opens:
            self.svg += 1
        hidden = any(k == 'hidden' for k, _ in attrs)
        if opens and (tag in SKIPPED or (self.svg and tag in SVG_SKIPPED) or hidden):
            self.skip.append([tag, 1])

    def handle_endtag(self, tag):
        if self.skip:
            top = self.skip[-1]
            if tag == top[0]:
                top[1] -= 1
                if top[1] == 0:
                    self.skip.pop()
            return
        if tag == 'svg' and self.svg:
            self.svg -= 1
        # a block's end separates words that the markup alone separates
        self.chunks.append('\x00')

    def handle_data(self, data):
        if not self.skip:
            self.chunks.append(data)
        elif self.skip[-1][0] == 'style':
            self.elements.append(('#style', [('css', data)], self.getpos()[0]))

    def unknown_decl(self, data):
        self.decls.append((self.getpos()[0], '<![' + data[:40]))

    def handle_pi(self, data):
        self.decls.append((self.getpos()[0], '<?' + data[:40]))

    def texts(self):
        """The visible text twice: chunks joined as they stand (a footnote mark sticks to its
        word, as in the PDF's text) and separated by spaces."""
        joined = ''.join(c for c in self.chunks if c != '\x00')
        spaced = ' '.join(self.chunks).replace('\x00', ' ')
        norm = lambda s: re.sub(r'\s+', ' ', s).strip()
        return norm(joined), norm(spaced)


def parse(path):
    d = Doc()
    d.feed(read(path))
    d.close()
    return d


# ---------------------------------------------------------------- inert

def inert(args):
    expect = []
    if args[:1] == ['--expect']:
        if len(args) < 2:
            usage()
        expect = [l.rstrip('\n') for l in read(args[1]).splitlines() if l.strip()]
        args = args[2:]
    if not args:
        usage()
    bad = 0
    for path in args:
        d = parse(path)
        problems = []
        for tag, attrs, line in d.elements:
            where = f'{path}:{line}: <{tag}>'
            if tag == '#style':
                m = CSS_BAD.search(attrs[0][1])
                if m:
                    problems.append(f'{path}:{line}: <style> holds {m.group(0)!r}')
                continue
            if tag in FORBIDDEN:
                problems.append(f'{where} element')
            low = {k: (v or '') for k, v in attrs}
            if tag == 'meta' and low.get('http-equiv', '').lower() == 'refresh':
                problems.append(f'{where} http-equiv=refresh')
            if tag in ('animate', 'set') and low.get('attributename', '').lower() in ('href', 'xlink:href'):
                problems.append(f'{where} animates a link')
            for k, v in attrs:
                v = v or ''
                if k.startswith('on'):
                    problems.append(f'{where} event handler attribute {k}={v[:60]!r}')
                elif not ATTR_NAME.match(k):
                    problems.append(f'{where} attribute name {k[:60]!r} (broken quoting?)')
                if k in URL_ATTRS:
                    for u in (v.split(',') if k == 'srcset' else [v]):
                        u = url_value(u)
                        if u.startswith(BAD_SCHEMES) and not (
                                tag == 'img' and k == 'src' and SAFE_DATA.match(u)):
                            problems.append(f'{where} {k}={v[:80]!r}')
                if k == 'style':
                    m = CSS_BAD.search(v)
                    if m:
                        problems.append(f'{where} style holds {m.group(0)!r}')
        for line, what in d.decls:
            problems.append(f'{path}:{line}: markup declaration {what!r}')
        joined, spaced = d.texts()
        for s in expect:
            n = re.sub(r'\s+', ' ', s).strip()
            if n not in joined and n not in spaced:
                problems.append(f'{path}: the text {s!r} is not in the visible text')
        for p in problems[:40]:
            print(p)
        if len(problems) > 40:
            print(f'{path}: … {len(problems) - 40} more')
        if problems:
            bad += 1
        else:
            print(f'ok {path}')
    print(f'{len(args)} files, {bad} not inert')
    return 1 if bad else 0


# ---------------------------------------------------------------- numbers

ROMAN_NUMERAL = r'(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})'
FOOTER = re.compile(r'^(.*?)(?:\s{2,}|^\s*)(?:(?:Page|Pagina|Seite)\s+\d+\s*/\s*\d+|'
                    + ROMAN_NUMERAL + r')\s*$')
ROMAN = re.compile(r'(?:\s{2,}|^\s*)' + ROMAN_NUMERAL + r'\s*$')
TOC_PAGE = re.compile(r'\s{2,}\d{1,4}\s*$')


def pdf_numbers(text):
    """The numbers of a PDF's text, each with the first (page, line) it is on.

    Page numbers are not taken, by two rules on the layout that rapport's PDFs have:
      - the footer, each page's last non-empty line, ends with the page's label after two
        spaces or more: 'Page 3 / 12' / 'Pagina 3 / 12' / 'Seite 3 / 12', or a lower-case
        roman numeral in the front matter; that label is dropped (the rest, the date, stays);
      - the table of contents is in the front matter (pages labelled in roman numerals): on
        those pages, a number that ends a line after two spaces or more is an entry's page
        number and is dropped (the entry's own numbers, 'Objectif stratégique 2', stay).
    The cover has no footer: nothing is dropped from it."""
    found = {}
    for pno, page in enumerate(text.split('\f'), 1):
        lines = page.split('\n')
        last = max((i for i, l in enumerate(lines) if l.strip()), default=None)
        front = False
        if last is not None:
            m = FOOTER.match(lines[last])
            if m:
                front = bool(ROMAN.search(lines[last]))
                lines[last] = m.group(1)
        for i, line in enumerate(lines):
            if front and i != last:
                line = TOC_PAGE.sub('', line)
            for tok in NUMBER.findall(line):
                found.setdefault(tok, (pno, lines[i].strip()))
    return found


def html_numbers(path):
    joined, spaced = parse(path).texts()
    return set(NUMBER.findall(joined)) | set(NUMBER.findall(spaced))


def numbers(args):
    if len(args) != 2:
        usage()
    pdf = pdf_numbers(read(args[0]))
    have = html_numbers(args[1])
    missing = sorted((v, k) for k, v in pdf.items() if k not in have)
    for (page, line), tok in missing:
        print(f'{args[1]}: missing {tok}  (PDF page {page}: {line[:110]})')
    print(f'{args[1]}: {len(pdf)} numbers in the PDF, {len(missing)} missing from the HTML')
    return 1 if missing else 0


# ---------------------------------------------------------------- outputs

class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == 'a':
            self.hrefs += [v for k, v in attrs if k == 'href' and v]


def outputs(args):
    if len(args) != 1:
        usage()
    out = args[0]
    files = set()
    for root, _, names in os.walk(out):
        for n in names:
            if n.endswith(('.pdf', '.html')):
                files.add(os.path.relpath(os.path.join(root, n), out).replace(os.sep, '/'))
    files.discard('index.html')
    problems = []
    pdfs = sorted(f for f in files if f.endswith('.pdf'))
    htmls = sorted(f for f in files if f.endswith('.html'))
    for f in pdfs:
        if f[:-4] + '.html' not in files:
            problems.append(f'{f}: no {os.path.basename(f)[:-4]}.html beside it')
    for f in htmls:
        if f[:-5] + '.pdf' not in files:
            problems.append(f'{f}: no {os.path.basename(f)[:-5]}.pdf beside it')

    index = os.path.join(out, 'index.html')
    if not os.path.isfile(index):
        problems.append('no index.html')
    else:
        p = Links()
        p.feed(read(index))
        linked = set()
        for h in p.hrefs:
            u = urllib.parse.urlsplit(h)
            if u.scheme or u.netloc or not u.path:
                continue  # another site, or a fragment of the index itself
            path = urllib.parse.unquote(u.path)
            linked.add(path)
            if not os.path.exists(os.path.join(out, path)):
                problems.append(f'index.html links {h}, which does not exist')
        for f in pdfs + htmls:
            review = f.startswith('review/')
            if not review and f not in linked:
                problems.append(f'index.html does not link {f}')
            if review and f in linked:
                problems.append(f'index.html links the review edition {f}')

    manifest = os.path.join(out, 'manifest.xml')
    try:
        tree = ET.parse(manifest)
    except (OSError, ET.ParseError) as e:
        problems.append(f'manifest.xml: {e}')
        tree = None
    if tree is not None:
        holder = {}
        for e in tree.iter():
            for v in list(e.attrib.values()) + [(e.text or '').strip()]:
                if v in files:
                    holder.setdefault(v, []).append(e)
        for f in pdfs + htmls:
            want = 'application/pdf' if f.endswith('.pdf') else 'text/html'
            es = holder.get(f)
            if not es:
                problems.append(f'manifest.xml has no entry for {f}')
            elif not any(want in v for e in es for v in e.attrib.values()):
                problems.append(f'manifest.xml: the entry of {f} does not give {want}')
    for p in problems[:60]:
        print(p)
    if len(problems) > 60:
        print(f'… {len(problems) - 60} more')
    print(f'{len(pdfs)} PDF, {len(htmls)} HTML documents, {len(problems)} problems')
    return 1 if problems else 0


def usage():
    print(__doc__.split('\n\n')[1], file=sys.stderr)
    sys.exit(2)


def main():
    if len(sys.argv) < 2:
        usage()
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == 'inert':
        return inert(args)
    if cmd == 'numbers':
        return numbers(args)
    if cmd == 'outputs':
        return outputs(args)
    usage()


if __name__ == '__main__':
    sys.exit(main())
