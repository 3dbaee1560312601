import { randomBytes } from 'node:crypto';
import { compressPiece, spliceGzip, type Piece } from './gzip-splice.js';

/**
 * A page rendered once with a placeholder wherever a request's own value goes (CSRF token, the
 * learner's progress marks...), cut at the placeholders: the pieces in between are the same for
 * every request with the same key and are kept, compressed once. Each request renders nothing;
 * it computes its values, escapes them as the template would, and splices them in.
 */
export type CachedPage<C> = {
  pieces: Piece[];
  /** `gaps[i]` is the hole after `pieces[i]` (an index into `holes`), -1 after the last piece. */
  gaps: number[];
  /** Each hole's value for a request, unescaped (templates print every hole with `<%= %>`). */
  holes: Array<(context: C) => string>;
};

// Control characters and a random word of this process: no page text holds a placeholder by chance
// (or by an author's design); a page that holds these characters anyway is not cached.
const OPEN = '\u0001';
const CLOSE = '\u0002';
const NONCE = randomBytes(6).toString('hex');
const PLACEHOLDER = new RegExp(`${OPEN}${NONCE}:(\\d+)${CLOSE}`, 'g');

/** Collects holes while a page renders: each call returns the placeholder printed in its place. */
export class HoleRecorder<C> {
  readonly holes: Array<(context: C) => string> = [];
  hole = (value: (context: C) => string): string => {
    this.holes.push(value);
    return `${OPEN}${NONCE}:${this.holes.length - 1}${CLOSE}`;
  };
}

/**
 * Cuts a page rendered with the recorder's placeholders into pieces compressed once; undefined
 * when the page holds placeholder characters of its own, or a placeholder its template changed.
 */
export function cutPage<C>(html: string, recorder: HoleRecorder<C>): CachedPage<C> | undefined {
  const matches = [...html.matchAll(PLACEHOLDER)];
  const count = matches.length + 1;
  if (html.split(OPEN).length !== count || html.split(CLOSE).length !== count) return undefined;
  const pieces: Piece[] = [];
  const gaps: number[] = [];
  let from = 0;
  for (const match of matches) {
    pieces.push(compressPiece(Buffer.from(html.slice(from, match.index))));
    gaps.push(Number(match[1]));
    from = match.index + match[0].length;
  }
  pieces.push(compressPiece(Buffer.from(html.slice(from))));
  gaps.push(-1);
  return { pieces, gaps, holes: recorder.holes };
}

/** The page for one request: gzip made of the cached pieces and its own values, or plain bytes. */
export function fillPage<C>(
  page: CachedPage<C>,
  context: C,
  escape: (text: string) => string,
  gzip: boolean,
): Buffer {
  const values = page.holes.map((hole) => Buffer.from(escape(hole(context))));
  const gaps = page.gaps.map((index) => (index < 0 ? EMPTY : values[index]!));
  if (gzip) return spliceGzip(page.pieces, gaps);
  const parts: Buffer[] = [];
  for (let i = 0; i < page.pieces.length; i += 1) parts.push(page.pieces[i]!.raw, gaps[i]!);
  return Buffer.concat(parts);
}
const EMPTY = Buffer.alloc(0);

/**
 * Pages by key, the oldest dropped first past `limit` pages or `maxBytes` of raw and compressed
 * text (keys hold content hashes: old ones age out; a long lesson must not make 400 pages weigh
 * hundreds of megabytes).
 */
export class PageCache {
  private readonly pages = new Map<string, { page: CachedPage<never>; bytes: number }>();
  private bytes = 0;
  /** Tests switch it off to compare with pages rendered in full. */
  enabled = true;
  constructor(
    private readonly limit = 400,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  get<C>(key: string): CachedPage<C> | undefined {
    return this.pages.get(key)?.page as CachedPage<C> | undefined;
  }

  set<C>(key: string, page: CachedPage<C>): void {
    const bytes = page.pieces.reduce(
      (sum, piece) => sum + piece.raw.length + piece.deflated.length,
      0,
    );
    this.drop(key);
    if (bytes > this.maxBytes) return;
    while (this.pages.size >= this.limit || this.bytes + bytes > this.maxBytes)
      this.drop(this.pages.keys().next().value!);
    this.pages.set(key, { page: page as CachedPage<never>, bytes });
    this.bytes += bytes;
  }

  private drop(key: string): void {
    const entry = this.pages.get(key);
    if (!entry) return;
    this.pages.delete(key);
    this.bytes -= entry.bytes;
  }
}
