/**
 * What people read when something fails: a learner gets a sentence and what to do next, never a
 * driver's message, a stack or an element name; an admin gets the same, with the technical detail
 * in a disclosure. Pages, JSON, htmx fragments and the SCORM content origin.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentApp, CONTENT_TOKEN_SECONDS } from '../../src/scorm/content.js';
import { signToken } from '../../src/web/signed-token.js';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

// What a driver throws: the kind of text that must never reach a learner.
const TECHNICAL =
  'relation "secret_table" does not exist\n    at Parser.parseErrorMessage (/srv/lantern/node_modules/pg-protocol/dist/parser.js:287:98)';

let ctx: TestContext;
let learner: TestBrowser;
let admin: TestBrowser;

beforeAll(async () => {
  // The real app on its own database, with one route that fails as a broken query does.
  ctx = await createTestApp({}, (app) => {
    app.get('/test/broken-query', async () => {
      throw Object.assign(new Error(TECHNICAL), { code: '42P01' });
    });
  });
  const learnerUser = await makeUser(ctx, 'learner', { name: 'Lina Learner' });
  learner = new TestBrowser(ctx.app);
  await learner.login(learnerUser.email, TEST_PASSWORD);
  const adminUser = await makeUser(ctx, 'admin', { name: 'Ada Admin' });
  admin = new TestBrowser(ctx.app);
  await admin.login(adminUser.email, TEST_PASSWORD);
});
afterAll(async () => ctx?.close());

const technicalBits = /secret_table|Parser|node_modules|42P01|class="technical"/;

describe('a failure', () => {
  it('tells a learner what happened and what to do, with a reference to quote, and nothing technical', async () => {
    const response = await learner.get('/test/broken-query');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('<h1>Something went wrong</h1>');
    expect(response.body).toContain(
      'Try again, and if it keeps happening, tell your administrator.',
    );
    expect(response.body).toMatch(/give them this reference: [0-9a-f]{12}\./);
    expect(response.body).not.toMatch(technicalBits);
  });

  it('shows a trainer no technical detail either', async () => {
    const trainerUser = await makeUser(ctx, 'trainer', { name: 'Tariq Trainer' });
    const trainer = new TestBrowser(ctx.app);
    await trainer.login(trainerUser.email, TEST_PASSWORD);
    const response = await trainer.get('/test/broken-query');
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(technicalBits);
  });

  it('sends an htmx request whose session ended to the login page, not a login page inside a part', async () => {
    const anonymous = new TestBrowser(ctx.app);
    const response = await anonymous.get('/my-learning', {
      'hx-request': 'true',
      'hx-target': 'div#user-results',
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['hx-redirect']).toBe('/login?next=%2Fmy-learning');
    expect(response.body).toBe('');
  });

  it('shows an admin the technical detail, behind a disclosure', async () => {
    const response = await admin.get('/test/broken-query');
    expect(response.statusCode).toBe(500);
    const [readable, technical = ''] = response.body.split('<details class="technical">');
    expect(readable).not.toMatch(technicalBits);
    expect(technical).toContain(
      '<summary>Technical details (shown to administrators only)</summary>',
    );
    expect(technical).toContain('<code>42P01</code>');
    expect(technical).toContain('relation &quot;secret_table&quot; does not exist');
    expect(technical).toContain('<code>GET /test/broken-query</code>');
  });

  it('reads in the learner’s language', async () => {
    await learner.get('/');
    await learner.post('/locale', { locale: 'ar', next: '/' });
    try {
      const response = await learner.get('/test/broken-query');
      expect(response.body).toContain('<html lang="ar" dir="rtl">');
      expect(response.body).toMatch(/وأعطه هذا المرجع: [0-9a-f]{12}/);
      expect(response.body).not.toMatch(technicalBits);
    } finally {
      await learner.post('/locale', { locale: 'en', next: '/' });
    }
  });

  it('gives a program a stable key and a sentence it can show, never the message', async () => {
    const response = await ctx.app.inject({
      url: '/test/broken-query',
      headers: { accept: 'application/json', 'accept-language': 'fr' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: 'error.server.title',
      message: expect.stringContaining('Une erreur inattendue'),
      status: 500,
    });
    expect(response.body).not.toMatch(technicalBits);
  });

  it('answers htmx aimed at a part of a page with the message alone, not a page inside the page', async () => {
    for (const [url, status] of [
      ['/test/broken-query', 500],
      ['/no/such/page', 404],
      ['/admin/users?page=abc', 400],
    ] as const) {
      const response = await learner.get(url, {
        'hx-request': 'true',
        'hx-target': 'div#user-results',
      });
      expect(response.statusCode, url).toBe(status);
      expect(response.body.trim(), url).toMatch(/^<div class="error-summary" role="alert">/);
      expect(response.body, url).not.toMatch(/<html|<header|<footer|<main/);
      expect(response.body, url).not.toMatch(technicalBits);
    }
    // An admin's fragment carries the detail of a refused query string.
    const refused = await admin.get('/admin/users?page=abc', {
      'hx-request': 'true',
      'hx-target': 'div#user-results',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).not.toContain('<header');
    expect(refused.body).toContain('querystring/page must be integer');
  });
});

describe('the SCORM content origin', () => {
  let content: FastifyInstance;
  beforeAll(async () => {
    content = await buildContentApp(ctx.config);
    await content.ready();
  });
  afterAll(async () => content?.close());

  const token = () =>
    signToken(
      ctx.config.sessionSecret,
      'scorm-content',
      { h: 'a'.repeat(64), r: '', v: 'scorm12', u: 'index.html', t: 'A SCO' },
      CONTENT_TOKEN_SECONDS,
    );

  it('says in the learner’s language that a part of the activity is missing, never as JSON', async () => {
    const missing = await content.inject({
      url: `/p/${'a'.repeat(64)}/lesson/missing.html`,
      headers: { cookie: `lantern_content=${token()}`, 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.body).toContain('<html lang="fr" dir="ltr">');
    expect(missing.body).toContain('Cette partie de l’activité manque dans son paquet.');
    expect(missing.body).not.toMatch(/Route|statusCode|"error"/);

    const unknown = await content.inject({ url: '/nothing/here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This part of the activity is missing from its package.');
    expect(unknown.body).not.toContain('Route GET');
  });

  it('says what to do when a launch has expired, in Arabic too', async () => {
    const refused = await content.inject({
      url: '/w/not-a-token',
      headers: { 'accept-language': 'ar' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('<html lang="ar" dir="rtl">');
    expect(refused.body).toContain('ارجع إلى الدورة وافتح النشاط من جديد');
  });
});
