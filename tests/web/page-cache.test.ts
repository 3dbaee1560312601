import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cutPage, fillPage, HoleRecorder, PageCache } from '../../src/web/page-cache.js';
import { acceptsGzip } from '../../src/web/view.js';

type Context = { token: string; name: string };
const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

describe('a page cut at its holes', () => {
  it('is filled with each request’s own values, escaped, in plain and gzip form', () => {
    const recorder = new HoleRecorder<Context>();
    const token = recorder.hole((c) => c.token);
    const name = recorder.hole((c) => c.name);
    const page = cutPage(`<p>${token}</p><b>${name}</b><i>${token}</i>`, recorder)!;
    for (const context of [
      { token: 'a1', name: 'Zoë & <Co>' },
      { token: 'b2', name: '' },
    ]) {
      const expected = `<p>${context.token}</p><b>${escape(context.name)}</b><i>${context.token}</i>`;
      expect(fillPage(page, context, escape, false).toString()).toBe(expected);
      expect(gunzipSync(fillPage(page, context, escape, true)).toString()).toBe(expected);
    }
  });

  it('is refused when the page holds placeholder characters of its own', () => {
    const recorder = new HoleRecorder<Context>();
    const token = recorder.hole((c) => c.token);
    expect(cutPage(`<p>${token}</p>\u00010\u0002`, recorder)).toBeUndefined();
    // A placeholder a template cut in two no longer matches: refused too.
    expect(cutPage(`<p>${token.slice(0, 3)}</p>`, recorder)).toBeUndefined();
  });
});

describe('whether a client takes a spliced gzip page', () => {
  it('reads Accept-Encoding as RFC 9110 does: a named gzip outranks `*`', () => {
    for (const yes of ['gzip', 'br, gzip', 'gzip;q=0.5, br', 'x-gzip', '*', 'br, *;q=0.1'])
      expect(acceptsGzip(yes), yes).toBe(true);
    for (const no of ['', 'br', 'identity', 'gzip;q=0', '*;q=0', 'gzip;q=0, *', '*, gzip; q=0'])
      expect(acceptsGzip(no), no).toBe(false);
  });
});

describe('the page cache', () => {
  const pageOf = (text: string) => cutPage(text, new HoleRecorder<Context>())!;

  it('keeps within its size in bytes, the oldest pages dropped first', () => {
    const big = 'x'.repeat(40_000); // 40 kB raw, a few hundred bytes compressed
    const cache = new PageCache(400, 100_000);
    for (const key of ['a', 'b', 'c']) cache.set(key, pageOf(big));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    // A page larger than the whole budget is not kept, and evicts nothing.
    cache.set('huge', pageOf('y'.repeat(200_000)));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('keeps within its number of pages, a page set again counted once', () => {
    const cache = new PageCache(2);
    cache.set('a', pageOf('A'));
    cache.set('b', pageOf('B'));
    cache.set('b', pageOf('B2'));
    expect(cache.get('a')).toBeDefined();
    cache.set('c', pageOf('C'));
    expect(cache.get('a')).toBeUndefined();
    expect(
      fillPage(cache.get<Context>('b')!, { token: '', name: '' }, String, false).toString(),
    ).toBe('B2');
  });
});
