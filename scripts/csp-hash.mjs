// Trunk post-build hook: puts the hash of Trunk's inline start-up script into the
// Content-Security-Policy, so script-src needs no 'unsafe-inline'.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = `${process.env.TRUNK_STAGING_DIR}/index.html`;
const html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
if (!hashes.length || !html.includes('__INLINE_SCRIPT_HASHES__')) {
  throw new Error('CSP: no inline script to hash, or no placeholder in index.html');
}
writeFileSync(file, html.replace('__INLINE_SCRIPT_HASHES__', hashes.join(' ')));
