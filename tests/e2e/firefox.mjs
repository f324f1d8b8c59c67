// End-to-end tests in Firefox (Debian's firefox-esr, pinned in scripts/versions.env),
// driven by puppeteer-core over WebDriver BiDi, against the same release build as run.mjs:
// the single file opened from disk, and the hosted app with its server gone.
// Usage: node tests/e2e/firefox.mjs DIST_DIR
//
// Why not Playwright, as run.mjs: its own Firefox is a patched build, and its WebDriver
// BiDi mode for stock Firefox sends commands Firefox ESR 153 does not know
// (emulation.setMediaFeaturesOverride). The draft typed and the checks of its export
// and of storage are shared with run.mjs (first-draft.mjs, records.mjs).
//
// One Firefox per run, on a fresh profile. Firefox's own network services are turned off
// by its preferences, and every request it would still send beyond 127.0.0.1 goes to a
// recording proxy: the run fails if the proxy saw any, from the app or from Firefox.
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { FIRST_DRAFT, FIRST_DRAFT_EXPORT_NAME, documentOfFirstDraft } from './first-draft.mjs';
import { draftsIn, readStoredRecords } from './records.mjs';
import { startServer } from './server.mjs';

const dist = process.argv[2] ?? 'dist';
const singleFile = pathToFileURL(resolve(dist, 'report-drafter.html')).href;
const tmp = await mkdtemp(join(tmpdir(), 'report-drafter-firefox-'));
const profile = join(tmp, 'profile');
const downloads = join(tmp, 'downloads');
const proxy = await startRecordingProxy();

/** A proxy that answers nothing and records what reached it. */
async function startRecordingProxy() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { port: server.address().port, seen, close: () => new Promise((done) => server.close(done)) };
}

/** Preferences on top of Puppeteer's own test profile (which already turns off updates,
 * safe browsing, Shield and data reporting). */
function preferences() {
  return {
    // As in a user's Firefox: each local file is an origin of its own (Puppeteer's profile
    // lets local files read each other).
    'security.fileuri.strict_origin_policy': true,
    // Downloads land in `downloads` without asking.
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    // Nothing of Firefox's own goes out: updates, telemetry, captive portal and
    // connectivity checks, DNS over HTTPS, prefetching, push, remote settings and the
    // lists and plugins it would fetch.
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'dom.push.connection.enabled': false,
    // Remote settings: a release build takes another server only with
    // MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in its environment (see launchFirefox); a data: URL
    // answers every fetch locally.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'extensions.systemAddon.update.enabled': false,
    'extensions.blocklist.enabled': false,
    'media.gmp-manager.url': '',
    'browser.region.update.enabled': false,
    'browser.region.network.url': '',
    'identity.fxaccounts.enabled': false,
    // Whatever still tries goes to the recording proxy (127.0.0.1 itself is never proxied).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxy.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxy.port,
  };
}

async function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: preferences(),
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
}

let browser = await launchFirefox();

const button = (name) => `::-p-aria([name="${name}"][role="button"])`;
const field = (name) => `::-p-aria([name="${name}"][role="textbox"])`;
/** An entry of the outline, by part of its title. */
const outlineEntry = (title) => `nav.outline ::-p-text(${title})`;

/**
 * A page at `url` in `context`, recording console errors and CSP violations. The first
 * visit's question of the report year is answered with the year proposed, unless the
 * draft is already there.
 */
async function open(context, url, { firstVisit = true } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.setViewport({ width: 1366, height: 768 });
  await page.goto(url);
  await ready(page);
  if (firstVisit) await page.locator(`[role=dialog] ${button('开始起草')}`).click();
  return { page, problems };
}

async function ready(page) {
  await page.locator(button('基本信息')).wait();
}

async function saved(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent.includes('已保存'), { timeout: 5000 });
}

async function valueOf(page, selector) {
  return page.$eval(selector, (e) => e.value);
}

/** Types into the field of a node just added, once the app has focused it (see run.mjs). */
async function typeIntoNewNode(page, text) {
  await page.waitForFunction(() => /^node-\d+$/.test(document.activeElement?.id ?? '') && document.activeElement.value === '');
  await page.keyboard.type(text);
}

/** The same draft as run.mjs's `fillFirstDraft`, through Puppeteer. */
async function fillFirstDraft(page) {
  await page.locator(field('发文机关全称')).fill(FIRST_DRAFT.agency);
  await page.locator(field('机关代字')).fill(FIRST_DRAFT.agencyCode);
  await page.locator(field('签发人')).fill(FIRST_DRAFT.signer);
  await page.locator(field('标题')).fill(FIRST_DRAFT.title);
  await page.locator(outlineEntry('主要举措和成效')).click();
  await page.locator(button('＋ 标题 （一）')).click();
  await typeIntoNewNode(page, FIRST_DRAFT.measuresHeading);
  await page.locator(button('＋ 段落')).click();
  await typeIntoNewNode(page, FIRST_DRAFT.measuresParagraph);
  await page.locator(outlineEntry('存在的不足和原因')).click();
  await page.locator(button('＋ 段落')).click();
  await typeIntoNewNode(page, FIRST_DRAFT.shortcomingsParagraph);
}

/** Clicks `selector` and returns the file Firefox downloads: its name and bytes. */
async function download(page, selector) {
  await rm(downloads, { recursive: true, force: true });
  await page.locator(selector).click();
  for (const until = Date.now() + 10000; ;) {
    const names = await readdir(downloads).catch(() => []);
    // Firefox writes NAME.part and renames it to NAME when done.
    const done = names.filter((n) => !n.endsWith('.part') && !names.includes(`${n}.part`));
    if (done.length === 1 && (await stat(join(downloads, done[0]))).size > 0) {
      return { name: done[0], bytes: await readFile(join(downloads, done[0])) };
    }
    assert.ok(Date.now() < until, `a download within 10 s (the folder holds ${names.join(', ') || 'nothing'})`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function exportFirstDraft(page) {
  await page.locator(outlineEntry('检查与导出')).click();
  const docx = await download(page, button('导出 Word（.docx）'));
  assert.equal(docx.name, FIRST_DRAFT_EXPORT_NAME);
  documentOfFirstDraft(docx.bytes);
}

async function storedDrafts(page) {
  return draftsIn(await page.evaluate(readStoredRecords));
}

const tests = {
  async 'the single file opened from disk drafts, keeps the draft over a reload and a restart, exports, and backs up and restores'() {
    // The default context: the one whose storage outlives a restart of Firefox.
    let { page, problems } = await open(browser.defaultBrowserContext(), singleFile);
    const notice = await page.$eval('[data-testid=file-notice]', (e) => e.textContent);
    assert.match(notice, /本机文件.*下载备份.*从备份文件恢复/);
    await fillFirstDraft(page);
    await saved(page);
    await page.reload();
    await ready(page);
    assert.equal(await valueOf(page, field('签发人')), FIRST_DRAFT.signer, 'the draft outlives a reload');
    assert.deepEqual(problems, [], 'no console errors');

    // As the notice says of Firefox, a copy of the file elsewhere has storage of its own.
    assert.match(notice, /Firefox 等浏览器按文件分别保存：移动、复制或改名本文件后，新文件看不到原来的草稿/);
    const copy = join(tmp, 'copy', 'report-drafter.html');
    await cp(resolve(dist, 'report-drafter.html'), copy);
    const elsewhere = await open(browser.defaultBrowserContext(), pathToFileURL(copy).href, { firstVisit: false });
    assert.equal((await storedDrafts(elsewhere.page)).length, 0, 'the copy sees no draft');
    await elsewhere.page.locator('[role=dialog] ::-p-text(这份报告是哪一年度的)').setTimeout(5000).wait();
    assert.deepEqual(elsewhere.problems, [], 'no console errors');
    await elsewhere.page.close();

    // What the notice says is so: the draft is in IndexedDB for good, not in memory.
    await browser.close();
    browser = await launchFirefox();
    ({ page, problems } = await open(browser.defaultBrowserContext(), singleFile, { firstVisit: false }));
    assert.equal(await valueOf(page, field('签发人')), FIRST_DRAFT.signer, 'the draft outlives a restart of Firefox');
    assert.equal((await storedDrafts(page)).length, 1);
    await exportFirstDraft(page);

    // 完整备份 and its restore, which adds the draft again beside the one kept.
    await page.locator(button('草稿列表')).click();
    const backup = await download(page, button('下载完整备份'));
    assert.equal(JSON.parse(backup.bytes.toString('utf8')).format, 'report-drafter.backup');
    const backupPath = join(tmp, backup.name);
    await writeFile(backupPath, backup.bytes);
    const input = await page.$('#restore-all-file');
    await input.uploadFile(backupPath);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=notice]')].some((n) => n.textContent.includes('恢复 1 份草稿')), { timeout: 10000 });
    const drafts = await storedDrafts(page);
    assert.equal(drafts.length, 2);
    assert.ok(drafts.every((text) => JSON.parse(text).draft.meta.signers.includes(FIRST_DRAFT.signer)), 'both drafts hold the text');
    assert.deepEqual(problems, [], 'no console errors');
    await page.close();
  },

  async 'the hosted app, after one visit, reloads with its server gone, keeps the draft in IndexedDB and exports'() {
    const server = await startServer(dist);
    let serving = true;
    const context = await browser.createBrowserContext();
    try {
      const { page, problems } = await open(context, server.url);
      const kept = await page.evaluate(() => Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise((done) => setTimeout(() => done(false), 15000)),
      ]));
      assert.ok(kept, 'the service worker is active within 15 s of load');
      await fillFirstDraft(page);
      await saved(page);
      await server.close();
      serving = false;
      await assert.rejects(fetch(server.url), 'the server is gone');
      await page.reload();
      await ready(page);
      assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker serves the page');
      assert.equal(await valueOf(page, field('签发人')), FIRST_DRAFT.signer, 'the draft outlives the reload');
      const drafts = await storedDrafts(page);
      assert.equal(drafts.length, 1, 'the draft is in IndexedDB');
      assert.deepEqual(JSON.parse(drafts[0]).draft.meta.signers, [FIRST_DRAFT.signer]);
      await exportFirstDraft(page);
      assert.deepEqual(problems, [], 'no console errors');
    } finally {
      await context.close();
      if (serving) await server.close();
    }
  },
};

let passed = 0;
let failed = 0;
const only = process.env.E2E_ONLY;
const started = Date.now();
console.log(`firefox: ${await browser.version()}`);
// The proxy's silence below means something only if it hears what goes past 127.0.0.1.
{
  const page = await browser.newPage();
  await page.evaluate(() => fetch('http://proxy-check.invalid/').catch(() => {}));
  await page.close();
  assert.deepEqual(proxy.seen, ['GET http://proxy-check.invalid/'], 'the recording proxy hears a request beyond 127.0.0.1');
  proxy.seen.length = 0;
}
for (const [name, test] of Object.entries(tests).filter(([name]) => !only || name.includes(only))) {
  const testStarted = Date.now();
  try {
    await test();
    passed++;
    console.log(`ok   ${name} (${Date.now() - testStarted} ms)`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}\n${err.stack ?? err}`);
  }
}
await browser.close();
await proxy.close();
if (proxy.seen.length) {
  failed++;
  console.log(`FAIL Firefox sent requests beyond 127.0.0.1:\n  ${proxy.seen.join('\n  ')}`);
}
await rm(tmp, { recursive: true, force: true });
console.log(`e2e (Firefox): ${passed} passed, ${failed} failed, ${Date.now() - started} ms`);
process.exit(failed ? 1 : 0);
