// Trunk post-build hook, the first of the line (Trunk.toml): in a release build, replaces
// the app Trunk built with the same app built with the `split` feature and cut in two by
// wasm-split-cli (scripts/versions.env pins it): the main module, which paints the first
// screen, and a chunk holding the components that are not on it (src/components/lazy.rs),
// fetched behind the first paint (issue #17). A debug build (`trunk serve`) stays one
// module: it exits at once.
//
// Trunk cannot make the split itself: wasm-split-cli must run between the link and
// wasm-bindgen, and wasm-bindgen must keep the table the chunk imports
// (`--keep-lld-exports`). So the app is built once more, into the same target dir, and:
//   wasm-split-cli → <work>/split: app.wasm, split_lazy_ui.wasm and its loader,
//     __wasm_split.js (which imports `initSync` from ./app.js and fetches the chunk);
//   wasm-bindgen --target web --keep-lld-exports on the main module only (the chunk
//     imports the main module's memory, table and functions through the loader);
//   wasm-opt at the app's level (index.html's data-wasm-opt) on the main module and the
//     chunk, with no feature flags: -all emits compact imports that Chromium refuses.
// A chunk works only with the main module it was cut from, so all four files are named
// after one hash of their contents (as Trunk names its files, a new build gets new names
// the browser's cache cannot confuse), and every reference between them is rewritten: the
// glue's import of the loader, the loader's import of the glue and its fetch of the chunk.
// index.html's start-up script, preload links and their integrity (sha384, as Trunk writes
// it) name the new files; the loader gets a preload link of its own, as the glue imports
// it before the app can start. csp-hash.mjs then hashes the start-up script as rewritten.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onlyMatch, TRUNK_START } from './build-output.mjs';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('split: run as a Trunk hook (no TRUNK_STAGING_DIR)');

/** Runs a tool with its output shown; a missing tool or a failure stops the build. */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error?.code === 'ENOENT') {
    throw new Error(`split: ${command} is not on PATH (run scripts/setup.sh, then . scripts/env.sh)`);
  }
  if (result.status !== 0) throw new Error(`split: ${command} ${args.join(' ')} failed`);
}

const only = onlyMatch('split');

/** `text` with the one occurrence of `from` replaced by `to`. */
function replaceOnce(text, from, to, what) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`split: expected ${from} once in ${what}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// The app's link in the source index.html: the split build uses its profile and wasm-opt
// level, so the two builds cannot drift apart.
const source = readFileSync(process.env.TRUNK_HTML_FILE, 'utf8');
const [appLink] = only(source, /<link data-trunk rel="rust"[^>]*data-bin="app"[^>]*>/g, 'app link in index.html');
const attribute = (name) => appLink.match(new RegExp(`${name}="([^"]+)"`))?.[1];
const profile = attribute('data-cargo-profile-release') ?? 'release';
const optLevel = attribute('data-wasm-opt');
if (!optLevel) throw new Error('split: the app link in index.html has no data-wasm-opt');

run('cargo', ['build', '--target=wasm32-unknown-unknown', '--profile', profile, '--bin', 'app',
  '--features', 'split', '--locked', '--offline']);
const metadata = spawnSync('cargo', ['metadata', '--format-version=1', '--no-deps', '--offline'], { encoding: 'utf8' });
if (metadata.status !== 0) throw new Error(`split: cargo metadata failed\n${metadata.stderr}`);
const target = JSON.parse(metadata.stdout).target_directory;
const work = join(target, 'split-app');
rmSync(work, { recursive: true, force: true });
for (const dir of ['split', 'bindgen', 'opt']) mkdirSync(join(work, dir), { recursive: true });

run('wasm-split-cli', ['--out-name', 'app', join(target, 'wasm32-unknown-unknown', profile, 'app.wasm'), join(work, 'split')]);
const chunks = readdirSync(join(work, 'split')).filter((name) => name.endsWith('.wasm') && name !== 'app.wasm').sort();
if (!chunks.length) throw new Error('split: wasm-split-cli cut no chunk out of the app');
run('wasm-bindgen', ['--target=web', '--no-typescript', '--keep-lld-exports', `--out-dir=${join(work, 'bindgen')}`,
  '--out-name=app', join(work, 'split', 'app.wasm')]);
const optimise = (input, name) => {
  run('wasm-opt', [`--output=${join(work, 'opt', name)}`, `-O${optLevel}`, input]);
  return readFileSync(join(work, 'opt', name));
};
const wasm = optimise(join(work, 'bindgen', 'app_bg.wasm'), 'app_bg.wasm');
const chunkBytes = chunks.map((name) => optimise(join(work, 'split', name), name));
let glue = readFileSync(join(work, 'bindgen', 'app.js'), 'utf8');
let loader = readFileSync(join(work, 'split', '__wasm_split.js'), 'utf8');

const hash = createHash('sha256');
for (const part of [glue, wasm, loader, ...chunkBytes]) hash.update(part).update('\0');
const id = hash.digest('hex').slice(0, 16);
const names = {
  glue: `app-${id}.js`,
  wasm: `app-${id}_bg.wasm`,
  loader: `__wasm_split-${id}.js`,
  chunks: chunks.map((name) => name.replace(/\.wasm$/, `-${id}.wasm`)),
};
// The glue's import of the loader; the wasm module's own import names stay as they are.
glue = replaceOnce(glue, 'from "./__wasm_split.js"', `from "./${names.loader}"`, 'the app glue');
loader = replaceOnce(loader, '"./app.js"', `"./${names.glue}"`, 'the loader');
chunks.forEach((name, i) => { loader = replaceOnce(loader, `"./${name}"`, `"./${names.chunks[i]}"`, 'the loader'); });

let html = readFileSync(join(staging, 'index.html'), 'utf8');
const [, oldGlue, oldWasm] = only(
  html,
  new RegExp(TRUNK_START, 'g'),
  "Trunk's start-up script",
);
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Points index.html's preload link and start-up script at `name` instead of `old`. */
const relink = (old, name, bytes) => {
  const [link] = only(html, new RegExp(`<link [^>]*href="\\./${escape(old)}"[^>]*>`, 'g'), `preload link of ${old}`);
  only(link, /integrity="[^"]*"/g, `integrity of ${old}`);
  html = html.replace(link, () => link.replace(`./${old}`, `./${name}`).replace(/integrity="[^"]*"/, `integrity="${integrity(bytes)}"`));
  html = replaceOnce(html, `'./${old}'`, `'./${name}'`, "Trunk's start-up script");
};
relink(oldGlue, names.glue, glue);
relink(oldWasm, names.wasm, wasm);
const [gluePreload] = only(html, new RegExp(`<link rel="modulepreload" href="\\./${escape(names.glue)}"[^>]*>`, 'g'), 'glue preload link');
html = html.replace(gluePreload, () => `${gluePreload}${gluePreload.replace(names.glue, names.loader).replace(/integrity="[^"]*"/, `integrity="${integrity(loader)}"`)}`);

unlinkSync(join(staging, oldGlue));
unlinkSync(join(staging, oldWasm));
writeFileSync(join(staging, names.glue), glue);
writeFileSync(join(staging, names.wasm), wasm);
writeFileSync(join(staging, names.loader), loader);
chunks.forEach((_, i) => writeFileSync(join(staging, names.chunks[i]), chunkBytes[i]));
writeFileSync(join(staging, 'index.html'), html);
console.log(`split: ${[names.glue, names.wasm, names.loader, ...names.chunks].join(', ')}`);
