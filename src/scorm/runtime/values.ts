/**
 * Checks of single CMI values (text, vocabulary, number, time span, score, list), each reading what
 * scorm-again sends and noting what is wrong without throwing.
 */
import type { ScormVersion } from './commit-types.js';
import { RESULTS } from './vocabulary.js';
import { isPlainObject, kindOf, show, type Json, type Problems } from './problems.js';

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;
const INDEX = /^(?:0|[1-9]\d{0,5})$/;
const TIMESPAN_12 = /^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/;
const N = String.raw`(\d+(?:[.,]\d+)?)`;
const DURATION_2004 = new RegExp(
  `^P(?:${N}Y)?(?:${N}M)?(?:${N}W)?(?:${N}D)?(?:T(?:${N}H)?(?:${N}M)?(?:${N}S)?)?$`,
);
/** Years and months have no fixed length; like scorm-again, a year is 365 days and a month 30. */
const DURATION_UNITS = [365 * 86_400, 30 * 86_400, 7 * 86_400, 86_400, 3_600, 60, 1];

export interface ListEntry {
  index: number;
  element: string;
  value: Json;
}

/** 2004 reports score.scaled; a 1.2 raw score is placed between min and max (0 and 100 when unset). */
export function readScore(
  version: ScormVersion,
  value: unknown,
  element: string,
  problems: Problems,
): { raw: number | null; scaled: number | null } {
  const score = readObject(value, element, problems);
  const raw = readDecimal(score.raw, `${element}.raw`, problems);
  const min = readDecimal(score.min, `${element}.min`, problems);
  const max = readDecimal(score.max, `${element}.max`, problems);
  if (version === 'scorm2004') {
    const scaled = readDecimal(score.scaled, `${element}.scaled`, problems, [-1, 1]);
    return { raw, scaled: scaled === null ? null : clamp(scaled) };
  }
  const [low, high] = [min ?? 0, max ?? 100];
  return { raw, scaled: raw === null || high <= low ? null : clamp((raw - low) / (high - low)) };
}

export function readText(value: unknown, element: string, max: number, problems: Problems): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    problems.add(element, `${element} is ${kindOf(value)}; it must be text`);
    return '';
  }
  if (value.length > max)
    problems.add(element, `${element} is ${value.length} characters; at most ${max} are accepted`);
  return value;
}

/** An absent or empty vocabulary element takes the data model's initial value. */
export function readChoice<T extends string>(
  value: unknown,
  element: string,
  allowed: readonly T[],
  initial: T,
  problems: Problems,
): T {
  if (value === undefined || value === null || value === '') return initial;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  problems.add(element, `${element} is ${show(value)}; it must be one of ${allowed.join(', ')}`);
  return initial;
}

export function readResult(
  version: ScormVersion,
  value: unknown,
  element: string,
  problems: Problems,
): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (
    typeof value === 'string' &&
    (DECIMAL.test(value) || (RESULTS[version] as readonly string[]).includes(value))
  )
    return value === 'wrong' ? 'incorrect' : value;
  problems.add(
    element,
    `${element} is ${show(value)}; it must be one of ${RESULTS[version].join(', ')}, or a number`,
  );
  return '';
}

/** Numbers arrive as strings from scorm-again; an empty one means "not set" (no score). */
export function readDecimal(
  value: unknown,
  element: string,
  problems: Problems,
  range?: [number, number],
): number | null {
  if (value === undefined || value === null || value === '') return null;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && DECIMAL.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(number)) {
    problems.add(
      element,
      `${element} is ${show(value)}; it must be a number such as 0.75, or empty`,
    );
    return null;
  }
  if (range && (number < range[0] || number > range[1])) {
    problems.add(
      element,
      `${element} is ${number}; it must be between ${range[0]} and ${range[1]}`,
    );
    return null;
  }
  return number;
}

/** Seconds in a 1.2 CMITimespan (HHHH:MM:SS.SS) or a 2004 ISO 8601 duration (P1DT2H3M4.5S). */
export function readTimespan(
  version: ScormVersion,
  value: unknown,
  element: string,
  problems: Problems,
): number {
  if (value === undefined || value === null || value === '') return 0;
  const text = typeof value === 'string' ? value : '';
  let seconds: number | undefined;
  if (version === 'scorm12') {
    const match = TIMESPAN_12.exec(text);
    if (match) seconds = Number(match[1]) * 3_600 + Number(match[2]) * 60 + Number(match[3]);
  } else {
    const match = DURATION_2004.exec(text);
    if (match && !text.endsWith('T'))
      seconds = DURATION_UNITS.reduce(
        (sum, unit, i) => sum + Number((match[i + 1] ?? '0').replace(',', '.')) * unit,
        0,
      );
  }
  if (seconds === undefined || !Number.isFinite(seconds)) {
    const form =
      version === 'scorm12'
        ? 'HHHH:MM:SS.SS, e.g. 0001:30:00'
        : 'an ISO 8601 duration, e.g. PT1H30M';
    problems.add(element, `${element} is ${show(value)}; it must be ${form}`);
    return 0;
  }
  return Math.round(seconds * 100) / 100;
}

export function readObject(value: unknown, element: string, problems: Problems): Json {
  if (value === undefined || value === null) return {};
  if (isPlainObject(value)) return value;
  problems.add(element, `${element} is ${kindOf(value)}; it must be an object`);
  return {};
}

/** A CMI list: an object keyed by position, as scorm-again sends it, or an array. */
export function readList(
  value: unknown,
  element: string,
  max: number,
  problems: Problems,
): ListEntry[] {
  if (value === undefined || value === null) return [];
  const entries = Array.isArray(value)
    ? value.map((entry, i) => [String(i), entry] as const)
    : isPlainObject(value)
      ? Object.entries(value)
      : undefined;
  if (!entries) {
    problems.add(
      element,
      `${element} is ${kindOf(value)}; it must be an object keyed by position ("0", "1", …)`,
    );
    return [];
  }
  if (entries.length > max) {
    problems.add(
      element,
      `${element} holds ${entries.length} entries; at most ${max} are accepted`,
    );
    return [];
  }
  const list: ListEntry[] = [];
  for (const [key, entry] of entries) {
    const at = `${element}.${key}`;
    if (!INDEX.test(key))
      problems.add(
        at,
        `${element} has the key ${show(key)}; its entries are keyed by position ("0", "1", …)`,
      );
    else if (!isPlainObject(entry))
      problems.add(at, `${at} is ${kindOf(entry)}; it must be an object`);
    else list.push({ index: Number(key), element: at, value: entry });
  }
  return list.sort((a, b) => a.index - b.index);
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
