/**
 * The typical learning time of a package, from its LOM metadata: what the catalogue shows as the
 * course's duration. Only `educational/typicalLearningTime` counts; the time limits a package sets
 * (`adlcp:maxtimeallowed`, `attemptAbsoluteDurationLimit`) say how long a learner may take, not
 * how long the course takes, and are never read here.
 */
import type { Element } from '@xmldom/xmldom';
import { ANY_NS, childElement, childElements, textOf } from './xml.js';

const ISO_DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
/** `HH:MM:SS`, `HHHH:MM:SS.SS` (SCORM 1.2 CMITimespan) or `HH:MM`, as some 1.2 tools write it. */
const CLOCK = /^(\d{1,4}):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/;
const SECONDS = { Y: 365 * 86_400, M: 30 * 86_400, W: 7 * 86_400, D: 86_400 } as const;

/**
 * Seconds in an ISO 8601 duration (`PT1H30M`, `PT45M`, `P1DT2H`) or a clock-style time span
 * (`01:30:00`); undefined for anything else, and for zero.
 */
export function parseLearningTime(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const number = (part: string | undefined) => (part ? Number(part.replace(',', '.')) : 0);
  let seconds: number;
  const iso = ISO_DURATION.exec(text);
  const clock = iso ? null : CLOCK.exec(text);
  if (iso) {
    const [, years, months, weeks, days, hours, minutes, secs] = iso;
    seconds =
      number(years) * SECONDS.Y +
      number(months) * SECONDS.M +
      number(weeks) * SECONDS.W +
      number(days) * SECONDS.D +
      number(hours) * 3600 +
      number(minutes) * 60 +
      number(secs);
  } else if (clock) {
    seconds = number(clock[1]) * 3600 + number(clock[2]) * 60 + number(clock[3]);
  } else return undefined;
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : undefined;
}

/**
 * `lom/educational/typicalLearningTime`: IEEE LOM (SCORM 2004) writes the value in `<duration>`,
 * IMS Metadata 1.2 (SCORM 1.2) in `<datetime>`; some tools wrap it once more in `<value>`.
 */
export function typicalLearningSeconds(lom: Element): number | undefined {
  for (const educational of childElements(lom, ANY_NS, 'educational')) {
    for (const time of childElements(educational, ANY_NS, 'typicalLearningTime')) {
      for (const name of ['duration', 'datetime']) {
        const element = childElement(time, ANY_NS, name);
        if (!element) continue;
        const wrapped = childElement(element, ANY_NS, 'value');
        const seconds = parseLearningTime(textOf(wrapped ?? element));
        if (seconds !== undefined) return seconds;
      }
      const seconds = parseLearningTime(textOf(time));
      if (seconds !== undefined) return seconds;
    }
  }
  return undefined;
}

/** Whole minutes for the catalogue (at least one for any time at all); 0 when unknown. */
export function learningMinutes(seconds: number | undefined): number {
  return seconds ? Math.max(1, Math.round(seconds / 60)) : 0;
}
