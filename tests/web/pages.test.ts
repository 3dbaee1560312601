import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('language', () => {
  it('follows Accept-Language for visitors and sets lang and dir', async () => {
    const arabic = await ctx.app.inject({ url: '/', headers: { 'accept-language': 'ar' } });
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    const french = await ctx.app.inject({
      url: '/',
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    expect(french.body).toContain('<html lang="fr" dir="ltr">');
    const unknown = await ctx.app.inject({ url: '/', headers: { 'accept-language': 'de' } });
    expect(unknown.body).toContain('<html lang="en" dir="ltr">');
  });

  it('switches language without an account and comes back to the same page', async () => {
    const browser = new TestBrowser(ctx.app, { 'accept-language': 'en' });
    await browser.get('/login');
    const switched = await browser.post('/locale', { locale: 'es', next: '/login' });
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/login');
    expect((await browser.get('/login')).body).toContain('<html lang="es" dir="ltr">');
  });

  it('remembers a signed-in person’s choice on their account', async () => {
    const user = await makeUser(ctx, 'learner', { locale: 'en' });
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    await browser.get('/account');
    await browser.post('/locale', { locale: 'ar', next: '/account' });
    const elsewhere = new TestBrowser(ctx.app, { 'accept-language': 'fr' });
    await elsewhere.login(user.email, TEST_PASSWORD);
    expect((await elsewhere.get('/account')).body).toContain('<html lang="ar" dir="rtl">');
  });

  it('ignores an unknown language and an off-site return address', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/');
    const response = await browser.post('/locale', { locale: 'xx', next: 'https://evil.example/' });
    expect(response.headers.location).toBe('/');
  });
});

describe('htmx fragments', () => {
  it('serves the same route as a whole page or, for htmx aimed at main, without the layout', async () => {
    const page = await ctx.app.inject({ url: '/login' });
    expect(page.body).toContain('<html');
    const fragment = await ctx.app.inject({
      url: '/login',
      headers: { 'hx-request': 'true', 'hx-target': 'main#main' },
    });
    expect(fragment.body).not.toContain('<html');
    expect(fragment.body).toContain('<title>');
    expect(fragment.body).toContain('action="/login"');
    expect(fragment.headers.vary).toMatch(/HX-Request/);
  });
});

describe('assets', () => {
  it('serves content-hashed files, compressed, cached for a year', async () => {
    const page = await ctx.app.inject({ url: '/' });
    const cssUrl = /href="(\/assets\/app\.[\w-]+\.css)"/.exec(page.body)?.[1];
    const htmxUrl = /src="(\/assets\/vendor\/htmx\.[\w-]+\.js)"/.exec(page.body)?.[1];
    expect(cssUrl).toBeDefined();
    expect(htmxUrl).toBeDefined();
    const css = await ctx.app.inject({ url: cssUrl!, headers: { 'accept-encoding': 'br, gzip' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const revalidate = await ctx.app.inject({
      url: cssUrl!,
      headers: { 'if-none-match': String(css.headers.etag) },
    });
    expect(revalidate.statusCode).toBe(304);
    const htmx = await ctx.app.inject({ url: htmxUrl!, headers: { 'accept-encoding': 'gzip' } });
    expect(htmx.headers['content-encoding']).toBe('gzip');
    expect(Number(htmx.headers['content-length'] ?? htmx.rawPayload.length)).toBeLessThan(20_000);
    expect((await ctx.app.inject({ url: '/assets/app.nothash.css' })).statusCode).toBe(404);
  });

  it('serves the SCORM runtime from the installed package, never a CDN', async () => {
    const url = ctx.app.asset('vendor/scorm-again/scorm2004.js');
    expect(url).toMatch(/^\/assets\/vendor\/scorm-again\/scorm2004\.[\w-]+\.js$/);
    const response = await ctx.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toContain('javascript');
  });

  it('compresses pages', async () => {
    const response = await ctx.app.inject({
      url: '/register',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
  });
});

describe('accessibility basics', () => {
  it('has a skip link, landmarks and a label for every form control', async () => {
    const body = (await ctx.app.inject({ url: '/register' })).body;
    expect(body).toContain('class="skip-link" href="#main"');
    expect(body).toContain('<main id="main"');
    expect(body).toMatch(/<nav aria-label=/);
    expect(body).toContain('<footer');
    const ids = [
      ...body.matchAll(/<(?:input|select)\b(?![^>]*type="(?:hidden|submit)")[^>]*\bid="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) expect(body).toContain(`for="${id}"`);
  });
});
