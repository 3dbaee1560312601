// The content origin's half of "Make available offline" for a SCORM course (framed, hidden, by the
// course page: see offline.js). It registers the content origin's service worker and saves the
// files the app page lists into one cache of this origin, saying how far it got. Only the app's
// origin may frame it (CSP) or talk to it (checked below); it only ever fetches its own origin.
(() => {
  const body = document.body;
  const appOrigin = body.dataset.appOrigin || location.origin;
  const reply = (message) => parent.postMessage({ lanternContent: message }, appOrigin);

  async function save({ cacheName, wrappers, urls }) {
    await navigator.serviceWorker.register(body.dataset.worker, { scope: body.dataset.scope });
    await navigator.serviceWorker.ready;
    await caches.delete(cacheName);
    const cache = await caches.open(cacheName);
    let bytes = 0;
    let done = 0;
    // The wrapper pages first: opening one sets the launch cookie the package files need.
    for (const url of [...wrappers, ...urls]) {
      const target = new URL(url, location.href);
      if (target.origin !== location.origin) throw new Error(`not this origin: ${url}`);
      const response = await fetch(target, { credentials: 'include', cache: 'no-store' });
      if (!response.ok || response.redirected) throw new Error(`${url}: ${response.status}`);
      bytes += (await response.clone().blob()).size;
      await cache.put(target, response);
      done += 1;
      reply({ progress: { done, total: wrappers.length + urls.length, bytes } });
    }
    // The course's previous versions on this device (`~` ends the course part of the name).
    const course = cacheName.slice(0, cacheName.indexOf('~') + 1);
    for (const old of await caches.keys())
      if (course && old.startsWith(course) && old !== cacheName) await caches.delete(old);
    return bytes;
  }

  async function remove({ cacheName }) {
    await caches.delete(cacheName);
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== appOrigin || event.source !== parent) return;
    const request = event.data?.lanternContent;
    if (!request || typeof request.cacheName !== 'string') return;
    if (!request.cacheName.startsWith('lantern-content-')) return;
    const work = request.remove ? remove(request) : save(request);
    work.then(
      (bytes) => reply({ done: true, bytes: bytes ?? 0 }),
      (error) => reply({ failed: String(error?.message ?? error) }),
    );
  });
  reply({ ready: true });
})();
