// The SCORM player on the app page (views/scorm/player.eta). The real API (scorm-again) lives here,
// loaded with the stored CMI before the SCO starts; the SCO, framed from the content origin, reaches
// it through the cross-frame bridge. Every commit carries a sequence number so the server never lets
// an older state overwrite a newer one; a commit that fails is retried with the latest state.
(function () {
  'use strict';
  var data = document.getElementById('scorm-launch');
  var frame = document.getElementById('sco-frame');
  if (!data || !frame) return;
  var launch = JSON.parse(data.textContent);
  // A course saved on this device: the latest state known here, and commits kept while offline.
  var offline = window.LanternScormOffline && window.LanternScormOffline.attach(launch);
  if (offline) launch = offline.launch;
  var status = document.getElementById('sco-status');
  var seq = launch.seqBase;
  var acknowledged = 0;
  var retryTimer = null;
  var retryDelay = 2000;
  var leaving = false;

  function say(key, problem) {
    if (!status) return;
    var text = status.getAttribute('data-' + key);
    if (key === 'saved')
      text = text.replace(
        '{time}',
        new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
      );
    status.textContent = text;
    status.classList.toggle('problem', Boolean(problem));
  }

  function saved(sentSeq) {
    if (sentSeq > acknowledged) acknowledged = sentSeq;
    if (acknowledged >= seq) {
      retryDelay = 2000;
      if (retryTimer) {
        clearTimeout(retryTimer);
        retryTimer = null;
      }
      // The status line is a live region: it speaks only when saving recovers from a problem, not
      // at every autocommit (a screen reader would announce it every 15 seconds).
      if (status && status.classList.contains('problem')) say('saved');
    }
  }

  function failed() {
    if (leaving || retryTimer) return;
    say('retrying', true);
    retryTimer = setTimeout(retry, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60000);
  }

  // Resends the current state (never a stale copy) until the server takes it.
  function retry() {
    retryTimer = null;
    void send(api.isTerminated());
  }

  /** Sends the current state; resolves once the server answered (or the request failed). */
  function send(finalCommit) {
    var sent = ++seq;
    var commit = body(sent, finalCommit);
    if (offline && offline.offline()) return keep(sent, commit);
    return fetch(launch.commitUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(commit),
      keepalive: true,
      credentials: 'same-origin',
    })
      .then(function (response) {
        if (response.ok) saved(sent);
        else failed();
      })
      .catch(function () {
        return offline ? keep(sent, commit) : failed();
      });
  }

  // Offline: the commit waits in the device's queue; said only once the queue holds it.
  function keep(sent, commit) {
    return offline.keep(commit).then(function () {
      saved(sent);
      say('device');
    }, failed);
  }

  // final: the SCO ended its session, so the server applies the end-of-session rules (a 1.2 SCO
  // that never set a status is completed; 2004 delivery controls; see src/scorm/runtime/lms-rules.ts).
  function body(sent, finalCommit) {
    var commit = api.renderCommitCMI(finalCommit);
    commit.seq = sent;
    if (finalCommit && api.isTerminated()) commit.final = true;
    if (offline) offline.record(commit);
    return commit;
  }

  var Api = launch.version === 'scorm12' ? window.Scorm12API : window.Scorm2004API;
  var settings = {
    // Said explicitly: defaults have changed between scorm-again releases and differ from its README.
    autocommit: true,
    autocommitSeconds: 15,
    lmsCommitUrl: launch.commitUrl,
    dataCommitFormat: 'json',
    commitRequestDataType: 'application/json;charset=UTF-8',
    terminationCommitContentType: 'text/plain;charset=UTF-8',
    sendFullCommit: true,
    renderCommonCommitFields: false,
    useAsynchronousCommits: false,
    throttleCommits: false,
    alwaysSendTotalTime: true,
    selfReportSessionTime: false,
    mastery_override: false,
    score_overrides_status: false,
    autoCompleteLessonStatus: false,
    strict_errors: true,
    logLevel: 4,
    requestHandler: function (commit, metadata) {
      var sent = ++seq;
      commit.seq = sent;
      if (metadata && metadata.isTerminateCommit) commit.final = true;
      if (offline) offline.record(commit);
      // A synchronous commit has its answer before this timer runs; no answer means it failed.
      if (!(metadata && metadata.isTerminateCommit))
        setTimeout(function () {
          if (acknowledged < sent) failed();
        }, 0);
      return commit;
    },
    xhrResponseHandler: function (xhr) {
      var ok = xhr.status >= 200 && xhr.status < 300;
      var answer = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch (e) {
        answer = null;
      }
      if (ok && answer && answer.result === true) {
        saved(Number(answer.seq) || seq);
        return { result: 'true', errorCode: 0 };
      }
      return { result: 'false', errorCode: 391 };
    },
  };
  // A sequenced SCORM 2004 course: the engine runs here too, from the course attempt's state
  // (scorm-sequencing.js), and scorm-sequenced-player.js acts on what it decides.
  var sequenced = Boolean(launch.sequencing && window.LanternSequencing);
  var outcome = {};
  if (sequenced)
    settings.sequencing = window.LanternSequencing.settings(launch.sequencing, outcome);
  var api = new Api(settings);
  if (offline) offline.watch(api, send);
  if (sequenced) window.LanternSequencing.restore(api, launch.sequencing);
  api.loadFromJSON(launch.cmi);
  // The delivered activity's objectives read from global ones now, not only at Initialize: the
  // bridge's cache is filled before the SCO starts, and content reads them right after Initialize.
  // (scorm-again 3.4.3 does this inside Initialize; the method is not part of its documented API.)
  if (sequenced && typeof api.applyCurrentActivityObjectiveData === 'function')
    api.applyCurrentActivityObjectiveData();

  var is12 = launch.version === 'scorm12';
  // Content that saves only on its last page or as it closes still shows as started at once.
  api.on(is12 ? 'LMSInitialize' : 'Initialize', function () {
    setTimeout(function () {
      void send(false);
    }, 0);
  });

  // The SCO's navigation request (2004 adl.nav.request), heard while Terminate runs.
  var navigation = null;
  function request(kind) {
    return function (_element, target) {
      navigation = { kind: kind, target: target };
    };
  }
  api.on('SequenceNext', request('continue'));
  api.on('SequencePrevious', request('previous'));
  api.on('SequenceChoice', request('choice'));
  api.on('SequenceJump', request('choice'));

  // When the SCO ends its session, the dead page must not stay on screen: go where it asked, or
  // close it and say what comes next.
  if (!sequenced)
    api.on(is12 ? 'LMSFinish' : 'Terminate', function () {
      setTimeout(ended, 0);
    });

  function ended() {
    if (exiting) return;
    var target = null;
    if (navigation && navigation.kind === 'continue') target = launch.nextUrl;
    else if (navigation && navigation.kind === 'previous') target = launch.previousUrl;
    else if (navigation && navigation.kind === 'choice' && navigation.target)
      target = location.pathname.replace(/[^/]+$/, encodeURIComponent(navigation.target));
    if (target) {
      location.assign(target);
      return;
    }
    closeActivity(null);
  }

  /** Takes the SCO off the screen and shows what comes next (with a message, when given). */
  function closeActivity(messageKey) {
    var closed = document.getElementById('sco-closed');
    var holder = frame.parentNode;
    frame.remove();
    if (holder && holder.classList) holder.classList.add('closed');
    if (!closed) return;
    var message = messageKey && closed.getAttribute('data-' + messageKey);
    if (message) closed.querySelector('.closed-message').textContent = message;
    closed.hidden = false;
    closed.focus();
  }
  // "Save and exit": the learner leaves in the middle. The SCO's session ends as if it had
  // finished itself, marked suspended so the next launch resumes where the learner was, and the
  // course page opens once the server holds the final state (it shows the attempt's status).
  var exiting = false;
  var exitButton = document.getElementById('sco-exit');
  if (exitButton && !sequenced) {
    exitButton.hidden = false;
    exitButton.addEventListener('click', function () {
      exiting = true;
      exitButton.disabled = true;
      if (api.isInitialized() && !api.isTerminated()) {
        // Suspended unless the SCO itself already said how its session ends.
        var cmi = (api.renderCommitCMI(false) || {}).cmi || {};
        var exit = is12 ? (cmi.core || {}).exit : cmi.exit;
        if (!exit)
          api[is12 ? 'LMSSetValue' : 'SetValue'](is12 ? 'cmi.core.exit' : 'cmi.exit', 'suspend');
        api[is12 ? 'LMSFinish' : 'Terminate']('');
      }
      var leave = function () {
        location.assign(launch.courseUrl);
      };
      if (!api.isTerminated()) return leave();
      // The course page shows what the server holds: leave once it holds the final state, or
      // after a few seconds without an answer (the retries and the beacon carry on).
      void Promise.race([
        send(true),
        new Promise(function (resolve) {
          setTimeout(resolve, 8000);
        }),
      ]).then(leave);
    });
  }
  // The bridge accepts calls only from the content origin; bursts of SetValue from authoring tools are normal.
  new window.CrossFrameLMS(api, launch.contentOrigin, { rateLimit: 5000 });
  frame.src = frame.getAttribute('data-src');

  window.LanternPlayer = {
    api: api,
    launch: launch,
    outcome: outcome,
    frame: frame,
    closeActivity: closeActivity,
    /** Set by scorm-sequenced-player.js: what to record before the page's last commit. */
    beforeLeaving: null,
  };

  // The SCO's own final commit may not reach this page when the tab closes: send the state here too.
  window.addEventListener('pagehide', function () {
    leaving = true;
    if (window.LanternPlayer.beforeLeaving) window.LanternPlayer.beforeLeaving();
    if (!api.isInitialized() && !api.isTerminated()) return;
    if (offline && offline.offline()) void offline.keep(body(++seq, true));
    else navigator.sendBeacon(launch.commitUrl, JSON.stringify(body(++seq, true)));
  });
})();
