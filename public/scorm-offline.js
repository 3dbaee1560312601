// SCORM offline on the player page (loaded before scorm-player.js, for courses saved on this
// device). The player page itself comes from the course's saved copy when there is no network;
// this file gives it what changed since that copy was saved, and keeps what the SCO commits
// while offline:
// - The latest state of each SCO is noted in localStorage at every commit (synchronously, so it
//   survives the tab closing at once). A launch from a saved page starts from that state, as the
//   server's launch would (entry "resume" after exit "suspend"), and goes on numbering its
//   commits after it: the server keeps only a newer seq, and a later online launch (a higher
//   launch number) outranks anything done offline before it.
// - Offline, scorm-again stops posting (no commit URL) and each commit of the SCO goes into the
//   device's queue (offline.js: IndexedDB, owned by the signed-in person, oldest first, each with
//   a key); the page says "saved on this device" only once the queue holds it. Back online, the
//   queue is sent through /offline/scorm-commit (session and CSRF, not the launch token alone).
(() => {
  const meta = document.querySelector('meta[name="lantern-user"]');
  const user = meta ? Number(meta.getAttribute('content')) : null;

  /** The state a launch resumes from, as src/scorm/launch-cmi.ts makes it on the server. */
  function resumed(launch, commit) {
    const cmi = structuredClone(commit.cmi ?? {});
    const fresh = launch.cmi.cmi ?? {};
    const lmsOnly = (target, source, names) => {
      for (const name of names) if (source && name in source) target[name] = source[name];
    };
    if (launch.version === 'scorm12') {
      const core = cmi.core ?? {};
      core.entry = core.exit === 'suspend' ? 'resume' : '';
      delete core.exit;
      delete core.session_time;
      lmsOnly(core, fresh.core, ['student_id', 'student_name', 'credit', 'lesson_mode']);
      cmi.core = core;
      lmsOnly(cmi, fresh, ['launch_data', 'student_data']);
    } else {
      cmi.entry = cmi.exit === 'suspend' ? 'resume' : '';
      delete cmi.exit;
      delete cmi.session_time;
      lmsOnly(cmi, fresh, [
        'learner_id',
        'learner_name',
        'credit',
        'mode',
        'launch_data',
        'scaled_passing_score',
        'completion_threshold',
        'max_time_allowed',
        'time_limit_action',
      ]);
    }
    return { cmi };
  }

  /** offline.js, once loaded (this course is saved, so offline-boot.js loads it). */
  function queue() {
    return new Promise((resolve, reject) => {
      let tries = 0;
      const check = () => {
        if (self.LanternOffline) resolve(self.LanternOffline);
        else if (++tries > 200) reject(new Error('offline.js did not load'));
        else setTimeout(check, 50);
      };
      check();
    });
  }

  /** Null unless this course is saved on this device for the person signed in. */
  function attach(original) {
    if (user === null || !window.localStorage || !window.indexedDB) return null;
    const slug = original.courseUrl.split('/')[2];
    // The same key as offline.js's scormSavedKey: that file may still be loading (offline-boot.js).
    if (!localStorage.getItem(`lantern-scorm-saved:${user}:${slug}`)) return null;
    const key = `lantern-scorm:${user}:${slug}:${original.item}`;
    let known = null;
    try {
      known = JSON.parse(localStorage.getItem(key) ?? 'null');
    } catch {
      known = null;
    }
    let launch = original;
    if (known && known.seq > original.seqBase && known.version === original.version)
      launch = {
        ...original,
        cmi: resumed(original, known.commit),
        seqBase: known.seq,
        commitUrl: known.commitUrl,
      };

    function record(commit) {
      try {
        localStorage.setItem(
          key,
          JSON.stringify({
            seq: commit.seq,
            commit,
            commitUrl: launch.commitUrl,
            version: launch.version,
          }),
        );
      } catch {
        /* storage full: the queue still holds what was committed offline */
      }
    }

    /** Keeps a commit on the device; resolves once the queue holds it. */
    async function keep(commit) {
      record(commit);
      const offline = await queue();
      await offline.store.enqueue({
        owner: user,
        kind: 'scorm',
        url: launch.commitUrl,
        body: commit,
        key: crypto.randomUUID(),
        at: new Date().toISOString(),
      });
      offline.askForSync?.();
    }

    /** Offline, the SCO's commits (its own, autocommit, Terminate) go to `send`, which keeps them. */
    function watch(api, send) {
      const is12 = launch.version === 'scorm12';
      const route = () => {
        api.settings = { lmsCommitUrl: navigator.onLine ? launch.commitUrl : false };
      };
      route();
      window.addEventListener('online', route);
      window.addEventListener('offline', route);
      api.on(is12 ? 'LMSCommit' : 'Commit', () => {
        if (!navigator.onLine) void send(false);
      });
      api.on(is12 ? 'LMSFinish' : 'Terminate', () => {
        if (!navigator.onLine) void send(true);
      });
    }

    return { launch, record, keep, watch, offline: () => !navigator.onLine };
  }

  window.LanternScormOffline = { attach };
})();
