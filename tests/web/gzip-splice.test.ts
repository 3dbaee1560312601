import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressPiece, spliceGzip } from '../../src/web/gzip-splice.js';

describe('gzip made of pieces compressed once and a request’s own bytes', () => {
  it('decompresses to the pieces and gaps in order, with a valid CRC and length', () => {
    const page = Buffer.from('<li class="item"><a href="/x">Lesson</a></li>\n'.repeat(600));
    const token = Buffer.from('csrf-token-é&<>');
    // A gap longer than one stored block (65,535 bytes) and an empty piece between gaps.
    const long = Buffer.from('abcdefghij'.repeat(7000));
    const gzip = spliceGzip(
      [compressPiece(page), compressPiece(Buffer.alloc(0)), compressPiece(page)],
      [token, long],
    );
    expect(gunzipSync(gzip).equals(Buffer.concat([page, token, long, page]))).toBe(true);
    // The static parts stay compressed: far smaller than the page.
    expect(gzip.length).toBeLessThan(long.length + page.length / 10);
  });

  it('is valid with no gaps at all and with nothing but empty pieces', () => {
    const text = Buffer.from('héllo wörld '.repeat(100));
    expect(gunzipSync(spliceGzip([compressPiece(text)], [])).equals(text)).toBe(true);
    expect(gunzipSync(spliceGzip([compressPiece(Buffer.alloc(0))], [])).length).toBe(0);
  });

  it('is refused by gunzip when a byte is damaged (the CRC covers everything)', () => {
    const gzip = spliceGzip([compressPiece(Buffer.from('a'.repeat(2000)))], [Buffer.from('b')]);
    gzip[gzip.length - 14]! ^= 0xff;
    expect(() => gunzipSync(gzip)).toThrow();
  });
});
