#!/usr/bin/env python3
"""Checks layout records (rapport render --format layout) against a designer's rules.

A record is what the layout placed where, page by page; its format is described in
src/render/layout_record.h. Each record is checked alone, then the editions of one document
in different languages are compared. The rules:

  short-page         a page whose content stops above 35 % of its content box, unless it
                     is the last page of its chapter (or of the cover, or of the contents);
  thin-table-part    a table split over pages with fewer than 3 body rows on one of them;
  stranded-heading   a heading or caption with nothing after it on its page (its text is
                     on the next one), except on the last page of a chapter (where it can
                     only be an empty section's);
  overlap            two runs of text, or a run of text and a measure bar, whose boxes
                     intersect (by more than 1 pt each way);
  outside-margins    content reaching beyond the content box (by more than 1 pt), the
                     cover excepted (it is drawn to the page's edges on purpose);
  edition-structure  two language editions of one document whose page structure differs
                     (one violation per pair of editions: once a page moves, all after it
                     do).

"Page structure" is the page count, the number of front pages, each page's kind and
orientation, and the page each chapter starts on. That is what a reader who holds both
editions compares (the same page numbers in the contents, the same landscape spreads for
the same tables, the chapters side by side), and what stays equal when one language's
sentences are longer: finer criteria (lines or blocks per page) would differ between any
two translations.

Editions are paired by file name: a record named X-fr.layout pairs with X-nl.layout.

Exit status: 0 when no rule is broken, 1 when one is, 2 on unreadable input.
Usage: layoutcheck.py [--max-per-rule N] [--quiet] [--rules RULE,...] RECORD...
--rules checks only the rules named (all by default): a test can hold the layout to the rules
it keeps while another is still being worked on.
"""

import argparse
import os
import re
import sys

RULES = [
    "short-page",
    "thin-table-part",
    "stranded-heading",
    "overlap",
    "outside-margins",
    "edition-structure",
]
SHORT = 0.35     # a page's least fill, as a share of its content box's height
MIN_ROWS = 3     # a table part's fewest body rows
TOLERANCE = 1.0  # points a box may overlap or overhang before it counts


class Record:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.lang = "-"
        self.front = 0
        self.pages = []      # dicts: the page line's fields, plus blocks and texts
        self.chapters = []   # (n, page, title)


def box(text):
    x0, y0, x1, y1 = (float(v) for v in text.split(","))
    return (x0, y0, x1, y1)


def fields(rest):
    out = {}
    for token in rest.split(" "):
        key, _, value = token.partition("=")
        out[key] = value
    return out


def read(path):
    rec = Record(path)
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            kind, _, rest = line.partition(" ")
            if kind == "chapter":
                head, _, title = rest.partition(" title=")
                v = fields(head)
                rec.chapters.append((int(v["n"]), int(v["page"]), title))
                continue
            v = fields(rest)
            if kind == "document":
                rec.lang = v["lang"]
                rec.front = int(v["front"])
            elif kind == "page":
                v["n"] = int(v["n"])
                v["box"] = box(v["box"])
                v["fill"] = float(v["fill"])
                v["blocks"], v["texts"], v["bars"] = [], [], []
                if v["n"] != len(rec.pages) + 1:
                    raise ValueError(f"{path}:{number}: page {v['n']} out of order")
                rec.pages.append(v)
            elif kind in ("block", "text", "bar"):
                v["box"] = box(v["box"])
                page = int(v["page"])
                if not 1 <= page <= len(rec.pages):
                    raise ValueError(f"{path}:{number}: {kind} of page {page} before the page")
                rec.pages[page - 1][kind + "s"].append(v)
            else:
                raise ValueError(f"{path}:{number}: unknown line '{kind}'")
    return rec


# ---------------------------------------------------------------- rules on one record

def short_pages(rec):
    for p in rec.pages:
        if p["kind"] != "cover" and p["fill"] < SHORT and p["chapter_end"] != "1":
            yield p["n"], f"filled {p['fill']:.0%} and not the end of chapter {p['chapter']}"


def thin_table_parts(rec):
    for p in rec.pages:
        for b in p["blocks"]:
            if b["type"] != "Table":
                continue
            part, _, parts = b["part"].partition("/")
            if int(parts) > 1 and int(b["rows"]) < MIN_ROWS:
                yield p["n"], (f"table {b['elem']} part {part}/{parts}: {b['rows']} of "
                               f"{b['table_rows']} body rows")


def stranded_headings(rec):
    for p in rec.pages:
        # At a chapter's end nothing of its chapter follows: the heading is an empty
        # section's, not one parted from its text.
        if p["kind"] == "cover" or p["chapter_end"] == "1":
            continue
        for b in p["blocks"]:
            if b.get("last") == "1":
                yield p["n"], f"{b['type']} {b['elem']} last on the page (y {b['box'][1]:.0f})"


def overlaps(rec):
    for p in rec.pages:
        # A measure bar is drawn among the text (before its figure): it must not run into it.
        bars = ({"box": b["box"], "elem": 0, "art": "bar"} for b in p["bars"])
        texts = sorted([t for t in p["texts"] if t["art"] != "watermark"] + list(bars),
                       key=lambda t: t["box"][1])
        for i, a in enumerate(texts):
            ax0, ay0, ax1, ay1 = a["box"]
            for b in texts[i + 1:]:
                bx0, by0, bx1, by1 = b["box"]
                if by0 >= ay1 - TOLERANCE:
                    break  # sorted by top: nothing further down reaches a
                if min(ax1, bx1) - max(ax0, bx0) > TOLERANCE and \
                        min(ay1, by1) - max(ay0, by0) > TOLERANCE:
                    yield p["n"], (f"text of {a['elem'] or a['art']} at {ax0:.0f},{ay0:.0f} "
                                   f"and of {b['elem'] or b['art']} at {bx0:.0f},{by0:.0f}")


def outside_margins(rec):
    for p in rec.pages:
        if p["kind"] == "cover":
            continue
        x0, y0, x1, y1 = p["box"]
        for b in p["blocks"]:
            bx0, by0, bx1, by1 = b["box"]
            over = max(x0 - bx0, y0 - by0, bx1 - x1, by1 - y1)
            if over > TOLERANCE:
                yield p["n"], f"{b['type']} {b['elem']} {over:.1f} pt beyond the content box"


# ---------------------------------------------------------------- editions

def structure(rec):
    """The page structure compared between editions (see the module's comment)."""
    pages = tuple((p["kind"], p["orient"]) for p in rec.pages)
    starts = tuple(page for _, page, _ in rec.chapters)
    return len(rec.pages), rec.front, pages, starts


def structure_difference(a, b):
    """How the page structures of editions a and b differ, in one sentence, or None. Once
    one page moves, every later page does: the sentence names where it starts."""
    na, fa, pa, sa = structure(a)
    nb, fb, pb, sb = structure(b)
    if (na, fa, pa, sa) == (nb, fb, pb, sb):
        return None
    what = [f"{na} pages ({fa} front) in {a.lang}, {nb} ({fb} front) in {b.lang}"]
    moved = [(n, x, y) for n, (x, y) in enumerate(zip(sa, sb), 1) if x != y]
    if moved:
        n, x, y = moved[0]
        what.append(f"from chapter {n} on, chapters start elsewhere (page {x} in {a.lang}, "
                    f"{y} in {b.lang}; {len(moved)} chapters moved)")
    if len(sa) != len(sb):
        what.append(f"{len(sa)} chapters in {a.lang}, {len(sb)} in {b.lang}")
    turned = [i + 1 for i, (x, y) in enumerate(zip(pa, pb)) if x[1] != y[1]]
    if turned:
        what.append(f"orientation differs first on page {turned[0]}")
    # The first page where the editions part: a page of another kind or orientation, a
    # chapter starting elsewhere, or the end of the shorter one.
    parted = [i + 1 for i, (x, y) in enumerate(zip(pa, pb)) if x != y][:1]
    parted += [min(x, y) for _, x, y in moved[:1]]
    parted += [min(na, nb) + 1] if na != nb else []
    first = min(parted) if parted else 1
    return first, "; ".join(what)


LANG_IN_NAME = re.compile(r"[-_.](fr|nl|en|de)(?=\.layout$)")


def editions(records):
    """Records grouped by document: the same name but for the language."""
    groups = {}
    for rec in records:
        key = LANG_IN_NAME.sub("", rec.name)
        if key != rec.name:
            groups.setdefault(os.path.join(os.path.dirname(rec.path), key), []).append(rec)
    return [sorted(g, key=lambda r: r.lang) for _, g in sorted(groups.items()) if len(g) > 1]


# ---------------------------------------------------------------- report

CHECKS = {
    "short-page": short_pages,
    "thin-table-part": thin_table_parts,
    "stranded-heading": stranded_headings,
    "overlap": overlaps,
    "outside-margins": outside_margins,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-per-rule", type=int, default=10,
                    help="violations printed per document and rule (all are counted)")
    ap.add_argument("--quiet", action="store_true", help="print the summary only")
    ap.add_argument("--rules", default=",".join(RULES),
                    help="the rules to check, comma-separated (default: all)")
    ap.add_argument("records", nargs="+")
    args = ap.parse_args()
    rules = [r for r in args.rules.split(",") if r]
    unknown = [r for r in rules if r not in RULES]
    if unknown or not rules:
        print(f"layoutcheck: unknown rule(s): {', '.join(unknown) or '(none given)'}; "
              f"rules: {', '.join(RULES)}", file=sys.stderr)
        return 2
    try:
        records = [read(path) for path in args.records]
    except (OSError, ValueError, KeyError) as e:
        print(f"layoutcheck: cannot read a record: {e}", file=sys.stderr)
        return 2

    found = []  # (record name, rule, page, what)
    for rec in records:
        for rule, check in CHECKS.items():
            if rule not in rules:
                continue
            found += [(rec.name, rule, page, what) for page, what in check(rec)]
    for group in editions(records) if "edition-structure" in rules else []:
        for other in group[1:]:
            difference = structure_difference(group[0], other)
            if difference:
                found.append((group[0].name, "edition-structure") + difference)

    if not args.quiet:
        shown = {}
        for name, rule, page, what in found:
            shown[(name, rule)] = shown.get((name, rule), 0) + 1
            if shown[(name, rule)] <= args.max_per_rule:
                print(f"{name}: page {page}: {rule}: {what}")
        for (name, rule), n in sorted(shown.items()):
            if n > args.max_per_rule:
                print(f"{name}: {rule}: {n - args.max_per_rule} more")

    pages = sum(len(r.pages) for r in records)
    under = sum(1 for r in records for p in r.pages if p["kind"] != "cover" and p["fill"] < SHORT)
    split = sum(1 for r in records for p in r.pages for b in p["blocks"]
                if b["type"] == "Table" and not b["part"].endswith("/1"))
    print(f"\n{len(records)} records, {pages} pages; {under} pages under {SHORT:.0%} filled "
          f"(chapter ends included), {split} parts of split tables")
    print(f"{'rule':<20}{'violations':>11}{'documents':>11}")
    for rule in rules:
        hits = [f for f in found if f[1] == rule]
        print(f"{rule:<20}{len(hits):>11}{len({f[0] for f in hits}):>11}")
    per_doc = {}
    for name, *_ in found:
        per_doc[name] = per_doc.get(name, 0) + 1
    worst = sorted(per_doc.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    if worst:
        print("worst: " + ", ".join(f"{name} ({n})" for name, n in worst))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
