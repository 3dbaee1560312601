/** How a refused commit explains itself: one English sentence per CMI element, values quoted short. */
import type { CommitResult } from './commit-types.js';

/** Past this many, the sentences stop helping whoever reads them. */
const MAX_PROBLEMS = 50;

export type Json = Record<string, unknown>;

/** One sentence per CMI element, the first problem found with it. */
export class Problems {
  readonly sentences: string[] = [];
  private readonly elements = new Set<string>();

  add(element: string, sentence: string): void {
    if (this.elements.has(element)) return;
    this.elements.add(element);
    this.sentences.push(sentence);
  }
}

export function refuse(problems: Problems): CommitResult {
  const { sentences } = problems;
  if (sentences.length <= MAX_PROBLEMS) return { ok: false, problems: sentences };
  return {
    ok: false,
    problems: [
      ...sentences.slice(0, MAX_PROBLEMS),
      `${sentences.length - MAX_PROBLEMS} more problems were found; fix the ones above first`,
    ],
  };
}

export function isPlainObject(value: unknown): value is Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${show(value)}`;
  if (typeof value === 'object')
    return isPlainObject(value)
      ? 'an object'
      : `a ${value.constructor?.name ?? 'non-plain object'}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `the ${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

/** A value as a sentence quotes it: strings in quotes and cut short. */
export function show(value: unknown): string {
  if (typeof value === 'object' && value !== null) return kindOf(value);
  if (typeof value !== 'string') return typeof value === 'symbol' ? 'a symbol' : String(value);
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
