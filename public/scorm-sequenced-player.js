// The SCO player of a sequenced SCORM 2004 course, on top of scorm-player.js: the course's
// navigation controls (Continue, Previous, Exit, Save and leave) as the engine allows them, and
// what follows the end of an activity: the engine's next delivery, the end of the course, or a
// suspended session. Every outcome is reported (scorm-sequencing.js) before the page moves on.
(function () {
  'use strict';
  var player = window.LanternPlayer;
  if (!player || !player.launch.sequencing) return;
  var api = player.api;
  var sequencing = player.launch.sequencing;
  var outcome = player.outcome;
  var controls = document.getElementById('sco-controls');
  var finished = false;

  function exitValue() {
    try {
      return api.cmi.getExitValueInternal ? api.cmi.getExitValueInternal() : '';
    } catch (e) {
      return '';
    }
  }

  // The engine acts on the request inside Terminate, after the terminate commit (sent at once,
  // as a beacon) and after this listener: look a moment later, and a little longer in case.
  function afterTerminate() {
    var waited = 0;
    (function check() {
      if (outcome.delivered !== undefined || outcome.ended || waited >= 300) return settle();
      waited += 50;
      setTimeout(check, 50);
    })();
  }

  function settle() {
    if (finished) return;
    finished = true;
    // A SCO that leaves with exit = suspend but asks for nothing means "I will be back": the
    // engine only marks the activity suspended, so the session is suspended here (resumeAll
    // then works on the next visit).
    if (!outcome.delivered && !outcome.ended && exitValue() === 'suspend') {
      try {
        api.processNavigationRequest('suspendAll');
      } catch (e) {
        /* the report below still saves the state */
      }
    }
    window.LanternSequencing.report(api, sequencing, outcome, false).then(moveOn, moveOn);
  }

  function moveOn() {
    // The same activity again is a new attempt of it (a retry rule): the page opens anew.
    if (outcome.delivered && !outcome.ended) {
      location.assign(sequencing.scoUrl + encodeURIComponent(outcome.delivered));
      return;
    }
    if (controls) controls.hidden = true;
    player.closeActivity(
      outcome.ended === 'suspend_all' ? 'suspended' : outcome.ended ? 'ended' : null,
    );
  }

  api.on('Terminate', afterTerminate);

  // The learner's own navigation: the request is made, then the activity ends for it.
  function navigate(request, target) {
    if (finished) return;
    outcome.delivered = undefined;
    if (api.isInitialized() && !api.isTerminated()) {
      player.frame.remove();
      // Suspending the course suspends the activity too: its attempt resumes next time.
      if (request === 'suspendAll') api.SetValue('cmi.exit', 'suspend');
      api.adl.nav.request = target ? '{target=' + target + '}' + request : request;
      api.Terminate('');
      return;
    }
    try {
      api.processNavigationRequest(request, target);
    } catch (e) {
      /* reported as nothing delivered */
    }
    settle();
  }

  // A choice in the table of contents is a navigation request like the buttons.
  document.querySelectorAll('a[data-choice]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      if (link.getAttribute('aria-disabled') === 'true') return;
      navigate('choice', link.getAttribute('data-choice'));
    });
  });

  function refreshControls() {
    if (!controls) return;
    var valid = { continue: 'true', previous: 'true' };
    try {
      if (api.isInitialized()) {
        valid.continue = api.GetValue('adl.nav.request_valid.continue');
        valid.previous = api.GetValue('adl.nav.request_valid.previous');
      }
    } catch (e) {
      /* keep them enabled: the engine refuses what is not allowed */
    }
    controls.querySelectorAll('button[data-request]').forEach(function (button) {
      var request = button.getAttribute('data-request');
      button.disabled = valid[request] === 'false';
    });
    // The contents offer only the choices the rules allow now.
    document.querySelectorAll('a[data-choice]').forEach(function (link) {
      var allowed = 'true';
      try {
        if (api.isInitialized())
          allowed = api.GetValue(
            'adl.nav.request_valid.choice.{target=' + link.getAttribute('data-choice') + '}',
          );
      } catch (e) {
        allowed = 'true';
      }
      if (allowed === 'false') link.setAttribute('aria-disabled', 'true');
      else link.removeAttribute('aria-disabled');
    });
  }

  if (controls) {
    var hidden = (sequencing.hideLmsUi && sequencing.hideLmsUi[player.launch.item]) || [];
    controls.querySelectorAll('button[data-request]').forEach(function (button) {
      var request = button.getAttribute('data-request');
      if (
        hidden.indexOf(request) >= 0 ||
        (request === 'suspendAll' && hidden.indexOf('suspendAll') >= 0)
      )
        button.hidden = true;
      button.addEventListener('click', function () {
        navigate(request);
      });
    });
    controls.hidden = false;
    // Content sets values in bursts: look once the burst is over.
    var pending = null;
    var refreshSoon = function () {
      if (pending === null)
        pending = setTimeout(function () {
          pending = null;
          refreshControls();
        }, 100);
    };
    api.on('Initialize', refreshSoon);
    api.on('SetValue.cmi.*', refreshSoon);
  }

  // Closing the tab in the middle of an activity suspends the session, so that it can resume:
  // the activity's own last commit (sent by scorm-player.js) says so first.
  player.beforeLeaving = function () {
    if (!finished && api.isInitialized() && !api.isTerminated())
      api.SetValue('cmi.exit', 'suspend');
  };
  // A page whose activity never started (a second tab, say) has nothing to say.
  window.addEventListener('pagehide', function () {
    if (finished || !api.isInitialized() || api.isTerminated()) return;
    finished = true;
    try {
      if (!outcome.ended) api.processNavigationRequest('suspendAll');
    } catch (e) {
      /* the state is still sent */
    }
    window.LanternSequencing.report(api, sequencing, outcome, true);
  });
})();
