// The content-origin wrapper around a SCO (see src/scorm/content.ts). It holds the SCORM API the
// SCO looks for, as scorm-again's cross-frame bridge to the real API on the app page, and frames
// the SCO only once the bridge's cache holds the stored CMI: content reads entry, location and
// suspend_data synchronously right after Initialize.
(function () {
  'use strict';
  var body = document.body;
  var appOrigin = body.getAttribute('data-app-origin') || location.origin;
  var api = new window.CrossFrameAPI(appOrigin, window.parent, { timeout: 15000 });
  // Only the API of the package's version: some content probes for both to guess its version.
  window[body.getAttribute('data-api')] = api;
  var started = false;
  function start() {
    if (started) return;
    started = true;
    document.getElementById('sco').src = body.getAttribute('data-sco-src');
  }
  api
    ._post('getFlattenedCMI', [])
    .then(function (all) {
      if (all && typeof all === 'object')
        for (var key in all)
          if (Object.prototype.hasOwnProperty.call(all, key)) api._cache.set(key, String(all[key]));
    })
    .catch(function () {
      /* the SCO still starts; its reads then come from the LMS a moment later */
    })
    .then(start);
})();
