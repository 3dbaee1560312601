// Lantern's only script of its own. Everything works without it; it adds the CSRF token to htmx
// requests that are not plain forms, moves focus to swapped content for screen readers, and keeps
// the language switcher pointing at the page on screen.
(() => {
  const token = () =>
    document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

  document.addEventListener('htmx:config:request', (event) => {
    const request = event.detail?.ctx?.request;
    if (request && request.method && request.method.toUpperCase() !== 'GET')
      request.headers['x-csrf-token'] = token();
  });

  document.addEventListener('htmx:after:swap', (event) => {
    const target = event.detail?.ctx?.target;
    if (target && target.id === 'main') {
      const heading = target.querySelector('h1');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
  });

  // The switcher's "return to" address is written when the whole page is; htmx navigation
  // changes the address without it, so it follows the address bar.
  const here = () => location.pathname + location.search;
  const followAddress = () => {
    for (const input of document.querySelectorAll('.language-switcher input[name="next"]'))
      input.value = here();
  };
  window.addEventListener('popstate', followAddress);
  document.addEventListener('htmx:after:history:push', followAddress);
  document.addEventListener('htmx:after:history:replace', followAddress);

  // The same page in another language opens where the reader was.
  const SCROLL_KEY = 'lantern-language-scroll';
  document.addEventListener('submit', (event) => {
    if (!event.target.closest?.('.language-switcher')) return;
    try {
      sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ path: here(), y: window.scrollY }));
    } catch {
      /* storage refused: the page opens at its top */
    }
  });
  try {
    const saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) ?? 'null');
    sessionStorage.removeItem(SCROLL_KEY);
    if (saved && saved.path === here())
      addEventListener('DOMContentLoaded', () => window.scrollTo(0, saved.y));
  } catch {
    /* nothing saved */
  }
})();
