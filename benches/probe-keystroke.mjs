// What one keystroke changes in the page, counted rather than timed (counts do not move
// with the machine's load): DOM mutations by region of the page (top bar, outline,
// editor, side panel), Chromium's own counters per key (style recalculations, layouts,
// their durations) and the DOM's node count. Keys are typed as in benches/browser.mjs,
// 25 ms apart without the bursts, into the middle paragraph of the 30-page draft, with the
// side panel open and the 100-item plan.
// Usage: node benches/probe-keystroke.mjs DIST_DIR
//   DRAFT=FILE (default bench-out/draft-30-pages.json, which benches/browser.mjs writes),
//   KEYSTROKES (100), PANEL=0 to leave the panel shut, TRACE=FILE for a Chromium trace of
//   the keys (timeline and CPU profile; see benches/trace-summary.mjs).
import { readFile } from 'node:fs/promises';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { launchChromium, startServer } from '../tests/e2e/server.mjs';
import { TRACE_CATEGORIES, caretInLongSection, hundredItemPlan, openPanelWithPlan, storeDraft } from './typing-setup.mjs';

const dist = process.argv[2] ?? 'dist';
const KEYSTROKES = Number(process.env.KEYSTROKES ?? 100);
const PANEL = process.env.PANEL !== '0';
const draftJson = await readFile(process.env.DRAFT ?? 'bench-out/draft-30-pages.json', 'utf8');

const server = await startServer(dist);
const browser = await launchChromium(chromium);
const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
await storeDraft(context, draftJson);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto(server.url);
if (PANEL) await openPanelWithPlan(page, await hundredItemPlan());
await caretInLongSection(page, PANEL);
await page.waitForTimeout(1500);
await page.evaluate(() => {
  window.__mutations = {};
  const region = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    const r = el?.closest('.top-bar, .notices, .outline, .editor, .side-panel, .preview-pane');
    return r ? r.className.split(' ')[0] : 'other';
  };
  new MutationObserver((records) => {
    for (const m of records) {
      const key = `${region(m.target)} ${m.type}${m.attributeName ? ' ' + m.attributeName : ''}`;
      window.__mutations[key] = (window.__mutations[key] ?? 0) + 1;
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
});
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const TRACE = process.env.TRACE;
if (TRACE) await browser.startTracing(page, { path: TRACE, categories: TRACE_CATEGORIES });
const before = await metrics();
for (let i = 0; i < KEYSTROKES; i++) {
  await page.keyboard.type('法');
  await page.waitForTimeout(25);
}
await page.waitForTimeout(100);
const after = await metrics();
if (TRACE) await browser.stopTracing();
const mutations = await page.evaluate(() => window.__mutations);
const per = (x) => Math.round((x / KEYSTROKES) * 100) / 100;
console.log(JSON.stringify({
  keystrokes: KEYSTROKES,
  panel: PANEL,
  mutations_per_key: Object.fromEntries(Object.entries(mutations).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, per(v)])),
  per_key: Object.fromEntries(['RecalcStyleCount', 'LayoutCount', 'RecalcStyleDuration', 'LayoutDuration', 'ScriptDuration', 'TaskDuration', 'Nodes', 'JSEventListeners']
    .map((k) => [k, k.endsWith('Duration') ? Math.round(((after[k] - before[k]) / KEYSTROKES) * 1e5) / 100 + ' ms' : per(after[k] - before[k])])),
  nodes: after.Nodes,
}, null, 1));
await context.close();
await browser.close();
server.close?.();
process.exit(0);
