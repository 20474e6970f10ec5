// ProcLab's service worker: the app works offline after the first visit, and a new deploy never
// mixes with the old one.
//
// BUILD is written by scripts/precache.mjs when Trunk builds (a post_build hook): the version is
// a hash of every file of dist/ (names and bytes), the files are dist/ relative to this script,
// the folder itself ("./") standing for index.html. One cache per version holds all of them,
// fetched together at install; the page is served from the cache of the version that controls
// it, so the wasm, js, css and the worker it loads always come from the same build. A new build
// changes this file, the browser installs it beside the old one, and it waits: the page says "a
// new version is ready" and sends "skip-waiting" when the student chooses to reload.
const BUILD = { version: 'unbuilt', files: [] };

const CACHE = `proclab-${BUILD.version}`;
const SCOPE = new URL('./', self.location.href);

self.addEventListener('install', (event) => {
  if (BUILD.files.length === 0) return;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload`: straight from the server, never a stale copy from the HTTP cache.
      cache.addAll(BUILD.files.map((file) => new Request(new URL(file, SCOPE), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith('proclab-') && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

/** Whether a page address inside the folder is the app's page: the folder, its index.html, or an
 * old path route (".../learn/states", which index.html moves to "#/learn/states"). */
function isAppPage(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return false;
  const rest = url.pathname.slice(SCOPE.pathname.length);
  return rest === '' || rest === 'index.html' || /^learn(\/[^/]+)?$/.test(rest);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || BUILD.files.length === 0) return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    if (!isAppPage(url)) return;
    event.respondWith(
      caches.open(CACHE)
        .then((cache) => cache.match(SCOPE.href))
        .then((cached) => cached ?? fetch(request)),
    );
    return;
  }
  if (url.origin !== SCOPE.origin) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(request))
      .then((cached) => cached ?? fetch(request)),
  );
});
