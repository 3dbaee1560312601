// Offline learning (DESIGN §8). One file for two places: the service worker loads it for the
// queue (self.LanternOffline), and pages load it for the rest: the offline panel of a course page,
// "Next" and quiz answers kept on the device while offline, the header's status, the offline page,
// and the offer to clear the device at logout. Without service workers nothing here runs but the
// queue's status, and the site works online exactly as before.
(() => {
  // Loaded once (offline-boot.js may add it to a page that also lists it).
  if (self.LanternOffline) return;
  // ---- The device's store (IndexedDB): the queue, the courses saved, who is signed in ----
  const DB_NAME = 'lantern-offline';
  const QUEUE_TAG = 'lantern-queue';

  const done = (request) =>
    new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  const openDb = () => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      // Oldest first: the auto-incremented sequence orders the queue.
      const queue = db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      queue.createIndex('key', 'key', { unique: true });
      queue.createIndex('owner', 'owner');
      db.createObjectStore('courses', { keyPath: 'id' });
      db.createObjectStore('meta', { keyPath: 'name' });
    };
    return done(request);
  };

  /** Runs `work` on one store; resolves only once the transaction has committed. */
  async function withStore(name, mode, work) {
    const db = await openDb();
    try {
      const transaction = db.transaction(name, mode);
      const committed = new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
      });
      const result = await work(transaction.objectStore(name));
      await committed;
      return result;
    } finally {
      db.close();
    }
  }

  /** Read by offline-boot.js: this person has something on the device, so pages load this file. */
  const deviceFlag = (owner) => `lantern-offline:${owner}`;
  const markDevice = (owner, on) => {
    if (typeof localStorage === 'undefined' || owner === null || owner === undefined) return;
    try {
      if (on) localStorage.setItem(deviceFlag(owner), '1');
      else localStorage.removeItem(deviceFlag(owner));
    } catch {
      /* no storage: pages load this file only where it has a control */
    }
  };

  const store = {
    getMeta: (name) =>
      withStore('meta', 'readonly', async (meta) => (await done(meta.get(name)))?.value),
    setMeta: (name, value) =>
      withStore('meta', 'readwrite', (meta) => done(meta.put({ name, value }))),
    /** Adds an action unless one with its key is already waiting (the same form sent twice). */
    enqueue: (action) =>
      withStore('queue', 'readwrite', async (queue) => {
        const existing = await done(queue.index('key').get(action.key));
        if (!existing) await done(queue.add(action));
        markDevice(action.owner, true);
      }),
    waiting: (owner) =>
      withStore('queue', 'readonly', async (queue) =>
        (await done(queue.index('owner').getAll(owner))).sort((a, b) => a.seq - b.seq),
      ),
    findByKey: (key) =>
      withStore('queue', 'readonly', (queue) => done(queue.index('key').get(key))),
    removeAction: (seq) => withStore('queue', 'readwrite', (queue) => done(queue.delete(seq))),
    updateAction: (action) => withStore('queue', 'readwrite', (queue) => done(queue.put(action))),
    courses: async (owner) =>
      (await withStore('courses', 'readonly', (courses) => done(courses.getAll()))).filter(
        (course) => course.owner === owner,
      ),
    course: (owner, slug) =>
      withStore('courses', 'readonly', (courses) => done(courses.get(`${owner}:${slug}`))),
    putCourse: (course) =>
      withStore('courses', 'readwrite', async (courses) => {
        await done(courses.put(course));
        markDevice(course.owner, true);
      }),
    removeCourse: (owner, slug) =>
      withStore('courses', 'readwrite', (courses) => done(courses.delete(`${owner}:${slug}`))),
  };

  /** A course cache's name: per person, course and version, so no one is served another's pages. */
  // `~` ends the slug (slugs are a-z, 0-9 and -): saving "cpms" never touches "cpms-introduction".
  const cachePrefix = (owner, slug) => `lantern-u${owner}-c${slug}~`;

  // ---- Sending the queue: oldest first, only as its owner, with a fresh CSRF token ----
  let sending = null;

  /**
   * Sends what waits for the person signed in now. The session check gives the user id (a queue
   * never goes out as someone else) and a CSRF token for this session (a page of another site
   * cannot read it). Each action carries its idempotency key and the time it was done: the server
   * records it once, however often it arrives. Stops at the first network failure or refusal of
   * the session, keeping the rest; an action the server refuses for good is kept, marked.
   */
  function send() {
    sending ??= sendQueue().finally(() => {
      sending = null;
    });
    return sending;
  }

  async function sendQueue() {
    let session;
    try {
      const response = await fetch('/offline/session', {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { accept: 'application/json' },
      });
      session = await response.json();
    } catch {
      return { offline: true, sent: 0 };
    }
    if (!session.userId) return { signedOut: true, sent: 0 };
    let sent = 0;
    let retake = 0;
    for (const action of await store.waiting(session.userId)) {
      // A SCORM commit goes with its launch's commit URL (which names the attempt) to the replay
      // endpoint, which checks that the attempt is this person's: the launch token may be expired.
      const scorm = action.kind === 'scorm';
      let body;
      if (scorm) body = JSON.stringify({ url: action.url, key: action.key, commit: action.body });
      else {
        body = new URLSearchParams(action.fields);
        body.set('_csrf', session.csrfToken);
        body.set('_key', action.key);
        body.set('_at', action.at);
      }
      let response;
      try {
        response = await fetch(scorm ? '/offline/scorm-commit' : action.url, {
          method: 'POST',
          body,
          credentials: 'same-origin',
          redirect: 'manual',
          headers: {
            accept: 'application/json',
            'x-csrf-token': session.csrfToken,
            'x-lantern-replay': '1',
            ...(scorm ? { 'content-type': 'application/json' } : {}),
          },
        });
      } catch {
        break;
      }
      if (response.ok) {
        const answer = await response.json().catch(() => ({}));
        // The quiz changed since the page was saved: the server kept the answers, unmarked.
        // The quiz changed since the page was saved: the server kept the answers, unmarked; or
        // they were for an attempt already sent or closed: nothing recorded. Either way the
        // learner is told to take it again.
        if (answer.outcome === 'retake' || answer.outcome === 'stale') retake += 1;
        // Remembered once sent: a saved quiz page reopened offline must not take the same
        // answers again under a key the server has already used.
        if (action.kind === 'quiz') await store.setMeta(`sent:${action.key}`, Date.now());
        await store.removeAction(action.seq);
        sent += 1;
        continue;
      }
      // Signed out meanwhile, a token refused, the server busy: try again later, all of it.
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status >= 429)
        break;
      const answer = await response.json().catch(() => ({}));
      if (/csrf/i.test(JSON.stringify(answer))) break;
      // The course left or the item removed: kept, marked, so the learner is told.
      await store.updateAction({ ...action, failed: response.status });
    }
    return { sent, retake, owner: session.userId };
  }

  /** Set (localStorage, read synchronously by scorm-offline.js) while a SCORM course is saved. */
  const scormSavedKey = (owner, slug) => `lantern-scorm-saved:${owner}:${slug}`;

  const api = { store, send, cachePrefix, scormSavedKey, QUEUE_TAG };
  self.LanternOffline = api;
  if (typeof document === 'undefined') return;

  // ---- Pages ----
  const userMeta = document.querySelector('meta[name="lantern-user"]');
  const userId = userMeta ? Number(userMeta.getAttribute('content')) : null;
  const canKeep =
    window.isSecureContext && 'serviceWorker' in navigator && 'caches' in window && !!indexedDB;
  const FLASH_KEY = 'lantern-offline-flash';

  /** `{count|one:# answer|other:# answers}` by the page language's plural rules, as the server does. */
  function format(text, params) {
    const lang = document.documentElement.lang || 'en';
    const rules = new Intl.PluralRules(lang);
    const numbers = new Intl.NumberFormat(lang);
    return text
      .replace(/\{(\w+)\|([^{}]*)\}/g, (whole, name, forms) => {
        if (!(name in params)) return whole;
        const count = Number(params[name]);
        const byCategory = new Map(
          forms.split('|').map((form) => {
            const colon = form.indexOf(':');
            return [form.slice(0, colon).trim(), form.slice(colon + 1)];
          }),
        );
        const chosen = byCategory.get(rules.select(count)) ?? byCategory.get('other') ?? '';
        return chosen.replaceAll('#', numbers.format(count));
      })
      .replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }
  const lang = () => document.documentElement.lang || 'en';
  const size = (bytes) =>
    new Intl.NumberFormat(lang(), {
      style: 'unit',
      unit: bytes >= 1e6 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: bytes >= 1e6 ? 1 : 0,
    }).format(bytes >= 1e6 ? bytes / 1e6 : Math.max(1, Math.round(bytes / 1e3)));
  const day = (time) =>
    new Intl.DateTimeFormat(lang(), { day: 'numeric', month: 'short', year: 'numeric' }).format(
      new Date(time),
    );

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showFlash(text) {
    const main = document.getElementById('main');
    if (!main || !text) return;
    main.querySelector('.flash.offline-flash')?.remove();
    main.prepend(element('p', 'flash offline-flash', text));
    main.firstElementChild.setAttribute('role', 'status');
  }

  // The header's status: how many actions wait, and "All sent" once they went.
  const status = document.getElementById('sync-status');
  let hadWaiting = false;
  async function showStatus(result) {
    if (!status || userId === null) return;
    const waiting = await store.waiting(userId).catch(() => []);
    const failed = waiting.filter((action) => action.failed).length;
    const pending = waiting.length - failed;
    const parts = [];
    if (pending > 0) {
      parts.push(format(status.dataset.waiting, { count: pending }));
      if (result?.signedOut) parts.push(status.dataset.login);
    }
    if (failed > 0) parts.push(format(status.dataset.failed, { count: failed }));
    if (parts.length === 0 && (hadWaiting || result?.sent > 0)) parts.push(status.dataset.sent);
    if (result?.retake > 0) parts.push(status.dataset.changed);
    hadWaiting ||= waiting.length > 0;
    status.textContent = parts.join(' ');
    status.hidden = parts.length === 0;
  }

  async function sendAndShow() {
    if (userId === null) return;
    const waiting = await store.waiting(userId).catch(() => []);
    if (waiting.length === 0) return showStatus();
    hadWaiting = true;
    await showStatus();
    await showStatus(await send());
  }

  api.askForSync = () => void askForSync();
  async function askForSync() {
    try {
      const registration = await navigator.serviceWorker?.getRegistration();
      await registration?.sync?.register(QUEUE_TAG);
    } catch {
      /* no Background Sync here: the online event and the next page load send the queue */
    }
  }

  /** Keeps a form's action on the device; resolves once the queue holds it. */
  async function keep(form, kind) {
    const fields = [...new FormData(form)].filter(
      ([name, value]) => name !== '_csrf' && typeof value === 'string',
    );
    const key = fields.find(([name]) => name === '_key')?.[1] || crypto.randomUUID();
    const action = {
      owner: userId,
      kind,
      url: new URL(form.action, location.href).pathname,
      fields,
      key,
      at: new Date().toISOString(),
    };
    await store.enqueue(action);
    void askForSync();
    return action;
  }

  async function keepNext(form) {
    await keep(form, 'lesson');
    sessionStorage.setItem(FLASH_KEY, form.dataset.saved ?? '');
    location.assign(form.dataset.next || location.href);
  }

  async function keepQuiz(form) {
    const action = await keep(form, 'quiz');
    const article = form.closest('article') ?? form.parentElement;
    const key = form.dataset.keyUrl
      ? await fetch(form.dataset.keyUrl, { credentials: 'same-origin' })
          .then((response) => (response.ok ? response.json() : null))
          .catch(() => null)
      : null;
    const result = key ? markQuiz(key, action.fields) : null;
    form.replaceWith(...(result ? [result] : []));
    article.querySelector('.offline-flash')?.remove();
    const message = element('p', 'flash offline-flash', form.dataset.saved);
    message.setAttribute('role', 'status');
    article.querySelector('h1')?.after(message);
    await showStatus();
  }

  /** The result of a quiz marked on the device from its saved answer key, as the result page shows it. */
  function markQuiz(key, fields) {
    const chosen = (id) => fields.filter(([name]) => name === `q-${id}`).map(([, value]) => value);
    const ids = [...document.querySelectorAll('.quiz-form fieldset.question')].map((fieldset) =>
      fieldset.id.replace(/^question-/, ''),
    );
    const list = element('ol', 'results');
    let right = 0;
    for (const id of ids) {
      const question = key.questions[id];
      if (!question) continue;
      const answer = chosen(id);
      const correctIds = question.options.filter((option) => option.correct).map((o) => o.id);
      const correct =
        answer.length === correctIds.length && correctIds.every((o) => answer.includes(o));
      if (correct) right += 1;
      const item = element('li', `result ${correct ? 'correct' : 'incorrect'}`);
      item.append(element('p', 'prompt', question.prompt));
      item.append(element('p', 'verdict', correct ? key.strings.correct : key.strings.incorrect));
      if (answer.length === 0) item.append(element('p', '', key.strings.noAnswer));
      for (const optionId of answer) {
        const option = question.options.find((o) => o.id === optionId);
        if (!option) continue;
        const box = element('div', 'chosen');
        const line = element('p');
        line.append(element('strong', '', `${key.strings.yourAnswer}:`), ` ${option.text}`);
        box.append(line);
        if (option.feedback) box.append(element('p', 'feedback', option.feedback));
        item.append(box);
      }
      if (!correct) {
        const line = element('p');
        const texts = question.options.filter((o) => o.correct).map((o) => o.text);
        line.append(element('strong', '', `${key.strings.rightAnswer}:`), ` ${texts.join(' · ')}`);
        item.append(line);
      }
      if (question.explanation) {
        const line = element('p', 'explanation');
        line.append(
          element('strong', '', `${key.strings.explanation}:`),
          ` ${question.explanation}`,
        );
        item.append(line);
      }
      list.append(item);
    }
    const score = ids.length === 0 ? 0 : Math.round((100 * right) / ids.length);
    const passed = score >= key.passMark;
    const result = element('div', 'offline-result');
    const box = element('div', `score ${passed ? 'passed' : 'failed'}`);
    box.append(element('p', 'big', format(key.strings.score, { score })));
    box.append(element('p', '', passed ? key.strings.passed : key.strings.failed));
    result.append(box, list);
    return result;
  }

  // Offline (or a request that could not leave): "Next" and quiz submissions go to the queue.
  const offline = () => !navigator.onLine;
  const isQuizSubmit = (button) =>
    button?.matches?.('.quiz-form button[type="submit"]:not([formaction])');
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (userId === null || !offline() || !(form instanceof HTMLFormElement)) return;
      if (form.matches('form.next-form')) {
        event.preventDefault();
        event.stopImmediatePropagation();
        void keepNext(form);
      } else if (form.matches('form.quiz-form') && isQuizSubmit(event.submitter)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        void keepQuiz(form);
      }
    },
    true,
  );
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target.closest?.('button');
      if (userId === null || !offline() || !isQuizSubmit(button)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      void keepQuiz(button.form);
    },
    true,
  );
  document.addEventListener('htmx:error', (event) => {
    const source = event.detail?.ctx?.sourceElement;
    if (userId === null || !(event.detail?.error instanceof TypeError) || !source) return;
    if (source.matches?.('form.next-form')) void keepNext(source);
    else if (isQuizSubmit(source)) void keepQuiz(source.form);
  });

  // ---- The course page's offline panel ----
  async function coursePanel(panel) {
    const slug = panel.dataset.slug;
    const state = panel.querySelector('.offline-state');
    const storage = panel.querySelector('.offline-storage');
    const bar = panel.querySelector('progress');
    const button = (name) => panel.querySelector(`[data-offline="${name}"]`);
    const say = (text) => {
      state.textContent = text;
    };
    if (!window.isSecureContext) return say(panel.dataset.insecure);
    if (!canKeep || userId === null) return;
    say('');
    button('save').disabled = false;

    async function freeSpace() {
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      return estimate?.quota ? estimate.quota - (estimate.usage ?? 0) : null;
    }

    /** What is really on the device: the browser may have removed it (iOS does, unasked). */
    async function refresh() {
      const free = await freeSpace();
      storage.textContent =
        free === null ? '' : format(panel.dataset.storage, { free: size(free) });
      const saved = await store.course(userId, slug);
      for (const name of ['update', 'again', 'remove']) button(name).hidden = true;
      button('save').hidden = !!saved;
      if (!saved) return;
      const cache = (await caches.has(saved.cacheName)) ? await caches.open(saved.cacheName) : null;
      const kept = cache ? (await cache.keys()).length : 0;
      button('remove').hidden = false;
      if (kept < saved.count) {
        say(panel.dataset.evicted);
        button('again').hidden = false;
        return;
      }
      const parts = [
        format(panel.dataset.available, { size: size(saved.bytes), date: day(saved.savedAt) }),
      ];
      if (saved.version !== panel.dataset.version) {
        parts.push(panel.dataset.changed);
        button('update').hidden = false;
      }
      say(parts.join(' '));
    }

    async function download() {
      for (const name of ['save', 'update', 'again']) button(name).disabled = true;
      let name;
      try {
        await navigator.serviceWorker.register('/sw.js');
        const manifestResponse = await fetch(`/courses/${slug}/offline`, {
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        });
        if (!manifestResponse.ok) throw new Error(`manifest ${manifestResponse.status}`);
        const manifest = await manifestResponse.json();
        const free = await freeSpace();
        if (free !== null && free < manifest.bytes) {
          say(format(panel.dataset.noRoom, { free: size(free), needed: size(manifest.bytes) }));
          return;
        }
        const persisted = await navigator.storage?.persist?.().catch(() => false);
        storage.textContent = persisted ? panel.dataset.persisted : panel.dataset.persistRefused;
        name = `${cachePrefix(userId, slug)}${manifest.version}`;
        await caches.delete(name);
        const cache = await caches.open(name);
        const isPage = (url) => /\/(lessons|quizzes)\/[^/]+$/.test(url);
        let pages = 0;
        let bytes = 0;
        bar.hidden = false;
        bar.max = manifest.pages;
        for (const url of manifest.urls) {
          const response = await fetch(url, {
            credentials: 'same-origin',
            headers: { 'x-lantern-offline': 'download' },
          });
          const control = response.headers.get('cache-control') ?? '';
          if (!response.ok || response.redirected || /no-store/.test(control))
            throw new Error(`${url}: ${response.status}`);
          bytes += (await response.clone().blob()).size;
          await cache.put(url, response);
          if (isPage(url)) pages += 1;
          bar.value = pages;
          say(
            format(panel.dataset.progress, {
              done: pages,
              total: manifest.pages,
              size: size(bytes),
            }),
          );
        }
        // A SCORM course: its package files live on the content origin, saved by a page there.
        const content = manifest.content
          ? await saveContent(
              manifest,
              cache,
              `lantern-content-u${userId}-c${slug}~${manifest.version}`,
              (progress) =>
                say(
                  format(panel.dataset.progress, {
                    done: pages,
                    total: manifest.pages,
                    size: size(bytes + progress.bytes),
                  }),
                ),
            )
          : null;
        if (content) bytes += content.bytes;
        for (const old of await caches.keys())
          if (old.startsWith(cachePrefix(userId, slug)) && old !== name) await caches.delete(old);
        if (content) localStorage.setItem(scormSavedKey(userId, slug), '1');
        await store.putCourse({
          content: content && { savePage: manifest.content.savePage, cacheName: content.cacheName },
          id: `${userId}:${slug}`,
          owner: userId,
          slug,
          title: panel.dataset.title,
          version: manifest.version,
          bytes,
          savedAt: Date.now(),
          count: manifest.urls.length,
          cacheName: name,
        });
        await navigator.serviceWorker.ready;
        bar.hidden = true;
        await refresh();
      } catch {
        if (name) await caches.delete(name);
        bar.hidden = true;
        say(panel.dataset.failed);
      } finally {
        for (const name of ['save', 'update', 'again']) button(name).disabled = false;
      }
    }

    for (const name of ['save', 'update', 'again'])
      button(name).addEventListener('click', () => void download());
    button('remove').addEventListener('click', async () => {
      const saved = await store.course(userId, slug);
      if (saved) await caches.delete(saved.cacheName);
      if (saved?.content) removeContent(saved.content, userId, slug);
      await store.removeCourse(userId, slug);
      await refresh();
      say(panel.dataset.removed);
    });
    await refresh();
  }

  /**
   * Frames the content origin's save page (hidden) and has it save `request`'s files there;
   * resolves with what it said at the end. It answers only this page, which only it may frame.
   */
  function contentFrame(src, request, onProgress) {
    return new Promise((resolve, reject) => {
      const origin = new URL(src, location.href).origin;
      const frame = element('iframe');
      frame.hidden = true;
      frame.title = '';
      const finish = (error, value) => {
        clearTimeout(timer);
        window.removeEventListener('message', listen);
        frame.remove();
        if (error) reject(error);
        else resolve(value);
      };
      const timer = setTimeout(() => finish(new Error('content origin: no answer')), 300_000);
      function listen(event) {
        if (event.origin !== origin || event.source !== frame.contentWindow) return;
        const message = event.data?.lanternContent;
        if (message?.ready) frame.contentWindow.postMessage({ lanternContent: request }, origin);
        else if (message?.progress) onProgress?.(message.progress);
        else if (message?.done) finish(null, message);
        else if (message?.failed) finish(new Error(message.failed));
      }
      window.addEventListener('message', listen);
      frame.src = src;
      document.body.append(frame);
    });
  }

  /** Saves a SCORM course's content: the wrapper page each saved player page frames, and the files. */
  async function saveContent(manifest, cache, cacheName, onProgress) {
    const wrappers = [];
    for (const url of manifest.urls.filter((url) => /\/scos\/[^/]+$/.test(url))) {
      const html = await (await cache.match(url)).text();
      const page = new DOMParser().parseFromString(html, 'text/html');
      const src = page.getElementById('sco-frame')?.dataset.src;
      if (src) wrappers.push(src);
    }
    const answer = await contentFrame(
      manifest.content.savePage,
      { cacheName, wrappers, urls: manifest.content.urls },
      onProgress,
    );
    return { cacheName, bytes: answer.bytes };
  }

  /**
   * Forgets a SCORM course's state on the device, and asks the content origin to drop its copy
   * of the package (best effort: it needs the connection and this page still open; the copy
   * holds no one's progress, only the package and the wrapper pages).
   */
  function removeContent(content, owner, slug) {
    localStorage.removeItem(scormSavedKey(owner, slug));
    for (const name of Object.keys(localStorage))
      if (name.startsWith(`lantern-scorm:${owner}:${slug}:`)) localStorage.removeItem(name);
    if (navigator.onLine)
      void contentFrame(content.savePage, { cacheName: content.cacheName, remove: true }).catch(
        () => {},
      );
  }

  /** Courses of this person that are really on the device (all their pages still cached). */
  async function savedCourses(owner) {
    const kept = [];
    for (const course of await store.courses(owner)) {
      if (!(await caches.has(course.cacheName))) continue;
      const keys = await (await caches.open(course.cacheName)).keys();
      if (keys.length >= course.count) kept.push(course);
    }
    return kept;
  }

  // My learning marks the courses saved on this device.
  async function markCards(list) {
    const slugs = new Set((await savedCourses(userId)).map((course) => course.slug));
    for (const link of list.querySelectorAll('.card h2 a[href^="/courses/"]')) {
      const slug = link.getAttribute('href').split('/')[2];
      if (slugs.has(slug) && !link.closest('.card').querySelector('.offline-badge'))
        link.closest('h2').after(element('p', 'offline-badge', list.dataset.offlineBadge));
    }
  }

  // The offline page lists the courses saved for the person who uses this device.
  async function listSaved(box) {
    const owner = userId ?? (await store.getMeta('currentUser').catch(() => null));
    const courses = owner ? await savedCourses(owner) : [];
    const list = box.querySelector('ul');
    for (const course of courses) {
      const item = element('li');
      const link = element('a', '', course.title);
      link.href = `/courses/${course.slug}`;
      item.append(link);
      list.append(item);
    }
    if (courses.length === 0) box.querySelector('p').textContent = box.dataset.none;
    box.hidden = false;
  }

  // Logout offers to clear this person's offline copies and queue from the device.
  async function hasOfflineData() {
    if (userId === null || !canKeep) return false;
    const [courses, waiting] = await Promise.all([
      store.courses(userId).catch(() => []),
      store.waiting(userId).catch(() => []),
    ]);
    return courses.length > 0 || waiting.length > 0;
  }
  async function forget(owner) {
    for (const name of await caches.keys())
      if (name.startsWith(`lantern-u${owner}-`)) await caches.delete(name);
    for (const course of await store.courses(owner)) {
      if (course.content) removeContent(course.content, owner, course.slug);
      await store.removeCourse(owner, course.slug);
    }
    for (const action of await store.waiting(owner)) await store.removeAction(action.seq);
    markDevice(owner, false);
  }
  // Known at page start: a logout from the header then goes by the page that offers to clear.
  let hasData = false;
  let leaving = false;
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (leaving || !(form instanceof HTMLFormElement) || !form.matches('form[action="/logout"]'))
        return;
      const forgetBox = form.querySelector('#offline-forget');
      if (forgetBox?.checked) {
        event.preventDefault();
        event.stopImmediatePropagation();
        void forget(userId).finally(() => {
          leaving = true;
          form.submit();
        });
      } else if (!forgetBox && hasData) {
        event.preventDefault();
        event.stopImmediatePropagation();
        location.assign('/logout');
      }
    },
    true,
  );

  async function start() {
    if (userId !== null) await store.setMeta('currentUser', userId).catch(() => {});
    await store.setMeta('language', document.documentElement.lang).catch(() => {});
    const flash = sessionStorage.getItem(FLASH_KEY);
    if (flash) {
      sessionStorage.removeItem(FLASH_KEY);
      showFlash(flash);
    }
    const panel = document.querySelector('.offline-panel');
    if (panel) await coursePanel(panel);
    const cards = document.querySelector('ul.cards[data-offline-badge]');
    if (cards && canKeep) await markCards(cards);
    const saved = document.querySelector('.offline-courses');
    if (saved && canKeep) await listSaved(saved);
    hasData = await hasOfflineData();
    if (canKeep) markDevice(userId, hasData);
    const forgetBox = document.querySelector('.offline-forget');
    if (forgetBox && hasData) forgetBox.hidden = false;
    // A quiz already answered on this device (page reopened offline): say so instead of the form.
    const quiz = document.querySelector('form.quiz-form');
    const quizKey = quiz?.querySelector('input[name="_key"]')?.value;
    if (quizKey && (await store.findByKey(quizKey).catch(() => null))) {
      quiz.hidden = true;
      showFlash(quiz.dataset.saved);
    } else if (quizKey && !navigator.onLine && (await store.getMeta(`sent:${quizKey}`))) {
      // Answered and sent from this saved page already: a new attempt needs the server.
      quiz.hidden = true;
      showFlash(quiz.dataset.sent);
    }
    // Registered for every signed-in person, so that a page not saved offline gets the offline
    // page rather than the browser's error; the course copies are still made only on request.
    if (canKeep && userId !== null) navigator.serviceWorker.register('/sw.js').catch(() => {});
    if (navigator.onLine) await sendAndShow();
    else await showStatus();
  }

  if (!window.indexedDB) return;
  window.addEventListener('online', () => void sendAndShow());
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => void start());
  else void start();
})();
