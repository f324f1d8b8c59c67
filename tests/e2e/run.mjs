// End-to-end tests: the release build (dist/) served over HTTP, driven by
// playwright-core in Debian's Chromium. Usage: node tests/e2e/run.mjs DIST_DIR
// Each test gets a fresh browser context (a fresh profile: empty storage).
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { launchChromium, startServer } from './server.mjs';
import { FIRST_DRAFT, FIRST_DRAFT_EXPORT_NAME, documentOfFirstDraft } from './first-draft.mjs';
import { draftsIn, readStoredRecords } from './records.mjs';
import { unzip, zipOf } from './zip.mjs';

const dist = process.argv[2] ?? 'dist';
const outDir = process.env.E2E_OUT ?? join(process.cwd(), 'tests/e2e/out');
const server = await startServer(dist);
const browser = await launchChromium(chromium);
const tmp = await mkdtemp(join(tmpdir(), 'report-drafter-e2e-'));
// The release app's lazily loaded chunk (scripts/split-app.mjs), fetched once the first
// screen is up.
const CHUNK = /\/split_[^/]*\.wasm$/;
const split = (await readdir(dist)).some((name) => CHUNK.test(`/${name}`));

/**
 * What loads behind the first paint, once its responses are in: both workers' wasm (the
 * draft worker's, the import worker's) and, unless `chunk` is false, the app's chunk.
 */
function behindFirstPaint(page, { chunk = true } = {}) {
  const loaded = ['worker', 'import_worker'].map((bin) => new RegExp(`/${bin}[^/]*\\.wasm$`));
  if (split && chunk) loaded.push(CHUNK);
  return Promise.all(loaded.map((pattern) => page.waitForResponse((r) => pattern.test(r.url()))));
}

/**
 * A fresh profile and page at `url`, recording console errors, CSP violations and every
 * request. The first visit's question of the report year is answered with the year
 * proposed unless `keepYearPrompt`. Loading ends when what loads behind the first paint
 * has loaded (`behindFirstPaint`) and the service worker keeps the app's files; the single file from disk
 * (`fromDisk`) has neither to wait for. Requests that leave the origin are blocked,
 * except with `httpCache`: Playwright turns the browser's HTTP cache off wherever it
 * routes requests, so there they are only recorded. `chunk`: a route handler for the
 * app's chunk, whose loading then is the test's; loading then waits for neither the chunk
 * nor the service worker, which keeps the chunk too.
 */
async function open(url = server.url, { fromDisk = false, httpCache = false, keepYearPrompt = false, chunk } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  if (chunk) await context.route(CHUNK, chunk);
  const problems = [];
  const offsite = [];
  const requests = [];
  const leaves = /^https?:\/\/(?!127\.0\.0\.1[:/])/;
  if (httpCache) {
    context.on('request', (r) => { if (leaves.test(r.url())) offsite.push(r.url()); });
  } else {
    await context.route(leaves, (route) => {
      offsite.push(route.request().url());
      route.abort();
    });
  }
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (sessionStorage.getItem('e2e-quota-full')) throw new DOMException('quota used up (e2e stub)', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const loaded = fromDisk || behindFirstPaint(page, { chunk: !chunk });
  await page.goto(url);
  await ready(page);
  if (!keepYearPrompt) await page.getByRole('dialog', { name: '开始起草年度报告' }).getByRole('button', { name: '开始起草' }).click();
  await loaded;
  if (!fromDisk && !chunk) {
    const kept = await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise((done) => setTimeout(() => done(false), 15000)),
    ]));
    assert.ok(kept, 'the service worker is active within 15 s of load');
  }
  return {
    context, page, problems, offsite, requests,
    /** Requests made since `mark()`, other than blob:/data: URLs (downloads). */
    mark() { const at = requests.length; return () => requests.slice(at).filter((u) => !/^(blob|data):/.test(u)); },
    async close() {
      assert.deepEqual(problems, [], 'no console errors');
      assert.deepEqual(offsite, [], 'no request leaves the origin');
      await context.close();
    },
  };
}

async function ready(page) {
  await page.getByRole('button', { name: '基本信息' }).waitFor();
}

async function saved(page) {
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor({ timeout: 5000 });
}

/** Every record the app keeps in IndexedDB, by key: what a reload would read. */
async function stored(page) {
  return page.evaluate(readStoredRecords);
}

/** Waits until the stored records satisfy `holds`, and returns them. */
async function waitForStored(page, holds, timeout = 5000) {
  for (const until = Date.now() + timeout; ;) {
    const records = await stored(page);
    if (holds(records)) return records;
    assert.ok(Date.now() < until, 'storage came to hold what was expected');
    await page.waitForTimeout(50);
  }
}

/**
 * The text of `locator` once it matches `pattern`, read again while its element is being
 * re-rendered; fails when it never does. Its text content, not `innerText`: a finding is
 * `content-visibility: auto` (styles/app.css), and Chromium's `innerText` of contents it
 * has not laid out yet is empty (CI read a finding so twice, under load).
 */
async function textMatching(page, locator, pattern, timeout = 10000) {
  for (const until = Date.now() + timeout; ;) {
    const text = await locator.textContent();
    if (pattern.test(text)) return text;
    assert.ok(Date.now() < until, `the text came to match ${pattern}: ${text}`);
    await page.waitForTimeout(50);
  }
}

async function storageSnapshot(page) {
  return JSON.stringify(Object.entries(await stored(page)).sort());
}

async function downloadBackup(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载备份', exact: true }).click(),
  ]);
  const path = join(tmp, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

async function restore(page, path) {
  if (!(await page.locator('#restore-file').count())) await page.getByRole('button', { name: '草稿列表' }).click();
  await page.setInputFiles('#restore-file', path);
}

/** Each `[name, bytes, message]` plan file is refused with `message`; the tab still
 * answers and storage stays `before`. */
async function assertPlanFilesRefused(page, before, cases) {
  for (const [name, bytes, message] of cases) {
    const path = join(tmp, name);
    await writeFile(path, bytes);
    await page.setInputFiles('#plan-file', path);
    const alert = page.locator('.import-error');
    await alert.waitFor({ timeout: 10000 });
    const shown = await alert.innerText();
    assert.match(shown, message, `${name}: ${shown}`);
    assert.match(shown, /草稿没有任何改动/);
    assert.equal(await page.evaluate(() => 1 + 1), 2, `${name}: the tab answers`);
    assert.equal(await storageSnapshot(page), before, `${name} changed storage`);
  }
}

async function draftCount(page) {
  return draftsIn(await stored(page)).length;
}

/**
 * Types into the field of a node just added. The app focuses it after the next render,
 * so wait for that: keys sent earlier would land on the button that added it.
 */
async function typeIntoNewNode(page, text) {
  await page.waitForFunction(() => /^node-\d+$/.test(document.activeElement?.id ?? '') && document.activeElement.value === '');
  await page.keyboard.type(text);
}

async function fillFirstDraft(page) {
  await page.getByLabel('发文机关全称').fill(FIRST_DRAFT.agency);
  await page.getByLabel('机关代字').fill(FIRST_DRAFT.agencyCode);
  await page.getByLabel('签发人').fill(FIRST_DRAFT.signer);
  await page.getByLabel('标题', { exact: true }).fill(FIRST_DRAFT.title);
  await page.getByRole('button', { name: /主要举措和成效/ }).click();
  await page.getByRole('button', { name: '＋ 标题 （一）' }).click();
  await typeIntoNewNode(page, FIRST_DRAFT.measuresHeading);
  await page.getByRole('button', { name: '＋ 段落' }).first().click();
  await typeIntoNewNode(page, FIRST_DRAFT.measuresParagraph);
  await page.getByRole('button', { name: /存在的不足和原因/ }).click();
  await page.getByRole('button', { name: '＋ 段落' }).click();
  await typeIntoNewNode(page, FIRST_DRAFT.shortcomingsParagraph);
}

/**
 * Exports the draft `fillFirstDraft` wrote from the open 检查与导出 step: the download is
 * named after its title and holds its text. Returns the .docx's document.xml.
 */
async function exportFirstDraft(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Word（.docx）' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), FIRST_DRAFT_EXPORT_NAME);
  const path = join(tmp, 'export.docx');
  await download.saveAs(path);
  return documentOfFirstDraft(await readFile(path));
}

/** Drafts with `fillFirstDraft`, reloads and finds the draft, then exports it. */
async function draftReloadExport(page) {
  await fillFirstDraft(page);
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel('签发人').inputValue(), '王伟荣', 'the draft outlives a reload');
  await page.getByRole('button', { name: '检查与导出' }).click();
  await exportFirstDraft(page);
}

/**
 * Makes every IndexedDB write of the tab fail as when the quota is used up (`full`), or
 * lifts that, across reloads. A stub: Chromium 156 ignores the DevTools protocol's
 * Storage.overrideQuotaForOrigin, so the refusal is made where IndexedDB makes it.
 */
async function quotaFull(t, full) {
  await t.page.evaluate((on) => (on ? sessionStorage.setItem('e2e-quota-full', '1') : sessionStorage.removeItem('e2e-quota-full')), full);
}

/** Fills the origin's `localStorage` with copies of a real draft, each under a key of
 * the app's old layout, until it is full. Returns the copies by key. */
async function fillLocalStorageWithDrafts(page) {
  const fixture = JSON.parse(await readFile('crates/core/tests/fixtures/draft-jiaxing-2022-table.json', 'utf8'));
  return page.evaluate((file) => {
    const written = {};
    for (let i = 0; ; i++) {
      file.draft.id = `migrated-${i}`;
      file.draft.name = `迁移草稿 ${i}`;
      const key = `report-drafter.v1.draft.${file.draft.id}`;
      const text = JSON.stringify(file);
      try {
        localStorage.setItem(key, text);
      } catch {
        return written;
      }
      written[key] = text;
    }
  }, fixture);
}

/** A Chromium process of its own on a profile directory, to be killed like a crash. */
async function launchKillable(profile) {
  const child = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--headless=new', '--remote-debugging-port=0',
    `--user-data-dir=${profile}`, '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', 'about:blank'],
  { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise((resolve, reject) => {
    let text = '';
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const found = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.once('exit', () => reject(new Error(`Chromium exited: ${text}`)));
  });
  const killable = await chromium.connectOverCDP(endpoint);
  const page = await killable.contexts()[0].newPage();
  await page.goto(server.url);
  await ready(page);
  return { child, killable, page };
}

const tests = {
  'served at the root as scripts/serve.sh serves it, with no console error': async () => {
    const root = await startServer(dist, { basePath: '/' });
    try {
      const s = await open(root.url);
      await s.close();
    } finally {
      await root.close();
    }
  },
  async 'a new user drafts header fields and two sections, reloads and finds everything'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await saved(page);
    await page.reload();
    await ready(page);
    assert.equal(await page.getByLabel('发文机关全称').inputValue(), '临安区卫生健康局');
    assert.equal(await page.getByLabel('签发人').inputValue(), '王伟荣');
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    assert.equal(await page.getByLabel('标题（一）', { exact: true }).inputValue(), '强化法治建设主体责任落实');
    assert.match(await page.locator('textarea.paragraph-text').first().inputValue(), /学法4次/);
    await page.getByRole('button', { name: /存在的不足和原因/ }).click();
    assert.match(await page.locator('textarea.paragraph-text').first().inputValue(), /三项制度/);
    const outline = await page.getByRole('navigation', { name: '步骤与大纲' }).innerText();
    assert.match(outline, /（一）\s*强化法治建设主体责任落实/);
    await page.screenshot({ path: join(outDir, 'editor-1366x768.png') });
    await t.close();
  },

  async 'a first visit asks the report year, proposing it by the date, and stores nothing before the answer'() {
    const t = await open(server.url, { keepYearPrompt: true });
    const { page } = t;
    const prompt = page.getByRole('dialog', { name: '开始起草年度报告' });
    const year = page.getByLabel('这份报告是哪一年度的？');
    const today = await page.evaluate(() => [new Date().getFullYear(), new Date().getMonth() + 1]);
    const proposed = today[1] < 7 ? today[0] - 1 : today[0];
    assert.equal(await year.inputValue(), String(proposed));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'first-year', 'the year has the focus');
    assert.equal(await draftCount(page), 0, 'nothing is stored before the answer');
    await year.fill('99');
    assert.ok(await prompt.getByRole('button', { name: '开始起草' }).isDisabled());
    await year.fill('2023');
    await page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached' });
    assert.equal(await draftCount(page), 1);
    assert.equal(await page.getByLabel('标题', { exact: true }).inputValue(), '关于2023年度法治政府建设工作情况的报告');
    await page.reload();
    await ready(page);
    assert.equal(await prompt.count(), 0, 'asked once');
    await t.close();
  },

  async 'a file picker reached by Tab shows its focus ring on its own button, not on the next one'() {
    const t = await open();
    const { page } = t;
    await page.getByRole('button', { name: '草稿列表' }).click();
    const ring = (id) => page.locator(`label[for="${id}"]`).evaluate((e) => getComputedStyle(e).outlineStyle);
    for (const [before, picker, next] of [
      ['新建草稿', 'restore-file', 'report-file'],
      ['下载完整备份', 'restore-all-file', 'template-file'],
    ]) {
      await page.getByRole('button', { name: before }).focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), picker);
      assert.equal(await ring(picker), 'solid', `${picker} shows the ring`);
      assert.equal(await ring(next), 'none', `${next} does not`);
    }
    // Two pickers side by side, where the ring fell on the second.
    await page.getByRole('button', { name: '返回编辑' }).click();
    await page.getByRole('button', { name: '计划覆盖' }).click();
    await page.getByRole('button', { name: '识别粘贴的文本' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'plan-file');
    assert.equal(await ring('plan-file'), 'solid');
    assert.equal(await ring('plan-report-file'), 'none');
    await t.close();
  },

  async 'typing is in storage within a second, without waiting for the page to close'() {
    const t = await open();
    const { page } = t;
    await page.getByLabel('标题', { exact: true }).fill('');
    await page.getByLabel('标题', { exact: true }).pressSequentially('关于2025年度法治政府建设工作情况的报告', { delay: 20 });
    await page.waitForTimeout(1000);
    // A second tab of the same profile reads storage as it is now, as after a crash.
    const other = await t.context.newPage();
    await other.goto(server.url);
    await ready(other);
    assert.equal(await other.getByLabel('标题', { exact: true }).inputValue(), '关于2025年度法治政府建设工作情况的报告');
    await other.close();
    await t.close();
  },

  async 'a full localStorage of drafts (about 5 MB) moves to IndexedDB only once every copy reads back the same'() {
    const t = await open();
    const { page } = t;
    const legacy = await fillLocalStorageWithDrafts(page);
    const size = Object.values(legacy).reduce((n, text) => n + text.length, 0);
    console.log(`     ${Object.keys(legacy).length} drafts, ${(size / 1e6).toFixed(2)} M characters in localStorage`);
    assert.ok(size > 2e6, 'localStorage is full');
    const localRecords = () => page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('report-drafter.v1.'))));

    // With no room in IndexedDB the copy fails: localStorage stays as it was, the user is told.
    const before = await stored(page);
    await quotaFull(t, true);
    await page.reload();
    await ready(page);
    await page.getByTestId('notice').filter({ hasText: '未能迁移' }).waitFor();
    assert.deepEqual(await localRecords(), legacy, 'localStorage is unchanged');
    await page.getByRole('button', { name: '草稿列表' }).click();
    assert.match(await page.getByTestId('drafts').innerText(), /迁移草稿 0/, 'the old drafts are still listed');
    assert.deepEqual(Object.keys(await stored(page)).sort(), Object.keys(before).sort(), 'nothing was copied');

    // With room, it moves: every draft's JSON is in IndexedDB as it was, localStorage is emptied.
    await quotaFull(t, false);
    await page.reload();
    await ready(page);
    await page.getByTestId('notice').filter({ hasText: `已将 ${Object.keys(legacy).length} 份草稿` }).waitFor();
    const records = await stored(page);
    for (const [key, text] of Object.entries(legacy)) assert.equal(records[key], text, key);
    assert.deepEqual(await localRecords(), {}, 'localStorage no longer holds drafts');
    await page.getByRole('button', { name: '草稿列表' }).click();
    assert.equal(await page.locator('[data-testid=drafts] > li').count(), Object.keys(legacy).length + 1);
    assert.match(await page.getByTestId('storage-usage').innerText(), /已用 .+ \/ 可用 .+/);
    // A reload migrates nothing again.
    await page.reload();
    await ready(page);
    assert.equal(await page.getByTestId('notice').count(), 0);
    await t.close();
  },

  async 'a full storage is reported with a backup offer, typing goes on, and the next edit saves once there is room'() {
    const t = await open();
    const { page } = t;
    await saved(page);
    await quotaFull(t, true);
    const title = page.getByLabel('标题', { exact: true });
    await title.fill('存储已满时输入的标题'.repeat(20));
    await page.getByTestId('save-status').filter({ hasText: '保存失败' }).waitFor({ timeout: 5000 });
    assert.match(await page.locator('body').innerText(), /存储空间已满/);
    await page.getByRole('button', { name: '下载备份文件' }).first().waitFor();
    await title.pressSequentially('继续输入');
    assert.match(await title.inputValue(), /继续输入$/, 'typing is not blocked');
    await quotaFull(t, false);
    await title.fill('有空间后保存');
    await saved(page);
    await waitForStored(page, (records) => draftsIn(records).some((v) => v.includes('有空间后保存')));
    await t.close();
  },

  async 'a refused save is retried without another edit: the last edits reach storage once there is room'() {
    const t = await open();
    const { page } = t;
    await saved(page);
    await quotaFull(t, true);
    await page.getByLabel('标题', { exact: true }).fill('存储已满时的最后修改');
    await page.getByTestId('save-status').filter({ hasText: '保存失败' }).waitFor({ timeout: 5000 });
    await page.waitForTimeout(1500);
    assert.equal(await page.getByTestId('save-status').innerText(), '保存失败', 'a retry refused again never shows as saved');
    await quotaFull(t, false);
    // No edit: autosave retries by itself, and shows 已保存 only once IndexedDB committed.
    await saved(page);
    await waitForStored(page, (records) => draftsIn(records).some((v) => v.includes('存储已满时的最后修改')));
    await page.reload();
    await ready(page);
    assert.equal(await page.getByLabel('标题', { exact: true }).inputValue(), '存储已满时的最后修改');
    await t.close();
  },

  async 'killing the browser mid-typing loses at most the last second of typing'() {
    const profile = await mkdtemp(join(tmpdir(), 'report-drafter-profile-'));
    const first = await launchKillable(profile);
    await first.page.getByRole('dialog', { name: '开始起草年度报告' }).getByRole('button', { name: '开始起草' }).click();
    const title = first.page.getByLabel('标题', { exact: true });
    await title.fill('');
    await title.click();
    const typed = '0123456789'.repeat(100);
    const typedAt = [];
    let killedAt;
    for (const ch of typed) {
      await first.page.keyboard.type(ch);
      typedAt.push(Date.now());
      await first.page.waitForTimeout(40);
      if (typedAt.at(-1) - typedAt[0] > 3000 + Math.random() * 500) {
        killedAt = Date.now();
        first.child.kill('SIGKILL');
        break;
      }
    }
    assert.ok(killedAt, 'killed while typing');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const second = await launchKillable(profile);
    const kept = await second.page.getByLabel('标题', { exact: true }).inputValue();
    assert.equal(kept, typed.slice(0, kept.length), 'what is kept is what was typed');
    const lostMs = kept.length < typedAt.length ? killedAt - typedAt[kept.length] : 0;
    console.log(`     killed after ${typedAt.length} keystrokes: ${kept.length} kept, the last ${typedAt.length - kept.length} (${lostMs} ms of typing) lost`);
    assert.ok(lostMs <= 1000, `lost ${lostMs} ms of typing`);
    second.child.kill('SIGKILL');
  },

  async '版本记录: a named snapshot is diffed against the current text, restored, and the restore undone'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await saved(page);
    await page.getByRole('button', { name: '版本记录' }).click();
    await page.getByLabel('版本名称').fill('报局长审阅稿');
    await page.getByRole('button', { name: '保存当前版本' }).click();
    await page.getByTestId('version').filter({ hasText: '报局长审阅稿' }).waitFor();
    await page.getByRole('button', { name: '返回编辑' }).click();

    // More typing after the review copy.
    await page.getByRole('button', { name: /存在的不足和原因/ }).click();
    const added = '二是执法人员培训覆盖面有待扩大。';
    await page.getByRole('button', { name: '＋ 段落' }).click();
    await typeIntoNewNode(page, added);
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    const measures = page.locator('textarea.paragraph-text').first();
    await measures.fill((await measures.inputValue()).replace('4次', '6次'));
    await saved(page);

    await page.getByRole('button', { name: '版本记录' }).click();
    await page.getByRole('button', { name: '与当前内容比较：报局长审阅稿' }).click();
    const diff = page.getByTestId('version-diff');
    await diff.waitFor();
    const parts = await diff.locator('h3').allInnerTexts();
    assert.equal(parts.length, 2, parts.join());
    assert.match(parts.join(), /主要举措和成效/);
    assert.match(parts.join(), /存在的不足和原因/);
    assert.ok((await diff.locator('ins').allInnerTexts()).join('').includes(added), 'the added paragraph is marked added');
    assert.deepEqual(await diff.locator('del').allInnerTexts(), ['4'], 'the replaced digit is marked removed');

    // Restore the review copy: the text goes back, and the text before it is a snapshot.
    await page.getByRole('button', { name: '恢复此版本：报局长审阅稿' }).click();
    await page.getByTestId('version').filter({ hasText: '恢复版本前' }).waitFor();
    await page.getByRole('button', { name: '返回编辑' }).last().click();
    await page.getByRole('button', { name: /存在的不足和原因/ }).click();
    assert.deepEqual(await page.locator('textarea.paragraph-text').evaluateAll((all) => all.map((e) => e.value)), ['一是“三项制度”工作落实尚需进一步细化。']);
    await saved(page);
    await waitForStored(page, (records) => draftsIn(records).some((v) => v.includes('学法4次')) && !draftsIn(records).some((v) => v.includes(added)));

    // Undo the restore by restoring the snapshot taken before it.
    await page.getByRole('button', { name: '版本记录' }).click();
    await page.getByRole('button', { name: '恢复此版本：恢复版本前' }).first().click();
    await page.getByRole('button', { name: '返回编辑' }).last().click();
    await page.getByRole('button', { name: /存在的不足和原因/ }).click();
    assert.deepEqual(await page.locator('textarea.paragraph-text').evaluateAll((all) => all.map((e) => e.value)), ['一是“三项制度”工作落实尚需进一步细化。', added]);
    await saved(page);
    await waitForStored(page, (records) => draftsIn(records).some((v) => v.includes(added) && v.includes('学法6次')));
    await t.close();
  },

  async 'the backup of everything restores drafts, their versions and templates into another profile, adding and never overwriting'() {
    const first = await open();
    let { page } = first;
    await fillFirstDraft(page);
    await saved(page);
    await page.getByRole('button', { name: '版本记录' }).click();
    await page.getByLabel('版本名称').fill('报局长审阅稿');
    await page.getByRole('button', { name: '保存当前版本' }).click();
    await page.getByTestId('version').first().waitFor();
    await page.getByRole('button', { name: '草稿列表' }).click();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '将当前草稿保存为模板' }).click()]);
    await page.getByTestId('notice').filter({ hasText: '已加入模板库' }).waitFor();
    await page.getByRole('button', { name: '新建草稿' }).click();
    await saved(page);
    await page.getByRole('button', { name: '草稿列表' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载完整备份' }).click()]);
    const path = join(tmp, download.suggestedFilename());
    await download.saveAs(path);
    const backup = JSON.parse(await readFile(path, 'utf8'));
    assert.equal(backup.format, 'report-drafter.backup');
    assert.equal(backup.drafts.length, 2);
    assert.equal(backup.templates.length, 1);
    const records = await stored(page);
    const storedDrafts = draftsIn(records).map((text) => JSON.parse(text).draft).sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(backup.drafts.map((d) => d.file.draft).sort((a, b) => a.id.localeCompare(b.id)), storedDrafts, 'every draft as stored');
    const named = backup.drafts.flatMap((d) => d.versions.snapshots).filter((s) => s.name === '报局长审阅稿');
    assert.equal(named.length, 1, 'the named version is in the backup');

    // Bad files: a clear message, and nothing stored changes.
    const before = await storageSnapshot(page);
    const text = await readFile(path, 'utf8');
    const bad = [
      ['截断.json', text.slice(0, Math.floor(text.length / 2)), /文件不完整/],
      ['新版本.json', text.replace('"version":1', '"version":99'), /更新的程序版本/],
      ['过大.json', Buffer.alloc(200 * 1024 * 1024, 32), /过大/],
    ];
    for (const [name, bytes, message] of bad) {
      const badPath = join(tmp, name);
      await writeFile(badPath, bytes);
      await page.setInputFiles('#restore-all-file', badPath);
      const notice = page.getByTestId('notice').filter({ hasText: name });
      await notice.waitFor({ timeout: 20000 });
      const shown = await notice.innerText();
      assert.match(shown, message, shown);
      assert.match(shown, /没有任何改动/);
      assert.equal(await storageSnapshot(page), before, `${name} changed storage`);
    }
    await first.close();

    // Another profile with a draft of its own: restoring adds to it.
    const second = await open();
    page = second.page;
    await fillFirstDraft(page);
    await saved(page);
    const own = await stored(page);
    await page.getByRole('button', { name: '草稿列表' }).click();
    await page.setInputFiles('#restore-all-file', path);
    await page.getByTestId('notice').filter({ hasText: '恢复 2 份草稿' }).waitFor();
    const after = await stored(page);
    for (const [key, value] of Object.entries(own)) {
      if (key !== 'report-drafter.v1.last-opened') assert.equal(after[key], value, `${key} is untouched`);
    }
    const restored = draftsIn(after).map((t) => JSON.parse(t).draft).filter((d) => !Object.keys(own).includes(`report-drafter.v1.draft.${d.id}`));
    assert.equal(restored.length, 2);
    const names = (await page.getByTestId('drafts').innerText());
    assert.match(names, /（恢复）/, 'a name in use keeps both');
    const withVersions = restored.find((d) => d.meta.issuer_name === '临安区卫生健康局' && after[`report-drafter.v1.versions.${d.id}`]?.includes('报局长审阅稿'));
    assert.ok(withVersions, 'the versions came along under the new id');
    assert.match(await page.getByTestId('templates').innerText(), new RegExp(backup.templates[0].template.name));
    await second.close();
  },

  async 'with storage full, 保存版本 and a 完整备份 restore say they failed and show nothing that is not stored'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await saved(page);
    await page.getByRole('button', { name: '草稿列表' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载完整备份' }).click()]);
    const path = join(tmp, `quota-${download.suggestedFilename()}`);
    await download.saveAs(path);
    const listed = await page.getByTestId('drafts').innerText();
    const before = await storageSnapshot(page);
    await quotaFull(t, true);

    await page.setInputFiles('#restore-all-file', path);
    const refused = page.getByTestId('notice').filter({ hasText: '无法从' });
    await refused.waitFor();
    assert.match(await refused.innerText(), /存储空间已满.*没有任何改动/s);
    assert.equal(await page.getByTestId('drafts').innerText(), listed, 'no draft that is not stored is listed');

    await page.getByRole('button', { name: '返回编辑' }).click();
    await page.getByRole('button', { name: '版本记录' }).click();
    await page.getByLabel('版本名称').fill('存储已满时的版本');
    await page.getByRole('button', { name: '保存当前版本' }).click();
    await page.getByTestId('notice').filter({ hasText: '版本“存储已满时的版本”未能保存' }).waitFor();
    assert.equal(await page.getByTestId('version').filter({ hasText: '存储已满时的版本' }).count(), 0, 'the version is not listed');
    assert.equal(await storageSnapshot(page), before, 'nothing was stored');
    await quotaFull(t, false);
    await t.close();
  },

  async 'the backup of everything keeps a readable draft whose 版本记录 cannot be read, without them, and says so'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await saved(page);
    const id = JSON.parse(draftsIn(await stored(page))[0]).draft.id;
    await page.evaluate((key) => new Promise((done, failed) => {
      const request = indexedDB.open('report-drafter', 1);
      request.onsuccess = () => {
        const tx = request.result.transaction('records', 'readwrite');
        tx.objectStore('records').put('{"format":"report-drafter.versions","version":1,"snap', key);
        tx.oncomplete = () => { request.result.close(); done(); };
        tx.onerror = () => failed(tx.error);
      };
      request.onerror = () => failed(request.error);
    }), `report-drafter.v1.versions.${id}`);
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: '草稿列表' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载完整备份' }).click()]);
    const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(backup.drafts.length, 1, 'the draft is in the backup');
    assert.equal(backup.drafts[0].file.draft.id, id);
    assert.deepEqual(backup.drafts[0].versions.snapshots, [], 'without the unreadable versions');
    await page.getByTestId('notice').filter({ hasText: '版本记录无法读取' }).waitFor();
    await t.close();
  },

  async 'backup export, then restore into a new draft that leaves the original alone'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await saved(page);
    const backup = await downloadBackup(page);
    assert.match(backup.name, /\.json$/);
    const parsed = JSON.parse(backup.text);
    assert.equal(parsed.format, 'report-drafter.draft');
    assert.equal(parsed.version, 3);
    const before = await draftCount(page);
    const originalId = parsed.draft.id;
    await restore(page, backup.path);
    await page.getByTestId('notice').filter({ hasText: '恢复为新草稿' }).waitFor();
    assert.equal(await draftCount(page), before + 1);
    assert.equal(await page.getByLabel('发文机关全称').inputValue(), '临安区卫生健康局');
    const openId = (await stored(page))['report-drafter.v1.last-opened'];
    assert.notEqual(openId, originalId, 'the restored draft has its own id');
    // The header names the draft by its title, which the copy shares; the name differs.
    const restored = JSON.parse((await stored(page))[`report-drafter.v1.draft.${openId}`]);
    assert.match(restored.draft.name, /（恢复）$/);
    const original = JSON.parse((await stored(page))[`report-drafter.v1.draft.${originalId}`]);
    assert.equal(original.draft.name, parsed.draft.name, 'the original draft is unchanged');
    await t.close();
  },

  async 'bad restore files show a Chinese message and change nothing'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await saved(page);
    const backup = await downloadBackup(page);
    const good = JSON.parse(backup.text);
    const cases = [
      ['truncated.json', backup.text.slice(0, Math.floor(backup.text.length / 2)), /文件不完整/],
      ['notjson.json', 'PK\u0003\u0004 this is a zip, not a draft', /不是有效的 JSON/],
      ['wrongformat.json', JSON.stringify({ ...good, format: 'something.else' }), /格式标识为“something\.else”/],
      ['newer.json', JSON.stringify({ ...good, version: 7 }), /更新版本.*版本 7/],
      ['missingfield.json', JSON.stringify({ ...good, draft: { ...good.draft, meta: { ...good.draft.meta, title: undefined } } }), /draft\.meta\.title.*缺失/],
    ];
    for (const [name, text, message] of cases) {
      const path = join(tmp, name);
      await writeFile(path, text);
      const before = await storageSnapshot(page);
      await restore(page, path);
      const alert = page.getByRole('alert').filter({ hasText: name });
      await alert.waitFor();
      const shown = await alert.innerText();
      assert.match(shown, message, `${name}: ${shown}`);
      assert.match(shown, /现有草稿没有任何改动/);
      assert.equal(await storageSnapshot(page), before, `${name} changed storage`);
      await alert.getByRole('button', { name: '关闭' }).click();
    }
    await t.close();
  },

  async 'a draft saved as a template starts a draft in a fresh profile with its outline, header and plan'() {
    const first = await open();
    let page = first.page;
    await fillFirstDraft(page);
    await page.getByRole('button', { name: '计划覆盖' }).click();
    await page.locator('#plan-paste').fill('1.推进行政规范性文件合法性审查。（法制科）\n2.开展“八五”普法宣传。（宣传科）');
    await page.getByRole('button', { name: '识别粘贴的文本' }).click();
    await page.getByRole('button', { name: '使用这份计划' }).click();
    await saved(page);
    await page.getByRole('button', { name: '草稿列表' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '将当前草稿保存为模板' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.template\.json$/);
    const path = join(tmp, download.suggestedFilename());
    await download.saveAs(path);
    const file = JSON.parse(await readFile(path, 'utf8'));
    assert.equal(file.format, 'report-drafter.template');
    const name = file.template.name;
    await page.getByTestId('notice').filter({ hasText: '已加入模板库' }).waitFor();
    assert.ok((await page.getByTestId('templates').innerText()).includes(name), 'the template is in the library');
    await first.close();

    // A fresh profile: empty storage, no templates but the built-ins.
    const second = await open();
    page = second.page;
    await page.getByRole('button', { name: '草稿列表' }).click();
    const before = await draftCount(page);
    await page.setInputFiles('#template-file', path);
    await page.getByTestId('notice').filter({ hasText: '导入模板' }).waitFor();
    await page.locator('#new-template').selectOption(name);
    await page.locator('#new-year').fill('2026');
    await page.getByRole('button', { name: '新建草稿' }).click();
    await saved(page);
    assert.equal(await draftCount(page), before + 1);
    assert.equal(await page.getByLabel('发文机关全称').inputValue(), '临安区卫生健康局');
    assert.equal(await page.getByLabel('机关代字').inputValue(), '临卫');
    const outline = await page.getByRole('navigation', { name: '步骤与大纲' }).innerText();
    assert.match(outline, /（一）\s*强化法治建设主体责任落实/);
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    assert.equal(await page.getByLabel('标题（一）', { exact: true }).inputValue(), '强化法治建设主体责任落实');
    assert.match(await page.locator('textarea.paragraph-text').first().inputValue(), /学法4次/, 'saved with body text');
    await page.getByRole('button', { name: '计划覆盖' }).click();
    // Coverage comes from the worker: the step says it is checking until the answer is in.
    await page.locator('.coverage-item').first().waitFor();
    const coverage = await page.locator('#editor').innerText();
    assert.match(coverage, /行政规范性文件合法性审查/);
    assert.match(coverage, /普法宣传/);
    await second.close();
  },

  async 'a bad template file names the field and the problem and changes nothing'() {
    const t = await open();
    const { page } = t;
    await page.getByRole('button', { name: '草稿列表' }).click();
    const good = { format: 'report-drafter.template', version: 1, template: { name: '坏模板', created_by: '', created: null, title: '关于{year}年度的报告', sections: [{ key: 'measures', title: '主要举措' }] } };
    const cases = [
      ['wrongtype.template.json', { ...good, template: { ...good.template, sections: [{ key: 'measures', title: 5 }] } }, /template\.sections\[0\]\.title.*类型不对/],
      ['missing.template.json', { ...good, template: { ...good.template, title: undefined } }, /template\.title.*缺失/],
      ['newer.template.json', { ...good, version: 2 }, /更新版本.*版本 2/],
      ['draft.template.json', { ...good, format: 'report-drafter.draft' }, /不是报告模板文件/],
      ['notjson.template.json', 'not json at all', /不是有效的 JSON/],
    ];
    for (const [name, content, message] of cases) {
      const path = join(tmp, name);
      await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
      const before = await storageSnapshot(page);
      await page.setInputFiles('#template-file', path);
      const alert = page.getByRole('alert').filter({ hasText: name });
      await alert.waitFor();
      const shown = await alert.innerText();
      assert.match(shown, message, `${name}: ${shown}`);
      assert.match(shown, /模板库没有任何改动/);
      assert.equal(await storageSnapshot(page), before, `${name} changed storage`);
      await alert.getByRole('button', { name: '关闭' }).click();
    }
    assert.equal((await stored(page))['report-drafter.v1.templates'], undefined);
    await t.close();
  },

  async '开始下一年度报告 makes a 2024 draft from the 2023 one and leaves that alone'() {
    const t = await open();
    const { page } = t;
    await restore(page, 'crates/core/tests/fixtures/draft-shangcheng-2023.json');
    await page.getByTestId('notice').filter({ hasText: '恢复为新草稿' }).waitFor();
    await saved(page);
    const lastYearId = (await stored(page))['report-drafter.v1.last-opened'];
    const lastYear = (await stored(page))[`report-drafter.v1.draft.${lastYearId}`];
    const before = await draftCount(page);
    await page.getByRole('button', { name: '草稿列表' }).click();
    await page.getByRole('button', { name: /上城区.*开始下一年度报告$/ }).click();
    await page.getByTestId('notice').filter({ hasText: '开始 2024 年度报告' }).waitFor();
    await saved(page);
    assert.equal(await draftCount(page), before + 1);
    assert.equal(await page.getByLabel('标题', { exact: true }).inputValue(), '杭州市上城区卫生健康局关于2024年度法治政府建设工作情况的报告');
    const outline = await page.getByRole('navigation', { name: '步骤与大纲' }).innerText();
    assert.match(outline, /2025年推进法治政府建设的主要安排/);
    assert.equal(
      (await stored(page))[`report-drafter.v1.draft.${lastYearId}`],
      lastYear,
      'last year\'s draft is untouched',
    );
    // Last year's 下一年度主要安排 is this year's checklist.
    // Coverage comes from the worker: the step says it is checking until the answer is in.
    await page.getByRole('button', { name: '计划覆盖' }).click();
    await page.locator('#editor').getByText(/重视法治制度建设/).first().waitFor();
    await page.getByRole('button', { name: '检查与导出' }).click();
    assert.match(await page.getByTestId('deadlines').innerText(), /2025年3月1日.*2025年4月1日/);
    await t.close();
  },

  async '报告年度: a new year moves the template\'s titles and the deadlines, asks before touching typed text, and is one undo'() {
    const t = await open();
    const { page } = t;
    const yearInput = page.getByLabel('报告年度');
    const year = Number(await yearInput.inputValue());
    const deadlines = async () => {
      await page.getByRole('button', { name: '检查与导出' }).click();
      const text = await page.getByTestId('deadlines').innerText();
      await page.getByRole('button', { name: '基本信息' }).click();
      return text;
    };
    const outline = () => page.getByRole('navigation', { name: '步骤与大纲' }).innerText();
    assert.match(await deadlines(), new RegExp(`${year + 1}年3月1日.*${year + 1}年4月1日`));
    assert.match(await outline(), new RegExp(`${year + 1}年推进法治政府建设的主要安排`));
    const typed = `${year}年，我局组织法治培训3次。`;
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    await page.getByRole('button', { name: '＋ 段落' }).first().click();
    await typeIntoNewNode(page, typed);
    await page.getByRole('button', { name: '基本信息' }).click();
    await yearInput.fill(String(year - 1));
    await yearInput.press('Tab');
    // The paragraph names the old year: the user is asked, and keeps it.
    await page.getByRole('alertdialog').getByRole('button', { name: '只改标题，保留我输入的文字' }).click();
    assert.equal(await yearInput.inputValue(), String(year - 1));
    assert.match(await deadlines(), new RegExp(`${year}年3月1日.*${year}年4月1日`));
    assert.match(await outline(), new RegExp(`${year}年推进法治政府建设的主要安排`));
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    assert.equal(await page.locator('textarea.paragraph-text').first().inputValue(), typed);
    // One undo brings the year, the titles and the deadlines back.
    await page.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('button', { name: '基本信息' }).click();
    assert.equal(await yearInput.inputValue(), String(year));
    assert.match(await deadlines(), new RegExp(`${year + 1}年3月1日.*${year + 1}年4月1日`));
    assert.match(await outline(), new RegExp(`${year + 1}年推进法治政府建设的主要安排`));
    await t.close();
  },

  async 'the export step lists what is missing and downloads <标题>.docx holding the text'() {
    const t = await open();
    const { page } = t;
    const since = t.mark();
    await fillFirstDraft(page);
    await page.getByRole('button', { name: '检查与导出' }).click();
    const missing = await page.getByTestId('missing').innerText();
    assert.match(missing, /成文日期/, 'an unset 成文日期 is listed before export');
    await page.getByLabel('版式', { exact: true }).selectOption({ index: 1 });
    await saved(page);
    const documentXml = await exportFirstDraft(page);
    // The second profile (Word's grid) was chosen: its document grid is in the file.
    assert.match(documentXml, /w:type="linesAndChars"/);
    assert.deepEqual(since(), [], 'exporting makes no request');
    await t.close();
  },

  async 'empty parts at export: 写“无”, 不导出该部分 or 保留标题, as document.xml shows'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await page.getByRole('button', { name: '检查与导出' }).click();
    const box = page.getByTestId('empty-parts');
    const listed = await box.locator('li').allInnerTexts();
    assert.equal(listed.length, 3, listed.join('|'));
    assert.ok(listed.some((l) => l.includes('其他需要报告的情况')));
    const documentText = async (name) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出 Word（.docx）' }).click(),
      ]);
      const path = join(tmp, name);
      await download.saveAs(path);
      // The text of each paragraph, one per line.
      return unzip(await readFile(path)).get('word/document.xml').toString('utf8')
        .split('</w:p>').map((p) => p.replace(/<[^>]*>/g, '')).filter((p) => p.trim());
    };
    const kept = await documentText('kept.docx');
    for (const title of listed) assert.ok(kept.some((p) => p.endsWith(title)), `保留标题 prints ${title}`);
    assert.ok(!kept.includes('无。'));

    await box.getByLabel('写“无”').check();
    const withNone = await documentText('none.docx');
    for (const title of listed) {
      const at = withNone.findIndex((p) => p.endsWith(title));
      assert.equal(withNone[at + 1], '无。', `无。 follows ${title}`);
    }
    await box.getByLabel('不导出该部分').check();
    const omitted = await documentText('omitted.docx');
    for (const title of listed) assert.ok(!omitted.some((p) => p.includes(title)), `${title} is left out`);
    assert.ok(omitted.some((p) => p.startsWith('二、') && p.includes('存在的不足')), 'the parts written keep their numbers');
    assert.ok(!omitted.some((p) => p.startsWith('三、')));
    // The choice is the draft's: it is saved and survives a reload.
    await saved(page);
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: '检查与导出' }).click();
    assert.ok(await page.getByTestId('empty-parts').getByLabel('不导出该部分').isChecked());
    await t.close();
  },

  async 'a seeded wording error shows in the check panel, leads to its paragraph, and its fix removes it'() {
    const t = await open();
    const { page } = t;
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    await page.getByRole('button', { name: '＋ 段落' }).first().click();
    await typeIntoNewNode(page, '全面加强法制建设，按期完成年度任务。');
    await page.getByRole('button', { name: '基本信息' }).click();
    await page.getByRole('button', { name: '格式检查' }).click();
    const panel = page.getByTestId('check-panel');
    const finding = panel.locator('[data-rule="wording-fazhi"]');
    await textMatching(page, finding, /法治建设/);
    // The place link opens the section and focuses the paragraph.
    await finding.locator('button.link:not(.ignore-rule)').click();
    const paragraph = page.locator('textarea.paragraph-text').first();
    await page.waitForFunction(() => document.activeElement?.classList.contains('paragraph-text'));
    assert.equal(await paragraph.inputValue(), '全面加强法制建设，按期完成年度任务。');
    await finding.getByRole('button', { name: /一键修正/ }).click();
    assert.equal(await paragraph.inputValue(), '全面加强法治建设，按期完成年度任务。');
    await finding.waitFor({ state: 'detached' });
    // The fix is an edit like any other: autosaved.
    await waitForStored(page, (records) => draftsIn(records).some((v) => v.includes('全面加强法治建设')));
    await t.close();
  },

  async 'Ctrl+Z after a delete, a move or a fix undoes it exactly and never edits another paragraph'() {
    const t = await open();
    const { page } = t;
    const texts = () => page.locator('textarea.paragraph-text').evaluateAll((all) => all.map((e) => e.value));
    const focusedValue = () => page.evaluate(() => document.activeElement?.value);
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    const jia = '甲段内容。';
    const yi = '乙段是最后打字的内容。';
    const bing = '全面加强法制建设，按期完成年度任务。';
    for (const text of [jia, yi]) {
      await page.getByRole('button', { name: '＋ 段落' }).first().click();
      await typeIntoNewNode(page, text);
    }

    // Issue 14: delete 甲, then Ctrl+Z. 甲 comes back in its place, 乙 keeps every character.
    await page.getByRole('button', { name: '删除段落' }).first().click();
    await page.getByRole('button', { name: '确认删除' }).click();
    assert.deepEqual(await texts(), [yi]);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await texts(), [jia, yi]);
    assert.equal(await focusedValue(), jia, 'the paragraph put back takes the focus');
    // Ctrl+Y deletes it again, Ctrl+Z brings it back again.
    await page.keyboard.press('Control+y');
    assert.deepEqual(await texts(), [yi]);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await texts(), [jia, yi]);

    // A move is undone the same way.
    await page.getByRole('button', { name: '下移段落' }).first().click();
    assert.deepEqual(await texts(), [yi, jia]);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await texts(), [jia, yi]);

    // And a one-click fix: only its own paragraph changes back.
    await page.getByRole('button', { name: '＋ 段落' }).first().click();
    await typeIntoNewNode(page, bing);
    await page.getByRole('button', { name: '格式检查' }).click();
    const finding = page.getByTestId('check-panel').locator('[data-rule="wording-fazhi"]');
    await finding.getByRole('button', { name: /一键修正/ }).click();
    const fixed = bing.replace('法制', '法治');
    await page.waitForFunction((want) => [...document.querySelectorAll('textarea.paragraph-text')].some((e) => e.value === want), fixed);
    assert.deepEqual(await texts(), [jia, yi, fixed]);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await texts(), [jia, yi, bing]);
    assert.equal(await focusedValue(), bing);
    // Stored drafts hold `present` and not `absent` (waits for the autosave).
    const storedHolds = (present, absent) => waitForStored(page, (records) => {
      const drafts = draftsIn(records).join();
      return present.every((text) => drafts.includes(text)) && !drafts.includes(absent);
    });
    // The top bar's buttons do the same, and each step is autosaved: the redone fix is
    // stored, then the undo that takes it back replaces it in storage.
    await page.getByRole('button', { name: '重做' }).click();
    assert.deepEqual(await texts(), [jia, yi, fixed]);
    await storedHolds([jia, yi, fixed], bing);
    await page.getByRole('button', { name: '撤销' }).click();
    assert.deepEqual(await texts(), [jia, yi, bing]);
    await storedHolds([jia, yi, bing], fixed);
    await t.close();
  },

  async '全部修正 clears every finding of a rule in one edit, and one undo brings them all back'() {
    const t = await open();
    const { page } = t;
    const texts = () => page.locator('textarea.paragraph-text').evaluateAll((all) => all.map((e) => e.value));
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    const typed = ['完善制度,规范程序,强化监督。', '开展培训,提升能力。'];
    for (const text of typed) {
      await page.getByRole('button', { name: '＋ 段落' }).first().click();
      await typeIntoNewNode(page, text);
    }
    await page.getByRole('button', { name: '格式检查' }).click();
    const findings = page.getByTestId('check-panel').locator('[data-rule="halfwidth-punct"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="check-panel"] [data-rule="halfwidth-punct"]').length >= 2);
    await page.getByTestId('check-panel').getByRole('button', { name: /^全部修正（\d+处）$/ }).click();
    const fixed = typed.map((text) => text.replaceAll(',', '，'));
    await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('textarea.paragraph-text')].map((e) => e.value)) === want, JSON.stringify(fixed));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="check-panel"] [data-rule="halfwidth-punct"]').length === 0);
    assert.equal(await findings.count(), 0);
    await page.getByRole('button', { name: '撤销' }).click();
    assert.deepEqual(await texts(), typed);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="check-panel"] [data-rule="halfwidth-punct"]').length >= 2);
    await t.close();
  },

  async 'a pasted text becomes paragraphs and a heading, cleaned; Enter and Backspace make and remove paragraphs'() {
    const t = await open();
    const { page } = t;
    const texts = () => page.locator('textarea.paragraph-text').evaluateAll((all) => all.map((e) => e.value));
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    await page.getByRole('button', { name: '＋ 段落' }).first().click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('paragraph-text'));
    // What Word puts on the clipboard: Windows line breaks, a zero-width space, a no-break space.
    const pasted = '依法\u200B决策。\r\n严格执法。\r\n（一）强化法治保障\r\n落实普法\u00A0责任。\r\n';
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pasted);
    await page.locator('input.heading-title').waitFor();
    assert.deepEqual(await texts(), ['依法决策。', '严格执法。', '落实普法责任。']);
    assert.equal(await page.getByLabel('标题（一）', { exact: true }).inputValue(), '强化法治保障');
    assert.match(await page.locator('body').innerText(), /已清除粘贴内容中的零宽字符 1 个、不间断空格 1 个/);
    // The paste is one step.
    await page.keyboard.press('Control+z');
    assert.deepEqual(await texts(), ['']);
    assert.equal(await page.locator('input.heading-title').count(), 0);

    // Enter at the end of a paragraph starts the next; Backspace in an empty one removes it.
    await page.locator('textarea.paragraph-text').first().focus();
    await page.keyboard.type('甲。');
    await page.keyboard.press('Enter');
    await typeIntoNewNode(page, '乙。');
    assert.deepEqual(await texts(), ['甲。', '乙。']);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('textarea.paragraph-text').length === 3);
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => document.querySelectorAll('textarea.paragraph-text').length === 2);
    assert.equal(await page.evaluate(() => document.activeElement?.value), '乙。');
    // Typing goes on at the end of the paragraph returned to.
    await page.keyboard.type('丙');
    assert.deepEqual(await texts(), ['甲。', '乙。丙']);
    await t.close();
  },

  async '转为标题, 升级, 降级 and 转为段落 by keyboard and button re-level the text in order, one undo each'() {
    const t = await open();
    const { page } = t;
    const shape = () => page.locator('.section-editor .node').evaluateAll((all) => all.map((n) => (n.classList.contains('heading')
      ? `${n.querySelector('.label').textContent}${n.querySelector('.heading-title').value}`
      : n.querySelector('.paragraph-text').value)));
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    await page.getByRole('button', { name: '＋ 段落' }).first().click();
    await typeIntoNewNode(page, '加强领导');
    await page.keyboard.press('Enter');
    await typeIntoNewNode(page, '推进立法');
    await page.keyboard.press('Enter');
    await typeIntoNewNode(page, '制定规章2件。');
    // Ctrl+Alt+2 on the first paragraph: a （一） heading over the paragraphs after it.
    await page.locator('textarea.paragraph-text').first().focus();
    await page.keyboard.press('Control+Alt+Digit2');
    await page.getByLabel('标题（一）', { exact: true }).waitFor();
    assert.deepEqual(await shape(), ['（一）加强领导', '推进立法', '制定规章2件。']);
    assert.equal(await page.evaluate(() => document.activeElement?.value), '加强领导', 'the new heading has the focus');
    // Ctrl+Alt+3 on the next one: a 1. heading under （一）, taking the paragraph after it.
    await page.locator('textarea.paragraph-text').first().focus();
    await page.keyboard.press('Control+Alt+Digit3');
    await page.getByLabel('标题1.', { exact: true }).waitFor();
    assert.deepEqual(await shape(), ['（一）加强领导', '1.推进立法', '制定规章2件。']);
    // Alt+← promotes it to （二）; the paragraph stays under it; Alt+→ takes it back.
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByLabel('标题（二）', { exact: true }).waitFor();
    assert.deepEqual(await shape(), ['（一）加强领导', '（二）推进立法', '制定规章2件。']);
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByLabel('标题1.', { exact: true }).waitFor();
    // The buttons say their shortcuts; 转为段落 lifts the heading's content one level.
    const toParagraph = page.locator('.heading.level-2 > .heading-line').getByRole('button', { name: '转为段落' });
    assert.match(await toParagraph.getAttribute('title'), /Ctrl\+Alt\+0/);
    assert.match(await page.getByRole('button', { name: '升级标题1.' }).getAttribute('title'), /Alt\+←/);
    const beforeParagraph = await storageSnapshot(page);
    await toParagraph.click();
    await page.getByLabel('标题（一）', { exact: true }).waitFor();
    assert.deepEqual(await shape(), ['加强领导', '（一）推进立法', '制定规章2件。']);
    // Refused with a reason: the opening part takes no headings, （一） cannot go higher.
    await page.getByLabel('标题（一）', { exact: true }).focus();
    await page.keyboard.press('Alt+ArrowLeft');
    assert.match(await page.locator('body').innerText(), /不能再升级/);
    // One undo per change, back to the three paragraphs typed.
    for (const expected of [
      ['（一）加强领导', '1.推进立法', '制定规章2件。'],
      ['（一）加强领导', '（二）推进立法', '制定规章2件。'],
      ['（一）加强领导', '1.推进立法', '制定规章2件。'],
      ['（一）加强领导', '推进立法', '制定规章2件。'],
      ['加强领导', '推进立法', '制定规章2件。'],
    ]) {
      await page.keyboard.press('Control+z');
      await page.waitForFunction((n) => document.querySelectorAll('.section-editor .heading').length === n,
        expected.filter((e) => /^（|^\d\./.test(e)).length);
      assert.deepEqual(await shape(), expected);
    }
    await saved(page);
    assert.notEqual(await storageSnapshot(page), beforeParagraph);
    await t.close();
  },

  async '导入已有报告: a .docx, .html or .txt report becomes a new draft after a summary of what goes where; a bad file changes nothing'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await saved(page);
    const draftsBefore = Object.fromEntries(Object.entries(await stored(page)).filter(([k]) => k.startsWith('report-drafter.v1.draft.')));
    await page.getByRole('button', { name: '草稿列表' }).click();
    const report = await readFile('crates/core/tests/fixtures/report-2023-shangcheng-district-health-bureau.txt', 'utf8');
    const lines = report.split('\n').filter((l) => l.trim());
    const escape = (l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const docx = zipOf([
      ['[Content_Types].xml', Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
      ['word/document.xml', Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${
        lines.map((l) => `<w:p><w:r><w:t>${escape(l)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`)],
    ]);
    const docxPath = join(tmp, '上城2023.docx');
    await writeFile(docxPath, docx);
    const review = page.getByTestId('report-import-review');
    const rows = () => review.locator('tbody tr').evaluateAll((all) => all.map((r) => [...r.cells].map((c) => c.textContent)));
    // The .docx: the summary comes first, and 取消 creates nothing.
    await page.setInputFiles('#report-file', docxPath);
    await review.waitFor({ timeout: 10000 });
    const fromDocx = await rows();
    assert.match(await review.innerText(), /2023年度/);
    assert.deepEqual(fromDocx.map((r) => r[0]), ['（一、之前的段落）', '2023年主要工作及成效', '2023年推进法治政府建设存在的不足和原因',
      '2023年党政主要负责人履行推进法治建设第一责任人、加强法治政府建设的有关情况', '2024年推进法治政府建设的主要安排']);
    assert.match(fromDocx[1][1], /主要举措和成效/);
    assert.match(fromDocx[4][1], /2024年.*主要安排/);
    const [, headings, paragraphs] = fromDocx[1][2].match(/(\d+) 个标题、(\d+) 段/).map(Number);
    assert.ok(headings >= 5 && paragraphs >= 5, fromDocx[1][2]);
    await review.getByRole('button', { name: '取消' }).click();
    assert.equal(await review.count(), 0);
    assert.equal(await draftCount(page), Object.keys(draftsBefore).length);
    // The same report saved from the website it was published on: the same summary,
    // nothing of the site's menu, breadcrumb or footer.
    const htmlPath = join(tmp, '上城2023.html');
    await writeFile(htmlPath, `<!DOCTYPE html><html><head><title>上城区</title><script>if (a < b) {}</script></head><body>
      <nav><a href="/">首页</a> 政务公开</nav><div>当前位置：首页 &gt; 法治政府建设</div>
      ${lines.map((l) => `<p>&nbsp;${escape(l)}</p>`).join('\n')}
      <div class="foot">主办单位：上城区人民政府办公室</div></body></html>`);
    await page.setInputFiles('#report-file', htmlPath);
    await review.waitFor({ timeout: 10000 });
    assert.deepEqual(await rows(), fromDocx);
    assert.doesNotMatch(await review.innerText(), /首页|主办单位/);
    await review.getByRole('button', { name: '取消' }).click();
    assert.equal(await review.count(), 0);
    // The same report as .txt gives the same summary; 导入 opens it as a new draft.
    const txtPath = join(tmp, '上城2023.txt');
    await writeFile(txtPath, report);
    await page.setInputFiles('#report-file', txtPath);
    await review.waitFor({ timeout: 10000 });
    assert.deepEqual(await rows(), fromDocx);
    await review.getByRole('button', { name: '导入' }).click();
    await page.getByRole('button', { name: /主要举措和成效/ }).click();
    assert.equal(await page.getByLabel('标题（一）', { exact: true }).inputValue(), '强化法治建设主体责任落实');
    await saved(page);
    assert.equal(await draftCount(page), Object.keys(draftsBefore).length + 1);
    const after = await stored(page);
    for (const [key, value] of Object.entries(draftsBefore)) assert.equal(after[key], value, 'the draft open before is unchanged');
    // A file that is not a report: a message, nothing created.
    await page.getByRole('button', { name: '草稿列表' }).click();
    const bad = join(tmp, 'photo.docx');
    await writeFile(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(500).fill(7)]));
    await page.setInputFiles('#report-file', bad);
    const alert = page.locator('.import-error');
    await alert.waitFor({ timeout: 10000 });
    assert.match(await alert.innerText(), /无法导入“photo.docx”：.+。现有草稿没有任何改动/);
    assert.equal(await draftCount(page), Object.keys(draftsBefore).length + 1);
    await t.close();
  },

  async 'a pasted plan is checked against the report: evidence, a paragraph for a missing item, a kept decision'() {
    const t = await open();
    const { page } = t;
    const since = t.mark();
    await restore(page, new URL('../../crates/core/tests/fixtures/draft-shangcheng-2023.json', import.meta.url).pathname);
    await page.getByTestId('notice').filter({ hasText: '恢复为新草稿' }).waitFor();
    await page.getByRole('button', { name: '计划覆盖' }).click();
    const plan = await readFile(new URL('../../crates/core/tests/fixtures/plan-2023-linan-district-health-bureau.txt', import.meta.url), 'utf8');
    await page.locator('#plan-paste').fill(plan);
    await page.getByRole('button', { name: '识别粘贴的文本' }).click();
    const review = page.getByTestId('plan-review');
    await review.waitFor();
    assert.match(await review.innerText(), /识别出 20 项计划任务/);
    await page.getByRole('button', { name: '使用这份计划' }).click();
    const summary = page.getByTestId('coverage-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /共 20 项/);
    const item = (n) => page.locator(`.coverage-item[data-number="${n}"]`);
    // The report never mentions 政务公开 (item 19).
    assert.match(await item(19).getAttribute('class'), /\bmissing\b/);

    // Evidence leads to its paragraph.
    await item(10).locator('.evidence button.link').first().click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('paragraph-text'));
    assert.match(await page.evaluate(() => document.activeElement.value), /合法性审查/);

    // A paragraph for the missing item, written and then found: beside the editor as
    // typing pauses, and in the coverage step.
    await page.getByRole('button', { name: '计划覆盖' }).click();
    await page.getByRole('button', { name: '格式检查' }).click();
    await item(19).getByRole('button', { name: '为此项添加段落' }).click();
    await page.getByTestId('notice').filter({ hasText: '第19项“全面推进政务公开”' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('paragraph-text') && document.activeElement.value === '');
    const glanceItem19 = page.getByTestId('coverage-glance').locator('li.missing[data-number="19"]');
    await glanceItem19.waitFor();
    await page.keyboard.type('全面推进政务公开。完善政务公开目录，全年主动公开政府信息326条，依申请公开件全部按期答复。');
    await glanceItem19.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '计划覆盖' }).click();
    // The view lists the items once the worker's coverage is in: wait for the item, then for its status.
    await page.waitForFunction(() => document.querySelector('.coverage-item[data-number="19"]')?.classList.contains('missing') === false);

    // Item 2 marked 不适用 by hand, which outlives a reload.
    await item(2).getByLabel('状态').selectOption('not_applicable');
    await item(2).getByLabel('理由').fill('区级无共富型制度创新任务');
    await item(2).getByLabel('理由').press('Tab');
    await saved(page);
    assert.deepEqual(since(), [], 'plan reading runs in the preloaded worker: no request');
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: '计划覆盖' }).click();
    assert.match(await item(2).locator('.status').innerText(), /不适用（人工）/);
    assert.equal(await item(2).getByLabel('理由').inputValue(), '区级无共富型制度创新任务');
    await t.close();
  },

  async 'the coverage view filters by status, unreported target and unit; the 科长 table (Word and Excel) has one row per plan item'() {
    const t = await open();
    const { page } = t;
    await restore(page, new URL('../../crates/core/tests/fixtures/draft-shangcheng-2023.json', import.meta.url).pathname);
    await page.getByTestId('notice').filter({ hasText: '恢复为新草稿' }).waitFor();
    await page.getByRole('button', { name: '计划覆盖' }).click();
    const plan = await readFile(new URL('../../crates/core/tests/fixtures/plan-2023-linan-district-health-bureau.txt', import.meta.url), 'utf8');
    await page.locator('#plan-paste').fill(plan);
    await page.getByRole('button', { name: '识别粘贴的文本' }).click();
    await page.getByRole('button', { name: '使用这份计划' }).click();
    await page.getByTestId('coverage-summary').waitFor();
    const items = page.locator('.coverage-item');
    const listed = () => items.evaluateAll((all) => all.map((e) => [e.dataset.number, e.className]));
    const all = await listed();
    assert.equal(all.length, 20);
    const filters = page.getByRole('group', { name: '筛选计划任务' });
    // Each filter shows exactly the items of its kind, and says how many.
    for (const [label, kind] of [['未覆盖', /\bmissing\b/], ['部分覆盖', /\bpartial\b/]]) {
      const expected = all.filter(([, c]) => kind.test(c)).map(([n]) => n);
      assert.ok(expected.length > 0, label);
      await filters.getByRole('button', { name: new RegExp(`^${label}（${expected.length}）$`) }).click();
      assert.deepEqual((await listed()).map(([n]) => n), expected, label);
    }
    await filters.getByRole('button', { name: /^指标未报告（\d+）$/ }).click();
    for (const number of (await listed()).map(([n]) => n)) {
      assert.match(await page.locator(`.coverage-item[data-number="${number}"]`).innerText(), /未报告/);
    }
    // By unit: every item listed names it.
    await filters.getByRole('button', { name: /^全部（20）$/ }).click();
    await page.locator('#coverage-department').selectOption('局法制科');
    const ofUnit = await listed();
    assert.ok(ofUnit.length > 0 && ofUnit.length < 20, `${ofUnit.length} items of 局法制科`);
    for (const [number] of ofUnit) {
      assert.match(await page.locator(`.coverage-item[data-number="${number}"]`).innerText(), /法制科/);
    }
    // The Word table: every plan item, whatever the filter.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出落实情况表（Word，供科长审阅）' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), '2023年度工作要点落实情况表.docx');
    const path = join(tmp, 'table.docx');
    await download.saveAs(path);
    const xml = unzip(await readFile(path)).get('word/document.xml').toString('utf8');
    assert.equal(xml.match(/<w:tr[ >]/g).length, 21, 'a header and one row per plan item');
    // The same table as a workbook: title, count, a filtered and frozen header, and
    // every plan item with its status as the view shows it.
    const [workbookDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出落实情况表（Excel，可筛选）' }).click(),
    ]);
    assert.equal(workbookDownload.suggestedFilename(), '2023年度工作要点落实情况表.xlsx');
    const workbookPath = join(tmp, 'table.xlsx');
    await workbookDownload.saveAs(workbookPath);
    const workbook = unzip(await readFile(workbookPath));
    const sheet = workbook.get('xl/worksheets/sheet1.xml').toString('utf8');
    const strings = [...workbook.get('xl/sharedStrings.xml').toString('utf8').matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => m[1]);
    const cell = (ref) => {
      const index = sheet.match(new RegExp(`<c r="${ref}" s="\\d+" t="s"><v>(\\d+)</v>`))?.[1];
      return index === undefined ? '' : strings[Number(index)];
    };
    assert.match(sheet, /<autoFilter ref="A3:E23"\/>/);
    assert.match(sheet, /<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"\/>/);
    assert.equal(cell('A1'), '2023年度法治政府建设工作要点落实情况表');
    assert.deepEqual(['A3', 'B3', 'C3', 'D3', 'E3'].map(cell), ['计划任务', '责任单位', '落实情况', '佐证段落', '指标完成情况']);
    const labels = { covered: '已覆盖', partial: '部分覆盖', missing: '未覆盖', not_applicable: '不适用' };
    for (const [i, [number, className]] of all.entries()) {
      assert.ok(cell(`A${i + 4}`).startsWith(`${number}. `), `row ${i + 4} is item ${number}`);
      const status = Object.entries(labels).find(([kind]) => className.split(' ').includes(kind))?.[1];
      assert.ok(status, className);
      assert.equal(cell(`C${i + 4}`).split('\n')[0], status, `item ${number}`);
    }
    await t.close();
  },

  async 'a plan file that is not a plan is refused with a message and the draft is unchanged'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await saved(page);
    await page.getByRole('button', { name: '计划覆盖' }).click();
    const before = await storageSnapshot(page);
    const cases = [
      ['fake.docx', Buffer.from('PK\u0003\u0004 not really a zip'), /Word 文档已损坏/],
      ['empty.txt', Buffer.from(''), /计划内容是空的/],
      ['binary.txt', Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8]), /内容不是文本/],
    ];
    await assertPlanFilesRefused(page, before, cases);
    await t.close();
  },

  async 'hostile plan files (a zip bomb, an &-storm, 200 000 spaces) are read in bounded time; the tab lives and the draft is unchanged'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    await saved(page);
    await page.getByRole('button', { name: '计划覆盖' }).click();
    const before = await storageSnapshot(page);
    const document = (body) => Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'),
      body,
      Buffer.from('</w:t></w:r></w:p></w:body></w:document>'),
    ]);
    const types = ['[Content_Types].xml', Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')];
    const refused = [
      // 200 MB of text in a 0.2 MB file whose header claims 2 000 bytes.
      ['bomb.docx', zipOf([types, ['word/document.xml', document(Buffer.alloc(200 * 2 ** 20, 'a'))]], 2000), /正文过大/],
      ['ampersands.docx', zipOf([types, ['word/document.xml', document(Buffer.from(`${'&'.repeat(1e6)};`))]]), /没有识别出任何计划条目/],
    ];
    await assertPlanFilesRefused(page, before, refused);
    const spaces = join(tmp, 'spaces.txt');
    await writeFile(spaces, `1.推进合法性审查${' '.repeat(200000)}全覆盖。（法制科）\n2.开展普法宣传。（宣传科）\n`);
    await page.setInputFiles('#plan-file', spaces);
    const review = page.getByTestId('plan-review');
    await review.waitFor({ timeout: 10000 });
    assert.match(await review.innerText(), /识别出 2 项计划任务/);
    assert.equal(await storageSnapshot(page), before, 'a plan under review changes nothing yet');
    await t.close();
  },

  async 'a plan kept in Excel (.xlsx) or saved from its web page (.html) is read through the picker'() {
    const t = await open();
    const { page } = t;
    await page.getByRole('button', { name: '计划覆盖' }).click();
    const review = page.getByTestId('plan-review');
    // A workbook as Excel writes one: a title row, a header, a merged group row, task rows
    // with inline text, a 责任单位 cell with one unit a line, a 完成时限 written as a date.
    const cell = (ref, text) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const rows = [
      `<row r="1">${cell('A1', '2024年法治政府建设工作要点')}</row>`,
      `<row r="2">${cell('A2', '序号')}${cell('B2', '重点任务')}${cell('C2', '责任单位')}${cell('D2', '完成时限')}</row>`,
      `<row r="3">${cell('A3', '一、深入学习贯彻习近平法治思想')}</row>`,
      `<row r="4">${cell('A4', '1')}${cell('B4', '组织开展专题学习，全年不少于4次')}${cell('C4', '办公室')}<c r="D4" s="1"><v>45657</v></c></row>`,
      `<row r="5">${cell('A5', '2')}${cell('B5', '推进“一网通办”，网上可办率达到100%')}${cell('C5', '审批科\n执法队')}</row>`,
    ].join('');
    const xlsx = zipOf([
      ['[Content_Types].xml', Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
      ['xl/workbook.xml', Buffer.from('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="要点" sheetId="1" r:id="rId1"/></sheets></workbook>')],
      ['xl/_rels/workbook.xml.rels', Buffer.from('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')],
      ['xl/styles.xml', Buffer.from('<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')],
      ['xl/worksheets/sheet1.xml', Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`)],
    ]);
    const xlsxPath = join(tmp, '工作要点.xlsx');
    await writeFile(xlsxPath, xlsx);
    await page.setInputFiles('#plan-file', xlsxPath);
    await review.waitFor({ timeout: 10000 });
    let shown = await review.innerText();
    assert.match(shown, /识别出 2 项计划任务/);
    assert.match(shown, /组织开展专题学习/);
    assert.match(shown, /审批科、执法队/);
    // The Linan plan as its district website publishes it.
    const plan = await readFile(new URL('../../crates/core/tests/fixtures/plan-2023-linan-district-health-bureau.txt', import.meta.url), 'utf8');
    const htmlPath = join(tmp, '工作要点.html');
    await writeFile(htmlPath, `<!DOCTYPE html><html><head><title>临安区</title></head><body><nav>首页 政务公开</nav>
      ${plan.split('\n').map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}
      <div>主办单位：临安区人民政府办公室</div></body></html>`);
    await page.setInputFiles('#plan-file', htmlPath);
    await review.getByText(/识别出 20 项计划任务/).waitFor({ timeout: 10000 });
    shown = await review.innerText();
    assert.match(shown, /全面推进政务公开/);
    assert.doesNotMatch(shown, /主办单位/);
    await t.close();
  },

  async 'a plan file saved in GBK is read like the UTF-8 one'() {
    const t = await open();
    const { page } = t;
    await page.getByRole('button', { name: '计划覆盖' }).click();
    await page.setInputFiles('#plan-file', new URL('../../crates/core/tests/fixtures/plan-2023-linan-gbk.txt', import.meta.url).pathname);
    const review = page.getByTestId('plan-review');
    await review.waitFor();
    const shown = await review.innerText();
    assert.match(shown, /识别出 20 项计划任务/);
    assert.match(shown, /全面推进政务公开/);
    await t.close();
  },

  async 'after load the app makes no network request, and the CSP is strict'() {
    const t = await open();
    const { page } = t;
    const since = t.mark();
    await fillFirstDraft(page);
    await saved(page);
    await downloadBackup(page);
    await page.getByRole('button', { name: '检查与导出' }).click();
    await page.getByRole('button', { name: '草稿列表' }).click();
    await page.getByRole('button', { name: '新建草稿' }).click();
    await saved(page);
    assert.deepEqual(since(), [], 'requests after load');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\s\*/);
    // User text is never markup: a title full of HTML stays text.
    await page.getByRole('button', { name: '基本信息' }).click();
    await page.getByLabel('标题', { exact: true }).fill('<img src=x onerror=alert(1)><b>粗体</b>');
    await page.getByRole('button', { name: '草稿列表' }).click();
    assert.equal(await page.locator('.drafts img, .draft-name b').count(), 0);
    await t.close();
  },

  async 'the panels\' code loads behind the first screen: editable while it is held back, a panel renders once it arrives, a failed load offers 重试'() {
    if (!split) throw new Error(`no lazily loaded chunk in ${dist}: the release build is split (scripts/split-app.mjs)`);
    // Held back: the first screen is up and editable without it, and the app asks for it
    // by itself, once that screen is up.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let asked;
    const requested = new Promise((resolve) => { asked = resolve; });
    let t = await open(server.url, {
      chunk: async (route) => {
        // The page's request, not the service worker's, which keeps every file.
        if (!route.request().serviceWorker()) asked();
        await held;
        await route.continue();
      },
    });
    let { page } = t;
    const title = page.getByLabel('标题', { exact: true });
    await title.fill('加载完成前输入的标题');
    assert.equal(await title.inputValue(), '加载完成前输入的标题');
    await requested;
    await page.getByRole('button', { name: '格式检查' }).click();
    await page.locator('.side-panel').getByText('加载中…').waitFor();
    release();
    await page.getByTestId('check-panel').waitFor();
    assert.equal(await page.getByText('加载中…').count(), 0);
    // Rendered at once from then on, and still in step with the draft.
    await page.getByRole('button', { name: '并排预览' }).click();
    await page.getByTestId('preview').filter({ hasText: '加载完成前输入的标题' }).waitFor({ timeout: 1000 });
    await t.close();

    // Failed (offline with the chunk not kept yet): the panel says so and 重试 loads it.
    let fail = true;
    t = await open(server.url, { chunk: (route) => (fail ? route.abort('internetdisconnected') : route.continue()) });
    ({ page } = t);
    await page.getByRole('button', { name: '格式检查' }).click();
    const alert = page.locator('.side-panel').getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /这部分界面加载失败（可能已离线）/);
    fail = false;
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByTestId('check-panel').waitFor();
    assert.equal(await alert.count(), 0);
    // The failed loads were logged, and nothing else.
    assert.ok(t.problems.length > 0 && t.problems.every((p) => /Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p)), t.problems.join('\n'));
    t.problems.length = 0;
    await t.close();
  },

  async 'the app is installable and after one visit loads with the network off: reload, draft, reload and export'() {
    const t = await open();
    const { page, context } = t;
    const devtools = await context.newCDPSession(page);
    assert.deepEqual((await devtools.send('Page.getAppManifest')).errors, [], 'the manifest reads without error');
    // Test profiles are incognito ones, where Chromium installs nothing: no other reason.
    const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.map((e) => e.errorId), ['in-incognito']);
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker serves the page');
    await draftReloadExport(page);
    await context.setOffline(false);
    // Other pages of the host are not the app: the single file offered for download.
    const other = await context.newPage();
    const response = await other.goto(`${server.url}report-drafter.html`);
    assert.match(await response.text(), /id="report-drafter-app-wasm"/, 'the single file, not the kept app');
    await other.close();
    await t.close();
  },

  async 'a new build waits until the user reloads from its notice, and the draft is kept'() {
    // A host of its own, whose files the browser may keep for ten minutes: a new
    // deployment changes them under the same names, and the new build must not take the
    // old copies from the browser's HTTP cache.
    const deployed = await mkdtemp(join(tmpdir(), 'report-drafter-deployed-'));
    await cp(dist, deployed, { recursive: true });
    const host = await startServer(deployed, { cacheable: true });
    try {
      const t = await open(host.url, { httpCache: true });
      const { page } = t;
      // The first service worker of a profile is no update; a served page is not a file.
      assert.equal(await page.getByTestId('update-notice').count(), 0);
      assert.equal(await page.getByTestId('file-notice').count(), 0);
      await fillFirstDraft(page);
      await saved(page);
      const deploy = async (name, change) => {
        const before = await readFile(join(deployed, name), 'utf8');
        const after = change(before);
        assert.notEqual(after, before, `the new build changes ${name}`);
        await writeFile(join(deployed, name), after);
      };
      const oldTitle = await page.title();
      const newTitle = `${oldTitle}（新版本）`;
      await deploy('index.html', (html) => html.replace(`<title>${oldTitle}</title>`, `<title>${newTitle}</title>`));
      await deploy('worker.js', (js) => `${js}\n// the next build\n`);
      await deploy('sw.js', (sw) => sw.replace(/const BUILD = '[0-9a-f]{16}';/, "const BUILD = 'next';"));
      // Opening the app is when the browser looks for a new service worker.
      await page.reload();
      await ready(page);
      const notice = page.getByTestId('update-notice');
      await notice.waitFor();
      assert.match(await notice.innerText(), /新版本已就绪/);
      assert.equal(await page.title(), oldTitle, 'the old build runs until the user reloads');
      // Writing goes on under the old build until the user chooses; the reload saves first.
      await page.getByLabel('机关代字').fill('临卫健');
      await saved(page);
      // A second tab of the app, also told of the new build.
      const other = await t.context.newPage();
      other.on('pageerror', (e) => t.problems.push(e.message));
      // The second tab is opened before the first switches builds, workers, chunk and all: a
      // switch while its files are still in flight fails their fetch (a race of the test's
      // own making, which that tab's reload into the new build would mend).
      const otherLoaded = behindFirstPaint(other);
      await other.goto(host.url);
      await ready(other);
      await otherLoaded;
      const otherNotice = other.getByTestId('update-notice');
      await otherNotice.waitFor();
      await Promise.all([
        page.waitForEvent('load'),
        notice.getByRole('button', { name: '保存并刷新' }).click(),
      ]);
      await ready(page);
      // The first tab put the new build in charge of both: the second says so, and its
      // own 保存并刷新 reloads into it.
      await otherNotice.filter({ hasText: '另一个标签页' }).waitFor();
      await Promise.all([
        other.waitForEvent('load'),
        otherNotice.getByRole('button', { name: '保存并刷新' }).click(),
      ]);
      await ready(other);
      assert.equal(await other.title(), newTitle, 'the second tab runs the new build');
      await other.close();
      assert.deepEqual(await page.evaluate(() => caches.keys()), ['report-drafter-next'], 'the new build is in charge, the old one gone');
      assert.equal(await page.title(), newTitle, 'the new build\'s page');
      const keptWorker = await page.evaluate(() => caches.match('./worker.js').then((r) => r.text()));
      assert.match(keptWorker, /\/\/ the next build\n$/, 'the new build\'s worker is kept');
      assert.equal(await page.getByLabel('机关代字').inputValue(), '临卫健');
      assert.equal(await page.getByLabel('签发人').inputValue(), '王伟荣');
      assert.equal(await page.getByTestId('update-notice').count(), 0);
      await page.getByRole('button', { name: '检查与导出' }).click();
      await exportFirstDraft(page);
      await t.close();
    } finally {
      await host.close();
    }
  },

  async 'the single file opened from disk drafts, keeps the draft over a reload and exports, with a strict CSP'() {
    const t = await open(pathToFileURL(resolve(dist, 'report-drafter.html')).href, { fromDisk: true });
    const { page } = t;
    const since = t.mark();
    const notice = await page.getByTestId('file-notice').innerText();
    assert.match(notice, /本机文件.*下载备份.*从备份文件恢复/);
    await draftReloadExport(page);
    // As the notice says of Chromium, local files share one storage: a copy elsewhere sees the draft.
    assert.match(notice, /Chrome、Edge 等浏览器让所有本机网页共用这一处存储/);
    const copy = join(tmp, 'copy', 'report-drafter.html');
    await cp(resolve(dist, 'report-drafter.html'), copy);
    const elsewhere = await t.context.newPage();
    await elsewhere.goto(pathToFileURL(copy).href);
    await ready(elsewhere);
    assert.equal(await elsewhere.getByLabel('签发人').inputValue(), FIRST_DRAFT.signer, 'the copy sees the draft');
    await elsewhere.close();
    // The import worker, made from its own data block, reads a backup back.
    const backup = await downloadBackup(page);
    await restore(page, backup.path);
    await page.getByTestId('notice').filter({ hasText: '恢复为新草稿' }).waitFor();
    assert.deepEqual(since().filter((u) => !u.startsWith('file:')), [], 'no request but the file itself');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /worker-src blob:;/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'self'|\s\*/);
    await t.close();
  },

  async 'at 1024×768 side by side and at 800×768 one pane at a time, nothing overflows and the page fits its pane'() {
    const t = await open();
    const { page } = t;
    await fillFirstDraft(page);
    const overflow = () => page.evaluate(() => {
      const panes = [...document.querySelectorAll('.editor, .preview-pane, .outline')];
      const wider = panes.filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.className} ${e.scrollWidth}>${e.clientWidth}`);
      const pages = [...document.querySelectorAll('.preview-page')].map((p) => p.getBoundingClientRect());
      const pane = document.querySelector('.preview-pane')?.getBoundingClientRect();
      const cut = pane ? pages.filter((r) => r.left < pane.left || r.right > pane.right).length : 0;
      return { document: document.documentElement.scrollWidth - window.innerWidth, wider, cut };
    });
    // Each button's text on one line: a button no taller than the top bar's shortest.
    const wrapped = () => page.evaluate(() => [...document.querySelectorAll('.top-bar button, .node-tools button')]
      .filter((b) => b.offsetParent && b.getBoundingClientRect().height > 40).map((b) => b.textContent));
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: '并排预览' }).click();
    await page.locator('.preview-page').first().waitFor();
    assert.deepEqual(await overflow(), { document: 0, wider: [], cut: 0 }, 'side by side at 1024');
    assert.deepEqual(await wrapped(), []);
    await page.setViewportSize({ width: 800, height: 768 });
    // Below 900 px the preview is one pane, switched by 仅编辑 / 仅预览.
    assert.equal(await page.locator('.preview-pane').isVisible(), false);
    assert.deepEqual(await overflow(), { document: 0, wider: [], cut: 0 }, 'editor at 800');
    await page.getByRole('button', { name: '仅预览' }).click();
    await page.locator('.preview-pane.alone .preview-page').first().waitFor();
    assert.deepEqual(await overflow(), { document: 0, wider: [], cut: 0 }, 'preview at 800');
    assert.deepEqual(await wrapped(), []);
    // The outline collapses to a strip and opens again.
    const outlineWidth = () => page.locator('nav.outline').evaluate((e) => e.getBoundingClientRect().width);
    const expanded = await outlineWidth();
    await page.getByRole('button', { name: '收起大纲' }).click();
    assert.ok(await outlineWidth() <= 48, `collapsed to ${await outlineWidth()}px from ${expanded}px`);
    assert.equal(await page.getByRole('button', { name: '基本信息' }).isVisible(), false);
    assert.deepEqual(await overflow(), { document: 0, wider: [], cut: 0 }, 'collapsed at 800');
    await page.getByRole('button', { name: '展开大纲' }).click();
    assert.equal(await outlineWidth(), expanded);
    await t.close();
  },

  async 'works with the keyboard alone and fits 1366×768'() {
    const t = await open();
    const { page } = t;
    // Tab to the first section in the outline and open it with Enter.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.textContent?.includes('主要举措和成效') ?? false);
    }
    assert.ok(found, 'the outline is reachable by Tab');
    await page.keyboard.press('Enter');
    // Tab on to the add-heading button and press it: the new heading takes focus.
    found = false;
    for (let i = 0; i < 20 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.textContent === '＋ 标题 （一）');
    }
    assert.ok(found, 'the add-heading button is reachable by Tab');
    await page.keyboard.press('Enter');
    await typeIntoNewNode(page, '键盘输入的标题');
    assert.equal(await page.getByLabel('标题（一）', { exact: true }).inputValue(), '键盘输入的标题');
    // Ctrl+S saves at once instead of opening the browser's save dialog.
    await page.keyboard.press('Control+s');
    await saved(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 1366×768 (overflow ${overflow}px)`);
    await t.close();
  },
};

let passed = 0;
let failed = 0;
await import('node:fs/promises').then((fs) => fs.mkdir(outDir, { recursive: true }));
// E2E_ONLY=<part of a name> runs only the matching tests, while working on them.
const only = process.env.E2E_ONLY;
for (const [name, test] of Object.entries(tests).filter(([name]) => !only || name.includes(only))) {
  const started = Date.now();
  try {
    await test();
    passed++;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}\n${err.stack ?? err}`);
  }
}
await browser.close();
await server.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
