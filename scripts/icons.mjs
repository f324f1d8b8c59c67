// Renders static/icon.svg into the PNG icons the web app manifest lists (192 and 512
// pixels), with the e2e tests' Chromium. Run after editing the SVG:
//   node scripts/icons.mjs
import { readFile } from 'node:fs/promises';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { launchChromium } from '../tests/e2e/server.mjs';

const svg = await readFile(new URL('../static/icon.svg', import.meta.url), 'utf8');
const browser = await launchChromium(chromium);
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: new URL(`../static/icon-${size}.png`, import.meta.url).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
