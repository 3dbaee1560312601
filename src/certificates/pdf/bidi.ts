import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

const require = createRequire(import.meta.url);
// bidi-js is CommonJS whose module.exports is the factory itself.
const bidi = (require('bidi-js') as () => Bidi)();

/** A stretch of one direction, ready to hand to the shaper; runs are listed left to right as on the page. */
export type Run = { text: string; rtl: boolean };

// fontkit takes a run's script from its first character that has one, and reverses the shaped
// glyphs when that script is written right to left.
const FIRST_SCRIPT_CHAR = /[^\p{Script=Common}\p{Script=Inherited}]/u;
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const fontkitReverses = (run: string) => RTL_SCRIPT.test(FIRST_SCRIPT_CHAR.exec(run)?.[0] ?? '');
// Marks such as U+200F that only steer the algorithm; DejaVu would draw a box for some of them.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Splits one line into same-direction runs in visual order, using the Unicode Bidirectional
 * Algorithm (bidi-js): pdfkit draws a string in the order it is given and never reorders a line
 * that mixes Arabic with Latin or digits.
 *
 * Right-to-left runs keep their logical order on purpose: Arabic joining needs it, and fontkit
 * reverses the shaped glyphs of an Arabic run itself. Brackets in right-to-left runs are mirrored.
 * `base` is the paragraph direction; 'auto' takes it from the first strong letter, as HTML dir="auto".
 */
export function visualRuns(text: string, base: 'ltr' | 'rtl' | 'auto' = 'auto'): Run[] {
  const embedding = bidi.getEmbeddingLevels(text, base);
  const mirrors = bidi.getMirroredCharactersMap(text, embedding.levels);
  const spans: { start: number; end: number; rtl: boolean }[] = [];
  for (const index of bidi.getReorderedIndices(text, embedding)) {
    const rtl = embedding.levels[index]! % 2 === 1;
    const last = spans.at(-1);
    // Consecutive on the page and in the text (backwards when right to left): the same run.
    if (last && last.rtl === rtl && index === (rtl ? last.start - 1 : last.end + 1)) {
      if (rtl) last.start = index;
      else last.end = index;
    } else spans.push({ start: index, end: index, rtl });
  }
  return spans
    .map(({ start, end, rtl }) => {
      let run = '';
      for (let i = start; i <= end; i += 1) run += mirrors.get(i) ?? text[i];
      run = run.replace(BIDI_CONTROLS, '');
      // Pre-reverse the runs where fontkit's guess from the script is wrong: neutrals only in a
      // right-to-left run, and Arabic-Indic digits (Arabic script, yet written left to right).
      if (rtl !== fontkitReverses(run)) run = [...run].reverse().join('');
      return { text: run, rtl };
    })
    .filter((run) => run.text !== '');
}
