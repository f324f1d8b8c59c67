// Browser benchmarks on the release build, in Debian's Chromium (headless):
//  1. navigation to an editable outline, on a first visit and with a 30-page draft stored;
//  2. keystroke-to-paint latency while typing into that 30-page draft.
// Usage: node benches/browser.mjs DIST_DIR  (scripts/bench.sh builds and runs it)
// Prints a JSON summary; figures go into BENCHMARKS.md by hand, with the machine.
import { readFile } from 'node:fs/promises';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { launchChromium, startServer } from '../tests/e2e/server.mjs';

const dist = process.argv[2] ?? 'dist';
const RUNS = Number(process.env.RUNS ?? 15);
const KEYSTROKES = Number(process.env.KEYSTROKES ?? 300);

/** The 上城 fixture with its 主要举措和成效 repeated until the body is ≥ 30 pages of 22 × 28. */
async function thirtyPageDraft() {
  const file = JSON.parse(await readFile(new URL('../tests/fixtures/draft-shangcheng-2023.json', import.meta.url), 'utf8'));
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
  while (bodyChars() < 30 * 22 * 28) measures.children = measures.children.concat(original.map(renumber));
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
const big = await thirtyPageDraft();

// The first editable field appearing, in ms since navigation start.
const watchEditable = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('#meta-issuername')) {
      window.__editableAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function timeToEditable(seed) {
  const context = await browser.newContext();
  await context.addInitScript(watchEditable);
  if (seed) {
    await context.addInitScript(([json]) => {
      if (!localStorage.getItem('report-drafter.v1.draft.bench-30-pages')) {
        localStorage.setItem('report-drafter.v1.draft.bench-30-pages', json);
        localStorage.setItem('report-drafter.v1.last-opened', 'bench-30-pages');
      }
    }, [seed]);
  }
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.__editableAt !== undefined);
  const ms = await page.evaluate(() => window.__editableAt);
  await context.close();
  return ms;
}

const firstVisit = [];
const withBigDraft = [];
for (let i = 0; i < RUNS; i++) {
  firstVisit.push(await timeToEditable(null));
  withBigDraft.push(await timeToEditable(big.json));
}

// Per keystroke, two figures from the input event's timestamp:
// - work: until a message posted from the event runs, i.e. after the input task and the
//   microtasks where Yew renders: the main-thread time the keystroke costs;
// - paint: until just after the next frame (rAF, then a message). Frame-aligned: at 60 Hz
//   the wait for the next frame alone is 0–16.7 ms, so compare with the small baseline.
// `beforeinput`, not keydown: Playwright types Chinese as text insertion without key
// events, as an IME does.
async function typingLatency(json) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(([json]) => {
    localStorage.setItem('report-drafter.v1.draft.bench-30-pages', json);
    localStorage.setItem('report-drafter.v1.last-opened', 'bench-30-pages');
    window.__work = [];
    window.__paint = [];
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
  }, [json]);
  const page = await context.newPage();
  await page.goto(server.url);
  // The first numbered section (after the unnumbered 导语) holds the bulk of the text.
  await page.locator('.outline-entry.level-1 button').nth(1).click();
  const paragraphs = page.locator('textarea.paragraph-text');
  const count = await paragraphs.count();
  const target = paragraphs.nth(Math.floor(count / 2));
  await target.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => { window.__work = []; window.__paint = []; });
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type('法');
    await page.waitForTimeout(25);
  }
  await page.waitForTimeout(200);
  const { work, paint } = await page.evaluate(() => ({ work: window.__work, paint: window.__paint }));
  const typed = await target.inputValue();
  if (!typed.endsWith('法'.repeat(10))) throw new Error(`typing did not reach the paragraph: …${typed.slice(-40)}`);
  await context.close();
  return { paragraphs_in_open_section: count, work_ms: stats(work), paint_ms: stats(paint) };
}
const small = JSON.parse(await readFile(new URL('../tests/fixtures/draft-shangcheng-2023.json', import.meta.url), 'utf8'));
small.draft.id = 'bench-30-pages';
const typingBaseline = await typingLatency(JSON.stringify(small));
const typingBig = await typingLatency(big.json);

const version = browser.version();
await browser.close();
await server.close();
console.log(JSON.stringify({
  chromium: version,
  draft: { body_chars: big.chars, pages_at_22x28: Math.round((big.chars / (22 * 28)) * 10) / 10, top_level_headings: big.headings },
  navigation_to_editable_ms: { first_visit: stats(firstVisit), with_30_page_draft: stats(withBigDraft) },
  typing_6_page_fixture: typingBaseline,
  typing_30_page_draft: typingBig,
}, null, 2));
