// The content-origin wrapper around a SCO (see src/scorm/content.ts). It holds the SCORM API the
// SCO looks for and frames the SCO only once that API holds the stored CMI: content reads entry,
// location and suspend_data synchronously right after Initialize.
//
// The API of record runs on the app page, out of the SCO's reach; calls to it cross frames and
// answer later. But a SCO expects every answer at once, error codes included ("false" and 406
// for a wrong vocabulary value, 351 for a list index out of order, list counts that follow its
// writes). So the same runtime (scorm-again) also runs here, loaded with the same CMI, as a
// shadow: it answers every call exactly as the API of record will, and only what it accepts is
// passed on, through scorm-again's cross-frame bridge.
(function () {
  'use strict';
  var body = document.body;
  var appOrigin = body.getAttribute('data-app-origin') || location.origin;
  var apiName = body.getAttribute('data-api');
  var is12 = apiName === 'API';
  var bridge = new window.CrossFrameAPI(appOrigin, window.parent, { timeout: 15000 });
  var Shadow = is12 ? window.Scorm12API : window.Scorm2004API;
  // The settings of the app page's API (scorm-player.js) that change what the data model answers.
  var shadow = new Shadow({
    autocommit: false,
    lmsCommitUrl: false,
    mastery_override: false,
    score_overrides_status: false,
    autoCompleteLessonStatus: false,
    selfReportSessionTime: false,
    strict_errors: true,
    logLevel: 5,
  });

  var names = is12
    ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']
    : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'];
  var getValue = names[2];
  var api = {};
  names.forEach(function (name) {
    api[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      // Navigation validity is the sequencing engine's, on the app page: the bridge's cache has it.
      if (name === getValue && String(args[0]).indexOf('adl.nav.request_valid.') === 0) {
        var known = bridge._cache.get(String(args[0]));
        if (known !== undefined) return known;
      }
      // Every call but the error functions sets the error code; scorm-again 3.4.3 leaves an
      // earlier error standing after a call that succeeds.
      shadow.lastErrorCode = '0';
      var answer = shadow[name].apply(shadow, args);
      if (name !== getValue && answer === 'true') bridge[name].apply(bridge, args);
      return answer;
    };
  });
  (is12
    ? ['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
    : ['GetLastError', 'GetErrorString', 'GetDiagnostic']
  ).forEach(function (name) {
    api[name] = function () {
      return shadow[name].apply(shadow, arguments);
    };
  });
  // Only the API of the package's version: some content probes for both to guess its version.
  window[apiName] = api;

  var started = false;
  function start() {
    if (started) return;
    started = true;
    document.getElementById('sco').src = body.getAttribute('data-sco-src');
  }
  // Without the stored CMI the SCO would start from the beginning and its first commits would
  // overwrite the learner's progress: it is not framed, and the page says why.
  bridge
    ._post('getFlattenedCMI', [])
    .then(function (all) {
      if (!all || typeof all !== 'object') throw new Error('no CMI');
      var values = {};
      for (var key in all) {
        if (!Object.prototype.hasOwnProperty.call(all, key)) continue;
        // Empty lists arrive as {}: they are not elements.
        if (typeof all[key] === 'object') continue;
        values[key] = String(all[key]);
        bridge._cache.set(key, values[key]);
      }
      shadow.loadFromFlattenedJSON(values);
      start();
    })
    .catch(function () {
      var message = document.createElement('p');
      message.className = 'load-failed';
      message.setAttribute('role', 'alert');
      message.textContent = body.getAttribute('data-load-failed');
      body.replaceChildren(message);
    });
})();
