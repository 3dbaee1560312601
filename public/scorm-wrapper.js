// The content-origin wrapper around a SCO (see src/scorm/content.ts). It holds the SCORM API the
// SCO looks for, as scorm-again's cross-frame bridge to the real API on the app page, and frames
// the SCO only once the bridge's cache holds the stored CMI: content reads entry, location and
// suspend_data synchronously right after Initialize.
//
// The bridge answers GetValue from that cache, which holds plain values only. What the real API
// computes (list counts, _children, _version, navigation validity) the facade below answers at
// once, counts taken from the cache as the SCO adds entries: a SCO that reads
// cmi.interactions._count and writes that index twice in a row must get two entries, not one.
(function () {
  'use strict';
  var body = document.body;
  var appOrigin = body.getAttribute('data-app-origin') || location.origin;
  var apiName = body.getAttribute('data-api');
  var is12 = apiName === 'API';
  var bridge = new window.CrossFrameAPI(appOrigin, window.parent, { timeout: 15000 });
  var cache = bridge._cache;

  // The data model's fixed answers (SCORM 1.2 RTE 3.4; SCORM 2004 RTE 4.2), as scorm-again gives them.
  var FIXED = is12
    ? {
        'cmi._version': '3.4',
        'cmi._children':
          'core,suspend_data,launch_data,comments,objectives,student_data,student_preference,interactions',
        'cmi.core._children':
          'student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time',
        'cmi.core.score._children': 'raw,min,max',
        'cmi.objectives._children': 'id,score,status',
        'cmi.objectives.n.score._children': 'raw,min,max',
        'cmi.student_data._children': 'mastery_score,max_time_allowed,time_limit_action',
        'cmi.student_preference._children': 'audio,language,speed,text',
        'cmi.interactions._children':
          'id,objectives,time,type,correct_responses,weighting,student_response,result,latency',
      }
    : {
        'cmi._version': '1.0',
        'cmi.comments_from_learner._children': 'comment,timestamp,location',
        'cmi.comments_from_lms._children': 'comment,timestamp,location',
        'cmi.interactions._children':
          'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description',
        'cmi.learner_preference._children': 'audio_level,audio_captioning,delivery_speed,language',
        'cmi.objectives._children':
          'progress_measure,completion_status,success_status,description,score,id',
        'cmi.objectives.n.score._children': 'max,raw,scaled,min',
        'cmi.score._children': 'max,raw,scaled,min',
        'adl.data._children': 'id,store',
      };

  /** One more than the highest index the cache holds under a list (0 when it holds none). */
  function count(list) {
    var prefix = list + '.';
    var n = 0;
    cache.forEach(function (_value, key) {
      if (!key.startsWith(prefix)) return;
      var index = key.slice(prefix.length).split('.')[0];
      if (/^\d+$/.test(index)) n = Math.max(n, Number(index) + 1);
    });
    return String(n);
  }

  /** The answer for an element the cache cannot hold, or null to ask the bridge. */
  function computed(element) {
    if (element.endsWith('._count')) return count(element.slice(0, -'._count'.length));
    var pattern = element.replace(/\.\d+\./g, '.n.');
    if (Object.prototype.hasOwnProperty.call(FIXED, pattern)) return FIXED[pattern];
    // Without a sequencing tree the real API answers "unknown" until it knows better.
    if (element.startsWith('adl.nav.request_valid.') && !cache.has(element)) return 'unknown';
    if (element === 'adl.nav.request' && !cache.has(element)) return '_none_';
    return null;
  }

  var names = is12
    ? [
        'LMSInitialize',
        'LMSFinish',
        'LMSGetValue',
        'LMSSetValue',
        'LMSCommit',
        'LMSGetLastError',
        'LMSGetErrorString',
        'LMSGetDiagnostic',
      ]
    : [
        'Initialize',
        'Terminate',
        'GetValue',
        'SetValue',
        'Commit',
        'GetLastError',
        'GetErrorString',
        'GetDiagnostic',
      ];
  var getValue = names[2];
  var getLastError = names[5];
  // The error code of the last call the facade answered itself ("0"), or null after a bridge call.
  var localError = null;
  var api = {};
  names.forEach(function (name) {
    api[name] = function () {
      if (name === getValue) {
        var answer = computed(String(arguments[0]));
        if (answer !== null) {
          localError = '0';
          return answer;
        }
      }
      if (name === getLastError && localError !== null) return localError;
      if (name !== getLastError && name !== names[6] && name !== names[7]) localError = null;
      return bridge[name].apply(bridge, arguments);
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
  bridge
    ._post('getFlattenedCMI', [])
    .then(function (all) {
      if (all && typeof all === 'object')
        for (var key in all)
          // Empty lists arrive as {}: they are not elements, and their count comes from the keys.
          if (Object.prototype.hasOwnProperty.call(all, key) && typeof all[key] !== 'object')
            cache.set(key, String(all[key]));
    })
    .catch(function () {
      /* the SCO still starts; its reads then come from the LMS a moment later */
    })
    .then(start);
})();
