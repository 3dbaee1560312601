import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Locale } from '../db/database.js';
import { visualRuns } from './pdf/bidi.js';

const require = createRequire(import.meta.url);
// DejaVu Sans has Latin (é, ç, œ, ñ, ¿) and Arabic with its joining forms and lam-alef ligatures in
// one family, so a line mixing the two scripts needs no font switching. pdfkit embeds only the
// glyphs drawn (a subset), which keeps a certificate around 20-25 KB.
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const INK = '#1c2430';
const BLUE = '#164766';
const GOLD = '#e0a526';
const MUTED = '#4a5566';

export type CertificateInput = {
  locale: Locale;
  learnerName: string;
  courseTitle: string;
  completedOn: Date;
  verificationCode: string;
  verificationUrl: string;
  labels: { heading: string; certifies: string; completed: string; date: string; verify: string };
};

type Box = { x: number; width: number; align: 'left' | 'center' | 'right' };
type Style = {
  size: number;
  bold?: boolean;
  color?: string;
  dir: 'ltr' | 'rtl' | 'auto';
  /** A line too long for its box shrinks, but never below this size (default: no limit). */
  minSize?: number;
};
/** Where a line was drawn: its start, width and font size (for a link over it). */
type Drawn = { x: number; width: number; size: number };

// pdfkit shapes each space-separated word on its own unless features are given, which would set
// the words of an Arabic run left to right. Any features array, even empty, makes it shape the run
// whole; fontkit still applies the script's defaults (joining forms, ligatures, mark placement).
const WHOLE_RUN = { features: [] };

/** The width of a line at a size, without drawing it. */
function measure(doc: PDFKit.PDFDocument, raw: string, size: number, bold = false): number {
  doc.font(bold ? 'bold' : 'regular').fontSize(size);
  return doc.widthOfString(raw, WHOLE_RUN);
}

/** Draws one line on a baseline, in visual order, shrunk to fit its box if it is too long. */
function line(doc: PDFKit.PDFDocument, raw: string, y: number, box: Box, style: Style): Drawn {
  const runs = visualRuns(raw.replace(/\s+/g, ' ').trim(), style.dir);
  doc.font(style.bold ? 'bold' : 'regular').fillColor(style.color ?? INK);
  const widthAt = (size: number) => {
    doc.fontSize(size);
    return runs.map((run) => doc.widthOfString(run.text, WHOLE_RUN));
  };
  let size = style.size;
  let widths = widthAt(size);
  const total = widths.reduce((sum, width) => sum + width, 0);
  // A long name or course title gets smaller rather than running over the border.
  if (total > box.width) {
    size = Math.max(style.minSize ?? 0, (style.size * box.width) / total);
    widths = widthAt(size);
  }
  const width = widths.reduce((sum, w) => sum + w, 0);
  let x =
    box.align === 'left'
      ? box.x
      : box.align === 'right'
        ? box.x + box.width - width
        : box.x + (box.width - width) / 2;
  const start = x;
  runs.forEach((run, i) => {
    doc.text(run.text, x, y, { ...WHOLE_RUN, lineBreak: false, baseline: 'alphabetic' });
    x += widths[i]!;
  });
  return { x: start, width, size };
}

const URL_SIZE = 11;
/** Smallest size the address is printed at; a longer address is broken after its last slash. */
const URL_MIN_SIZE = 8;

/**
 * The verification address, printed in full and underlined, with a link annotation over it so
 * that a PDF reader opens it; on two lines (broken after the last `/`) when one would be too
 * small to read. Returns the baseline of its last line.
 */
function verificationAddress(doc: PDFKit.PDFDocument, url: string, y: number, box: Box): number {
  const slash = url.lastIndexOf('/');
  const fitsOnOne = measure(doc, url, URL_MIN_SIZE) <= box.width || slash <= 0;
  const parts = fitsOnOne ? [url] : [url.slice(0, slash + 1), url.slice(slash + 1)];
  let baseline = y;
  parts.forEach((part, i) => {
    baseline = y + i * (URL_MIN_SIZE + 4);
    const drawn = line(doc, part, baseline, box, {
      size: URL_SIZE,
      minSize: URL_MIN_SIZE,
      color: BLUE,
      dir: 'ltr',
    });
    doc
      .lineWidth(0.5)
      .strokeColor(BLUE)
      .moveTo(drawn.x, baseline + 1.5)
      .lineTo(drawn.x + drawn.width, baseline + 1.5)
      .stroke();
    doc.link(drawn.x, baseline - drawn.size, drawn.width, drawn.size * 1.35, url);
  });
  return baseline;
}

/** A small lantern drawn with paths (no image), centred on cx with its top at y. */
function lantern(doc: PDFKit.PDFDocument, cx: number, y: number) {
  doc.save().translate(cx - 20, y);
  doc.lineWidth(1.6).strokeColor(BLUE).circle(20, 4, 3.2).stroke();
  doc.polygon([12, 8], [28, 8], [33, 14], [7, 14]).fill(BLUE);
  doc.roundedRect(10, 14, 20, 31, 3).fillAndStroke('#fdf3d6', BLUE);
  doc.path('M20 22 C24 27 25 31 25 33.5 A5 5 0 0 1 15 33.5 C15 31 16 27 20 22 Z').fill(GOLD);
  doc.rect(7, 45, 26, 5).fill(BLUE);
  doc.restore();
}

function formatDate(date: Date, locale: Locale): string {
  // Arabic with Western digits (latn): they are read across the Maghreb and the Mashreq, they
  // match the digits of the verification code and URL printed below, and they do not depend on
  // the ICU version (CLDR changed the default digits of plain 'ar' over time).
  // UTC, so the date is the one recorded whatever the server's time zone.
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** An A4 landscape certificate in the learner's language; fonts are embedded as subsets. */
export function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  const { labels } = input;
  const rtl = input.locale === 'ar';
  const dir = rtl ? 'rtl' : 'ltr';
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    pdfVersion: '1.4', // /Lang in the catalogue is a PDF 1.4 feature
    lang: input.locale,
    displayTitle: true,
    info: {
      Title: `${labels.heading} — ${input.courseTitle}`,
      Author: 'Lantern',
      Subject: `${input.learnerName} — ${input.courseTitle}`,
      Keywords: input.verificationCode,
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width, height } = doc.page;
  doc
    .lineWidth(6)
    .strokeColor(BLUE)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(1.2)
    .strokeColor(GOLD)
    .rect(36, 36, width - 72, height - 72)
    .stroke();
  lantern(doc, width / 2, 54);

  // Labels follow the certificate's language; the name and the title take their own direction
  // (an Arabic name on an English certificate reads right to left), the URL and code are Latin.
  const centre: Box = { x: 70, width: width - 140, align: 'center' };
  line(doc, labels.heading, 158, centre, { size: 32, bold: true, color: BLUE, dir });
  doc
    .lineWidth(1.5)
    .strokeColor(GOLD)
    .moveTo(width / 2 - 40, 178)
    .lineTo(width / 2 + 40, 178)
    .stroke();
  line(doc, labels.certifies, 222, centre, { size: 15, dir });
  line(doc, input.learnerName, 268, centre, { size: 30, bold: true, dir: 'auto' });
  line(doc, labels.completed, 314, centre, { size: 15, dir });
  line(doc, input.courseTitle, 354, centre, { size: 22, bold: true, color: BLUE, dir: 'auto' });

  // Footer: the date on the reading start side, the verification on the end side; both sides swap
  // in Arabic. Labels sit on their own line so no language's colon convention is imposed.
  const [left, right] = [80, width - 80];
  const start: Box = rtl
    ? { x: right - 240, width: 240, align: 'right' }
    : { x: left, width: 240, align: 'left' };
  const end: Box = rtl
    ? { x: left, width: 400, align: 'left' }
    : { x: right - 400, width: 400, align: 'right' };
  for (const box of [start, end])
    doc
      .lineWidth(0.8)
      .strokeColor(GOLD)
      .moveTo(box.x, 440)
      .lineTo(box.x + box.width, 440)
      .stroke();
  line(doc, labels.date, 460, start, { size: 11, color: MUTED, dir });
  line(doc, formatDate(input.completedOn, input.locale), 482, start, { size: 14, bold: true, dir });
  line(doc, labels.verify, 460, end, { size: 11, color: MUTED, dir });
  const lastUrlLine = verificationAddress(doc, input.verificationUrl, 480, end);
  line(doc, input.verificationCode, lastUrlLine + 22, end, { size: 13, bold: true, dir: 'ltr' });
  doc.end();
  return done;
}
