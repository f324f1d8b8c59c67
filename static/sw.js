// The service worker of the hosted app: it keeps every file of one build, so that after
// one visit the app loads and works with the network off. scripts/service-worker.mjs
// fills in BUILD and FILES when the build is made.
const BUILD = '__BUILD__';
const FILES = __FILES__;
const CACHE = `report-drafter-${BUILD}`;

// Past the browser's HTTP cache: index.html, the worker's files, the manifest and the
// icons keep their names from one build to the next, so a cached response could be the
// old build's.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(FILES.map((url) => new Request(url, { cache: 'reload' })))));
});

// A new build waits until the page asks for it: the user chooses when to reload, so
// nothing changes under a draft being written.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith('report-drafter-') && name !== CACHE)
    .map((name) => caches.delete(name)))));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Opening the app's directory (or its index.html) opens the kept app; any other page,
  // such as the single file offered for download or a directory below, comes from the
  // network.
  const { origin, pathname } = new URL(request.url);
  const { scope } = self.registration;
  const app = request.mode === 'navigate' && [scope, `${scope}index.html`].includes(origin + pathname);
  const key = app ? './' : request;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key, { ignoreSearch: true }))
    .then((kept) => kept ?? fetch(request)));
});
