#!/usr/bin/env node
// Accessibility audit of HTML files in a real browser: Debian's headless Chromium, driven by
// puppeteer-core (which never downloads a browser), opens each file as file:// and runs
// axe-core (both pinned in tests/js, installed by `npm ci --prefix tests/js`) with the WCAG
// 2.0 and 2.1 A and AA rules. Each file is checked:
//
//   - at 1280 CSS pixels wide: every axe violation;
//   - at 360 CSS pixels wide (a phone; WCAG 1.4.10 Reflow asks for 320): the page does not
//     scroll horizontally (documentElement.scrollWidth within the viewport's width), else the
//     elements that stick out are named; and axe again, its violations that were not already
//     found at 1280, among the rules that depend on the layout (a table that scrolls in its
//     own box must then be reachable by keyboard: scrollable-region-focusable);
//   - self-containment: the page loads nothing but itself and data: URLs (inline CSS and
//     SVG, no script, no font or image fetched); any other request is refused and reported.
//
// One browser for all files; each of --jobs pages takes the next file in turn. The report
// gives the files in the order given.
//
// usage: node axe_audit.mjs [--narrow-axe all|layout|none] [--max-nodes N] [--jobs N] FILE.html...
//   --narrow-axe all|layout|none  which axe rules run again at 360 px: every rule, only
//                    those whose result depends on the layout (LAYOUT_RULES, the default:
//                    the full run costs about as much again as the first), or none (only
//                    the horizontal-scrolling check)
//   --max-nodes N    elements printed per violation (default 3)
//   --jobs N         pages audited at once, in the one browser (default 2)
// Prints `FILE [WIDTH]: RULE (IMPACT): HELP`, what axe says of the first element (the
// contrast ratio it measured...), and the first elements (CSS selector and a snippet of
// their HTML) per violation, then `N files, M violations`. Exit status: 0 no
// violation, 1 violations, 2 a harness error (no browser, no axe-core, a file that does not
// load, axe failing to run).
// CHROMIUM names the browser (default: chromium on PATH); RAPPORT_JS_DIR the directory of
// tests/js's node_modules (default: tests/js beside this script's tests/scripts).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const WIDE = 1280, NARROW = 360, HEIGHT = 900;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// The rules of TAGS whose outcome changes with the viewport's width: a box that scrolls
// only when narrow, text that wraps next to a link.
const LAYOUT_RULES = ["scrollable-region-focusable", "link-in-text-block"];
const LOAD_TIMEOUT = 60000; // ms per page load; a 100,000-row table takes a while

function harness(msg) {
  process.stderr.write(`axe_audit.mjs: ${msg}\n`);
  process.exit(2);
}

let narrowAxe = "layout", maxNodes = 3, jobs = 2;
const files = [];
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--narrow-axe") narrowAxe = process.argv[++i];
  else if (a === "--max-nodes") maxNodes = Number(process.argv[++i]);
  else if (a === "--jobs") jobs = Number(process.argv[++i]);
  else if (a === "--") files.push(...process.argv.slice(i + 1)), (i = process.argv.length);
  else if (a.startsWith("--")) harness(`unknown option ${a}\nusage: node axe_audit.mjs [--narrow-axe all|layout|none] [--max-nodes N] [--jobs N] FILE.html...`);
  else files.push(a);
}
if (files.length === 0) harness("no file\nusage: node axe_audit.mjs [--narrow-axe all|layout|none] [--max-nodes N] [--jobs N] FILE.html...");
if (!["all", "layout", "none"].includes(narrowAxe)) harness("--narrow-axe takes all, layout or none");
if (!Number.isInteger(maxNodes) || maxNodes < 1) harness("--max-nodes takes a positive integer");
if (!Number.isInteger(jobs) || jobs < 1) harness("--jobs takes a positive integer");
for (const f of files) if (!fs.statSync(f, { throwIfNoEntry: false })?.isFile()) harness(`no such file: ${f}`);

const here = path.dirname(fileURLToPath(import.meta.url));
const jsDir = process.env.RAPPORT_JS_DIR || path.resolve(here, "../../js");
const requireJs = createRequire(path.join(jsDir, "package.json"));
let puppeteer, axeSource;
try {
  puppeteer = requireJs("puppeteer-core");
  axeSource = fs.readFileSync(requireJs.resolve("axe-core/axe.min.js"), "utf8");
} catch (e) {
  harness(`puppeteer-core or axe-core missing in ${jsDir}/node_modules: run npm ci --prefix tests/js (${e.message.split("\n")[0]})`);
}

function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const p = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (p) return p;
    } catch { /* next */ }
  }
  harness("chromium is not installed (apt-get install chromium)");
}

const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
const oneLine = (s) => s.replace(/\s+/g, " ").trim();

// The elements that make the page wider than the viewport: the outermost ones whose right edge
// passes it, outside any box that scrolls or clips horizontally itself.
function overflowing(limit) {
  const out = [];
  const clips = (el) => {
    const s = getComputedStyle(el);
    return s.overflowX !== "visible" && el !== document.documentElement && el !== document.body;
  };
  const walk = (el) => {
    for (const c of el.children) {
      const r = c.getBoundingClientRect();
      if (r.right > limit + 0.5 || r.left < -0.5) {
        const name = c.tagName.toLowerCase() + (c.id ? "#" + c.id : "") +
          (c.classList.length ? "." + [...c.classList].join(".") : "");
        const inner = clips(c) ? [] : [...c.children].filter((k) => {
          const q = k.getBoundingClientRect();
          return q.right > limit + 0.5 || q.left < -0.5;
        });
        // Report the deepest element that alone sticks out (its children do not).
        if (inner.length === 0 || clips(c)) out.push(`${name} (${Math.round(r.left)}..${Math.round(r.right)} px)`);
        else walk(c);
      } else if (!clips(c)) {
        walk(c); // an absolutely placed descendant can stick out of a narrow parent
      }
      if (out.length >= 5) return;
    }
  };
  walk(document.body || document.documentElement);
  return out;
}

async function runAxe(page, rules) {
  const has = await page.evaluate(() => typeof window.axe === "object");
  if (!has) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags, rules) => {
    const r = await window.axe.run(document, {
      runOnly: rules ? { type: "rule", values: rules } : { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "), html: n.html,
        why: ([...n.any, ...n.all, ...n.none].find((c) => c.message) || {}).message || "",
      })),
    }));
  }, TAGS, rules);
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "axe-audit-"));
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--hide-scrollbars", "--font-render-hinting=none"],
  userDataDir: profile,
  protocolTimeout: 180000,
}).catch((e) => {
  fs.rmSync(profile, { recursive: true, force: true });
  harness(`cannot start chromium: ${e.message.split("\n")[0]}`);
});

let violations = 0, harnessErrors = 0;

// One file on a page of its own worker: what it prints, in lines, kept until the end so that
// files come out in the order given.
async function audit(page, state, file) {
  const lines = [];
  const report = (width, rule, impact, help, nodes) => {
    violations++;
    lines.push(`${file} [${width}]: ${rule} (${impact || "-"}): ${help}`);
    if (nodes[0] && nodes[0].why) lines.push(`    ${clip(oneLine(nodes[0].why), 240)}`);
    for (const n of nodes.slice(0, maxNodes))
      lines.push(`    ${clip(n.target, 160)}  ${clip(oneLine(n.html), 200)}`);
    if (nodes.length > maxNodes) lines.push(`    … ${nodes.length - maxNodes} more`);
  };
  state.current = pathToFileURL(path.resolve(file)).href;
  state.foreign = [];
  try {
    await page.setViewport({ width: WIDE, height: HEIGHT });
    const resp = await page.goto(state.current, { waitUntil: "load" });
    if (!resp || !resp.ok()) throw new Error(`cannot load ${state.current}`);
    const seen = new Set();
    for (const v of await runAxe(page)) {
      for (const n of v.nodes) seen.add(v.id + "\0" + n.target);
      report(WIDE, v.id, v.impact, v.help, v.nodes);
    }
    await page.setViewport({ width: NARROW, height: HEIGHT });
    const w = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }))));
    if (w.scroll > NARROW || w.scroll > w.client) {
      const who = await page.evaluate(overflowing, Math.min(NARROW, w.client));
      report(NARROW, "horizontal-scroll", "serious",
        `the page is ${w.scroll} px wide in a ${NARROW} px viewport (it must reflow, WCAG 1.4.10)`,
        who.map((t) => ({ target: t, html: "" })));
    }
    if (narrowAxe !== "none") {
      for (const v of await runAxe(page, narrowAxe === "layout" ? LAYOUT_RULES : null)) {
        const fresh = v.nodes.filter((n) => !seen.has(v.id + "\0" + n.target));
        if (fresh.length) report(NARROW, v.id, v.impact, v.help, fresh);
      }
    }
    if (state.foreign.length) {
      report(WIDE, "self-contained", "serious", "the page requests files other than itself",
        [...new Set(state.foreign)].map((u) => ({ target: u, html: "" })));
    }
  } catch (e) {
    harnessErrors++;
    lines.push(`${file}: ERROR: ${e.message.split("\n")[0]}`);
  }
  return lines;
}

// A worker: a page of its own, which takes the next file until none is left.
async function worker(queue, results) {
  const page = await browser.newPage();
  page.setDefaultNavigationTimeout(LOAD_TIMEOUT);
  const state = { current: "", foreign: [] };
  await page.setRequestInterception(true);
  page.on("request", (req) => {
    const u = req.url();
    if (u === state.current || u.startsWith("data:") || u === "about:blank") req.continue();
    else {
      state.foreign.push(u);
      req.abort("blockedbyclient");
    }
  });
  while (queue.length) {
    const i = queue.shift();
    results[i] = await audit(page, state, files[i]);
  }
  await page.close();
}

try {
  const queue = files.map((_, i) => i), results = [];
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, () => worker(queue, results)));
  for (const lines of results) for (const l of lines || []) console.log(l);
} catch (e) {
  harnessErrors++;
  console.log(`ERROR: ${e.message.split("\n")[0]}`);
} finally {
  await browser.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(`${files.length} files, ${violations} violations` +
  (harnessErrors ? `, ${harnessErrors} files not audited` : ""));
process.exit(harnessErrors ? 2 : violations ? 1 : 0);
