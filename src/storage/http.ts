/**
 * Answers a GET for a stored object as a static file server would: ETag and If-None-Match (304),
 * one byte range (206, or 416 when it lies past the end), streamed from the store.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import parseRange from 'range-parser';
import type { ByteRange, ObjectStorage } from './types.js';

/** Undefined when the object does not exist (the caller answers in its own words). */
export async function sendStored(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: ObjectStorage,
  key: string,
): Promise<FastifyReply | undefined> {
  const info = await storage.head(key);
  if (!info) return undefined;
  reply.header('etag', info.etag).header('accept-ranges', 'bytes');
  if (matchesAny(request.headers['if-none-match'], info.etag)) return reply.code(304).send();

  let range: ByteRange | undefined;
  const asked = request.headers.range;
  // A range of another version of the file (If-Range names an older one) gets the whole file.
  if (asked && (!request.headers['if-range'] || request.headers['if-range'] === info.etag)) {
    const ranges = parseRange(info.size, asked, { combine: true });
    if (ranges === -1)
      return reply.code(416).header('content-range', `bytes */${info.size}`).send();
    // A malformed header is ignored, and several ranges get the whole file (both as RFC 9110 allows).
    if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) range = ranges[0];
  }
  reply.type(info.contentType);
  reply.header('content-length', range ? range.end - range.start + 1 : info.size);
  if (range)
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
  // Fastify drains a stream sent to HEAD, and counts an empty answer as length 0: an empty stream
  // keeps the length above without reading the object.
  if (request.method === 'HEAD') return reply.send(Readable.from([]));
  const object = await storage.get(key, range ? { range } : {});
  if (!object) return undefined;
  return reply.send(object.stream);
}

/** If-None-Match: `*` or a list of tags, compared weakly (RFC 9110 §13.1.2). */
function matchesAny(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}
