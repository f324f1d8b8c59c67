// Browser benchmarks on the release build, in Debian's Chromium (headless):
//  1. navigation to an editable outline, on a first visit and with a 30-page draft stored;
//  2. keystroke-to-paint latency while typing into that 30-page draft, also in bursts with
//     the side panel's checks and 100-item plan coverage following the text;
//  3. .docx export of that draft by the app's worker, and of the same text with the npm
//     `docx` package in the same page, taking turns;
//  4. plan coverage of 100 items against a 30 000-character draft in the app's worker.
// Usage: node benches/browser.mjs DIST_DIR [DRAFT_OUT]  (scripts/bench.sh builds and runs it)
// CPU_SLOWDOWN=4 runs every page under Chromium's CPU throttling (4× slower, as a 2016
// office PC would be): figures to watch for regressions, not goals.
// ONLY=typing (or navigation, export, coverage; comma-separated) runs only those parts.
// TRACE_DIR=DIR writes a Chromium performance trace of each typing run's keystrokes there
// (with the CPU profile; `node benches/trace-summary.mjs FILE` says where the time goes),
// and of each navigation, from before it starts until the page is editable (tracing slows
// the page: time navigation without it).
// Writes the 30-page draft file to DRAFT_OUT (for the native export benchmark) and prints
// a JSON summary; figures go into BENCHMARKS.md by hand, with the machine.
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { launchChromium, startServer } from '../tests/e2e/server.mjs';
import { TRACE_CATEGORIES, caretInLongSection, hundredItemPlan, openPanelWithPlan, storeDraft } from './typing-setup.mjs';

const dist = process.argv[2] ?? 'dist';
const RUNS = Number(process.env.RUNS ?? 15);
const KEYSTROKES = Number(process.env.KEYSTROKES ?? 300);
const CPU_SLOWDOWN = Number(process.env.CPU_SLOWDOWN ?? 1);
const ONLY = process.env.ONLY?.split(',');
const runs = (part) => !ONLY || ONLY.includes(part);
const TRACE_DIR = process.env.TRACE_DIR;

/** A new page of `context`, throttled by CPU_SLOWDOWN. */
async function openPage(context) {
  const page = await context.newPage();
  if (CPU_SLOWDOWN !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  return page;
}

/** The 上城 fixture with its 主要举措和成效 repeated until the body holds at least `minChars`
 * characters other than whitespace (30 pages of 22 × 28 for the export and typing). */
async function longDraft(minChars) {
  const file = JSON.parse(await readFile(new URL('../crates/core/tests/fixtures/draft-shangcheng-2023.json', import.meta.url), 'utf8'));
  const draft = file.draft;
  const measures = draft.sections.find((s) => s.key === 'measures');
  const original = measures.children;
  const count = (nodes) => nodes.reduce((n, node) => {
    const [kind, v] = Object.entries(node)[0];
    return n + [...(kind === 'heading' ? v.title + v.text : v.text)].filter((c) => !/\s/.test(c)).length
      + (kind === 'heading' ? count(v.children) : 0);
  }, 0);
  const bodyChars = () => draft.sections.reduce((n, s) => n + count(s.children), 0);
  const renumber = (node) => {
    const [kind, v] = Object.entries(node)[0];
    const copy = { ...v, id: draft.next_id++ };
    if (kind === 'heading') copy.children = v.children.map(renumber);
    return { [kind]: copy };
  };
  while (bodyChars() < minChars) measures.children = measures.children.concat(original.map(renumber));
  draft.id = 'bench-30-pages';
  draft.name = '30页草稿（基准测试）';
  return { json: JSON.stringify(file), chars: bodyChars(), headings: measures.children.length };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (x) => Math.round(x * 10) / 10;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)) };
}

const server = await startServer(dist);
const browser = await launchChromium(chromium);
const big = await longDraft(30 * 22 * 28);
if (process.argv[3]) await writeFile(process.argv[3], big.json);

// The first editable field appearing, in ms since navigation start.
const watchEditable = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('#meta-issuername')) {
      window.__editableAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function timeToEditable(seed, traceName) {
  const context = await browser.newContext();
  await context.addInitScript(watchEditable);
  if (seed) {
    // With the summary this version stores beside a draft it saved (the list of drafts
    // reads it instead of the draft): the draft as the app leaves it after an autosave.
    // Written without a stamp, as the seeded draft has none; older builds ignore it.
    const { draft, saved_at } = JSON.parse(seed);
    const summary = JSON.stringify({ stamp: '', length: Buffer.byteLength(seed), name: draft.name, saved_at });
    await context.addInitScript(([json, summary]) => {
      if (!localStorage.getItem('report-drafter.v1.draft.bench-30-pages')) {
        localStorage.setItem('report-drafter.v1.draft.bench-30-pages', json);
        localStorage.setItem('report-drafter.v1.summary.bench-30-pages', summary);
        localStorage.setItem('report-drafter.v1.last-opened', 'bench-30-pages');
      }
    }, [seed, summary]);
  }
  const page = await openPage(context);
  if (TRACE_DIR) await browser.startTracing(page, { path: `${TRACE_DIR}/${traceName}.json`, categories: TRACE_CATEGORIES });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__editableAt !== undefined);
  const ms = await page.evaluate(() => window.__editableAt);
  if (TRACE_DIR) await browser.stopTracing();
  await context.close();
  return ms;
}

const firstVisit = [];
const withBigDraft = [];
for (let i = 0; runs('navigation') && i < RUNS; i++) {
  firstVisit.push(await timeToEditable(null, `navigation-first-visit-${i + 1}`));
  withBigDraft.push(await timeToEditable(big.json, `navigation-30-page-draft-${i + 1}`));
}

// Per keystroke, two figures from the input event's timestamp:
// - work: until a message posted from the event runs, i.e. after the input task and the
//   microtasks where Yew renders: the main-thread time the keystroke costs;
// - paint: until just after the next frame (rAF, then a message). Frame-aligned: at 60 Hz
//   the wait for the next frame alone is 0–16.7 ms, so compare with the small baseline.
// `beforeinput`, not keydown: Playwright types Chinese as text insertion without key
// events, as an IME does. Also the intervals between animation frames while typing: one
// longer than one and a half frame periods (25 ms at 60 Hz) means the page missed a frame.
// With `plan`, the plan is pasted in first and the side panel (checks and coverage) is
// open; keys come in bursts of ten with a 410–550 ms pause after each, so that the next
// burst starts while the panel recomputes (the checks follow the text after a 400 ms
// pause, coverage after 550 ms).
async function typingLatency(name, json, plan) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await storeDraft(context, json);
  await context.addInitScript(() => {
    window.__work = [];
    window.__paint = [];
    window.__frames = [];
    let lastFrame;
    const frame = (now) => {
      if (lastFrame !== undefined) window.__frames.push(now - lastFrame);
      lastFrame = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const after = (callback) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = callback;
      channel.port2.postMessage(null);
    };
    addEventListener('beforeinput', (e) => {
      const start = e.timeStamp;
      after(() => window.__work.push(performance.now() - start));
      requestAnimationFrame(() => after(() => window.__paint.push(performance.now() - start)));
    }, true);
  });
  const page = await openPage(context);
  await page.goto(server.url);
  if (plan) await openPanelWithPlan(page, plan);
  const { target, count } = await caretInLongSection(page, plan);
  await page.evaluate(() => { window.__work = []; window.__paint = []; window.__frames = []; });
  if (TRACE_DIR) await browser.startTracing(page, { path: `${TRACE_DIR}/${name}.json`, categories: TRACE_CATEGORIES });
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type('法');
    await page.waitForTimeout(plan && i % 10 === 9 ? 400 + 10 * (i % 16) : 25);
  }
  await page.waitForTimeout(200);
  if (TRACE_DIR) await browser.stopTracing();
  const { work, paint, frames } = await page.evaluate(() => ({ work: window.__work, paint: window.__paint, frames: window.__frames }));
  const typed = await target.inputValue();
  if (!typed.endsWith('法'.repeat(10))) throw new Error(`typing did not reach the paragraph: …${typed.slice(-40)}`);
  await context.close();
  return {
    paragraphs_in_open_section: count,
    work_ms: stats(work),
    paint_ms: stats(paint),
    frame_interval_ms: stats(frames),
    frames_missed: frames.filter((f) => f > 25).length,
  };
}
const small = JSON.parse(await readFile(new URL('../crates/core/tests/fixtures/draft-shangcheng-2023.json', import.meta.url), 'utf8'));
small.draft.id = 'bench-30-pages';
const typing = runs('typing') && {
  baseline: await typingLatency('typing-6-page-fixture', JSON.stringify(small)),
  big: await typingLatency('typing-30-page-draft', big.json),
  bigWithPanel: await typingLatency('typing-30-page-draft-with-panel', big.json, await hundredItemPlan()),
};

// Export by both contenders in one page, taking turns run by run, so that a slow spell of
// the machine falls on both alike.
// - wasm: round trips through the app's own worker (the file the app loads on export),
//   which holds the draft already (the app sends it when typing pauses): posting the
//   request, building and zipping the .docx, and transferring the bytes back. Worker
//   start-up (download and compile, which the app does behind its first paint) is
//   reported apart.
// - wasm with the draft: the same with the draft posted along and read by the worker,
//   as an export does when the worker lacks that revision (and as every export did
//   before the worker kept the draft).
// - npm docx (its browser build): the same paragraphs, fonts, sizes, indents and
//   page-number footer, timed from parsing the draft to the zipped bytes.
// The first run of each is reported apart; then as many untimed runs as timed ones let
// the engine tier up.
async function exportComparison(json) {
  // npm docx's script goes into the app's page, whose CSP would refuse it.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await openPage(context);
  await page.goto(server.url);
  await page.addScriptTag({ path: new URL('./node_modules/docx/dist/index.iife.js', import.meta.url).pathname });
  const result = await page.evaluate(async ([json, runs]) => {
    const started = performance.now();
    const worker = new Worker('./worker_loader.js');
    await new Promise((resolve, reject) => {
      worker.onmessage = (e) => (e.data.ready ? resolve() : reject(new Error('no ready message')));
      worker.onerror = () => reject(new Error('the worker failed to load'));
    });
    const readyMs = performance.now() - started;
    let id = 0;
    const exportOnce = (draft) => new Promise((resolve, reject) => {
      const start = performance.now();
      const sent = ++id;
      worker.onmessage = (e) => (e.data.id === sent && e.data.file ? resolve({ ms: performance.now() - start, bytes: e.data.file.length }) : reject(e.data.error));
      worker.postMessage({ id: sent, export: { revision: 1, now: '2026-01-01T00:00:00Z', draft } });
    });
    worker.postMessage({ hold: { revision: 1, draft: json } });
    const wasmOnce = () => exportOnce(undefined);
    const wasmWithDraftOnce = () => exportOnce(json);

    const { Document, Packer, Paragraph, TextRun, Footer, AlignmentType, PageNumber } = window.docx;
    const font = (name) => ({ ascii: name, hAnsi: name, eastAsia: name });
    const run = (text, fontName, size) => new TextRun({ text, font: font(fontName), size });
    const body = (text) => new Paragraph({ children: [run(text, '仿宋_GB2312', 32)], indent: { firstLine: 640 }, spacing: { line: 578, lineRule: 'exact' } });
    const headingFonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'];
    const build = () => {
      const { draft } = JSON.parse(json);
      const paragraphs = [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(draft.meta.title, '方正小标宋简体', 44)] })];
      const walk = (nodes, level) => {
        for (const node of nodes) {
          const [kind, v] = Object.entries(node)[0];
          if (kind === 'paragraph') { paragraphs.push(body(v.text)); continue; }
          paragraphs.push(new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 578, lineRule: 'exact' },
            children: [run(v.title, headingFonts[level - 1], 32), run(v.text, '仿宋_GB2312', 32)] }));
          walk(v.children, level + 1);
        }
      };
      for (const section of draft.sections) {
        if (section.title) paragraphs.push(new Paragraph({ indent: { firstLine: 640 }, children: [run(section.title, '黑体', 32)] }));
        walk(section.children, 2);
      }
      const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: 28 })] })] });
      const doc = new Document({ sections: [{ properties: { page: { size: { width: 11906, height: 16838 },
        margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, footers: { default: footer }, children: paragraphs }] });
      return Packer.toArrayBuffer(doc);
    };
    const npmOnce = async () => {
      const start = performance.now();
      const bytes = (await build()).byteLength;
      return { ms: performance.now() - start, bytes };
    };

    const first = { wasm: await wasmOnce(), npm: await npmOnce() };
    const contenders = { wasm: wasmOnce, wasmWithDraft: wasmWithDraftOnce, npm: npmOnce };
    // The runs follow this circuit over and over: each contender twice, and each right
    // after each of the others once (every ordered pair once, the last leading back to the
    // first), so that garbage npm docx leaves on the main thread, collected during
    // whatever runs next, falls on all alike. The first half is untimed.
    const circuit = ['wasm', 'wasmWithDraft', 'npm', 'wasm', 'npm', 'wasmWithDraft'];
    const times = { wasm: [], wasmWithDraft: [], npm: [] };
    for (let i = 0; i < 6 * runs; i++) {
      const name = circuit[i % circuit.length];
      const { ms } = await contenders[name]();
      if (i >= 3 * runs) times[name].push(ms);
    }
    worker.terminate();
    return { ready_ms: readyMs, first, times };
  }, [json, RUNS * 2]);
  await context.close();
  const wasm = stats(result.times.wasm);
  const withDraft = stats(result.times.wasmWithDraft);
  const npm = stats(result.times.npm);
  const ratio = (a, b) => Math.round((a / b) * 10) / 10;
  return {
    wasm_worker: { worker_ready_ms: Math.round(result.ready_ms), first_run_ms: Math.round(result.first.wasm.ms), docx_bytes: result.first.wasm.bytes, round_trip_ms: wasm },
    wasm_worker_with_draft: { round_trip_ms: withDraft },
    npm_docx: { first_run_ms: Math.round(result.first.npm.ms), docx_bytes: result.first.npm.bytes, ms: npm },
    npm_docx_over_wasm: { p50: ratio(npm.p50, wasm.p50), p95: ratio(npm.p95, wasm.p95) },
    npm_docx_over_wasm_with_draft: { p50: ratio(npm.p50, withDraft.p50), p95: ratio(npm.p95, withDraft.p95) },
  };
}
const exportBoth = runs('export') && await exportComparison(big.json);

// Plan coverage of 100 items against a report of at least 30 000 characters, as the app
// runs it when typing pauses: the page posts a coverage request for the revision the
// worker holds, the worker computes it (`coverage::compute`) and answers with the
// report as JSON. Timed on the page from `postMessage` to the reply, so the figure is
// the computation plus the worker's serialising of the report and the messaging; the
// page's reading of the JSON is not in it. The plan is read by the import worker from the
// pasted text, as the app reads a pasted plan. As many untimed runs as timed ones first.
async function coverageInWorker(json, planText) {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(server.url);
  const result = await page.evaluate(async ([json, planText, runs]) => {
    const start = async (loader) => {
      const worker = new Worker(loader);
      await new Promise((resolve, reject) => {
        worker.onmessage = (e) => (e.data.ready ? resolve() : reject(new Error('no ready message')));
        worker.onerror = () => reject(new Error(`${loader} failed to load`));
      });
      return worker;
    };
    let id = 0;
    const ask = (worker, request) => new Promise((resolve, reject) => {
      const start = performance.now();
      const sent = ++id;
      worker.onmessage = (e) => (e.data.id === sent && !e.data.error ? resolve({ ms: performance.now() - start, reply: e.data }) : reject(e.data.error));
      worker.postMessage({ id: sent, ...request });
    });
    // Plans are read by the import worker, coverage runs in the draft worker.
    const importer = await start('./import_worker_loader.js');
    const { reply } = await ask(importer, { plan: { source: 'text', text: planText } });
    importer.terminate();
    const { plan } = JSON.parse(reply.plan);
    const worker = await start('./worker_loader.js');
    const file = JSON.parse(json);
    file.draft.plan = { plan, decisions: [] };
    worker.postMessage({ hold: { revision: 1, draft: JSON.stringify(file) } });
    const once = () => ask(worker, { coverage: { revision: 1 } });
    const covered = JSON.parse((await once()).reply.coverage);
    for (let i = 0; i < runs; i++) await once();
    const times = [];
    for (let i = 0; i < runs; i++) times.push((await once()).ms);
    worker.terminate();
    return { items: covered.items.length, times };
  }, [json, planText, RUNS * 2]);
  await context.close();
  if (result.items !== 100) throw new Error(`the plan should have 100 items, not ${result.items}`);
  return { items: result.items, round_trip_ms: stats(result.times) };
}
const coverageReport = runs('coverage') && await longDraft(30000);
const coverage = coverageReport && {
  report_body_chars: coverageReport.chars,
  ...await coverageInWorker(coverageReport.json, await hundredItemPlan()),
};

const version = browser.version();
await browser.close();
await server.close();
console.log(JSON.stringify({
  chromium: version,
  cpu_slowdown: CPU_SLOWDOWN,
  draft: { body_chars: big.chars, pages_at_22x28: Math.round((big.chars / (22 * 28)) * 10) / 10, top_level_headings: big.headings },
  navigation_to_editable_ms: { first_visit: stats(firstVisit), with_30_page_draft: stats(withBigDraft) },
  typing_6_page_fixture: typing.baseline,
  typing_30_page_draft: typing.big,
  typing_30_page_draft_in_bursts_with_checks_and_100_item_coverage: typing.bigWithPanel,
  export_30_page_draft: exportBoth,
  coverage_100_items_in_worker: coverage,
}, null, 2));
