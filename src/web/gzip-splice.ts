import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A piece of a page compressed once. Its raw deflate data ends with a sync flush (an empty stored
 * block), so it is byte-aligned and not final: pieces compressed apart can follow one another in
 * one deflate stream, as pigz joins its blocks. The raw bytes are kept for the CRC and for
 * clients that take no gzip.
 */
export type Piece = { raw: Buffer; deflated: Buffer };

export function compressPiece(raw: Buffer): Piece {
  return {
    raw,
    deflated:
      raw.length === 0
        ? Buffer.alloc(0)
        : deflateRawSync(raw, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }),
  };
}

const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** A final, empty stored block: the end of the deflate stream. */
const END = Buffer.from([1, 0, 0, 0xff, 0xff]);
const STORED_MAX = 0xffff;

const storedSize = (length: number) => length + 5 * Math.ceil(length / STORED_MAX);

/**
 * One gzip member made of the pieces, each followed by its gap (`gaps[i]` after `pieces[i]`,
 * fewer gaps than pieces or as many): the pieces as compressed once, the gaps (a request's own
 * bytes, a few dozen) as stored blocks, then the final block, CRC-32 and length, in one buffer.
 */
export function spliceGzip(pieces: readonly Piece[], gaps: readonly Buffer[]): Buffer {
  let size = HEADER.length + END.length + 8;
  let length = 0;
  for (let i = 0; i < pieces.length; i += 1) {
    size += pieces[i]!.deflated.length;
    length += pieces[i]!.raw.length;
    const gap = gaps[i];
    if (gap && gap.length > 0) {
      size += storedSize(gap.length);
      length += gap.length;
    }
  }
  const out = Buffer.allocUnsafe(size);
  let at = HEADER.copy(out, 0);
  let crc = 0;
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    at += piece.deflated.copy(out, at);
    crc = crc32(piece.raw, crc);
    const gap = gaps[i];
    if (!gap || gap.length === 0) continue;
    crc = crc32(gap, crc);
    for (let from = 0; from < gap.length; from += STORED_MAX) {
      const chunk = Math.min(STORED_MAX, gap.length - from);
      // Byte-aligned already: a stored block header is one byte (not final, type 00), then LEN, NLEN.
      out[at] = 0;
      out.writeUInt16LE(chunk, at + 1);
      out.writeUInt16LE(~chunk & 0xffff, at + 3);
      at += 5;
      at += gap.copy(out, at, from, from + chunk);
    }
  }
  at += END.copy(out, at);
  out.writeUInt32LE(crc >>> 0, at);
  out.writeUInt32LE(length >>> 0, at + 4);
  return out;
}
