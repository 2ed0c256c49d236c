#!/usr/bin/env node
// An independent reader of tagged PDFs' structure trees: pdf.js (pdfjs-dist's legacy build,
// installed by `npm ci --prefix tests/js`) reads each PDF the way a viewer's accessibility
// layer does, and this script checks what it sees against rapport's tagging (PDF/UA-1):
//
//   - the catalog says /MarkInfo << /Marked true >> and has a /Lang;
//   - every page has a structure tree holding at least one element with marked content, and
//     every MCID that the tree points to is in the page's content;
//   - every text item of every page is inside marked content that the structure tree
//     references (an MCID), or inside an /Artifact: no untagged text, no orphan MCID, and no
//     text that is both an artifact and tagged;
//   - every annotation (but popups) has a /StructParent and is referenced from the structure
//     (OBJR), a link from a Link element;
//   - every Figure has a non-empty alternative text (pdf.js: /Alt, else /ActualText);
//   - every Table has a TH among its descendants;
//   - headings H1-H6 never skip a level downwards in document order, starting at H1;
//   - no structure type outside rapport's list (after the /RoleMap, which pdf.js applies).
//
// pdf.js gives one tree per page (the elements whose content is on that page, with their
// ancestors), without element identities: the pages' trees are joined into one document tree
// by continuing, page after page, the last open element of each level when the next page's
// first element at that level has the same role (a table split over pages is one table).
// Figures and headings are never joined: each page's fragment is checked and counted alone.
// Two sibling elements of the same role on either side of a page break (a Sect ending a page,
// the next Sect starting the next one) are joined too: the counts are lower bounds.
// pdf.js does not expose /A attributes but /BBox (so no TH /Scope check here), nor /E or /T.
//
// usage: node structtree.mjs [--allow-role ROLE[,ROLE...]] [--tree] [--roles] FILE.pdf...
//   --allow-role  accept further structure types (e.g. NonStruct for Chromium's PDFs)
//   --tree        print each page's structure tree as pdf.js returns it (compact)
//   --roles       print the role counts of each document
// Prints `ok PATH pages=N figures=F tables=T headings=H` per good document, or
// `FAIL PATH: pages P: what` lines; exits 1 on any failure (an unreadable PDF too), 2 on a
// usage error or a missing pdfjs-dist.
// PDFJS_DIST names the pdfjs-dist directory (default: tests/js/node_modules/pdfjs-dist).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROLES = new Set([
  "Document", "Sect", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody",
  "Table", "THead", "TBody", "TR", "TH", "TD", "Caption", "Figure", "Note", "TOC", "TOCI",
  "Reference", "Link", "Span", "Div",
]);
const NEVER_JOINED = new Set(["Figure", "H1", "H2", "H3", "H4", "H5", "H6"]);
const ANNOTATION_PREFIX = "pdfjs_internal_id_";
const MAX_LINES = 25; // failure lines printed per document

function usage(msg) {
  process.stderr.write(`structtree.mjs: ${msg}\n` +
    "usage: node structtree.mjs [--allow-role ROLE[,ROLE...]] [--tree] [--roles] FILE.pdf...\n");
  process.exit(2);
}

const files = [];
let showTree = false, showRoles = false;
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--tree") showTree = true;
  else if (a === "--roles") showRoles = true;
  else if (a === "--allow-role" || a.startsWith("--allow-role=")) {
    const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : process.argv[++i];
    if (!v) usage("--allow-role needs a value");
    for (const r of v.split(",")) if (r) ROLES.add(r);
  } else if (a === "--") files.push(...process.argv.slice(i + 1)), i = process.argv.length;
  else if (a.startsWith("-")) usage(`unknown option ${a}`);
  else files.push(a);
}
if (files.length === 0) usage("no PDF given");

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.env.PDFJS_DIST ||
  path.join(here, "..", "..", "js", "node_modules", "pdfjs-dist"));
const entry = path.join(dist, "legacy", "build", "pdf.mjs");
if (!fs.existsSync(entry)) {
  process.stderr.write(`structtree.mjs: ${entry} is missing: run npm ci --prefix tests/js\n`);
  process.exit(2);
}

// pdf.js prints its warnings with console.log("Warning: ..."). In Node it first tries to load
// the optional `canvas` and `path2d` packages for rendering, which this script never does
// (tests/js/.npmrc omits optional packages): those two warnings are dropped, the others go to
// stderr with the file they concern.
let current = "";
const log = console.log;
console.log = (...args) => {
  const s = args.join(" ");
  if (/^Warning: Cannot polyfill `(DOMMatrix|Path2D)`/.test(s)) return;
  if (s.startsWith("Warning: ") || s.startsWith("Info: ")) {
    process.stderr.write(`warn ${current}: ${s}\n`);
    return;
  }
  log(...args);
};

const pdfjs = await import(pathToFileURL(entry).href);
const fontDir = path.join(dist, "standard_fonts") + path.sep;
const cmapDir = path.join(dist, "cmaps") + path.sep;

const isElement = (n) => n && typeof n.role === "string";
const headingLevel = (role) => (/^H[1-6]$/.test(role) ? Number(role[1]) : 0);

// Page numbers as ranges: 1-3,7.
function ranges(pages) {
  const p = [...new Set(pages)].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < p.length; i++) {
    let j = i;
    while (j + 1 < p.length && p[j + 1] === p[j] + 1) j++;
    out.push(j > i ? `${p[i]}-${p[j]}` : `${p[i]}`);
    i = j;
  }
  return out.join(",");
}

function compactTree(node, depth = 0, out = []) {
  const pad = "  ".repeat(depth);
  if (!isElement(node)) {
    out.push(`${pad}[${node.type} ${node.id}]`);
    return out;
  }
  let line = `${pad}${node.role}`;
  if (node.alt !== undefined) line += ` alt=${JSON.stringify(node.alt)}`;
  if (node.lang !== undefined) line += ` lang=${node.lang}`;
  if (node.bbox) line += ` bbox=[${node.bbox.map((v) => Math.round(v)).join(",")}]`;
  out.push(line);
  for (const c of node.children || []) compactTree(c, depth + 1, out);
  return out;
}

async function checkFile(file) {
  current = file;
  // Failures: a message (same message on several pages is one line) -> pages, first example.
  const failures = new Map();
  const fail = (page, msg, example) => {
    let f = failures.get(msg);
    if (!f) failures.set(msg, (f = { pages: [], example }));
    if (page) f.pages.push(page);
  };

  const data = new Uint8Array(fs.readFileSync(file));
  const doc = await pdfjs.getDocument({
    data,
    standardFontDataUrl: fontDir,
    cMapUrl: cmapDir,
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 1, // warnings
  }).promise;

  const mark = await doc.getMarkInfo();
  if (!mark?.Marked) fail(0, `/MarkInfo /Marked is not true (getMarkInfo() = ${JSON.stringify(mark)})`);

  const docRoot = { role: "Root", children: [] };
  const roleCounts = new Map();
  let lang = null;

  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const tree = await page.getStructTree();
    const text = await page.getTextContent({ includeMarkedContent: true });
    lang ??= text.lang;
    const annots = await page.getAnnotations();
    page.cleanup();

    if (showTree) {
      log(`--- ${file} page ${n}`);
      log(tree ? compactTree(tree).join("\n") : "(null)");
    }

    // The page's tree: roles, figures, content leaves, annotation references.
    const contentIds = new Set();
    const objectRefs = new Map(); // annotation ref -> role of the element holding the OBJR
    let withContent = 0;
    const walk = (node) => {
      for (const c of node.children || []) {
        if (isElement(c)) {
          if (!ROLES.has(c.role)) fail(n, `unknown structure type ${JSON.stringify(c.role)}`);
          if (c.role === "Figure" && !(typeof c.alt === "string" && c.alt.trim() !== ""))
            fail(n, "a Figure has no alternative text (/Alt)");
          walk(c);
        } else if (c.type === "content") {
          contentIds.add(c.id);
        } else if (c.type === "object" || c.type === "annotation") {
          const id = String(c.id ?? "");
          objectRefs.set(id.startsWith(ANNOTATION_PREFIX) ? id.slice(ANNOTATION_PREFIX.length) : id,
            node.role);
        }
      }
      if ((node.children || []).some((c) => c.type === "content")) withContent++;
    };
    if (!tree) {
      fail(n, "no structure tree (page.getStructTree() is null: no /StructTreeRoot)");
    } else {
      walk(tree);
      if (withContent === 0) fail(n, "the structure tree holds no element with marked content");
    }

    // The page's text: every item inside an MCID the tree references, or inside an Artifact.
    const stack = []; // {id, tag}
    const mcids = new Set();
    for (const it of text.items) {
      if (it.type === "beginMarkedContent" || it.type === "beginMarkedContentProps") {
        stack.push({ id: it.id ?? null, tag: it.tag ?? null });
        if (it.id) mcids.add(it.id);
        continue;
      }
      if (it.type === "endMarkedContent") {
        stack.pop();
        continue;
      }
      if (typeof it.str !== "string" || it.str.trim() === "") continue;
      const sample = JSON.stringify(it.str.length > 40 ? it.str.slice(0, 40) + "…" : it.str);
      const artifact = stack.some((m) => m.tag === "Artifact");
      const tagged = [...stack].reverse().find((m) => m.id);
      if (artifact && tagged)
        fail(n, "text is both an Artifact and tagged content (nested marked content)", sample);
      else if (!artifact && !tagged)
        fail(n, "text outside any marked content (neither tagged nor an Artifact)", sample);
      else if (tagged && tree && !contentIds.has(tagged.id))
        fail(n, "tagged text whose MCID no structure element references (/ParentTree?)",
          `${tagged.id} ${sample}`);
    }
    if (tree) {
      for (const id of contentIds)
        if (!mcids.has(id))
          fail(n, "the structure tree points to an MCID that the page's content lacks", id);
    }

    // Annotations: referenced through OBJR; a link from a Link element.
    for (const a of tree ? annots : []) {
      if (a.subtype === "Popup") continue;
      const holder = objectRefs.get(String(a.id));
      if (typeof a.structParent === "number" && a.structParent < 0)
        fail(n, "an annotation has no /StructParent (its entry in the /ParentTree)", `${a.subtype} ${a.id}`);
      if (holder === undefined)
        fail(n, "an annotation is not in the structure tree (no OBJR, or no /StructParent)",
          `${a.subtype} ${a.id}`);
      else if (a.subtype === "Link" && holder !== "Link")
        fail(n, "a Link annotation's OBJR is not in a Link element", `${a.id} in ${holder}`);
    }

    // Join the page's tree to the document's (see the header).
    if (tree) {
      const join = (into, from) => {
        const kids = from.children || [];
        let i = 0;
        const last = into.children[into.children.length - 1];
        const first = kids[0];
        if (isElement(last) && isElement(first) && last.role === first.role &&
            !NEVER_JOINED.has(first.role)) {
          join(last, first);
          i = 1;
        }
        for (; i < kids.length; i++) into.children.push(tag(kids[i]));
      };
      const tag = (node) => {
        if (isElement(node)) {
          node.page = n;
          for (const c of node.children || []) tag(c);
        }
        return node;
      };
      join(docRoot, tree);
    }
  }
  if (!lang || !String(lang).trim()) fail(0, "no /Lang in the catalog (getTextContent().lang is null)");

  // The document tree: counts, tables, headings in document order.
  let figures = 0, tables = 0, headings = 0, previous = 0;
  const visit = (node) => {
    for (const c of node.children || []) {
      if (!isElement(c)) continue;
      roleCounts.set(c.role, (roleCounts.get(c.role) || 0) + 1);
      if (c.role === "Figure") figures++;
      if (c.role === "Table") {
        tables++;
        const hasTH = (x) => (x.children || []).some((k) => isElement(k) && (k.role === "TH" || hasTH(k)));
        if (!hasTH(c)) fail(c.page, "a Table has no TH (header cell) among its descendants");
      }
      const level = headingLevel(c.role);
      if (level) {
        headings++;
        if (level > previous + 1)
          fail(c.page, previous ? `H${level} follows H${previous} (skips a level)`
            : `the first heading is H${level}, not H1`);
        previous = level;
      }
      visit(c);
    }
  };
  visit(docRoot);
  await doc.destroy();

  if (showRoles) {
    const counts = [...roleCounts].sort((a, b) => a[0].localeCompare(b[0]))
      .map(([r, c]) => `${r}=${c}`).join(" ");
    log(`roles ${file} ${counts}`);
  }
  if (failures.size === 0) {
    log(`ok ${file} pages=${doc.numPages} figures=${figures} tables=${tables} headings=${headings}`);
    return true;
  }
  let lines = 0;
  for (const [msg, f] of failures) {
    if (lines++ === MAX_LINES) {
      log(`FAIL ${file}: ... and ${failures.size - MAX_LINES} more`);
      break;
    }
    const pages = ranges(f.pages);
    const where = pages ? `page${/[-,]/.test(pages) ? "s" : ""} ${pages}: ` : "";
    log(`FAIL ${file}: ${where}${msg}${f.example ? `, e.g. ${f.example}` : ""}`);
  }
  return false;
}

let bad = 0;
for (const file of files) {
  try {
    if (!(await checkFile(file))) bad++;
  } catch (e) {
    log(`FAIL ${file}: pdf.js cannot read it: ${e?.message ?? e}`);
    bad++;
  }
}
if (files.length > 1) log(`structtree: ${files.length} documents, ${files.length - bad} ok, ${bad} with failures`);
process.exit(bad ? 1 : 0);
