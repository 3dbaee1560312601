// Lantern's only script of its own. Everything works without it; it adds the CSRF token to htmx
// requests that are not plain forms, and moves focus to swapped content for screen readers.
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
})();
