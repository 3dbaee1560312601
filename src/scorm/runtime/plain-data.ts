/** Whether a commit's CMI can be kept as it is: plain JSON data that PostgreSQL jsonb accepts. */
import { isPlainObject, kindOf, show, type Problems } from './problems.js';

/** Postgres cannot store NUL in text or jsonb, nor a lone surrogate in jsonb. */
// oxlint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL text cannot store.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** scorm-again nests five levels under cmi (cmi.interactions.0.correct_responses.0.pattern). */
const MAX_DEPTH = 10;

/** Whatever the SCO and scorm-again add is kept, so it must be data that JSON and Postgres can hold. */
export function checkPlainData(
  value: unknown,
  element: string,
  depth: number,
  seen: Set<object>,
  problems: Problems,
): void {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value))
      problems.add(
        element,
        `${element} holds a NUL character or a broken surrogate pair, which cannot be stored; encode binary data (e.g. Base64) before saving it`,
      );
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      problems.add(element, `${element} is ${value}; only finite numbers can be stored`);
    return;
  }
  if (typeof value === 'boolean' || value === null) return;
  if (typeof value !== 'object')
    return problems.add(element, `${element} is ${kindOf(value)}; only JSON data can be stored`);
  if (depth >= MAX_DEPTH)
    return problems.add(
      element,
      `${element} nests deeper than ${MAX_DEPTH} levels under cmi; flatten it`,
    );
  if (seen.has(value))
    return problems.add(
      element,
      `${element} is an object already used elsewhere in the commit; send plain JSON data`,
    );
  seen.add(value);
  if (!Array.isArray(value) && !isPlainObject(value))
    return problems.add(element, `${element} is ${kindOf(value)}; only JSON data can be stored`);
  for (const [key, item] of Object.entries(value)) {
    const at = `${element}.${key}`;
    if (key === '__proto__' || UNSTORABLE.test(key))
      problems.add(at, `${element} has the key ${show(key)}, which cannot be stored`);
    else checkPlainData(item, at, depth + 1, seen, problems);
  }
}

export function jsonBytes(body: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(body));
  } catch {
    return 0; // a cycle or a bigint: checkPlainData has said so
  }
}
