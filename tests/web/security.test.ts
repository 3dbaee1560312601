import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { loadConfig } from '../../src/config.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('CSRF', () => {
  it('refuses a form post without a token, and one with a forged token', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/register');
    const missing = await browser.post('/register', {
      _csrf: null,
      name: 'A',
      email: 'csrf@example.org',
      password: 'long enough password',
      locale: 'en',
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('This form has expired');
    const forged = await browser.post('/register', {
      _csrf: 'forged-token',
      name: 'A',
      email: 'csrf@example.org',
      password: 'long enough password',
      locale: 'en',
    });
    expect(forged.statusCode).toBe(403);
  });

  it('refuses a token taken from another browser', async () => {
    const attacker = new TestBrowser(ctx.app);
    await attacker.get('/login');
    const victim = new TestBrowser(ctx.app);
    await victim.get('/login');
    const response = await victim.post('/locale', {
      _csrf: attacker.csrfToken,
      locale: 'ar',
      next: '/',
    });
    expect(response.statusCode).toBe(403);
  });

  it('accepts htmx requests with the token in the X-CSRF-Token header and refuses them without', async () => {
    const user = await makeUser(ctx, 'admin');
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    await browser.get('/admin/users');
    const target = await makeUser(ctx);
    const without = await browser.post(
      `/admin/users/${target.id}/role`,
      { _csrf: null, role: 'trainer' },
      { 'hx-request': 'true' },
    );
    expect(without.statusCode).toBe(403);
    const withHeader = await browser.post(
      `/admin/users/${target.id}/role`,
      { _csrf: null, role: 'trainer' },
      { 'hx-request': 'true', 'x-csrf-token': browser.csrfToken },
    );
    expect(withHeader.statusCode).toBe(303);
  });
});

describe('headers and cookies', () => {
  it('sends a strict Content-Security-Policy and the usual security headers', async () => {
    const response = await ctx.app.inject({ url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.body).not.toMatch(/\sstyle="/);
  });

  it('sets session cookies HttpOnly and SameSite=Lax', async () => {
    const user = await makeUser(ctx);
    const browser = new TestBrowser(ctx.app);
    const response = await browser.login(user.email, TEST_PASSWORD);
    const setCookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .find((cookie) => cookie.startsWith('lantern_session='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
  });

  it('marks cookies Secure in production', async () => {
    const production = await createTestApp({
      env: 'production',
      cookies: loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(32),
        DATA_DIR: '/tmp',
      }).cookies,
    });
    try {
      const response = await production.app.inject({ url: '/login' });
      const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/; Secure/i);
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await production.close();
    }
  });
});

describe('bad input', () => {
  it('answers a body over the limit with 413', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/register');
    const response = await browser.post('/register', {
      name: 'x'.repeat(300 * 1024),
      email: 'big@example.org',
      password: 'long enough password',
      locale: 'en',
    });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Too much data');
  });

  it('answers an unknown route with a real 404 page in the person’s language', async () => {
    const response = await ctx.app.inject({
      url: '/no/such/page',
      headers: { 'accept-language': 'ar,en;q=0.5', accept: 'text/html' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<html lang="ar" dir="rtl">');
    expect(response.body).toContain('<h1>');
  });
});
