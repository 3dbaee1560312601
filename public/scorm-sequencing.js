// SCORM 2004 sequencing in the browser, shared by the SCO player (scorm-player.js) and the
// navigation page (scorm-sequencer.js). scorm-again's engine decides which activity comes next;
// this file builds its settings from what the server sent, restores the course attempt's state
// and reports the state back (the server opens only the activity the engine delivered, and takes
// the course's completion from the root activity's rollup).
(function () {
  'use strict';
  var reportSeq = Date.now();

  /** The `sequencing` setting of Scorm2004API, with listeners that fill `outcome`. */
  function settings(sequencing, outcome) {
    return {
      activityTree: sequencing.activityTree,
      eventListeners: {
        onActivityDelivery: function (activity) {
          outcome.delivered = activity && activity.id;
        },
        onSequencingSessionEnd: function (detail) {
          outcome.ended = (detail && detail.reason) || 'ended';
        },
        onSequencingError: function (exception) {
          outcome.error = String(exception || 'error');
        },
      },
    };
  }

  function isoSeconds(ms) {
    return 'PT' + Math.max(0, Math.round(ms / 10) / 100) + 'S';
  }

  /**
   * scorm-again 3.4.3 answers an activity's attempt absolute duration with its limit (and sets the
   * limit when it resets the duration at a new attempt), so an activity with
   * attemptAbsoluteDurationLimit would never be delivered. The attempt is measured here instead:
   * from its start to now while it runs, frozen when it ends (and kept in the engine's state),
   * which is what the Limit Conditions Check (SN UP.1) compares with the limit.
   */
  function measureAttempts(api) {
    var tree = api._sequencing && api._sequencing.activityTree;
    var root = tree && tree.root;
    var proto = root && Object.getPrototypeOf(root);
    var active = proto && Object.getOwnPropertyDescriptor(proto, 'activityAttemptActive');
    if (!active || !active.set || proto.__lanternMeasured) return;
    function elapsed(activity) {
      var start = Date.parse(activity.attemptAbsoluteStartTime);
      return isNaN(start) ? null : isoSeconds(Date.now() - start);
    }
    Object.defineProperty(proto, 'attemptAbsoluteDuration', {
      configurable: true,
      get: function () {
        var running = this._activityAttemptActive && elapsed(this);
        return running || this._attemptAbsoluteDurationValue || 'PT0H0M0S';
      },
      set: function (duration) {
        this._attemptAbsoluteDurationValue = duration;
      },
    });
    Object.defineProperty(proto, 'activityAttemptActive', {
      configurable: true,
      get: active.get,
      set: function (value) {
        if (this._activityAttemptActive && !value) {
          var took = elapsed(this);
          if (took) {
            this._attemptAbsoluteDurationValue = took;
            // Without a measure of its own, the time experienced is the attempt's.
            if (
              !this._attemptExperiencedDuration ||
              this._attemptExperiencedDuration === 'PT0H0M0S'
            )
              this._attemptExperiencedDuration = took;
          }
        }
        active.set.call(this, value);
      },
    });
    proto.__lanternMeasured = true;
  }

  /** Puts the stored state and the learner's global objectives back into a new engine. */
  function restore(api, sequencing) {
    measureAttempts(api);
    if (sequencing.state) api.deserializeSequencingState(sequencing.state);
    var globals = sequencing.globalObjectives;
    if (globals && Object.keys(globals).length) api.restoreGlobalObjectiveSnapshot(globals);
  }

  function report(api, sequencing, outcome, beacon) {
    var rootId = sequencing.activityTree.id;
    var root = api.getActivityTrackingData(rootId) || {};
    var state = api.serializeSequencingState();
    var parsed = JSON.parse(state);
    var body = JSON.stringify({
      // Reports from one page are ordered by time and count: a later page always outranks.
      seq: ++reportSeq,
      state: state,
      delivered: outcome.ended ? null : outcome.delivered || null,
      ended: outcome.ended || null,
      suspended: outcome.ended === 'suspend_all' || outcome.ended === 'suspendAll',
      root: {
        completion: root.completionStatus || 'unknown',
        success: root.successStatus || 'unknown',
        score: typeof root.score === 'number' ? root.score : null,
      },
      globalObjectives: parsed.globalObjectiveMap || {},
    });
    if (beacon) {
      navigator.sendBeacon(sequencing.stateUrl, new Blob([body], { type: 'application/json' }));
      return Promise.resolve(true);
    }
    return fetch(sequencing.stateUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body,
      keepalive: true,
      credentials: 'same-origin',
    }).then(function (response) {
      return response.ok;
    });
  }

  window.LanternSequencing = { settings: settings, restore: restore, report: report };
})();
