// Makes DIST/report-drafter.html from a release build: one self-contained file that runs
// when opened from disk (file://), from a USB stick or a shared folder, with no server.
// Usage (after `trunk build --release`): node scripts/single-file.mjs [DIST]
//
// Inlined: the CSS as <style> elements; the app's wasm-bindgen glue in the start-up
// module script; both wasm files gzip-compressed and base64-encoded in data blocks
// (<script type="application/octet-stream">, which browsers never run), unpacked by the
// browser's own DecompressionStream; each worker's glue and wasm (the draft worker, the
// import worker) in one more data block, started as a worker from a Blob URL (a file://
// page may load no other file).
// The release app comes in two (scripts/split-app.mjs): the single file keeps it so,
// rather than being made from a build of its own in one module, so that one release
// build makes both forms and the single file runs the very modules the hosted app runs.
// The chunk's loader goes into the start-up script in place of the glue's import of it
// (a file:// page can import no module), and the chunk into one more data block, which
// the loader unpacks where it would fetch the chunk. Like the hosted app, the file starts
// on the main module alone and unpacks the chunk once its first screen is up.
// Left out: the service worker, the manifest and its icons (none of them work from
// file://); the page icon becomes a data: URL.
//
// Its Content-Security-Policy is the hosted one made to fit a file with no neighbours:
// - script-src: the hash of its one inline script and 'wasm-unsafe-eval', no 'self'
//   (there is no file to load); the data blocks are not scripts and need nothing.
// - worker-src blob: (instead of 'self'): the workers are made from the page's own data
//   blocks. They inherit this policy.
// - style-src: the hashes of the inlined style sheets (instead of 'self').
// - img-src blob: data: (no 'self'); no connect-src (wasm is not fetched); base-uri
//   'none' (no <base>: relative URLs are never used).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { onlyMatch, TRUNK_START } from './build-output.mjs';

const dist = process.argv[2] ?? 'dist';
const OUTPUT = 'report-drafter.html';
const read = (name) => readFileSync(join(dist, name));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const packed = (bytes) => gzipSync(bytes, { level: 9 }).toString('base64');

const only = onlyMatch('single file');

/** Text for a raw-text element: it must not end the element or open a comment early. */
function rawText(text, what) {
  if (/<\/(script|style)|<!--/i.test(text)) throw new Error(`single file: ${what} holds markup that would end its element`);
  return text;
}

// Unpacks a packed (gzip + base64) file into bytes; runs in the page and in the worker.
const UNPACK = `async function unpack(text) {
  const zipped = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const stream = new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}`;

let html = read('index.html').toString('utf8');

const [trunkScript, appGlue, appWasm] = only(
  html,
  new RegExp(String.raw`<script type="module">\s*${TRUNK_START}[\s\S]*?<\/script>`, 'g'),
  "Trunk start-up script",
);
// The workers, by the name of their bin (index.html): each loader names its glue and wasm.
const workers = readdirSync(dist)
  .map((name) => name.match(/^(.+)_loader\.js$/)?.[1])
  .filter(Boolean)
  .sort()
  .map((bin) => {
    const [, glue, wasm] = only(
      read(`${bin}_loader.js`).toString('utf8'),
      /importScripts\("\.\/([^"]+\.js)"\);wasm_bindgen\("\.\/([^"]+\.wasm)"\);/g,
      `${bin} loader`,
    );
    const source = rawText(`${read(glue)}
${UNPACK}
unpack(${JSON.stringify(packed(read(wasm)))}).then((wasm) => wasm_bindgen({ module_or_path: wasm }));
`, bin);
    return { bin, block: `report-drafter-${bin.replaceAll('_', '-')}`, source };
  });
if (workers.length !== 2) throw new Error(`single file: expected the draft and import workers, found ${workers.length}`);

/**
 * The app glue with the chunk loader it imports, if any, inlined: the loader's exports as
 * the object the glue imported, its import of the glue dropped (it is the same script),
 * and each chunk unpacked from a data block instead of fetched.
 */
function withLoader(glue) {
  // As wasm-bindgen writes it, or as terser does (scripts/minify.mjs): `import*as x from"…";`.
  const imported = [...glue.matchAll(/import\s*\*\s*as\s+(\w+)\s+from\s*"\.\/(__wasm_split[^"]*\.js)";?/g)];
  if (!imported.length) return { glue, chunks: [] };
  const [[line, binding, loaderName]] = imported;
  if (imported.length !== 1) throw new Error(`single file: expected one chunk loader, found ${imported.length}`);
  let loader = read(loaderName).toString('utf8');
  only(loader, new RegExp(`^import \\{ initSync \\} from "\\./${appGlue.replace(/\./g, '\\.')}";$`, 'gm'), 'import of the glue in the loader');
  loader = loader.replace(/^import .*$/m, '');
  const exported = [...loader.matchAll(/^export const (\w+)/gm)].map(([, name]) => name);
  if (!exported.length) throw new Error('single file: the chunk loader exports nothing');
  loader = loader.replace(/^export const /gm, 'const ');
  const chunks = [];
  loader = loader.replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g, (_, name) => {
    const block = `report-drafter-chunk-${chunks.length}`;
    chunks.push({ block, bytes: read(name) });
    return `unpack(chunkBlocks.get('${block}')).then((bytes) => new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }))`;
  });
  if (!chunks.length) throw new Error('single file: the chunk loader fetches no chunk');
  const inlined = `const ${binding} = (() => {\n${loader}\nreturn { ${exported.join(', ')} };\n})();`;
  return { glue: glue.replace(line, () => inlined), chunks };
}
const { glue, chunks } = withLoader(read(appGlue).toString('utf8'));

const start = rawText(`
${glue}
${UNPACK}
const dataBlock = (id) => document.getElementById(id).textContent;
const workerUrl = (id) => URL.createObjectURL(new Blob([dataBlock(id)], { type: 'text/javascript' }));
// The chunks' data blocks, read before the app renders into the body, which removes them.
const chunkBlocks = new Map(${JSON.stringify(chunks.map(({ block }) => block))}.map((id) => [id, dataBlock(id)]));
// The workers (src/adapter/offline.rs takes their URLs from here).
globalThis.reportDrafterWorkerUrls = { ${workers.map(({ bin, block }) => `${bin}: workerUrl('${block}')`).join(', ')} };
await __wbg_init({ module_or_path: await unpack(dataBlock('report-drafter-app-wasm')) });
`, 'the app glue');

const styleHashes = [];
html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g, (_, name) => {
  const css = rawText(read(name).toString('utf8'), name);
  styleHashes.push(sha256(css));
  return `<style>${css}</style>`;
});
if (!styleHashes.length) throw new Error('single file: no style sheet in index.html');

const csp = [
  "default-src 'none'",
  `script-src ${sha256(start)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${styleHashes.join(' ')}`,
  'img-src blob: data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const icon = `data:image/svg+xml;base64,${read('icon.svg').toString('base64')}`;

const replacements = [
  [/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/g, `$1${csp}$2`, 'CSP'],
  [/<base [^>]*>\s*/g, '', 'base'],
  [/<link rel="icon" [^>]*>/g, `<link rel="icon" href="${icon}" type="image/svg+xml" />`, 'icon link'],
  [/<link rel="manifest" [^>]*>\s*/g, '', 'manifest link'],
  [/<link rel="preload" [^>]*>/g, '', 'wasm preload'],
];
for (const [pattern, replacement, what] of replacements) {
  only(html, pattern, what);
  html = html.replace(pattern, replacement);
}
// The glue's and, when the app is split, the loader's: both are inlined.
const modulePreloads = /<link rel="modulepreload" [^>]*>/g;
if ([...html.matchAll(modulePreloads)].length !== (chunks.length ? 2 : 1)) {
  throw new Error('single file: expected a module preload for the glue and one for the chunk loader, if any');
}
html = html.replace(modulePreloads, '');
html = html.replace(trunkScript, () => `<script type="module">${start}</script>`);
// Before the document's own </body>, the last one: inlined text may hold the string too.
const bodyEnd = html.lastIndexOf('</body>');
if (bodyEnd < 0) throw new Error('single file: no </body> in index.html');
const workerBlocks = workers.map(({ block, source }) => `<script type="text/plain" id="${block}">${source}</script>\n`).join('');
const chunkBlocks = chunks.map(({ block, bytes }) => `<script type="application/octet-stream" id="${block}">${packed(bytes)}</script>\n`).join('');
html = `${html.slice(0, bodyEnd)}<script type="application/octet-stream" id="report-drafter-app-wasm">${packed(read(appWasm))}</script>
${chunkBlocks}${workerBlocks}${html.slice(bodyEnd)}`;
writeFileSync(join(dist, OUTPUT), html);
console.log(`single file: ${join(dist, OUTPUT)} (${html.length} characters)`);
