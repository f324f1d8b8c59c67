// Reading the build's own output (Trunk's index.html, wasm-bindgen's glue, the chunk
// loader) in the scripts that rewrite it (split-app.mjs, single-file.mjs): each pattern
// must match exactly once, so that a tool upgrade that changes its output stops the
// build rather than shipping a broken app.

/** A function giving the one match of a global `pattern` in `text`, or an error naming
 * what was looked for, prefixed by `who` (the script). */
export const onlyMatch = (who) => (text, pattern, what) => {
  const found = [...text.matchAll(pattern)];
  if (found.length !== 1) throw new Error(`${who}: expected one ${what}, found ${found.length}`);
  return found[0];
};

/** Trunk's start-up script as a pattern's source: the app glue's import and its init
 * with the app wasm (groups: the glue's file, the wasm's file). */
export const TRUNK_START = String.raw`import init, \* as bindings from '\.\/([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\);`;
