// Lantern's service worker (DESIGN §8), served at /sw.js with VERSION (the release's assets),
// SHELL (their URLs) and QUEUE_SCRIPT written above this line. A new release is a new file: the
// browser installs it, it takes over at once and drops the previous shell.
//
// What it keeps: the shell (per release) and the offline page; the courses a learner chose to
// save are kept by the course page, one cache per person, course and version
// (lantern-u<user>-c<slug>~<version>), and answered only to that person. It never stores a page
// on its own: online, every page comes from the network.
/* global VERSION, SHELL, QUEUE_SCRIPT */
importScripts(QUEUE_SCRIPT);
const { store, send, QUEUE_TAG } = self.LanternOffline;
const SHELL_CACHE = `lantern-shell-${VERSION}`;
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
// Never answered from a cache: accounts, trainers' and admins' pages, SCORM, the session check.
const NEVER =
  /^\/(admin|trainer|account|login|logout|register|password|email|invitation|join|scorm|offline\/session|sw\.js)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(SHELL);
      // The offline page as anyone sees it (no one's name or data in the shared shell), in each
      // language, for people who have saved no course yet.
      for (const lang of LANGUAGES) {
        const page = await fetch('/offline', {
          credentials: 'omit',
          headers: { 'accept-language': lang },
        });
        if (page.ok) await cache.put(`/offline?lang=${lang}`, page);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('lantern-shell-') && name !== SHELL_CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// The language of the page that registered the worker, when offline.js is not on it.
self.addEventListener('message', (event) => {
  const lang = event.data?.language;
  if (LANGUAGES.includes(lang)) event.waitUntil(store.setMeta('language', lang).catch(() => {}));
});

// Background Sync (Chromium): the queue goes out when the connection is back, page open or not.
self.addEventListener('sync', (event) => {
  if (event.tag === QUEUE_TAG) event.waitUntil(send());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // A plain form sent with no connection (the language switcher, enrolment…): the offline page
  // rather than the browser's error. "Next" and quiz answers never get here: the page keeps them.
  if (request.method !== 'GET') {
    if (request.mode === 'navigate')
      event.respondWith(
        fetch(request).catch(() => offlineAnswer(request, new URL('/offline', url))),
      );
    return;
  }
  if (NEVER.test(url.pathname)) return;
  // Immutable files (hashed assets, course images): from any cache that has them.
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/course-media/')) {
    event.respondWith(
      caches.match(request, { ignoreVary: true }).then((cached) => cached ?? fetch(request)),
    );
    return;
  }
  event.respondWith(networkFirst(event, request, url));
});

async function networkFirst(event, request, url) {
  try {
    const response = await fetch(request);
    // Whose page this is: offline, only this person's saved pages are answered.
    const user = response.headers.get('x-lantern-user');
    if (user !== null) event.waitUntil(store.setMeta('currentUser', Number(user)).catch(() => {}));
    return response;
  } catch {
    return offlineAnswer(request, url);
  }
}

/** This person's saved copy of a URL, from their course caches only. */
async function savedCopy(user, path) {
  if (!user) return undefined;
  for (const name of await caches.keys()) {
    if (!name.startsWith(`lantern-u${user}-`)) continue;
    const cached = await (await caches.open(name)).match(path, { ignoreVary: true });
    if (cached) return cached;
  }
  return undefined;
}

/**
 * Offline: the saved page; for htmx aimed at <main>, that page's <main> (what the server's
 * fragment holds: the title and the content); a page not saved gets the offline page, in the
 * learner's language, which links the courses saved on this device.
 */
async function offlineAnswer(request, url) {
  const user = await store.getMeta('currentUser').catch(() => undefined);
  const htmx =
    request.headers.get('HX-Request') === 'true' &&
    request.headers.get('HX-History-Restore-Request') !== 'true';
  // "Continue" (My learning, the course page) needs the server to know where the learner was:
  // offline it opens the saved course page, whose contents lead on.
  const path = url.pathname.replace(/^(\/courses\/[^/]+)\/continue$/, '$1');
  let page = await savedCopy(user, path === url.pathname ? path + url.search : path);
  if (!page && request.mode !== 'navigate' && !htmx)
    return new Response('', { status: 503, statusText: 'Offline' });
  // The language of the last page the learner saw (offline.js notes it on each page).
  const lang = await store.getMeta('language').catch(() => undefined);
  page ??=
    (await savedCopy(user, '/offline')) ??
    (await caches.match(`/offline?lang=${LANGUAGES.includes(lang) ? lang : 'en'}`, {
      cacheName: SHELL_CACHE,
    }));
  if (!page) return Response.error();
  if (!htmx) return page;
  if (!/(^|#)main$/.test(request.headers.get('HX-Target') ?? ''))
    return new Response('', { status: 503, statusText: 'Offline' });
  const html = await page.text();
  const title = /<title>[\s\S]*?<\/title>/.exec(html)?.[0] ?? '';
  const start = html.indexOf('>', html.indexOf('<main id="main"')) + 1;
  const end = html.lastIndexOf('</main>');
  return new Response(title + html.slice(start, end), {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}
