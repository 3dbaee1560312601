// The navigation page of a sequenced SCORM 2004 course (views/scorm/sequence.eta): carries out
// one navigation request the learner made outside an activity (start, resume, a choice in the
// table of contents, continue), reports the engine's state, and opens the activity it delivered.
(function () {
  'use strict';
  var data = document.getElementById('sequence-launch');
  var status = document.getElementById('sequence-status');
  if (!data || !status) return;
  var launch = JSON.parse(data.textContent);
  var outcome = {};
  var api = new window.Scorm2004API({
    autocommit: false,
    logLevel: 5,
    sequencing: window.LanternSequencing.settings(launch, outcome),
  });
  window.LanternSequencing.restore(api, launch);

  function say(key) {
    status.textContent = status.getAttribute('data-' + key);
    var actions = document.getElementById('sequence-actions');
    if (actions) actions.hidden = false;
    status.focus();
  }

  function attempt(request, target) {
    if (outcome.delivered || outcome.ended) return;
    try {
      api.processNavigationRequest(request, target);
    } catch (error) {
      outcome.error = String(error);
    }
  }
  attempt(launch.request, launch.target || undefined);
  // A first visit to an activity the course does not let learners choose starts the course.
  if (launch.fresh && launch.request === 'choice') attempt('start');
  if (!outcome.delivered && !outcome.ended) {
    say('blocked');
    return;
  }
  window.LanternSequencing.report(api, launch, outcome, false).then(
    function () {
      if (outcome.ended) say(outcome.ended === 'suspend_all' ? 'suspended' : 'ended');
      else location.replace(launch.scoUrl + encodeURIComponent(outcome.delivered));
    },
    function () {
      say('offline');
    },
  );
})();
