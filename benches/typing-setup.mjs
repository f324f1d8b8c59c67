// What the typing benchmarks (benches/browser.mjs, benches/probe-keystroke.mjs) set up
// alike: the 100-item plan, the stored draft, the side panel open with that plan, and the
// caret in the middle paragraph of the draft's long section.
import { readFile } from 'node:fs/promises';

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute',
  'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc'];

// The 临安 plan five times over, numbered on (21–40, …): 100 items, as in the core's
// coverage benchmark.
export async function hundredItemPlan() {
  const text = await readFile(new URL('../crates/core/tests/fixtures/plan-2023-linan-district-health-bureau.txt', import.meta.url), 'utf8');
  return [0, 1, 2, 3, 4]
    .map((copy) => text.replace(/^(\d+)\./gm, (_, n) => `${Number(n) + 20 * copy}.`))
    .join('\n');
}

/** Every page of `context` opens with the draft file `json` stored and last opened. */
export async function storeDraft(context, json) {
  await context.addInitScript(([json]) => {
    localStorage.setItem('report-drafter.v1.draft.bench-30-pages', json);
    localStorage.setItem('report-drafter.v1.last-opened', 'bench-30-pages');
  }, [json]);
}

/** Pastes `plan` (100 items) into 计划覆盖 and opens the side panel's checks beside it. */
export async function openPanelWithPlan(page, plan) {
  await page.getByRole('button', { name: '计划覆盖' }).click();
  await page.locator('#plan-paste').fill(plan);
  await page.getByRole('button', { name: '识别粘贴的文本' }).click();
  await page.getByRole('button', { name: '使用这份计划' }).click();
  const summary = page.getByTestId('coverage-summary');
  await summary.waitFor();
  const total = (await summary.innerText()).match(/共 (\d+) 项/)?.[1];
  if (total !== '100') throw new Error(`the plan should have 100 items, not ${total}`);
  await page.getByRole('button', { name: '格式检查' }).click();
}

/**
 * Puts the caret at the end of the middle paragraph of the first numbered section (after
 * the unnumbered 导语, it holds the bulk of the text); with the panel open, waits until
 * coverage shows beside the editor. Returns that paragraph and the section's paragraph count.
 */
export async function caretInLongSection(page, panel) {
  await page.locator('.outline-entry.level-1 button').nth(1).click();
  const paragraphs = page.locator('textarea.paragraph-text');
  const count = await paragraphs.count();
  const target = paragraphs.nth(Math.floor(count / 2));
  await target.click();
  await page.keyboard.press('Control+End');
  if (panel) await page.getByTestId('coverage-glance').waitFor();
  return { target, count };
}
