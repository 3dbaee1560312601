// Loads offline.js (the queue, the course page's panel, the header's status: 26 KB) only where it
// serves, so that learners who never use offline pay nothing for it on every page: on the course
// page's panel and the offline page, on every page once this person has something on the device
// (a saved course or waiting work: offline.js keeps a flag for that), and as soon as the
// connection drops (so "Next" and quiz answers are kept rather than lost). Everyone signed in
// still gets the service worker, so a page not saved offline shows the offline page.
(() => {
  const me = document.currentScript;
  const src = me?.dataset.offline;
  if (!src) return;
  const user = document.querySelector('meta[name="lantern-user"]')?.getAttribute('content');
  let asked = false;
  const load = () => {
    if (asked || self.LanternOffline) return;
    asked = true;
    const script = document.createElement('script');
    script.src = src;
    document.head.append(script);
  };
  window.addEventListener('offline', load);
  let kept = null;
  try {
    kept = user ? localStorage.getItem(`lantern-offline:${user}`) : null;
  } catch {
    kept = null;
  }
  if (kept || !navigator.onLine || document.querySelector('.offline-panel, .offline-courses'))
    load();
  else if (user && window.isSecureContext && 'serviceWorker' in navigator)
    navigator.serviceWorker
      .register('/sw.js')
      // The offline page's language is the last page's (offline.js tells the worker otherwise).
      .then(() =>
        navigator.serviceWorker.controller?.postMessage({
          language: document.documentElement.lang,
        }),
      )
      .catch(() => {});
})();
