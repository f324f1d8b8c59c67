// Trunk post-build hook, after split-app.mjs (Trunk.toml): in a release build, minifies
// what the first paint loads besides the wasm (issue #17): the app glue with terser and
// the stylesheets with csso (both pinned in scripts/versions.env, installed by setup.sh),
// and gives their links in index.html the new integrity (sha384, as Trunk writes it).
// File names stay: Trunk named them after their source, which is what changes them.
//
// The glue keeps its top-level names (no `--toplevel`): single-file.mjs calls its
// `__wbg_init` by name. The chunk loader is left as it is (856 bytes gzip): single-file.mjs
// reads its lines. A debug build (`trunk serve`) is not minified: it exits at once.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onlyMatch, TRUNK_START } from './build-output.mjs';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('minify: run as a Trunk hook (no TRUNK_STAGING_DIR)');

const only = onlyMatch('minify');

/** Runs a minifier from `input` to a new file, then puts it in the input's place. */
function minify(command, args, name) {
  const input = join(staging, name);
  const output = `${input}.min`;
  const result = spawnSync(command, [...args(input, output)], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error?.code === 'ENOENT') {
    throw new Error(`minify: ${command} is not on PATH (run scripts/setup.sh, then . scripts/env.sh)`);
  }
  if (result.status !== 0) throw new Error(`minify: ${command} failed on ${name}`);
  renameSync(output, input);
  return readFileSync(input);
}

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let html = readFileSync(join(staging, 'index.html'), 'utf8');
/** Gives the one link to `name` in index.html the integrity of `bytes`. */
function relink(name, bytes) {
  const [link] = only(html, new RegExp(`<link [^>]*href="\\./${escape(name)}"[^>]*>`, 'g'), `link of ${name}`);
  only(link, /integrity="[^"]*"/g, `integrity of ${name}`);
  html = html.replace(link, () => link.replace(/integrity="[^"]*"/, `integrity="${integrity(bytes)}"`));
}

const [, glue] = only(html, new RegExp(TRUNK_START, 'g'), "Trunk's start-up script");
relink(glue, minify('terser', (input, output) => [input, '--compress', '--mangle', '--output', output], glue));
const sheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/g)].map(([, name]) => name);
if (!sheets.length) throw new Error('minify: index.html links no stylesheet');
for (const sheet of sheets) relink(sheet, minify('csso', (input, output) => [input, '--output', output], sheet));

writeFileSync(join(staging, 'index.html'), html);
console.log(`minify: ${[glue, ...sheets].join(', ')}`);
