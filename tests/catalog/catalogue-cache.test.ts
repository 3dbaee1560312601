import { gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';

// A visitor's catalogue is rendered once per version of the courses and language
// (src/web/page-cache.ts); what it serves must be the full render, and a change must show at once.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

function text(response: LightMyRequestResponse): string {
  expect(response.statusCode).toBe(200);
  const body =
    response.headers['content-encoding'] === 'gzip'
      ? gunzipSync(response.rawPayload).toString()
      : response.body;
  return body.replace(/(name="csrf-token" content="|name="_csrf" value=")[^"]+"/g, '$1TOKEN"');
}

async function visit(headers: Record<string, string>, enabled: boolean) {
  ctx.app.pageCache.enabled = enabled;
  try {
    return await ctx.app.inject({ url: '/', headers });
  } finally {
    ctx.app.pageCache.enabled = true;
  }
}

describe('the catalogue for visitors', () => {
  it('is the full render in every language and encoding, with a CSRF token of its own', async () => {
    for (const language of ['en', 'fr', 'es', 'ar'])
      for (const encoding of [{ 'accept-encoding': 'gzip' }, {}] as Array<Record<string, string>>) {
        const headers = { 'accept-language': language, ...encoding };
        const [full, first, cached] = [
          await visit(headers, false),
          await visit(headers, true),
          await visit(headers, true),
        ];
        expect(text(first)).toBe(text(full));
        expect(text(cached)).toBe(text(full));
        expect(cached.headers.vary).toBe(full.headers.vary);
        expect(cached.headers['content-encoding']).toBe(full.headers['content-encoding']);
        // Each visitor gets their own CSRF secret and token, not the first visitor's.
        const token = (response: LightMyRequestResponse) =>
          /name="csrf-token" content="([^"]+)"/.exec(
            response.headers['content-encoding'] === 'gzip'
              ? gunzipSync(response.rawPayload).toString()
              : response.body,
          )?.[1];
        expect(token(cached)).toBeTruthy();
        expect(token(cached)).not.toBe(token(first));
        expect(cached.cookies.find((cookie) => cookie.name === 'lantern_csrf')).toBeTruthy();
      }
  });

  it('shows a course’s change on the next visit', async () => {
    const before = text(await visit({ 'accept-language': 'en' }, true));
    expect(before).toContain('Example course for tests');
    await sql`update courses set title = jsonb_set(title::jsonb, '{en}', '"Renamed course"'), updated_at = now() + interval '1 second'`.execute(
      ctx.database.db,
    );
    const after = text(await visit({ 'accept-language': 'en' }, true));
    expect(after).toContain('Renamed course');
    expect(after).toBe(text(await visit({ 'accept-language': 'en' }, false)));
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const headers = { 'accept-language': 'en', 'accept-encoding': 'gzip' };
    await ctx.app.inject({ url: '/', headers }); // fills the cache
    const [get, head] = [
      await ctx.app.inject({ url: '/', headers }),
      await ctx.app.inject({ method: 'HEAD', url: '/', headers }),
    ];
    expect(head.statusCode).toBe(200);
    expect(head.rawPayload.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.headers.vary).toBe(get.headers.vary);
    expect(Number(head.headers['content-length'])).toBe(get.rawPayload.length);
    expect(Number(get.headers['content-length'])).toBe(get.rawPayload.length);
  });
});
