// Trunk post-build hook, after csp-hash.mjs: writes sw.js from static/sw.js with the
// list of this build's files to keep (some names carry a hash of their contents, so the
// list is only known now) and a build id from their contents and the template's, so that every new build
// is a new worker with a cache of its own.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const staging = process.env.TRUNK_STAGING_DIR;
const entries = readdirSync(staging, { withFileTypes: true });
// The build is one flat directory; a subdirectory's files would not be kept.
const directory = entries.find((entry) => !entry.isFile());
if (directory) throw new Error(`service worker: ${directory.name} in ${staging} is not a file`);
const files = entries
  .filter((entry) => entry.name !== 'sw.js')
  .map((entry) => entry.name)
  .sort();
if (!files.includes('index.html')) throw new Error(`service worker: no index.html in ${staging}`);
const template = readFileSync(new URL('../static/sw.js', import.meta.url), 'utf8');
const build = createHash('sha256').update(template);
for (const name of files) build.update('\0').update(name).update('\0').update(readFileSync(`${staging}/${name}`));
// index.html is kept under its directory's URL ('./'), the address the app is opened at.
const urls = files.map((name) => (name === 'index.html' ? './' : `./${name}`));
const source = template
  .replace('__BUILD__', build.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(urls));
writeFileSync(`${staging}/sw.js`, source);
