// A static file server for the release build, on 127.0.0.1. The tests serve the app
// under a sub-path (/app/) on a free port, to prove the build works from any path;
// scripts/serve.sh serves it at the root on a fixed port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};
export const BASE_PATH = '/app/';

/**
 * Serves `dist` at `basePath`. `cacheable`: responses the browser may keep for ten minutes
 * without asking again, as many hosts send; otherwise the browser keeps none.
 */
export async function startServer(dist, { port = 0, basePath = BASE_PATH, cacheable = false } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(basePath)) {
      res.writeHead(404).end();
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname.slice(basePath.length)));
    if (path.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    if (path === '.' || path === '') path = 'index.html';
    let body;
    let modified;
    try {
      body = await readFile(join(dist, path));
      modified = (await stat(join(dist, path))).mtime;
    } catch {
      // A missing file is missing; any other path is a page of the app.
      if (extname(path)) {
        res.writeHead(404).end();
        return;
      }
      path = 'index.html';
      body = await readFile(join(dist, path));
      modified = (await stat(join(dist, path))).mtime;
    }
    const caching = cacheable
      ? { 'cache-control': 'max-age=600', 'last-modified': modified.toUTCString() }
      : { 'cache-control': 'no-store' };
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...caching });
    res.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { url: `http://127.0.0.1:${server.address().port}${basePath}`, close: () => new Promise((r) => server.close(r)) };
}

export async function launchChromium(chromium) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
