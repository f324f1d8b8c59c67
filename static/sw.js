// The service worker of the hosted app: it keeps every file of one build, so that after
// one visit the app loads and works with the network off. scripts/service-worker.mjs
// fills in BUILD and FILES when the build is made (file names are hashed).
const BUILD = '__BUILD__';
const FILES = __FILES__;
const CACHE = `report-drafter-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
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
  // such as the single file offered for download, comes from the network.
  const app = request.mode === 'navigate' && /\/(index\.html)?$/.test(new URL(request.url).pathname);
  const key = app ? './' : request;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(key, { ignoreSearch: true }))
    .then((kept) => kept ?? fetch(request)));
});
