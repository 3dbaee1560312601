import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import PDFDocument from 'pdfkit';
import type { Locale } from '../db/database.js';

const require = createRequire(import.meta.url);
// DejaVu Sans covers Latin (accents, œ, ñ, ¿) and Arabic with its joining forms, in one family.
const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
// bidi-js is CommonJS whose module.exports is the factory itself.
const bidi = (require('bidi-js') as () => Bidi)();

export type CertificateInput = {
  locale: Locale;
  learnerName: string;
  courseTitle: string;
  completedOn: Date;
  verificationCode: string;
  verificationUrl: string;
  labels: { heading: string; certifies: string; completed: string; date: string; verify: string };
};

type Run = { text: string; level: number };

/**
 * Splits a line into runs of one direction, in visual (left-to-right on the page) order.
 * pdfkit shapes each run with fontkit, which joins Arabic letters and lays out a right-to-left
 * run itself, but it does not reorder a line that mixes directions: that is done here with the
 * Unicode Bidirectional Algorithm (bidi-js).
 */
export function visualRuns(text: string, base: 'ltr' | 'rtl'): Run[] {
  const { levels } = bidi.getEmbeddingLevels(text, base);
  const runs: Run[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const level = levels[i]!;
    const last = runs.at(-1);
    if (last && last.level === level) last.text += text[i];
    else runs.push({ text: text[i]!, level });
  }
  // Rule L2: from the highest level down to the lowest odd level, reverse each sequence of runs at that level or above.
  const highest = Math.max(...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level -= 1) {
    for (let start = 0; start < runs.length; ) {
      if (runs[start]!.level < level) {
        start += 1;
        continue;
      }
      let end = start;
      while (end + 1 < runs.length && runs[end + 1]!.level >= level) end += 1;
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
      start = end + 1;
    }
  }
  return runs.map((run) => ({ ...run, text: run.level % 2 === 1 ? rightToLeft(run.text) : run.text }));
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * Prepares a right-to-left run for pdfkit. fontkit reverses the glyphs of a run written in an
 * RTL script itself; a run of only neutrals (a parenthesis and a space between two Latin words
 * in an Arabic line) it leaves alone, so that one is reversed here.
 */
function rightToLeft(text: string): string {
  const mirrored = mirror(text);
  return RTL_LETTER.test(text) ? mirrored : [...mirrored].reverse().join('');
}

function mirror(text: string): string {
  const map = bidi.getMirroredCharactersMap(text, new Uint8Array(text.length).fill(1));
  if (map.size === 0) return text;
  return [...text].map((char, index) => map.get(index) ?? char).join('');
}

/** Draws one line centred on the page, each run shaped on its own and placed in visual order. */
function centredLine(doc: PDFKit.PDFDocument, text: string, options: { y: number; size: number; bold?: boolean; color?: string; base: 'ltr' | 'rtl' }) {
  const measure = (size: number) => {
    doc.font(options.bold ? 'bold' : 'regular').fontSize(size).fillColor(options.color ?? '#1c2430');
    return visualRuns(text, options.base).map((run) => ({ ...run, width: doc.widthOfString(run.text, runOptions(run)) }));
  };
  // A long name or title shrinks to fit inside the border rather than running over it.
  const room = doc.page.width - 120;
  let runs = measure(options.size);
  let width = runs.reduce((sum, run) => sum + run.width, 0);
  if (width > room) {
    runs = measure(Math.max(9, (options.size * room) / width));
    width = runs.reduce((sum, run) => sum + run.width, 0);
  }
  let x = (doc.page.width - width) / 2;
  for (const run of runs) {
    doc.text(run.text, x, options.y, { ...runOptions(run), lineBreak: false });
    x += run.width;
  }
}

function runOptions(run: Run): PDFKit.Mixins.TextOptions {
  // Right-to-left runs are shaped as Arabic so fontkit applies joining forms and orders the glyphs.
  return run.level % 2 === 1 ? ({ features: ['init', 'medi', 'fina', 'isol', 'rlig', 'liga'] } as PDFKit.Mixins.TextOptions) : {};
}

function formatDate(date: Date, locale: Locale): string {
  // Arabic: Western digits (latn) read well in print across the Arab world and match the code and URL.
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, { dateStyle: 'long' }).format(date);
}

/** An A4 landscape PDF certificate in the learner's language, with the fonts embedded (subset). */
export function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  const base = input.locale === 'ar' ? 'rtl' : 'ltr';
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: `${input.labels.heading}: ${input.courseTitle}`, Author: 'Lantern', Subject: input.courseTitle, Keywords: input.verificationCode },
    lang: input.locale,
    displayTitle: true,
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width, height } = doc.page;
  doc.lineWidth(6).strokeColor('#164766').rect(24, 24, width - 48, height - 48).stroke();
  doc.lineWidth(1.5).strokeColor('#f6c343').rect(36, 36, width - 72, height - 72).stroke();
  // A small lantern, drawn: the same shape as the site's logo.
  const cx = width / 2;
  doc.save().translate(cx - 18, 60).scale(1.5);
  doc.path('M9 2h6v2h2v3a5 5 0 0 1 1 3v8a4 4 0 0 1-4 4h-4a4 4 0 0 1-4-4v-8a5 5 0 0 1 1-3V4h2z').fill('#164766');
  doc.path('M12 9c1.6 1.7 2.4 3.1 2.4 4.4A2.4 2.4 0 0 1 12 16a2.4 2.4 0 0 1-2.4-2.6c0-1.3.8-2.7 2.4-4.4z').fill('#f6c343');
  doc.restore();

  centredLine(doc, input.labels.heading, { y: 125, size: 32, bold: true, color: '#164766', base });
  centredLine(doc, input.labels.certifies, { y: 190, size: 16, base });
  centredLine(doc, input.learnerName, { y: 225, size: 30, bold: true, base });
  centredLine(doc, input.labels.completed, { y: 285, size: 16, base });
  centredLine(doc, input.courseTitle, { y: 318, size: 22, bold: true, color: '#164766', base });
  centredLine(doc, `${input.labels.date}: ${formatDate(input.completedOn, input.locale)}`, { y: 385, size: 14, base });
  centredLine(doc, `${input.labels.verify}:`, { y: 470, size: 11, color: '#4a5566', base });
  centredLine(doc, input.verificationUrl, { y: 488, size: 11, color: '#4a5566', base: 'ltr' });
  centredLine(doc, input.verificationCode, { y: 510, size: 14, bold: true, base: 'ltr' });
  doc.end();
  return done;
}
