#!/usr/bin/env python3
"""Nothing modelled is invisible: every text of every model reaches a document.

Reads the models themselves (every text element the schema declares with the inline type,
every string element and string attribute, in every language a file carries), renders every
document kind that `rapport --help` lists for each plan and each evaluation (publication
edition, --allow-fallback, `--text`), and looks for each text in the document trees of its
language, whitespace, case and inline markup normalised on both sides. A long text that a
document splits is found when each of its sentences is.

Usage: visibility.py --rapport BIN --src DIR [--exceptions FILE] [--docs docs/model.md]
                     [--table] [--jobs N] [--quiet] PATH...
PATH: an organisation directory (plan.xml, evaluation-YYYY.xml) or a directory of models
(plans and their evaluations, grouped by the evaluations' plan attribute).
Exit 0 when every text reaches a document (and the docs' table agrees), 1 otherwise.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import schema as xsd  # noqa: E402

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
# Inline markup whose text is not read where it stands but elsewhere in the document (a
# footnote's text goes to the end of its section): a text of its own, cut out of its host.
DETACHED = {'footnote'}
# A text an amendment removed or replaced (change="removed" or "replaced") is the inverse
# case: documents print the consolidated text, so it must reach NO document, and it says
# nothing about which documents show its element.
REMOVED = {'removed', 'replaced'}
LONG = 80            # a text this long that is not found whole is looked for sentence by sentence
SENTENCE = re.compile(r'(?<=[.!?;])\s+|\s+[–—]\s+|\n')


# ---------------------------------------------------------------- normalisation

_LANG_MARK = re.compile(r'\{(?:fr|nl|en|de)\}')
_LINK = re.compile(r'\[([^\]]*)\]\([^)\s]*\)')
_QUOTES = str.maketrans({'’': "'", '‘': "'", '‛': "'", '`': "'", '“': '"', '”': '"',
                         '„': '"', '‑': '-', '‐': '-', '\u00ad': None, '*': None, '^': None})
_SPACE = re.compile(r'\s+')
# A footnote's mark where its text stood ("ans^1^."): the model's text has the footnote cut
# out (DETACHED), so the mark is the document's alone.
_NOTE_MARK = re.compile(r'\^[0-9]+\^')
# The caption of a medium the source lost (missing="true"): nothing to look at, so the
# publication leaves it out and only the review edition shows it, saying that it is missing
# (docs/editions.md); the test reads publications.
# A table caption's leading source number ("TAB 1 - Budget Global", "18.9. Budget de
# gestion …"): the documents number their tables themselves ("Tableau 1 – Budget Global")
# and print the caption without it; the rest of the caption must still be found.
TABLE_NUMBER = re.compile(r'^(?:(?:tableau|tabelle|tabel|table|tab)\.?\s+)?[0-9]{1,2}(?:\.[0-9]{1,2})*\.?'
                          r'\s*[-–—:]?\s+(?=\S)', re.I)
LOST_MEDIUM = 'the caption of a medium the source lost: shown by the review edition only'
# Nor does a publication print a heading over nothing: a section whose only content is such
# a medium (its subsections' too) is left out with it.
LOST_SECTION = 'a section that holds only a medium the source lost: shown by the review edition only'
SECTION_TEXT = {'title', 'teaser'}
# A timing with a date: the documents print the date, spelled in the edition's language, and
# place the action on the calendar by it; the source's wording of that date ("15 mars") is
# kept for traceability, as the `raw` attributes are.
DATED_TIMING = "the source's wording of a dated timing: the documents print the date itself"


def lost_only(e):
    """A section with nothing to show but lost media, in a publication."""
    if e.tag != 'section' or e.get('role') not in (None, 'body'):
        return False
    content = [c for c in e if isinstance(c.tag, str) and c.tag not in SECTION_TEXT]
    return bool(content) and all(
        (c.tag == 'figure' and c.get('missing') == 'true') or lost_only(c) for c in content)


def norm_text(s):
    """A model text as compared: typography, markup characters, case and spacing folded."""
    s = s.translate(_QUOTES)
    s = s.replace('«', '"').replace('»', '"')
    s = _SPACE.sub(' ', s.replace('\u00a0', ' ').replace('\u202f', ' ')).strip().casefold()
    s = _BEFORE_MARK.sub(r'\1', s)  # French spaces before ; : ! ? are typography
    return s.replace('" ', '"').replace(' "', '"')


_BEFORE_MARK = re.compile(r' ([;:!?])')


# A superscript of letters (an ordinal's suffix); a superscript of digits is a footnote's
# mark, which _NOTE_MARK must still find.
_SUP_SUFFIX = re.compile(r'\^([^\W\d_]+)\^')
_SUPERSCRIPT = str.maketrans('⁰¹²³⁴⁵⁶⁷⁸⁹', '0123456789')


def norm_tree(s):
    """A document tree (rapport render --text) as compared: twice, as printed and without
    the superscript numbers that may be footnote marks (a <sup>1</sup> of the model's is
    its own text, a footnote's mark is not)."""
    s = s.translate(_SUPERSCRIPT)
    s = _LANG_MARK.sub('', s)
    s = s.replace('{{', '').replace('}}', '')
    s = _SUP_SUFFIX.sub(r'\1', s)  # an ordinal's suffix in superscript: "1^er^" reads "1er"
    s = _LINK.sub(r'\1', s)
    return ' ' + norm_text(s) + ' \n ' + norm_text(_NOTE_MARK.sub('', s)) + ' '


def _word(c):
    return c.isalnum()


def found_in(needle, hay):
    """`needle` occurs in `hay` not inside a longer word (a short text is a word, not a
    piece of one)."""
    if not needle:
        return True
    start = 0
    while True:
        i = hay.find(needle, start)
        if i < 0:
            return False
        j = i + len(needle)
        if (i == 0 or not (_word(hay[i - 1]) and _word(needle[0]))) and \
           (j >= len(hay) or not (_word(hay[j]) and _word(needle[-1]))):
            return True
        start = i + 1


# ---------------------------------------------------------------- the models

class Text:
    __slots__ = ('file', 'line', 'key', 'element', 'where', 'lang', 'raw', 'norm', 'anchors',
                 'kinds', 'exception', 'removed')

    def __init__(self, file, line, key, element, where, lang, raw, anchors):
        self.file, self.line, self.key, self.element = file, line, key, element
        self.where, self.lang, self.raw = where, lang, raw
        self.norm = norm_text(raw)
        if key == 'table/caption':
            self.norm = norm_text(TABLE_NUMBER.sub('', raw))
        self.anchors = anchors   # keys of the elements it stands in (for the table)
        self.kinds = set()
        self.exception = None   # why it need not reach a publication, when it need not
        self.removed = False    # an amendment removed or replaced it: it must reach none


def parse(path):
    """The element tree of a model file, and each element's line (expat, which the tree
    builder of xml.etree sits on, says where each element starts)."""
    import xml.parsers.expat
    b = ET.TreeBuilder()
    lines = {}
    p = xml.parsers.expat.ParserCreate()

    def start(tag, attrs):
        attrs = {(XML_LANG if k == 'xml:lang' else k): v for k, v in attrs.items()}
        lines[b.start(tag, attrs)] = p.CurrentLineNumber

    p.StartElementHandler = start
    p.EndElementHandler = b.end
    p.CharacterDataHandler = b.data
    with open(path, 'rb') as f:
        try:
            p.Parse(f.read(), True)
        except xml.parsers.expat.ExpatError as e:
            raise ET.ParseError(str(e))
    return b.close(), lines


def text_of(e):
    """The text an inline element shows where it stands (detached markup cut out)."""
    out = [e.text or '']
    for c in e:
        if c.tag not in DETACHED:
            out.append(text_of(c))
        out.append(c.tail or '')
    return ''.join(out)


def model_texts(path, sch, rel):
    """Every text of one model file: (Text list, root tag, root attributes, languages)."""
    root, lines = parse(path)
    texts = []
    langs = set()
    string_attrs = {(el, a) for (el, a), t in sch.attributes.items()
                    if t == 'string'}
    root_lang = root.get(XML_LANG)

    def ident(e):
        return e.get('id') or e.get('ref')

    def visit(e, parent_tag, lang, chain, anchors, lost=None):
        lang = e.get(XML_LANG) or lang
        lost = lost or (LOST_MEDIUM if e.tag == 'figure' and e.get('missing') == 'true'
                        else LOST_SECTION if lost_only(e)
                        else DATED_TIMING if e.tag == 'timing' and e.get('date') else None)
        first = len(texts)
        key = f'{parent_tag}/{e.tag}' if parent_tag else e.tag
        here = chain + [f'{e.tag} {ident(e)}' if ident(e) else None]
        anchors = anchors + [key]
        where = ', '.join(x for x in here[:-1] if x)
        where = (where + ', ' if where else '') + e.tag
        for a, v in e.attrib.items():
            if (e.tag, a) in string_attrs and v.strip():
                texts.append(Text(rel, lines[e], f'{key}@{a}', f'{e.tag}@{a}', where, root_lang,
                                  v, anchors))
        decl = sch.pairs.get((parent_tag, e.tag)) if parent_tag else None
        is_string = decl is not None and decl.type_name == 'string'
        if decl is not None and (decl.is_text or is_string):
            if decl.is_text:
                langs.add(lang)
            raw = text_of(e) if decl.is_text else (e.text or '')
            if raw.strip():
                texts.append(Text(rel, lines[e], key, e.tag, where, lang, raw, anchors))
                texts[-1].removed = e.get('change') in REMOVED
            for d in e.iter():
                if d.tag in DETACHED and d is not e:
                    t = text_of(d)
                    if t.strip():
                        texts.append(Text(rel, lines[d], d.tag, d.tag, where + ', ' + d.tag,
                                          d.get(XML_LANG) or lang, t, anchors + [d.tag]))
            for t in texts[first:] if lost else []:
                t.exception = lost
            return
        for c in e:
            if isinstance(c.tag, str):
                visit(c, e.tag, lang, here, anchors, lost)

    visit(root, None, root_lang, [], [])
    langs.add(root_lang)
    return texts, root.tag, dict(root.attrib), langs


# ---------------------------------------------------------------- documents

def kinds_of(rapport):
    out = subprocess.run([rapport, '--help'], capture_output=True, text=True).stdout
    kinds, inside = [], False
    for line in out.splitlines():
        if line.startswith('Document kinds:'):
            inside = True
            continue
        if inside:
            m = re.match(r'^\s+([a-z][a-z0-9-]*)\s{2,}', line)
            if not m:
                if line.strip() == '' and kinds:
                    break
                continue
            kinds.append(m.group(1))
    if not kinds:
        sys.exit('visibility: no document kind in rapport --help')
    return kinds


class Group:
    """One plan and its evaluations (or a stand-alone evaluation), rendered together."""

    def __init__(self, name):
        self.name = name
        self.plan = None          # path
        self.evals = []           # (year, path, has_plan)
        self.files = []           # (path, rel)
        self.langs = set()
        self.texts = []
        self.trees = {}           # (lang, kind) -> normalised joined tree
        self.failures = []


def render(rapport, kind, lang, inputs, year):
    cmd = [rapport, 'render', '--kind', kind, '--lang', lang, '--edition', 'publication',
           '--allow-fallback', '--text', '-o', '-']
    if year:
        cmd += ['--year', str(year)]
    p = subprocess.run(cmd + inputs, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def per_year(rapport, kinds, plans):
    """The kinds whose documents are one per evaluation year: those that refuse a plan alone
    for want of an evaluation (the others are one per plan, reading its latest evaluation).
    A plan that does not load says nothing: the next one is asked."""
    out = set()
    for k in kinds:
        for plan in plans:
            rc, _, err = render(rapport, k, 'fr', [plan], None)
            if rc != 0 and 'needs an evaluation' in err:
                out.add(k)
                break
            if rc == 0 or 'not written: no ' in err:
                break
    return out


def jobs_of(g, kinds, yearly):
    """(lang, kind, inputs, year) of every document of the group."""
    linked = [p for (_, p, has) in sorted(g.evals) if has]
    alone = [(y, p) for (y, p, has) in sorted(g.evals) if not has]
    for lang in sorted(g.langs):
        for k in kinds:
            if k in yearly:
                for y, p, has in sorted(g.evals):
                    if has and g.plan:
                        yield lang, k, [g.plan] + linked, y
                for y, p in alone:
                    yield lang, k, [p], y
            elif g.plan:
                yield lang, k, [g.plan] + linked, None


# ---------------------------------------------------------------- matching

def sentences(t):
    return [s for s in (norm_text(x) for x in SENTENCE.split(t.raw)) if len(s) >= 3]


def locate(t, trees):
    """The kinds whose tree (of the text's language) shows the text."""
    kinds = {k for k, tree in trees.items() if found_in(t.norm, tree)}
    if kinds or len(t.norm) < LONG:
        return kinds, None
    parts = sentences(t)
    if len(parts) < 2:
        return set(), None
    per = [{k for k, tree in trees.items() if found_in(s, tree)} for s in parts]
    missing = [s for s, ks in zip(parts, per) if not ks]
    if missing:
        return set(), missing[0]
    return set().union(*per), None


def load_exceptions(path):
    ex = {}
    if not path:
        return ex
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            key, _, reason = line.partition('\t')
            ex[key.strip()] = reason.strip()
    return ex


def exception_for(t, ex):
    for k in (t.key, t.element, t.key.split('/')[-1]):
        if k in ex:
            return ex[k]
    return None


# ---------------------------------------------------------------- the docs' table

TABLE_ROW = re.compile(r'^\|\s*`([^`]+)`\s*\|\s*([^|]*?)\s*\|')


def read_docs(path):
    rows = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = TABLE_ROW.match(line)
            if m:
                docs = m.group(2).strip()
                rows[m.group(1)] = set() if docs in ('—', '-', '') else \
                    {d.strip() for d in docs.split(',') if d.strip()}
    return rows


SPECIFIC = 12   # a text this long tells which documents show its element; a shorter one
                # ("2024", "Total") is found in documents that show something else


def observed_table(groups, sch, kinds):
    """element key -> kinds, for every element whose texts were seen (containers: the union
    of the texts they hold), from its texts of SPECIFIC+ characters where it has any."""
    long_, short = {}, {}
    # The synthetic models (tests/models/) hold every element with distinctive wording: when
    # they are among the inputs, they alone say which documents show an element.
    synthetic = [g for g in groups if any('/tests/models/' in f for f in g.files)]
    for g in synthetic or groups:
        for t in g.texts:
            if t.exception or t.removed:
                continue
            keys = list(t.anchors) + ([t.key] if '@' in t.key else [])
            into = long_ if len(t.norm) >= SPECIFIC else short
            for a in keys:
                into.setdefault(a, set()).update(t.kinds)
    seen = dict(short)
    seen.update(long_)
    return seen


def table_keys(sch):
    keys = [f'{p}/{c}' if p else c for (p, c) in sch.pairs]
    keys += sorted(sch.markup & DETACHED)
    return keys


# ---------------------------------------------------------------- main

def discover(paths, src):
    groups = []
    for path in paths:
        path = os.path.abspath(path)
        models = sorted(f for f in os.listdir(path) if f.endswith('.xml'))
        plans, evals = {}, []
        for f in models:
            full = os.path.join(path, f)
            try:
                root, _ = parse(full)
            except ET.ParseError as e:
                sys.exit(f'{full}: not well-formed: {e}')
            if root.tag == 'plan':
                plans[root.get('id')] = full
            elif root.tag == 'evaluation':
                evals.append((int(root.get('year')), full, root.get('plan')))
        single = len(plans) == 1 and os.path.basename(list(plans.values())[0]) == 'plan.xml'
        by_plan = {}
        for pid, full in sorted(plans.items()):
            name = os.path.basename(path) if single else os.path.splitext(os.path.basename(full))[0]
            g = Group(name)
            g.plan = full
            by_plan[pid] = g
            groups.append(g)
        for year, full, pid in evals:
            if pid and pid in by_plan:
                by_plan[pid].evals.append((year, full, True))
            elif pid is None and by_plan and single:
                list(by_plan.values())[0].evals.append((year, full, False))
            else:
                g = Group(os.path.splitext(os.path.basename(full))[0])
                g.evals.append((year, full, pid is not None))
                groups.append(g)
    for g in groups:
        g.files = ([g.plan] if g.plan else []) + [p for (_, p, _) in sorted(g.evals)]
        for f in g.files:
            g.files_rel = getattr(g, 'files_rel', []) + [os.path.relpath(f, src)]
    return groups


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rapport', required=True)
    ap.add_argument('--src', required=True)
    ap.add_argument('--exceptions')
    ap.add_argument('--docs')
    ap.add_argument('--table', action='store_true')
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--quiet', action='store_true')
    ap.add_argument('paths', nargs='+')
    a = ap.parse_args()
    src = os.path.abspath(a.src)
    sch = xsd.walk(os.path.join(src, 'schema', 'rapport.xsd'))
    ex = load_exceptions(a.exceptions)
    kinds = kinds_of(a.rapport)
    groups = discover(a.paths, src)
    ok = True

    for g in groups:
        for f in g.files:
            texts, _, _, langs = model_texts(f, sch, os.path.relpath(f, src))
            g.texts += texts
            g.langs |= {l for l in langs if l}
    plans = [g.plan for g in groups if g.plan]
    yearly = per_year(a.rapport, kinds, sorted(plans, key=lambda p: '/tests/models/' not in p))

    jobs = [(g, lang, k, inputs, y) for g in groups for (lang, k, inputs, y) in jobs_of(g, kinds, yearly)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        futs = {pool.submit(render, a.rapport, k, lang, inputs, y): (g, lang, k, inputs, y)
                for (g, lang, k, inputs, y) in jobs}
        parts = {}
        for fut in concurrent.futures.as_completed(futs):
            g, lang, k, inputs, y = futs[fut]
            rc, out, err = fut.result()
            if rc == 0:
                parts.setdefault((id(g), lang, k), []).append((y or 0, out))
            elif 'not written: no ' not in err:
                # A document its sources do not call for is no failure; anything else is.
                g.failures.append(f'{k} {lang} {y or ""}: {err.strip().splitlines()[-1] if err.strip() else rc}')
    for g in groups:
        for lang in g.langs:
            for k in kinds:
                docs = sorted(parts.get((id(g), lang, k), []), key=lambda x: x[0])
                if docs:
                    g.trees[(lang, k)] = norm_tree('\n'.join(o for _, o in docs))

    failing, removed_shown = [], []
    for g in groups:
        for t in g.texts:
            t.exception = t.exception or exception_for(t, ex)
            trees = {k: tr for (l, k), tr in g.trees.items() if l == t.lang}
            if '@' in t.key:   # attribute values are in no language: any tree will do
                trees = {}
                for (l, k), tr in g.trees.items():
                    trees[k] = trees.get(k, '') + tr
            kinds_found, missing = locate(t, trees)
            t.kinds = kinds_found
            if t.removed:
                if kinds_found:
                    removed_shown.append((g, t, kinds_found))
            elif not kinds_found and not t.exception:
                failing.append((g, t, missing))

    if a.table:
        seen = observed_table(groups, sch, kinds)
        print('| element | documents |')
        print('|---|---|')
        for key in sorted(table_keys(sch)):
            ks = seen.get(key)
            print(f'| `{key}` | {", ".join(sorted(ks)) if ks else ("—" if ks is not None else "?")} |')
        for key in sorted(k for k in seen if '@' in k):
            print(f'| `{key}` | {", ".join(sorted(seen[key])) or "—"} |')
        return 0

    for g in groups:
        for f in g.failures:
            print(f'{g.name}: document not rendered: {f}')
            ok = False

    if removed_shown:
        ok = False
        print(f'{len(removed_shown)} texts an amendment removed or replaced reach a document:')
        for g, t, ks in removed_shown:
            print(f'{t.file}:{t.line}: {t.key} ({t.where}) [{t.lang}] in {", ".join(sorted(ks))}: '
                  f'{" ".join(t.raw.split())[:100]}')

    by_elem = {}
    for g, t, missing in failing:
        by_elem.setdefault(t.key, []).append((g, t, missing))
    if failing:
        ok = False
        print(f'{len(failing)} texts reach no document:')
        for key in sorted(by_elem, key=lambda k: (-len(by_elem[k]), k)):
            items = by_elem[key]
            print(f'  {key}: {len(items)}')
        for key in sorted(by_elem):
            for g, t, missing in by_elem[key]:
                s = ' '.join(t.raw.split())
                s = s if len(s) <= 100 else s[:100] + '…'
                extra = f' [not found: "{missing[:60]}"]' if missing else ''
                print(f'{t.file}:{t.line}: {t.key} ({t.where}) [{t.lang}]: {s}{extra}')

    if not a.quiet:
        print('share of the texts that reach a document (exceptions left out):')
        print(f'  {"organisation":<24} {"lang":<5} {"shown":>6} {"texts":>6} {"share":>7}')
        for g in groups:
            for lang in sorted(g.langs):
                ts = [t for t in g.texts if t.lang == lang and not t.exception and not t.removed]
                n = sum(1 for t in ts if t.kinds)
                if ts:
                    print(f'  {g.name:<24} {lang:<5} {n:>6} {len(ts):>6} {100.0 * n / len(ts):>6.1f} %')
        nex = sum(1 for g in groups for t in g.texts if t.exception)
        print(f'  ({nex} texts are deliberate exceptions; kinds rendered: {", ".join(kinds)}; '
              f'one per year: {", ".join(sorted(yearly)) or "none"})')

    if a.docs:
        documented = read_docs(a.docs)
        seen = observed_table(groups, sch, kinds)
        bad = []
        for key in table_keys(sch):
            if key not in documented:
                bad.append(f'{key}: not in {os.path.relpath(a.docs, src)}')
        for key, docs in sorted(documented.items()):
            if key not in seen:
                continue   # not observed (data, or an exception): the docs' word stands
            if docs != seen[key]:
                bad.append(f'{key}: documented {", ".join(sorted(docs)) or "—"}, '
                           f'observed {", ".join(sorted(seen[key])) or "—"}')
        if bad:
            ok = False
            print(f'{os.path.relpath(a.docs, src)} disagrees with the documents '
                  f'(--table prints what they show):')
            for b in bad:
                print('  ' + b)
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
