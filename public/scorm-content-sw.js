// The content origin's service worker (SCORM offline, see src/scorm/content-offline.ts), served at
// BASE/sw-content.js with BASE ('' or '/scorm-content') written above this line. It stores nothing
// by itself: the app's course page saves a course's package files, the wrapper's scripts and the
// wrapper pages of its launches into `lantern-content-<version>` through BASE/offline-save. Package
// files and hashed scripts never change at their URL, so any saved copy answers; a wrapper page
// comes from the network while there is one (its launch token is checked there), else from the
// copy saved with the player page that frames it.
/* global BASE */
const FILES = new RegExp(`^(${BASE}/p/[0-9a-f]{64}/|/assets/)`);
const WRAPPER = new RegExp(`^${BASE}/w/[^/]+$`);

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (FILES.test(url.pathname)) {
    event.respondWith(
      savedCopy(url.origin + url.pathname).then((saved) => saved ?? fetch(request)),
    );
  } else if (WRAPPER.test(url.pathname)) {
    event.respondWith(
      fetch(request).catch(async () => (await savedCopy(request.url)) ?? Response.error()),
    );
  }
});

/** A copy saved by the content origin's offline save (never the app's caches, in same-origin mode). */
async function savedCopy(url) {
  for (const name of await caches.keys()) {
    if (!name.startsWith('lantern-content-')) continue;
    const found = await (
      await caches.open(name)
    ).match(url, { ignoreVary: true, ignoreSearch: false });
    if (found) return found;
  }
  return undefined;
}
